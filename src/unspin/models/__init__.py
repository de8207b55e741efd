"""Shipped models: each a folder of files with a manifest.json (base encoder, data hash,
training command, metrics on held-out data), and the code that runs them offline."""

from __future__ import annotations

import json
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
