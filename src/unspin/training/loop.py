"""What every trainer here shares: the optimiser step, progress lines, the schedule and the
ONNX export of a torch module that takes (input_ids, attention_mask)."""

from __future__ import annotations

import logging
import random
import time
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import torch
from torch import nn

log = logging.getLogger(__name__)
T = TypeVar("T")


def shuffled_batches(items: Sequence[T], size: int, *, seed: int) -> Iterator[tuple[int, list[T]]]:
    """(batch number, batch) over the items in an order fixed by the seed."""
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    for n, offset in enumerate(range(0, len(order), size)):
        yield n, [items[i] for i in order[offset : offset + size]]


def linear_schedule(optimiser: Any, steps: int, *, warmup: float = 0.06) -> Any:
    from transformers import get_linear_schedule_with_warmup

    return get_linear_schedule_with_warmup(  # type: ignore[no-untyped-call]
        optimiser, int(warmup * steps), steps
    )


def step(loss: torch.Tensor, net: nn.Module, optimiser: Any, schedule: Any) -> None:
    loss.backward()  # type: ignore[no-untyped-call]
    nn.utils.clip_grad_norm_(net.parameters(), 1.0)
    optimiser.step()
    schedule.step()
    optimiser.zero_grad()


def progress(n: int, total: int, loss: torch.Tensor, started: float, *, every: int) -> None:
    if n % every == 0:
        log.info("batch %d/%d loss %.4f (%.0fs)", n, total, loss.item(), time.time() - started)


def export_onnx(
    module: nn.Module, path: Path, *, outputs: dict[str, dict[int, str]], sample_tokens: int = 16
) -> None:
    """Export with dynamic batch and token axes on the inputs and the given output axes."""
    module.eval()
    ids = torch.ones((2, sample_tokens), dtype=torch.long)
    axes = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}}
    with warnings.catch_warnings():
        # The TorchScript exporter is deprecated and chatty about tracing, but it exports these
        # encoders exactly (tests compare ONNX with torch); the dynamo one needs more setup.
        warnings.simplefilter("ignore")
        torch.onnx.export(
            module,
            (ids, torch.ones_like(ids)),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=list(outputs),
            dynamic_axes={**axes, **outputs},
            opset_version=17,
            dynamo=False,
        )


def resume(out: Path, net: nn.Module, optimiser: Any, schedule: Any) -> int:
    """Load the last checkpoint in `out`, if any; return the number of epochs it finished."""
    path = out / "checkpoint.pt"
    if not path.exists():
        return 0
    state = torch.load(path, weights_only=False)
    net.load_state_dict(state["model"])
    optimiser.load_state_dict(state["optimiser"])
    schedule.load_state_dict(state["schedule"])
    log.info("resumed from %s after epoch %d", path, state["epoch"])
    return int(state["epoch"])


def checkpoint(out: Path, net: nn.Module, optimiser: Any, schedule: Any, epoch: int) -> None:
    """Save after an epoch, atomically: a run killed mid-write leaves the last good one."""
    partial = out / "checkpoint.pt.partial"
    torch.save(
        {
            "model": net.state_dict(),
            "optimiser": optimiser.state_dict(),
            "schedule": schedule.state_dict(),
            "epoch": epoch,
        },
        partial,
    )
    partial.replace(out / "checkpoint.pt")
