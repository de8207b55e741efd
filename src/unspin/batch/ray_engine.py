"""The distributed engine: Ray Data over the batch core. An actor pool (`concurrency=`) holds
one `Analyser` per actor, so the models load once per worker, on CPUs or GPUs alike.

Pitfalls this adapter avoids (seen with Ray 2.60):
- `read_parquet` may pack many files into one block, so nothing runs in parallel: the input
  is repartitioned into at least twice as many blocks as there are actors;
- an actor pool that takes every CPU of a small node starves the read and write tasks:
  actors ask for a fraction of a CPU (`cpus_per_actor`);
- `ray.init` writes a session token into the home folder; a driver joining a cluster needs
  it (see the README, "Running on a cluster").
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa

from unspin.batch.core import Analyser
from unspin.models import THREADS_VARIABLE
from unspin.options import Options

BATCH_ROWS = 8


class RayAnalyser:
    """The callable class Ray's actors run: one Analyser per actor."""

    def __init__(self, options: Options) -> None:
        self.analyser = Analyser(options)

    def __call__(self, batch: pa.Table) -> pa.Table:
        return self.analyser(batch)


def run_ray(
    table: pa.Table,
    output: Path,
    *,
    workers: int,
    options: Options,
    address: str | None = None,
    cpus_per_actor: float | None = None,
) -> None:
    """Analyse `table` with `workers` actors; write the results as Parquet files into
    `output`. Local Ray when `address` is None."""
    import ray

    cores = os.cpu_count() or 1
    share = (
        cpus_per_actor if cpus_per_actor is not None else min(1.0, max(0.25, (cores - 1) / workers))
    )
    threads = str(max(1, int(cores // workers)))
    if not ray.is_initialized():
        ray.init(
            address=address,
            include_dashboard=False,
            log_to_driver=False,
            runtime_env={"env_vars": {THREADS_VARIABLE: threads}},
        )
    dataset = ray.data.from_arrow(table).repartition(max(workers * 2, 2))
    analysed = dataset.map_batches(
        RayAnalyser,
        fn_constructor_kwargs={"options": options},
        concurrency=workers,
        num_cpus=share,
        batch_size=BATCH_ROWS,
        batch_format="pyarrow",
    )
    analysed.write_parquet(str(output))
