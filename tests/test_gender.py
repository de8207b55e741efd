"""Genders from an article's own pronouns and words (stages/gender.py)."""

from __future__ import annotations

import pytest

from unspin.stages.gender import name_gender, pronoun_genders


def starts(text: str) -> list[int]:
    found, at = [0], text.find(". ")
    while at != -1:
        found.append(at + 2)
        at = text.find(". ", at + 2)
    return found


def test_a_pronoun_votes_for_the_one_person_before_it_in_its_sentence() -> None:
    text = "Dale said she filed it. Officials asked Brix, and he said no."
    people = [(text.index("Dale"), "dale"), (text.index("Brix"), "brix")]
    assert pronoun_genders(text, starts(text), people) == {"dale": "f", "brix": "m"}


def test_with_nobody_in_its_sentence_a_pronoun_looks_one_sentence_back() -> None:
    text = "Dale filed a complaint. Later she withdrew it."
    assert pronoun_genders(text, starts(text), [(0, "dale")]) == {"dale": "f"}


def test_two_people_before_a_pronoun_give_no_vote() -> None:
    text = "Dale met Brix and she left."
    people = [(0, "dale"), (text.index("Brix"), "brix")]
    assert pronoun_genders(text, starts(text), people) == {}


def test_words_outvote_a_stray_pronoun() -> None:
    text = "Dale spoke and his aide nodded."
    assert pronoun_genders(text, starts(text), [(0, "dale")], [("dale", "f")]) == {"dale": "f"}


def test_an_object_pronoun_seldom_points_at_its_own_clause_subject() -> None:
    text = "Brix spoke first. Lee said Brix was rude to her."
    people = [(0, "brix"), (text.index("Lee"), "lee"), (text.index("Brix was"), "brix")]
    assert "brix" not in pronoun_genders(text, starts(text), people)


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Laura Ingraham", "f"),
        ("Donald Trump", "m"),
        ("Hillary Clinton", "f"),
        ("Jos\u00e9 Garcia", "m"),  # accents folded
        ("Trump", None),
        ("J. Smith", None),
        ("Christian pastor", None),  # a description, not a name
        ("Laura Ingraham's husband", None),
    ],
)
def test_a_first_name_that_one_sex_all_but_always_bears_says_it(
    name: str, gender: str | None
) -> None:
    assert name_gender(name) == gender


def test_a_first_name_is_one_vote_a_person_which_a_pronoun_of_the_article_outweighs() -> None:
    text = "Donald Reyes spoke. She said no. Donald Reyes replied. Donald Reyes left."
    people = [(0, "reyes"), (text.index("Donald Reyes replied"), "reyes")]
    names = [("reyes", "Donald Reyes")] * 3
    assert pronoun_genders(text, starts(text), people[:1], names=names) == {"reyes": "f"}
    alone = pronoun_genders("Laura Reyes spoke.", [0], [(0, "r")], names=[("r", "Laura Reyes")])
    assert alone == {"r": "f"}
