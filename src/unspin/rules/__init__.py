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
