"""`unspin batch run INPUT... OUTPUT`: articles from JSONL or Parquet through an engine (the
local pool or Ray), results as Parquet files in OUTPUT that DuckDB and the store read.

Input rows need `text` or `html`; `id`/`ident`, `title`, `url`, `outlet`, `published` are
kept when present. Each row gets a `key`: its id, else the SHA-256 of its text. A JSONL line
that is not a JSON object is reported in OUTPUT/errors.jsonl and the run goes on.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from unspin.batch.core import INPUT_COLUMNS, OUTPUT_SCHEMA, table_of
from unspin.batch.pool import run_pool
from unspin.errors import InputError, InputNotFoundError, MalformedRecordError
from unspin.options import Options

ENGINES = ("local", "ray")
CHUNK_ROWS = 8


@dataclass(slots=True)
class BatchSummary:
    rows: int = 0
    unreadable: list[InputError] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def run_batch(
    inputs: list[Path],
    output: Path,
    *,
    engine: str,
    workers: int,
    options: Options,
    address: str | None = None,
) -> BatchSummary:
    summary = BatchSummary()
    output.mkdir(parents=True, exist_ok=True)
    parquet = [p for p in _files(inputs) if p.suffix == ".parquet"]
    jsonl = [p for p in _files(inputs) if p.suffix != ".parquet"]
    rows = [row for path in jsonl for row in _jsonl_rows(path, summary)]
    table = pa.concat_tables([table_of(rows), *(_parquet_table(p) for p in parquet)])
    summary.rows = table.num_rows
    if engine == "ray":
        from unspin.batch.ray_engine import run_ray

        run_ray(table, output, workers=workers, options=options, address=address)
    else:
        _run_local(table, output, workers=workers, options=options)
    _write_errors(output, summary.unreadable)
    summary.files = sorted(output.glob("*.parquet"))
    return summary


def read_results(output: Path) -> pa.Table:
    """Every result row an engine wrote into `output`, sorted by key."""
    files = sorted(output.glob("*.parquet"))
    if not files:
        return pa.table({})
    table = pa.concat_tables([pq.read_table(f) for f in files])
    return table.sort_by("key")


def _files(inputs: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in (".parquet", ".jsonl"))
        elif path.is_file():
            found.append(path)
        else:
            raise InputNotFoundError(str(path), "no such file or folder")
    return found


def _jsonl_rows(path: Path, summary: BatchSummary) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with path.open("rb") as stream:
        for line, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig"))
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
            except (ValueError, UnicodeDecodeError) as exc:
                summary.unreadable.append(
                    MalformedRecordError(str(path), f"not an article record: {exc}", line=line)
                )
                continue
            rows.append(_row(record, default=f"{path.stem}-{line}"))
    return rows


def _row(record: dict[str, Any], *, default: str) -> dict[str, Any]:
    row = {c: _text(record.get(c)) for c in INPUT_COLUMNS}
    ident = _text(record.get("id")) or row["ident"] or default
    body = row["text"] if row["text"] is not None else row["html"] or ""
    row["ident"] = ident
    row["key"] = row["key"] or hashlib.sha256(body.encode("utf-8")).hexdigest()
    return row


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _parquet_table(path: Path) -> pa.Table:
    rows = pq.read_table(path).to_pylist()
    return table_of([_row(r, default=f"{path.stem}-{k}") for k, r in enumerate(rows, start=1)])


def _run_local(table: pa.Table, output: Path, *, workers: int, options: Options) -> None:
    rows = iter(table.to_pylist())
    chunks = iter(lambda: list(islice(rows, CHUNK_ROWS)), [])
    results = [r for chunk in run_pool(chunks, workers=workers, options=options) for r in chunk]
    pq.write_table(pa.Table.from_pylist(results, schema=OUTPUT_SCHEMA), output / "part-0.parquet")


def _write_errors(output: Path, errors: list[InputError]) -> None:
    path = output / "errors.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for error in errors:
            out.write(json.dumps({"source": error.source, **error.to_dict()}) + "\n")
