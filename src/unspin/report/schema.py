"""The shipped JSON Schema of the report, and a validator that also checks what a schema
cannot: that every span lies inside the text and repeats the characters it covers."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from unspin.errors import ReportError

SCHEMA_FILE = "unspin-1.json"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    text = resources.files("unspin.report").joinpath("schema", SCHEMA_FILE).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema())


def validate(report: dict[str, Any]) -> None:
    """Raise ReportError naming the first problem if `report` breaks the unspin/1 contract."""
    errors = sorted(_validator().iter_errors(report), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise ReportError(f"report breaks {SCHEMA_FILE} at {where}: {first.message}")
    from unspin.article import Article

    Article.from_dict(report)  # offsets inside the text, and each span's text is its text
