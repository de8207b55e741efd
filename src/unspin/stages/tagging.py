"""What the stages that run a window tagger over whole articles share (techniques,
attribution): a batch of articles tagged at once, a long article piece by piece so the
encoder's states never pile up, and one failing article never sinking its batch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Generic, Protocol, TypeVar

from unspin.article import Article
from unspin.errors import UnspinError
from unspin.pipeline import Stage
from unspin.stages.paragraphs import chunks

PIECE_CHARS = 20_000  # longer texts are tagged in paragraph-aligned pieces of this size

Found = TypeVar("Found")


class Tagging(Protocol[Found]):
    def tag(self, texts: Sequence[str]) -> list[list[Found]]: ...


class TaggerStage(Stage, Generic[Found]):
    """Subclasses set `tagger` and write `fill`: the article with the tagger's spans in it.
    A found span is a dataclass with `start` and `end` character offsets."""

    tagger: Tagging[Found]

    def fill(self, article: Article, found: list[Found]) -> Article:
        raise NotImplementedError

    def __call__(self, article: Article) -> Article:
        return self.fill(article, self.find(article.text))

    def pipe(self, articles: Sequence[Article]) -> list[Article | UnspinError]:
        short = [a for a in articles if len(a.text) <= PIECE_CHARS]
        try:
            tagged = dict(
                zip(map(id, short), self.tagger.tag([a.text for a in short]), strict=True)
            )
        except Exception:  # one bad text must not sink the batch: go one by one
            return super().pipe(articles)
        return [self._fill_guarded(a, tagged.get(id(a))) for a in articles]

    def _fill_guarded(self, article: Article, found: list[Found] | None) -> Article | UnspinError:
        if found is None:  # a long article: tagged on its own, piece by piece
            return self.guarded(article)
        return self.guarded(article, lambda a: self.fill(a, found))

    def find(self, text: str) -> list[Found]:
        """The spans of a text, piece by piece when it is long."""
        found: list[Found] = []
        offset = 0
        for piece in chunks(text, PIECE_CHARS):
            found += [_shifted(f, offset) for f in self.tagger.tag([piece])[0]]
            offset += len(piece)
        return found


def _shifted(found: Any, offset: int) -> Any:
    return replace(found, start=found.start + offset, end=found.end + offset) if offset else found
