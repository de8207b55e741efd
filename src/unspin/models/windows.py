"""An article as word pieces with character offsets, cut into overlapping encoder windows,
and a token classifier run over those windows."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import numpy as np


@dataclass(frozen=True, slots=True)
class Encoded:
    ids: list[int]
    starts: list[int]  # character offset where each piece starts in the text
    ends: list[int]  # ... and where it ends

    def whole_words(self, text: str, first: int, last: int) -> tuple[int, int]:
        """The characters of pieces first..last of `text`, widened to whole words."""
        start, end = self.starts[first], self.ends[last]
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        return start, end

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
    the end, covering every token. Without overlap (`stride >= size`) the text is cut into
    equal windows instead, so no token is encoded twice."""
    if n_tokens <= size:
        return [(0, n_tokens)] if n_tokens else []
    if stride >= size:
        count = -(-n_tokens // size)
        bounds = [round(i * n_tokens / count) for i in range(count + 1)]
        return list(pairwise(bounds))
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


# ids [B, T], mask [B, T] -> (token probabilities [B, T, C], hidden states [B, T, H] or None)
WindowRunner = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray | None]]


@dataclass(slots=True)
class Windowed:
    """One text through a token classifier run over overlapping windows."""

    text: str
    pieces: Encoded
    ranges: list[tuple[int, int]]
    probs: np.ndarray  # [n_tokens, C]: the mean over the windows that see each token
    hidden: list[np.ndarray] = field(default_factory=list)  # per window [T, H], CLS first


def run_windows(
    runner: WindowRunner,
    tokenizer: Any,
    texts: Sequence[str],
    *,
    window: int,
    stride: int,
    batch_size: int,
) -> list[Windowed]:
    """Cut each text into windows of word pieces, run them in batches across texts (each
    framed by [CLS] and [SEP]), and average each token's probabilities over its windows."""
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    done = []
    for text in texts:
        pieces = encode(tokenizer, text)
        ranges = window_ranges(len(pieces.ids), window, stride)
        done.append(Windowed(text, pieces, ranges, np.zeros((0, 0), dtype=np.float32)))
    jobs = [(n, w) for n, item in enumerate(done) for w in range(len(item.ranges))]
    sums: dict[int, np.ndarray] = {}
    seen = [np.zeros(len(item.pieces.ids), dtype=np.float32) for item in done]
    for offset in range(0, len(jobs), batch_size):
        batch = jobs[offset : offset + batch_size]
        width = max(b - a for n, w in batch for a, b in [done[n].ranges[w]]) + 2
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, (n, w) in enumerate(batch):
            a, b = done[n].ranges[w]
            ids[row, : b - a + 2] = [cls, *done[n].pieces.ids[a:b], sep]
            mask[row, : b - a + 2] = 1
        probs, hidden = runner(ids, mask)
        for row, (n, w) in enumerate(batch):
            a, b = done[n].ranges[w]
            total = sums.setdefault(
                n, np.zeros((len(done[n].pieces.ids), probs.shape[-1]), dtype=np.float32)
            )
            total[a:b] += probs[row, 1 : b - a + 1]
            seen[n][a:b] += 1
            if hidden is not None:
                done[n].hidden.append(hidden[row, : b - a + 1])
    for n, item in enumerate(done):
        total = sums.get(n, np.zeros((0, 1), dtype=np.float32))
        item.probs = total / np.maximum(seen[n], 1)[:, None]
    return done
