"""What the model commands share: folder arguments, the training options, the error guard."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from unspin.errors import UnspinError

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., object])
DATA = click.Path(exists=True, file_okay=False, path_type=Path)


def eval_options(*, data_help: str) -> Callable[[F], F]:
    """--data, --split, --model, --limit, --json and --record, for every `eval` command."""

    def decorate(command: F) -> F:
        for option in reversed(
            [
                click.option("--data", type=DATA, required=True, help=data_help),
                click.option("--split", default="dev", show_default=True),
                click.option("--model", type=DATA, help="Model folder (default: the shipped one)."),
                click.option(
                    "--limit",
                    type=click.IntRange(1),
                    help="Only the first N articles of the split.",
                ),
                click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON."),
                click.option(
                    "--record", is_flag=True, help="Also keep the scores in the model's manifest."
                ),
            ]
        ):
            command = option(command)
        return command

    return decorate


def training_options(*, data_help: str, epochs: int) -> Callable[[F], F]:
    """--data, --out (resumable), --epochs and --threads, for every `train` command."""

    def decorate(command: F) -> F:
        for option in reversed(
            [
                click.option("--data", type=DATA, required=True, help=data_help),
                click.option(
                    "--out",
                    type=click.Path(file_okay=False, path_type=Path),
                    required=True,
                    help="Model folder; a run left there is resumed from its last checkpoint.",
                ),
                click.option("--epochs", type=click.IntRange(1), default=epochs, show_default=True),
                click.option("--threads", type=click.IntRange(1), default=2, show_default=True),
            ]
        ):
            command = option(command)
        return command

    return decorate


def _stage_list(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(",") if s.strip())


def stages_option() -> Callable[[F], F]:
    """--stages, parsed into a tuple (default: the whole pipeline)."""
    from unspin.options import DEFAULT_STAGES

    return click.option(
        "--stages",
        default=",".join(DEFAULT_STAGES),
        show_default=True,
        callback=_stage_list,
        help="The stages to run after ingest, in order, comma-separated.",
    )


def _megabytes(_ctx: click.Context, _param: click.Parameter, value: float) -> int:
    return int(value * 2**20)


def max_size_option(*, default_mb: float, help: str) -> Callable[[F], F]:
    """--max-size in MB, handed to the command in bytes (as `max_bytes`)."""
    return click.option(
        "--max-size",
        "max_bytes",
        type=click.FloatRange(min=0.001),
        default=default_mb,
        show_default=True,
        callback=_megabytes,
        help=help + ", in MB.",
    )


def workers_option(*, default: int, help: str) -> Callable[[F], F]:
    """--workers: how many processes (or actors) run the pipeline, each with its models."""
    return click.option(
        "--workers", type=click.IntRange(1), default=default, show_default=True, help=help
    )


def guarded(run: Callable[[], T]) -> T:
    """Run a command body; an UnspinError becomes one line on stderr and its exit code."""
    try:
        return run()
    except UnspinError as error:
        click.echo(f"unspin: error: {error}", err=True)
        sys.exit(error.exit_code)
