"""A headline that names its protagonist by a role ("Pit Bull Journalist Hounds Keith Ellison",
"Federal Judge Denies Bail", "Lawmaker makes shocking claim"): the role word refers to the
actor the article introduces with that role, the one it mentions most if several are."""

from __future__ import annotations

from collections import Counter
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
) -> list[tuple[Name, int]]:
    """The role words of the headline (the article's first line) with the actor each refers
    to."""
    end = doc_text(doc).find("\n")
    if not 0 < end <= _LONGEST:
        return []  # no line of its own before the text: no headline
    counts = Counter(c for n, c in mentions if n.how != DESCRIPTION)
    found: list[tuple[Name, int]] = []
    for token in doc:
        if token.idx >= end:
            break
        word = token.lower_
        if not (token.is_alpha and rules.person_noun(word)) or word in rules.courtesy:
            continue
        stop = token.idx + len(token.text)
        if any(n.overlaps(token.idx, stop) for n in names):
            continue
        role = rules.synonyms.get(word, frozenset({word}))
        holders = [c for c, words in roles.items() if not role.isdisjoint(words)]
        if holders:
            actor = max(holders, key=lambda c: counts[c])
            found.append((Name(token.idx, stop, token.text, "person", DESCRIPTION), actor))
    return found
