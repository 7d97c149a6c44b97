"""Filters, sorting, paging and detail for the deduplicated events, shared by the CLI and the API.

One :class:`EventQuery` says which events a user asked for; the CLI, the API list, its total and its
CSV/JSON download all read the same SQL from it, so a download holds exactly the rows a page counts.
Country and actor codes match whatever their case ("rus" is RUS).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import duckdb

from ..errors import ConfigError

__all__ = ["EventQuery", "SORTS", "event_rows", "event_total", "event_detail", "rows_of", "in_ids", "BY_ID"]

#: Sort keys a user may give (``-`` first for descending) -> column of ``events``.
SORTS = {"date": "first_date", "goldstein": "goldstein", "articles": "num_articles", "mentions": "num_mentions",
         "cameo": "cameo", "source": "source_name", "target": "target_name", "modality": "modality"}

#: Up to this many values are given as a list of parameters; more as one list parameter.
BY_ID = 2000


def in_ids(values: list) -> tuple[str, list]:
    """The ``(...)`` of an ``IN`` over these values (at least one) and its parameters: a list of
    values, which DuckDB filters during the scan, or above ``BY_ID`` one list it joins."""
    if len(values) <= BY_ID:
        return f"({', '.join('?' * len(values))})", list(values)
    return "(SELECT unnest(?))", [list(values)]


@dataclass(frozen=True)
class EventQuery:
    """Which events: every field left empty matches all.

    Args:
        actor: source country (ISO3), actor code or actor id, any case.
        target: target country, code or id.
        pair: two countries or codes, either direction ("All events of this pair").
        cameo: a CAMEO code prefix ("11" matches 110-116).
        date_from: earliest first date.
        date_to: latest first date.
        modality: asserted, negated, future or hypothetical.
        background: True for history only, False for current events only, None for both.
        sort: one of :data:`SORTS`, with ``-`` in front for descending.
    """

    actor: str | None = None
    target: str | None = None
    pair: tuple[str, str] | None = None
    cameo: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    modality: str | None = None
    background: bool | None = None
    sort: str = "-date"

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause over ``events e`` and its parameters."""
        where, params = ["1 = 1"], []
        for column, value in (("source", self.actor), ("target", self.target)):
            if value:
                where.append(_side(column))
                params += _side_params(value)
        if self.pair:
            a, b = self.pair
            where.append(f"(({_side('source')} AND {_side('target')}) OR ({_side('source')} AND {_side('target')}))")
            params += [*_side_params(a), *_side_params(b), *_side_params(b), *_side_params(a)]
        for condition, value in (("starts_with(e.cameo, ?)", self.cameo), ("e.first_date >= ?", self.date_from),
                                 ("e.first_date <= ?", self.date_to), ("e.modality = ?", self.modality)):
            if value:
                where.append(condition)
                params.append(value)
        if self.background is not None:
            where.append("coalesce(e.background, false) = ?")
            params.append(self.background)
        return " AND ".join(where), params

    def order(self) -> str:
        """The ORDER BY clause; ties are broken by id so paging is stable."""
        key = self.sort.lstrip("-")
        if key not in SORTS:
            raise ConfigError(f"sort {self.sort!r} is not a sort key; use one of {', '.join(SORTS)} "
                              "(with - in front for descending)")
        direction = "DESC" if self.sort.startswith("-") else "ASC"
        return f"e.{SORTS[key]} {direction} NULLS LAST, e.id"


def _side(column: str) -> str:
    return (f"(e.{column}_key = ? OR upper(e.{column}_key) = ? OR upper(e.{column}_code) = ? "
            f"OR e.{column}_country = ?)")


def _side_params(value: str) -> list[str]:
    return [value, value.upper(), value.upper(), value.upper()]


