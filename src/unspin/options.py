"""One settings object, built once (from CLI flags, a config or code) and passed everywhere."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_STAGES: tuple[str, ...] = (
    "language",
    "segment",
    "entities",
    "techniques",
    "attribution",
    "claims",
    "accusations",
)
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """How unspin reads and analyses articles.

    max_bytes: the largest input file (or JSONL record) accepted, in bytes; larger ones get an
        InputTooLargeError rather than an unbounded run.
    stages: the pipeline after ingest, in order.
    spacy_model: the spaCy pipeline to load by package name; None picks the best installed
        English pipeline (official en_core_web_sm / en_core_web_md first).
    batch_size: articles handed to spaCy at once in batch runs.
    techniques_model: a folder holding a technique model to use instead of the shipped one.
    claims_model: the same for the check-worthiness model.
    attribution_model: the same for the attribution tagger.
    """

    max_bytes: int = MAX_BYTES
    stages: tuple[str, ...] = DEFAULT_STAGES
    spacy_model: str | None = None
    batch_size: int = 16
    techniques_model: str | None = None
    claims_model: str | None = None
    attribution_model: str | None = None

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes}")
        if self.batch_size <= 0:
            raise ValueError(f"batch_size must be positive, got {self.batch_size}")
