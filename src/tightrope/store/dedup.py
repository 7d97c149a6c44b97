"""Merge event mentions into real-world events, deterministically, whatever the ingest order.

Mentions share a key when they have the same source, target, code and modality; sorted by date, a
gap of more than ``DEDUP_WINDOW_DAYS`` starts a new event. Ids hash the key and the cluster's
smallest mention id, so any two ways of building the table give the same rows. Undated mentions
fall back to their article's publication date (still undated: an event of their own). An event is
background when every report dates it more than ``BACKGROUND_DAYS`` before its own article.

Two ways to build the ``events`` table, with the same result:

- :func:`rebuild_events` clusters every mention (a migration, the ``run`` index).
- :func:`update_events` is what an ingest batch does: only the events a new mention can join are
  taken apart and clustered again with it. Consecutive events of one key are more than the window
  apart, so a new mention on day *d* can only merge the events of its key that reach within the
  window of *d*; everything else stays as it is. The cost follows the batch, not the store.
"""

from __future__ import annotations

import duckdb

from ..config import BACKGROUND_DAYS
from .queries import BY_ID, in_ids
from .schema import DEDUP_WINDOW_DAYS

__all__ = ["rebuild_events", "update_events", "MENTION_KEY", "TIE"]

_KEY = ("coalesce(m.source_country, m.source_code, m.source_actor_id)",
        "coalesce(m.target_country, m.target_code, m.target_actor_id, '')")


def _joined(source: str, target: str, cameo: str, modality: str) -> str:
    """The dedup key (``events.dedup_key``) as SQL: source|target|code|modality."""
    return f"{source} || '|' || {target} || '|' || {cameo} || '|' || {modality}"


#: The dedup key of an event mention aliased ``m``: what finds the event it belongs to.
MENTION_KEY = _joined(_KEY[0], _KEY[1], "m.cameo", "m.modality")
_GROUP_KEY = _joined("g.source_key", "g.target_key", "g.cameo", "g.modality")

# The last day a mention's date may be ("in 2024", stored as 1 January, may be 31 December): a
# report is history when even that day lies over BACKGROUND_DAYS before its article.
_LATEST = ("CASE m.date_precision WHEN 'year' THEN CAST(date_trunc('year', m.date) + INTERVAL 1 YEAR - INTERVAL 1 DAY AS DATE) "
           "WHEN 'month' THEN CAST(date_trunc('month', m.date) + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) "
           "ELSE m.date END")

# What clustering reads of a mention: narrow columns only, so an update never reads the sentences
# and explanations of the whole store. ``{mentions}`` is the table or a selection of it.
_KEYED = f"""
SELECT m.id, m.article_id, {_KEY[0]} AS source_key, {_KEY[1]} AS target_key, m.cameo, m.modality,
       coalesce(m.date, a.published) AS day, coalesce(a.published - {_LATEST} > {BACKGROUND_DAYS}, false) AS told_as_history,
       coalesce(a.site, a.url, a.source_path) AS outlet, m.topics, coalesce(m.date_precision, 'day') AS precision
FROM {{mentions}} m JOIN {{articles}} a ON a.id = m.article_id"""
_NARROW = ("id, article_id, source_country, source_code, source_actor_id, target_country, target_code, "
           "target_actor_id, cameo, modality, date, topics, date_precision")

# Cluster the rows of temp table _keyed into temp table _groups, one row per event.
_CLUSTER = f"""
CREATE OR REPLACE TEMP TABLE _clustered AS
SELECT *, sum(gap) OVER (PARTITION BY source_key, target_key, cameo, modality ORDER BY day NULLS LAST, id
                         ROWS UNBOUNDED PRECEDING) AS cluster_no
FROM (
  SELECT *, CASE WHEN day IS NULL OR lag(day) OVER w IS NULL OR day - lag(day) OVER w > {DEDUP_WINDOW_DAYS}
                 THEN 1 ELSE 0 END AS gap
  FROM _keyed WINDOW w AS (PARTITION BY source_key, target_key, cameo, modality ORDER BY day NULLS LAST, id)
);
CREATE OR REPLACE TEMP TABLE _groups AS
SELECT source_key, target_key, cameo, modality, min(id) AS first_id, min(day) AS first_date, max(day) AS last_date,
       count(*) AS mentions, count(DISTINCT article_id) AS articles, count(DISTINCT outlet) AS sources,
       list_sort(list_distinct(flatten(list(topics)))) AS topics, arg_min(precision, day) AS precision,
       bool_and(told_as_history) AS background, list(id ORDER BY id) AS mention_ids
FROM _clustered GROUP BY source_key, target_key, cameo, modality, cluster_no;
DROP TABLE _clustered;
DROP TABLE _keyed;
"""

