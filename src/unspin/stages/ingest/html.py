"""HTML pages -> Article through trafilatura: the main text, without navigation, ads, comments."""

from __future__ import annotations

import codecs
import logging
import re
from typing import Any

import trafilatura

from unspin.article import Article, Meta
from unspin.errors import NoArticleTextError
from unspin.stages.ingest.decode import clean_text, decode_text

_SNIFF = 1024
# A page whose extraction is this short is extracted again in precision mode, which drops
# navigation and cookie banners that the default mode falls back to on article-less pages;
# fewer than MIN_WORDS words after that is no article.
_SHORT_WORDS = 30
MIN_WORDS = 5
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>")
_HTML_OPENINGS = (b"<!doctype html", b"<html")
_GENERATOR = re.compile(rb"<meta name=\"generator\" content=\"unspin\">")
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]+)", re.I)
# As browsers do (WHATWG Encoding): these labels all mean windows-1252.
_WINDOWS_1252 = {
    "iso-8859-1",
    "iso8859-1",
    "latin1",
    "latin-1",
    "l1",
    "us-ascii",
    "ascii",
    "windows-1252",
    "cp1252",
    "x-cp1252",
}
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def looks_like_html(data: bytes) -> bool:
    head = data[:_SNIFF].lstrip().lower()
    return any(marker in head for marker in _HTML_MARKERS)


def opens_like_html(data: bytes) -> bool:
    """Stricter than looks_like_html: for a .txt file, only a real page opening counts."""
    return data[:_SNIFF].lstrip().lower().startswith(_HTML_OPENINGS)


def is_unspin_report(data: bytes) -> bool:
    return _GENERATOR.search(data[:_SNIFF]) is not None


def decode_page(data: bytes, source: str) -> tuple[str, str]:
    """A page's text and encoding: its BOM, else its meta charset (read as browsers read
    it), else UTF-8, else detected."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        decoded = decode_text(data, source)
        return decoded.text, decoded.encoding
    declared = _CHARSET.search(data[:_SNIFF])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        encoding = "cp1252" if label in _WINDOWS_1252 else label
        try:
            return data.decode(encoding, errors="replace"), encoding
        except LookupError:
            pass
    decoded = decode_text(data, source)
    return decoded.text, decoded.encoding


def read_html(data: bytes | str, *, source: str, meta: Meta, line: int | None = None) -> Article:
    """Extract the article of a page; fields of `meta` that are already set win over the page's."""
    encoding = None
    if isinstance(data, bytes):
        data, encoding = decode_page(data, source)
    found = _extract(data, meta.url, precise=False)
    if _words(found) < _SHORT_WORDS:
        found = _extract(data, meta.url, precise=True)
    if _words(found) < MIN_WORDS:
        raise NoArticleTextError(
            source,
            "the page has no article text that could be extracted "
            "(navigation, scripts, ads and comments are left out)",
            line=line,
        )
    text = clean_text(_field(found, "text") or "")
    meta.title = meta.title or _field(found, "title")
    meta.author = meta.author or _field(found, "author")
    meta.published = meta.published or _field(found, "date")
    meta.outlet = meta.outlet or _field(found, "sitename")
    meta.url = meta.url or _field(found, "url")
    meta.source = {**meta.source, "format": "html"}
    if encoding:
        meta.source["encoding"] = encoding
    return Article(text, meta=meta)


def _extract(data: bytes | str, url: str | None, *, precise: bool) -> Any:
    return trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        favor_precision=precise,
    )


def _words(found: Any) -> int:
    return len((_field(found, "text") or "").split())


def _field(found: Any, name: str) -> str | None:
    value = getattr(found, name, None) if found is not None else None
    return value if isinstance(value, str) and value.strip() else None
