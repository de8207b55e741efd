"""The batch engines: the core function over an Arrow table, the local pool, and Ray Data in
local mode, which must give exactly what the local pool gives."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner

from unspin.batch.core import analyze_batch, table_of
from unspin.batch.run import read_results
from unspin.cli import cli
from unspin.options import Options

STAGES = "language,segment,entities,accusations"


def text(n: int) -> str:
    return (
        f"Ana Silva accused the Open Hand Movement of plotting attack {n}. "
        "The movement denied the allegations."
    )


def write_jsonl(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            out.write(json.dumps({"id": f"a{n}", "text": text(n), "outlet": "example"}) + "\n")
        out.write("this line is not JSON\n")
        out.write(json.dumps({"id": "empty", "text": "   "}) + "\n")
        page = (
            f"<html><body><article><p>{text(99)} {text(98)} {text(97)}</p></article></body></html>"
        )
        out.write(json.dumps({"id": "page", "html": page}) + "\n")
    return path


def test_the_core_turns_rows_into_reports_and_errors_into_rows() -> None:
    rows = [
        {"key": "k1", "ident": "one", "text": text(1), "outlet": "example"},
        {"key": "k2", "ident": "two", "text": ""},
    ]
    result = analyze_batch(table_of(rows), options=Options(stages=tuple(STAGES.split(","))))
    assert isinstance(result, pa.Table)
    one, two = result.to_pylist()
    report = json.loads(one["report"])
    assert report["article"]["outlet"] == "example"
    assert report["accusations"] and one["error_code"] is None
    assert two["report"] is None and two["error_code"] == "empty_input"


def run(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return result.output


def test_ray_local_mode_gives_exactly_what_the_local_pool_gives(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    source = write_jsonl(tmp_path / "in.jsonl", 6)
    local, ray_out = tmp_path / "local", tmp_path / "ray"
    said = run(["batch", "run", str(source), str(local), "--workers", "2", "--stages", STAGES])
    assert "8 articles through local" in said and "1 unreadable lines" in said
    run(
        [
            "batch",
            "run",
            str(source),
            str(ray_out),
            "--engine",
            "ray",
            "--workers",
            "2",
            "--stages",
            STAGES,
        ]
    )
    from_pool, from_ray = read_results(local), read_results(ray_out)
    assert from_pool.num_rows == 8
    assert from_pool.to_pylist() == from_ray.select(from_pool.column_names).to_pylist()
    errors = {r["ident"]: r["error_code"] for r in from_pool.to_pylist() if r["error_code"]}
    assert errors == {"empty": "empty_input"}
    (line,) = (local / "errors.jsonl").read_text().splitlines()
    assert json.loads(line)["code"] == "malformed_record"
    counted = run(["corpus", "sql", str(ray_out), "select count(*) as n from results", "--json"])
    assert json.loads(counted) == [{"n": 8}]
