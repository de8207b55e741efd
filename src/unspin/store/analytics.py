"""DuckDB over Parquet: the analytics engine for exports and distributed runs' output, where
full scans over millions of findings are many times faster than in SQLite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from unspin.errors import StoreError


def duckdb_query(folder: Path, query: str) -> list[dict[str, Any]]:
    """Run `query` over the Parquet files of `folder`: a view per exported table (articles,
    labels, ...) and the view `results` over the other files (a batch run's parts)."""
    import duckdb

    connection = duckdb.connect()
    try:
        for name, files in _views(folder).items():
            listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
            connection.execute(f'CREATE VIEW "{name}" AS SELECT * FROM read_parquet([{listed}])')
        result = connection.execute(query)
        names = [d[0] for d in result.description or []]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
    except duckdb.Error as exc:
        raise StoreError(f"{folder}: the query failed: {exc}") from exc
    finally:
        connection.close()


def _views(folder: Path) -> dict[str, list[str]]:
    from unspin.store.export import TABLES

    files = sorted(folder.glob("*.parquet"))
    views = {p.stem: [str(p)] for p in files if p.stem in TABLES}
    parts = [str(p) for p in files if p.stem not in TABLES]
    if parts:
        views["results"] = parts
    if not views:
        raise StoreError(f"{folder}: no Parquet files to query")
    return views
