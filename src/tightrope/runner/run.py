"""Process corpus units on a Dask cluster and write a date-partitioned Parquet dataset plus a DuckDB index.

Output folder::

    OUT/articles/year=YYYY/month=M/b<unit>_0.parquet    articles, partitioned by publication date
    OUT/event_mentions/year=.../month=.../...           events as reported, partitioned by event date
    OUT/actors/ mentions/ quotes/ issues/ relation_mentions/ b<unit>.parquet
    OUT/_done/<unit>                                    written last: the unit is complete
    OUT/index.duckdb                                    a Tightrope store over all of it (deduplicated events)

A unit's files have fixed names and its done-marker is written after them, so a rerun after a
kill redoes only unfinished units and overwrites their partial files: nothing lost, nothing twice.
The done-marker lists the ids (content hashes) of the articles the unit wrote, and a run skips every
article a finished unit already wrote, so cutting the corpus into other batches, moving it or
appending to it never writes an article twice. ``tightrope run --check OUT`` audits a dataset.
"""

from __future__ import annotations

import datetime as dt
import functools
import resource
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import MAX_INPUT_BYTES
from ..errors import InputError
from ..models import Article
from ..store import Store
from ..store.dedup import rebuild_events
from ..store.framings import fill_framings
from .corpus import Unit, plan_units, read_unit

__all__ = ["RunReport", "UnitResult", "process_unit", "run_corpus", "build_index", "check_dataset", "written_ids"]

#: A run cuts a corpus into at least this many units per worker (up to the --files/--lines per
#: batch), so the workers finish together instead of one idling while another does the last unit.
UNITS_PER_WORKER = 4

#: The key of each table's rows: a row is written twice when two rows share it.
KEYS = {"articles": "id", "event_mentions": "id", "quotes": "id", "issues": "id", "relation_mentions": "id",
        "actors": "article_id, actor_id", "mentions": "article_id, actor_id, start_char"}

_TABLES = ("articles", "actors", "mentions", "event_mentions", "quotes", "issues", "relation_mentions")
_PARTITIONED = {
    "articles": "SELECT *, year(published) AS year, month(published) AS month FROM articles",
    "event_mentions": """SELECT m.*, year(coalesce(m.date, a.published)) AS year,
                                month(coalesce(m.date, a.published)) AS month
                         FROM event_mentions m JOIN articles a ON a.id = m.article_id""",
}


@dataclass(frozen=True)
class UnitResult:
    """What one unit produced."""

    unit_id: str
    articles: int
    skipped: int
    words: int
    seconds: float
    peak_rss_mb: float
    already_written: int = 0


@dataclass
class RunReport:
    """What a run did."""

    units: int = 0
    already_done: int = 0
    articles: int = 0
    skipped: int = 0
    already_written: int = 0  # articles a unit held that an earlier unit had written: not written again
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    peak_rss_mb: float = 0.0


@functools.lru_cache(maxsize=2)
def _pipeline(dictionaries: tuple[tuple[str, str], ...] = ()):
    """One pipeline per worker process, loaded on first use."""
    from ..pipeline import Pipeline

    return Pipeline(dictionaries=dictionaries)


