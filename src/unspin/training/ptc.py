"""The Propaganda Techniques Corpus (SemEval-2020 Task 11) as plain Python objects.

A split folder holds `<split>-articles/articleNNN.txt` and `<split>-task-flc-tc.labels`
(`article_id<TAB>technique<TAB>start<TAB>end`). Offsets are Python string indices into the
article read as UTF-8. The test split has articles and no labels.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from unspin.errors import InputError, InputNotFoundError

_ARTICLE = re.compile(r"^article(\d+)\.txt$")


@dataclass(frozen=True, slots=True, order=True)
class Gold:
    article: str
    start: int
    end: int
    technique: str


@dataclass(slots=True)
class Split:
    name: str
    texts: dict[str, str]
    spans: list[Gold] = field(default_factory=list)

    def spans_of(self, article: str) -> list[Gold]:
        return [s for s in self.spans if s.article == article]

    def subset(self, ids: set[str], name: str) -> Split:
        return Split(
            name,
            {k: v for k, v in self.texts.items() if k in ids},
            [s for s in self.spans if s.article in ids],
        )


def ptc_folder(data: Path) -> Path:
    """Accept the data folder (holding ptc/) or the ptc folder itself."""
    folder = data / "ptc" if (data / "ptc").is_dir() else data
    if not (folder / "propaganda-techniques-names-semeval2020task11.txt").is_file():
        raise InputNotFoundError(str(data), "not the PTC data folder (no technique names file)")
    return folder


def read_articles(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        raise InputNotFoundError(str(folder), "no such folder of articleNNN.txt files")
    texts = {}
    for path in sorted(folder.iterdir()):
        match = _ARTICLE.match(path.name)
        if match:
            texts[match.group(1)] = path.read_text(encoding="utf-8")
    return texts


def read_labels(path: Path) -> list[Gold]:
    spans = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            raise InputError(
                str(path), f"expected 4 tab-separated fields, got {len(parts)}", line=number
            )
        article, technique, start, end = parts
        spans.append(Gold(article, int(start), int(end), technique))
    return spans


def read_split(data: Path, split: str) -> Split:
    folder = ptc_folder(data)
    texts = read_articles(folder / f"{split}-articles")
    labels = folder / f"{split}-task-flc-tc.labels"
    spans = read_labels(labels) if labels.is_file() else []
    return Split(split, texts, spans)


def technique_names(data: Path) -> list[str]:
    path = ptc_folder(data) / "propaganda-techniques-names-semeval2020task11.txt"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fingerprint(split: Split) -> str:
    """A hash of a split's texts and labels, for a model's manifest."""
    digest = hashlib.sha256()
    for ident in sorted(split.texts):
        digest.update(ident.encode() + b"\0" + split.texts[ident].encode() + b"\0")
    for span in sorted(split.spans):
        digest.update(f"{span.article}\t{span.technique}\t{span.start}\t{span.end}\n".encode())
    return digest.hexdigest()


def holdout_ids(ids: list[str], *, share: float = 0.1) -> set[str]:
    """A fixed, hash-chosen share of articles held out of training for tuning."""
    ranked = sorted(ids, key=lambda i: hashlib.sha256(i.encode()).hexdigest())
    return set(ranked[: max(1, round(len(ids) * share))])
