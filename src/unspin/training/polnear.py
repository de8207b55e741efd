"""PolNeAR (Political News Attribution Relations) as plain Python objects, and the usual
attribution metrics: precision, recall and F1 of Source, Cue and Content spans, by exact
match and by overlap match.

A split folder holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann` (brat standoff:
`T1<TAB>Source 89 106<TAB>The New York Post`). Where an article was annotated by several
people, the first annotator by id is used. A discontinuous span (`0 5;9 12`) counts as its
fragments, as PolNeAR's annotation is a tag sequence in which each token has one role.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from unspin.errors import InputError, InputNotFoundError
from unspin.training.ptc_metric import PRF

ROLES = ("Source", "Cue", "Content")
_TEXT_BOUND = re.compile(r"^T\d+\t(\w+) ([\d ;]+)\t")


@dataclass(frozen=True, slots=True, order=True)
class RoleSpan:
    role: str
    start: int
    end: int


@dataclass(slots=True)
class Document:
    name: str
    text: str
    spans: list[RoleSpan] = field(default_factory=list)


def polnear_folder(data: Path) -> Path:
    for folder in (data, data / "polnear"):
        if (folder / "README-PolNeAR.md").is_file():
            return folder
    raise InputNotFoundError(str(data), "not the PolNeAR data folder (no README-PolNeAR.md)")


def read_split(data: Path, split: str) -> list[Document]:
    folder = polnear_folder(data) / split
    if not (folder / "text").is_dir():
        raise InputNotFoundError(str(folder), "no such PolNeAR split (no text/ folder)")
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(name, ann)  # sorted: the first annotator by id wins
    documents = []
    for name, ann in sorted(chosen.items()):
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        documents.append(Document(name, text, read_ann(ann, text)))
    return documents


def read_ann(path: Path, text: str) -> list[RoleSpan]:
    """The role spans of a brat file. A span's quoted text may hold line breaks, so lines
    that do not start a text-bound annotation (`T12<TAB>`) are continuations and skipped."""
    spans = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _TEXT_BOUND.match(line)
        if match is None:
            continue
        role, ranges = match.group(1), match.group(2)
        if role not in ROLES:
            continue
        for fragment in ranges.split(";"):
            start, end = (int(x) for x in fragment.split())
            if not 0 <= start < end <= len(text):
                raise InputError(str(path), f"span {start}-{end} is outside the text", line=number)
            spans.append(RoleSpan(role, start, end))
    return spans


Keyed = tuple[str, RoleSpan]  # document name, span


def role_scores(predicted: Iterable[Keyed], gold: Iterable[Keyed]) -> dict[str, dict[str, PRF]]:
    """{role: {"exact": PRF, "overlap": PRF}}. Exact: same role, start and end. Overlap: a
    predicted span is right when it shares a character with a gold span of its role (and a
    gold span is found when some predicted span of its role shares one)."""
    pred, true = _by_role(predicted), _by_role(gold)
    scores = {}
    for role in ROLES:
        p, g = pred[role], true[role]
        exact = len(set(p) & set(g))
        found = sum(any(_overlaps(s, t) for t in g) for s in p)
        recalled = sum(any(_overlaps(s, t) for s in p) for t in g)
        scores[role] = {
            "exact": PRF.counted(exact, len(p), exact, len(g)),
            "overlap": PRF.counted(found, len(p), recalled, len(g)),
        }
    return scores


def _by_role(spans: Iterable[Keyed]) -> dict[str, list[tuple[str, int, int]]]:
    grouped: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for name, span in spans:
        grouped[span.role].append((name, span.start, span.end))
    return grouped


def _overlaps(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]
