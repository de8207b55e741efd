"""The gender an article's words give each person it names: the pronouns that follow a name
("Monahan ... she said"), the words used with it ("Mrs.", "congresswoman"), and, weakest, a
first name that the nomquamgender data (names with their share of women among the people so
named, from many national sources) gives one sex almost always ("Laura", "Donald"): the
article's own pronouns win a tie with it. Used to pick the person a "she" or "the woman"
points back to; never reported."""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from functools import cache
from importlib.util import find_spec
from pathlib import Path
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
    names: Iterable[tuple[Key, str]] = (),
) -> dict[Key, str]:
    """Each person's gender by vote: a "he" or "she" votes for the one person named before it
    in its sentence (or, if none is, in the sentence before), if there is just one ("him",
    "her": the one person in both sentences); `words` are further votes ("Mrs.", "the
    congresswoman"), worth two; each of `names` (person, full name) one, if its first name
    says (`name_gender`). `people`: (start, person) in text order."""
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
    for key, name in names:
        guess = name_gender(name)
        if guess is not None:
            votes.setdefault(key, Counter())[guess] += 1
    return {key: count.most_common(1)[0][0] for key, count in votes.items()}


_CLEAR = 0.95  # the share of one sex among the people so named that makes a first name say it
_COMMON = 1000  # people so named the data must count


def name_gender(name: str) -> str | None:
    """ "f" or "m" where a full name's first name is all but always a woman's or a man's; None
    for a single name ("Trump"), an initial, or a first name used by both."""
    words = name.split()
    if len(words) < 2 or not words[0].isalpha() or len(words[0]) < 2:
        return None
    return _first_names().get(words[0].casefold())


@cache
def _first_names() -> dict[str, str]:
    """The nomquamgender first names that say a sex, read once (its module is not imported:
    only its data file)."""
    spec = find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    found: dict[str, str] = {}
    for name, (_, count, female, *_rest) in json.loads(path.read_text("utf-8")).items():
        if count >= _COMMON and name.isalpha():
            if female >= _CLEAR:
                found[name] = "f"
            elif female <= 1 - _CLEAR:
                found[name] = "m"
    return found
