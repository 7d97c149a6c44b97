"""Load test of GET /api/events on loopback: p50/p99 latency, bounded in requests and time.

Starts `tightrope serve` on 127.0.0.1 over a fresh store of the example articles, sends at most
--requests requests from --concurrency threads (stopping after --seconds whatever happens), and
prints latency percentiles. Usage: python bench/load_events.py [--requests 2000] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [{}, {"actor": "RUS"}, {"cameo": "04"}, {"modality": "asserted", "limit": 10}, {"target": "IND"}]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        subprocess.run([sys.executable, "-m", "tightrope.cli", "ingest", str(ROOT / "examples"), "--db", str(db)],
                       check=True, capture_output=True)
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "tightrope.cli", "serve", "--db", str(db), "--port", str(port)],
                                  stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/api/events"
        try:
            for _ in range(100):
                try:
                    httpx.get(url, timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            latencies: list[float] = []
            errors = 0
            lock = threading.Lock()
            sent = iter(range(args.requests))
            deadline = time.monotonic() + args.seconds

            def worker() -> None:
                nonlocal errors
                with httpx.Client(timeout=10) as client:
                    for i in sent:
                        if time.monotonic() > deadline:
                            return
                        start = time.perf_counter()
                        response = client.get(url, params=QUERIES[i % len(QUERIES)])
                        took = time.perf_counter() - start
                        with lock:
                            latencies.append(took)
                            errors += response.status_code != 200

            started = time.perf_counter()
            threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=10)

    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    print(f"machine: {platform.node()} · {platform.processor() or platform.machine()} · Python {platform.python_version()}")
    print(f"GET /api/events: {len(latencies)} requests, {args.concurrency} threads, {wall:.1f} s, "
          f"{len(latencies) / wall:.0f} req/s, {errors} errors")
    print(f"latency p50 {p50:.1f} ms, p99 {p99:.1f} ms")


if __name__ == "__main__":
    main()
