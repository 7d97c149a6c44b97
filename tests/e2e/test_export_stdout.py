"""`tightrope export --out -` on a real store, run as a user runs it, and the DatePrecision column."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import duckdb
import pytest

from tests.conftest import ROOT
from tightrope.store import Store
from tightrope.store.export import GDELT_SELECT

pytestmark = pytest.mark.slow


def _export(db, fmt, out, cwd):
    return subprocess.run([sys.executable, "-m", "tightrope.cli", "export", "--db", str(db), "--format", fmt,
                           "--out", str(out)], capture_output=True, cwd=cwd)


@pytest.fixture
def db(example_db, copy_of):
    return copy_of(example_db)  # its own file: the CLI opens it in another process


@pytest.mark.parametrize("fmt", ["csv", "plover-json"])
def test_export_stdout_writes_the_same_bytes_as_a_file(db, tmp_path, fmt):
    to_file = _export(db, fmt, tmp_path / "events.out", tmp_path)
    to_stdout = _export(db, fmt, "-", tmp_path)
    assert to_file.returncode == 0 and to_stdout.returncode == 0, to_stdout.stderr.decode()
    assert to_stdout.stdout == (tmp_path / "events.out").read_bytes() and to_stdout.stdout
    assert not (tmp_path / "-").exists() and b"wrote" not in to_stdout.stderr
    if fmt == "plover-json":
        assert all(record["id"] for record in json.loads(to_stdout.stdout))


def test_export_stdout_csv_has_the_date_precision(db, tmp_path):
    rows = list(csv.DictReader(io.StringIO(_export(db, "csv", "-", tmp_path).stdout.decode("utf-8"))))
    assert rows and all("DatePrecision" in row for row in rows)
    assert {row["DatePrecision"] for row in rows if row["SQLDATE"]} <= {"day", "month", "year"}
    assert "day" in {row["DatePrecision"] for row in rows}


@pytest.mark.parametrize("fmt", ["parquet", "parquet-dataset"])
def test_export_stdout_refuses_parquet_and_asks_for_a_path(db, tmp_path, fmt):
    result = _export(db, fmt, "-", tmp_path)
    assert result.returncode == 2 and not result.stdout
    assert "cannot be written to standard output" in result.stderr.decode() and "give a path" in result.stderr.decode()
    assert not (tmp_path / "-").exists()


def test_export_parquet_has_the_date_precision(db, tmp_path):
    assert _export(db, "parquet", tmp_path / "e.parquet", tmp_path).returncode == 0
    con = duckdb.connect()
    precisions = con.execute("SELECT DISTINCT DatePrecision FROM read_parquet(?) WHERE SQLDATE IS NOT NULL",
                             [str(tmp_path / "e.parquet")]).fetchall()
    assert precisions and {p for (p,) in precisions} <= {"day", "month", "year"}


def test_export_every_column_is_in_the_docs(db):
    documented = (ROOT / "docs" / "EXPORTS.md").read_text(encoding="utf-8")
    with Store(db, read_only=True) as store:
        columns = [d[0] for d in store.con.execute(f"{GDELT_SELECT} LIMIT 0").description]
    assert "DatePrecision" in columns
    for column in columns:
        assert f"`{column}`" in documented, f"export column {column} is not in docs/EXPORTS.md"
