"""The language stage: which language the article is in; a warning when it is not English.

unspin's models are English ones. Other languages are still analysed as far as they go
(segmentation works for most Latin-script text), and the report says so.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, ClassVar

from unspin.article import Article
from unspin.options import Options
from unspin.pipeline import Stage

SAMPLE_CHARS = 5000
MIN_LETTERS = 40
MIN_PROBABILITY = 0.9
UNDETERMINED = "und"


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability), or ("und", 0.0) for text too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    code, probability = _identifier().classify(sample)
    return str(code), float(probability)


class LanguageStage(Stage):
    name: ClassVar[str] = "language"
    provides: ClassVar[frozenset[str]] = frozenset({"language"})

    def __init__(self, *, options: Options) -> None:
        self.options = options

    def __call__(self, article: Article) -> Article:
        code, probability = identify(article.text)
        if code not in ("en", UNDETERMINED) and probability < MIN_PROBABILITY:
            code = UNDETERMINED
        article.meta.language = code
        if code not in ("en", UNDETERMINED):
            article.warn(
                "language",
                f"the article appears to be in language '{code}' (p={probability:.2f}); "
                "unspin's models are for English, so findings may be missing or wrong",
            )
        return article
