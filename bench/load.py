"""A bounded load test of `POST /api/analyze`, loopback only: starts `unspin serve` on
127.0.0.1, times single analyses one after another (the baseline), then runs N concurrent
clients for a fixed time (or a fixed number of requests) and prints throughput, p50/p95
latency, the error count and p95 as a multiple of the single analysis' time.

    python bench/load.py [--clients 4] [--seconds 60] [--max-requests 2000] [--workers 2]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

EXAMPLE = (
    Path(__file__).resolve().parents[1] / "src" / "unspin" / "examples" / "valdoria-crackdown.txt"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_ready(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server stopped while starting")
        try:
            if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit("the server did not start in time")


def post(client: httpx.Client, base: str, text: str) -> tuple[float, bool]:
    started = time.perf_counter()
    try:
        ok = client.post(base + "/api/analyze", json={"text": text}, timeout=300).status_code == 200
    except httpx.HTTPError:
        ok = False
    return time.perf_counter() - started, ok


def single(base: str, text: str, rounds: int) -> float:
    with httpx.Client() as client:
        post(client, base, text)  # warm both workers' caches
        post(client, base, text)
        return statistics.median(post(client, base, text)[0] for _ in range(rounds))


def load(
    base: str, text: str, *, clients: int, seconds: float, cap: int
) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client_loop() -> None:
        nonlocal errors
        with httpx.Client() as client:
            while time.monotonic() < stop:
                with lock:
                    if len(latencies) + errors >= cap:
                        return
                took, ok = post(client, base, text)
                with lock:
                    latencies.append(took) if ok else None
                    errors += 0 if ok else 1

    began = time.perf_counter()
    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--single-rounds", type=int, default=5)
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    unspin = Path(sys.executable).parent / "unspin"
    server = subprocess.Popen(
        [
            str(unspin),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ],
    )
    try:
        wait_ready(base, server)
        text = EXAMPLE.read_text(encoding="utf-8")
        alone = single(base, text, args.single_rounds)
        latencies, errors, took = load(
            base, text, clients=args.clients, seconds=args.seconds, cap=args.max_requests
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    done = len(latencies)
    p50 = statistics.median(latencies) if latencies else float("nan")
    p95 = (
        statistics.quantiles(latencies, n=20)[18]
        if len(latencies) >= 20
        else max(latencies, default=float("nan"))
    )
    print(f"single analysis (median of {args.single_rounds}): {alone:.3f} s")
    rate = done / took
    print(f"{args.clients} clients for {took:.1f} s: {done} done, {errors} errors, {rate:.2f}/s")
    print(f"latency p50 {p50:.3f} s, p95 {p95:.3f} s; p95 / single analysis {p95 / alone:.2f}")


if __name__ == "__main__":
    main()
