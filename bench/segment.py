"""Articles per second of unspin's ingest + language + segment against spaCy's own nlp.pipe.

    python bench/segment.py [--data ../shared/data/news/bbc_fulltext] [--limit 400] [--rounds 3]

Both sides run in this process on the same files, alternating, so machine noise hits both;
the figure that matters is the ratio (unspin time / spaCy time; the target is <= 1.2).
The spaCy side is a plain `spacy.load()` of the same English pipeline, given texts already
in memory; the unspin side reads the files from disk, detects encoding and language, and
builds paragraph, sentence and token spans.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from unspin import Article, Options, analyze_many
from unspin.nlp import choose_model

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bbc_fulltext"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=400, help="articles per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=Options().batch_size)
    return parser.parse_args()


def timed(run: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    count = run()
    return time.perf_counter() - start, count


def main() -> None:
    args = parse_args()
    paths = sorted(args.data.glob("*/*.txt"))[: args.limit]
    if not paths:
        raise SystemExit(f"no articles under {args.data}")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    options = Options(batch_size=args.batch_size, stages=("language", "segment"))
    model = choose_model(options.spacy_model)
    nlp = spacy.load(model)

    def spacy_alone() -> int:
        return sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size))

    def unspin() -> int:
        done = list(analyze_many(paths, options=options))
        assert all(isinstance(a, Article) for a in done), "an article failed"
        return len(done)

    spacy_alone(), unspin()  # warm both: models loaded, caches filled
    base, ours = [], []
    for _ in range(args.rounds):
        base.append(timed(spacy_alone)[0])
        ours.append(timed(unspin)[0])
    b, o = statistics.median(base), statistics.median(ours)
    n = len(paths)
    print(f"articles: {n} from {args.data} (model {model}, batch {args.batch_size})")
    print(f"spaCy nlp.pipe alone: {n / b:8.1f} articles/s  (median of {args.rounds} rounds)")
    print(f"unspin ingest+segment: {n / o:7.1f} articles/s")
    print(f"ratio unspin/spaCy time: {o / b:.3f}  (target <= 1.2)")


if __name__ == "__main__":
    main()
