"""A headline that names its protagonist by a role ("Pit Bull Journalist Hounds Keith Ellison",
"Federal Judge Denies Bail", "Lawmaker makes shocking claim"): the role word refers to the
actor the article introduces with that role, the one it mentions most if several are. So does
the subject of a lede that names no one yet ("A federal judge denied bail on Wednesday to ...",
before "Magistrate Judge Kirtan Khalsa told the defendants ...")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from unspin.nlp import doc_text
from unspin.rules.actors import ActorRules
from unspin.stages.entities.names import DESCRIPTION, Name

_LONGEST = 160  # characters: a longer first line is a paragraph, not a headline


def headline_roles(
    doc: Any,
    rules: ActorRules,
    names: list[Name],
    mentions: list[tuple[Name, int]],
    roles: dict[int, set[str]],
    others: Sequence[tuple[int, int]] = (),
) -> list[tuple[Name, int]]:
    """The role words of the headline (the article's first line) and the role subject of the
    lede ("A federal judge denied ..."), with the actor each refers to."""
    end = doc_text(doc).find("\n")
    counts = Counter(c for n, c in mentions if n.how != DESCRIPTION)
    found: list[tuple[Name, int]] = []
    lines = [(0, end)] if 0 < end <= _LONGEST else []  # a line of its own before the text
    lines += [line for line in others if line[0] > max(end, 0)]  # quoted headlines
    for start, stop in lines:
        for token in doc.char_span(start, stop, alignment_mode="expand") or []:
            word = token.lower_
            if not (token.is_alpha and rules.person_noun(word)) or word in rules.courtesy:
                continue
            until = token.idx + len(token.text)
            if any(n.overlaps(token.idx, until) for n in names):
                continue
            actor = _holder(word, rules, roles, counts)
            if actor is not None:
                found.append((Name(token.idx, until, token.text, "person", DESCRIPTION), actor))
    after = end if 0 < end <= _LONGEST else 0  # the lede: after the headline, if any
    for subject in _lede_subjects(doc, after, names, rules):
        actor = _holder(subject.root.lower_, rules, roles, counts)
        if actor is not None:
            start = subject[1].idx
            stop = subject.root.idx + len(subject.root.text)
            text = doc_text(doc)[start:stop]
            found.append((Name(start, stop, text, "person", DESCRIPTION), actor))
    return found


def _holder(
    word: str, rules: ActorRules, roles: dict[int, set[str]], counts: Counter[int]
) -> int | None:
    """The actor introduced with the role `word`, the one mentioned most if several are."""
    role = rules.synonyms.get(word, frozenset({word}))
    holders = [c for c, words in roles.items() if not role.isdisjoint(words)]
    return max(holders, key=lambda c: counts[c]) if holders else None


def _lede_subjects(doc: Any, after: int, names: list[Name], rules: ActorRules) -> list[Any]:
    """The subjects "a/an <person noun>" of the article's first sentence after the headline,
    when nothing names the person there ("A federal judge denied bail on Wednesday")."""
    lede = next((s for s in doc.sents if s.start_char >= after and s.text.strip()), None)
    if lede is None:
        return []
    found = []
    for chunk in lede.noun_chunks:
        root = chunk.root
        if (
            len(chunk) > 1
            and chunk[0].lower_ in ("a", "an")
            and root.dep_ in ("nsubj", "nsubjpass")
            and root.tag_ == "NN"
            and rules.person_noun(root.lemma_.lower())
            and not any(n.overlaps(root.idx, root.idx + len(root.text)) for n in names)
            and not any(c.dep_ in ("appos", "acl", "relcl", "prep") for c in root.children)
        ):
            found.append(chunk)
    return found
