"""A pair's events over real time, from hand-built event reports: periods with their spans, the gaps
between them, events dated only to the year kept apart, history left out, a trend only with enough
periods and computed over time."""

from __future__ import annotations

import datetime as dt

import pytest

from tightrope.relations import dyad_timeline
from tightrope.store import Store
from tightrope.store.dedup import rebuild_events


def _report(con, mention: str, day: str, goldstein: float, precision: str = "day", published: str | None = None,
            source: str = "RUS", target: str = "IND", cameo: str = "051") -> None:
    article = f"a-{mention}"
    con.execute("INSERT INTO articles (id, published, text) VALUES (?, ?, 'text')", [article, published or day])
    con.execute("""INSERT INTO event_mentions (id, article_id, sentence, source_country, target_country, cameo, goldstein,
                   quad_class, modality, date, date_precision) VALUES (?, ?, 's', ?, ?, ?, ?, 1, 'asserted', ?, ?)""",
                [mention, article, source, target, cameo, goldstein, day, precision])


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_timeline_periods_gaps_and_coarse_dates(store):
    con = store.con
    _report(con, "m1", "2021-01-12", 1.0)
    _report(con, "m2", "2021-02-16", 2.0, target="RUS", source="IND")  # the other direction counts too
    _report(con, "m3", "2021-06-08", 3.0)
    _report(con, "m4", "2021-01-01", 4.0, precision="year", published="2021-04-07")  # "later this year"
    _report(con, "m5", "1994-05-12", -8.0, published="2021-04-07", cameo="190")  # history told in 2021
    rebuild_events(con)
    line = dyad_timeline(store, "RUS", "IND", "month")
    assert [(r.period, r.end, r.events) for r in line.series] == [
        (dt.date(2021, 1, 1), dt.date(2021, 1, 31), 1), (dt.date(2021, 2, 1), dt.date(2021, 2, 28), 1),
        (dt.date(2021, 6, 1), dt.date(2021, 6, 30), 1)]
    assert line.gaps == [(dt.date(2021, 3, 1), dt.date(2021, 5, 31))]
    assert [(r.period, r.precision, r.events) for r in line.imprecise] == [(dt.date(2021, 1, 1), "year", 1)]
    # Means 1, 2, 3 at months 0, 1, 5: least squares gives 5/14 a month (over list places it would be 1).
    assert line.trend.label == "warming" and line.trend.slope == pytest.approx(5 / 14, abs=1e-3)
    assert "3 months with events" in line.trend.basis
    # By year the coarse event fits its period; the 1994 history only when asked for.
    by_year = dyad_timeline(store, "RUS", "IND", "year")
    assert [(r.period.year, r.events) for r in by_year.series] == [(2021, 4)] and by_year.imprecise == []
    with_history = dyad_timeline(store, "RUS", "IND", "year", background=True)
    assert [(r.period.year, r.events) for r in with_history.series] == [(1994, 1), (2021, 4)]
    assert with_history.gaps == [(dt.date(1995, 1, 1), dt.date(2020, 12, 31))]


def test_timeline_too_few_periods_give_no_trend(store):
    _report(store.con, "m1", "2021-01-12", 1.0)
    _report(store.con, "m2", "2021-03-16", 9.0)
    rebuild_events(store.con)
    trend = dyad_timeline(store, "RUS", "IND", "month").trend
    assert (trend.label, trend.slope) == ("too few periods for a trend", None)
    assert "2 months with events" in trend.basis and "at least 3" in trend.basis


def test_timeline_background_event_is_flagged_and_left_out_of_lists_only_when_asked(store):
    _report(store.con, "m1", "1994-05-12", -8.0, published="2021-04-07", cameo="190")
    _report(store.con, "m2", "2021-04-06", 3.0, published="2021-04-07")
    rebuild_events(store.con)
    assert {e["first_date"].year: e["background"] for e in store.events()} == {1994: True, 2021: False}
    assert [e["first_date"].year for e in store.events(background=False)] == [2021]
    assert [e["first_date"].year for e in store.events(background=True)] == [1994]


def test_timeline_cli_events_pair_history_and_dyad_gaps(tmp_path):
    import json

    from click.testing import CliRunner

    from tightrope.cli import main

    db = tmp_path / "cli.duckdb"
    with Store(db) as s:
        _report(s.con, "m1", "2021-01-12", 1.0)
        _report(s.con, "m2", "2021-02-16", 2.0, source="IND", target="RUS")
        _report(s.con, "m3", "2021-06-08", 3.0)
        _report(s.con, "m4", "1994-05-12", -8.0, published="2021-04-07", cameo="190")
        rebuild_events(s.con)
    runner = CliRunner()
    out = runner.invoke(main, ["events", "--db", str(db), "--pair", "ind", "rus", "--history", "current",
                               "--sort", "date", "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert [(r["source_country"], r["first_date"]) for r in rows] == [
        ("RUS", "2021-01-12"), ("IND", "2021-02-16"), ("RUS", "2021-06-08")]
    only = runner.invoke(main, ["events", "--db", str(db), "--actor", "rus", "--history", "only", "--format", "jsonl"])
    assert [json.loads(line)["cameo"] for line in only.output.splitlines()] == ["190"]
    dyad = runner.invoke(main, ["dyad", "rus", "ind", "--db", str(db)])
    assert dyad.exit_code == 0, dyad.output
    assert "no events 2021-03-01 to 2021-05-31" in dyad.output and "1994" not in dyad.output.split("Trend")[0]
    assert "Trend: warming (least-squares slope" in dyad.output
    bad = runner.invoke(main, ["events", "--db", str(db), "--sort", "colour"])
    assert bad.exit_code != 0 and "is not a sort key" in bad.output


def test_timeline_a_date_known_to_the_year_is_history_only_when_its_last_day_is(store):
    # Published 1 March 2025: "in 2024" may be December 2024 (current); "in 2023" is over a year back.
    _report(store.con, "m1", "2024-01-01", 1.0, precision="year", published="2025-03-01")
    _report(store.con, "m2", "2023-01-01", 1.0, precision="year", published="2025-03-01", cameo="040")
    _report(store.con, "m3", "2024-02-01", 1.0, precision="month", published="2025-03-01", cameo="042")
    rebuild_events(store.con)
    flags = {e["cameo"]: e["background"] for e in store.events()}
    assert flags == {"051": False, "040": True, "042": True}


def test_timeline_latest_day_of_a_coarse_date():
    from tightrope.dates import latest_day

    assert latest_day(dt.date(2024, 1, 1), "year") == dt.date(2024, 12, 31)
    assert latest_day(dt.date(2024, 2, 1), "month") == dt.date(2024, 2, 29)
    assert latest_day(dt.date(2024, 12, 1), "month") == dt.date(2024, 12, 31)
    assert latest_day(dt.date(2024, 3, 5), "day") == dt.date(2024, 3, 5)
