"""The corpus store: schema and migrations, adding (duplicates, unreadable inputs, WARC),
resumable analysis (a killed run finishes on the next), queries and exports."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from conftest import ROOT
from unspin.batch.corpus import analyze_store
from unspin.cli import cli
from unspin.errors import StoreError
from unspin.options import Options
from unspin.stages.ingest import load
from unspin.store import Store
from unspin.store.queries import actor_labels, search, techniques_by_outlet, top_claims
from unspin.store.schema import MIGRATIONS

FAST = ("language", "segment", "entities", "accusations")


def article(n: int) -> str:
    return (
        f"Report {n}. Interior Minister Tomas Rell accused the National Renewal Front (NRF) "
        f"of plotting attack number {n}. The NRF, a shadowy outfit, denied the allegations. "
        f"Police said they had found documents in raid {n}."
    )


def folder_of(tmp: Path, count: int) -> Path:
    folder = tmp / "articles"
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:03}.txt").write_text(article(n), encoding="utf-8")
    return folder


def test_a_new_store_has_every_migration_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store.create(path) as store:
        assert store.version == len(MIGRATIONS)
    with Store(path) as store:
        assert store.counts()["articles"] == 0


def test_opening_a_missing_or_foreign_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"nope\.db: no corpus store"):
        Store(tmp_path / "nope.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=r"junk\.db: not a usable corpus store"):
        Store(junk)


def test_a_store_from_a_newer_unspin_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    Store.create(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer unspin"):
        Store(path)


def test_adding_twice_adds_once_and_unreadable_inputs_are_kept_once(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, 3)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "copy.txt").write_text(article(0), encoding="utf-8")
    with Store.create(tmp_path / "c.db") as store:
        first = store.add(load([folder], options=Options()))
        again = store.add(load([folder], options=Options()))
        assert (first.added, first.duplicates, first.failed) == (3, 1, 1)
        assert (again.added, again.duplicates, again.failed) == (0, 4, 1)
        assert store.counts()["errors"] == 1


def test_a_failing_article_is_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    with Store.create(tmp_path / "c.db") as store:
        store.add(load([folder_of(tmp_path, 3)], options=Options()))
        store.add(load([_long_text(tmp_path)], options=Options()))
        summary = analyze_store(store, options=Options(stages=FAST, max_bytes=2000))
        assert (summary.analysed, summary.failed) == (3, 1)
        (error,) = store.db.execute("SELECT code, source FROM errors").fetchall()
        assert error == ("input_too_large", "long")
        again = analyze_store(store, options=Options(stages=FAST))
        assert (again.analysed, again.skipped, again.failed) == (0, 4, 0)
        retried = analyze_store(store, options=Options(stages=FAST), retry_failed=True)
        assert (retried.analysed, retried.failed) == (1, 0)
        assert store.counts()["errors"] == 0


def _long_text(tmp: Path) -> Path:
    path = tmp / "long.txt"
    path.write_text(" ".join([article(99)] * 20), encoding="utf-8")
    return path


def test_saving_an_article_again_replaces_its_findings(tmp_path: Path) -> None:
    with Store.create(tmp_path / "c.db") as store:
        store.add(load([folder_of(tmp_path, 2)], options=Options()))
        analyze_store(store, options=Options(stages=FAST))
        before = store.counts()
        report = json.loads(store.db.execute("SELECT report FROM reports LIMIT 1").fetchone()[0])
        store.save(1, 1, report)
        assert store.counts() == before


def test_queries_over_analysed_articles(tmp_path: Path) -> None:
    with Store.create(tmp_path / "c.db") as store:
        store.add(load([folder_of(tmp_path, 4)], options=Options()))
        analyze_store(store, options=Options(stages=FAST))
        hits = search(store, 'raid "2" (*')
        assert hits and hits[0]["ident"] == "a002"
        labels = actor_labels(store, "NRF")
        assert {r["label"] for r in labels} >= {"shadowy outfit"}
        assert labels[0]["articles"] == 4
        assert techniques_by_outlet(store) == []  # the techniques stage did not run
        assert top_claims(store) == []  # nor the claims stage


def test_exports_read_back_in_arrow_and_duckdb(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with Store.create(db) as store:
        store.add(load([folder_of(tmp_path, 2)], options=Options()))
        analyze_store(store, options=Options(stages=FAST))
        accusations = store.counts()["accusations"]
    runner = CliRunner()
    for fmt in ("parquet", "jsonl", "csv"):
        result = runner.invoke(
            cli, ["corpus", "export", str(db), "--format", fmt, "-o", str(tmp_path / fmt)]
        )
        assert result.exit_code == 0, result.output
    assert pq.read_table(tmp_path / "parquet" / "accusations.parquet").num_rows == accusations
    lines = (tmp_path / "jsonl" / "accusations.jsonl").read_text().splitlines()
    assert len(lines) == accusations and json.loads(lines[0])["accused"]
    result = runner.invoke(
        cli,
        [
            "corpus",
            "sql",
            str(tmp_path / "parquet"),
            "select count(*) as n from accusations",
            "--json",
        ],
    )
    assert json.loads(result.output) == [{"n": accusations}]


# warcio's writer leaves a temporary buffer to the garbage collector; reading does not
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_warc_crawl_is_read_page_by_page(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    page = "<html><head><title>Raid</title></head><body><article><p>" + (
        article(1) + " " + article(2) + "</p></article></body></html>"
    )
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, kind, body in (
            ("https://news.example/raid", "text/html; charset=utf-8", page),
            ("https://news.example/logo.png", "image/png", "PNG"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body.encode("utf-8")), http_headers=headers
            )
            writer.write_record(record)
    (found,) = list(load([path], options=Options()))
    assert not isinstance(found, Exception)
    assert found.meta.url == "https://news.example/raid"
    assert found.meta.outlet == "news.example"
    assert "Tomas Rell" in found.text


def test_a_run_killed_mid_way_finishes_on_the_next_with_nothing_lost_or_doubled(
    tmp_path: Path,
) -> None:
    db = tmp_path / "c.db"
    with Store.create(db) as store:
        store.add(load([folder_of(tmp_path, 60)], options=Options()))
    command = [
        sys.executable,
        "-m",
        "unspin",
        "corpus",
        "analyze",
        str(db),
        "-q",
        "--stages",
        ",".join(FAST),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = _wait_for_reports(db, at_least=3, process=process)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 0 < done < 60, f"the run was not caught mid-way ({done} of 60 done)"
    subprocess.run(command, check=True, capture_output=True)
    with Store(db) as store:
        counts = store.counts()
        assert counts["reports"] == 60
        doubled = store.db.execute(
            "SELECT count(*) FROM (SELECT article_id, entity FROM entities"
            " GROUP BY 1, 2 HAVING count(*) > 1)"
        ).fetchone()[0]
        assert doubled == 0
        runs = store.db.execute("SELECT count(*) FROM runs").fetchone()[0]
        assert runs == 2
        resumed = dict(store.db.execute("SELECT article_id, report FROM reports"))
    with Store.create(tmp_path / "once.db") as once:
        once.add(load([tmp_path / "articles"], options=Options()))
        analyze_store(once, options=Options(stages=FAST))
        assert dict(once.db.execute("SELECT article_id, report FROM reports")) == resumed


def _wait_for_reports(db: Path, *, at_least: int, process: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        connection = sqlite3.connect(db, timeout=5)
        try:
            done = int(connection.execute("SELECT count(*) FROM reports").fetchone()[0])
        finally:
            connection.close()
        if done >= at_least:
            return done
        time.sleep(0.02)
    raise AssertionError("the analysis did not start in time")


def test_statements_that_say_the_same_thing_cluster_across_articles(tmp_path: Path) -> None:
    from unspin.store.matching import match
    from unspin.store.queries import claim_clusters

    said = [
        ("A judge rejected the newspaper's request to unseal the divorce file.", "outlet-a"),
        ("The court turned down the paper's bid to open the divorce records.", "outlet-b"),
        ("Unemployment fell to four percent in the third quarter of the year.", "outlet-c"),
    ]
    with Store.create(tmp_path / "c.db") as store:
        for n, (claim, outlet) in enumerate(said):
            _stored_claim(store, n, claim, outlet)
        assert match(store, threshold=0.5) == 1
        (cluster,) = claim_clusters(store)
        assert cluster["articles"] == 2 and cluster["outlets"] == 2
        assert cluster["first_outlet"] == "outlet-a"
        assert cluster["first_seen"] == "2026-01-01"
        assert match(store, threshold=0.99) == 0


def _stored_claim(store: Store, n: int, claim: str, outlet: str) -> None:
    from unspin.article import Article, Meta

    store.add([Article(claim, meta=Meta(id=f"a{n}", outlet=outlet, published=f"2026-01-0{n + 1}"))])
    span = {"start": 0, "end": len(claim), "text": claim}
    report = {
        "techniques": [],
        "quotes": [],
        "entities": [],
        "accusations": [],
        "claims": [{**span, "checkworthiness": 0.9, "quote": None}],
    }
    store.save(n + 1, store.start_run({}, {}), report)


def test_the_corpus_commands_from_init_to_query(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["corpus", *args])
        assert result.exit_code == 0, result.output
        return result.output

    assert "schema version" in run("init", db)
    assert "3 added" in run("add", db, str(folder_of(tmp_path, 3)))
    said = run("analyze", db, "-q", "--stages", ",".join(FAST))
    assert said.strip() == "3 analysed, 0 skipped (done before or failed before), 0 failed"
    hits = json.loads(run("query", db, "search", "raid 1", "--json"))
    assert hits[0]["ident"] == "a001"
    assert "shadowy outfit" in run("query", db, "labels", "National Renewal Front")
    missing = runner.invoke(cli, ["corpus", "query", str(tmp_path / "none.db"), "errors"])
    assert missing.exit_code == 24 and "no corpus store" in missing.output


@pytest.mark.skipif(
    not (ROOT.parent / "shared" / "data" / "polnear").is_dir(), reason="needs ../shared/data"
)
def test_the_claim_matcher_holds_its_floor_on_the_paraphrase_pairs() -> None:
    # measured: held-out F1 0.7273 at the threshold chosen on the other half (0.5);
    # precision 0.7565, recall 0.6493 at the default 0.6
    result = CliRunner().invoke(
        cli,
        [
            "corpus",
            "match-eval",
            "--data",
            str(ROOT.parent / "shared" / "data"),
            "--pairs",
            str(ROOT / "tests" / "fixtures" / "paraphrases" / "pairs.jsonl"),
        ],
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["pairs"] >= 240
    assert scores["held_out"]["f1"] >= 0.70
    assert scores["at_threshold"]["precision"] >= 0.72


def test_a_reader_writes_nothing_and_refuses_another_schema(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    Store.create(path).close()
    with Store(path, readonly=True) as reader:
        assert reader.counts()["articles"] == 0
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.db.execute("DELETE FROM articles")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 1")
    connection.close()
    with pytest.raises(StoreError, match="schema 1"):
        Store(path, readonly=True)
