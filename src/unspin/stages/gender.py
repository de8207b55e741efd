"""The gender an article's own words give each person it names: no list of names, only the
pronouns that follow a name ("Monahan ... she said") and the words used with it ("Mrs.",
"congresswoman"). Used to pick the person a "she" or "the woman" points back to."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import TypeVar

PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_OBJECTS = frozenset({"him", "her"})  # "Ellison was abusive to her": seldom its own clause's
# subject, so these vote only when one person is named in this sentence and the one before
_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)

Key = TypeVar("Key", bound=Hashable)


def pronoun_genders(
    text: str,
    sentence_starts: Sequence[int],
    people: Sequence[tuple[int, Key]],
    words: Iterable[tuple[Key, str]] = (),
) -> dict[Key, str]:
    """Each person's gender by vote: a "he" or "she" votes for the one person named before it
    in its sentence (or, if none is, in the sentence before), if there is just one ("him",
    "her": the one person in both sentences); `words` are further votes ("Mrs.", "the
    congresswoman"). `people`: (start, person) in text order."""
    votes: dict[Key, Counter[str]] = {}
    at = [start for start, _ in people]
    for match in _PRONOUN.finditer(text):
        k = bisect_right(sentence_starts, match.start()) - 1
        own = sentence_starts[k] if k >= 0 else 0
        before = sentence_starts[k - 1] if k >= 1 else own
        end = bisect_left(at, match.start())
        named = {key for _, key in people[bisect_left(at, own) : end]}
        if not named or match.group(0).lower() in _OBJECTS:
            named = {key for _, key in people[bisect_left(at, before) : end]}
        if len(named) == 1:
            votes.setdefault(named.pop(), Counter())[PRONOUNS[match.group(0).lower()]] += 1
    for key, gender in words:
        votes.setdefault(key, Counter())[gender] += 2
    return {key: count.most_common(1)[0][0] for key, count in votes.items()}
