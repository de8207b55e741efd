"""Corpus engines against a plain loop, in one run: articles per second and peak memory of
`corpus analyze` with 1 and 2 workers and of `batch run --engine ray` (local mode), each as a
ratio of the time of a plain single-process loop over the same pipeline and articles. Each
side runs in a fresh process (its peak RSS includes its worker processes).

    python bench/corpus.py [--limit 80] [--stages language,segment,...]

Then the store: insert rate and query latency on a store of synthetic report rows.

    python bench/corpus.py store [--rows 100000]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bbc_fulltext"
SIDES = ("loop", "pool1", "pool1x1", "pool2", "ray2")  # pool1x1: one model thread


def side(name: str, folder: Path, scratch: Path, stages: str) -> dict[str, float]:
    """Run one side in its own process; its wall time and peak RSS (with its children).
    A side ending in x1 gives each model session one thread (UNSPIN_THREADS=1); the pool
    with 2 workers on 2 cores does that by itself."""
    import os

    env = {**os.environ, "UNSPIN_THREADS": "1"} if name.endswith("x1") else dict(os.environ)
    started = time.perf_counter()
    process = subprocess.run(
        [sys.executable, __file__, "_side", name, str(folder), str(scratch), stages],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    seconds = time.perf_counter() - started
    return {"seconds": seconds, **json.loads(process.stdout.strip().splitlines()[-1])}


def run_side(name: str, folder: Path, scratch: Path, stages: str) -> None:
    from unspin.options import Options

    options = Options(stages=tuple(stages.split(",")))
    if name == "loop":
        _loop(folder, options)
    elif name.startswith("pool"):
        _pool(folder, scratch / name, options, workers=int(name[4]))
    else:
        _ray(folder, scratch / name, options, workers=int(name[-1]))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"peak_mb": round((own + children) / 1024, 1)}))


def _loop(folder: Path, options: object) -> None:
    """The baseline: ingest and the pipeline, one article after another, nothing stored."""
    from unspin.pipeline import Pipeline
    from unspin.stages.ingest import load

    pipeline = Pipeline.build(options=options)  # type: ignore[arg-type]
    for article in load([folder], options=options):  # type: ignore[arg-type]
        pipeline(article)  # type: ignore[arg-type]


def _pool(folder: Path, scratch: Path, options: object, *, workers: int) -> None:
    from unspin.batch.corpus import analyze_store
    from unspin.stages.ingest import load
    from unspin.store import Store

    with Store.create(scratch / "corpus.db") as store:
        store.add(load([folder], options=options))  # type: ignore[arg-type]
        analyze_store(store, options=options, workers=workers)  # type: ignore[arg-type]


def _ray(folder: Path, scratch: Path, options: object, *, workers: int) -> None:
    import json as json_module

    from unspin.batch.run import run_batch

    source = scratch / "in.jsonl"
    scratch.mkdir(parents=True, exist_ok=True)
    with source.open("w", encoding="utf-8") as out:
        for path in sorted(folder.glob("*.txt")):
            record = {"id": path.stem, "text": path.read_text(encoding="utf-8", errors="replace")}
            out.write(json_module.dumps(record) + "\n")
    run_batch([source], scratch / "out", engine="ray", workers=workers, options=options)  # type: ignore[arg-type]


def engines(args: argparse.Namespace) -> None:
    paths = sorted(args.data.rglob("*.txt"))[: args.limit]
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        folder = scratch / "articles"
        folder.mkdir()
        for path in paths:
            (folder / f"{path.parent.name}-{path.name}").write_bytes(path.read_bytes())
        results = {name: side(name, folder, scratch, args.stages) for name in SIDES}
    base = results["loop"]["seconds"]
    print(f"articles: {len(paths)} from {args.data}; stages {args.stages}")
    for name, found in results.items():
        rate = len(paths) / found["seconds"]
        print(
            f"{name:<6} {found['seconds']:7.1f} s  {rate:5.2f} articles/s  "
            f"peak {found['peak_mb']:7.1f} MB  time/loop {found['seconds'] / base:4.2f}"
        )
    same_threads = results["pool1x1"]["seconds"] / results["pool2"]["seconds"]
    every_core = results["pool1"]["seconds"] / results["pool2"]["seconds"]
    print(f"pool speed-up, 2 workers over 1, one model thread per worker: {same_threads:.2f}x")
    print(f"pool speed-up, 2 workers over 1 worker whose models use every core: {every_core:.2f}x")
    ray_ratio = results["ray2"]["seconds"] / results["pool2"]["seconds"]
    print(f"ray (2 actors) time / pool (2 workers) time: {ray_ratio:.2f}")


def store_bench(args: argparse.Namespace) -> None:
    from unspin.store import Store
    from unspin.store.queries import actor_labels, search, techniques_by_outlet, top_claims

    with (
        tempfile.TemporaryDirectory() as scratch,
        Store.create(Path(scratch) / "bench.db") as store,
    ):
        articles = max(1, args.rows // 20)  # about 20 finding rows per report
        run = store.start_run({}, {})
        _fill(store, articles)
        started = time.perf_counter()
        for article in range(1, articles + 1):
            store.save(article, run, _report(article))
        seconds = time.perf_counter() - started
        rows = sum(
            v for k, v in store.counts().items() if k not in ("articles", "reports", "errors")
        )
        print(
            f"store: {articles} reports, {rows} finding rows in {seconds:.1f} s: "
            f"{rows / seconds:,.0f} rows/s, {articles / seconds:,.0f} reports/s"
        )
        queries = {
            "search": lambda: search(store, "minister accused outfit", limit=10),
            "techniques by outlet, month": lambda: techniques_by_outlet(store),
            "labels of an actor by outlet": lambda: actor_labels(store, "Renewal Front"),
            "top claims": lambda: top_claims(store, limit=20),
        }
        for name, ask in queries.items():
            times = []
            for _ in range(5):
                began = time.perf_counter()
                ask()
                times.append(time.perf_counter() - began)
            print(f"  {name:<30} median {statistics.median(times) * 1000:8.1f} ms")


def _fill(store: object, articles: int) -> None:
    from unspin.article import Article, Meta

    outlets = [f"outlet{k}" for k in range(20)]
    items = (
        Article(
            f"Article {n}. Minister {n % 97} accused the Renewal Front of plotting. "
            f"The shadowy outfit denied it. Figure {n * 7919 % 10007} was reported.",
            meta=Meta(id=f"a{n}", outlet=outlets[n % 20], published=f"2026-{n % 12 + 1:02d}-01"),
        )
        for n in range(1, articles + 1)
    )
    store.add(items)  # type: ignore[attr-defined]


def _report(n: int) -> dict[str, object]:
    span = {"start": 0, "end": 5, "text": "Artic"}
    techniques = [
        {**span, "technique": t, "confidence": 0.8}
        for t in ("Loaded_Language", "Doubt", "Flag-Waving", "Repetition")
    ]
    entity = {
        "id": "e1",
        "name": "Renewal Front",
        "type": "organization",
        "aliases": ["RF", "the Front"],
        "mentions": [span],
        "labels": [{**span, "label": "description"}] * 3,
    }
    claims = [{**span, "checkworthiness": 0.9, "quote": None}] * 3
    quote = {
        **span,
        "kind": "indirect",
        "speaker": None,
        "cue": None,
        "content": span,
        "stance": "assert",
        "source_type": "unattributed",
    }
    accusation = {
        **span,
        "accuser": "e1",
        "accused": "e1",
        "cue": span,
        "allegation": span,
        "denials": [],
    }
    return {
        "techniques": techniques,
        "entities": [entity, {**entity, "id": "e2", "name": f"Minister {n % 97}"}],
        "quotes": [quote] * 2,
        "claims": claims,
        "accusations": [accusation],
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_side":
        run_side(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", nargs="?", choices=["engines", "store"], default="engines")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=80)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--stages", default="language,segment,entities,techniques,attribution,claims,accusations"
    )
    args = parser.parse_args()
    (store_bench if args.what == "store" else engines)(args)


if __name__ == "__main__":
    main()
