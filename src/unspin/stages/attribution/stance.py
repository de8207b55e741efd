"""A cue's lemma and the stance it gives its statement, from the cue lexicon (cues.json):
"denied", "dismissed the claims" are deny; "accused", "blamed", "held … responsible" are
accuse; verbs of saying assert; wishes, questions and a negated cue ("did not say") are
other. A statement made with a verb of saying that calls claims or allegations baseless,
false or fabricated ("called the claims baseless", "said the allegations were lies") is a
denial."""

from __future__ import annotations

import re
from typing import Any

from unspin.rules import Cues

_FOLLOWING = 4  # tokens after the cue's verb a phrasal entry may reach ("held X responsible")


def cue_lemma(doc: Any, text: str, start: int, end: int) -> tuple[str, Any]:
    """The lemma of the cue's main verb with its particle ("brush off"), or the lower-cased
    phrase when it has no verb or is a fixed phrase ("according to"); and the head token
    (None if unparsed)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return text[start:end].lower().strip(), None
    words = " ".join(t.lower_ for t in span if not t.is_punct)
    if words == "according to":
        return words, span.root
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return " ".join(t.lemma_.lower() for t in span if not t.is_punct), span.root
    inside = {t.i for t in span}
    main = next((v for v in verbs if v.pos_ == "VERB" and v.head.i not in inside), None)
    head = main or next((v for v in verbs if v.pos_ == "VERB"), verbs[-1])
    particles = [c.lemma_.lower() for c in head.children if c.dep_ == "prt" and c.i in inside]
    return " ".join([head.lemma_.lower(), *particles]), head


def stance(cues: Cues, lemma: str, head: Any, cue_text: str, content: str) -> str:
    if _negated(cues, head, cue_text):
        return "other"
    first = lemma.split()[0] if lemma else ""
    found = cues.stance.get(lemma) or _phrase(cues, head) or cues.stance.get(first)
    saying = lemma in cues.saying or first in cues.saying
    if found is None and saying and _dismisses(cues, content):
        return "deny"
    if found is not None:
        return found
    return "assert" if saying else "other"


def _phrase(cues: Cues, head: Any) -> str | None:
    """A multi-word entry whose first word is the head's lemma and whose other words follow
    it in order within a few tokens ("held the police responsible", "played down")."""
    if head is None:
        return None
    following = [t.lemma_.lower() for t in head.doc[head.i + 1 : head.i + 1 + _FOLLOWING]]
    for entry, leaning in cues.stance.items():
        words = entry.split()
        if len(words) < 2 or words[0] != head.lemma_.lower():
            continue
        position = 0
        for word in words[1:]:
            try:
                position = following.index(word, position) + 1
            except ValueError:
                break
        else:
            return leaning
    return None


def _dismisses(cues: Cues, content: str) -> bool:
    """Claims called false: a target word ("claims") and a dismissive one ("baseless") a few
    words apart, with no negation between them."""
    for match in cues.dismissive.finditer(content.lower()):
        between = set(re.findall(r"[a-z']+", match.group(1).replace("n't", " n't")))
        if not between & cues.negations:
            return True
    return False


def _negated(cues: Cues, head: Any, cue_text: str) -> bool:
    words = set(re.findall(r"[a-z']+", cue_text.lower().replace("n't", " n't")))
    if words & cues.negations:
        return True
    return head is not None and any(c.dep_ == "neg" for c in head.children)
