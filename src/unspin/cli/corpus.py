"""`unspin corpus init|add|analyze|query|export`: a corpus in an embedded store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from unspin.cli.common import guarded, max_size_option, stages_option, workers_option
from unspin.options import MAX_BYTES

STORE = click.Path(dir_okay=False, path_type=Path)


@click.group("corpus")
def corpus_command() -> None:
    """Keep a corpus in a store file (SQLite): add articles, analyse them, query, export."""


@corpus_command.command("init")
@click.argument("db", type=STORE)
def init_command(db: Path) -> None:
    """Make a store (or bring an old one up to date)."""
    from unspin.store import Store

    with guarded(lambda: Store.create(db)) as store:
        click.echo(f"{db}: corpus store, schema version {store.version}")


@corpus_command.command("add")
@click.argument("db", type=STORE)
@click.argument("paths", nargs=-1, required=True)
@max_size_option(default_mb=MAX_BYTES / 2**20, help="The largest file or record accepted")
def add_command(db: Path, paths: tuple[str, ...], max_bytes: int) -> None:
    """Add articles: files, folders, JSONL, WARC (.warc, .warc.gz). A text already in the
    store is skipped; an unreadable input goes to the errors table."""
    from unspin.options import Options
    from unspin.stages.ingest import load
    from unspin.store import Store

    def run() -> Any:
        options = Options(max_bytes=max_bytes)
        with Store(db) as store:
            return store.add(load(paths, options=options))

    summary = guarded(run)
    click.echo(
        f"{summary.added} added, {summary.duplicates} already in the store, "
        f"{summary.failed} could not be read (see `unspin corpus query {db} errors`)"
    )


@corpus_command.command("analyze")
@click.argument("db", type=STORE)
@workers_option(default=1, help="Worker processes, each with its own models.")
@stages_option()
@click.option("--retry-failed", is_flag=True, help="Also try again articles that failed.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def analyze_command(
    db: Path, workers: int, stages: tuple[str, ...], retry_failed: bool, quiet: bool
) -> None:
    """Analyse every article that has no report yet. Safe to stop at any moment and run
    again: it goes on with the rest."""
    from tqdm import tqdm

    from unspin.batch.corpus import analyze_store
    from unspin.options import Options
    from unspin.store import Store

    def run() -> Any:
        options = Options(stages=stages)
        with Store(db) as store:
            total = len(store.pending_ids(retry_failed=retry_failed))
            with tqdm(total=total, unit="article", disable=quiet, dynamic_ncols=True) as bar:
                return analyze_store(
                    store,
                    options=options,
                    workers=workers,
                    retry_failed=retry_failed,
                    progress=bar.update,
                )

    summary = guarded(run)
    click.echo(
        f"{summary.analysed} analysed, {summary.skipped} skipped "
        f"(done before or failed before), {summary.failed} failed"
    )


@corpus_command.group("query")
@click.argument("db", type=STORE)
@click.pass_context
def query_command(context: click.Context, db: Path) -> None:
    """Ask the store DB: search, techniques, labels, claims, errors."""
    context.obj = db


def _show(rows: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("(nothing)")
        return
    keys = list(rows[0])
    click.echo("\t".join(keys))
    for row in rows:
        click.echo("\t".join(_cell(row[k]) for k in keys))


def _cell(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON rows.")


def _query(db: Path, ask: Any, as_json: bool) -> None:
    from unspin.store import Store

    def run() -> Any:
        with Store(db, readonly=True) as store:
            return ask(store)

    _show(guarded(run), as_json)


@query_command.command("search")
@click.argument("text")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True)
@JSON
@click.pass_obj
def search_command(db: Path, text: str, limit: int, as_json: bool) -> None:
    """Articles matching the words of TEXT, best first (bm25), with a snippet."""
    from unspin.store.queries import search

    _query(db, lambda store: search(store, text, limit=limit), as_json)


@query_command.command("techniques")
@click.option("--technique", help="Only this technique (PTC name, e.g. Loaded_Language).")
@JSON
@click.pass_obj
def techniques_command(db: Path, technique: str | None, as_json: bool) -> None:
    """Techniques by outlet and month: spans, articles with one, articles analysed."""
    from unspin.store.queries import techniques_by_outlet

    _query(db, lambda store: techniques_by_outlet(store, technique=technique), as_json)


@query_command.command("labels")
@click.argument("actor")
@JSON
@click.pass_obj
def labels_command(db: Path, actor: str, as_json: bool) -> None:
    """The labels each outlet pins on ACTOR (a name or alias)."""
    from unspin.store.queries import actor_labels

    _query(db, lambda store: actor_labels(store, actor), as_json)


@query_command.command("claims")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@JSON
@click.pass_obj
def claims_command(db: Path, limit: int, as_json: bool) -> None:
    """Claims said in several articles: the clusters of `corpus match`, or, before it ran,
    the check-worthy claims repeated word for word."""
    from unspin.store.queries import top_claims

    _query(db, lambda store: top_claims(store, limit=limit), as_json)


@query_command.command("errors")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@JSON
@click.pass_obj
def errors_command(db: Path, limit: int, as_json: bool) -> None:
    """Inputs that could not be read and articles that could not be analysed."""
    from unspin.store.queries import errors

    _query(db, lambda store: errors(store, limit=limit), as_json)


@corpus_command.command("export")
@click.argument("db", type=STORE)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet", "jsonl", "csv"]),
    default="parquet",
    show_default=True,
)
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for one file per table.",
)
def export_command(db: Path, fmt: str, out: Path) -> None:
    """Every table to files, for DuckDB, pandas or Spark."""
    from unspin.store import Store
    from unspin.store.export import export

    def run() -> list[Path]:
        with Store(db, readonly=True) as store:
            return export(store, out, fmt)

    for path in guarded(run):
        click.echo(path)


@corpus_command.command("sql")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("query")
@JSON
def sql_command(folder: Path, query: str, as_json: bool) -> None:
    """Run QUERY with DuckDB over a Parquet export (each table a view of its name) or the
    Parquet output of `unspin batch run` (the view `results`)."""
    from unspin.store.analytics import duckdb_query

    _show(guarded(lambda: duckdb_query(folder, query)), as_json)


@corpus_command.command("match")
@click.argument("db", type=STORE)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=0.6,
    show_default=True,
    help="Cosine similarity at or above which two statements say the same thing "
    "(on the paraphrase set: 0.6 gives precision 0.76, recall 0.65).",
)
def match_command(db: Path, threshold: float) -> None:
    """Find the same claim or quote, in other words, across articles (MiniLM embeddings,
    approximate nearest neighbours); `corpus query DB claims` then lists the clusters."""
    from unspin.store import Store
    from unspin.store.matching import match

    def run() -> int:
        with Store(db) as store:
            return match(store, threshold=threshold)

    click.echo(f"{guarded(run)} clusters of statements found in more than one article")


@corpus_command.command("match-eval")
@click.option(
    "--data",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="The data folder the pairs name.",
)
@click.option(
    "--pairs",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("tests/fixtures/paraphrases/pairs.jsonl"),
    show_default=True,
)
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.6, show_default=True)
def match_eval_command(data: Path, pairs: Path, threshold: float) -> None:
    """Precision and recall of the claim matcher on paraphrase pairs: at --threshold on all
    pairs, and at the threshold chosen on half of them, on the other half."""
    from unspin.training.paraphrase_eval import evaluate, read_pairs

    result = guarded(lambda: evaluate(read_pairs(pairs, data), threshold=threshold))
    click.echo(json.dumps(result, indent=2))
