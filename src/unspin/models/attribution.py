"""The attribution tagger: an encoder over overlapping windows that tags each word piece as
part of a Source, a Cue or a Content span (BIO), trained on PolNeAR. The spans it finds are
grouped into reported statements by `unspin.stages.attribution`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from unspin.models import read_manifest
from unspin.models.windows import Windowed, WindowRunner, run_windows

ROLES = ("Source", "Cue", "Content")
TAGS = ("O", *(f"{bio}-{role}" for role in ROLES for bio in "BI"))
WINDOW = 254  # word pieces per window, plus [CLS] and [SEP]
STRIDE = 192


def tag_index(role: str, begins: bool) -> int:
    return 1 + 2 * ROLES.index(role) + (0 if begins else 1)


@dataclass(frozen=True, slots=True)
class RoleFound:
    role: str
    start: int
    end: int
    confidence: float  # mean probability of the role over the span's word pieces


@dataclass
class RoleTagger:
    runner: WindowRunner
    tokenizer: Any
    batch_size: int = 16
    window: int = WINDOW
    stride: int = STRIDE

    def tag(self, texts: Sequence[str]) -> list[list[RoleFound]]:
        windowed = run_windows(
            self.runner,
            self.tokenizer,
            texts,
            window=self.window,
            stride=self.stride,
            batch_size=self.batch_size,
        )
        return [decode(w) for w in windowed]


def decode(w: Windowed) -> list[RoleFound]:
    """Spans from the most likely tag of each word piece: a span starts at B-role, or at
    I-role after a piece of another role, and runs over the I-role pieces that follow."""
    if not len(w.probs):
        return []
    best = w.probs.argmax(axis=1)
    found: list[RoleFound] = []
    run: list[int] = []
    role = -1
    for t, tag in enumerate(best.tolist()):
        current = (tag - 1) // 2 if tag else -1
        continues = tag and tag % 2 == 0 and current == role and run and run[-1] == t - 1
        if continues:
            run.append(t)
            continue
        if run:
            found.append(_span(w, role, run))
        run, role = ([t], current) if tag else ([], -1)
    if run:
        found.append(_span(w, role, run))
    return found


def _span(w: Windowed, role: int, run: list[int]) -> RoleFound:
    """The characters of a run of word pieces, widened to whole words."""
    start, end = w.pieces.starts[run[0]], w.pieces.ends[run[-1]]
    text = w.text
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    p = w.probs[run][:, 1 + 2 * role : 3 + 2 * role].sum(axis=1)
    return RoleFound(ROLES[role], start, end, float(p.mean()))


def onnx_runner(path: Path, *, threads: int | None = None) -> WindowRunner:
    import onnxruntime as ort

    options = ort.SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def run(ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, None]:
        (probs,) = session.run(None, {"input_ids": ids, "attention_mask": mask})
        return np.asarray(probs), None

    return run


def load_role_tagger(folder: Path) -> RoleTagger:
    """The tagger in a model folder (model file, tokenizer.json, manifest.json)."""
    from tokenizers import Tokenizer

    manifest = read_manifest(folder)
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return RoleTagger(
        runner=onnx_runner(folder / manifest.get("model_file", "model.onnx")),
        tokenizer=tokenizer,
        window=int(manifest["window"]),
        stride=int(manifest["stride"]),
    )
