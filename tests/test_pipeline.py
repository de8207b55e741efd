from __future__ import annotations

from typing import ClassVar

import pytest

from unspin import Article, Options, Pipeline, PipelineError, Stage, UnspinError
from unspin.stages import REGISTRY


class Needs(Stage):
    name: ClassVar[str] = "needs_sentences"
    requires: ClassVar[frozenset[str]] = frozenset({"sentences"})

    def __call__(self, article: Article) -> Article:
        article.summary["seen"] = len(article.groups["sentences"])
        return article


class Explodes(Stage):
    name: ClassVar[str] = "explodes"

    def __call__(self, article: Article) -> Article:
        if "boom" in article.text:
            raise RuntimeError("kaboom")
        return article


def segment() -> Stage:
    from unspin.stages import create

    return create("segment", options=Options())


def test_a_misordered_pipeline_fails_when_built_with_a_sentence() -> None:
    with pytest.raises(PipelineError) as caught:
        Pipeline([Needs(), segment()])
    assert str(caught.value) == (
        "the needs_sentences stage needs 'sentences', which the segment stage provides, "
        "but segment comes after needs_sentences; put segment first"
    )


def test_an_incomplete_pipeline_says_which_stage_to_add() -> None:
    with pytest.raises(PipelineError, match="add segment before needs_sentences"):
        Pipeline([Needs()])


def test_unknown_and_repeated_stages() -> None:
    with pytest.raises(PipelineError, match="no stage called 'parse'; the stages are: language"):
        Pipeline.build(["language", "parse"])
    with pytest.raises(PipelineError, match="lists the language stage twice"):
        Pipeline.build(["language", "language"])


def test_registry_declarations_match_the_stages() -> None:
    from unspin.models import shipped
    from unspin.stages import attribution, claims, create, techniques

    models = {
        "techniques": techniques.MODEL,
        "claims": claims.MODEL,
        "attribution": attribution.MODEL,
    }
    for name, entry in REGISTRY.items():
        if name in models and not (shipped(models[name]) / "manifest.json").is_file():
            continue  # until its first trained model is shipped
        stage = create(name, options=Options())
        assert stage.name == name
        assert stage.provides == entry.provides


def test_a_built_pipeline_runs_in_order_and_records_its_stages() -> None:
    pipeline = Pipeline([segment(), Needs()])
    assert repr(pipeline) == "Pipeline(ingest -> segment -> needs_sentences)"
    article = pipeline(Article("One sentence. Two sentences."))
    assert article.summary["seen"] == 2
    assert article.stages == ["segment", "needs_sentences"]


def test_pipe_keeps_order_and_passes_errors_through() -> None:
    pipeline = Pipeline([segment(), Explodes()], batch_size=2)
    error = UnspinError("an input error from ingest")
    items = [Article("fine one."), error, Article("boom here."), Article("fine two.")]
    out = list(pipeline.pipe(items))
    assert out[0] is items[0] and out[1] is error and out[3] is items[3]
    assert isinstance(out[2], PipelineError)
    assert "the explodes stage failed" in str(out[2])
    assert out[3].stages == ["segment", "explodes"]
    assert out[0].groups["sentences"]
