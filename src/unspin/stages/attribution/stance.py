"""A cue's lemma and the stance it gives its statement, from the cue lexicon (cues.json):
"denied", "dismissed the claims" are deny; "accused", "blamed" are accuse; verbs of saying
assert; wishes, questions and a negated cue ("did not say") are other. A statement that
calls claims or allegations baseless, false or fabricated is a denial whatever its verb."""

from __future__ import annotations

import re
from typing import Any

from unspin.rules import Cues


def cue_lemma(doc: Any, start: int, end: int) -> tuple[str, Any]:
    """The lemma of the cue's main verb with its particle ("brush off"), or the lower-cased
    phrase when it has no verb ("according to"); and the head token (None if unparsed)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return doc.text[start:end].lower().strip(), None
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
    lowered = content.lower()
    if any(t in lowered for t in cues.dismissive_targets) and any(
        re.search(rf"\b{re.escape(w)}\b", lowered) for w in cues.dismissive_words
    ):
        return "deny"
    first = lemma.split()[0] if lemma else ""
    found = cues.stance.get(lemma) or cues.stance.get(first)
    if found is None:
        phrase = " ".join(cue_text.lower().split())
        found = next((s for w, s in cues.stance.items() if " " in w and w in phrase), None)
    if found is not None:
        return found
    return "assert" if lemma in cues.saying or first in cues.saying else "other"


def _negated(cues: Cues, head: Any, cue_text: str) -> bool:
    words = set(re.findall(r"[a-z']+", cue_text.lower().replace("n't", " n't")))
    if words & cues.negations:
        return True
    return head is not None and any(c.dep_ == "neg" for c in head.children)
