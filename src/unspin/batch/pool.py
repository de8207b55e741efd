"""The local engine: the batch core in a pool of worker processes on this machine, each
loading the models once; with one worker, in this process. Results come in input order;
only a few chunks are in flight at a time, so a long input is read as the workers need it.

Workers share the cores: each model session gets cores / workers threads (UNSPIN_THREADS).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from unspin.batch.core import Analyser, table_of
from unspin.models import THREADS_VARIABLE
from unspin.options import Options

Rows = list[dict[str, Any]]
_analyser: Analyser | None = None


def _start(options: Options, threads: int) -> None:
    global _analyser
    os.environ[THREADS_VARIABLE] = str(threads)
    _analyser = Analyser(options)


def _work(rows: Rows) -> Rows:
    assert _analyser is not None, "the worker was not started"
    result: Rows = _analyser(table_of(rows)).to_pylist()
    return result


def run_pool(chunks: Iterable[Rows], *, workers: int, options: Options) -> Iterator[Rows]:
    """The results of each chunk of input rows, as the workers finish them (any order)."""
    if workers <= 1:
        analyser = Analyser(options)
        for rows in chunks:
            yield analyser(table_of(rows)).to_pylist()
        return
    threads = max(1, (os.cpu_count() or 1) // workers)
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_start, initargs=(options, threads)) as pool:
        waiting: deque[Any] = deque()
        for rows in chunks:  # at most two chunks a worker in flight: input is read as needed
            waiting.append(pool.apply_async(_work, (rows,)))
            if len(waiting) >= 2 * workers:
                yield waiting.popleft().get()
        while waiting:
            yield waiting.popleft().get()
