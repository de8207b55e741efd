"""The core of every batch engine: a plain function over a batch of articles (an Arrow table
in, an Arrow table out) and the model holder each worker loads once.

Input columns: `key` (any string the caller uses to join results back), `ident`, `text` or
`html` (a saved page, extracted in the worker), and optionally `title`, `url`, `outlet`,
`published`. Output columns: `key`, `ident`,
`report` (the unspin/1 report as JSON, null on failure), `error_code`, `error_message`.

Engines are thin adapters over this: the local process pool (`batch/pool.py`), Ray Data
(`batch/ray_engine.py`); a Dask or Spark adapter would call `Analyser` in the same way.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pyarrow as pa

from unspin.article import Article, Meta
from unspin.errors import UnspinError
from unspin.options import Options
from unspin.pipeline import Pipeline
from unspin.stages.ingest import article_from_html, article_from_text

INPUT_COLUMNS = ("key", "ident", "text", "html", "title", "url", "outlet", "published")
OUTPUT_SCHEMA = pa.schema(
    [
        ("key", pa.string()),
        ("ident", pa.string()),
        ("report", pa.string()),
        ("error_code", pa.string()),
        ("error_message", pa.string()),
    ]
)
_META = ("title", "url", "outlet", "published")


class Analyser:
    """Holds the pipeline (models loaded once) and analyses batches with it."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.pipeline = Pipeline.build(options=self.options)

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows = batch.to_pylist()
        read = [_article(row, self.options) for row in rows]
        articles = [a for a in read if isinstance(a, Article)]
        analysed = iter(self.pipeline.pipe(articles))
        results = [next(analysed) if isinstance(item, Article) else item for item in read]
        return pa.Table.from_pylist(
            [_result(row, item) for row, item in zip(rows, results, strict=True)],
            schema=OUTPUT_SCHEMA,
        )


def analyze_batch(batch: pa.Table, *, options: Options | None = None) -> pa.Table:
    """One batch with a fresh pipeline; engines keep an `Analyser` per worker instead."""
    return Analyser(options)(batch)


def table_of(rows: Sequence[dict[str, Any]]) -> pa.Table:
    """An input table from dicts with the input columns (missing ones null)."""
    return pa.Table.from_pylist(
        [{c: row.get(c) for c in INPUT_COLUMNS} for row in rows],
        schema=pa.schema([(c, pa.string()) for c in INPUT_COLUMNS]),
    )


def _article(row: dict[str, Any], options: Options) -> Article | UnspinError:
    ident = row.get("ident") or row["key"]
    known: dict[str, Any] = {k: row[k] for k in _META if row.get(k)}
    try:
        if row.get("text") is None and row.get("html"):
            meta = Meta(id=ident, **known)
            return article_from_html(
                row["html"], ident=ident, max_bytes=options.max_bytes, meta=meta
            )
        article = article_from_text(row.get("text") or "", ident=ident, max_bytes=options.max_bytes)
    except UnspinError as error:
        return error
    article.meta = replace(article.meta, **known) if known else article.meta
    return article


def _result(row: dict[str, Any], item: Article | UnspinError) -> dict[str, Any]:
    base = {"key": row["key"], "ident": row.get("ident")}
    if isinstance(item, UnspinError):
        return {**base, "report": None, "error_code": item.code, "error_message": str(item)}
    report = json.dumps(item.to_dict(), ensure_ascii=False)
    return {**base, "report": report, "error_code": None, "error_message": None}
