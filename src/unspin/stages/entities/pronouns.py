"""Personal pronouns that labels are pinned on: "She is *a Haitian national*", "Christie
called her *a disgrace*". A "he" or "she" as subject or object refers to the last person of its
gender named before it in its sentence, else in the sentence before (by the genders the
article's own pronouns and titles give); the labels said of the pronoun are labels of that
person. Pronouns are no mentions in the report: only their labels are kept.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Set
from typing import Any

from unspin.stages.entities.names import DESCRIPTION, Name
from unspin.stages.gender import PRONOUNS

PRONOUN = "pronoun"  # how a pronoun Name was found; never a mention of its own
_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})  # "she is a ...", "called her a ..."


def pronoun_names(
    doc: Any, mentions: list[tuple[Name, int]], persons: Set[int], genders: dict[int, str]
) -> list[tuple[Name, int]]:
    """Each subject or object "he"/"she" with the person it refers to. `mentions`: (name,
    actor) in text order; `persons`: the actors that are people; `genders`: actor -> "f"/"m"."""
    people = [(n, c) for n, c in mentions if c in persons and n.how != DESCRIPTION]
    starts = [n.start for n, _ in people]
    found: list[tuple[Name, int]] = []
    for token in doc:
        gender = PRONOUNS.get(token.lower_)
        if gender is None or token.dep_ not in _ROLES or token.tag_ != "PRP":
            continue
        sentence = token.sent
        previous = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
        for since in (sentence.start_char, previous.start_char):
            before = people[bisect_left(starts, since) : bisect_left(starts, token.idx)]
            actor = _last_of(gender, before, genders)
            if actor is not None:
                end = token.idx + len(token.text)
                found.append((Name(token.idx, end, token.text, "person", PRONOUN), actor))
                break
    return found


def _last_of(gender: str, people: list[tuple[Name, int]], genders: dict[int, str]) -> int | None:
    """The last person known to be of `gender` (people of unknown gender are passed over)."""
    for _, actor in reversed(people):
        known = genders.get(actor)
        if known == gender:
            return actor
    return None
