"""Ingest: files, folders, JSONL, standard input or a string -> Articles.

`load(paths)` yields an Article or an InputError for every article it meets, in order, so a
batch run can report a bad input and go on. Formats are told by suffix (`.txt`, `.html`,
`.htm`, `.jsonl`); a file with another suffix, and standard input, are sniffed for HTML.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from unspin.article import Article, Meta
from unspin.errors import EmptyInputError, InputError, InputNotFoundError, InputTooLargeError
from unspin.options import Options
from unspin.stages.ingest.decode import decode_text, normalise_newlines
from unspin.stages.ingest.html import looks_like_html, read_html
from unspin.stages.ingest.jsonl import read_jsonl

__all__ = ["STDIN", "SUFFIXES", "article_from_bytes", "article_from_text", "load"]

STDIN = "-"
SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
_MB = 1024 * 1024
_HEADLINE_CHARS = 200
_SENTENCE_END = ".:;,!?\"\u201d\u2019'"


def load(
    paths: Iterable[str | Path], *, options: Options, stdin: IO[bytes] | None = None
) -> Iterator[Article | InputError]:
    for path in paths:
        if str(path) == STDIN:
            yield from _guard(STDIN, lambda: _stdin(stdin, options))
        else:
            yield from _path(Path(path), options)


def article_from_text(text: str, *, ident: str = "text") -> Article:
    """An article from a Python string (the library's `analyze("...")` and the web's paste)."""
    clean = text.encode("utf-8", errors="replace").decode("utf-8")
    if not clean.strip():
        raise EmptyInputError(ident, "the text is empty")
    text = normalise_newlines(clean)
    meta = Meta(id=ident, title=headline(text), source={"format": "text"})
    return Article(text, meta=meta)


def headline(text: str) -> str | None:
    """The first line of a plain-text article when it reads as a headline: short, on a line
    of its own, followed by more text, and not ending like a sentence."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if rest.strip() and 0 < len(first) <= _HEADLINE_CHARS and first[-1] not in _SENTENCE_END:
        return first
    return None


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
    return article


Items = Iterator[Article | InputError]


def _guard(source: str, make: Callable[[], Iterable[Article | InputError]]) -> Items:
    try:
        yield from make()
    except InputError as error:
        yield error
    except OSError as exc:
        yield InputNotFoundError(source, f"cannot be read: {exc.strerror or exc}")


def _path(path: Path, options: Options) -> Iterator[Article | InputError]:
    if path.is_dir():
        yield from _folder(path, options)
    elif not path.exists():
        yield InputNotFoundError(str(path), "no such file or folder")
    elif path.suffix.lower() == ".jsonl":
        yield from _guard(str(path), lambda: read_jsonl(path, max_bytes=options.max_bytes))
    else:
        yield from _guard(str(path), lambda: iter([_file(path, options)]))


def _folder(folder: Path, options: Options) -> Iterator[Article | InputError]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        yield InputNotFoundError(str(folder), f"the folder holds no {', '.join(SUFFIXES)} files")
    for file in files:
        yield from _path(file, options)


def _file(path: Path, options: Options) -> Article:
    size = path.stat().st_size
    _check_size(str(path), size, options.max_bytes)
    suffix = path.suffix.lower()
    html = True if suffix in (".html", ".htm") else False if suffix == ".txt" else None
    return article_from_bytes(path.read_bytes(), source=str(path), ident=path.stem, html=html)


def _stdin(stream: IO[bytes] | None, options: Options) -> Iterator[Article | InputError]:
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(options.max_bytes + 1)
    _check_size("standard input", len(data), options.max_bytes, at_least=True)
    yield article_from_bytes(data, source="standard input", ident="stdin")


def _check_size(source: str, size: int, limit: int, *, at_least: bool = False) -> None:
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
