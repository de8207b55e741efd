"""Ingest: files, folders, JSONL, standard input or a string -> Articles.

`load(paths)` yields an Article or an InputError for every article it meets, in order, so a
batch run can report a bad input and go on. Formats are told by suffix (`.txt`, `.html`,
`.htm`, `.jsonl`); a file with another suffix, standard input, and a `.txt` that opens like
a web page are sniffed for HTML. Reports that unspin wrote itself are not read back.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from unspin.article import Article, Meta
from unspin.errors import EmptyInputError, InputError, InputNotFoundError, InputTooLargeError
from unspin.options import Options
from unspin.stages.ingest.decode import clean_text, decode_text
from unspin.stages.ingest.html import is_unspin_report, looks_like_html, opens_like_html, read_html
from unspin.stages.ingest.jsonl import read_jsonl
from unspin.stages.ingest.warc import is_warc, read_warc

__all__ = [
    "STDIN",
    "SUFFIXES",
    "article_from_bytes",
    "article_from_html",
    "article_from_text",
    "headline",
    "load",
]

log = logging.getLogger(__name__)
STDIN = "-"
SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".gz")
_MB = 1024 * 1024
_HEADLINE_CHARS = 200
_SENTENCE_END = ".:;,!?\"\u201d\u2019'"

Items = Iterator[Article | InputError]


def load(paths: Iterable[str | Path], *, options: Options, stdin: IO[bytes] | None = None) -> Items:
    for path in paths:
        if str(path) == STDIN:
            yield from _guard(STDIN, lambda: _stdin(stdin, options))
        else:
            yield from _guard(str(path), lambda p=Path(path): _path(p, options))  # type: ignore[misc]


def article_from_text(text: str, *, ident: str = "text", max_bytes: int | None = None) -> Article:
    """An article from a Python string (the library's `analyze("...")` and the web's paste)."""
    if max_bytes is not None:
        check_size(ident, len(text.encode("utf-8", errors="replace")), max_bytes)
    text = clean_text(text)
    if not text.strip():
        raise EmptyInputError(ident, "the text is empty")
    return Article(text, meta=Meta(id=ident, title=headline(text), source={"format": "text"}))


def article_from_html(
    html: str, *, ident: str, max_bytes: int | None = None, meta: Meta | None = None
) -> Article:
    """The article of a saved page given as a string (a JSONL or Parquet record, the web's
    upload of a page); fields of `meta` already set win over the page's."""
    if max_bytes is not None:
        check_size(ident, len(html.encode("utf-8", errors="replace")), max_bytes)
    return read_html(html, source=ident, meta=meta or Meta(id=ident))


def article_from_bytes(
    data: bytes, *, source: str, ident: str, html: bool | None = None
) -> Article:
    """An article from the bytes of a text or HTML file; `html=None` sniffs which."""
    meta = Meta(id=ident, source={"path": source})
    if html if html is not None else looks_like_html(data):
        return read_html(data, source=source, meta=meta)
    decoded = decode_text(data, source)
    meta.source.update(format="txt", encoding=decoded.encoding)
    meta.title = headline(decoded.text)
    article = Article(decoded.text, meta=meta)
    if decoded.replaced:
        article.warn(
            "encoding",
            f"{decoded.replaced} character(s) could not be decoded as {decoded.encoding} "
            "and were replaced with U+FFFD",
        )
    elif decoded.guessed:
        article.warn(
            "encoding",
            f"the file is not UTF-8; it was read as {decoded.encoding}, detected from its bytes",
        )
    return article


def headline(text: str) -> str | None:
    """The first line of a plain-text article when it reads as a headline: short, on a line
    of its own, followed by more text, and not ending like a sentence."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if rest.strip() and 0 < len(first) <= _HEADLINE_CHARS and first[-1] not in _SENTENCE_END:
        return first
    return None


def _guard(source: str, make: Callable[[], Iterable[Article | InputError]]) -> Items:
    try:
        yield from make()
    except InputError as error:
        yield error
    except OSError as exc:
        yield InputNotFoundError(source, f"cannot be read: {exc.strerror or exc}")


def _path(path: Path, options: Options) -> Items:
    if path.is_dir():
        yield from _folder(path, options)
    elif not path.exists():
        yield InputNotFoundError(str(path), "no such file or folder")
    elif path.suffix.lower() == ".jsonl":
        yield from read_jsonl(path, max_bytes=options.max_bytes)
    elif is_warc(path):
        yield from read_warc(path, max_bytes=options.max_bytes)
    else:
        article = _file(path, options)
        if article is not None:
            yield article


def _folder(folder: Path, options: Options) -> Items:
    problems: list[OSError] = []
    files = sorted(
        Path(root) / name
        for root, _, names in os.walk(folder, onerror=problems.append)
        for name in names
        if Path(name).suffix.lower() in SUFFIXES
        and (Path(name).suffix.lower() != ".gz" or is_warc(Path(name)))
    )
    for problem in problems:
        yield InputNotFoundError(
            str(problem.filename or folder), f"cannot be read: {problem.strerror}"
        )
    if not files and not problems:
        yield InputNotFoundError(str(folder), f"the folder holds no {', '.join(SUFFIXES)} files")
    for file in files:
        yield from _guard(str(file), lambda f=file: _path(f, options))  # type: ignore[misc]


def _file(path: Path, options: Options) -> Article | None:
    check_size(str(path), path.stat().st_size, options.max_bytes)  # a regular file: unread
    with path.open("rb") as stream:  # a pipe or device reports size 0: read bounded
        data = stream.read(options.max_bytes + 1)
    check_size(str(path), len(data), options.max_bytes, at_least=True)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") and is_unspin_report(data):
        log.info("%s: skipped, it is a report unspin wrote", path)
        return None
    html = (
        True
        if suffix in (".html", ".htm")
        else (opens_like_html(data) if suffix == ".txt" else None)
    )
    return article_from_bytes(data, source=str(path), ident=path.stem, html=html)


def _stdin(stream: IO[bytes] | None, options: Options) -> Items:
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(options.max_bytes + 1)
    check_size("standard input", len(data), options.max_bytes, at_least=True)
    yield article_from_bytes(data, source="standard input", ident="stdin")


def check_size(source: str, size: int, limit: int, *, at_least: bool = False) -> None:
    """Refuse an input over the limit; `at_least` when only limit + 1 bytes were read."""
    if size > limit:
        said = "over" if at_least else f"{_human(size)}, over"
        raise InputTooLargeError(
            source,
            f"the input is {said} the limit of {_human(limit)}; "
            "raise it with --max-size or split the article",
        )


def _human(size: int) -> str:
    if size >= _MB:
        return f"{size / _MB:.1f} MB"
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} bytes"
