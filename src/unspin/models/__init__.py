"""Shipped models: each a folder of files with a manifest.json (base encoder, data hash,
training command, metrics on held-out data), and the code that runs them offline."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from unspin.errors import ModelError


def shipped(name: str) -> Path:
    """The folder of a model shipped inside the package."""
    return Path(str(resources.files(__package__).joinpath(name)))


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / "manifest.json"
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError(f"{folder}: not a model folder (no manifest.json)") from exc
    except json.JSONDecodeError as exc:
        raise ModelError(f"{path}: broken manifest: {exc}") from exc
    return manifest


Model = TypeVar("Model")


def load_model(folder: Path, what: str, load: Callable[[Path], Model]) -> tuple[Model, str]:
    """The model of a folder, loaded by `load`, and its "name-version" label; a clear error
    when the model file its manifest names is missing."""
    manifest = read_manifest(folder)
    model_file = manifest.get("model_file", "model.onnx")
    if not (folder / model_file).is_file():
        raise ModelError(f"{folder}: the {what} model file {model_file} is missing")
    return load(folder), f"{manifest['name']}-{manifest['version']}"


THREADS_VARIABLE = "UNSPIN_THREADS"


def session_threads() -> int | None:
    """Threads per model session: the UNSPIN_THREADS environment variable (set by the batch
    workers so that N workers share the cores), else ONNX Runtime's own choice."""
    value = os.environ.get(THREADS_VARIABLE, "")
    return int(value) if value.isdigit() and int(value) > 0 else None


def session_options(threads: int | None = None) -> Any:
    """ONNX Runtime session options with `threads` (or `session_threads()`) intra-op threads."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    count = threads or session_threads()
    if count:
        options.intra_op_num_threads = count
    return options


def shipped_models() -> dict[str, str]:
    """The name-version of every model shipped in the package, by folder name."""
    found: dict[str, str] = {}
    root = Path(str(resources.files(__package__)))
    for folder in sorted(p for p in root.iterdir() if (p / "manifest.json").is_file()):
        manifest = read_manifest(folder)
        found[folder.name] = f"{manifest.get('name')}-{manifest.get('version')}"
    return found
