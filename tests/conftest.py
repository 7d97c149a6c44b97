"""Shared fixtures: the spaCy model and the pipeline are loaded once per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tightrope import ArticleDoc, Pipeline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(coder="rules")  # the rules coder's own tests; the learned coder has tests/unit/test_coder.py


@pytest.fixture(scope="session")
def analyse(pipeline: Pipeline):
    """Analyse a hand-written text: ``analyse("Russia criticised China.", published="2021-04-06")``."""

    def run(text: str, published: str | None = None, min_confidence: float | None = None) -> ArticleDoc:
        day = dt.date.fromisoformat(published) if published else None
        return pipeline.analyze_text(text, published=day)

    return run


@pytest.fixture(scope="session")
def example_db(tmp_path_factory, pipeline) -> Path:
    """A real DuckDB file holding the example articles."""
    from tightrope.store import Store

    path = tmp_path_factory.mktemp("db") / "examples.duckdb"
    with Store(path) as store:
        store.ingest(pipeline, [EXAMPLES])
    return path


@pytest.fixture
def copy_of(tmp_path):
    """Copy a database file, for a test that opens it in another mode or another process."""
    import shutil

    return lambda path: Path(shutil.copy(path, tmp_path / f"copy-{Path(path).name}"))


def pytest_report_header(config):
    """List the outside pieces (Chromium, the spaCy model, ../shared data) and what each enables."""
    from tightrope.doctor import report

    return ["outside pieces (make doctor):", *("  " + line for line in report())]


def pytest_sessionfinish(session, exitstatus):
    """Free what the tests dropped (DuckDB connections among it) while the interpreter is whole, not
    during its shutdown, when a connection's destructor can abort the process (duckdb/duckdb#13904)."""
    import gc

    gc.collect()
