"""`tightrope run` on a 2-worker LocalCluster: killed midway and rerun, it equals one clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import duckdb
import pytest

pytestmark = pytest.mark.slow

TABLES = ("articles", "actors", "mentions", "event_mentions", "quotes", "issues", "relation_mentions")
COUNTRIES = ["France", "Germany", "Italy", "Spain", "Poland", "Japan", "Brazil", "Kenya", "Egypt", "Chile", "Peru"]


def _sql(query: str) -> list[tuple]:
    """Rows of a query on a connection of its own, closed after (not duckdb's module-level default
    connection, which lives until the interpreter is gone and can abort it at exit: duckdb-python#531)."""
    with duckdb.connect() as con:
        return con.execute(query).fetchall()


def _corpus(folder):
    folder.mkdir()
    lines = []
    for i in range(200):
        a, b = COUNTRIES[i % 11], COUNTRIES[(i * 7 + 3) % 11]
        text = (f"{a} condemned {b} on Monday over dispute number {i}. "
                f"\u201cWe will not accept this,\u201d the {a} government said. Talks are due next week.")
        lines.append(json.dumps({"text": text, "title": f"Dispute {i}", "published": f"2020-{i % 12 + 1:02d}-15"}))
    lines.insert(50, "{broken json")
    (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _run(folder, out, **popen):
    cmd = [sys.executable, "-m", "tightrope.cli", "run", str(folder), "--out", str(out), "--workers", "2",
           "--lines-per-batch", "10"]
    return subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, **popen)


def _rows(out):
    found = {}
    for table in TABLES:
        found[table] = sorted(map(repr, _sql(f"SELECT * FROM read_parquet('{out}/{table}/**/*.parquet', hive_partitioning = false)")))
    with duckdb.connect(str(out / "index.duckdb"), read_only=True) as con:
        found["index.events"] = sorted(map(repr, con.execute("SELECT * FROM events").fetchall()))
    return found


def test_runner_killed_midway_then_rerun_equals_one_clean_run(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    clean = _run(folder, tmp_path / "clean")
    assert clean.wait(timeout=300) == 0, clean.stderr.read()

    proc = _run(folder, tmp_path / "killed", start_new_session=True)
    finished = 0
    for line in proc.stderr:
        finished += line.startswith("batch ")
        if finished == 5:
            os.killpg(proc.pid, signal.SIGKILL)  # the driver and its Dask workers, mid-run
            break
    proc.wait(timeout=60)
    done = len(list((tmp_path / "killed" / "_done").iterdir()))
    assert 5 <= done < 21

    rerun = _run(folder, tmp_path / "killed")
    err = rerun.stderr.read()
    assert rerun.wait(timeout=300) == 0, err
    assert f"({done} already done)" in err

    expected, got = _rows(tmp_path / "clean"), _rows(tmp_path / "killed")
    assert got == expected
    assert len(expected["articles"]) == 200  # none lost
    ids = _sql(f"SELECT id FROM read_parquet('{tmp_path}/killed/articles/**/*.parquet')")
    assert len(ids) == len(set(ids)) == 200  # none twice
    assert len(expected["issues"]) == 1  # the broken line, with its reason


def test_runner_uses_extra_petrarch_dictionaries_on_workers(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"text": "Boris Tadic condemned Croatia on Monday over the border.",
                                                "published": "2010-03-01"}) + "\n", encoding="utf-8")
    dictionary = tmp_path / "actors.txt"
    dictionary.write_text("BORIS_TADIC_ [SRBGOV 040711-120531]\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "tightrope.cli", "run", str(folder), "--out", str(out),
                             "--workers", "1", "--actors-dict", str(dictionary)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    with duckdb.connect(str(out / "index.duckdb"), read_only=True) as con:
        rows = con.execute("SELECT source_code, cameo, target_country FROM events").fetchall()
    assert rows == [("SRBGOV", "111", "HRV")]


def test_runner_rebatched_moved_or_appended_corpus_writes_no_article_twice(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    assert _run(corpus, out).wait() == 0
    # The same articles batched differently, from another path, with new lines appended.
    moved = tmp_path / "moved"
    moved.mkdir()
    lines = (corpus / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    extra = [json.dumps({"text": f"Chile praised Peru on Tuesday for treaty number {i}.", "title": f"Treaty {i}",
                         "published": "2021-03-02"}) for i in range(5)]
    (moved / "all.jsonl").write_text("\n".join(lines + extra) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "tightrope.cli", "run", str(moved), "--out", str(out), "--workers", "2",
           "--lines-per-batch", "37"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "200 articles were already in" in done.stderr
    articles = _sql(f"SELECT count(*), count(DISTINCT id) FROM read_parquet('{out}/articles/**/*.parquet', "
                    "hive_partitioning = false)")[0]
    assert articles == (205, 205)
    check = subprocess.run([sys.executable, "-m", "tightrope.cli", "run", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0 and "every row once" in check.stdout
    # A copy of one batch's file is a duplicate the audit names.
    one = next((out / "quotes").glob("*.parquet"))
    one.with_name("copy_" + one.name).write_bytes(one.read_bytes())
    check = subprocess.run([sys.executable, "-m", "tightrope.cli", "run", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 1 and "written twice" in check.stdout + check.stderr
