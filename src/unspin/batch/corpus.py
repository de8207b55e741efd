"""`unspin corpus analyze`: every article of a store that has no report yet, through the local
pool, each result saved as it comes (report and findings in one transaction).

Idempotent and resumable: a run killed at any point leaves each article analysed or not, and
the next run takes the rest; an article that fails is kept in the errors table and the run
goes on (it is tried again only when asked).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from unspin.batch.pool import Rows, run_pool
from unspin.models import shipped_models
from unspin.options import Options
from unspin.store import Store


@dataclass(slots=True)
class CorpusSummary:
    analysed: int = 0
    skipped: int = 0  # already analysed, or failed before and not retried
    failed: int = 0


def analyze_store(
    store: Store,
    *,
    options: Options,
    workers: int = 1,
    chunk: int = 8,
    retry_failed: bool = False,
    progress: Callable[[int], None] = lambda done: None,
) -> CorpusSummary:
    """Analyse the store's pending articles; `progress(n)` after each saved chunk of n.
    Texts are read a chunk at a time, as the workers are ready for them."""
    ids = store.pending_ids(retry_failed=retry_failed)
    summary = CorpusSummary(skipped=store.count("articles") - len(ids))
    run = store.start_run(_settings(options, workers), shipped_models())
    idents: dict[int, str] = {}
    for results in run_pool(_chunks(store, ids, chunk, idents), workers=workers, options=options):
        for result in results:
            article_id = int(result["key"])
            if result["report"] is not None:
                store.save(article_id, run, json.loads(result["report"]))
                summary.analysed += 1
            else:
                source = idents.get(article_id, str(article_id))
                code, message = result["error_code"], result["error_message"]
                store.record_error(run, article_id, source, code, message)
                summary.failed += 1
        progress(len(results))
    store.finish_run(run)
    return summary


def _chunks(store: Store, ids: list[int], size: int, idents: dict[int, str]) -> Iterator[Rows]:
    for start in range(0, len(ids), size):
        pending = store.pending(ids[start : start + size])
        idents.update((p.id, p.ident) for p in pending)
        yield [{"key": str(p.id), "ident": p.ident, "text": p.text, **p.meta} for p in pending]


def _settings(options: Options, workers: int) -> dict[str, object]:
    return {"stages": list(options.stages), "workers": workers, "max_bytes": options.max_bytes}
