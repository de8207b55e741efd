"""HTML pages -> Article through trafilatura: the main text, without navigation, ads, comments."""

from __future__ import annotations

import logging
from typing import Any

import trafilatura

from unspin.article import Article, Meta
from unspin.errors import NoArticleTextError
from unspin.stages.ingest.decode import normalise_newlines

_SNIFF = 1024
# A page whose extraction is this short is extracted again in precision mode, which drops
# navigation and cookie banners that the default mode falls back to on article-less pages;
# fewer than MIN_WORDS words after that is no article.
_SHORT_WORDS = 30
MIN_WORDS = 5
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>")


def looks_like_html(data: bytes) -> bool:
    head = data[:_SNIFF].lstrip().lower()
    return any(marker in head for marker in _HTML_MARKERS)


def read_html(data: bytes | str, *, source: str, meta: Meta, line: int | None = None) -> Article:
    """Extract the article of a page; fields of `meta` that are already set win over the page's."""
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
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
    text = normalise_newlines(_field(found, "text") or "")
    meta.title = meta.title or _field(found, "title")
    meta.author = meta.author or _field(found, "author")
    meta.published = meta.published or _field(found, "date")
    meta.outlet = meta.outlet or _field(found, "sitename")
    meta.url = meta.url or _field(found, "url")
    meta.source = {**meta.source, "format": "html"}
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
