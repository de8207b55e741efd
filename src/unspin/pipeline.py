"""The pipeline: ingest, then an ordered list of named stages, each `Article -> Article`.

A stage declares what it `requires` and what it `provides` (names such as "text",
"sentences", "doc"). `Pipeline.build()` checks the order once, when the pipeline is made, and
a misordered or incomplete pipeline fails there with a sentence that says how to fix it.
`pipe()` runs a stream of articles in batches; an InputError in the stream, or an article
a stage fails on, passes through as an error item so the rest of a batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import ClassVar

from unspin.article import Article
from unspin.errors import PipelineError, UnspinError
from unspin.options import Options

log = logging.getLogger(__name__)

Item = Article | UnspinError
INGESTED = frozenset({"text", "meta"})


class Stage:
    """Base of every stage. Subclasses set the three class attributes and `__call__`."""

    name: ClassVar[str]
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset()
    version: ClassVar[str] = "1"

    def __call__(self, article: Article) -> Article:
        raise NotImplementedError

    def pipe(self, articles: Sequence[Article]) -> list[Article | UnspinError]:
        """Process a batch; stages with a faster batch path (spaCy's) override this."""
        return [self.guarded(article) for article in articles]

    def guarded(
        self, article: Article, run: Callable[[Article], Article] | None = None
    ) -> Article | UnspinError:
        """`run(article)` (the stage itself by default), with any failure turned into an
        error item that names the article and the stage."""
        try:
            return (run or self)(article)
        except UnspinError as error:
            return error
        except Exception as exc:
            log.exception("stage %s failed on article %s", self.name, article.meta.id)
            return PipelineError(f"{article.meta.id}: the {self.name} stage failed: {exc!r}")


class Pipeline:
    """An ordered, checked list of stages. Build it with `Pipeline.build(names, options=...)`."""

    def __init__(self, stages: Sequence[Stage], *, batch_size: int = 16) -> None:
        check_order(stages)
        self.stages = tuple(stages)
        self.batch_size = batch_size

    @classmethod
    def build(
        cls, names: Sequence[str] | None = None, *, options: Options | None = None
    ) -> Pipeline:
        from unspin.stages import create

        options = options or Options()
        names = tuple(names if names is not None else options.stages)
        return cls([create(name, options=options) for name in names], batch_size=options.batch_size)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    def __repr__(self) -> str:
        return f"Pipeline({' -> '.join(('ingest', *self.names))})"

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            article = stage(article)
            article.stages.append(stage.name)
        return article

    def pipe(self, items: Iterable[Item]) -> Iterator[Item]:
        """Run a stream of articles (and pass-through errors), batch by batch, in order."""
        iterator = iter(items)
        while batch := list(islice(iterator, self.batch_size)):
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Item]) -> list[Item]:
        for stage in self.stages:
            articles = [item for item in batch if isinstance(item, Article)]
            results = iter(stage.pipe(articles))
            batch = [_done(next(results), stage) if isinstance(i, Article) else i for i in batch]
        return batch


def _done(result: Item, stage: Stage) -> Item:
    if isinstance(result, Article):
        result.stages.append(stage.name)
    return result


def check_order(stages: Sequence[Stage]) -> None:
    """Raise PipelineError with a sentence when a stage needs what no earlier stage adds."""
    from unspin.stages import providers

    seen: list[str] = []
    available = set(INGESTED)
    for stage in stages:
        if stage.name in seen:
            raise PipelineError(f"the pipeline lists the {stage.name} stage twice")
        for need in sorted(stage.requires - available):
            raise PipelineError(
                _missing(stage.name, need, [s.name for s in stages], providers(need))
            )
        available |= stage.provides
        seen.append(stage.name)


def _missing(stage: str, need: str, order: list[str], makers: list[str]) -> str:
    if not makers:
        return f"the {stage} stage needs '{need}', which no stage provides"
    later = [m for m in makers if m in order]
    if later:
        return (
            f"the {stage} stage needs '{need}', which the {later[0]} stage provides, "
            f"but {later[0]} comes after {stage}; put {later[0]} first"
        )
    return (
        f"the {stage} stage needs '{need}', which the {makers[0]} stage provides; "
        f"add {makers[0]} before {stage}"
    )
