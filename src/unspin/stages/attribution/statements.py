"""Reported statements from role spans: each cue gathers the source and the content that
belong to it.

The tagger finds Source, Cue and Content spans; which belong together is decided here, by
position, as PolNeAR links them: a source joins the nearest cue of its sentence, a content
joins the nearest cue of its sentence, or of the neighbouring sentence of its paragraph when
its own has none (a quote that runs on after "he said."). A quotation with no cue near it,
which continues the quote of the paragraph before, is that speaker's statement too; any
other lone content is left out, as a statement is known by its cue.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from unspin.models.attribution import RoleFound
from unspin.stages.attribution.quotemarks import Quoted

CONTINUATION_MIN_WORDS = 4  # a cue-less quotation shorter than this is a scare quote


@dataclass(slots=True)
class Statement:
    cue: RoleFound | None
    sources: list[RoleFound] = field(default_factory=list)
    contents: list[RoleFound] = field(default_factory=list)
    continues: Statement | None = None  # the statement whose quotation this one carries on

    @property
    def start(self) -> int:
        return min(p.start for p in self.parts)

    @property
    def end(self) -> int:
        return max(p.end for p in self.parts)

    @property
    def parts(self) -> list[RoleFound]:
        return [*self.sources, *([self.cue] if self.cue else []), *self.contents]

    @property
    def content_range(self) -> tuple[int, int]:
        return min(c.start for c in self.contents), max(c.end for c in self.contents)

    @property
    def confidence(self) -> float:
        return sum(p.confidence for p in self.parts) / len(self.parts)


class Sentences:
    """Which sentence a character offset falls in, and which paragraph a sentence is in."""

    def __init__(self, spans: list[tuple[int, int]], paragraphs: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans] or [0]
        breaks = [s for s, _ in paragraphs]
        self.paragraph = [max(0, bisect_right(breaks, s) - 1) for s in self.starts]

    def of(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def paragraph_of(self, offset: int) -> int:
        return self.paragraph[self.of(offset)]

    def same_paragraph(self, sentence: int, *others: int) -> bool:
        return any(self.paragraph[sentence] == self.paragraph[o] for o in others)


def group(
    found: list[RoleFound], sentences: Sentences, quoted: list[Quoted], text: str
) -> list[Statement]:
    """Statements with a cue and a content, in text order, and quote continuations."""
    cues = [f for f in found if f.role == "Cue"]
    statements = {id(c): Statement(c) for c in cues}
    orphans: list[RoleFound] = []
    for span in found:
        if span.role == "Cue":
            continue
        cue = _nearest_cue(span, cues, sentences, reach=0 if span.role == "Source" else 1)
        if cue is not None:
            target = statements[id(cue)]
            (target.sources if span.role == "Source" else target.contents).append(span)
        elif span.role == "Content":
            orphans.append(span)
    done = [s for s in statements.values() if s.contents]
    done += _continuations(orphans, done, quoted, sentences, text)
    return sorted(done, key=lambda s: (s.start, -s.end))


def _nearest_cue(
    span: RoleFound, cues: list[RoleFound], sentences: Sentences, *, reach: int
) -> RoleFound | None:
    """The closest cue in the span's sentence; failing that, within `reach` sentences."""
    home = sentences.of(span.start), sentences.of(max(span.start, span.end - 1))
    best: tuple[int, int, RoleFound] | None = None
    for cue in cues:
        if span.role == "Content" and span.start <= cue.start and cue.end <= span.end:
            continue  # a cue inside a quotation is the quoted speaker's, not its own
        where = sentences.of(cue.start)
        apart = 0 if home[0] <= where <= home[1] else min(abs(where - h) for h in home)
        if apart > reach or not sentences.same_paragraph(where, *home):
            continue
        gap = max(cue.start - span.end, span.start - cue.end, 0)
        key = (apart, gap)
        if best is None or key < best[:2]:
            best = (*key, cue)
    return best[2] if best else None


def _continuations(
    orphans: list[RoleFound],
    statements: list[Statement],
    quoted: list[Quoted],
    sentences: Sentences,
    text: str,
) -> list[Statement]:
    """Lone contents that are whole quotations in the paragraph after a quoted statement (or
    after such a continuation): that statement's speaker's, however many paragraphs run on."""
    found: list[Statement] = []
    for span in sorted(orphans, key=lambda s: s.start):
        passage = next((q for q in quoted if q.start <= span.start < q.end), None)
        if passage is None or len(text[span.start : span.end].split()) < CONTINUATION_MIN_WORDS:
            continue
        before = [s for s in (*statements, *found) if s.end <= span.start]
        if not before:
            continue
        previous = max(before, key=lambda s: s.end)
        start, end = previous.content_range
        was_quoted = any(q.start < end and start < q.end for q in quoted)
        apart = sentences.paragraph_of(span.start) - sentences.paragraph_of(previous.end - 1)
        if was_quoted and apart <= 1:
            found.append(Statement(None, contents=[span], continues=previous))
    return found
