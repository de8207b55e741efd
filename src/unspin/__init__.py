"""unspin shows how a news article argues, with the evidence span for every finding.

>>> import unspin
>>> article = unspin.analyze("Officials said the plan was reckless.")
>>> article.to_dict()["sentences"]
[{'start': 0, 'end': 37}]
"""

from unspin.analyze import analyze, analyze_many
from unspin.article import Article, Entity, Meta, Notice, Span
from unspin.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputNotFoundError,
    InputTooLargeError,
    MalformedRecordError,
    ModelError,
    NoArticleTextError,
    PipelineError,
    ReportError,
    StoreError,
    UnspinError,
)
from unspin.options import Options
from unspin.pipeline import Pipeline, Stage

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BinaryInputError",
    "DecodeError",
    "EmptyInputError",
    "Entity",
    "InputError",
    "InputNotFoundError",
    "InputTooLargeError",
    "MalformedRecordError",
    "Meta",
    "ModelError",
    "NoArticleTextError",
    "Notice",
    "Options",
    "Pipeline",
    "PipelineError",
    "ReportError",
    "Span",
    "Stage",
    "StoreError",
    "UnspinError",
    "__version__",
    "analyze",
    "analyze_many",
]
