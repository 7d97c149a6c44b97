"""Ingest from the command line, killed mid-run and rerun, against an uninterrupted run."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES
from tightrope.store import Store

pytestmark = pytest.mark.slow

TABLES = ("articles", "actors", "mentions", "event_mentions", "events", "quotes", "issues", "relation_mentions")
COUNTRIES = ["France", "Germany", "Italy", "Spain", "Poland", "Japan", "Brazil", "Kenya", "Egypt", "Chile"]


def _corpus(folder):
    """60 small articles written from templates, plus one bad file."""
    folder.mkdir()
    for i in range(60):
        a, b = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
        body = " ".join([f"{a} condemned {b} on Monday over report number {i}."] +
                        [f"Officials in {a} said the dispute number {i} with {b} would continue for weeks."] * 8)
        (folder / f"a{i:02d}.txt").write_text(f"Dispute {i}\n\n{body}\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    return folder


def _ingest(folder, db, *extra):
    return [sys.executable, "-m", "tightrope.cli", "ingest", str(folder), "--db", str(db), "--batch-size", "4",
            "--published", "2021-05-05", *extra]


def _dump(db):
    with Store(db, read_only=True) as store:
        return {t: sorted(map(repr, store.con.execute(f"SELECT * FROM {t}").fetchall())) for t in TABLES}


def test_store_cli_killed_run_then_rerun_equals_a_clean_run(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    clean, killed = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    subprocess.run(_ingest(folder, clean), check=True, capture_output=True)

    proc = subprocess.Popen(_ingest(folder, killed), stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:
        if line.startswith("stored ") and not line.startswith("stored 0"):
            proc.send_signal(signal.SIGKILL)  # mid-run, right after a committed batch
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial = _dump(killed)
    assert 0 < len(partial["articles"]) < 60

    rerun = subprocess.run(_ingest(folder, killed), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert _dump(killed) == _dump(clean)
    assert len(_dump(clean)["articles"]) == 60
    assert len(_dump(clean)["issues"]) == 1


def test_store_cli_dyad_on_the_examples_prints_series_and_brief_with_evidence(tmp_path):
    db = tmp_path / "ex.duckdb"
    # The rules coder's events on this article are checked by hand (tests/eval/gold): the test is of the brief.
    subprocess.run([sys.executable, "-m", "tightrope.cli", "ingest", str(EXAMPLES), "--db", str(db), "--coder", "rules"],
                   check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-m", "tightrope.cli", "dyad", "RUS", "IND", "--db", str(db)],
                         capture_output=True, text=True, check=True).stdout
    assert "RUS \u2194 IND" in out and "2021-04-01" in out
    assert "bilateral meeting with Jaishankar" in out  # evidence sentence
    assert "Indo-Pacific" in out and "Asia Pacific" in out  # the opposing framings


def test_store_cli_brief_of_the_example_has_each_stated_area_and_the_third_parties(tmp_path):
    # The example is the format showcase of issue #18 (its gold brief: data/gold/briefs/example/).
    db = tmp_path / "ex.duckdb"
    subprocess.run([sys.executable, "-m", "tightrope.cli", "ingest", str(EXAMPLES), "--db", str(db)],
                   check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-m", "tightrope.cli", "dyad", "RUS", "IND", "--db", str(db)],
                         capture_output=True, text=True, check=True).stdout
    convergences = out.split("Convergences")[1].split("Divergences")[0]
    divergences = out.split("Divergences")[1].split("Third parties")[0]
    third = out.split("Third parties")[1]
    for area in ("defence", "energy", "space", "nuclear", "trade", "connectivity"):
        assert f"- {area} (" in convergences, area
    assert "both sides underlined the convergences" in convergences
    assert "stuck to the formulation" in divergences and "framing: name of the Indo-Pacific region" in divergences
    assert "· QUAD" in third and "· CHN" in third
    # Washington's reservations over India buying the S-400 (the S-400 is named in the sentence before)
    assert "defence · USA" in third and "While India is keen on buying it" in third
    assert "articles: " in out


def test_store_cli_events_query(tmp_path):
    db = tmp_path / "ex.duckdb"
    subprocess.run([sys.executable, "-m", "tightrope.cli", "ingest", str(EXAMPLES), "--db", str(db)],
                   check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-m", "tightrope.cli", "events", "--db", str(db), "--actor", "RUS",
                          "--cameo", "04", "--format", "jsonl"], capture_output=True, text=True, check=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(r["cameo"].startswith("04") and r["source_country"] == "RUS" for r in rows)
    missing = subprocess.run([sys.executable, "-m", "tightrope.cli", "events", "--db", str(tmp_path / "no.duckdb")],
                             capture_output=True, text=True)
    assert missing.returncode == 1 and "tightrope ingest" in missing.stderr
