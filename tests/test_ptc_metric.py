"""The official PTC metrics on hand-made cases (formulas in ../shared/data/ptc/METRIC.md)."""

from __future__ import annotations

import pytest

from unspin.training.ptc_metric import (
    labelled_span_f1,
    merge,
    per_label_f1,
    si_score,
    tc_accuracy,
)


def test_the_organisers_documented_example() -> None:
    predicted = [("a", 0, 50), ("a", 161, 172), ("a", 0, 10), ("a", 115, 167)]
    gold = [("a", 0, 59), ("a", 171, 181), ("a", 0, 9), ("a", 115, 167), ("a", 740, 759)]
    score = si_score(predicted, gold)
    assert score.precision == pytest.approx(0.964912, abs=1e-6)
    assert score.recall == pytest.approx(0.486864, abs=1e-6)
    assert score.f1 == pytest.approx(0.647181, abs=1e-6)


def test_merge_joins_overlaps_but_not_touching_spans() -> None:
    assert merge([(5, 9), (0, 5), (3, 7), (20, 30), (25, 26)]) == [(0, 9), (20, 30)]


def test_partial_overlap_credit() -> None:
    score = si_score([("a", 0, 10)], [("a", 5, 25)])
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.25)


def test_splitting_a_correct_span_keeps_full_precision() -> None:
    score = si_score([("a", 0, 5), ("a", 5, 10)], [("a", 0, 10)])
    assert score.precision == pytest.approx(1.0) and score.recall == pytest.approx(1.0)


def test_predictions_in_an_article_without_gold_count_against_precision() -> None:
    score = si_score([("a", 0, 10), ("b", 0, 10)], [("a", 0, 10)])
    assert score.precision == pytest.approx(0.5) and score.recall == pytest.approx(1.0)


def test_empty_predictions_and_empty_everything() -> None:
    assert si_score([], [("a", 0, 10)]).f1 == 0.0
    assert si_score([], []).f1 == 1.0


def test_gold_spans_missing_from_the_submission_count_in_recall() -> None:
    score = si_score([("a", 0, 10)], [("a", 0, 10), ("b", 0, 10)])
    assert score.recall == pytest.approx(0.5)


def test_empty_span_is_refused() -> None:
    with pytest.raises(ValueError, match="empty or negative"):
        si_score([("a", 5, 5)], [("a", 0, 10)])


def test_tc_aligns_the_labels_of_a_repeated_span() -> None:
    gold = [("a", 0, 5, "Doubt"), ("a", 0, 5, "Loaded_Language"), ("a", 9, 12, "Slogans")]
    predicted = [("a", 0, 5, "Loaded_Language"), ("a", 0, 5, "Repetition"), ("a", 9, 12, "Slogans")]
    accuracy, pairs = tc_accuracy(predicted, gold)
    assert accuracy == pytest.approx(2 / 3)
    assert sorted(pairs) == [
        ("Doubt", "Repetition"),
        ("Loaded_Language", "Loaded_Language"),
        ("Slogans", "Slogans"),
    ]
    scores = per_label_f1(pairs, ["Doubt", "Slogans", "Repetition"])
    assert scores["Slogans"].f1 == 1.0 and scores["Doubt"].f1 == 0.0


def test_tc_refuses_a_submission_that_does_not_label_the_gold_spans() -> None:
    with pytest.raises(ValueError, match="exactly the gold spans"):
        tc_accuracy([("a", 0, 5, "Doubt")], [("a", 0, 6, "Doubt")])


def test_labelled_span_f1_credits_only_the_same_technique() -> None:
    gold = [("a", 0, 10, "Doubt"), ("a", 20, 30, "Slogans")]
    predicted = [("a", 0, 10, "Doubt"), ("a", 20, 30, "Doubt")]
    score = labelled_span_f1(predicted, gold)
    assert score.precision == pytest.approx(1 / 2) and score.recall == pytest.approx(1 / 2)
