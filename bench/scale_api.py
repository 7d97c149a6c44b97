"""API latency on a synthetic store of about a million events, and while a batch is ingested.

Builds a store of --mentions event mentions (200 three-letter country codes drawn with a skew
towards a few, 20 CAMEO codes, ten years, six mentions an article, a relation statement and a quote
for every tenth mention), starts a real `tightrope serve` over it on 127.0.0.1 (with a write token),
and measures p50 / p99 of `/api/events?limit=100`, `/api/dyads` (asked again, and asked anew each
time, which the server's cache cannot answer) and `/api/dyads/A/B` for the busiest pair from --concurrency client threads; then measures the same GETs again while another
client posts batches of articles to `/api/batches` (the server's one writer).
Usage: python bench/scale_api.py [--mentions 1000000] [--requests 300] [--concurrency 4]
"""

from __future__ import annotations

import argparse
import os
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

from tightrope.store import Store
from tightrope.store.dedup import rebuild_events

PER_ARTICLE = 6
_CODE = "chr(65 + CAST({h} % 200 // 26 AS INTEGER)) || chr(65 + CAST({h} % 200 % 26 AS INTEGER)) || 'X'"
_SKEWED = "least(hash({a}) % 200, hash({b}) % 200)"


def _country(a: str, b: str) -> str:
    return _CODE.format(h=_SKEWED.format(a=a, b=b))


def build(path: Path, mentions: int) -> None:
    """Fill a store with synthetic rows (SQL, no NLP) and build its events."""
    articles = mentions // PER_ARTICLE
    with Store(path) as store:
        con = store.con
        con.execute("""INSERT INTO articles (id, title, published, text, site, url)
                       SELECT 'a' || i, 'Article ' || i, DATE '2015-01-01' + CAST((i * 7919) % 3650 AS INTEGER),
                              'text of article ' || i, 'site' || (i % 50), 'http://example.org/' || i
                       FROM range(?) t(i)""", [articles])
        con.execute(f"""INSERT INTO event_mentions (id, article_id, sentence, sentence_start, sentence_end, trigger,
                            trigger_start, trigger_end, source_name, source_country, source_code, target_name,
                            target_country, target_code, cameo, cameo_name, goldstein, quad_class, modality, date,
                            date_precision, topics, confidence)
                        SELECT 'm' || j, 'a' || (j // {PER_ARTICLE}), 'Sentence number ' || j || ' of the article.', 0,
                               30, 'met', 0, 3, 'Source', {_country('j', 'j * 3 + 1')}, NULL, 'Target',
                               {_country('j * 5 + 2', 'j * 7 + 3')}, NULL,
                               '0' || CAST(40 + hash(j * 11 + 4) % 20 AS VARCHAR), 'code', 1.0 + (j % 7) - 3,
                               1 + CAST(j % 4 AS INTEGER), CASE WHEN j % 9 = 0 THEN 'negated' ELSE 'asserted' END,
                               DATE '2015-01-01' + CAST(((j // {PER_ARTICLE}) * 7919) % 3650 AS INTEGER), 'day',
                               ['economy'], 0.8
                        FROM range(?) t(j)""", [mentions])
        con.execute("UPDATE event_mentions SET source_code = source_country, target_code = target_country")
        con.execute(f"""INSERT INTO relation_mentions
                        SELECT 'r' || j, 'a' || (j // {PER_ARTICLE}), least(s, t), greatest(s, t),
                               CASE WHEN j % 3 = 0 THEN 'divergence' ELSE 'convergence' END, 'economy', NULL, 0, 30,
                               'Sentence number ' || j, 0, 30, 'cue', false,
                               DATE '2015-01-01' + CAST(((j // {PER_ARTICLE}) * 7919) % 3650 AS INTEGER)
                        FROM (SELECT j, {_country('j', 'j * 3 + 1')} AS s, {_country('j * 5 + 2', 'j * 7 + 3')} AS t
                              FROM range(0, ?, 10) r(j)) WHERE s <> t""", [mentions])
        con.execute(f"""INSERT INTO quotes
                        SELECT 'q' || j, 'a' || (j // {PER_ARTICLE}), 'We will cooperate on trade ' || j, 0, 30,
                               'direct', 'x' || j, 'Speaker', {_country('j', 'j * 3 + 1')}
                        FROM range(0, ?, 10) r(j)""", [mentions])
        con.execute("BEGIN TRANSACTION")
        rebuild_events(con)
        con.execute("COMMIT")
        con.execute("CHECKPOINT")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _measure(base: str, paths: list[str], requests: int, concurrency: int) -> dict[str, list[float]]:
    took: dict[str, list[float]] = {p: [] for p in paths}
    lock = threading.Lock()
    work = iter(range(requests * len(paths)))

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            for i in work:
                path = paths[i % len(paths)]
                started = time.perf_counter()
                response = client.get(path.format(i=i // len(paths) + 1))
                elapsed = time.perf_counter() - started
                assert response.status_code == 200, (path, response.text[:200])
                with lock:
                    took[path].append(elapsed)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return took


def _report(title: str, took: dict[str, list[float]]) -> None:
    print(title)
    for path, values in took.items():
        values = sorted(values)
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        print(f"  {path:<28} n={len(values):<5} p50 {statistics.median(values) * 1000:7.1f} ms"
              f"   p99 {p99 * 1000:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per endpoint")
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    print(f"# {platform.node()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "scale.duckdb"
        started = time.perf_counter()
        build(db, args.mentions)
        with Store(db, read_only=True) as store:
            events, = store.con.execute("SELECT count(*) FROM events").fetchone()
            a, b = store.con.execute("""SELECT source_country, target_country FROM events
                                        WHERE source_country <> target_country GROUP BY 1, 2
                                        ORDER BY count(*) DESC LIMIT 1""").fetchone()
        print(f"store: {args.mentions:,} mentions, {events:,} events, built in {time.perf_counter() - started:.0f} s;"
              f" busiest pair {a}-{b}")
        port, token = _free_port(), "bench-token"
        env = {**os.environ, "TIGHTROPE_API_TOKEN": token}
        server = subprocess.Popen([sys.executable, "-m", "tightrope.cli", "serve", "--db", str(db), "--port", str(port)],
                                  env=env, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    httpx.get(base + "/api/health", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            # The network's answers are kept until the next save: a new min_events each time is a
            # question not asked before (the answer the first request after a save gets).
            paths = ["/api/events?limit=100", "/api/dyads", "/api/dyads?min_events={i}", f"/api/dyads/{a}/{b}"]
            _measure(base, paths, 5, 1)  # warm the caches
            _report(f"idle server, {args.concurrency} client threads:", _measure(base, paths, args.requests,
                                                                                 args.concurrency))
            examples = Path(__file__).resolve().parent.parent / "examples" / "lavrov_delhi_2021.txt"
            text = examples.read_text(encoding="utf-8")
            done = threading.Event()

            def writer() -> None:
                with httpx.Client(base_url=base, timeout=600,
                                  headers={"Authorization": f"Bearer {token}"}) as client:
                    n = 0
                    while not done.is_set():
                        batch = [{"text": text + f"\n\nEdition {n}-{i}.", "title": f"Edition {n}-{i}",
                                  "published": "2021-04-07"} for i in range(4)]
                        client.post("/api/batches", json=batch).raise_for_status()
                        n += 1

            thread = threading.Thread(target=writer)
            thread.start()
            try:
                _report("while a client posts batches of 4 articles to /api/batches:",
                        _measure(base, paths, args.requests // 2, args.concurrency))
            finally:
                done.set()
                thread.join()
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
