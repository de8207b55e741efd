"""How one unspin/1 report becomes rows of the store's finding tables (column order as in
schema.py)."""

from __future__ import annotations

from typing import Any

Row = tuple[Any, ...]


def finding_rows(article: int, report: dict[str, Any]) -> dict[str, list[Row]]:
    names = {e["id"]: e["name"] for e in report["entities"]}
    return {
        "techniques": [
            (article, t["start"], t["end"], t["technique"], t.get("confidence"), t["text"])
            for t in report["techniques"]
        ],
        "quotes": [_quote(article, i, q) for i, q in enumerate(report["quotes"])],
        "claims": [
            (article, i, c["start"], c["end"], c["text"], c["checkworthiness"], c.get("quote"))
            for i, c in enumerate(report["claims"])
        ],
        "entities": [
            (article, e["id"], e["name"], e["type"], len(e["mentions"])) for e in report["entities"]
        ],
        "aliases": [(article, e["id"], a) for e in report["entities"] for a in e["aliases"]],
        "labels": [
            (article, e["id"], lab["start"], lab["end"], lab["text"], lab.get("label"))
            for e in report["entities"]
            for lab in e["labels"]
        ],
        "accusations": [
            (
                article,
                i,
                a["start"],
                a["end"],
                names.get(a["accuser"] or ""),
                names.get(a["accused"] or ""),
                a["cue"]["text"] if a["cue"] else None,
                a["allegation"]["text"] if a.get("allegation") else None,
                len(a["denials"]),
            )
            for i, a in enumerate(report["accusations"])
        ],
    }


def _quote(article: int, index: int, q: dict[str, Any]) -> Row:
    speaker = q["speaker"]
    return (
        article,
        index,
        q["start"],
        q["end"],
        q["kind"],
        speaker["text"] if speaker else None,
        speaker.get("name") if speaker else None,
        q["cue"]["lemma"] if q["cue"] else None,
        q["stance"],
        q["source_type"],
        q["content"]["text"],
    )
