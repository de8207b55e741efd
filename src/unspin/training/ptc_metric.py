"""The official SemEval-2020 Task 11 metrics, as described in the data's METRIC.md.

SI: within each article, overlapping spans are merged (gold and predicted alike); every
(predicted, gold) pair of one article adds |s∩t|/|s| to precision credit and |s∩t|/|t| to
recall credit; P = credit / |S|, R = credit / |T| over all articles (micro).
TC: gold spans are given; micro-F1 equals accuracy after aligning the labels of repeated
identical spans so that as many as possible match.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

Spans = dict[str, list[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @staticmethod
    def of(precision: float, recall: float) -> PRF:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return PRF(precision, recall, f1)

    @staticmethod
    def counted(found_right: int, found: int, gold_right: int, gold: int) -> PRF:
        """From counts: right among found (precision) and found among gold (recall); an
        empty side scores 0."""
        return PRF.of(found_right / found if found else 0.0, gold_right / gold if gold else 0.0)


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans (sharing a character) merged into their union, sorted."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def group(spans: Iterable[tuple[str, int, int]]) -> Spans:
    grouped: Spans = defaultdict(list)
    for article, start, end in spans:
        if not 0 <= start < end:
            raise ValueError(f"article {article}: span [{start}, {end}) is empty or negative")
        grouped[article].append((start, end))
    return grouped


def si_score(
    predicted: Iterable[tuple[str, int, int]], gold: Iterable[tuple[str, int, int]]
) -> PRF:
    credit = _Credit()
    credit.add(group(predicted), group(gold))
    if credit.n_pred == 0 and credit.n_gold == 0:
        return PRF(1.0, 1.0, 1.0)
    return credit.score()


@dataclass(slots=True)
class _Credit:
    """Partial-overlap credit pooled over articles (and, for labelled F1, over techniques)."""

    precision: float = 0.0
    recall: float = 0.0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, predicted: Spans, gold: Spans) -> None:
        pred = {a: merge(s) for a, s in predicted.items()}
        true = {a: merge(s) for a, s in gold.items()}
        self.n_pred += sum(len(s) for s in pred.values())
        self.n_gold += sum(len(s) for s in true.values())
        for article, spans in pred.items():
            for s_start, s_end in spans:
                for t_start, t_end in true.get(article, []):
                    overlap = min(s_end, t_end) - max(s_start, t_start)
                    if overlap > 0:
                        self.precision += overlap / (s_end - s_start)
                        self.recall += overlap / (t_end - t_start)

    def score(self) -> PRF:
        return PRF.of(
            self.precision / self.n_pred if self.n_pred else 0.0,
            self.recall / self.n_gold if self.n_gold else 0.0,
        )


Labelled = tuple[str, int, int, str]  # article, start, end, technique


def tc_accuracy(
    predicted: Iterable[Labelled], gold: Iterable[Labelled]
) -> tuple[float, list[tuple[str, str]]]:
    """Micro-F1 (= accuracy) of technique labels on the gold spans, and the aligned
    (gold, predicted) label pairs for per-technique scores."""
    by_span_pred: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    by_span_gold: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    for article, start, end, label in predicted:
        by_span_pred[(article, start, end)].append(label)
    for article, start, end, label in gold:
        by_span_gold[(article, start, end)].append(label)
    if Counter({k: len(v) for k, v in by_span_pred.items()}) != Counter(
        {k: len(v) for k, v in by_span_gold.items()}
    ):
        raise ValueError("the predictions must label exactly the gold spans, as often as gold")
    pairs: list[tuple[str, str]] = []
    for key, gold_labels in by_span_gold.items():
        pairs += _align(gold_labels, by_span_pred[key])
    correct = sum(g == p for g, p in pairs)
    return (correct / len(pairs) if pairs else 1.0), pairs


def _align(gold: list[str], predicted: list[str]) -> list[tuple[str, str]]:
    rest_pred = Counter(predicted)
    pairs, unmatched = [], []
    for label in gold:
        if rest_pred[label] > 0:
            rest_pred[label] -= 1
            pairs.append((label, label))
        else:
            unmatched.append(label)
    leftovers = list(rest_pred.elements())
    pairs += list(zip(unmatched, leftovers, strict=True))
    return pairs


def per_label_f1(pairs: list[tuple[str, str]], labels: Iterable[str]) -> dict[str, PRF]:
    scores = {}
    for label in labels:
        tp = sum(g == p == label for g, p in pairs)
        n_pred = sum(p == label for _, p in pairs)
        n_gold = sum(g == label for g, _ in pairs)
        scores[label] = PRF.counted(tp, n_pred, tp, n_gold)
    return scores


def labelled_span_f1(predicted: Iterable[Labelled], gold: Iterable[Labelled]) -> PRF:
    """SI's partial-overlap credit computed per technique and pooled: a predicted span earns
    credit only from gold spans of the same technique."""
    pred, true = list(predicted), list(gold)
    credit = _Credit()
    for label in {t[3] for t in pred} | {t[3] for t in true}:
        credit.add(
            group((a, s, e) for a, s, e, t in pred if t == label),
            group((a, s, e) for a, s, e, t in true if t == label),
        )
    return credit.score()
