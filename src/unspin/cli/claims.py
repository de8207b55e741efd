"""`unspin claims train|eval`: the check-worthiness scorer on CheckThat! 2024 English."""

from __future__ import annotations

import json
from pathlib import Path

import click

from unspin.cli.common import DATA, guarded, training_options


@click.group("claims")
def claims_command() -> None:
    """Train and evaluate the check-worthiness scorer (CheckThat! 2024 task 1, English)."""


@claims_command.command("train")
@training_options(data_help="Folder holding the CT24 English TSVs.", epochs=2)
def train_command(data: Path, out: Path, epochs: int, threads: int) -> None:
    """Fine-tune MiniLM on train; choose the threshold on dev. Needs the [train] extra."""
    import logging

    from unspin.training.claims import ClaimSettings, train_claims

    logging.getLogger("unspin").setLevel(logging.INFO)
    guarded(lambda: train_claims(data, out, settings=ClaimSettings(epochs=epochs, threads=threads)))
    click.echo(f"model written to {out}")


@claims_command.command("eval")
@click.option("--data", type=DATA, required=True, help="Folder holding the CT24 English TSVs.")
@click.option("--split", default="dev", show_default=True)
@click.option("--model", "model", type=DATA, help="Model folder (default: the shipped one).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(data: Path, split: str, model: Path | None, as_json: bool) -> None:
    """Precision, recall and F1 of the check-worthy class (the CheckThat! metric)."""
    from unspin.models import shipped
    from unspin.stages.claims import MODEL, claim_model_in
    from unspin.training.checkthat import positive_f1, read_split

    def run() -> None:
        scorer, label = claim_model_in(model or shipped(MODEL))
        sentences = read_split(data, split)
        scores = scorer.scores([s.text for s in sentences])
        prf = positive_f1(
            [bool(x >= scorer.threshold) for x in scores], [s.worthy for s in sentences]
        )
        result = {
            "model": label,
            "split": split,
            "sentences": len(sentences),
            "threshold": scorer.threshold,
            "precision": round(prf.precision, 4),
            "recall": round(prf.recall, 4),
            "f1": round(prf.f1, 4),
        }
        if as_json:
            click.echo(json.dumps(result, indent=2))
        else:
            click.echo(
                f"CheckThat! 2024 {split} ({len(sentences)} sentences, threshold "
                f"{scorer.threshold}): precision {prf.precision:.4f}  "
                f"recall {prf.recall:.4f}  F1 {prf.f1:.4f}"
            )

    guarded(run)
