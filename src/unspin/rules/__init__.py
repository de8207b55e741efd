"""Rules are data: JSON files beside this module, with small loaders that validate them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from unspin.errors import RulesError

_COLOUR = re.compile(r"^#[0-9a-f]{6}$")


def read_rules(name: str) -> Any:
    path = resources.files(__package__).joinpath(name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RulesError(f"rules file {name}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Technique:
    name: str
    title: str
    definition: str
    colour: str


@lru_cache(maxsize=1)
def techniques() -> dict[str, Technique]:
    """The 14 PTC techniques by their corpus name, in the corpus's order."""
    found: dict[str, Technique] = {}
    for entry in read_rules("techniques.json")["techniques"]:
        technique = Technique(**entry)
        if not _COLOUR.match(technique.colour) or not technique.definition.strip():
            raise RulesError(f"techniques.json: entry {technique.name!r} is incomplete")
        found[technique.name] = technique
    if len(found) != 14:
        raise RulesError(f"techniques.json lists {len(found)} techniques, expected 14")
    return found


STANCES = ("assert", "deny", "accuse", "other")


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue lexicon of the attribution stage (cues.json)."""

    stance: dict[str, str]  # cue lemma or phrase -> deny | accuse | other
    saying: frozenset[str]
    dismissive: re.Pattern[str]  # a target ("claims"), up to 4 words (group 1), a dismissive word
    negations: frozenset[str]
    institutions: frozenset[str]
    generic_bodies: frozenset[str]
    anonymity: tuple[str, ...]


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = read_rules("cues.json")
    try:
        stance: dict[str, str] = {}
        for name, words in data["stance"].items():
            if name not in STANCES:
                raise RulesError(f"cues.json: unknown stance {name!r}; known: {STANCES}")
            for word in words:
                if word in stance:
                    raise RulesError(f"cues.json: {word!r} is both {stance[word]} and {name}")
                stance[word] = name
        return Cues(
            stance=stance,
            saying=frozenset(data["saying"]),
            dismissive=_dismissive(data["dismissive"]["targets"], data["dismissive"]["words"]),
            negations=frozenset(data["negations"]),
            institutions=frozenset(data["institutions"]["nouns"]),
            generic_bodies=frozenset(data["institutions"]["generic"]),
            anonymity=tuple(data["anonymity"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise RulesError(f"cues.json: missing or malformed entry: {exc}") from exc


def _dismissive(targets: list[str], words: list[str]) -> re.Pattern[str]:
    either = "|".join(re.escape(t) for t in sorted(targets))
    dismissive = "|".join(re.escape(w) for w in sorted(words))
    return re.compile(rf"\b(?:{either})s?\b((?:\W+\w+){{0,4}}?)\W+(?:{dismissive})\b")
