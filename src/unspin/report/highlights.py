"""Findings of a report as highlight data, and the article cut into paragraphs of segments.

A segment is a run of text covered by one unchanging set of findings; overlapping findings
therefore become flat, non-nested segments, each listing every finding that covers it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from unspin.report.labels import label_summary
from unspin.rules import techniques

# Which stage fills which group; the HTML report tells "none found" from "not analysed".
GROUP_STAGES = {
    "techniques": "techniques",
    "quotes": "attribution",
    "claims": "claims",
    "entities": "entities",
    "accusations": "accusations",
}


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    group: str
    start: int
    end: int
    title: str
    rows: list[tuple[str, str]]
    css: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "group": self.group,
            "title": self.title,
            "rows": self.rows,
            "css": self.css,
        }


@dataclass(slots=True)
class Segment:
    text: str
    ids: list[str] = field(default_factory=list)
    css: list[str] = field(default_factory=list)


def entity_names(report: dict[str, Any]) -> dict[str, str]:
    """Entity id -> canonical name, for showing accusers, the accused and speakers."""
    return {e["id"]: e["name"] for e in report["entities"]}


def findings(report: dict[str, Any]) -> list[Finding]:
    names = entity_names(report)
    found: list[Finding] = []
    found += [_technique(i, t) for i, t in enumerate(report["techniques"])]
    found += [_quote(i, q) for i, q in enumerate(report["quotes"])]
    linked = GROUP_STAGES["quotes"] in report["stages"]
    found += [
        _claim(i, c, linked=linked, sourced=attributed(report, c))
        for i, c in enumerate(report["claims"])
    ]
    found += [_accusation(i, a, names) for i, a in enumerate(report["accusations"])]
    found += list(_mentions(report["entities"]))
    return found


def technique_css(name: str) -> str:
    return f"tq-{list(techniques()).index(name)}"


def _technique(i: int, t: dict[str, Any]) -> Finding:
    known = techniques()[t["technique"]]
    rows = [
        ("Technique", known.title),
        ("What it is", known.definition),
        ("Confidence", f"{t['confidence']:.2f}"),
        ("Found by", t["source"]),
    ]
    return Finding(
        f"t{i}",
        "techniques",
        t["start"],
        t["end"],
        known.title,
        rows,
        technique_css(t["technique"]),
    )


def speaker_of(q: dict[str, Any]) -> str:
    """ "he (Jan Novak)": the speaker as written, and the name it resolves to."""
    if not q["speaker"]:
        return "no source"
    written, name = q["speaker"]["text"], q["speaker"].get("name")
    return f"{written} ({name})" if name and name.lower() not in written.lower() else written


def attributed(report: dict[str, Any], claim: dict[str, Any]) -> bool:
    """Whether a claim sits in a statement that has a source."""
    index = claim["quote"]
    return index is not None and report["quotes"][index]["source_type"] != "unattributed"


def _quote(i: int, q: dict[str, Any]) -> Finding:
    speaker = speaker_of(q)
    cue = f"{q['cue']['text']} ({q['cue']['lemma']})" if q["cue"] else "none"
    rows = [
        ("Speaker", speaker),
        ("Cue", cue),
        ("Kind", q["kind"]),
        ("Stance", q["stance"]),
        ("Source", q["source_type"].replace("_", " ")),
        ("Confidence", f"{q['confidence']:.2f}"),
        ("Said", q["content"]["text"]),
    ]
    return Finding(f"q{i}", "quotes", q["start"], q["end"], f"Quote: {speaker}", rows, "q")


def _claim(i: int, c: dict[str, Any], *, linked: bool, sourced: bool) -> Finding:
    """`linked`: the attribution stage ran, so a claim outside every sourced statement is
    unattributed."""
    in_quote = "yes" if sourced else "no (unattributed)"
    rows = [
        ("Check-worthiness", f"{c['checkworthiness']:.2f}"),
        (
            "Attributed",
            in_quote if linked else "not analysed (the attribution stage did not run)",
        ),
    ]
    if "source" in c:
        rows.append(("Found by", c["source"]))
    css = "claim bare" if linked and not sourced else "claim"
    return Finding(f"c{i}", "claims", c["start"], c["end"], "Check-worthy claim", rows, css)


def _accusation(i: int, a: dict[str, Any], names: dict[str, str]) -> Finding:
    rows = [
        ("Accuser", names.get(a["accuser"] or "", "unknown")),
        ("Accused", names.get(a["accused"] or "", "unknown")),
        ("Cue", a["cue"]["text"] if a["cue"] else "none"),
        ("Evidence", "; ".join(f"{e['kind']}: {e['text']}" for e in a["evidence"]) or "none"),
        ("Denials", "; ".join(d["text"] for d in a["denials"]) or "none"),
        ("Confidence", f"{a['confidence']:.2f}"),
    ]
    return Finding(f"a{i}", "accusations", a["start"], a["end"], "Accusation", rows, "acc")


def _mentions(entities: list[dict[str, Any]]) -> Iterator[Finding]:
    for entity in entities:
        rows = [
            ("Actor", entity["name"]),
            ("Type", entity["type"]),
            ("Also called", ", ".join(entity["aliases"]) or "—"),
            ("Labels", label_summary(entity) or "—"),
        ]
        for m in entity["mentions"]:
            yield Finding(entity["id"], "entities", m["start"], m["end"], entity["name"], rows)


def paragraphs(report: dict[str, Any], found: list[Finding]) -> list[list[Segment]]:
    text = report["article"]["text"]
    ranges = [(p["start"], p["end"]) for p in report["paragraphs"]] or [(0, len(text))]
    return [_segments(text, start, end, found) for start, end in ranges]


def _segments(text: str, start: int, end: int, found: list[Finding]) -> list[Segment]:
    inside = [f for f in found if f.start < end and f.end > start]
    cuts = sorted(
        {start, end} | {max(start, min(end, p)) for f in inside for p in (f.start, f.end)}
    )
    segments = []
    for left, right in pairwise(cuts):
        cover = [f for f in inside if f.start <= left and f.end >= right]
        segments.append(Segment(text[left:right], _unique(f.id for f in cover), _css(cover)))
    return segments


def _unique(ids: Iterator[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _css(cover: list[Finding]) -> list[str]:
    classes = _unique(c for f in cover for c in f.css.split())
    first_technique = next((c for c in classes if c.startswith("tq-")), None)
    return [c for c in classes if not c.startswith("tq-")] + (
        ["hl", first_technique] if first_technique else []
    )
