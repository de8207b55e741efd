"""`unspin techniques train|eval|predict`: the technique tagger on the PTC corpus."""

from __future__ import annotations

import json
from pathlib import Path

import click

from unspin.cli.common import DATA, eval_options, guarded, training_options


@click.group("techniques")
def techniques_command() -> None:
    """Train, evaluate and run the persuasion-technique tagger (PTC, SemEval-2020 Task 11)."""


@techniques_command.command("train")
@training_options(data_help="The data folder (holding ptc/).", epochs=5)
@click.option("--base", type=DATA, help="Base encoder folder (default: MiniLM from PyPI).")
def train_command(data: Path, out: Path, epochs: int, threads: int, base: Path | None) -> None:
    """Train on PTC train (a tenth held out for tuning); needs the [train] extra."""
    import logging

    from unspin.training.techniques import TrainSettings, train

    logging.getLogger("unspin").setLevel(logging.INFO)
    settings = TrainSettings(epochs=epochs, threads=threads)
    guarded(lambda: train(data, out, settings=settings, base=base))
    click.echo(f"model written to {out}")


@techniques_command.command("eval")
@eval_options(data_help="The data folder (holding ptc/).")
def eval_command(
    data: Path, split: str, model: Path | None, limit: int | None, as_json: bool, record: bool
) -> None:
    """SI P/R/F1, TC micro-F1, labelled-span F1 and per-technique F1 on a split."""
    from unspin.stages.techniques import model_folder, tagger_in
    from unspin.training.ptc import read_split
    from unspin.training.techniques_eval import evaluate, format_scores

    def run() -> None:
        tagger, _ = tagger_in(model_folder(model))
        chosen = read_split(data, split)
        if limit:
            chosen = chosen.subset(set(sorted(chosen.texts)[:limit]), split)
        scores = evaluate(tagger, chosen)
        if record:
            from unspin.training.techniques import record_metrics

            key = f"{split}" if not limit else f"{split}[:{limit}]"
            record_metrics(model_folder(model), key, scores.to_dict())
        if as_json:
            click.echo(json.dumps(scores.to_dict(), indent=2))
        else:
            click.echo("\n".join(format_scores(scores, split=split)))

    guarded(run)


@techniques_command.command("tune")
@click.argument("model", type=DATA)
@click.option("--data", type=DATA, required=True, help="The data folder (holding ptc/).")
def tune_command(model: Path, data: Path) -> None:
    """Choose a model's span decoding on the held-out tenth of PTC train (never dev)."""
    from unspin.training.techniques import retune

    decode, f1 = guarded(lambda: retune(model, data))
    click.echo(f"decoding {decode.to_dict()}: SI F1 {f1:.4f} on the held-out train articles")


@techniques_command.command("quantize")
@click.argument("model", type=DATA)
def quantize_command(model: Path) -> None:
    """Write an int8 copy of a trained model's encoder (model.int8.onnx) beside it."""
    from unspin.training.techniques import quantize

    click.echo(f"written {guarded(lambda: quantize(model))}")


@techniques_command.command("predict")
@click.argument("articles", type=DATA)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option(
    "--spans",
    "template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TC mode: label the spans of this template (id<TAB>?<TAB>start<TAB>end).",
)
@click.option("--model", "model", type=DATA, help="Model folder (default: the shipped one).")
def predict_command(articles: Path, out: Path, template: Path | None, model: Path | None) -> None:
    """Write article_id<TAB>technique<TAB>start<TAB>end for every articleNNN.txt."""
    from unspin.stages.techniques import model_folder, tagger_in
    from unspin.training.techniques_eval import predict_folder

    def run() -> None:
        tagger, _ = tagger_in(model_folder(model))
        lines = predict_folder(tagger, articles, template=template)
        out.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        click.echo(f"{len(lines)} spans written to {out}", err=True)

    guarded(run)
