"""Cost of one ingest batch's deduplication as the store grows: incremental update vs full rebuild.

Builds synthetic stores of 10k, 100k and 1M event mentions (200 states drawn with a skew towards a
few, 20 CAMEO codes, ten years, six mentions an article), then adds --batches consecutive batches of 16 articles (96 mentions) and times
``update_events`` (what ingest does now), then ``rebuild_events`` (what each batch did before) on the
same store, in one run, and checks both give the same table. Usage: python bench/dedup.py [--sizes 10000 100000 1000000] [--batches 5]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from pathlib import Path

from tightrope.store import Store
from tightrope.store.dedup import rebuild_events, update_events

PER_ARTICLE = 6
BATCH_ARTICLES = 16

_ARTICLES = """INSERT INTO articles (id, published, text, site, url)
SELECT 'a' || (i + ?), DATE '2015-01-01' + CAST((i * 7919) % 3650 AS INTEGER), 'text', 'site' || (i % 50),
       'http://example.org/' || (i + ?) FROM range(?) t(i)"""
_MENTIONS = f"""INSERT INTO event_mentions (id, article_id, sentence, sentence_start, sentence_end, source_country,
    target_country, cameo, cameo_name, goldstein, quad_class, modality, date, date_precision, topics)
SELECT 'm' || (j + ?), 'a' || (j // {PER_ARTICLE} + ?), 'sentence ' || j, 0, 10,
       'S' || least(hash(j) % 200, hash(j * 3 + 1) % 200), 'T' || least(hash(j * 5 + 2) % 200, hash(j * 7 + 3) % 200),
       '0' || CAST(40 + hash(j * 11 + 4) % 20 AS VARCHAR), 'code', 1.0, 1,
       CASE WHEN j % 9 = 0 THEN 'negated' ELSE 'asserted' END,
       DATE '2015-01-01' + CAST(((j // {PER_ARTICLE}) * 7919) % 3650 - (j % 3) AS INTEGER), 'day', ['economy']
FROM range(?) t(j)"""


def _add(con, first_article: int, articles: int) -> list[str]:
    con.execute(_ARTICLES, [first_article, first_article, articles])
    first = first_article * PER_ARTICLE
    con.execute(_MENTIONS, [first, 0, articles * PER_ARTICLE])
    return [f"m{j}" for j in range(first, first + articles * PER_ARTICLE)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--batches", type=int, default=5)
    args = parser.parse_args()
    print(f"# {platform.node()} {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "d.duckdb") as store:
            con = store.con
            articles = size // PER_ARTICLE
            _add(con, 0, articles)
            rebuild_events(con)
            update, rebuild = [], []
            for b in range(args.batches):  # consecutive batches, as an ingest writes them
                con.execute("BEGIN TRANSACTION")
                added = _add(con, articles + b * BATCH_ARTICLES, BATCH_ARTICLES)
                started = time.perf_counter()
                update_events(con, added)
                update.append(time.perf_counter() - started)
                con.execute("COMMIT")
            incremental = con.execute("SELECT * EXCLUDE (dedup_key) FROM events ORDER BY id").fetchall()
            for _ in range(2):  # what every batch used to cost; its result must be the same table
                started = time.perf_counter()
                con.execute("BEGIN TRANSACTION")
                rebuild_events(con)
                con.execute("COMMIT")
                rebuild.append(time.perf_counter() - started)
            assert con.execute("SELECT * EXCLUDE (dedup_key) FROM events ORDER BY id").fetchall() == incremental
            stored = con.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
            rows.append((stored, statistics.median(update), statistics.median(rebuild)))
            print(f"{stored:>9,} mentions: incremental {rows[-1][1] * 1000:7.1f} ms per batch, "
                  f"full rebuild {rows[-1][2] * 1000:8.1f} ms ({rows[-1][2] / rows[-1][1]:.0f}x)")
    if len(rows) > 1:
        print(f"incremental cost, largest / smallest store: {rows[-1][1] / rows[0][1]:.2f}x (target within 2x)")


if __name__ == "__main__":
    main()
