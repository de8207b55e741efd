"""Training the check-worthiness scorer on CheckThat! 2024 English train; the decision
threshold is chosen on dev, as the task intends (dev is the tuning split there). Resumable:
a run left in the output folder goes on from its last finished epoch.

    unspin claims train --data ../shared/data/checkthat --out build/claims
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from unspin.models.claims import ClaimModel, encode_batch, load_tokenizer
from unspin.training.checkthat import Sentence, positive_f1, read_split
from unspin.training.loop import (
    checkpoint,
    export_onnx,
    linear_schedule,
    progress,
    resume,
    shuffled_batches,
    step,
)
from unspin.training.techniques import BASE_NAME, base_encoder

log = logging.getLogger(__name__)
THRESHOLDS = tuple(round(0.2 + 0.025 * i, 3) for i in range(25))


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimSettings:
    epochs: int = 2
    lr: float = 4e-5
    batch_size: int = 32
    seed: int = 13
    threads: int = 2
    max_sentences: int | None = None  # a quick run on the first N (smoke tests)


class ClaimNet(nn.Module):
    def __init__(self, base: Path) -> None:
        super().__init__()
        from transformers import AutoModel

        self.encoder = AutoModel.from_pretrained(str(base))
        self.dropout = nn.Dropout(0.1)
        self.out = nn.Linear(self.encoder.config.hidden_size, 1)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)
        logits: torch.Tensor = self.out(self.dropout(pooled)).squeeze(-1)
        return logits


class ExportedClaimNet(nn.Module):
    def __init__(self, net: ClaimNet) -> None:
        super().__init__()
        self.net = net

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.net(ids, mask))


def train_claims(data: Path, out: Path, *, settings: ClaimSettings | None = None) -> Path:
    settings = settings or ClaimSettings()
    torch.set_num_threads(settings.threads)
    out.mkdir(parents=True, exist_ok=True)
    base = base_encoder()
    train, dev = read_split(data, "train"), read_split(data, "dev")
    if settings.max_sentences:
        train, dev = train[: settings.max_sentences], dev[: settings.max_sentences]
    tokenizer = load_tokenizer(base / "tokenizer.json")
    net = ClaimNet(base)
    optimiser = torch.optim.AdamW(net.parameters(), lr=settings.lr, weight_decay=0.01)
    steps = settings.epochs * ((len(train) + settings.batch_size - 1) // settings.batch_size)
    schedule = linear_schedule(optimiser, steps)
    for epoch in range(resume(out, net, optimiser, schedule), settings.epochs):
        _epoch(net, tokenizer, train, optimiser, schedule, settings, seed=settings.seed + epoch)
        threshold, f1 = best_threshold(_model(net, tokenizer), dev)
        log.info("epoch %d: dev F1 %.4f at threshold %.3f", epoch + 1, f1, threshold)
        checkpoint(out, net, optimiser, schedule, epoch + 1)
    threshold, f1 = best_threshold(_model(net, tokenizer), dev)
    export_claims(net, tokenizer, out, threshold=threshold, dev_f1=f1, settings=settings)
    return out


def _epoch(
    net: ClaimNet,
    tokenizer: Any,
    sentences: list[Sentence],
    optimiser: Any,
    schedule: Any,
    settings: ClaimSettings,
    *,
    seed: int,
) -> None:
    net.train()
    loss_fn = nn.BCEWithLogitsLoss()
    started = time.time()
    total = len(sentences) // settings.batch_size
    for n, chunk in shuffled_batches(sentences, settings.batch_size, seed=seed):
        ids, mask = encode_batch(tokenizer, [s.text for s in chunk])
        target = torch.tensor([float(s.worthy) for s in chunk])
        loss = loss_fn(net(torch.from_numpy(ids), torch.from_numpy(mask)), target)
        step(loss, net, optimiser, schedule)
        progress(n, total, loss, started, every=100)


def _model(net: ClaimNet, tokenizer: Any) -> ClaimModel:
    def run(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        net.eval()
        with torch.inference_mode():
            return torch.sigmoid(net(torch.from_numpy(ids), torch.from_numpy(mask))).numpy()

    return ClaimModel(run, tokenizer)


def best_threshold(model: ClaimModel, sentences: list[Sentence]) -> tuple[float, float]:
    scores = model.scores([s.text for s in sentences])
    gold = [s.worthy for s in sentences]
    f1 = {t: positive_f1([bool(x >= t) for x in scores], gold).f1 for t in THRESHOLDS}
    best = max(f1, key=lambda t: f1[t])
    return best, f1[best]


def export_claims(
    net: ClaimNet,
    tokenizer: Any,
    out: Path,
    *,
    threshold: float,
    dev_f1: float,
    settings: ClaimSettings,
) -> None:
    export_onnx(ExportedClaimNet(net), out / "model.onnx", outputs={"probability": {0: "batch"}})
    tokenizer.save(str(out / "tokenizer.json"))
    manifest = {
        "name": "checkworthy-minilm",
        "version": time.strftime("%Y%m%d"),
        "task": "CheckThat! 2024 task 1 English: check-worthiness of a sentence",
        "base_encoder": BASE_NAME,
        "threshold": threshold,
        "settings": {k: getattr(settings, k) for k in settings.__dataclass_fields__},
        "command": "unspin claims train --data DATA --out OUT",
        "metrics": {"dev": {"f1": round(dev_f1, 4)}},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
