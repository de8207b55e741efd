"""Reading the hand-written actor annotations (format: tests/fixtures/actors/README.md).

Each file names its article by a path under the data folder and pins every span by offsets
into that text; reading checks that each span's text is what the file says it is, so an
annotation that drifted from its article fails loudly instead of scoring nonsense.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unspin.errors import InputError


@dataclass(frozen=True, slots=True)
class GoldActor:
    id: str
    type: str
    names: frozenset[str]  # normalised (see `normal`)
    labels: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAccusation:
    accuser: str | None
    accused: str
    cue: tuple[int, int]
    allegation: tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldDenial:
    denier: str
    accusation: int | None
    cue: tuple[int, int]


@dataclass(slots=True)
class GoldArticle:
    path: str
    text: str
    actors: dict[str, GoldActor] = field(default_factory=dict)
    accusations: list[GoldAccusation] = field(default_factory=list)
    denials: list[GoldDenial] = field(default_factory=list)


def normal(name: str) -> str:
    """A name as compared: case-folded, without "the", a possessive, "@", dots or spaces."""
    name = name.strip().casefold().removeprefix("the ").removeprefix("@")
    for ending in ("'s", "\u2019s", "'", "\u2019"):
        name = name.removesuffix(ending)
    return " ".join(name.replace(".", "").split())


def read_gold(folder: Path, data: Path) -> list[GoldArticle]:
    """Every annotated article in `folder`, with its text read from `data`."""
    files = sorted(folder.glob("*.json"))
    if not files:
        raise InputError(str(folder), "no annotation files (*.json) found")
    return [_read_one(path, data) for path in files]


def _read_one(path: Path, data: Path) -> GoldArticle:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        text = (data / raw["article"]).read_text(encoding="utf-8")
        gold = GoldArticle(raw["article"], text)
        for actor in raw["actors"]:
            labels = tuple(_span(text, s, path) for s in actor["labels"])
            names = frozenset(normal(n) for n in actor["names"])
            gold.actors[actor["id"]] = GoldActor(actor["id"], actor["type"], names, labels)
        for item in raw.get("accusations", []):  # a reading of the labels alone has none
            gold.accusations.append(
                GoldAccusation(
                    item["accuser"],
                    item["accused"],
                    _span(text, item["cue"], path),
                    _span(text, item["allegation"], path),
                )
            )
        for item in raw.get("denials", []):
            gold.denials.append(
                GoldDenial(item["denier"], item["accusation"], _span(text, item["cue"], path))
            )
    except (OSError, KeyError, TypeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not a readable actor annotation: {exc}") from exc
    return gold


def _span(text: str, span: dict[str, Any], path: Path) -> tuple[int, int]:
    start, end = span["start"], span["end"]
    if text[start:end] != span["text"]:
        raise InputError(
            str(path), f"span [{start}, {end}) reads {text[start:end]!r}, not {span['text']!r}"
        )
    return start, end
