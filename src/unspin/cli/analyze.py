"""`unspin analyze PATH...`: write an HTML, JSON or Markdown report for every article."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path
from typing import IO

import click
from tqdm import tqdm

from unspin.analyze import analyze_many
from unspin.batch.reports import ERRORS_FILE, PARTIAL_EXIT, Output, RunSummary, write_all
from unspin.cli.common import max_size_option, stages_option
from unspin.errors import ReportError, UnspinError, all_errors
from unspin.options import MAX_BYTES, Options
from unspin.report import SUFFIXES

_PROGRESS_FROM = 4  # show a progress bar from this many inputs (or any folder / JSONL file)


def _exit_codes() -> str:
    lines = [
        "\b",
        "Exit codes:",
        "  0   every article was analysed",
        "  2   the command line is wrong",
        f"  {PARTIAL_EXIT}   some articles were analysed, others failed (see {ERRORS_FILE})",
    ]
    for error in sorted(all_errors(), key=lambda e: e.exit_code):
        summary = (error.__doc__ or error.code).strip().splitlines()[0]
        lines.append(f"  {error.exit_code:<3} {summary}")
    return "\n".join(lines)


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    unknown = [f for f in formats if f not in SUFFIXES]
    if unknown or not formats:
        raise click.BadParameter(f"choose from {', '.join(SUFFIXES)}, comma-separated")
    return formats


@click.command("analyze", epilog=_exit_codes())
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the reports (made if missing). Default: the current folder, "
    "or none when --jsonl is given.",
)
@click.option(
    "--format",
    "formats",
    default="json,html",
    show_default=True,
    callback=_formats,
    help="Report formats, comma-separated: json, html, md, graph (the actor/accusation "
    "graph as GraphML and node-link JSON).",
)
@click.option(
    "--jsonl",
    "jsonl",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Also write one JSON report a line to this file ('-' for standard output).",
)
@click.option("--tokens", is_flag=True, help="Include every token (lemma, POS) in JSON reports.")
@max_size_option(default_mb=MAX_BYTES / 2**20, help="Largest input file or JSONL record")
@click.option("--spacy-model", help="spaCy pipeline package to use (default: best installed).")
@stages_option()
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def analyze_command(
    paths: tuple[str, ...],
    out: Path | None,
    formats: tuple[str, ...],
    jsonl: str | None,
    tokens: bool,
    max_bytes: int,
    spacy_model: str | None,
    stages: tuple[str, ...],
    quiet: bool,
) -> None:
    """Analyse articles and write a report for each.

    PATHS are .txt files (any common encoding), .html/.htm pages, .jsonl files with one
    article a line ({"id", "text" or "html", "url", "outlet", "published"}), folders of
    these, or - for standard input. A bad article is reported and the others go on.
    """
    options = Options(
        max_bytes=max_bytes,
        spacy_model=spacy_model,
        stages=stages,
    )
    folder = out if out is not None else (None if jsonl else Path("."))
    try:
        summary = _run(paths, options, folder, formats, jsonl, tokens=tokens, quiet=quiet)
    except UnspinError as error:
        _print_error(error)
        sys.exit(error.exit_code)
    if not quiet:
        _print_summary(summary, folder)
    sys.exit(summary.exit_code)


def _run(
    paths: tuple[str, ...],
    options: Options,
    folder: Path | None,
    formats: tuple[str, ...],
    jsonl: str | None,
    *,
    tokens: bool,
    quiet: bool,
) -> RunSummary:
    with ExitStack() as stack:
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        stream = _open_jsonl(jsonl, stack)
        output = Output(folder=folder, formats=formats, jsonl=stream, tokens=tokens)
        items = analyze_many(paths, options=options)
        if not quiet:
            items = tqdm(items, unit="article", disable=_quiet_bar(paths), file=sys.stderr)
        return write_all(items, output, on_error=_print_error)


def _open_jsonl(jsonl: str | None, stack: ExitStack) -> IO[str] | None:
    if jsonl is None:
        return None
    if jsonl == "-":
        return sys.stdout
    try:
        return stack.enter_context(open(jsonl, "w", encoding="utf-8"))
    except OSError as exc:
        raise ReportError(f"{jsonl}: cannot write the JSONL reports: {exc.strerror}") from exc


def _quiet_bar(paths: tuple[str, ...]) -> bool | None:
    many = len(paths) >= _PROGRESS_FROM or any(
        Path(p).is_dir() or p.endswith(".jsonl") for p in paths
    )
    return None if many else True  # None: shown on a terminal only


def _print_error(error: UnspinError) -> None:
    tqdm.write(f"unspin: error: {error}", file=sys.stderr)


def _print_summary(summary: RunSummary, folder: Path | None) -> None:
    where = f"; reports in {folder}" if folder is not None and summary.written else ""
    failed = f", {len(summary.failed)} failed" if summary.failed else ""
    click.echo(f"unspin: {summary.analysed} analysed{failed}{where}", err=True)
