"""Personal pronouns that labels are pinned on: "She is *a Haitian national*", "Christie
called her *a disgrace*", "her years as *secretary of state*". A "he" or "she" as subject or
object, a "his" or "her", refers to the last person of its gender named before it in its
sentence, else in the sentence before (by the genders the article's own pronouns and titles
give); the labels said of the pronoun are labels of that person. Pronouns are no mentions in
the report: only their labels are kept.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Set
from typing import Any

from unspin.stages.entities.names import DESCRIPTION, Name
from unspin.stages.gender import PRONOUNS

PRONOUN = "pronoun"  # how a pronoun Name was found; never a mention of its own
_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})  # "she is a ...", "called her a
# ...", "her years as secretary of state"


def pronoun_names(
    doc: Any, mentions: list[tuple[Name, int]], persons: Set[int], genders: dict[int, str]
) -> list[tuple[Name, int]]:
    """Each subject, object or possessive "he"/"she"/"his"/"her" with the person it refers to
    ("her years as secretary of state"). `mentions`: (name,
    actor) in text order; `persons`: the actors that are people; `genders`: actor -> "f"/"m"."""
    people = [(n, c) for n, c in mentions if c in persons and n.how != DESCRIPTION]
    starts = [n.start for n, _ in people]
    found: list[tuple[Name, int]] = []
    for token in doc:
        if token.dep_ not in _ROLES or token.tag_ not in ("PRP", "PRP$"):
            continue
        referred = referent(token, people, starts, genders)
        if referred is not None:
            end = token.idx + len(token.text)
            found.append((Name(token.idx, end, token.text, "person", PRONOUN), referred[1]))
    return found


def referent(
    token: Any, people: list[tuple[Name, int]], starts: list[int], genders: dict[int, str]
) -> tuple[Name, int] | None:
    """The person a "he"/"she"/"his"/"her" token refers to: the last one of its gender named
    before it in its sentence, else in the sentence before (people of unknown gender are
    passed over). `people`: (name, actor) in text order; `starts`: their starts."""
    gender = PRONOUNS.get(token.lower_)
    if gender is None:
        return None
    sentence = token.sent
    previous = token.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    before = people[bisect_left(starts, previous.start_char) : bisect_left(starts, token.idx)]
    for name, actor in reversed(before):
        if genders.get(actor) == gender:
            return name, actor
    return None
