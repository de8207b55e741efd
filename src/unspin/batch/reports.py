"""Write the reports of a stream of analysed articles; record every failure, lose nothing.

Each article gets its files in the output folder (or a line in a JSONL file); each error is
logged to the caller and kept in `errors.jsonl` beside the reports, so a batch run that meets
a broken input finishes the rest and says what it could not read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from unspin.article import Article
from unspin.errors import InputError, ReportError, UnspinError
from unspin.report import file_stem, write_reports

ERRORS_FILE = "errors.jsonl"
PARTIAL_EXIT = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class Output:
    folder: Path | None
    formats: tuple[str, ...]
    jsonl: IO[str] | None = None
    tokens: bool = False


@dataclass(slots=True)
class RunSummary:
    analysed: int = 0
    written: list[Path] = field(default_factory=list)
    failed: list[UnspinError] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when all went well; the error's own code when every article failed the same way;
        3 when some articles were reported and others failed."""
        if not self.failed:
            return 0
        if self.analysed:
            return PARTIAL_EXIT
        kinds = {type(error) for error in self.failed}
        if len(kinds) == 1:
            return self.failed[0].exit_code
        return InputError.exit_code if all(isinstance(e, InputError) for e in self.failed) else 1


def write_all(
    items: Iterable[Article | UnspinError],
    output: Output,
    *,
    on_error: Callable[[UnspinError], None] = lambda error: None,
) -> RunSummary:
    summary = RunSummary()
    stems: set[str] = set()
    if output.folder is not None:
        (output.folder / ERRORS_FILE).unlink(missing_ok=True)  # a stale one would mislead
    with ExitStack() as stack:
        errors_file: IO[str] | None = None
        for item in items:
            if isinstance(item, Article):
                try:
                    summary.written += _write(item, output, stems)
                    summary.analysed += 1
                    continue
                except ReportError as error:
                    item = error
            summary.failed.append(item)
            on_error(item)
            if output.folder is not None:
                errors_file = errors_file or stack.enter_context(_open_errors(output.folder))
                errors_file.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    return summary


def _open_errors(folder: Path) -> IO[str]:
    return (folder / ERRORS_FILE).open("w", encoding="utf-8")


def _write(article: Article, output: Output, stems: set[str]) -> list[Path]:
    if output.jsonl is not None:
        output.jsonl.write(json.dumps(article.to_dict(tokens=output.tokens), ensure_ascii=False))
        output.jsonl.write("\n")
    if output.folder is None:
        return []
    stem = _free_stem(file_stem(article.meta.id), stems)
    return write_reports(article, output.folder, output.formats, stem=stem, tokens=output.tokens)


def _free_stem(stem: str, taken: set[str]) -> str:
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate)
    return candidate
