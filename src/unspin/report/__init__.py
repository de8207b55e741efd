"""Renderers over `Article.to_dict()`: JSON (the contract), HTML (to read), Markdown (notes)."""

from __future__ import annotations

import re
from pathlib import Path

from unspin.article import Article
from unspin.errors import ReportError
from unspin.report.graph import render_graph_json, render_graphml
from unspin.report.html import render_html
from unspin.report.json_report import render_json
from unspin.report.markdown import render_markdown

SUFFIXES = {
    "json": (".json",),
    "html": (".html",),
    "md": (".md",),
    "graph": (".graphml", ".graph.json"),
}
_UNSAFE = re.compile(r"[^\w.-]+")
_STEM_CHARS = 120


def render(article: Article, fmt: str, *, tokens: bool = False) -> str:
    """The report of `article` in format `fmt` (its first file for `graph`: GraphML);
    `tokens` adds the token list to JSON."""
    return render_files(article, fmt, tokens=tokens)[SUFFIXES[fmt][0]]


def render_files(article: Article, fmt: str, *, tokens: bool = False) -> dict[str, str]:
    """The files of format `fmt`, by suffix: one for json, html and md; GraphML and
    node-link JSON for graph."""
    if fmt == "json":
        return {".json": render_json(article, tokens=tokens)}
    if fmt == "html":
        return {".html": render_html(article)}
    if fmt == "md":
        return {".md": render_markdown(article)}
    if fmt == "graph":
        return {".graphml": render_graphml(article), ".graph.json": render_graph_json(article)}
    raise ReportError(f"unknown report format {fmt!r}; choose from {', '.join(SUFFIXES)}")


def file_stem(ident: str) -> str:
    """A file name made from an article id: no path separators, no leading dots."""
    return _UNSAFE.sub("_", ident).strip("._")[:_STEM_CHARS] or "article"


def write_reports(
    article: Article, folder: Path, formats: tuple[str, ...], *, stem: str, tokens: bool = False
) -> list[Path]:
    """Write one file per format, `folder/stem.ext`; return their paths."""
    written = []
    for fmt in formats:
        for suffix, text in render_files(article, fmt, tokens=tokens).items():
            path = folder / f"{stem}{suffix}"
            try:
                path.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise ReportError(
                    f"{path}: the report could not be written: {exc.strerror}"
                ) from exc
            written.append(path)
    return written
