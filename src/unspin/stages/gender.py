"""The gender an article's words give each person it names: the pronouns that follow a name
("Monahan ... she said"), the words used with it ("Mrs.", "congresswoman"), and, weakest, a
first name that one sex all but always bears (`rules/first_names.json`, from the
nomquamgender data): one vote per person, which a single pronoun of the article's own
outweighs (it is counted first and wins a tie). Used to pick the person a "she" or "the
woman" points back to; never reported."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from functools import cache
from typing import TypeVar

from unspin.errors import RulesError
from unspin.rules import read_rules

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
    voted: set[Key] = set()
    for key, name in names:  # one vote a person, however often they are named
        guess = name_gender(name) if key not in voted else None
        if guess is not None:
            voted.add(key)
            votes.setdefault(key, Counter())[guess] += 1
    return {key: count.most_common(1)[0][0] for key, count in votes.items()}


def name_gender(name: str) -> str | None:
    """ "f" or "m" where a person's name starts with a first name that one sex all but always
    bears ("Laura Ingraham"); None for a single name ("Trump"), an initial, a description
    ("Christian pastor") or a first name used by both. Accents are folded ("José")."""
    words = name.split()
    capitalised = all(word[:1].isupper() for word in (words[0], words[-1])) if words else False
    if len(words) < 2 or not capitalised or "'" in name or "\u2019" in name:
        return None
    first = unicodedata.normalize("NFKD", words[0]).encode("ascii", "ignore").decode().lower()
    if len(first) < 2 or not first.isalpha():
        return None
    return _first_names().get(first)


@cache
def _first_names() -> dict[str, str]:
    data = read_rules("first_names.json")
    try:
        return {name: sex for sex in ("f", "m") for name in data[sex]}
    except (KeyError, TypeError) as exc:
        raise RulesError(f"rules file first_names.json: no 'f' and 'm' lists ({exc})") from exc
