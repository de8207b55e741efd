"""Quoted passages in a text, found from its quotation marks as a reader finds them.

Straight and curly double quotes, low-9 and guillemets are paired by where they stand (an
opening mark is followed by a word and preceded by a space, a closing one the other way
round), so that a curly mark typed the wrong way round still pairs. Quotes may run over
paragraphs (the convention of leaving a paragraph open and starting the next with an opening
mark is followed). Single quotes count as a quotation only outside a double-quoted passage
(nested quotes stay inside their passage) and when they pair within a paragraph, so
apostrophes never open one. Unbalanced marks never fail: an unclosed quotation ends with its
paragraph and a stray closing mark starts its passage at its paragraph's start, each marked
`balanced=False`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

DOUBLE_OPEN = frozenset("\u201c\u201e\u00ab")
DOUBLE_CLOSE = frozenset("\u201d\u00bb")
DOUBLE_EITHER = frozenset('"')
SINGLE_OPEN = frozenset("\u2018\u201a\u2039")
SINGLE_CLOSE = frozenset("\u2019\u203a")
SINGLE_EITHER = frozenset("'")


@dataclass(frozen=True, slots=True)
class Quoted:
    start: int  # the opening mark (or where an unbalanced passage is taken to begin)
    end: int  # just past the closing mark (or the paragraph's end)
    balanced: bool = True

    def inner(self, text: str) -> tuple[int, int]:
        """The passage without its marks and surrounding space."""
        start, end = self.start, self.end
        while start < end and (text[start].isspace() or _is_mark(text[start])):
            start += 1
        while end > start and (text[end - 1].isspace() or _is_mark(text[end - 1])):
            end -= 1
        return start, end


def _is_mark(char: str) -> bool:
    return char in DOUBLE_OPEN | DOUBLE_CLOSE | DOUBLE_EITHER | SINGLE_OPEN | SINGLE_CLOSE | (
        SINGLE_EITHER
    )


def quoted_passages(text: str, paragraphs: list[tuple[int, int]]) -> list[Quoted]:
    """The outermost quoted passages of `text`, in order, never overlapping."""
    paragraphs = paragraphs or [(0, len(text))]
    doubles = _pair(text, paragraphs, DOUBLE_OPEN, DOUBLE_CLOSE, DOUBLE_EITHER, across=True)
    singles = [
        q
        for q in _pair(text, paragraphs, SINGLE_OPEN, SINGLE_CLOSE, SINGLE_EITHER, across=False)
        if q.balanced and not any(d.start < q.end and q.start < d.end for d in doubles)
    ]
    return sorted(doubles + singles, key=lambda q: q.start)


def _pair(
    text: str,
    paragraphs: list[tuple[int, int]],
    openers: frozenset[str],
    closers: frozenset[str],
    either: frozenset[str],
    *,
    across: bool,
) -> list[Quoted]:
    starts = [s for s, _ in paragraphs]
    found: list[Quoted] = []
    open_at: int | None = None
    open_para = -1
    marks = [
        (i, role)
        for i, c in enumerate(text)
        if c in openers or c in closers or c in either
        for role in [_role(text, i, openers, closers, single=not across)]
        if role is not None
    ]
    for n, (i, role) in enumerate(marks):
        para = max(0, bisect_right(starts, i) - 1)
        if role == "either":  # a straight mark between spaces: it toggles
            role = "close" if open_at is not None and para == open_para else "open"
        if open_at is not None and para != open_para:
            # the paragraph ended with the quote open: a continuation if this paragraph opens
            # with a quote mark, else the quote was never closed
            continues = role == "open" and i == paragraphs[para][0]
            if continues and para == open_para + 1:
                open_para = para
                continue
            found.append(Quoted(open_at, paragraphs[open_para][1], balanced=False))
            open_at = None
        if role == "open":
            if open_at is not None:  # a second opening mark: the first was never closed
                found.append(Quoted(open_at, _trim_end(text, open_at, i), balanced=False))
            open_at, open_para = i, para
        elif open_at is not None:
            if not across and _possessive(text, i) and _closes_later(marks, n, paragraphs[para]):
                continue  # workers' homes,' : the later mark closes
            found.append(Quoted(open_at, i + 1))
            open_at = None
        elif across:  # a closing mark with nothing open: quoted from its paragraph's start
            begin = max(paragraphs[para][0], found[-1].end if found else 0)
            if begin < i:
                found.append(Quoted(begin, i + 1, balanced=False))
    if open_at is not None:
        found.append(Quoted(open_at, paragraphs[open_para][1], balanced=False))
    return [q for q in found if q.end > q.start + 1]


def _possessive(text: str, i: int) -> bool:
    """A mark after a plural noun and before a word: workers' homes."""
    return (
        0 < i < len(text) - 2
        and text[i - 1] in "sS"
        and text[i + 1] == " "
        and (text[i + 2].isalpha())
    )


def _closes_later(marks: list[tuple[int, str]], n: int, paragraph: tuple[int, int]) -> bool:
    """Another closing mark follows in the paragraph before any opening one."""
    for i, role in marks[n + 1 :]:
        if i >= paragraph[1] or role == "open":
            return False
        if role == "close":
            return True
    return False


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _role(
    text: str, i: int, openers: frozenset[str], closers: frozenset[str], *, single: bool
) -> str | None:
    """ "open", "close", "either" (a straight mark between spaces), or None (not a quotation
    mark here: an apostrophe). A mark opens when a word follows it and no word precedes it,
    closes the other way round; otherwise its glyph says which it is."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if single and ((before.isalnum() and after.isalnum()) or after.isdigit()):
        return None  # don't, O'Brien, rock'n'roll, the '90s
    left_flank = not before.isalnum() and (after.isalnum() or _is_mark(after))
    right_flank = not before.isspace() and not after.isalnum()
    if left_flank and not right_flank:
        return "open"
    if right_flank and not left_flank:
        return "close"
    if text[i] in openers:
        return "open"
    if text[i] in closers:
        return "close"
    return "either"
