"""An actor's labels as a reader wants them listed: each distinct label once, in the order the
article first uses it, with how often it is used ("ambassador \u00d73; bureau")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def label_counts(entity: dict[str, Any]) -> list[tuple[str, int]]:
    """(label as first written, uses), labels told apart without regard to case."""
    counts: dict[str, list[Any]] = {}
    for label in entity["labels"]:
        counts.setdefault(label["text"].casefold(), [label["text"], 0])[1] += 1
    return [(text, count) for text, count in counts.values()]


def label_summary(entity: dict[str, Any], escape: Callable[[str], str] = str) -> str:
    """ "ambassador \u00d73; bureau"; `escape` is applied to each label's text."""
    return "; ".join(
        escape(text) + (f" \u00d7{count}" if count > 1 else "")
        for text, count in label_counts(entity)
    )
