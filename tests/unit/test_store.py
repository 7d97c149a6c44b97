"""The DuckDB store on a real file: idempotence, dedup, queries, exports, dyads."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from tightrope.errors import ConfigError
from tightrope.relations import dyad_brief, dyad_series
from tightrope.store import SCHEMA_VERSION, Store
from tightrope.store.export import export

TABLES = ("articles", "actors", "mentions", "event_mentions", "events", "quotes", "issues", "relation_mentions")


def _sql(query: str) -> list[tuple]:
    """Rows of a query on a connection of its own, closed after (not duckdb's module-level default
    connection, which lives until the interpreter is gone and can abort it at exit: duckdb-python#531)."""
    with duckdb.connect() as con:
        return con.execute(query).fetchall()


def _jsonl(path, records):
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


REPORTS = [
    # Two outlets report the same condemnation, a day apart: one event.
    {"text": "Russia condemned Ukraine on Monday over the border incident.", "published": "2021-03-02",
     "url": "https://one.example/a"},
    {"text": "On Monday, Russia condemned Ukraine, officials in Moscow confirmed after the incident.",
     "published": "2021-03-03", "url": "https://two.example/b"},
    # The same dyad and code a month later: a different event.
    {"text": "Russia condemned Ukraine again on Friday after new shelling.", "published": "2021-04-03",
     "url": "https://one.example/c"},
    # Another code: a different event.
    {"text": "Russia praised Ukraine on Tuesday for the prisoner exchange.", "published": "2021-03-03",
     "url": "https://three.example/d"},
]


@pytest.fixture
def store(tmp_path, pipeline):
    with Store(tmp_path / "t.duckdb") as s:
        s.ingest(pipeline, [_jsonl(tmp_path / "in.jsonl", REPORTS)])
        yield s


def _dump(store):
    return {t: sorted(map(repr, store.con.execute(f"SELECT * FROM {t}").fetchall())) for t in TABLES}


def test_store_schema_is_versioned(store):
    assert store.version() == SCHEMA_VERSION


def test_store_refuses_a_newer_schema(tmp_path):
    with Store(tmp_path / "x.duckdb") as s:
        s.con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(ConfigError, match="newer"):
        Store(tmp_path / "x.duckdb")


def test_store_reingest_changes_nothing(store, tmp_path, pipeline):
    before = _dump(store)
    report = store.ingest(pipeline, [tmp_path / "in.jsonl"])
    assert report.stored == 0 and report.already == len(REPORTS)
    assert _dump(store) == before


def test_store_dedup_merges_two_reports_and_keeps_other_events_apart(store):
    condemn = store.events(actor="RUS", target="UKR", cameo="111")
    assert sorted((e["num_articles"], e["num_mentions"], e["num_sources"]) for e in condemn) == [(1, 1, 1), (2, 2, 2)]
    merged = next(e for e in condemn if e["num_articles"] == 2)
    assert merged["first_date"] == dt.date(2021, 3, 1)  # Monday before 2 March, and Monday before 3 March
    praise = store.events(actor="RUS", cameo="051")
    assert len(praise) == 1 and praise[0]["num_articles"] == 1
    mentions = store.con.execute("SELECT count(*) FROM event_mentions WHERE cameo = '111'").fetchone()[0]
    assert mentions == 3  # every report's evidence is kept


def test_store_event_filters(store):
    assert store.events(actor="UKR") == []
    assert len(store.events(actor="RUS", date_from=dt.date(2021, 3, 15))) == 1
    assert all(e["modality"] == "asserted" for e in store.events(modality="asserted"))
    assert len(store.events(limit=1)) == 1


def test_store_dyad_series_and_brief(store):
    series = dyad_series(store, "UKR", "RUS", "month")
    assert [(str(r.period), r.events, r.verbal_cooperation, r.verbal_conflict) for r in series] == [
        ("2021-03-01", 2, 1, 1), ("2021-04-01", 1, 0, 1)]
    brief = dyad_brief(store, "RUS", "UKR")
    assert brief.convergences and brief.divergences
    assert any("prisoner exchange" in e for line in brief.convergences for e in line.evidence)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_store_export_round_trips(store, tmp_path, fmt):
    out = export(store, fmt, tmp_path / f"events.{fmt}")
    reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
    back = _sql(f"SELECT GLOBALEVENTID, EventCode, NumArticles FROM {reader}('{out}') ORDER BY 1")
    direct = store.con.execute("SELECT id, cameo, num_articles FROM events ORDER BY 1").fetchall()
    assert [(str(a), str(b).zfill(3), c) for a, b, c in back] == direct


def test_store_export_partitioned_dataset_is_queryable(store, tmp_path):
    out = export(store, "parquet-dataset", tmp_path / "ds")
    assert (out / "Year=2021").is_dir()
    count = _sql(f"SELECT count(*) FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true)")
    assert count[0][0] == store.con.execute("SELECT count(*) FROM events").fetchone()[0]


def test_store_export_plover_json(store, tmp_path):
    records = json.loads(export(store, "plover-json", tmp_path / "p.json").read_text())
    assert {r["event"] for r in records} == {"DISAPPROVE", "SUPPORT"}
    assert all(r["source"][0]["code"] and r["text"] for r in records)


def test_store_event_keeps_how_precise_its_date_is(tmp_path, pipeline):
    from tightrope.render import events_table

    record = {"text": "Germany said it will sanction Iran later this year.", "published": "2021-04-06"}
    with Store(tmp_path / "p.duckdb") as s:
        s.ingest(pipeline, [_jsonl(tmp_path / "p.jsonl", [record])])
        (event,) = s.events(actor="DEU")
        assert (str(event["first_date"]), event["date_precision"]) == ("2021-01-01", "year")
        # Shown as the year it is known to, not as 1 January.
        assert events_table([event]).splitlines()[2].split()[0] == "2021"


def test_store_opens_a_version_1_file_and_migrates_it(tmp_path):
    from tightrope.store.schema import MIGRATIONS

    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    for statement in MIGRATIONS[1]:
        con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    # An article of 2021 reporting a meeting now and telling a 1994 ceasefire as history.
    con.execute("INSERT INTO articles (id, published, text) VALUES ('a1', DATE '2021-04-06', 'text')")
    for mention, day in (("m1", "2021-04-05"), ("m2", "1994-05-12")):
        con.execute("""INSERT INTO event_mentions (id, article_id, sentence, source_country, target_country, cameo,
                       modality, date) VALUES (?, 'a1', 's', 'ARM', 'AZE', '036', 'asserted', ?)""", [mention, day])
    con.close()
    with Store(path) as s:
        assert s.version() == SCHEMA_VERSION == 7
        columns = {r[0] for r in s.con.execute("DESCRIBE events").fetchall()}
        assert {"date_precision", "article_id", "background"} <= columns
        assert "explain" in {r[0] for r in s.con.execute("DESCRIBE event_mentions").fetchall()}
        # The migration rebuilt the events, filling the new columns from the mentions.
        rows = s.con.execute("SELECT first_date, article_id, background FROM events ORDER BY first_date").fetchall()
        assert rows == [(dt.date(1994, 5, 12), "a1", True), (dt.date(2021, 4, 5), "a1", False)]
        # ... and the network's per-pair counts: one current and one background ARM-AZE event,
        # both ARM -> AZE, no Goldstein score stored.
        assert s.con.execute("SELECT * FROM pair_totals ORDER BY background").fetchall() == [
            ("ARM", "AZE", False, 1, 1, 0, 0.0, 0), ("ARM", "AZE", True, 1, 1, 0, 0.0, 0)]


def test_store_opened_read_only_migrates_an_older_file_first(tmp_path):
    from tightrope.store.schema import MIGRATIONS

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    for version in (1, 2, 3, 4, 5):
        for statement in MIGRATIONS[version]:
            con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', '5')")
    con.close()
    with Store(path, read_only=True) as s:  # as `tightrope serve` without a token opens it
        assert s.version() == SCHEMA_VERSION
        assert s.events(background=False) == []  # the v6 columns are there to query


def test_store_keeps_why_each_event_was_coded(tmp_path, pipeline):
    from tightrope.render import explain_lines

    with Store(tmp_path / "x.duckdb") as s:
        s.save([pipeline.analyze_text("Russia condemned Ukraine on Monday.", published=dt.date(2021, 4, 6))])
        (row,) = s.events(explain=True)
        assert row["explain"]["coder"] == "rules" and row["explain"]["code"].startswith("11")
        assert "rules coder: trigger 'condemned'" in explain_lines(row)[1]
        assert "explain" not in s.events()[0]


def test_store_database_errors_name_the_file_and_the_next_step(tmp_path, monkeypatch):
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello\n")
    with pytest.raises(ConfigError, match=r"notes.txt is not a DuckDB database"):
        Store(text_file)
    with pytest.raises(ConfigError, match=r"the folder .*missing does not exist"):
        Store(tmp_path / "missing" / "x.duckdb")
    from tightrope.api import ApiSettings

    monkeypatch.setenv("TIGHTROPE_MAX_REQUEST_BYTES", "5MB")
    with pytest.raises(ConfigError, match="not a positive whole number"):
        ApiSettings.from_env(tmp_path / "x.duckdb")


def test_store_locked_by_another_process_says_so(tmp_path):
    import subprocess
    import sys
    import time

    path = tmp_path / "held.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(path)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        time.sleep(0.2)
        with pytest.raises(ConfigError, match=rf"in use by process {holder.pid}"):
            Store(path)
    finally:
        holder.kill()
        holder.wait()


def test_store_index_rebuild_that_dies_leaves_the_previous_index(tmp_path, pipeline, monkeypatch):
    from tightrope.runner import run as runner

    index = tmp_path / "index.duckdb"
    with Store(index) as s:
        s.save([pipeline.analyze_text("Russia condemned Ukraine on Monday.", published=dt.date(2021, 4, 6))])

    def killed(con):
        raise KeyboardInterrupt("killed while rebuilding")

    monkeypatch.setattr(runner, "rebuild_events", killed)
    with pytest.raises(KeyboardInterrupt):
        runner.build_index(tmp_path)
    with Store(index, read_only=True) as s:
        assert s.rows("SELECT count(*) AS n FROM articles")[0]["n"] == 1  # the old index, whole
    monkeypatch.undo()
    runner.build_index(tmp_path)  # no Parquet here: the finished rebuild replaces it
    with Store(index, read_only=True) as s:
        assert s.rows("SELECT count(*) AS n FROM articles")[0]["n"] == 0
    assert not (tmp_path / "index.duckdb.building").exists()


def test_store_framings_are_found_at_ingest_and_read_by_the_brief(tmp_path):
    from tightrope.store.framings import fill_framings

    with Store(tmp_path / "f.duckdb") as s:
        s.con.execute("INSERT INTO articles (id, published, text) VALUES ('a1', DATE '2021-04-07', 't')")
        for qid, country, name, text in (("q1", "RUS", "Lavrov", "We speak of the Asia Pacific region."),
                                         ("q2", "IND", "Jaishankar", "The INDO-PACIFIC is our frame."),
                                         ("q3", "IND", "Jaishankar", "Trade grew this year."),
                                         ("q4", None, None, "The Indo-Pacific again.")):
            s.con.execute("INSERT INTO quotes VALUES (?, 'a1', ?, 0, 10, 'direct', NULL, ?, ?)", [qid, text, name, country])
        fill_framings(s.con, ["q1", "q2", "q3", "q4"])
        fill_framings(s.con, ["q1"])  # again: nothing doubled
        rows = s.con.execute("SELECT quote_id, issue, side, term FROM framing_mentions ORDER BY quote_id").fetchall()
        assert rows == [("q1", "name of the Indo-Pacific region", "b", "Asia Pacific"),
                        ("q2", "name of the Indo-Pacific region", "a", "Indo-Pacific")]
        brief = dyad_brief(s, "RUS", "IND")
        (line,) = [x for x in brief.divergences if x.topic.startswith("framing")]
        assert line.evidence == ["Lavrov (RUS): \u201cAsia Pacific\u201d", "Jaishankar (IND): \u201cIndo-Pacific\u201d"]
