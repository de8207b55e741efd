"""Quotation marks as a reader pairs them: straight and curly, over paragraphs, nested,
unbalanced, and never confused with apostrophes."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from unspin.stages.attribution.quotemarks import quoted_passages
from unspin.stages.paragraphs import paragraph_spans


def passages(text: str) -> list[tuple[str, bool]]:
    return [
        (text[q.start : q.end], q.balanced) for q in quoted_passages(text, paragraph_spans(text))
    ]


def test_straight_and_curly_double_quotes() -> None:
    text = '"We only want to be left alone," the woman says. He said: \u201cNo.\u201d'
    assert passages(text) == [('"We only want to be left alone,"', True), ("\u201cNo.\u201d", True)]


def test_a_quote_running_over_paragraphs_stays_one_passage() -> None:
    text = "She said: \u201cIt is over.\n\n\u201cWe are done,\u201d she added."
    assert passages(text) == [("\u201cIt is over.\n\n\u201cWe are done,\u201d", True)]


def test_nested_single_quotes_stay_inside_their_passage() -> None:
    text = "\u201cThey kept saying \u2018no\u2019 to us,\u201d he said."
    assert passages(text) == [("\u201cThey kept saying \u2018no\u2019 to us,\u201d", True)]


def test_single_quotes_outside_double_ones_are_quotations_but_apostrophes_are_not() -> None:
    text = "The workers\u2019 union won\u2019t budge, O'Brien said: 'we strike today'."
    assert passages(text) == [("'we strike today'", True)]


def test_an_unclosed_quote_ends_with_its_paragraph() -> None:
    text = 'He said "it is over and we are leaving.\n\nThe next paragraph.'
    assert passages(text) == [('"it is over and we are leaving.', False)]


def test_a_stray_closing_mark_quotes_from_its_paragraph_start() -> None:
    text = "First paragraph.\n\nit was over,\u201d he said."
    assert passages(text) == [("it was over,\u201d", False)]


def test_a_second_opening_mark_closes_the_unclosed_first() -> None:
    text = 'He said "one thing and then "another thing" later.'
    found = passages(text)
    assert found[0] == ('"one thing and then', False)
    assert found[1] == ('"another thing"', True)


def test_curly_marks_typed_the_wrong_way_round_still_pair() -> None:
    text = "He said \u201dwe will win\u201d and left."
    assert passages(text) == [("\u201dwe will win\u201d", True)]


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab \n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb.,")),
        max_size=80,
    )
)
def test_any_arrangement_of_marks_gives_ordered_passages_inside_the_text(text: str) -> None:
    found = quoted_passages(text, paragraph_spans(text))
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


def test_spaced_guillemets_pair_by_their_direction() -> None:
    text = "\u00ab We are leaving \u00bb, he said, adding that the police had lied."
    assert passages(text) == [("\u00ab We are leaving \u00bb", True)]
    assert passages("\u00ab\u00a0Non\u00a0\u00bb, dit-il.") == [
        ("\u00ab\u00a0Non\u00a0\u00bb", True)
    ]


def test_british_single_quotes_around_a_plural_possessive_and_a_decade() -> None:
    text = "\u2018We will protect the workers\u2019 homes,\u2019 Eva Berg said."
    assert passages(text) == [("\u2018We will protect the workers\u2019 homes,\u2019", True)]
    text = "\u2018It was the \u201990s,\u2019 she said."
    assert passages(text) == [("\u2018It was the \u201990s,\u2019", True)]
    assert passages("Since the '90s, Novak said, the workers' pay has fallen.") == []


def test_an_opening_mark_right_after_punctuation() -> None:
    assert passages('He said:"we leave" and went.') == [('"we leave"', True)]
    assert passages("He said\u2026\u201cwe leave\u201d") == [("\u201cwe leave\u201d", True)]
