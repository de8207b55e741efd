"""Training the attribution tagger on PolNeAR train (Source, Cue and Content spans as BIO
tags over word pieces), and its evaluation with PolNeAR's usual span metrics. Resumable:
a run left in the output folder goes on from its last finished epoch.

    unspin attribution train --data ../shared/data/polnear --out build/attribution

A fixed tenth of the train articles is held out to watch the epochs; dev is never seen.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from unspin.models.attribution import (
    STRIDE,
    TAGS,
    WINDOW,
    Decode,
    RoleTagger,
    load_role_tagger,
    tag_index,
)
from unspin.models.windows import encode, window_ranges
from unspin.training.attribution_eval import evaluate, flat_scores, tune_decode
from unspin.training.loop import (
    checkpoint,
    export_onnx,
    linear_schedule,
    progress,
    resume,
    shuffled_batches,
    step,
)
from unspin.training.polnear import Document, read_split
from unspin.training.ptc import holdout_ids
from unspin.training.techniques import BASE_NAME, base_encoder, load_tokenizer

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class AttributionSettings:
    epochs: int = 3
    lr: float = 5e-5
    head_lr: float = 1e-3
    batch_size: int = 16
    train_stride: int = 192
    seed: int = 13
    threads: int = 2
    max_articles: int | None = None  # a quick run on the first N articles (smoke tests)


class RoleNet(nn.Module):
    def __init__(self, base: Path) -> None:
        super().__init__()
        from transformers import AutoModel

        self.encoder = AutoModel.from_pretrained(str(base))
        self.dropout = nn.Dropout(0.1)
        self.tags = nn.Linear(self.encoder.config.hidden_size, len(TAGS))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        logits: torch.Tensor = self.tags(self.dropout(hidden))
        return logits


class ExportedRoleNet(nn.Module):
    """What the ONNX file holds: tag probabilities per word piece."""

    def __init__(self, net: RoleNet) -> None:
        super().__init__()
        self.net = net

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.net(ids, mask), dim=-1)


def tag_windows(doc: Document, tokenizer: Any, stride: int) -> list[tuple[list[int], list[int]]]:
    """(ids, tags) of each training window of a document, [CLS] and [SEP] tagged -100."""
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    pieces = encode(tokenizer, doc.text)
    tags = [0] * len(pieces.ids)
    for span in sorted(doc.spans, key=lambda s: (s.start, -s.end)):
        a, b = pieces.token_range(span.start, span.end)
        for t in range(a, b):
            tags[t] = tag_index(span.role, begins=t == a)
    return [
        ([cls, *pieces.ids[a:b], sep], [-100, *tags[a:b], -100])
        for a, b in window_ranges(len(pieces.ids), WINDOW, stride)
    ]


def train_attribution(
    data: Path, out: Path, *, settings: AttributionSettings | None = None
) -> Path:
    """Train (or resume) into `out`; export the model files there; return the folder."""
    settings = settings or AttributionSettings()
    torch.set_num_threads(settings.threads)
    out.mkdir(parents=True, exist_ok=True)
    base = base_encoder()
    documents = read_split(data, "train")[: settings.max_articles]
    held = holdout_ids([d.name for d in documents])
    fit = [d for d in documents if d.name not in held]
    tune = [d for d in documents if d.name in held]
    tokenizer = load_tokenizer(base)
    items = [w for d in fit for w in tag_windows(d, tokenizer, settings.train_stride)]
    net = RoleNet(base)
    optimiser = torch.optim.AdamW(
        [
            {"params": net.encoder.parameters(), "lr": settings.lr},
            {"params": net.tags.parameters(), "lr": settings.head_lr},
        ],
        weight_decay=0.01,
    )
    steps = settings.epochs * ((len(items) + settings.batch_size - 1) // settings.batch_size)
    schedule = linear_schedule(optimiser, steps)
    first = resume(out, net, optimiser, schedule)
    log.info("training on %d windows of %d articles from epoch %d", len(items), len(fit), first + 1)
    for epoch in range(first, settings.epochs):
        _epoch(net, items, optimiser, schedule, settings, seed=settings.seed + epoch)
        report = {"epoch": epoch + 1, **flat_scores(evaluate(torch_tagger(net, tokenizer), tune))}
        with (out / "log.jsonl").open("a") as stream:
            stream.write(json.dumps(report) + "\n")
        log.info("epoch %d: %s", epoch + 1, report)
        checkpoint(out, net, optimiser, schedule, epoch + 1)
    export_attribution(net, tokenizer, out, documents=documents, settings=settings)
    retune(out, tune)
    return out


def tune_documents(data: Path) -> list[Document]:
    """The held-out tenth of PolNeAR train that decoding is tuned on."""
    documents = read_split(data, "train")
    held = holdout_ids([d.name for d in documents])
    return [d for d in documents if d.name in held]


def retune(folder: Path, documents: Sequence[Document]) -> Decode:
    """Choose the decoding rule of an exported model on held-out documents (the tuning split);
    keep it, with its scores there, in the manifest."""
    rule, scores = tune_decode(load_role_tagger(folder), documents)
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["decode"] = rule.to_dict()
    manifest.setdefault("metrics", {})["tune"] = flat_scores(scores)
    path.write_text(json.dumps(manifest, indent=2))
    return rule


def _epoch(
    net: RoleNet,
    items: list[tuple[list[int], list[int]]],
    optimiser: Any,
    schedule: Any,
    settings: AttributionSettings,
    *,
    seed: int,
) -> None:
    net.train()
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    started = time.time()
    total = len(items) // settings.batch_size
    for n, chunk in shuffled_batches(items, settings.batch_size, seed=seed):
        width = max(len(ids) for ids, _ in chunk)
        ids = torch.zeros((len(chunk), width), dtype=torch.long)
        mask = torch.zeros_like(ids)
        target = torch.full_like(ids, -100)
        for row, (piece_ids, tags) in enumerate(chunk):
            ids[row, : len(piece_ids)] = torch.tensor(piece_ids)
            mask[row, : len(piece_ids)] = 1
            target[row, : len(tags)] = torch.tensor(tags)
        loss = loss_fn(net(ids, mask).reshape(-1, len(TAGS)), target.reshape(-1))
        step(loss, net, optimiser, schedule)
        progress(n, total, loss, started, every=20)


def torch_tagger(net: RoleNet, tokenizer: Any) -> RoleTagger:
    def run(ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, None]:
        net.eval()
        with torch.inference_mode():
            logits = net(torch.from_numpy(ids), torch.from_numpy(mask))
            return torch.softmax(logits, -1).numpy(), None

    return RoleTagger(run, tokenizer)


def export_attribution(
    net: RoleNet,
    tokenizer: Any,
    out: Path,
    *,
    documents: Sequence[Document],
    settings: AttributionSettings,
) -> None:
    """Write model.onnx (encoder + tag head), tokenizer.json and manifest.json."""
    export_onnx(
        ExportedRoleNet(net), out / "model.onnx", outputs={"probs": {0: "batch", 1: "tokens"}}
    )
    tokenizer.save(str(out / "tokenizer.json"))
    digest = hashlib.sha256()
    for doc in documents:
        digest.update(f"{doc.name}\0{doc.text}\0{sorted(doc.spans)}\n".encode())
    manifest = {
        "name": "polnear-minilm",
        "version": time.strftime("%Y%m%d"),
        "task": "PolNeAR attribution: Source, Cue and Content spans (BIO over word pieces)",
        "base_encoder": BASE_NAME,
        "tags": list(TAGS),
        "window": WINDOW,
        "stride": STRIDE,
        "data": {
            "train_sha256": digest.hexdigest(),
            "held_out": "10% of train articles by id hash",
        },
        "settings": {k: getattr(settings, k) for k in settings.__dataclass_fields__},
        "command": "unspin attribution train --data DATA --out OUT",
        "tune_log": [json.loads(line) for line in (out / "log.jsonl").read_text().splitlines()],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