# One event per group; what describes it comes from its smallest mention (``{first}`` is the
# mentions table, or the groups' first mentions fetched by id). Made as temp table ``_new``, added to
# ``events`` in date order, so the table stays clustered by date (new batches are mostly recent and
# are appended) and a page of the newest events reads a few row groups.
_NEW = f"""
CREATE OR REPLACE TEMP TABLE _new AS
SELECT substr(md5({_GROUP_KEY} || '|' || g.first_id), 1, 16) AS id,
       g.source_key, g.target_key, m.source_name, m.source_country, m.source_code,
       m.target_name, m.target_country, m.target_code, g.cameo, m.cameo_name, m.goldstein, m.quad_class,
       m.plover_type, m.plover_mode, g.modality, g.first_date, g.last_date, g.mentions, g.articles, g.sources,
       g.topics, m.sentence, a.url, g.first_id, g.precision, m.article_id, g.background, g.mention_ids,
       {_GROUP_KEY} AS dedup_key, m.sentence_start, m.sentence_end, m.trigger, m.trigger_start, m.trigger_end
FROM _groups g JOIN {{first}} m ON m.id = g.first_id JOIN articles a ON a.id = m.article_id
"""
_ADD_NEW = "DROP TABLE _groups; INSERT INTO events SELECT * FROM _new ORDER BY first_date NULLS FIRST, first_id"

#: What makes an event a tie of the relations network (``pair_totals``, ``/api/dyads``): asserted,
#: between two different countries. A denied or planned event is no relation yet; a country acting
#: on itself is no tie.
TIE = ("modality = 'asserted' AND source_country IS NOT NULL AND target_country IS NOT NULL "
       "AND source_country <> target_country")

# What events add to ``pair_totals`` (``{sign}`` 1 for events added, -1 for events taken out).
_PAIR_DELTA = f"""
SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
       coalesce(background, false) AS background, {{sign}} * count(*) AS events,
       {{sign}} * count(*) FILTER (source_country < target_country) AS a_to_b,
       {{sign}} * count(*) FILTER (source_country > target_country) AS b_to_a,
       {{sign}} * coalesce(sum(goldstein), 0) AS goldstein_sum, {{sign}} * count(goldstein) AS goldstein_n
FROM {{events}}
WHERE {TIE}
GROUP BY 1, 2, 3"""

# Add the signed rows of ``_delta`` to ``pair_totals``; a pair left with no events goes.
_ADD_DELTA = """
INSERT INTO pair_totals
SELECT a, b, background, sum(events), sum(a_to_b), sum(b_to_a), sum(goldstein_sum), sum(goldstein_n)
FROM _delta GROUP BY a, b, background
ON CONFLICT (a, b, background) DO UPDATE SET
  events = pair_totals.events + excluded.events, a_to_b = pair_totals.a_to_b + excluded.a_to_b,
  b_to_a = pair_totals.b_to_a + excluded.b_to_a,
  goldstein_sum = pair_totals.goldstein_sum + excluded.goldstein_sum,
  goldstein_n = pair_totals.goldstein_n + excluded.goldstein_n;
DELETE FROM pair_totals WHERE events = 0;
DROP TABLE _delta
"""

_REBUILD = f"""
CREATE OR REPLACE TEMP TABLE _keyed AS {_KEYED.format(mentions='event_mentions', articles='articles')};
DELETE FROM events;
{_CLUSTER}
{_NEW.format(first='event_mentions')};
{_ADD_NEW};
DROP TABLE _new;
DELETE FROM pair_totals;
INSERT INTO pair_totals {_PAIR_DELTA.format(sign=1, events='events')};
"""

