"""The relations network and one country's relations: ``/api/dyads`` and ``/api/countries/{code}`` (the page, ``/country/{code}``, is served with the others in ``app.py``).

Only asserted events between two different countries count, as in the dyad series: a denied or
planned event is not a relation yet, and a country acting on itself is not a tie. Background events
(every report dates them over ``BACKGROUND_DAYS`` before its article: "the 1994 ceasefire" told in
2020) are left out unless ``background=true``, so history does not feed the current network.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from ..actors import load_kb
from ..relations.timeline import timeline
from ..store.dedup import TIE
from .errors import ApiError
from .params import Country
from .responses import fast_json

__all__ = ["router"]

router = APIRouter()

#: Network answers kept between saves (a dashboard asks the same few questions again and again).
_CACHED = 32
#: Pairs the network returns by default, and at most: the busiest first.
DEFAULT_EDGES = 500
MAX_EDGES = 5000

DateFrom = Annotated[dt.date | None, Query(alias="from", description="first day counted")]
DateTo = Annotated[dt.date | None, Query(alias="to", description="last day counted")]
Background = Annotated[bool, Query(description="count events the articles tell as history too")]

# The events that make ties, as ``s`` (source), ``t`` (target), ``g`` (Goldstein). Undated events
# count only while no start date is asked for, as before the network moved here.
_TIES = f"""
    SELECT source_country AS s, target_country AS t, goldstein AS g, first_date AS day FROM events
    WHERE {TIE} AND (? OR NOT coalesce(background, false))"""
_IN_PERIOD = """coalesce(day, DATE '0001-01-01') >= coalesce(?, DATE '0001-01-01')
      AND coalesce(day, DATE '0001-01-01') <= coalesce(?, DATE '9999-12-31')"""

# The same edges over all time, from ``pair_totals`` (kept by ``store.dedup`` with the events).
_ALL_TIME = """
    SELECT a, b, CAST(sum(events) AS BIGINT) AS events, CAST(sum(a_to_b) AS BIGINT) AS a_to_b,
           CAST(sum(b_to_a) AS BIGINT) AS b_to_a,
           CASE WHEN sum(goldstein_n) > 0 THEN round(sum(goldstein_sum), 2) END AS goldstein_sum,
           CASE WHEN sum(goldstein_n) > 0 THEN round(sum(goldstein_sum) / sum(goldstein_n), 2) END AS goldstein_mean
    FROM pair_totals WHERE ? OR NOT background
    GROUP BY a, b HAVING sum(events) >= ?"""


def _is_country(code: str) -> bool:
    entity = load_kb().entities.get(code)
    return entity is not None and entity.kind == "state"


@router.get("/api/dyads", tags=["dyads"])
def network(request: Request, date_from: DateFrom = None, date_to: DateTo = None,
            min_events: Annotated[int, Query(ge=1, le=1_000_000, description="drop pairs with fewer events")] = 1,
            background: Background = False,
            limit: Annotated[int, Query(ge=1, le=MAX_EDGES, description="the busiest pairs at most")] = DEFAULT_EDGES,
            ) -> dict[str, Any]:
    """The relations network: countries as nodes, asserted events between them as edges.

    Each edge ``a``-``b`` (``a`` < ``b``) has its ``events``, how many went each way (``a_to_b``,
    ``b_to_a``) and the Goldstein sum and mean. Each node has the events it takes part in, its number
    of partners and its mean Goldstein, over the edges kept. ``span`` is the first and last event date
    whatever ``from`` and ``to`` are (the page's presets count back from ``span.last``). Only the
    ``limit`` busiest pairs come back (``pairs`` says how many there are): no one reads more lines.
    """
    db = request.app.state.db
    key = (date_from, date_to, min_events, background, limit, db.generation)
    cache = request.app.state.network_cache
    if key in cache:  # the same question since the last save: the same answer
        return fast_json(cache[key])
    if date_from is None and date_to is None:  # all time: the per-pair counts kept at ingest
        grouped, params = _ALL_TIME, [background, min_events]
    else:
        grouped, params = f"""
            WITH ties AS ({_TIES})
            SELECT least(s, t) AS a, greatest(s, t) AS b, count(*) AS events,
                   count(*) FILTER (s < t) AS a_to_b, count(*) FILTER (s > t) AS b_to_a,
                   round(sum(g), 2) AS goldstein_sum, round(avg(g), 2) AS goldstein_mean
            FROM ties WHERE {_IN_PERIOD}
            GROUP BY 1, 2 HAVING count(*) >= ?""", [background, date_from, date_to, min_events]
    edges = db.rows(f"SELECT *, count(*) OVER () AS pairs FROM ({grouped}) ORDER BY events DESC, a, b LIMIT ?",
                    [*params, limit])
    pairs = edges[0]["pairs"] if edges else 0
    for edge in edges:
        del edge["pairs"]
    span = db.rows(f"WITH ties AS ({_TIES}) SELECT min(day) AS first, max(day) AS last FROM ties",
                   [background])[0]
    totals: dict[str, dict[str, Any]] = {}
    for edge in edges:
        for code in (edge["a"], edge["b"]):
            node = totals.setdefault(code, {"events": 0, "partners": 0, "goldstein_sum": 0.0})
            node["events"] += edge["events"]
            node["partners"] += 1
            node["goldstein_sum"] += edge["goldstein_sum"] or 0.0
    nodes = [{"id": code, "name": load_kb().name_of(code), "events": t["events"], "partners": t["partners"],
              "goldstein_mean": round(t["goldstein_sum"] / t["events"], 2)}
             for code, t in sorted(totals.items())]
    answer = {"nodes": nodes, "edges": edges, "span": span, "pairs": pairs}
    if len(cache) >= _CACHED:
        cache.clear()
    cache[key] = answer
    return fast_json(answer)


@router.get("/api/countries/{code}", tags=["dyads"])
def country(request: Request, code: Country, by: Literal["day", "week", "month", "year"] = "month",
            date_from: DateFrom = None, date_to: DateTo = None, background: Background = False) -> dict[str, Any]:
    """One country: its partners (events each way, mean Goldstein) and its events with other countries by period.

    ``series`` has one row per period with events (its start, end, counts per QuadClass, Goldstein
    sum and mean); ``gaps`` names the spans without any, so a chart breaks its line there; events
    dated more coarsely than ``by`` are in ``imprecise``. Undated events count among the partners only.
    """
    db = request.app.state.db
    partners = db.rows(f"""
        WITH ties AS ({_TIES})
        SELECT CASE WHEN s = ? THEN t ELSE s END AS partner, count(*) AS events,
               count(*) FILTER (s = ?) AS to_partner, count(*) FILTER (t = ?) AS from_partner,
               round(sum(g), 2) AS goldstein_sum, round(avg(g), 2) AS goldstein_mean
        FROM ties WHERE (s = ? OR t = ?) AND {_IN_PERIOD}
        GROUP BY 1 ORDER BY events DESC, partner""",
                       [background, code, code, code, code, code, date_from, date_to])
    if not partners and not _is_country(code):
        seen = db.rows("SELECT count(*) AS n FROM events WHERE source_country = ? OR target_country = ?",
                       [code, code])[0]["n"]
        if not seen:
            raise ApiError(404, f"no events for country {code!r} and it is not a known country code; "
                                "the countries with events are the nodes of /api/dyads")
    for row in partners:
        row["name"] = load_kb().name_of(row["partner"])
    with db.read() as store:
        line = timeline(store, "(source_country = ? AND target_country <> ?) OR (target_country = ? "
                                  "AND source_country <> ?)", [code] * 4, by, date_from, date_to, background)
    return fast_json({"code": code, "name": load_kb().name_of(code), "events": sum(p["events"] for p in partners),
                      "partners": partners, "by": by, "background": background,
                      "series": [asdict(r) for r in line.series], "gaps": [{"start": s, "end": e} for s, e in line.gaps],
                      "imprecise": [asdict(r) for r in line.imprecise], "trend": asdict(line.trend)})
