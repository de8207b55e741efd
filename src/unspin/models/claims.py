"""The check-worthiness scorer: a fine-tuned MiniLM over one sentence, run by ONNX Runtime,
giving the probability that the sentence states a fact worth checking."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from unspin.models import read_manifest, session_options

MAX_TOKENS = 128
# ids [B, T], mask [B, T] -> probability [B]
Scorer = Callable[[np.ndarray, np.ndarray], np.ndarray]


@dataclass
class ClaimModel:
    runner: Scorer
    tokenizer: Any
    threshold: float = 0.5
    batch_size: int = 32

    def scores(self, sentences: Sequence[str]) -> np.ndarray:
        out = np.zeros(len(sentences), dtype=np.float32)
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        for offset in range(0, len(order), self.batch_size):
            rows = order[offset : offset + self.batch_size]
            ids, mask = encode_batch(self.tokenizer, [sentences[i] for i in rows])
            out[rows] = self.runner(ids, mask)
        return out


def encode_batch(tokenizer: Any, sentences: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Padded ids and attention mask for a batch of sentences."""
    encoded = tokenizer.encode_batch(sentences)
    width = max(len(e.ids) for e in encoded)
    ids = np.zeros((len(encoded), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, e in enumerate(encoded):
        ids[row, : len(e.ids)] = e.ids
        mask[row, : len(e.ids)] = 1
    return ids, mask


def load_tokenizer(path: Path) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()
    return tokenizer


def onnx_scorer(path: Path) -> Scorer:
    import onnxruntime as ort

    session = ort.InferenceSession(str(path), session_options(), providers=["CPUExecutionProvider"])

    def run(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        (probability,) = session.run(None, {"input_ids": ids, "attention_mask": mask})
        return np.asarray(probability).reshape(-1)

    return run


def load_claim_model(folder: Path) -> ClaimModel:
    manifest = read_manifest(folder)
    return ClaimModel(
        runner=onnx_scorer(folder / manifest.get("model_file", "model.onnx")),
        tokenizer=load_tokenizer(folder / "tokenizer.json"),
        threshold=float(manifest["threshold"]),
    )
