"""The technique tagger's windows and decoding, with a hand-made encoder instead of a model."""

from __future__ import annotations

import numpy as np
import pytest
from tokenizers import Tokenizer
from tokenizers.models import WordLevel
from tokenizers.pre_tokenizers import WhitespaceSplit

from unspin.models.techniques import Decode, SpanHead, Tagger
from unspin.models.windows import best_window, window_ranges

WORDS = [
    "the",
    "minister",
    "is",
    "a",
    "liar",
    "and",
    "a",
    "crook",
    "who",
    "lies",
    "PAD",
    "CLS",
    "SEP",
]


def tokenizer() -> Tokenizer:
    vocab = {w: i for i, w in enumerate(WORDS)}
    vocab["[UNK]"] = len(vocab)
    vocab["[CLS]"], vocab["[SEP]"] = vocab["CLS"], vocab["SEP"]
    tok = Tokenizer(WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = WhitespaceSplit()
    return tok


HOT = {WORDS.index("liar"), WORDS.index("crook")}


def runner(ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """P(in span) is high on 'liar' and 'crook'; the hidden state is the one-hot word id."""
    probs = np.zeros((*ids.shape, 3), dtype=np.float32)
    hot = np.isin(ids, list(HOT))
    probs[..., 0] = np.where(hot, 0.1, 0.9)
    probs[..., 2] = np.where(hot, 0.9, 0.1)
    hidden = np.eye(16, dtype=np.float32)[ids] * mask[..., None]
    return probs, hidden


def head(labels: int = 2) -> SpanHead:
    size = 3 * 16 + 7
    w1 = np.zeros((size, 4), dtype=np.float32)
    w1[WORDS.index("crook"), 0] = 5.0  # mean of a span holding "crook" -> label 1
    w2 = np.array([[0, 4], [0, 0], [0, 0], [0, 0]], dtype=np.float32)
    return SpanHead(w1, np.zeros(4, np.float32), w2, np.zeros(labels, np.float32))


def tagger(window: int = 4, stride: int = 2) -> Tagger:
    return Tagger(
        runner,
        head(),
        tokenizer(),
        ["Name_Calling,Labeling", "Loaded_Language"],
        decode=Decode(0.5),
        batch_size=3,
        window=window,
        stride=stride,
    )


def test_windows_cover_every_token_and_end_flush() -> None:
    assert window_ranges(0, 4, 2) == []
    assert window_ranges(3, 4, 2) == [(0, 3)]
    assert window_ranges(9, 4, 2) == [(0, 4), (2, 6), (4, 8), (5, 9)]
    assert best_window([(0, 4), (2, 6), (4, 8)], 3, 5) == 1


def test_windows_without_overlap_are_equal_and_encode_each_token_once() -> None:
    assert window_ranges(8, 4, 4) == [(0, 4), (4, 8)]
    assert window_ranges(9, 4, 4) == [(0, 3), (3, 6), (6, 9)]
    for n in range(1, 60):
        ranges = window_ranges(n, 7, 7)
        assert [t for a, b in ranges for t in range(a, b)] == list(range(n))
        assert all(0 < b - a <= 7 for a, b in ranges)


def test_spans_are_found_across_windows_with_character_offsets() -> None:
    text = "the minister is a liar and a crook who lies"
    found = tagger().tag([text, "the minister"])
    spans = [(text[f.start : f.end], f.technique) for f in found[0]]
    assert spans == [("liar", "Name_Calling,Labeling"), ("crook", "Loaded_Language")]
    assert found[1] == []
    assert all(0 < f.confidence <= 1 and f.span_score == pytest.approx(0.9) for f in found[0])


def test_classify_given_spans_and_no_spans() -> None:
    t = tagger()
    enc = t.encode(["a liar and a crook"])[0]
    probs = t.classify(enc, [(2, 6), (13, 18), (0, 18)])
    assert probs.shape == (3, 2) and np.allclose(probs.sum(1), 1)
    assert probs[0].argmax() == 0 and probs[1].argmax() == 1
    assert t.classify(enc, []).shape == (0, 2)


def test_lower_threshold_widens_spans_and_gaps_join_them() -> None:
    t = tagger()
    enc = t.encode(["a liar and a crook"])[0]
    assert len(t.spans(enc, 0.05)) == 1  # every token passes: one span over the text
    assert len(t.spans(enc)) == 2
    joined = t.spans(enc, decode=Decode(0.5, gap=2))
    assert [(s, e) for s, e, _ in joined] == [(2, 18)]
    assert t.spans(enc, decode=Decode(0.95, low=0.05)) == []  # no token reaches 0.95
