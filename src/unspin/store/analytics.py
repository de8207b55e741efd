"""DuckDB over Parquet: the analytics engine for exports and distributed runs' output, where
full scans over millions of findings are many times faster than in SQLite. Each Parquet file
of a folder (or folder of files) becomes a view named after it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from unspin.errors import StoreError


def duckdb_query(folder: Path, query: str) -> list[dict[str, Any]]:
    import duckdb

    connection = duckdb.connect()
    try:
        for name, pattern in _parquet_views(folder).items():
            quoted = pattern.replace("'", "''")
            connection.execute(f"CREATE VIEW \"{name}\" AS SELECT * FROM read_parquet('{quoted}')")
        result = connection.execute(query)
        names = [d[0] for d in result.description or []]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
    except duckdb.Error as exc:
        raise StoreError(f"{folder}: the query failed: {exc}") from exc
    finally:
        connection.close()


def _parquet_views(folder: Path) -> dict[str, str]:
    views = {path.stem: str(path) for path in sorted(folder.glob("*.parquet"))}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and any(p.glob("*.parquet"))):
        views[sub.name] = str(sub / "*.parquet")
    if not views:
        raise StoreError(f"{folder}: no Parquet files to query")
    return views
