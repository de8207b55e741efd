"""The techniques stage: persuasion-technique spans from the shipped PTC tagger.

Each span gets the technique the model finds most likely; `confidence` is the span score
times the technique probability, and `source` names the model and its version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from unspin.article import Article, Span
from unspin.errors import ModelError, UnspinError
from unspin.models import read_manifest, shipped
from unspin.models.techniques import Found, Tagger, load_tagger
from unspin.options import Options
from unspin.pipeline import Stage
from unspin.stages.paragraphs import chunks

MODEL = "ptc-minilm"
PIECE_CHARS = 20_000  # longer texts are tagged in paragraph-aligned pieces of this size


def model_folder(path: str | Path | None) -> Path:
    return Path(path) if path else shipped(MODEL)


@lru_cache(maxsize=2)
def tagger_in(folder: Path) -> tuple[Tagger, str]:
    """The tagger of a model folder (loaded once per process) and its name-version."""
    manifest = read_manifest(folder)
    model_file = manifest.get("model_file", "model.onnx")
    if not (folder / model_file).is_file():
        raise ModelError(f"{folder}: the technique model file {model_file} is missing")
    return load_tagger(folder, model_file=model_file), f"{manifest['name']}-{manifest['version']}"


class TechniquesStage(Stage):
    name: ClassVar[str] = "techniques"
    provides: ClassVar[frozenset[str]] = frozenset({"techniques"})

    def __init__(self, *, options: Options) -> None:
        self.tagger, label = tagger_in(model_folder(options.techniques_model))
        self.source = f"model/{label}"

    def __call__(self, article: Article) -> Article:
        return self._fill(article, self._tag_long(article.text))

    def pipe(self, articles: Sequence[Article]) -> list[Article | UnspinError]:
        short = [a for a in articles if len(a.text) <= PIECE_CHARS]
        try:
            tagged = dict(
                zip(map(id, short), self.tagger.tag([a.text for a in short]), strict=True)
            )
        except Exception:  # one bad text must not sink the batch: go one by one
            return super().pipe(articles)
        return [
            self._fill(a, tagged[id(a)]) if id(a) in tagged else self.guarded(a) for a in articles
        ]

    def _tag_long(self, text: str) -> list[Found]:
        """Tag a text piece by piece, so the encoder's states of a long text never pile up."""
        found: list[Found] = []
        offset = 0
        for piece in chunks(text, PIECE_CHARS):
            found += [
                replace(f, start=f.start + offset, end=f.end + offset)
                for f in self.tagger.tag([piece])[0]
            ]
            offset += len(piece)
        return found

    def _fill(self, article: Article, found: list[Found]) -> Article:
        for f in found:
            attrs = {"confidence": round(f.confidence * f.span_score, 4), "source": self.source}
            article.add("techniques", Span(f.start, f.end, f.technique, attrs))
        return article
