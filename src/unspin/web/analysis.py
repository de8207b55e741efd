"""Running analyses for the web layer without blocking it: a pool of worker processes, each
holding the pipeline (models loaded once), the cores shared between them; each analysis has
a time limit (the answer is 504 when it runs over; the worker finishes it and moves on).

`Inline` runs a plain function in a thread instead, for tests and for embedding.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from unspin.article import Article
from unspin.errors import UnspinError
from unspin.models import THREADS_VARIABLE
from unspin.options import Options
from unspin.web.errors import WebError

_pipeline: Any = None


@dataclass(frozen=True, slots=True)
class Source:
    """What a user sent: pasted text, a saved page, or an uploaded file's bytes."""

    kind: str  # text | html | file
    content: str | bytes
    name: str


def read(source: Source, max_bytes: int) -> Article:
    from unspin.stages.ingest import (
        article_from_bytes,
        article_from_html,
        article_from_text,
        check_size,
    )

    if source.kind == "text":
        return article_from_text(str(source.content), ident=source.name, max_bytes=max_bytes)
    if source.kind == "html":
        return article_from_html(str(source.content), ident=source.name, max_bytes=max_bytes)
    data = source.content if isinstance(source.content, bytes) else source.content.encode()
    check_size(source.name, len(data), max_bytes)
    return article_from_bytes(data, source=source.name, ident=source.name.rsplit(".", 1)[0])


def _start(options: Options, threads: int) -> None:
    global _pipeline
    from unspin.pipeline import Pipeline

    os.environ[THREADS_VARIABLE] = str(threads)
    _pipeline = Pipeline.build(options=options)


def _analyse(source: Source, max_bytes: int) -> dict[str, Any]:
    """In a worker: the report, or the error as the web layer shows it."""
    try:
        return {"report": _pipeline(read(source, max_bytes)).to_dict()}
    except UnspinError as error:
        return {"error": error.to_dict(), "status": error.http_status}


class Analyses:
    """The worker pool; `await analyses(source)` gives a report (dict) or raises."""

    def __init__(
        self,
        *,
        options: Options,
        workers: int,
        timeout: float,
        function: Callable[[Source, int], dict[str, Any]] | None = None,
    ) -> None:
        self.options, self.timeout = options, timeout
        self.executor: Executor
        if function is not None:
            self.function = function
            self.executor = ThreadPoolExecutor(max_workers=workers)
        else:
            threads = max(1, (os.cpu_count() or 1) // workers)
            self.function = _analyse
            self.executor = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start,
                initargs=(options, threads),
            )

    async def __call__(self, source: Source) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        job = loop.run_in_executor(self.executor, self.function, source, self.options.max_bytes)
        try:
            result = await asyncio.wait_for(job, self.timeout)
        except TimeoutError as exc:
            raise WebError(
                504,
                "analysis_timeout",
                f"the analysis took longer than {self.timeout:g} s",
                seconds=self.timeout,
            ) from exc
        if "error" in result:
            error = result["error"]
            raise WebError(result["status"], error["code"], error["message"], **error["detail"])
        report: dict[str, Any] = result["report"]
        return report

    def close(self) -> None:
        """Stop the workers now, even one busy with an analysis past its time."""
        workers = dict(getattr(self.executor, "_processes", None) or {})  # none for threads
        self.executor.shutdown(wait=False, cancel_futures=True)
        for worker in workers.values():
            if worker.is_alive():
                worker.terminate()
