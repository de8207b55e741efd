"""What some stages add to the time of `unspin analyze`: the command run on the same articles
with and without them (`--stages`), each in a fresh process, rounds alternating so machine
noise hits both. The time is the whole command as a user runs it: start-up, model loading,
reading the files, analysis and writing the JSON and HTML reports.

    python bench/stages.py --add attribution,claims [--limit 200] [--rounds 2]

The base pipeline is the default one without the added stages. Printed: articles/s of each
side and the ratio of the full command's time to the base's.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "openwebtext_400"


def command_seconds(stages: list[str], folder: Path, out: Path) -> float:
    unspin = Path(sys.executable).parent / "unspin"
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        [str(unspin), "analyze", str(folder), "-o", str(out), "-q", "--stages", ",".join(stages)],
        check=True,
    )
    return time.perf_counter() - started


def main() -> None:
    from unspin.options import DEFAULT_STAGES

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--add", default="attribution,claims", help="Stages to measure.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    added = args.add.split(",")
    full = list(dict.fromkeys([*DEFAULT_STAGES, *added]))
    sides = {"base": [s for s in full if s not in added], "full": full}
    paths = sorted(args.data.rglob("*.txt"))[: args.limit]
    if not paths:
        raise SystemExit(f"no .txt articles under {args.data}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "articles"
        folder.mkdir()
        for path in paths:
            shutil.copy(path, folder / path.name)
        runs: dict[str, list[float]] = {name: [] for name in sides}
        for _ in range(args.rounds):
            for name, stages in sides.items():
                runs[name].append(command_seconds(stages, folder, Path(scratch) / name))
    print(f"articles: {len(paths)} from {args.data}, {args.rounds} rounds, `unspin analyze`")
    seconds = {name: statistics.median(times) for name, times in runs.items()}
    for name, stages in sides.items():
        rate = len(paths) / seconds[name]
        print(f"{name:<5} {','.join(stages):<52} {seconds[name]:7.1f} s  {rate:5.2f} articles/s")
    ratio = seconds["full"] / seconds["base"]
    print(f"ratio full/base time (adding {', '.join(added)}): {ratio:.2f}")


if __name__ == "__main__":
    main()
