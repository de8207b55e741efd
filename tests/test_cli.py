from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE
from unspin.cli import cli
from unspin.report.schema import validate


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_analyze_writes_json_html_and_markdown(tmp_path: Path) -> None:
    code, _, err = run("analyze", str(EXAMPLE), "-o", str(tmp_path), "--format", "json,html,md")
    assert code == 0, err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["valdoria-crackdown.html", "valdoria-crackdown.json", "valdoria-crackdown.md"]
    report = json.loads((tmp_path / "valdoria-crackdown.json").read_text())
    validate(report)
    assert report["article"]["id"] == "valdoria-crackdown"
    assert len(report["paragraphs"]) == 12
    assert "1 analysed" in err


def test_exit_code_of_a_single_bad_input_is_its_own(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = run("analyze", str(empty), "-o", str(tmp_path / "out"))
    assert code == 12
    assert f"unspin: error: {empty}: the input is empty (0 bytes)" in err
    assert code == run("analyze", str(empty), "-o", str(tmp_path / "out"), "-q")[0]


def test_a_batch_with_broken_inputs_reports_the_rest_and_keeps_the_errors(tmp_path: Path) -> None:
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("The council voted against the plan on Monday.")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01binary")
    lines = [json.dumps({"id": "j1", "text": "A line article."}), "{broken"]
    (tmp_path / "in" / "batch.jsonl").write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    code, _, err = run(
        "analyze", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "-o", str(out)
    )
    assert code == 3
    assert sorted(p.name for p in out.iterdir()) == [
        "errors.jsonl",
        "good.html",
        "good.json",
        "j1.html",
        "j1.json",
    ]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [e["code"] for e in errors] == ["malformed_record", "binary_input", "input_not_found"]
    assert errors[0]["detail"]["line"] == 2
    assert "2 analysed, 3 failed" in err


def test_jsonl_output_and_stdin(tmp_path: Path) -> None:
    code, out, _ = run("analyze", "-", "--jsonl", "-", "-q", stdin=b"Officials said nothing.")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1
    report = json.loads(lines[0])
    validate(report)
    assert report["article"]["id"] == "stdin"
    assert not list(Path.cwd().glob("stdin.*"))


def test_tokens_on_request_and_same_stem_twice(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("First one.")
    (tmp_path / "b" / "x.txt").write_text("Second one.")
    out = tmp_path / "out"
    code, _, _ = run(
        "analyze",
        str(tmp_path / "a"),
        str(tmp_path / "b"),
        "-o",
        str(out),
        "--format",
        "json",
        "--tokens",
    )
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["x-2.json", "x.json"]
    second = json.loads((out / "x-2.json").read_text())
    assert second["article"]["text"] == "Second one." and second["tokens"][0]["lemma"] == "second"


@pytest.mark.parametrize("args", [["--format", "pdf"], ["--format", ","], ["--max-size", "0"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run("analyze", str(EXAMPLE), *args)[0] == 2


def test_size_limit_flag(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    code, _, err = run("analyze", str(big), "--max-size", "0.001", "-o", str(tmp_path))
    assert code == 17 and "over the limit" in err


def test_help_documents_every_exit_code() -> None:
    from unspin.errors import all_errors

    _, out, _ = run("analyze", "--help")
    for error in all_errors():
        assert f"  {error.exit_code} " in out
    assert "some articles were analysed, others failed" in out


def test_schema_command_prints_the_shipped_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0 and json.loads(out)["$id"] == "unspin/1"


def test_python_dash_m_unspin_runs(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "unspin", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "unspin" in done.stdout


def test_a_report_that_cannot_be_written_fails_that_article_only(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "x" * 300, "text": "Long id."}),
        json.dumps({"id": "ok", "text": "Short id."}),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    code, _, _ = run("analyze", str(tmp_path / "in.jsonl"), "-o", str(out), "--format", "json")
    assert code == 0  # long ids are cut to a safe file name
    assert sorted(p.name for p in out.iterdir()) == ["ok.json", "x" * 120 + ".json"]


def test_stale_errors_file_is_removed_and_model_errors_exit_20(tmp_path: Path) -> None:
    (tmp_path / "errors.jsonl").write_text('{"old": true}\n')
    code, _, _ = run("analyze", str(EXAMPLE), "-o", str(tmp_path), "-q")
    assert code == 0 and not (tmp_path / "errors.jsonl").exists()
    code, _, err = run("analyze", str(EXAMPLE), "--spacy-model", "no_such_model", "-q")
    assert code == 20 and "no_such_model" in err and "Traceback" not in err
    code, _, err = run("analyze", str(EXAMPLE), "--jsonl", str(tmp_path / "no" / "dir.jsonl"))
    assert code == 22 and "cannot write" in err


def test_stages_flag_chooses_the_pipeline_and_a_bad_one_says_how_to_fix_it(
    tmp_path: Path,
) -> None:
    code, _, _ = run(
        "analyze", str(EXAMPLE), "-o", str(tmp_path), "--stages", "segment,attribution"
    )
    assert code == 0
    report = json.loads((tmp_path / "valdoria-crackdown.json").read_text())
    assert report["stages"] == ["segment", "attribution"]
    assert report["quotes"] and not report["techniques"]
    code, _, err = run("analyze", str(EXAMPLE), "-o", str(tmp_path), "--stages", "attribution")
    assert code == 21
    assert "put segment first" in err or "provides" in err
