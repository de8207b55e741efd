"""Surface features of a span that an encoder sees poorly: how often the article repeats it,
its length, its punctuation. Shared by training and the shipped model, in this order."""

from __future__ import annotations

import math

NAMES = ("log_chars", "log_words", "repeats", "question", "exclamation", "capitals", "quoted")
_QUOTES = "\"'“”‘’«»"  # noqa: RUF001 - the quote marks themselves


def span_features(text: str, start: int, end: int, *, lowered: str | None = None) -> list[float]:
    span = text[start:end]
    lowered = lowered if lowered is not None else text.lower()
    needle = span.lower().strip()
    repeats = lowered.count(needle) - 1 if needle else 0
    letters = [c for c in span if c.isalpha()]
    return [
        math.log1p(len(span)) / 6,
        math.log1p(len(span.split())) / 4,
        math.log1p(max(repeats, 0)),
        float("?" in span or "?" in text[end : end + 2]),
        float("!" in span or "!" in text[end : end + 2]),
        sum(c.isupper() for c in letters) / len(letters) if letters else 0.0,
        float(any(q in text[max(0, start - 1) : end + 1] for q in _QUOTES)),
    ]
