"""Even-handedness: swap the names of two actors throughout an article, and the labels, quotes
and accusations must swap with them, with nothing else changing. unspin has no list of good
or bad actors; this test would catch one, or any rule that treats one name unlike another."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from unspin import Options, analyze

FIXTURES = Path(__file__).parent / "fixtures" / "even_handed"
STAGES = ("language", "segment", "entities", "attribution", "accusations")

# (article, the names of one actor, the names of the other in the same order). The names of
# a pair have as many word pieces as each other, so the attribution tagger reads both
# versions in the same windows: what is compared is how unspin treats the actors.
CASES = [
    (FIXTURES / "council-dispute.txt", ["Marta Holm", "Holm"], ["Karin Lund", "Lund"]),
    (
        FIXTURES / "two-parties.txt",
        ["National Renewal Front", "NRF"],
        ["Civic Unity League", "CUL"],
    ),
    (FIXTURES / "defectors.txt", ["Anna Berg", "Berg"], ["Lena Dahl", "Dahl"]),
]


def swapper(one: list[str], other: list[str]) -> Any:
    """A function that swaps each name of `one` with the matching name of `other`."""
    table = {**dict(zip(one, other, strict=True)), **dict(zip(other, one, strict=True))}
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True)) + r")\b"
    )
    return lambda text: pattern.sub(lambda m: table[m.group(1)], text) if text else text


def outline(report: dict[str, Any], swap: Any = lambda t: t) -> dict[str, Any]:
    """What the report says about actors, quotes and accusations, without offsets (names of
    different lengths shift them), with `swap` applied to every text. A quote's speaker is
    the actor it resolves to: the span the tagger marks for it may take in a word more or
    less around a different name."""
    names = {e["id"]: swap(e["name"]) for e in report["entities"]}

    def text(span: dict[str, Any] | None) -> str:
        return str(swap(span["text"])) if span else ""

    return {
        "actors": sorted(
            (
                swap(e["name"]),
                e["type"],
                tuple(sorted(swap(a) for a in e["aliases"])),
                tuple(sorted(swap(label["text"]) for label in e["labels"])),
                len(e["mentions"]),
            )
            for e in report["entities"]
        ),
        "quotes": sorted(
            (
                q["kind"],
                names.get(q["speaker"]["entity"] or "", "") if q["speaker"] else "",
                text(q["cue"]),
                text(q["content"]),
                q["stance"],
                q["source_type"],
            )
            for q in report["quotes"]
        ),
        "accusations": sorted(
            (
                names.get(a["accuser"] or "", ""),
                names.get(a["accused"] or "", ""),
                text(a["cue"]),
                text(a["allegation"]),
                tuple(sorted((names.get(d["by"] or "", ""), d["text"]) for d in a["denials"])),
                tuple(sorted((e["kind"], swap(e["text"])) for e in a["evidence"])),
            )
            for a in report["accusations"]
        ),
    }


@pytest.mark.parametrize(("path", "one", "other"), CASES, ids=lambda c: getattr(c, "stem", ""))
def test_swapping_two_actors_swaps_what_is_said_of_them(
    path: Path, one: list[str], other: list[str]
) -> None:
    swap = swapper(one, other)
    options = Options(stages=STAGES)
    text = path.read_text(encoding="utf-8")
    before = analyze(text, options=options).to_dict()
    after = analyze(swap(text), options=options).to_dict()
    assert before["accusations"], "the article must hold accusations for the test to mean much"
    expected, found = outline(before, swap), outline(after)
    for part in ("actors", "quotes", "accusations"):
        missing = [x for x in expected[part] if x not in found[part]]
        extra = [x for x in found[part] if x not in expected[part]]
        assert (missing, extra) == ([], []), part
