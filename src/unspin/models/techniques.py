"""The persuasion-technique tagger: an encoder over overlapping windows, a token head that
finds propaganda spans (SI) and a span head that names their technique (TC).

The encoder runs through a `Runner` (ONNX Runtime for the shipped model, torch while
training), so the decoding below is the same code in training, evaluation and use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from unspin.models import session_options
from unspin.models.span_features import span_features
from unspin.models.windows import Encoded, best_window, run_windows

# ids [B, T], mask [B, T] -> (token probabilities [B, T, 3] for O/B/I, hidden [B, T, H])
Runner = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]

WINDOW = 254  # word pieces per window, plus [CLS] and [SEP]
STRIDE = 128


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    technique: str
    confidence: float
    span_score: float


@dataclass(slots=True)
class Encoding:
    """One article through the encoder: per-token span scores and each window's states."""

    text: str
    pieces: Encoded
    ranges: list[tuple[int, int]]
    scores: np.ndarray  # [n_tokens] mean P(B)+P(I) over the windows that see the token
    hidden: list[np.ndarray] = field(default_factory=list)  # per window [T, H], CLS first


@dataclass(frozen=True, slots=True)
class Decode:
    """How token scores become spans; chosen on held-out train articles, kept in the manifest."""

    threshold: float = 0.5
    low: float | None = None  # extend a span over tokens down to this score (None: threshold)
    gap: int = 0  # join runs this many tokens apart
    cross_lines: bool = True  # may a span run over a line break

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "low": self.low,
            "gap": self.gap,
            "cross_lines": self.cross_lines,
        }


@dataclass(frozen=True, slots=True)
class SpanHead:
    """Two dense layers over [mean, max, CLS, features] of a span (tanh-GELU in between)."""

    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        h = x @ self.w1 + self.b1
        h = 0.5 * h * (1 + np.tanh(0.7978845608028654 * (h + 0.044715 * h**3)))
        logits = h @ self.w2 + self.b2
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        probs: np.ndarray = e / e.sum(axis=1, keepdims=True)
        return probs

    @staticmethod
    def load(path: Path) -> SpanHead:
        with np.load(path) as weights:
            return SpanHead(*(weights[k].astype(np.float32) for k in ("w1", "b1", "w2", "b2")))


@dataclass
class Tagger:
    runner: Runner
    head: SpanHead
    tokenizer: Any
    labels: list[str]
    decode: Decode = field(default_factory=Decode)
    batch_size: int = 16
    window: int = WINDOW
    stride: int = STRIDE

    def encode(self, texts: Sequence[str]) -> list[Encoding]:
        windowed = run_windows(
            self.runner,
            self.tokenizer,
            texts,
            window=self.window,
            stride=self.stride,
            batch_size=self.batch_size,
        )
        return [
            Encoding(w.text, w.pieces, w.ranges, w.probs[:, 1:].sum(axis=1), w.hidden)
            for w in windowed
        ]

    def spans(
        self, enc: Encoding, threshold: float | None = None, *, decode: Decode | None = None
    ) -> list[tuple[int, int, float]]:
        """Character spans (with a score) where the tokens' span scores say propaganda.

        A span is a run of tokens scoring at least `low`, kept when its best token reaches
        `threshold` (hysteresis); runs at most `gap` tokens apart are joined."""
        rule = decode or self.decode
        high = rule.threshold if threshold is None else threshold
        low = min(rule.low, high) if rule.low is not None else high
        runs: list[list[int]] = []
        for t in np.flatnonzero(enc.scores >= low).tolist():
            near = runs and t - runs[-1][-1] <= rule.gap + 1
            if near and (rule.cross_lines or not self._line_between(enc, runs[-1][-1], t)):
                runs[-1].append(t)
            else:
                runs.append([t])
        return [self._span(enc, run) for run in runs if enc.scores[run].max() >= high]

    @staticmethod
    def _line_between(enc: Encoding, first: int, second: int) -> bool:
        return "\n" in enc.text[enc.pieces.ends[first] : enc.pieces.starts[second]]

    @staticmethod
    def _span(enc: Encoding, run: list[int]) -> tuple[int, int, float]:
        """The characters of a run of tokens, widened to whole words."""
        start, end = enc.pieces.whole_words(enc.text, run[0], run[-1])
        return start, end, float(enc.scores[run].mean())

    def classify(self, enc: Encoding, spans: Sequence[tuple[int, int]]) -> np.ndarray:
        """Technique probabilities [n_spans, n_labels] for character spans of the article."""
        if not spans:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        lowered = enc.text.lower()
        rows = [self._span_vector(enc, s, e, lowered) for s, e in spans]
        return self.head.probabilities(np.stack(rows))

    def _span_vector(self, enc: Encoding, start: int, end: int, lowered: str) -> np.ndarray:
        a, b = enc.pieces.token_range(start, end)
        w = best_window(enc.ranges, a, max(b, a + 1))
        lo, hi = enc.ranges[w]
        first = min(max(a, lo), hi - 1)
        last = max(min(b, hi), first + 1)
        states = enc.hidden[w]  # row 0 is [CLS], so token t of the window is row t - lo + 1
        inside = states[first - lo + 1 : last - lo + 1]
        feats = np.asarray(span_features(enc.text, start, end, lowered=lowered), np.float32)
        return np.concatenate([inside.mean(0), inside.max(0), states[0], feats])

    def tag(self, texts: Sequence[str]) -> list[list[Found]]:
        """Propaganda spans of each text, each with its most likely technique."""
        results = []
        for enc in self.encode(texts):
            spans = self.spans(enc)
            probs = self.classify(enc, [(s, e) for s, e, _ in spans])
            results.append(
                [
                    Found(s, e, self.labels[int(p.argmax())], float(p.max()), score)
                    for (s, e, score), p in zip(spans, probs, strict=True)
                ]
            )
        return results


def onnx_runner(path: Path, *, threads: int | None = None) -> Runner:
    import onnxruntime as ort

    session = ort.InferenceSession(
        str(path), session_options(threads), providers=["CPUExecutionProvider"]
    )

    def run(ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        probs, hidden = session.run(None, {"input_ids": ids, "attention_mask": mask})
        return probs, hidden

    return run


def load_tagger(folder: Path, *, model_file: str = "model.onnx") -> Tagger:
    """The tagger in a model folder (model.onnx, head.npz, tokenizer.json, manifest.json)."""
    from tokenizers import Tokenizer

    from unspin.models import read_manifest

    manifest = read_manifest(folder)
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return Tagger(
        runner=onnx_runner(folder / model_file),
        head=SpanHead.load(folder / "head.npz"),
        tokenizer=tokenizer,
        labels=list(manifest["labels"]),
        decode=Decode(**manifest["decode"])
        if "decode" in manifest
        else Decode(float(manifest["threshold"])),
        window=int(manifest["window"]),
        stride=int(manifest["stride"]),
    )
