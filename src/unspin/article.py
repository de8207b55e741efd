"""The data model: an Article owns its text once; every finding is a Span into that text.

Spans live in named groups (paragraphs, sentences, techniques, quotes, ...) and may overlap.
A Span carries its offsets, an optional label (the technique, the quote kind) and attributes;
an attribute may itself be a Span (a quote's speaker, cue and content) or a list of Spans.
Entities are actors with mentions and labels, which are Spans too.

`Article.to_dict()` gives the report contract `unspin/1`; `Article.from_dict()` reads it back
without loss and checks that every span's text is the text it points at.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from unspin.errors import ReportError

SCHEMA = "unspin/1"


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets `[start, end)` into an article's text, with a label and attributes."""

    start: int
    end: int
    label: str | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not all(type(x) is int for x in (self.start, self.end)):
            raise ValueError(f"span offsets must be integers, got {self.start!r}, {self.end!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"span [{self.start}, {self.end}) is empty or negative")

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def nested(self) -> Iterator[Span]:
        """The spans among this span's attributes, at any depth."""
        for value in self.attrs.values():
            yield from _spans_in(value)


def _spans_in(value: Any) -> Iterator[Span]:
    if isinstance(value, Span):
        yield value
        yield from value.nested()
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _spans_in(item)


@dataclass(frozen=True, slots=True)
class GroupSpec:
    """How a group of spans is written in the report."""

    label_key: str | None = None
    with_text: bool = True


GROUPS: dict[str, GroupSpec] = {
    "paragraphs": GroupSpec(with_text=False),
    "sentences": GroupSpec(with_text=False),
    "tokens": GroupSpec(with_text=False),
    "techniques": GroupSpec(label_key="technique"),
    "quotes": GroupSpec(label_key="kind"),
    "claims": GroupSpec(),
    "accusations": GroupSpec(),
}


@dataclass(slots=True)
class Entity:
    """An actor: one canonical name, its aliases, every mention and the labels pinned on it."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    labels: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Meta:
    """What is known about an article besides its text. `source` says where it was read from."""

    id: str = "article"
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    language: str | None = None
    source: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning about an article: analysed, but with a caveat the reader should see."""

    code: str
    message: str


class Article:
    """One news article: its text, fixed at creation, and the findings that point into it."""

    __slots__ = ("_cache", "_text", "entities", "groups", "meta", "stages", "summary", "warnings")

    def __init__(self, text: str, *, meta: Meta | None = None) -> None:
        if not isinstance(text, str):
            raise TypeError(f"an article's text must be str, not {type(text).__name__}")
        self._text = text
        self.meta = meta or Meta()
        self.groups: dict[str, list[Span]] = {name: [] for name in GROUPS}
        self.entities: list[Entity] = []
        self.summary: dict[str, Any] = {}
        self.warnings: list[Notice] = []
        self.stages: list[str] = []
        self._cache: dict[str, Any] = {}

    @property
    def text(self) -> str:
        return self._text

    @property
    def cache(self) -> dict[str, Any]:
        """Run-time objects stages share (a parsed document); never serialised."""
        return self._cache

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={len(v)}" for k, v in self.groups.items() if v)
        return f"<Article {self.meta.id!r} {len(self._text)} chars {counts}>"

    def add(self, group: str, span: Span) -> Span:
        """Add a finding to a group after checking that it, and every span inside it, fits."""
        if group not in self.groups:
            raise KeyError(f"unknown span group {group!r}; known: {', '.join(self.groups)}")
        for inner in (span, *span.nested()):
            self._check(inner)
        self.groups[group].append(span)
        return span

    def add_entity(self, entity: Entity) -> Entity:
        for span in (*entity.mentions, *entity.labels):
            self._check(span)
        self.entities.append(entity)
        return entity

    def warn(self, code: str, message: str) -> None:
        self.warnings.append(Notice(code, message))

    def _check(self, span: Span) -> None:
        if span.end > len(self._text):
            raise ValueError(
                f"span [{span.start}, {span.end}) runs past the end of article "
                f"{self.meta.id!r} ({len(self._text)} characters)"
            )

    def all_spans(self) -> Iterator[Span]:
        """Every span of every group and entity, nested ones included."""
        for spans in self.groups.values():
            for span in spans:
                yield span
                yield from span.nested()
        for entity in self.entities:
            yield from entity.mentions
            yield from entity.labels

    def to_dict(self, *, tokens: bool = False) -> dict[str, Any]:
        from unspin.serialize import article_to_dict

        return article_to_dict(self, tokens=tokens)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        from unspin.serialize import article_from_dict

        try:
            return article_from_dict(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise ReportError(f"not an {SCHEMA} report: {exc}") from exc


def technique_counts(article: Article) -> dict[str, int]:
    return dict(Counter(span.label or "" for span in article.groups["techniques"]))


SOURCE_TYPES = ("named_person", "named_organization", "anonymous", "unattributed")


def source_counts(article: Article) -> dict[str, Any]:
    """How many statements come from each type of source, and the share of the article's
    check-worthy claims that sit in an attributed statement (None when it has no claims)."""
    quotes = article.groups["quotes"]
    counts: dict[str, Any] = {kind: 0 for kind in SOURCE_TYPES}
    for quote in quotes:
        counts[quote.attrs["source_type"]] += 1
    claims = article.groups["claims"]
    attributed = sum(
        1
        for claim in claims
        if claim.attrs.get("quote") is not None
        and quotes[claim.attrs["quote"]].attrs["source_type"] != "unattributed"
    )
    counts["statements"] = len(quotes)
    counts["claims"] = len(claims)
    counts["claims_attributed"] = attributed
    counts["attributed_share"] = round(attributed / len(claims), 4) if claims else None
    return counts
