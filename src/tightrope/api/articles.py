"""Article endpoints for reading: the list (search by title or text, a date range, sorting, paging
with the total) and one article with every annotation."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from ..store.dedup import MENTION_KEY
from .errors import ApiError
from .params import ArticleId

__all__ = ["router"]

router = APIRouter(tags=["articles"])

_ORDER = {"published": "a.published", "title": "lower(a.title)", "events": "events"}


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its own % and _ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@router.get("/api/articles")
def list_articles(
    request: Request,
    q: Annotated[str | None, Query(max_length=200, description="words in the title or text (any case)")] = None,
    date_from: Annotated[dt.date | None, Query(alias="from", description="published on or after")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to", description="published on or before")] = None,
    sort: Annotated[Literal["published", "-published", "title", "-title", "events", "-events"],
                    Query(description="published, title or events; - for descending")] = "-published",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    """Stored articles matching the search, newest first by default, with their numbers of actors,
    events and quotes and the total that match."""
    where, params = ["1 = 1"], []
    if q and q.strip():
        where.append("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')")
        params += [_like(q.strip())] * 2
    if date_from:
        where.append("a.published >= ?")
        params.append(date_from)
    if date_to:
        where.append("a.published <= ?")
        params.append(date_to)
    condition = " AND ".join(where)
    direction = "DESC" if sort.startswith("-") else "ASC"
    order = f"{_ORDER[sort.lstrip('-')]} {direction} NULLS LAST, a.id"
    db = request.app.state.db
    items = db.rows(f"""
        SELECT a.id, a.title, a.url, a.published, a.source_path, a.site,
               (SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS actors,
               (SELECT count(*) FROM event_mentions e WHERE e.article_id = a.id) AS events,
               (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes
        FROM articles a WHERE {condition} ORDER BY {order} LIMIT ? OFFSET ?""", [*params, limit, offset])
    total = db.rows(f"SELECT count(*) AS n FROM articles a WHERE {condition}", params)[0]["n"]
    return {"total": total, "limit": limit, "offset": offset, "q": q, "items": items}


@router.get("/api/articles/{article_id}")
def get_article(request: Request, article_id: ArticleId) -> dict[str, Any]:
    """One article with its text and every annotation (actors with mentions, events, quotes)."""
    db = request.app.state.db
    found = db.rows("SELECT * FROM articles WHERE id = ?", [article_id])
    if not found:
        raise ApiError(404, f"no article {article_id!r}; list the stored ones at /api/articles")
    article = found[0]
    actors = db.rows("SELECT * FROM actors WHERE article_id = ? ORDER BY actor_id", [article_id])
    mentions = db.rows("SELECT * FROM mentions WHERE article_id = ? ORDER BY start_char", [article_id])
    for actor in actors:
        actor["mentions"] = [m for m in mentions if m["actor_id"] == actor["actor_id"]]
    # Each report with the real-world event it belongs to (found by the event's dedup key).
    events = db.rows(f"""SELECT m.*, e.id AS event_id FROM event_mentions m
                         LEFT JOIN events e ON e.dedup_key = {MENTION_KEY} AND list_contains(e.mention_ids, m.id)
                         WHERE m.article_id = ? ORDER BY m.trigger_start, m.id""", [article_id])
    quotes = db.rows("SELECT * FROM quotes WHERE article_id = ? ORDER BY start_char", [article_id])
    return {"article": article, "actors": actors, "events": events, "quotes": quotes}
