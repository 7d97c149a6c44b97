"""Cost of writing analysed articles into the store: multi-row INSERTs (what `Store.save` does) vs
one `executemany` row at a time (what it did before), side by side on the same analysed articles.

Analyses --articles texts of the Wikinews corpus once, then saves them in batches of 16 into fresh
stores, each way, --repeat times. Usage: python bench/store_write.py [--articles 64] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from pathlib import Path

from tightrope import Pipeline
from tightrope.store import Store
from tightrope.store.db import _rows_of
from tightrope.store.dedup import update_events

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def _texts(limit: int) -> list[dict]:
    found = []
    for path in sorted(CORPUS.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if len((record.get("text") or "").split()) >= 80:
                found.append(record)
            if len(found) >= limit:
                return found
    return found


def _row_by_row(store: Store, docs) -> None:
    con = store.con
    con.execute("BEGIN TRANSACTION")
    added = []
    for doc in docs:
        for table, rows in _rows_of(doc).items():
            marks = ", ".join("?" * len(rows[0]))
            con.executemany(f"INSERT {'OR IGNORE ' if table == 'issues' else ''}INTO {table} VALUES ({marks})", rows)
        added += [e.id for e in doc.events]
    update_events(con, added)
    con.execute("COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pipeline = Pipeline()
    records = _texts(args.articles)
    docs = [pipeline.analyze_text(r["text"], title=r.get("title")) for r in records]
    rows = sum(len(v) for d in docs for v in _rows_of(d).values())
    print(f"# {platform.node()} {platform.machine()}, Python {platform.python_version()}; {len(docs)} articles, "
          f"{rows} rows")
    timings: dict[str, list[float]] = {"multi-row INSERT (Store.save)": [], "executemany, row by row": []}
    for _ in range(args.repeat):
        for name, write in (("multi-row INSERT (Store.save)", lambda s, b: s.save(b)),
                            ("executemany, row by row", _row_by_row)):
            with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "w.duckdb") as store:
                started = time.perf_counter()
                for i in range(0, len(docs), 16):
                    write(store, docs[i:i + 16])
                timings[name].append(time.perf_counter() - started)
    for name, values in timings.items():
        best = min(values)
        print(f"{name:<32} {best:6.2f} s for {len(docs)} articles ({best / rows * 1e6:6.1f} us a row; "
              f"median {statistics.median(values):.2f} s)")
    first, second = (min(v) for v in timings.values())
    print(f"row by row / multi-row: {second / first:.1f}x")


if __name__ == "__main__":
    main()
