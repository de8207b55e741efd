"""The segment stage: paragraphs, sentences and tokens with offsets, from spaCy.

The parsed spaCy Doc is kept in `article.cache["doc"]` for later stages (entities, quotes),
so the article is parsed once. Texts longer than `CHUNK_CHARS` are parsed in paragraph-aligned
pieces and joined, which keeps spaCy's memory bounded on very long inputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from spacy.tokens import Doc

from unspin import nlp as nlp_loader
from unspin.article import Article, Span
from unspin.errors import PipelineError, UnspinError
from unspin.options import Options
from unspin.pipeline import Stage
from unspin.stages.paragraphs import USER_DATA_KEY, chunks, paragraph_spans

CHUNK_CHARS = 100_000
_FINAL = {".", "!", "?", "…", "?!", "!!", "..."}


class SegmentStage(Stage):
    name: ClassVar[str] = "segment"
    provides: ClassVar[frozenset[str]] = frozenset({"paragraphs", "sentences", "tokens", "doc"})

    def __init__(self, *, options: Options) -> None:
        self.nlp = nlp_loader.load(options.spacy_model)
        self.model = nlp_loader.model_label(self.nlp)
        self.batch_size = options.batch_size

    def __call__(self, article: Article) -> Article:
        return fill(article, self.parse(article.text))

    def pipe(self, articles: Sequence[Article]) -> list[Article | UnspinError]:
        short = [a for a in articles if len(a.text) <= CHUNK_CHARS]
        try:
            docs = iter(self.nlp.pipe((a.text for a in short), batch_size=self.batch_size))
            parsed = {id(a): next(docs) for a in short}
        except Exception:  # one bad text must not sink the batch: go one by one
            return super().pipe(articles)
        return [self._fill_guarded(a, parsed.get(id(a))) for a in articles]

    def _fill_guarded(self, article: Article, doc: Doc | None) -> Article | UnspinError:
        if doc is None:
            return self.guarded(article)
        try:
            return fill(article, doc)
        except ValueError as exc:
            return PipelineError(f"{article.meta.id}: the segment stage failed: {exc}")

    def parse(self, text: str) -> Doc:
        if len(text) <= CHUNK_CHARS:
            doc: Doc = self.nlp(text)
            return doc
        docs = [self.nlp(piece) for piece in chunks(text, CHUNK_CHARS)]
        for piece in docs:
            del piece.user_data[USER_DATA_KEY]  # per-piece offsets; set for the whole below
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        doc.user_data[USER_DATA_KEY] = paragraph_spans(text)
        return doc


def fill(article: Article, doc: Doc) -> Article:
    """Add the paragraphs, sentences and tokens of a parsed text to its article."""
    if doc.text != article.text:
        raise ValueError(f"the parse of article {article.meta.id!r} does not match its text")
    groups = article.groups
    groups["paragraphs"] = [Span(s, e) for s, e in doc.user_data[USER_DATA_KEY]]
    groups["sentences"], groups["tokens"] = _sentences_and_tokens(doc)
    article.cache["doc"] = doc
    return article


def _sentences_and_tokens(doc: Doc) -> tuple[list[Span], list[Span]]:
    sentences: list[Span] = []
    tokens: list[Span] = []
    start: int | None = None
    end = 0
    split_next = False  # a closing quote was kept with the sentence before: cut after it
    for token in doc:
        boundary = bool(token.is_sent_start) or (split_next and not token.is_space)
        if boundary and start is not None:
            if _closes_previous(token):
                split_next = token.doc[token.i - 1].text in _FINAL
            else:
                sentences.append(Span(start, end))
                start, split_next = None, False
        if token.is_space:
            continue
        if start is None:
            start = token.idx
        end = token.idx + len(token)
        tokens.append(Span(token.idx, end, None, _token_attrs(token)))
    if start is not None:
        sentences.append(Span(start, end))
    return sentences, tokens


def _closes_previous(token: Any) -> bool:
    """A closing quote or bracket glued to the previous token ends that sentence rather than
    starting one (the small English parser often splits `criminals."` before the quote)."""
    previous = token.doc[token.i - 1] if token.i > 0 else None
    glued = previous is not None and not previous.is_space and not previous.whitespace_
    return bool(glued and token.is_punct and (token.is_quote or token.is_right_punct))


def _token_attrs(token: Any) -> dict[str, str]:
    return {"lemma": token.lemma_, "pos": token.pos_, "tag": token.tag_}
