"""The attribution tagger: an encoder over overlapping windows that tags each word piece as
part of a Source, a Cue or a Content span (BIO), trained on PolNeAR. The spans it finds are
grouped into reported statements by `unspin.stages.attribution`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from unspin.models import read_manifest, session_options
from unspin.models.windows import Windowed, WindowRunner, run_windows

ROLES = ("Source", "Cue", "Content")
TAGS = ("O", *(f"{bio}-{role}" for role in ROLES for bio in "BI"))
WINDOW = 254  # word pieces per window, plus [CLS] and [SEP]
STRIDE = 192


@dataclass(frozen=True, slots=True)
class Decode:
    """How word-piece probabilities become spans; chosen on held-out train articles and kept
    in the model's manifest."""

    split: float = 0.9  # a piece at least this likely to begin a span starts a new one
    min_confidence: tuple[float, float, float] = (0.5, 0.5, 0.5)  # per role, as in ROLES

    def to_dict(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "min_confidence": dict(zip(ROLES, self.min_confidence, strict=True)),
        }

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Decode:
        floors = data.get("min_confidence", {})
        source, cue, content = (float(floors.get(r, 0.5)) for r in ROLES)
        return Decode(float(data.get("split", 0.9)), (source, cue, content))


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
    rule: Decode = Decode()

    def tag(self, texts: Sequence[str]) -> list[list[RoleFound]]:
        return [decode(w, self.rule) for w in self.encode(texts)]

    def encode(self, texts: Sequence[str]) -> list[Windowed]:
        return run_windows(
            self.runner,
            self.tokenizer,
            texts,
            window=self.window,
            stride=self.stride,
            batch_size=self.batch_size,
        )


def role_probabilities(probs: np.ndarray) -> np.ndarray:
    """[n, 1 + roles]: P(O), then P(B-role) + P(I-role) for each role."""
    paired = probs[:, 1:].reshape(len(probs), len(ROLES), 2).sum(axis=2)
    return np.concatenate([probs[:, :1], paired], axis=1)


def decode(w: Windowed, rule: Decode) -> list[RoleFound]:
    """Spans from the most likely role of each word piece (B and I summed): a run of pieces
    of one role is one span, cut only where a piece is a beginning with probability at least
    `rule.split` (cutting at every argmax B breaks "has said" into two cues; two spans of
    one role side by side are rare in attribution); spans whose mean role probability is
    under their role's floor are dropped."""
    return [
        f for f in _runs(w, rule.split) if f.confidence >= rule.min_confidence[ROLES.index(f.role)]
    ]


def _runs(w: Windowed, split: float) -> list[RoleFound]:
    if not len(w.probs):
        return []
    roles = role_probabilities(w.probs)
    best = roles.argmax(axis=1).tolist()
    found: list[RoleFound] = []
    run: list[int] = []
    role = 0
    for t, current in enumerate(best):
        begins = current and w.probs[t, 2 * current - 1] >= split
        if run and current == role and not begins:
            run.append(t)
            continue
        if run:
            found.append(_span(w, role, run, roles))
        run, role = ([t], current) if current else ([], 0)
    if run:
        found.append(_span(w, role, run, roles))
    return found


def _span(w: Windowed, role: int, run: list[int], roles: np.ndarray) -> RoleFound:
    """The characters of a run of word pieces, widened to whole words."""
    start, end = w.pieces.whole_words(w.text, run[0], run[-1])
    return RoleFound(ROLES[role - 1], start, end, float(roles[run, role].mean()))


def onnx_runner(path: Path, *, threads: int | None = None) -> WindowRunner:
    import onnxruntime as ort

    session = ort.InferenceSession(
        str(path), session_options(threads), providers=["CPUExecutionProvider"]
    )

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
        rule=Decode.from_dict(manifest.get("decode", {})),
    )
