"""An article as word pieces with character offsets, cut into overlapping encoder windows."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Encoded:
    ids: list[int]
    starts: list[int]  # character offset where each piece starts in the text
    ends: list[int]  # ... and where it ends

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Pieces [a, b) that overlap the characters [start, end); a == b when none do."""
        return bisect_right(self.ends, start), bisect_left(self.starts, end)


def encode(tokenizer: Any, text: str) -> Encoded:
    """Word pieces of the whole text (no special tokens, no truncation)."""
    out = tokenizer.encode(text, add_special_tokens=False)
    pieces = [(i, o) for i, o in zip(out.ids, out.offsets, strict=True) if o[1] > o[0]]
    return Encoded([i for i, _ in pieces], [o[0] for _, o in pieces], [o[1] for _, o in pieces])


def window_ranges(n_tokens: int, size: int, stride: int) -> list[tuple[int, int]]:
    """[start, end) token ranges of at most `size`, `stride` apart, the last one flush with
    the end, covering every token."""
    if n_tokens <= size:
        return [(0, n_tokens)] if n_tokens else []
    ranges = [(s, s + size) for s in range(0, n_tokens - size, stride)]
    ranges.append((n_tokens - size, n_tokens))
    return ranges


def best_window(ranges: list[tuple[int, int]], a: int, b: int) -> int:
    """The window that holds tokens [a, b) whole and most centred; else the one that holds
    most of them."""

    def score(r: tuple[int, int]) -> tuple[int, int]:
        covered = min(r[1], b) - max(r[0], a)
        margin = min(a - r[0], r[1] - b)
        return covered, margin

    return max(range(len(ranges)), key=lambda i: score(ranges[i]))