def event_rows(con: duckdb.DuckDBPyConnection, query: EventQuery, limit: int | None = 100, offset: int = 0,
               explain: bool = False) -> list[dict[str, Any]]:
    """The events the query matches, in its order, each with its article, sentence and trigger.

    The page of events is chosen first, then just those rows are read; each carries where its
    first report's sentence and trigger lie, so the reports are read only for ``explain``.

    Args:
        con: an open store connection.
        query: the filters and sort.
        limit: rows at most (None for all, as a download wants).
        offset: rows to skip.
        explain: add ``explain``, why the coder coded the event's first report (a dict, or None for
            reports stored before schema version 3).
    """
    where, params = query.where()
    page = "LIMIT ? OFFSET ?" if limit is not None else "OFFSET ?"
    page_params = [limit, offset] if limit is not None else [offset]
    # The page's ids first (a top-N over the sort columns alone), then its rows by id: sorting whole
    # rows of a large table reads every column of every row. The table is kept in date order
    # (``dedup``), so the chosen rows' date span narrows the second read to a few row groups.
    chosen = con.execute(f"SELECT e.id, e.first_date FROM events e WHERE {where} ORDER BY {query.order()} {page}",
                         [*params, *page_params]).fetchall()
    if not chosen:
        return []
    listed, values = in_ids([c[0] for c in chosen])
    days = [c[1] for c in chosen]
    span = ""
    if None not in days:
        span, values = "e.first_date BETWEEN ? AND ? AND ", [min(days), max(days), *values]
    fetched = {r["id"]: r for r in rows_of(con, "SELECT e.* EXCLUDE (mention_ids, dedup_key) FROM events e "
                                                f"WHERE {span}e.id IN {listed}", values)}
    rows = [fetched[c[0]] for c in chosen]
    if explain:
        listed, values = in_ids([r["mention_id"] for r in rows])
        found = {r[0]: r[1] for r in con.execute(f"SELECT id, explain FROM event_mentions WHERE id IN {listed}",
                                                 values).fetchall()}
    for row in rows:
        row["sentence"], row["url"] = row["evidence"], row["source_url"]
        if explain:
            text = found.get(row["mention_id"])
            row["explain"] = json.loads(text) if text else None
    return rows


def event_total(con: duckdb.DuckDBPyConnection, query: EventQuery) -> int:
    """How many events the query matches (the total a page of them is out of)."""
    where, params = query.where()
    return con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]


def event_detail(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event and why it was coded: every report of it (the first report first), each with the coder's
    ``explain``, the modality and date with what they rest on, and how each party was resolved
    (the actor as the article's knowledge base read it: kind, code, role on that date and its basis).

    Returns:
        None when no event has that id.
    """
    rows = rows_of(con, "SELECT * FROM events WHERE id = ?", [event_id])
    if not rows:
        return None
    found = rows[0]
    found.pop("dedup_key")
    members = found.pop("mention_ids") or [found["mention_id"]]
    reports = rows_of(con, """
        SELECT m.id, m.article_id, a.title AS article_title, a.url, a.published, m.sentence, m.sentence_start,
               m.sentence_end, m.trigger, m.trigger_start, m.trigger_end, m.modality, m.date, m.date_precision,
               m.date_basis, m.date_text, m.confidence, m.explain,
               m.source_actor_id, m.source_name, m.source_country, m.source_code, m.source_sector,
               m.target_actor_id, m.target_name, m.target_country, m.target_code, m.target_sector
        FROM event_mentions m JOIN articles a ON a.id = m.article_id
        WHERE list_contains(?, m.id)
        ORDER BY m.id = ? DESC, coalesce(m.date, a.published) NULLS LAST, m.id""", [members, found["mention_id"]])
    for report in reports:
        report["explain"] = json.loads(report["explain"]) if report["explain"] else None
        for side in ("source", "target"):
            report[f"{side}_actor"] = _actor(con, report["article_id"], report[f"{side}_actor_id"])
    found["reports"] = reports
    return found


def _actor(con: duckdb.DuckDBPyConnection, article_id: str, actor_id: str | None) -> dict[str, Any] | None:
    if not actor_id:
        return None
    rows = rows_of(con, "SELECT name, kind, country, code, role, role_basis, members FROM actors "
                      "WHERE article_id = ? AND actor_id = ?", [article_id, actor_id])
    if not rows:
        return None
    actor = rows[0]
    actor["mentions"] = [r["text"] for r in rows_of(
        con, "SELECT text FROM mentions WHERE article_id = ? AND actor_id = ? ORDER BY start_char",
        [article_id, actor_id])]
    return actor


def rows_of(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Run a query and return its rows as dicts keyed by column name."""
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
