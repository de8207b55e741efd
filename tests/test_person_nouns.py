"""The WordNet reader behind rules/person_nouns.json, on a few lines in WordNet's own format,
and the shipped list on words the entities stage depends on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unspin.errors import InputNotFoundError
from unspin.rules.actors import actor_rules
from unspin.training.person_nouns import person_nouns, write_lexicon

HEADER = "  1 This software and database is being provided to you, the LICENSEE\n"
INDEX = HEADER + "\n".join(
    [
        "ambassador n 1 3 @ ~ + 1 1 09787534  ",
        "star n 2 2 @ ~ 2 1 09444100 09940146  ",  # first sense: a celestial body
        "democrat n 1 1 @ 1 1 10009671  ",
        "lincoln n 1 1 @i 1 0 11116781  ",  # one man: an instance
        "district_attorney n 1 1 @ 1 0 10025900  ",  # more than one word
    ]
)
DATA = HEADER + "\n".join(
    [
        "09787534 18 n 02 ambassador 0 embassador 0 001 @ 10013927 n 0000 | a diplomat",
        "09444100 17 n 01 star 0 001 @ 09239740 n 0000 | a celestial body",
        "09940146 18 n 01 star 1 001 @ 10020890 n 0000 | a performer",
        "10009671 18 n 01 Democrat 0 001 @ 10450303 n 0000 | a member of the Democratic Party",
        "11116781 18 n 02 Lincoln 0 Abraham_Lincoln 0 001 @i 10467179 n 0000 | 16th President",
        "10025900 18 n 02 district_attorney 0 DA 0 001 @ 10787470 n 0000 | a prosecutor",
    ]
)


@pytest.fixture()
def wordnet(tmp_path: Path) -> Path:
    (tmp_path / "index.noun").write_text(INDEX + "\n", encoding="utf-8")
    (tmp_path / "data.noun").write_text(DATA + "\n", encoding="utf-8")
    return tmp_path


def test_a_noun_counts_when_its_first_sense_is_a_person(wordnet: Path) -> None:
    assert person_nouns(wordnet) == ["ambassador", "democrat"]


def test_a_noun_with_a_person_among_its_other_senses_is_listed_apart(
    wordnet: Path, tmp_path: Path
) -> None:
    assert person_nouns(wordnet, any_sense=True) == ["ambassador", "democrat", "star"]
    out = tmp_path / "nouns.json"
    write_lexicon(wordnet, out)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["nouns"] == ["ambassador", "democrat"]
    assert written["other_senses"] == ["star"]


def test_the_written_lexicon_carries_the_wordnet_notice(wordnet: Path, tmp_path: Path) -> None:
    out = tmp_path / "nouns.json"
    assert write_lexicon(wordnet, out) == 2
    assert "Princeton University" in out.read_text(encoding="utf-8")


def test_a_folder_without_wordnet_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match=r"index\.noun"):
        person_nouns(tmp_path)


def test_the_shipped_list_knows_roles_and_leaves_out_other_senses() -> None:
    nouns = actor_rules().person_nouns
    assert {"congressman", "defendant", "victor", "woman", "republican"} <= nouns
    assert not {"star", "court", "country", "lincoln"} & nouns
