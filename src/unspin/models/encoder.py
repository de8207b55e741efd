"""The shipped sentence encoder (models/minilm-sentences): texts in, unit vectors out (384
numbers each; a dot product is the cosine similarity). ONNX Runtime, offline."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from unspin.models import load_model, read_manifest, session_options, shipped

NAME = "minilm-sentences"
BATCH = 32


class SentenceEncoder:
    def __init__(self, folder: Path) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        manifest = read_manifest(folder)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(int(manifest.get("max_tokens", 128)))
        self.tokenizer.enable_padding()
        self.session: Any = ort.InferenceSession(
            str(folder / manifest.get("model_file", "model.onnx")),
            session_options(),
            providers=["CPUExecutionProvider"],
        )

    def encode(self, texts: list[str]) -> np.ndarray:
        """One row per text, float32, L2-normalised."""
        rows = [self._batch(texts[k : k + BATCH]) for k in range(0, len(texts), BATCH)]
        return np.vstack(rows) if rows else np.zeros((0, 384), dtype=np.float32)

    def _batch(self, texts: list[str]) -> np.ndarray:
        encoded = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        (vectors,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
        result: np.ndarray = vectors.astype(np.float32)
        return result


@lru_cache(maxsize=1)
def sentence_encoder() -> tuple[SentenceEncoder, str]:
    return load_model(shipped(NAME), "sentence encoder", SentenceEncoder)
