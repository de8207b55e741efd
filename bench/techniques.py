"""Articles per second and peak memory of the techniques stage (the shipped ONNX tagger)
beside spaCy's small English pipeline on the same texts, each in its own process.

    python bench/techniques.py [--data ../shared/data/news/openwebtext_400] [--limit 200]

Both sides load their model, then time one pass over the same texts; rounds alternate so
machine noise hits both. Printed: articles/s, peak resident memory (MB), and the ratio of
the tagger's time to spaCy's.
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
    paths = sorted(p for p in folder.rglob("*.txt"))[:limit]
    if not paths:
        raise SystemExit(f"no .txt articles under {folder}")
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def side(name: str, folder: Path, limit: int, batch: int) -> dict[str, float]:
    """One measured pass in this process: the caller runs it in a fresh process."""
    corpus = texts(folder, limit)
    if name == "spacy":
        import spacy

        from unspin.nlp import choose_model

        nlp = spacy.load(choose_model(None))
        nlp("warm up.")
        start = time.perf_counter()
        for _ in nlp.pipe(corpus, batch_size=batch):
            pass
    else:
        from unspin.article import Article
        from unspin.options import Options
        from unspin.stages.techniques import TechniquesStage

        stage = TechniquesStage(options=Options())
        stage(Article("Warm up the model."))
        start = time.perf_counter()
        for offset in range(0, len(corpus), batch):
            stage.pipe([Article(t) for t in corpus[offset : offset + batch]])
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "articles": len(corpus), "peak_mb": peak_mb}


def measure(name: str, args: argparse.Namespace) -> dict[str, float]:
    command = [
        sys.executable,
        __file__,
        "--side",
        name,
        "--data",
        str(args.data),
        "--limit",
        str(args.limit),
        "--batch-size",
        str(args.batch_size),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--side", choices=["spacy", "techniques"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        print(json.dumps(side(args.side, args.data, args.limit, args.batch_size)))
        return
    runs: dict[str, list[dict[str, float]]] = {"spacy": [], "techniques": []}
    for _ in range(args.rounds):
        for name in runs:
            runs[name].append(measure(name, args))
    n = runs["spacy"][0]["articles"]
    print(f"articles: {int(n)} from {args.data}, batch {args.batch_size}, {args.rounds} rounds")
    seconds = {}
    for name, results in runs.items():
        seconds[name] = statistics.median(r["seconds"] for r in results)
        peak = max(r["peak_mb"] for r in results)
        print(f"{name:<11} {n / seconds[name]:7.2f} articles/s   peak memory {peak:7.0f} MB")
    print(f"ratio techniques/spaCy time: {seconds['techniques'] / seconds['spacy']:.2f}")


if __name__ == "__main__":
    main()
