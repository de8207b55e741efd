"""JSONL files -> one Article a line: `{"id", "text" or "html", "url", "outlet", "published"}`.

The file is streamed, so its size is not limited; each line is. A bad line is yielded as an
InputError naming the line number, and the lines after it go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from unspin.article import Article, Meta
from unspin.errors import (
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
)
from unspin.stages.ingest.decode import clean_text
from unspin.stages.ingest.html import read_html

_META_KEYS = ("url", "outlet", "published", "title", "author")


def read_jsonl(path: Path, *, max_bytes: int) -> Iterator[Article | InputError]:
    with path.open("rb") as stream:
        yield from read_jsonl_stream(stream, source=str(path), stem=path.stem, max_bytes=max_bytes)


def read_jsonl_stream(
    stream: IO[bytes], *, source: str, stem: str, max_bytes: int
) -> Iterator[Article | InputError]:
    records = 0
    for number, raw in enumerate(_lines(stream, max_bytes), start=1):
        if raw is None:
            yield InputTooLargeError(
                source, f"the line is over the limit of {max_bytes:,} bytes", line=number
            )
            continue
        if not raw.strip():
            continue
        records += 1
        try:
            yield _record(raw, source=source, line=number, default_id=f"{stem}-{number}")
        except InputError as error:
            yield error
    if not records:
        yield EmptyInputError(source, "the JSONL file holds no records")


def _lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """Each line, or None for a line over the limit (which is read past, never kept)."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(max_bytes)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _record(raw: bytes, *, source: str, line: int, default_id: str) -> Article:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise DecodeError(source, f"the line is not UTF-8 ({exc.reason})", line=line) from exc
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(
            source, f"not valid JSON ({exc.msg} at column {exc.colno})", line=line
        ) from exc
    if not isinstance(record, dict):
        raise MalformedRecordError(
            source, f"expected a JSON object, found {type(record).__name__}", line=line
        )
    meta = _meta(record, source=source, line=line, default_id=default_id)
    return _article(record, meta, source=source, line=line)


def _meta(record: dict[str, Any], *, source: str, line: int, default_id: str) -> Meta:
    values = {key: _string(record, key, source=source, line=line) for key in ("id", *_META_KEYS)}
    ident = values.pop("id") or default_id
    return Meta(id=ident, **values, source={"path": source, "line": line, "format": "jsonl"})


def _string(record: dict[str, Any], key: str, *, source: str, line: int) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    if key == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise MalformedRecordError(
        source, f'"{key}" must be a string, found {type(value).__name__}', line=line
    )


def _article(record: dict[str, Any], meta: Meta, *, source: str, line: int) -> Article:
    text, html = record.get("text"), record.get("html")
    for key, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise MalformedRecordError(
                source, f'"{key}" must be a string, found {type(value).__name__}', line=line
            )
    if isinstance(text, str):
        if not text.strip():
            raise EmptyInputError(source, '"text" is empty', line=line)
        return Article(clean_text(text), meta=meta)
    if isinstance(html, str):
        if not html.strip():
            raise EmptyInputError(source, '"html" is empty', line=line)
        article = read_html(html, source=source, meta=meta, line=line)
        article.meta.source = {**meta.source, "format": "jsonl+html"}
        return article
    raise MalformedRecordError(
        source, 'the record has neither a "text" nor an "html" string', line=line
    )