def _lit(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def written_ids(out: str | Path) -> frozenset[str]:
    """The ids of every article the finished units of a dataset wrote (from their done-markers)."""
    done = Path(out) / "_done"
    ids: set[str] = set()
    for marker in done.iterdir() if done.is_dir() else ():
        ids.update(line[2:].strip() for line in marker.read_text(encoding="utf-8").splitlines() if line.startswith("- "))
    return frozenset(ids)


def process_unit(unit: Unit, out: str, max_bytes: int = MAX_INPUT_BYTES,
                 published: dt.date | None = None, dictionaries: tuple[tuple[str, str], ...] = (),
                 written: frozenset[str] = frozenset()) -> UnitResult:
    """Analyse one unit and write its Parquet files, then its done-marker (runs on a worker).

    Args:
        unit: the unit.
        out: the output folder.
        max_bytes: inputs over this size are refused.
        published: a publication date that overrides the articles' own.
        dictionaries: extra PETRARCH dictionaries, (kind, path) pairs readable by the worker.
        written: ids of articles finished units already wrote; they are not written again.

    Returns:
        Counts, time and the worker's peak memory.
    """
    started = time.perf_counter()
    out_dir = Path(out)
    articles: list[Article] = []
    errors: list[InputError] = []
    for item in read_unit(unit, max_bytes=max_bytes, published=published):
        (errors if isinstance(item, InputError) else articles).append(item)  # type: ignore[arg-type]
    held = len(articles)
    articles = list({a.id: a for a in articles if a.id not in written}.values())
    docs = _pipeline(tuple(dictionaries)).analyze_many(articles) if articles else []
    staging = out_dir / "_staging" / unit.id
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with Store(":memory:") as mem:
        mem.save(docs, errors)
        for table in _TABLES:
            select = _PARTITIONED.get(table, f"SELECT * FROM {table}")
            if mem.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0:
                continue
            if table in _PARTITIONED:
                mem.con.execute(f"COPY ({select}) TO {_lit(staging / table)} (FORMAT PARQUET, "
                                f"PARTITION_BY (year, month), FILENAME_PATTERN 'b{unit.id}_{{i}}')")
            else:
                (staging / table).mkdir()
                mem.con.execute(f"COPY ({select}) TO {_lit(staging / table / f'b{unit.id}.parquet')} (FORMAT PARQUET)")
    for file in sorted(staging.rglob("*.parquet")):
        target = out_dir / file.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        file.replace(target)
    shutil.rmtree(staging, ignore_errors=True)
    marker = out_dir / "_done" / unit.id
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(f"{len(docs)} articles, {len(errors)} skipped, {held - len(articles)} already written\n"
                      + "".join(f"- {d.article.id}\n" for d in docs), encoding="utf-8")
    words = sum(len(a.text.split()) for a in articles)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return UnitResult(unit.id, len(docs), len(errors), words, time.perf_counter() - started, peak,
                      held - len(articles))


def build_index(out: str | Path) -> Path:
    """(Re)build ``OUT/index.duckdb``: a Tightrope store over the Parquet dataset, events deduplicated.

    The new index is written to ``OUT/index.duckdb.building`` and moved over the old one only once
    it is complete, so an interrupted rebuild leaves the previous index as it was.

    Returns:
        The index path.
    """
    out = Path(out)
    index = out / "index.duckdb"
    # Built beside the old index and moved over it only when complete: a kill mid-way leaves the
    # previous index (or none), never one with the schema and no rows.
    building = out / "index.duckdb.building"
    for stale in (building, out / "index.duckdb.building.wal"):
        stale.unlink(missing_ok=True)
    with Store(building) as store:
        store.con.execute("BEGIN TRANSACTION")
        keys = KEYS
        for table in _TABLES:
            files = list((out / table).rglob("*.parquet")) if (out / table).exists() else []
            if not files:
                continue
            columns = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall()]
            source = f"read_parquet({_lit(out / table)} || '/**/*.parquet', hive_partitioning = false, union_by_name = true)"
            store.con.execute(
                f"INSERT INTO {table} SELECT {', '.join(columns)} FROM {source} "
                f"QUALIFY row_number() OVER (PARTITION BY {keys[table]} ORDER BY {keys[table]}) = 1")
        rebuild_events(store.con)
        fill_framings(store.con)
        store.con.execute("COMMIT")
        store.con.execute("CHECKPOINT")
    (out / "index.duckdb.wal").unlink(missing_ok=True)
    building.replace(index)
    return index


