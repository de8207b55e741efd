"""`unspin batch run`: a corpus of JSONL or Parquet through the local pool or Ray."""

from __future__ import annotations

from pathlib import Path

import click

from unspin.cli.common import guarded, stages_option, workers_option


@click.group("batch")
def batch_command() -> None:
    """Analyse a large corpus with an engine: a local process pool or Ray."""


@batch_command.command("run")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.argument("output", type=click.Path(file_okay=False, path_type=Path))
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@workers_option(default=1, help="Processes (local) or actors (ray), each holding the models once.")
@click.option(
    "--address",
    help="A Ray cluster to join (ray://host:10001 or host:6379); local Ray when not given.",
)
@stages_option()
def run_command(
    inputs: tuple[Path, ...],
    output: Path,
    engine: str,
    workers: int,
    address: str | None,
    stages: tuple[str, ...],
) -> None:
    """Analyse INPUTS (JSONL files, Parquet files, folders of them) into OUTPUT: Parquet
    files with key, ident, report (unspin/1 JSON), error_code, error_message."""
    from unspin.batch.run import run_batch
    from unspin.options import Options

    summary = guarded(
        lambda: run_batch(
            list(inputs),
            output,
            engine=engine,
            workers=workers,
            options=Options(stages=stages),
            address=address,
        )
    )
    click.echo(
        f"{summary.rows} articles through {engine}; results in {output} "
        f"({len(summary.files)} Parquet files); {len(summary.unreadable)} unreadable lines "
        "(errors.jsonl)"
    )
