"""`unspin attribution train|eval`: the attribution tagger on PolNeAR."""

from __future__ import annotations

import json
from pathlib import Path

import click

from unspin.cli.common import DATA, eval_options, guarded, training_options


@click.group("attribution")
def attribution_command() -> None:
    """Train and evaluate the attribution tagger (Source, Cue, Content spans; PolNeAR)."""


@attribution_command.command("train")
@training_options(data_help="The PolNeAR folder (or a folder holding polnear/).", epochs=3)
def train_command(data: Path, out: Path, epochs: int, threads: int) -> None:
    """Fine-tune MiniLM on PolNeAR train. Needs the [train] extra."""
    import logging

    from unspin.training.attribution import AttributionSettings, train_attribution

    logging.getLogger("unspin").setLevel(logging.INFO)
    settings = AttributionSettings(epochs=epochs, threads=threads)
    guarded(lambda: train_attribution(data, out, settings=settings))
    click.echo(f"model written to {out}")


@attribution_command.command("tune")
@click.option("--data", type=DATA, required=True, help="The PolNeAR folder.")
@click.option("--model", "model", type=DATA, required=True, help="Model folder to tune.")
def tune_command(data: Path, model: Path) -> None:
    """Choose how the model's probabilities become spans (split, per-role confidence floors)
    on the held-out tenth of PolNeAR train, and keep it in the model's manifest."""
    from unspin.training.attribution import retune, tune_documents

    rule = guarded(lambda: retune(model, tune_documents(data)))
    click.echo(f"decoding rule written to {model / 'manifest.json'}: {rule.to_dict()}")


@attribution_command.command("eval")
@eval_options(data_help="The PolNeAR folder.")
def eval_command(
    data: Path, split: str, model: Path | None, limit: int | None, as_json: bool, record: bool
) -> None:
    """Source, Cue and Content P/R/F1 (exact and overlap match) of the tagger's spans and of
    the statements the attribution stage keeps, on a PolNeAR split."""
    from unspin.training import attribution_eval
    from unspin.training.polnear import read_split

    def run() -> None:
        documents = read_split(data, split)[:limit]
        scores = attribution_eval.evaluate_stage(documents, model=str(model) if model else None)
        if record:
            from unspin.models import shipped
            from unspin.stages.attribution import MODEL
            from unspin.training.techniques import record_metrics

            key = split if not limit else f"{split}[:{limit}]"
            record_metrics(model or shipped(MODEL), key, attribution_eval.as_json(scores))
        if as_json:
            click.echo(json.dumps(attribution_eval.as_json(scores), indent=2))
            return
        click.echo(f"PolNeAR {split}: {len(documents)} articles")
        for name, by_role in scores.items():
            click.echo(attribution_eval.format_scores(name, by_role))

    guarded(run)
