"""CLEF CheckThat! 2024 task 1 (English check-worthiness) as plain Python objects, and its
official metric: precision, recall and F1 of the positive ("Yes") class."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from unspin.errors import InputError, InputNotFoundError
from unspin.training.ptc_metric import PRF

FILES = {
    "train": "CT24_checkworthy_english_train.tsv",
    "dev": "CT24_checkworthy_english_dev.tsv",
}


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    text: str
    worthy: bool


def ct24_folder(data: Path) -> Path:
    """Accept the data folder, checkthat/ or checkthat/ct2024_en itself."""
    for folder in (data, data / "ct2024_en", data / "checkthat" / "ct2024_en"):
        if (folder / FILES["dev"]).is_file():
            return folder
    raise InputNotFoundError(str(data), "not the CheckThat! 2024 English folder")


def read_split(data: Path, split: str) -> list[Sentence]:
    if split not in FILES:
        raise InputError(split, f"unknown split; choose from {', '.join(FILES)}")
    path = ct24_folder(data) / FILES[split]
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    sentences = []
    for number, row in enumerate(rows, start=2):
        label = (row.get("class_label") or "").strip()
        if label not in ("Yes", "No"):
            raise InputError(str(path), f"class_label is {label!r}, not Yes or No", line=number)
        sentences.append(Sentence(row["Sentence_id"], row["Text"], label == "Yes"))
    return sentences


def positive_f1(predicted: list[bool], gold: list[bool]) -> PRF:
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predictions for {len(gold)} sentences")
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    n_pred, n_gold = sum(predicted), sum(gold)
    return PRF.counted(tp, n_pred, tp, n_gold)
