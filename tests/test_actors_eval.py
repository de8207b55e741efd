"""Scoring actors against annotations: the metrics on hand-made cases, the annotation reader's
errors, and the evaluation gate on the annotated articles (tests/fixtures/actors). A floor is
never lowered without saying why in the commit that lowers it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import DATA, ROOT
from unspin.cli import cli
from unspin.errors import InputError
from unspin.training.actors_eval import score
from unspin.training.actors_gold import GoldAccusation, GoldActor, GoldArticle, normal, read_gold

GOLD = ROOT / "tests" / "fixtures" / "actors"
# measured on the 20 annotated articles (see the closing note of the actors issue):
# aliases 0.8730, labels 0.7032, accusations 0.6211, denials 0.5385
FLOORS = {"aliases": 0.85, "labels": 0.69, "accusations": 0.60, "denials": 0.50}
HELD_OUT = ROOT / "tests" / "fixtures" / "actors-heldout"
# measured on the 9 held-out articles, whose errors are not read when rules change:
# aliases 0.7429, labels 0.5903, accusations 0.1308, denials 0.2500
HELD_OUT_FLOORS = {"aliases": 0.72, "labels": 0.57, "accusations": 0.12, "denials": 0.20}
TRAIN = ROOT / "tests" / "fixtures" / "actors-train"
# the 32 train-split articles, on which the rules are now tuned:
# aliases 0.7805, labels 0.6018, accusations 0.1745, denials 0.1538
TRAIN_FLOORS = {"aliases": 0.75, "labels": 0.59, "accusations": 0.16, "denials": 0.12}
SECOND_READING = ROOT / "tests" / "fixtures" / "actors-second-reading"

needs_data = pytest.mark.skipif(
    not ((DATA / "ptc").is_dir() and (DATA / "polnear").is_dir()),
    reason="needs ../shared/data/ptc and ../shared/data/polnear",
)


def gold_article() -> GoldArticle:
    text = "Tomas Rell (TR) accused the Open Hand Movement (OHM), a sect, of plotting attacks."
    gold = GoldArticle("x.txt", text)
    gold.actors["rell"] = GoldActor("rell", "person", frozenset({"tomas rell", "tr"}), ())
    sect = (text.index("sect"), text.index("sect") + 4)
    gold.actors["ohm"] = GoldActor(
        "ohm", "organization", frozenset({"open hand movement", "ohm"}), (sect,)
    )
    plotting = (text.index("plotting"), text.index("attacks") + 7)
    cue = (text.index("accused"), text.index("accused") + 7)
    gold.accusations.append(GoldAccusation("rell", "ohm", cue, plotting))
    return gold


def entity(id_: str, name: str, aliases: list[str], labels: list[tuple[int, int]]) -> Any:
    return {
        "id": id_,
        "name": name,
        "aliases": aliases,
        "mentions": [],
        "labels": [{"start": a, "end": b} for a, b in labels],
    }


def test_perfect_report_scores_one_and_a_wrong_merge_costs_precision() -> None:
    gold = gold_article()
    text = gold.text
    sect = (text.index("sect"), text.index("sect") + 4)
    plotting = {"start": text.index("plotting"), "end": text.index("plotting") + 8}
    report = {
        "entities": [
            entity("e1", "Tomas Rell", ["TR"], []),
            entity("e2", "Open Hand Movement", ["OHM"], [sect]),
        ],
        "accusations": [{"accuser": "e1", "accused": "e2", "allegation": plotting, "denials": []}],
    }
    totals = score([(gold, report)])
    assert {name: count.prf().f1 for name, count in totals.items()} == {
        "aliases": 1.0,
        "labels": 1.0,
        "accusations": 1.0,
        "denials": 0.0,
    }
    merged = {**report, "entities": [entity("e1", "Tomas Rell", ["TR", "OHM"], [])]}
    aliases = score([(gold, merged)])["aliases"]
    assert (aliases.found_right, aliases.found, aliases.gold) == (1, 3, 2)


def test_an_accusation_with_the_wrong_accuser_does_not_count() -> None:
    gold = gold_article()
    text = gold.text
    plotting = {"start": text.index("plotting"), "end": text.index("plotting") + 8}
    report = {
        "entities": [
            entity("e1", "Tomas Rell", [], []),
            entity("e2", "Open Hand Movement", [], []),
        ],
        "accusations": [{"accuser": None, "accused": "e2", "allegation": plotting, "denials": []}],
    }
    counts = score([(gold, report)])["accusations"]
    assert (counts.found_right, counts.found, counts.gold) == (0, 1, 1)


def test_names_compare_without_the_possessive_dots_and_case() -> None:
    assert normal("The U.S.'s") == normal("us") == "us"
    assert normal("@KeithEllison") == "keithellison"


def test_a_span_that_drifted_from_its_article_is_an_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.txt").write_text("Rell spoke.", encoding="utf-8")
    bad = {
        "article": "a.txt",
        "actors": [
            {
                "id": "r",
                "type": "person",
                "names": ["Rell"],
                "labels": [{"start": 0, "end": 4, "text": "Tomas"}],
            }
        ],
        "accusations": [],
        "denials": [],
    }
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.json.*'Rell', not 'Tomas'"):
        read_gold(tmp_path / "gold", tmp_path / "data")


@needs_data
def test_the_annotations_read_and_cover_at_least_fifteen_articles() -> None:
    articles = read_gold(GOLD, DATA)
    assert len(articles) >= 15
    assert sum(len(a.accusations) for a in articles) >= 60


@needs_data
@pytest.mark.parametrize(
    "gold, floors", [(GOLD, FLOORS), (HELD_OUT, HELD_OUT_FLOORS), (TRAIN, TRAIN_FLOORS)]
)
def test_the_stages_hold_their_floors_on_the_annotated_articles(
    gold: Path, floors: dict[str, float]
) -> None:
    result = CliRunner().invoke(
        cli, ["actors", "eval", "--data", str(DATA), "--gold", str(gold), "--json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    for name, floor in floors.items():
        assert scores[name]["f1"] >= floor, (name, scores[name])


@needs_data
def test_a_reading_of_the_annotations_themselves_agrees_fully() -> None:
    result = CliRunner().invoke(
        cli, ["actors", "eval", "--data", str(DATA), "--reading", str(GOLD), "--json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["aliases"]["f1"] == scores["labels"]["f1"] == scores["accusations"]["f1"] == 1.0


@needs_data
def test_a_second_reading_is_scored_on_what_it_annotates() -> None:
    result = CliRunner().invoke(
        cli, ["actors", "eval", "--data", str(DATA), "--reading", str(SECOND_READING)]
    )
    assert result.exit_code == 0, result.output
    assert "labels" in result.output
    assert "accusations" not in result.output  # that reading annotates actors and labels only
    labels = next(line for line in result.output.splitlines() if "labels" in line)
    assert float(labels.split("F1")[1].split()[0]) > 0.7  # two readers agree, far from fully


def test_a_reading_that_lacks_an_article_is_an_error_naming_the_folder(tmp_path: Path) -> None:
    (tmp_path / "data" / "x").mkdir(parents=True)
    (tmp_path / "data" / "x" / "a.txt").write_text("Tomas Rell spoke.", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(
        json.dumps({"article": "x/a.txt", "actors": [], "accusations": [], "denials": []}),
        encoding="utf-8",
    )
    reading = tmp_path / "reading"
    reading.mkdir()
    (reading / "b.json").write_text(
        json.dumps({"article": "x/b.txt", "actors": []}), encoding="utf-8"
    )
    (tmp_path / "data" / "x" / "b.txt").write_text("Ana Silva spoke.", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "actors",
            "eval",
            "--data",
            str(tmp_path / "data"),
            "--gold",
            str(gold),
            "--reading",
            str(reading),
        ],
    )
    assert result.exit_code != 0
    assert "reading" in result.output and "x/a.txt" in result.output
