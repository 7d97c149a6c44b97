"""Event endpoints: the filtered, sorted, paged list with its total, one event with why it was coded,
and the download of exactly what a filter matches (CSV or JSON).

Every event carries where its evidence is (``article_id``, ``sentence`` with its offsets,
``trigger``, ``url``) so a page can link each one to the sentence in its article.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import StreamingResponse

from ..store.queries import SORTS, EventQuery, event_detail, event_rows, event_total
from .errors import ApiError
from .params import country_code
from .responses import fast_json

__all__ = ["router", "DOWNLOAD_COLUMNS"]

router = APIRouter(tags=["events"])

Modality = Literal["asserted", "negated", "future", "hypothetical"]
_SORT_PATTERN = "^-?(" + "|".join(SORTS) + ")$"
#: Columns of a download, in order (the events table's own, then where the evidence is).
DOWNLOAD_COLUMNS = ["id", "first_date", "last_date", "date_precision", "source_name", "source_country", "source_code",
                    "cameo", "cameo_name", "target_name", "target_country", "target_code", "goldstein", "quad_class",
                    "plover_type", "plover_mode", "modality", "background", "num_mentions", "num_articles",
                    "num_sources", "topics", "article_id", "sentence", "url"]


def _pair(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2:
        raise ApiError(422, f"pair={value!r} is not two countries; give them as pair=RUS,IND")
    try:
        return country_code(parts[0]), country_code(parts[1])
    except ValueError as exc:
        raise ApiError(422, f"pair: {exc}") from None


def event_query(
    actor: Annotated[str | None, Query(max_length=40, description="source country, code or id (any case)")] = None,
    target: Annotated[str | None, Query(max_length=40, description="target country, code or id (any case)")] = None,
    pair: Annotated[str | None, Query(max_length=9, description="two countries, either direction: RUS,IND")] = None,
    cameo: Annotated[str | None, Query(pattern="^[0-9]{1,4}$")] = None,
    date_from: Annotated[dt.date | None, Query(alias="from")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to")] = None,
    modality: Modality | None = None,
    background: Annotated[bool | None, Query(description="true: history only; false: current only; "
                                                         "absent: both")] = None,
    sort: Annotated[str, Query(pattern=_SORT_PATTERN, description="date, goldstein, articles, mentions, cameo, "
                                                                  "source, target or modality; - for descending")] = "-date",
) -> EventQuery:
    """The filters every event endpoint takes, read once."""
    return EventQuery(actor=actor, target=target, pair=_pair(pair), cameo=cameo, date_from=date_from,
                      date_to=date_to, modality=modality, background=background, sort=sort)


Filters = Annotated[EventQuery, Depends(event_query)]


@router.get("/api/events")
def list_events(request: Request, query: Filters,
                limit: Annotated[int, Query(ge=1, le=500)] = 50,
                offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
    """Deduplicated events matching the filters, sorted (newest first by default), one page with the
    total; each with ``article_id``, ``sentence`` (and its offsets), ``trigger`` and ``url``."""
    db = request.app.state.db
    with db.read() as store:
        items = event_rows(store.con, query, limit=limit, offset=offset)
        total = event_total(store.con, query)
    return fast_json({"total": total, "limit": limit, "offset": offset, "sort": query.sort, "items": items})


@router.get("/api/events/download")
def download_events(request: Request, query: Filters,
                    format: Literal["csv", "json"] = "csv") -> StreamingResponse:
    """Every event the filters match (no paging), as CSV or JSON, in the list's order."""
    db = request.app.state.db
    with db.read() as store:
        rows = event_rows(store.con, query, limit=None)
    stamp = dt.date.today().isoformat()
    if format == "json":
        body = json.dumps([{k: r.get(k) for k in DOWNLOAD_COLUMNS} for r in rows], default=str, ensure_ascii=False)
        return StreamingResponse(iter([body]), media_type="application/json",
                                 headers={"Content-Disposition": f'attachment; filename="tightrope-events-{stamp}.json"'})
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(DOWNLOAD_COLUMNS)
    for r in rows:
        writer.writerow([";".join(r[k] or []) if k == "topics" else r.get(k) for k in DOWNLOAD_COLUMNS])
    return StreamingResponse(iter([out.getvalue()]), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="tightrope-events-{stamp}.csv"'})


@router.get("/api/events/{event_id}")
def get_event(request: Request,
              event_id: Annotated[str, PathParam(pattern="^[0-9a-f]{16}$", description="16-hex event id")]
              ) -> dict[str, Any]:
    """One event and why it was coded: each report with its article, sentence and trigger, the coder's
    ``explain`` (lexicon entry or model scores, features), modality, date and its basis, confidence,
    and each party as the knowledge base resolved it (kind, code, role on that date and its basis)."""
    db = request.app.state.db
    with db.read() as store:
        found = event_detail(store.con, event_id)
    if found is None:
        raise ApiError(404, f"no event {event_id!r}; list the stored ones at /api/events")
    return found