def plan_for_workers(paths: Iterable[str | Path], workers: int, files_per_unit: int = 32,
                     lines_per_unit: int = 64) -> list[Unit]:
    """The corpus cut into units of at most ``files_per_unit`` files or ``lines_per_unit`` lines, and
    into at least ``UNITS_PER_WORKER`` per worker when it is small, so no worker idles while another
    does the last unit."""
    paths = list(paths)
    units = plan_units(paths, files_per_unit=files_per_unit, lines_per_unit=lines_per_unit)
    wanted = UNITS_PER_WORKER * workers
    if len(units) < wanted:
        lines = sum(u.stop - u.start for u in units if u.kind == "jsonl")
        files = sum(len(u.paths) for u in units if u.kind == "files")
        units = plan_units(paths, files_per_unit=max(1, min(files_per_unit, -(-files // wanted))),
                           lines_per_unit=max(1, min(lines_per_unit, -(-lines // wanted))))
    return units


def run_corpus(
    paths: Iterable[str | Path],
    out: str | Path,
    workers: int = 2,
    scheduler: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    published: dt.date | None = None,
    files_per_unit: int = 32,
    lines_per_unit: int = 64,
    progress: Callable[[int, int, RunReport], None] | None = None,
    dictionaries: tuple[tuple[str, str], ...] = (),
) -> RunReport:
    """Run the pipeline over a corpus on Dask, skipping units a previous run finished.

    Args:
        paths: corpus files and folders.
        out: the output folder.
        workers: local worker processes (ignored with ``scheduler``).
        scheduler: address of an existing Dask scheduler (``tcp://host:8786``).
        max_bytes: inputs over this size are refused.
        published: a publication date that overrides the articles' own.
        files_per_unit: article files per unit.
        lines_per_unit: JSONL lines per unit.
        progress: called after each finished unit with (units done, units to do, report).
        dictionaries: extra PETRARCH dictionaries, (kind, path) pairs; on a remote cluster the
            paths must be readable by every worker.

    Returns:
        What the run did.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    units = plan_for_workers(paths, workers if not scheduler else 1, files_per_unit, lines_per_unit)
    todo = [u for u in units if not (out / "_done" / u.id).exists()]
    report = RunReport(units=len(units), already_done=len(units) - len(todo))
    started = time.perf_counter()
    if todo:
        # The nanny's MALLOC_TRIM_THRESHOLD_=65536 is kept: against glibc's default it made no
        # measurable difference to a whole run here (bench/dask_scaling.py, bench/RESULTS.md).
        cluster = None if scheduler else LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
        try:
            with Client(scheduler or cluster) as client:
                [written] = client.scatter([written_ids(out)], broadcast=True)  # a list of one: the set is one value
                futures = [client.submit(process_unit, u, str(out), max_bytes, published, tuple(dictionaries), written,
                                         key=f"unit-{u.id}", pure=False) for u in todo]
                unit_of = {f.key: u for f, u in zip(futures, todo)}
                for done, future in enumerate(as_completed(futures), start=1):
                    try:
                        result: UnitResult = future.result()
                        report.articles += result.articles
                        report.skipped += result.skipped
                        report.already_written += result.already_written
                        report.peak_rss_mb = max(report.peak_rss_mb, result.peak_rss_mb)
                    except Exception as exc:  # a whole unit failed (worker died): record it, go on
                        unit = unit_of[future.key]
                        report.failed.append((", ".join(unit.paths), f"{exc.__class__.__name__}: {exc}"))
                    report.seconds = time.perf_counter() - started
                    if progress is not None:
                        progress(done, len(todo), report)
        finally:
            if cluster is not None:
                cluster.close()
    report.seconds = time.perf_counter() - started
    shutil.rmtree(out / "_staging", ignore_errors=True)
    build_index(out)
    return report


def check_dataset(out: str | Path) -> list[tuple[str, int, int]]:
    """Count each table's rows in a ``run`` dataset against its distinct keys.

    Returns:
        (table, rows, distinct keys) for every table with files; rows above keys were written twice.
    """
    import duckdb

    out = Path(out)
    found = []
    con = duckdb.connect()
    try:
        for table in _TABLES:
            if not (out / table).is_dir() or not any((out / table).rglob("*.parquet")):
                continue
            source = f"read_parquet({_lit(out / table)} || '/**/*.parquet', hive_partitioning = false, union_by_name = true)"
            rows, keys = con.execute(f"SELECT count(*), count(DISTINCT ({KEYS[table]})) FROM {source}").fetchone()
            found.append((table, rows, keys))
    finally:
        con.close()
    return found