# _reach: for each new dated mention (in _fresh), the span its events cover once it joins them (its
# day, widened to the events of its key, in _near, within the window). Those events are taken
# apart: their mentions (``mention_ids``) and the new ones are clustered again. Nothing else is read.
_REACH = f"""
CREATE OR REPLACE TEMP TABLE _reach AS
SELECT f.source_key, f.target_key, f.cameo, f.modality,
       least(f.day, min(e.first_date)) AS lo, greatest(f.day, max(e.last_date)) AS hi
FROM _fresh f LEFT JOIN _near e
  ON e.source_key = f.source_key AND e.target_key = f.target_key AND e.cameo = f.cameo
 AND e.modality = f.modality AND e.first_date IS NOT NULL
 AND f.day BETWEEN e.first_date - {DEDUP_WINDOW_DAYS} AND e.last_date + {DEDUP_WINDOW_DAYS}
WHERE f.day IS NOT NULL
GROUP BY f.id, f.source_key, f.target_key, f.cameo, f.modality, f.day;
CREATE OR REPLACE TEMP TABLE _taken AS
SELECT e.* FROM _near e SEMI JOIN _reach r
  ON e.source_key = r.source_key AND e.target_key = r.target_key AND e.cameo = r.cameo
 AND e.modality = r.modality AND e.first_date BETWEEN r.lo AND r.hi;
DROP TABLE _reach;
DROP TABLE _near;
CREATE OR REPLACE TEMP TABLE _delta AS {_PAIR_DELTA.format(sign=-1, events='_taken')};
SELECT _row, mention_ids FROM _taken
"""

# What an update reads of the events of the batch's keys: only what placing the new mentions needs,
# and what those it takes apart counted in ``pair_totals``.
_NEAR = ("rowid AS _row, source_key, target_key, cameo, modality, first_date, last_date, mention_ids, "
         "source_country, target_country, background, goldstein")


def rebuild_events(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the ``events`` table from every event mention (inside the caller's transaction)."""
    con.execute(_REBUILD)


def update_events(con: duckdb.DuckDBPyConnection, new_mentions: list[str]) -> None:
    """Bring ``events`` up to date after ``new_mentions`` (ids) were inserted (inside the caller's
    transaction); the table ends as :func:`rebuild_events` would leave it.

    It reads only rows named by the batch's own values (mention, article and event ids, event keys)
    and only the columns placing them needs, so the cost follows the batch and the events it
    touches, not the size of the store (``bench/dedup.py``).
    """
    if not new_mentions:
        return
    if len(new_mentions) > BY_ID:  # a bulk load: clustering everything once is cheaper
        rebuild_events(con)
        return
    _keyed_by_id(con, "_fresh", new_mentions)
    keys = [r[0] for r in con.execute(f"SELECT DISTINCT {_joined('source_key', 'target_key', 'cameo', 'modality')} "
                                      "FROM _fresh WHERE day IS NOT NULL").fetchall()]
    listed, values = in_ids(keys) if keys else ("(NULL)", [])
    con.execute(f"CREATE OR REPLACE TEMP TABLE _near AS SELECT {_NEAR} FROM events WHERE dedup_key IN {listed}", values)
    taken = con.execute(_REACH).fetchall()
    con.execute("DROP TABLE _taken")
    if taken:
        listed, values = in_ids([t[0] for t in taken])
        con.execute(f"DELETE FROM events WHERE rowid IN {listed}", values)
    old = [i for _, ids in taken for i in ids or []]
    if old:
        _keyed_by_id(con, "_old", old)
    con.execute("CREATE OR REPLACE TEMP TABLE _keyed AS SELECT * FROM _fresh"
                + (" UNION ALL BY NAME SELECT * FROM _old" if old else ""))
    con.execute("DROP TABLE _fresh" + ("; DROP TABLE _old" if old else "") + f"; {_CLUSTER}")
    firsts = [r[0] for r in con.execute("SELECT first_id FROM _groups").fetchall()]
    if firsts:
        listed, values = in_ids(firsts)
        con.execute(_NEW.format(first=f"(SELECT * FROM event_mentions WHERE id IN {listed})"), values)
        con.execute(f"{_ADD_NEW}; INSERT INTO _delta {_PAIR_DELTA.format(sign=1, events='_new')}; DROP TABLE _new")
    else:
        con.execute("DROP TABLE _groups")
    con.execute(_ADD_DELTA)


def _keyed_by_id(con: duckdb.DuckDBPyConnection, table: str, ids: list[str]) -> None:
    """Temp table ``table``: the clustering columns of the mentions with these ids, with what their
    articles add."""
    listed, values = in_ids(ids)
    con.execute(f"CREATE OR REPLACE TEMP TABLE _m AS SELECT {_NARROW} FROM event_mentions WHERE id IN {listed}", values)
    listed, values = in_ids([r[0] for r in con.execute("SELECT DISTINCT article_id FROM _m").fetchall()])
    chosen = f"(SELECT * FROM articles WHERE id IN {listed})"
    con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS {_KEYED.format(mentions='_m', articles=chosen)}", values)
    con.execute("DROP TABLE _m")
