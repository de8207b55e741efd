"""Evaluating the claim matcher on sentence pairs from different articles, each marked the
same claim (a paraphrase) or not (same event, another claim): precision, recall and F1 of
"same" at a similarity threshold, with the threshold chosen on one half of the pairs (even
lines) and scored on the other (odd lines). Format: tests/fixtures/paraphrases/README.md."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from unspin.errors import InputError
from unspin.training.ptc_metric import PRF

THRESHOLDS = tuple(round(0.3 + 0.025 * k, 3) for k in range(27))


@dataclass(frozen=True, slots=True)
class Pair:
    a: str
    b: str
    same: bool


def read_pairs(path: Path, data: Path) -> list[Pair]:
    pairs: list[Pair] = []
    texts: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            a, b = (_span(side, data, texts) for side in (item["a"], item["b"]))
            pairs.append(Pair(a, b, bool(item["same"])))
        except (KeyError, TypeError, ValueError, OSError) as exc:
            raise InputError(str(path), f"not a paraphrase pair: {exc}", line=number) from exc
    return pairs


def _span(side: dict[str, object], data: Path, texts: dict[str, str]) -> str:
    name = str(side["article"])
    if name not in texts:
        texts[name] = (data / name).read_text(encoding="utf-8")
    start, end = int(side["start"]), int(side["end"])  # type: ignore[call-overload]
    found = texts[name][start:end]
    if found != side["text"]:
        raise ValueError(f"{name} [{start}, {end}) reads {found!r}, not {side['text']!r}")
    return found


def similarities(pairs: list[Pair]) -> np.ndarray:
    from unspin.models.encoder import sentence_encoder

    encoder, _ = sentence_encoder()
    left = encoder.encode([p.a for p in pairs])
    right = encoder.encode([p.b for p in pairs])
    result: np.ndarray = (left * right).sum(axis=1)
    return result


def scores(same: np.ndarray, similar: np.ndarray, threshold: float) -> PRF:
    said = similar >= threshold
    right = int((said & same).sum())
    return PRF.counted(right, int(said.sum()), right, int(same.sum()))


def evaluate(pairs: list[Pair], *, threshold: float | None = None) -> dict[str, object]:
    """Scores at `threshold`, and at the threshold best on the even half, on the odd half."""
    similar = similarities(pairs)
    same = np.array([p.same for p in pairs])
    tune, test = np.arange(0, len(pairs), 2), np.arange(1, len(pairs), 2)
    chosen = max(THRESHOLDS, key=lambda t: scores(same[tune], similar[tune], t).f1)
    result: dict[str, object] = {
        "pairs": len(pairs),
        "same": int(same.sum()),
        "chosen_threshold": chosen,
        "held_out": _as_dict(scores(same[test], similar[test], chosen)),
    }
    if threshold is not None:
        at = scores(same, similar, threshold)
        result["at_threshold"] = {"threshold": threshold, **_as_dict(at)}
    return result


def _as_dict(prf: PRF) -> dict[str, float]:
    return {
        "precision": round(prf.precision, 4),
        "recall": round(prf.recall, 4),
        "f1": round(prf.f1, 4),
    }
