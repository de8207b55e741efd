"""The plain functions behind the CLI and the web layer: analyse one article or many."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from unspin.article import Article
from unspin.errors import InputError, UnspinError
from unspin.options import Options
from unspin.pipeline import Pipeline
from unspin.stages.ingest import article_from_bytes, article_from_text, load


@lru_cache(maxsize=8)
def pipeline_for(options: Options) -> Pipeline:
    """One pipeline per settings, built (and its models loaded) once per process."""
    return Pipeline.build(options=options)


def analyze(source: str | Path | bytes | Article, *, options: Options | None = None) -> Article:
    """Analyse one article: a `str` is its text, a `Path` a file, `bytes` a text or HTML page."""
    options = options or Options()
    return pipeline_for(options)(_one_article(source, options))


def analyze_many(
    sources: Iterable[str | Path], *, options: Options | None = None
) -> Iterator[Article | UnspinError]:
    """Analyse files, folders, JSONL files and `-` (stdin); yield a report or an error for each
    article met, in order. A bad article never stops the others."""
    options = options or Options()
    return pipeline_for(options).pipe(load(sources, options=options))


def _one_article(source: str | Path | bytes | Article, options: Options) -> Article:
    if isinstance(source, Article):
        return source
    if isinstance(source, str):
        return article_from_text(source)
    if isinstance(source, bytes):
        return article_from_bytes(source, source="bytes", ident="bytes")
    items = list(load([source], options=options))
    if len(items) != 1:
        raise InputError(
            str(source), f"holds {len(items)} articles; use analyze_many() for more than one"
        )
    item = items[0]
    if isinstance(item, UnspinError):
        raise item
    return item
