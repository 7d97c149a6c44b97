"""Incremental deduplication gives exactly the events a full rebuild gives, whatever the batches."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tightrope.store import Store
from tightrope.store.dedup import rebuild_events, update_events

_DAY0 = dt.date(2021, 1, 1)

mention = st.tuples(
    st.sampled_from(["RUS", "IND", "CHN"]),           # source
    st.sampled_from(["IND", "USA", None]),            # target
    st.sampled_from(["040", "051"]),                  # cameo
    st.sampled_from(["asserted", "negated"]),         # modality
    st.one_of(st.none(), st.integers(0, 40)),         # day offset (None: undated)
    st.integers(0, 45),                               # the article's day offset
)


def _events(con) -> list[tuple]:
    return con.execute("SELECT * FROM events ORDER BY id").fetchall()


def _pairs(con) -> list[tuple]:
    return con.execute("SELECT * FROM pair_totals ORDER BY a, b, background").fetchall()


def _pairs_counted(con) -> list[tuple]:
    """The network's per-pair counts, counted here straight from the events."""
    rows = con.execute("SELECT source_country, target_country, background, goldstein FROM events "
                       "WHERE modality = 'asserted'").fetchall()
    totals: dict[tuple, list] = {}
    for s, t, background, goldstein in rows:
        if s is None or t is None or s == t:
            continue
        row = totals.setdefault((min(s, t), max(s, t), bool(background)), [0, 0, 0, 0.0, 0])
        row[0] += 1
        row[1 if s < t else 2] += 1
        row[3] += goldstein
        row[4] += 1
    return [(*key, *value) for key, value in sorted(totals.items())]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(mention, min_size=1, max_size=6), min_size=1, max_size=6))
def test_dedup_incremental_updates_equal_a_full_rebuild(tmp_path_factory, batches):
    with Store(tmp_path_factory.mktemp("d") / "d.duckdb") as store:
        con = store.con
        n = 0
        for batch in batches:
            added = []
            for source, target, cameo, modality, day, published in batch:
                n += 1
                article, mid = f"a{n}", f"m{n:04d}"
                con.execute("INSERT INTO articles (id, published, text, site) VALUES (?, ?, 't', ?)",
                            [article, _DAY0 + dt.timedelta(days=published), f"site{n % 3}"])
                con.execute("""INSERT INTO event_mentions (id, article_id, sentence, source_country, target_country,
                               cameo, goldstein, quad_class, modality, date, topics) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""",
                            [mid, article, f"s{n}", source, target, cameo, n % 5 - 2, modality,
                             None if day is None else _DAY0 + dt.timedelta(days=day), [f"t{n % 2}"]])
                added.append(mid)
            update_events(con, added)
        incremental, pairs = _events(con), _pairs(con)
        assert pairs == _pairs_counted(con)
        rebuild_events(con)
        assert incremental == _events(con)
        assert pairs == _pairs(con)


def test_dedup_a_bridging_mention_merges_two_events_and_a_far_one_leaves_them(tmp_path):
    with Store(tmp_path / "b.duckdb") as store:
        con = store.con

        def add(mid, day):
            con.execute("INSERT INTO articles (id, published, text) VALUES (?, ?, 't')", [mid, day])
            con.execute("""INSERT INTO event_mentions (id, article_id, sentence, source_country, target_country, cameo,
                           modality, date) VALUES (?, ?, 's', 'RUS', 'IND', '040', 'asserted', ?)""", [mid, mid, day])
            update_events(con, [mid])

        add("m1", dt.date(2021, 1, 1))
        add("m2", dt.date(2021, 1, 7))  # 6 days later: a second meeting
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 2
        add("m3", dt.date(2021, 1, 4))  # within 3 days of both: one event of three reports
        assert con.execute("SELECT num_mentions, first_date, last_date FROM events").fetchall() == [
            (3, dt.date(2021, 1, 1), dt.date(2021, 1, 7))]
        add("m4", dt.date(2021, 3, 1))
        assert sorted(r[0] for r in con.execute("SELECT num_mentions FROM events").fetchall()) == [1, 3]
