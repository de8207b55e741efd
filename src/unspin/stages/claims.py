"""The claims stage: sentences that state a fact worth checking, with a check-worthiness
score in 0-1 from the shipped CheckThat! model. `quote` links a claim to the quote it sits in
when the attribution stage ran before (null otherwise)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from unspin.article import Article, Span
from unspin.errors import UnspinError
from unspin.models import load_model, shipped
from unspin.models.claims import ClaimModel, load_claim_model
from unspin.options import Options
from unspin.pipeline import Stage

MODEL = "checkworthy-minilm"


@lru_cache(maxsize=2)
def claim_model_in(folder: Path) -> tuple[ClaimModel, str]:
    return load_model(folder, "check-worthiness", load_claim_model)


class ClaimsStage(Stage):
    name: ClassVar[str] = "claims"
    requires: ClassVar[frozenset[str]] = frozenset({"sentences"})
    provides: ClassVar[frozenset[str]] = frozenset({"claims"})

    def __init__(self, *, options: Options) -> None:
        folder = Path(options.claims_model) if options.claims_model else shipped(MODEL)
        self.model, label = claim_model_in(folder)
        self.source = f"model/{label}"

    def __call__(self, article: Article) -> Article:
        return self.pipe([article])[0]  # type: ignore[return-value]

    def pipe(self, articles: Sequence[Article]) -> list[Article | UnspinError]:
        sentences = [(a, s) for a in articles for s in a.groups["sentences"]]
        scores = self.model.scores([s.text_in(a.text) for a, s in sentences])
        for (article, sentence), score in zip(sentences, scores, strict=True):
            if score >= self.model.threshold:
                attrs = {
                    "checkworthiness": round(float(score), 4),
                    "quote": quote_of(article.groups["quotes"], sentence.start, sentence.end),
                    "source": self.source,
                }
                article.add("claims", Span(sentence.start, sentence.end, None, attrs))
        return list(articles)


def quote_of(quotes: Sequence[Span], start: int, end: int) -> int | None:
    """The index of the quote (speaker, cue and content) that holds most of the sentence
    [start, end), if one holds at least half of it."""
    best, best_share = None, 0.5
    for index, quote in enumerate(quotes):
        shared = min(end, quote.end) - max(start, quote.start)
        if shared / (end - start) >= best_share:
            best, best_share = index, shared / (end - start)
    return best
