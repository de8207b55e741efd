"""The attribution stage: who said what. Reported statements with their speaker (resolved to
the name the article introduced), cue, content, kind, stance and source type, from the
shipped PolNeAR tagger and the rules in this package:

    model spans -> statements.group -> quotemarks (kind) -> speakers (who) -> stance (cues.json)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from unspin.article import Article, Span
from unspin.models import load_model, shipped
from unspin.models.attribution import RoleFound, RoleTagger, load_role_tagger
from unspin.options import Options
from unspin.rules import cues
from unspin.stages.attribution.quotemarks import Quoted, quoted_passages
from unspin.stages.attribution.speakers import UNATTRIBUTED, Resolved, Speakers
from unspin.stages.attribution.stance import cue_lemma, stance
from unspin.stages.attribution.statements import Sentences, Statement, group
from unspin.stages.tagging import TaggerStage, Tagging

MODEL = "polnear-minilm"


@lru_cache(maxsize=2)
def role_tagger_in(folder: Path) -> tuple[RoleTagger, str]:
    """The tagger of a model folder (loaded once per process) and its name-version."""
    return load_model(folder, "attribution", load_role_tagger)


class AttributionStage(TaggerStage[RoleFound]):
    name: ClassVar[str] = "attribution"
    requires: ClassVar[frozenset[str]] = frozenset({"sentences", "doc"})
    provides: ClassVar[frozenset[str]] = frozenset({"quotes"})

    def __init__(self, *, options: Options, tagger: Tagging[RoleFound] | None = None) -> None:
        """The shipped tagger (or the one `options` names); tests may pass their own."""
        if tagger is None:
            folder = (
                Path(options.attribution_model) if options.attribution_model else shipped(MODEL)
            )
            loaded, label = role_tagger_in(folder)
            self.tagger = loaded
            self.source = f"model/{label}"
        else:
            self.tagger, self.source = tagger, "given"

    def fill(self, article: Article, found: list[RoleFound]) -> Article:
        doc = article.cache["doc"]
        statements, quoted = self.statements(article, found)
        speakers = Speakers(doc, cues())
        done: list[tuple[Statement, Resolved, Span | None]] = []
        for statement in statements:
            if statement.continues is not None:
                earlier = next(d for d in done if d[0] is statement.continues)
                resolved, speaker = earlier[1], earlier[2]
            elif (governing := _governing(doc, statement, done)) is not None:
                resolved, speaker = governing[1], governing[2]
            else:
                speaker = _speaker_span(statement)
                resolved = (
                    speakers.resolve(
                        speaker.start, speaker.end, quoted_speaker=_quoting(speaker, done)
                    )
                    if speaker
                    else Resolved(None, UNATTRIBUTED)
                )
            done.append((statement, resolved, speaker))
            article.add("quotes", self._quote(article, doc, statement, resolved, speaker, quoted))
        return article

    @staticmethod
    def statements(
        article: Article, found: list[RoleFound]
    ) -> tuple[list[Statement], list[Quoted]]:
        """The statements the role spans of a segmented article make, and its quotations."""
        paragraphs = [(p.start, p.end) for p in article.groups["paragraphs"]]
        quoted = quoted_passages(article.text, paragraphs)
        sentences = Sentences([(s.start, s.end) for s in article.groups["sentences"]], paragraphs)
        return group(found, sentences, quoted, article.text), quoted

    def _quote(
        self,
        article: Article,
        doc: Any,
        statement: Statement,
        resolved: Resolved,
        speaker: Span | None,
        quoted: list[Quoted],
    ) -> Span:
        text = article.text
        start, end = statement.content_range
        cue = statement.cue
        if cue is not None:
            lemma, head = cue_lemma(doc, text, cue.start, cue.end)
            leaning = stance(cues(), lemma, head, text[cue.start : cue.end], text[start:end])
            cue_span: Span | None = Span(cue.start, cue.end, None, {"lemma": lemma})
        else:
            cue_span, leaning = None, "assert"
        speaker_attr = (
            Span(
                speaker.start,
                speaker.end,
                None,
                {"entity": _entity_id(article, speaker, resolved), "name": resolved.name},
            )
            if speaker
            else None
        )
        attrs = {
            "speaker": speaker_attr,
            "cue": cue_span,
            "content": Span(start, end),
            "stance": leaning,
            "source_type": resolved.source_type,
            "confidence": round(statement.confidence, 4),
            "source": self.source,
        }
        if statement.continues is not None:
            attrs["continues"] = True
        kind = quote_kind(text, (start, end), quoted, statement)
        return Span(statement.start, statement.end, kind, attrs)


def _speaker_span(statement: Statement) -> Span | None:
    """The source nearest the cue (a statement may have several source pieces)."""
    if not statement.sources:
        return None
    cue = statement.cue
    anchor = cue.start if cue else statement.start
    nearest = min(statement.sources, key=lambda s: min(abs(s.start - anchor), abs(s.end - anchor)))
    return Span(nearest.start, nearest.end)


def _governing(
    doc: Any, statement: Statement, done: list[tuple[Statement, Resolved, Span | None]]
) -> tuple[Statement, Resolved, Span | None] | None:
    """For a statement with a cue but no source, whose cue hangs on the cue of an earlier
    statement ("The group denied the claims, calling them lies"): that statement."""
    cue = statement.cue
    if statement.sources or cue is None:
        return None
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ not in ("advcl", "conj", "xcomp"):
        return None
    verb = span.root.head
    for earlier in reversed(done):
        other = earlier[0].cue
        if earlier[2] is not None and other and other.start <= verb.idx < other.end:
            return earlier
    return None


def _quoting(speaker: Span, done: list[tuple[Statement, Resolved, Span | None]]) -> Resolved | None:
    """The speaker of the earlier statement whose content holds this speaker span ("we")."""
    for statement, resolved, _ in reversed(done):
        start, end = statement.content_range
        if start <= speaker.start and speaker.end <= end:
            return resolved
    return None


def _entity_id(article: Article, speaker: Span, resolved: Resolved) -> str | None:
    """The actor of the entities stage this speaker is, when that stage has run."""
    for entity in article.entities:
        if any(m.start < speaker.end and speaker.start < m.end for m in entity.mentions):
            return entity.id
    for entity in article.entities:
        if resolved.name and (resolved.name == entity.name or resolved.name in entity.aliases):
            return entity.id
    return None


def quote_kind(
    text: str, content: tuple[int, int], quoted: list[Quoted], statement: Statement
) -> str:
    """direct: the content's words are all inside quotation marks (a cue inside it, as in
    `"The plan," he said, "is dead."`, does not count); mixed: some are; indirect: none."""
    start, end = content
    inside = [q for q in quoted if q.start < end and start < q.end]
    if not inside:
        return "indirect"
    own = [(p.start, p.end) for p in statement.parts if p.role != "Content"]
    outside = [
        i
        for i in range(start, end)
        if text[i].isalnum()
        and not any(q.start <= i < q.end for q in inside)
        and not any(a <= i < b for a, b in own)
    ]
    return "mixed" if outside else "direct"
