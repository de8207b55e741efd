"""Paragraph boundaries, and a spaCy component that starts a sentence at each paragraph.

A text with blank lines is split at the blank lines (lines inside a paragraph may be
hard-wrapped); a text without any takes each line as a paragraph, as trafilatura writes
pages and as many article files are saved. The component also starts a sentence on the line
after an embedded post's signature ("— Ana Silva (@asilva) August 13, 2018"), and never at
a lower-case word that goes on from a word of its own line ("CNN sues President Trump");
the parser places the other sentence boundaries.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language

COMPONENT = "unspin_paragraph_breaks"
USER_DATA_KEY = "unspin_paragraphs"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")
_LINE_BREAK = re.compile(r"\n")
_WHITESPACE = re.compile(r"\s")
_SIGNED = re.compile(r"\(@\w+\)[^\S\n]+[A-Z][a-z]+\.? \d{1,2}, \d{4}[^\S\n]*\n[^\S\n]*(?=\S)")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, without its surrounding whitespace."""
    separator = _BLANK_LINES if _BLANK_LINE.search(text) else _LINE_BREAK
    spans: list[tuple[int, int]] = []
    position = 0
    for match in separator.finditer(text):
        _append_stripped(spans, text, position, match.start())
        position = match.end()
    _append_stripped(spans, text, position, len(text))
    return spans


def _append_stripped(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        left = start + (len(piece) - len(piece.lstrip()))
        spans.append((left, left + len(stripped)))


@Language.component(COMPONENT)
def paragraph_breaks(doc: Any) -> Any:
    """Mark the first token of every paragraph as a sentence start, and of every line after
    an embedded post's signature ("— Jan Novak (@jnovak) August 13, 2018"); keep the
    paragraphs."""
    text = doc.text  # joined from the tokens on each call: read once
    spans = paragraph_spans(text)
    starts = {start for start, _ in spans} | {m.end() for m in _SIGNED.finditer(text)}
    for token in doc:
        if token.idx in starts and token.i > 0:
            token.is_sent_start = True
        elif _goes_on(token):
            token.is_sent_start = False
    doc.user_data[USER_DATA_KEY] = spans
    return doc


def _goes_on(token: Any) -> bool:
    """Whether a word cannot start a sentence: a lower-case word after a word of the same
    line that ends none ("CNN sues President Trump": one sentence)."""
    if token.i == 0 or not token.text[:1].islower():
        return False
    before = token.doc[token.i - 1]
    return bool(
        not before.is_space and "\n" not in before.whitespace_ and before.text[-1:].isalnum()
    )


def chunks(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters whose concatenation is `text`, cut at paragraphs,
    else at whitespace, else anywhere."""
    pieces: list[str] = []
    position = 0
    starts = [s for s, _ in paragraph_spans(text)]
    while len(text) - position > limit:
        cut = _cut(text, position, limit, starts)
        pieces.append(text[position:cut])
        position = cut
    pieces.append(text[position:])
    return pieces


def _cut(text: str, position: int, limit: int, starts: list[int]) -> int:
    window_end = position + limit
    paragraph_cuts = [s for s in starts if position < s <= window_end]
    if paragraph_cuts:
        return paragraph_cuts[-1]
    spaces = [m.end() for m in _WHITESPACE.finditer(text, position, window_end)]
    return spaces[-1] if spaces and spaces[-1] > position else window_end
