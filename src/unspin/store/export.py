"""Exporting a corpus store for analytics: one file per table, in Parquet (for DuckDB,
pandas, Spark), JSONL or CSV. Rows are read in chunks and written through Arrow, never held
all at once."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from unspin.errors import StoreError
from unspin.store import Store
from unspin.store.schema import FINDING_TABLES

FORMATS = ("parquet", "jsonl", "csv")
TABLES = ("articles", "reports", "errors", *FINDING_TABLES)
_CHUNK = 5000


def export(store: Store, folder: Path, fmt: str) -> list[Path]:
    """Write each table of `store` to `folder/<table>.<fmt>`; the paths written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    return [_table(store, table, folder / f"{table}.{fmt}", fmt) for table in TABLES]


def _table(store: Store, table: str, path: Path, fmt: str) -> Path:
    cursor = store.db.execute(f"SELECT * FROM {table}")
    names = [d[0] for d in cursor.description]
    schema = _schema(store, table, names)
    batches = (
        pa.Table.from_pylist([dict(zip(names, r, strict=True)) for r in rows], schema)
        for rows in iter(lambda: cursor.fetchmany(_CHUNK), [])
    )
    WRITERS[fmt](path, schema, batches)
    return path


def _parquet(path: Path, schema: pa.Schema, batches: Iterator[pa.Table]) -> None:
    with pq.ParquetWriter(path, schema) as writer:
        writer.write_table(schema.empty_table())
        for batch in batches:
            writer.write_table(batch)


def _csv(path: Path, schema: pa.Schema, batches: Iterator[pa.Table]) -> None:
    with pa_csv.CSVWriter(str(path), schema) as writer:
        for batch in batches:
            writer.write_table(batch)


def _jsonl(path: Path, schema: pa.Schema, batches: Iterator[pa.Table]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for batch in batches:
            out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in batch.to_pylist())


WRITERS: dict[str, Callable[[Path, pa.Schema, Iterator[pa.Table]], None]] = {
    "parquet": _parquet,
    "csv": _csv,
    "jsonl": _jsonl,
}


def _schema(store: Store, table: str, names: list[str]) -> pa.Schema:
    """Arrow types from the table's declared column types."""
    declared = {
        row[1]: (row[2] or "").upper() for row in store.db.execute(f"PRAGMA table_info({table})")
    }
    arrow = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string()}
    return pa.schema([(n, arrow.get(declared.get(n, "TEXT"), pa.string())) for n in names])
