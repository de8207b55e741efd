"""What some stages add to the time of `unspin analyze`: the pipeline with and without them on
the same articles, each side in a fresh process, rounds alternating so machine noise hits
both.

    python bench/stages.py --add attribution,claims [--limit 200] [--rounds 2]

The base pipeline is the default one without the added stages. Printed: articles/s and peak
memory of each side, and the ratio of the full pipeline's time to the base's.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "openwebtext_400"


def texts(folder: Path, limit: int) -> list[str]:
    paths = sorted(folder.rglob("*.txt"))[:limit]
    if not paths:
        raise SystemExit(f"no .txt articles under {folder}")
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def side(stages: list[str], folder: Path, limit: int, batch: int) -> dict[str, float]:
    """One measured pass in this process (the caller runs it in a fresh process)."""
    from unspin.article import Article
    from unspin.options import Options
    from unspin.pipeline import Pipeline

    corpus = texts(folder, limit)
    pipeline = Pipeline.build(stages, options=Options(batch_size=batch))
    list(pipeline.pipe([Article("Warm up the models, he said.")]))
    start = time.perf_counter()
    failed = sum(
        not isinstance(item, Article) for item in pipeline.pipe(Article(t) for t in corpus)
    )
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "articles": len(corpus), "failed": failed, "peak_mb": peak_mb}


def measure(stages: list[str], args: argparse.Namespace) -> dict[str, float]:
    command = [sys.executable, __file__, "--side", ",".join(stages), "--data", str(args.data)]
    command += ["--limit", str(args.limit), "--batch-size", str(args.batch_size)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    from unspin.options import DEFAULT_STAGES

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--add", default="attribution,claims", help="Stages to measure.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--side", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        result = side(args.side.split(","), args.data, args.limit, args.batch_size)
        print(json.dumps(result))
        return
    added = args.add.split(",")
    full = list(dict.fromkeys([*DEFAULT_STAGES, *added]))
    base = [s for s in full if s not in added]
    runs: dict[str, list[dict[str, float]]] = {"base": [], "full": []}
    for _ in range(args.rounds):
        runs["base"].append(measure(base, args))
        runs["full"].append(measure(full, args))
    n = runs["base"][0]["articles"]
    print(f"articles: {int(n)} from {args.data}, batch {args.batch_size}, {args.rounds} rounds")
    seconds = {}
    for name, stages in (("base", base), ("full", full)):
        seconds[name] = statistics.median(r["seconds"] for r in runs[name])
        peak = max(r["peak_mb"] for r in runs[name])
        failed = max(r["failed"] for r in runs[name])
        print(
            f"{name:<5} {' -> '.join(stages):<60} {n / seconds[name]:6.2f} articles/s"
            f"   peak {peak:5.0f} MB   failed {failed:.0f}"
        )
    print(
        f"ratio full/base time (adding {', '.join(added)}): {seconds['full'] / seconds['base']:.2f}"
    )


if __name__ == "__main__":
    main()
