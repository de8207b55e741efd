"""The techniques stage: persuasion-technique spans from the shipped PTC tagger.

Each span gets the technique the model finds most likely; `confidence` is the span score
times the technique probability, and `source` names the model and its version.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from unspin.article import Article, Span
from unspin.models import load_model, read_manifest, shipped
from unspin.models.techniques import Found, Tagger, load_tagger
from unspin.options import Options
from unspin.stages.tagging import TaggerStage

MODEL = "ptc-minilm"


def model_folder(path: str | Path | None) -> Path:
    return Path(path) if path else shipped(MODEL)


@lru_cache(maxsize=2)
def tagger_in(folder: Path) -> tuple[Tagger, str]:
    """The tagger of a model folder (loaded once per process) and its name-version."""
    model_file = read_manifest(folder).get("model_file", "model.onnx")
    return load_model(folder, "technique", lambda f: load_tagger(f, model_file=model_file))


class TechniquesStage(TaggerStage[Found]):
    name: ClassVar[str] = "techniques"
    provides: ClassVar[frozenset[str]] = frozenset({"techniques"})

    def __init__(self, *, options: Options) -> None:
        self.tagger, label = tagger_in(model_folder(options.techniques_model))
        self.source = f"model/{label}"

    def fill(self, article: Article, found: list[Found]) -> Article:
        for f in found:
            attrs = {"confidence": round(f.confidence * f.span_score, 4), "source": self.source}
            article.add("techniques", Span(f.start, f.end, f.technique, attrs))
        return article
