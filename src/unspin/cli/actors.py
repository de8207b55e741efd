"""`unspin actors eval`: the entities and accusations stages against annotated articles."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from unspin.cli.common import DATA, guarded

GOLD = Path("tests/fixtures/actors")
STAGES = ("language", "segment", "entities", "techniques", "attribution", "accusations")


@click.group("actors")
def actors_command() -> None:
    """Evaluate the actors of a report: aliases, labels, accusations and denials."""


@actors_command.command("eval")
@click.option("--data", type=DATA, required=True, help="The data folder the annotations name.")
@click.option(
    "--gold",
    type=DATA,
    default=GOLD,
    show_default=True,
    help="Folder of annotation files (format: tests/fixtures/actors/README.md).",
)
@click.option(
    "--reading",
    type=DATA,
    default=None,
    help="Score this folder of a second annotator's files against --gold instead of unspin: "
    "how far two readers agree.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--each", is_flag=True, help="Also print the scores of each article.")
def eval_command(data: Path, gold: Path, reading: Path | None, as_json: bool, each: bool) -> None:
    """Alias-cluster (pairwise), label (overlap), accusation-edge and denial P/R/F1."""
    from unspin.article import Article
    from unspin.options import Options
    from unspin.pipeline import Pipeline
    from unspin.training import actors_eval
    from unspin.training.actors_gold import read_gold

    def run() -> None:
        articles = read_gold(gold, data)
        metrics: tuple[str, ...] = actors_eval.METRICS
        if reading is None:
            pipeline = Pipeline.build(STAGES, options=Options(stages=STAGES))
            pairs = [(g, pipeline(Article(g.text)).to_dict()) for g in articles]
        else:
            pairs, metrics = _readings(articles, read_gold(reading, data), reading)
        totals = actors_eval.score(pairs)
        if as_json:
            click.echo(json.dumps(actors_eval.as_json(totals), indent=2))
            return
        if each:
            for g, report in pairs:
                scores = actors_eval.score([(g, report)])
                click.echo(actors_eval.format_scores(scores, 1, metrics) + f"  {g.path}")
        click.echo(actors_eval.format_scores(totals, len(pairs), metrics))

    guarded(run)


def _readings(
    articles: list[Any], readings: list[Any], folder: Path
) -> tuple[list[Any], tuple[str, ...]]:
    """Each annotated article with the second reading of it as a report; the metrics the
    reading annotates (one of the labels alone has no accusations)."""
    from unspin.errors import InputError
    from unspin.training import actors_eval

    by_path = {r.path: r for r in readings}
    missing = [g.path for g in articles if g.path not in by_path]
    if missing:
        raise InputError(str(folder), f"no reading of {len(missing)} articles: {missing[0]}, ...")
    pairs = [(g, actors_eval.reading_report(by_path[g.path])) for g in articles]
    accusing = any(r.accusations for r in readings)
    metrics = actors_eval.METRICS if accusing else ("aliases", "labels")
    return pairs, metrics


Command = TypeVar("Command", bound=Callable[..., Any])


def _rules_out(name: str) -> Callable[[Command], Command]:
    """The `--out` option of a command that writes one of the package's rules files."""
    return click.option(
        "--out",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"Where to write it.  [default: the package's rules/{name}]",
    )


def _write_rules(name: str, out: Path | None, write: Callable[[Path], int], what: str) -> None:
    """Write a rules file (to `out`, else into the package) and say how many entries."""
    from importlib import resources

    def run() -> None:
        target = out or Path(str(resources.files("unspin.rules").joinpath(name)))
        click.echo(f"{write(target)} {what} written to {target}")

    guarded(run)


@actors_command.command("lexicon")
@click.option(
    "--wordnet",
    type=DATA,
    default=Path("/usr/share/wordnet"),
    show_default=True,
    help="A WordNet 3.0 dict folder (index.noun, data.noun): Debian's wordnet-base.",
)
@_rules_out("person_nouns.json")
def lexicon_command(wordnet: Path, out: Path | None) -> None:
    """Write the person nouns of the entities stage from WordNet (noun.person)."""
    from unspin.training.person_nouns import write_lexicon

    _write_rules(
        "person_nouns.json", out, lambda target: write_lexicon(wordnet, target), "person nouns"
    )


@actors_command.command("first-names")
@click.option(
    "--names",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="nomquamgender's name_data.json (pip install nomquamgender to get it).",
)
@_rules_out("first_names.json")
def first_names_command(names: Path, out: Path | None) -> None:
    """Write the first names that say a sex (a weak vote for whom "he"/"she" refers to)."""
    from unspin.training.first_names import write_first_names

    _write_rules(
        "first_names.json", out, lambda target: write_first_names(names, target), "first names"
    )
