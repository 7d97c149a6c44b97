"""Merge event mentions into real-world events, deterministically, whatever the ingest order."""

from __future__ import annotations

import duckdb

from .schema import DEDUP_WINDOW_DAYS

__all__ = ["rebuild_events"]

# Mentions share a key when they have the same source, target, code and modality; sorted by date,
# a gap of more than the window starts a new event. Ids hash the key and the first mention, so a
# rebuild gives the same ids. Undated mentions fall back to their article's publication date.
_REBUILD = f"""
CREATE OR REPLACE TEMP TABLE _keyed AS
SELECT m.*, a.url AS article_url, coalesce(a.site, a.url, a.source_path) AS outlet,
       coalesce(m.source_country, m.source_code, m.source_actor_id) AS source_key,
       coalesce(m.target_country, m.target_code, m.target_actor_id, '') AS target_key,
       coalesce(m.date, a.published) AS day
FROM event_mentions m JOIN articles a ON a.id = m.article_id;

CREATE OR REPLACE TEMP TABLE _clustered AS
SELECT *, sum(gap) OVER (PARTITION BY source_key, target_key, cameo, modality ORDER BY day NULLS LAST, id
                         ROWS UNBOUNDED PRECEDING) AS cluster_no
FROM (
  SELECT *, CASE WHEN day IS NULL OR lag(day) OVER w IS NULL OR day - lag(day) OVER w > {DEDUP_WINDOW_DAYS}
                 THEN 1 ELSE 0 END AS gap
  FROM _keyed WINDOW w AS (PARTITION BY source_key, target_key, cameo, modality ORDER BY day NULLS LAST, id)
);

DELETE FROM events;
INSERT INTO events
SELECT substr(md5(source_key || '|' || target_key || '|' || cameo || '|' || modality || '|' || min(id)), 1, 16),
       source_key, target_key,
       arg_min(source_name, id), arg_min(source_country, id), arg_min(source_code, id),
       arg_min(target_name, id), arg_min(target_country, id), arg_min(target_code, id),
       cameo, arg_min(cameo_name, id), arg_min(goldstein, id), arg_min(quad_class, id),
       arg_min(plover_type, id), arg_min(plover_mode, id), modality,
       min(day), max(day), count(*), count(DISTINCT article_id), count(DISTINCT outlet),
       list_sort(list_distinct(flatten(list(topics)))), arg_min(sentence, id), arg_min(article_url, id), min(id),
       arg_min(coalesce(date_precision, 'day'), day)
FROM _clustered
GROUP BY source_key, target_key, cameo, modality, cluster_no;
"""


def rebuild_events(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the ``events`` table from every event mention (inside the caller's transaction)."""
    con.execute(_REBUILD)
