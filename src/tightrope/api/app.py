"""The FastAPI application: read endpoints, a guarded write endpoint, and the dashboard pages."""

from __future__ import annotations

import datetime as dt
import hmac
import os
import threading
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Header, Query
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, model_validator

from ..actors import load_kb
from ..actors.lookup import lookup_records
from ..errors import ConfigError, InputError
from ..relations import brief_change, dyad_brief, dyad_series
from ..store import Store
from .errors import ApiError, install_error_handlers
from .limits import BodySizeLimit

__all__ = ["ApiSettings", "create_app"]

Modality = Literal["asserted", "negated", "future", "hypothetical"]
Country = Annotated[str, PathParam(pattern="^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code")]
ArticleId = Annotated[str, PathParam(pattern="^[0-9a-f]{16}$", description="16-hex content-hash id")]


@dataclass(frozen=True)
class ApiSettings:
    """Server settings.

    Args:
        db: the DuckDB file.
        token: the token POST requests must carry; None disables writing.
        max_request_bytes: larger request bodies are refused with 413.
    """

    db: str | Path
    token: str | None = None
    max_request_bytes: int = 5 * 1024 * 1024

    @classmethod
    def from_env(cls, db: str | Path) -> ApiSettings:
        """Settings from ``TIGHTROPE_API_TOKEN`` and ``TIGHTROPE_MAX_REQUEST_BYTES``."""
        limit = os.environ.get("TIGHTROPE_MAX_REQUEST_BYTES")
        if limit and not (limit.strip().isdigit() and int(limit) > 0):
            raise ConfigError(f"TIGHTROPE_MAX_REQUEST_BYTES={limit!r} is not a positive whole number of bytes; "
                              "set it like TIGHTROPE_MAX_REQUEST_BYTES=5242880, or unset it for the default 5 MB")
        return cls(db=db, token=os.environ.get("TIGHTROPE_API_TOKEN") or None,
                   max_request_bytes=int(limit) if limit else cls.max_request_bytes)


class ArticleIn(BaseModel):
    """An article to analyse: plain ``text`` (the body, without title) or a whole ``html`` page."""

    text: str | None = Field(default=None, max_length=5_000_000)
    html: str | None = Field(default=None, max_length=5_000_000)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=4000)
    published: dt.date | None = None

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class _Db:
    """The store behind a lock: DuckDB connections are not shared between threads.

    Without a write token the file is opened read-only, so other processes may read it too.
    """

    def __init__(self, path: str | Path, writable: bool) -> None:
        self.store = Store(path, read_only=not writable)
        self.lock = threading.Lock()

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        with self.lock:
            return self.store.rows(sql, params)


def create_app(settings: ApiSettings) -> FastAPI:
    """Build the app for one database.

    Args:
        settings: where the database is and how writing is guarded.

    Returns:
        The ASGI application.
    """
    app = FastAPI(title="Tightrope", version="0.1.0",
                  description="Political events from news: actors, CAMEO/PLOVER events with evidence, dyads.")
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    install_error_handlers(app)
    db = _Db(settings.db, writable=settings.token is not None)
    app.state.db = db
    pipeline_holder: dict[str, Any] = {}
    static = resources.files("tightrope.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Whether the server is up, and its database."""
        return {"status": "ok", "db": str(settings.db), "writable": settings.token is not None}

    @app.get("/api/articles", tags=["articles"])
    def list_articles(limit: Annotated[int, Query(ge=1, le=500)] = 50,
                      offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
        """Stored articles, newest first, with their numbers of actors, events and quotes."""
        items = db.rows("""
            SELECT a.id, a.title, a.url, a.published, a.source_path, a.site,
                   (SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS actors,
                   (SELECT count(*) FROM event_mentions e WHERE e.article_id = a.id) AS events,
                   (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes
            FROM articles a ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?""", [limit, offset])
        total = db.rows("SELECT count(*) AS n FROM articles")[0]["n"]
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(article_id: ArticleId) -> dict[str, Any]:
        """One article with its text and every annotation (actors with mentions, events, quotes)."""
        found = db.rows("SELECT * FROM articles WHERE id = ?", [article_id])
        if not found:
            raise ApiError(404, f"no article {article_id!r}; list the stored ones at /api/articles")
        article = found[0]
        actors = db.rows("SELECT * FROM actors WHERE article_id = ? ORDER BY actor_id", [article_id])
        mentions = db.rows("SELECT * FROM mentions WHERE article_id = ? ORDER BY start_char", [article_id])
        for actor in actors:
            actor["mentions"] = [m for m in mentions if m["actor_id"] == actor["actor_id"]]
        events = db.rows("SELECT * FROM event_mentions WHERE article_id = ? ORDER BY trigger_start, id", [article_id])
        quotes = db.rows("SELECT * FROM quotes WHERE article_id = ? ORDER BY start_char", [article_id])
        return {"article": article, "actors": actors, "events": events, "quotes": quotes}

    @app.post("/api/articles", status_code=201, tags=["articles"])
    def post_article(body: ArticleIn, authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        """Analyse and store one article. Needs ``Authorization: Bearer TOKEN``."""
        _check_token(settings.token, authorization)
        from ..ingest import parse_html
        from ..ingest.text import make_article
        from ..pipeline import Pipeline

        try:
            if body.html is not None:
                article = parse_html("api", body.html, url=body.url, published=body.published)
            else:
                article = make_article("api", body.text or "", title=body.title, url=body.url,
                                       published=body.published)
        except InputError as exc:
            raise ApiError(422, exc.reason) from None
        with db.lock:
            already = db.store.has_article(article.id)
        if not already:
            if "pipeline" not in pipeline_holder:
                pipeline_holder["pipeline"] = Pipeline()
            doc = pipeline_holder["pipeline"].analyze(article)
            with db.lock:
                db.store.save([doc])
        counts = db.rows("""SELECT (SELECT count(*) FROM actors WHERE article_id = ?) AS actors,
                                   (SELECT count(*) FROM event_mentions WHERE article_id = ?) AS events,
                                   (SELECT count(*) FROM quotes WHERE article_id = ?) AS quotes""",
                         [article.id] * 3)[0]
        return {"id": article.id, "title": article.title, "already_stored": already, **counts}

    @app.get("/api/events", tags=["events"])
    def list_events(
        actor: Annotated[str | None, Query(max_length=40, description="source country, code or id")] = None,
        target: Annotated[str | None, Query(max_length=40)] = None,
        cameo: Annotated[str | None, Query(pattern="^[0-9]{1,4}$")] = None,
        date_from: Annotated[dt.date | None, Query(alias="from")] = None,
        date_to: Annotated[dt.date | None, Query(alias="to")] = None,
        modality: Modality | None = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        """Deduplicated events, newest first, filtered as ``tightrope events`` does."""
        with db.lock:
            items = db.store.events(actor=actor, target=target, cameo=cameo, date_from=date_from,
                                    date_to=date_to, modality=modality, limit=limit, offset=offset)
        return {"limit": limit, "offset": offset, "items": items}

    @app.get("/api/actors", tags=["actors"])
    def list_actors(limit: Annotated[int, Query(ge=1, le=500)] = 100,
                    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
        """Actors across all articles, most often seen first."""
        items = db.rows("""
            SELECT actor_id, min(name) AS name, min(kind) AS kind, min(country) AS country, min(code) AS code,
                   count(DISTINCT article_id) AS articles
            FROM actors GROUP BY actor_id ORDER BY articles DESC, actor_id LIMIT ? OFFSET ?""", [limit, offset])
        return {"limit": limit, "offset": offset, "items": items}

    @app.get("/api/actors/lookup", tags=["actors"])
    def actor_lookup(name: Annotated[str, Query(min_length=1, max_length=200)],
                     date: Annotated[dt.date | None, Query()] = None) -> dict[str, Any]:
        """What a name stands for in the knowledge base: people with the role held on ``date`` (its
        dates, source and what it rests on, or why there is none), states with whether they existed then."""
        return {"name": name, "date": date, "items": lookup_records(name, date)}

    @app.get("/api/dyads", tags=["dyads"])
    def network(date_from: Annotated[dt.date | None, Query(alias="from")] = None,
                date_to: Annotated[dt.date | None, Query(alias="to")] = None) -> dict[str, Any]:
        """The relations network: countries as nodes, asserted events between them as edges."""
        edges = db.rows("""
            SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
                   count(*) AS events, round(sum(goldstein), 2) AS goldstein_sum,
                   round(avg(goldstein), 2) AS goldstein_mean
            FROM events
            WHERE modality = 'asserted' AND source_country IS NOT NULL AND target_country IS NOT NULL
              AND source_country <> target_country
              AND coalesce(first_date, DATE '0001-01-01') >= coalesce(?, DATE '0001-01-01')
              AND coalesce(first_date, DATE '0001-01-01') <= coalesce(?, DATE '9999-12-31')
            GROUP BY 1, 2 ORDER BY events DESC, a, b""", [date_from, date_to])
        kb = load_kb()
        codes = sorted({e["a"] for e in edges} | {e["b"] for e in edges})
        nodes = [{"id": c, "name": kb.entities[c].name if c in kb.entities else c} for c in codes]
        return {"nodes": nodes, "edges": edges}

    @app.get("/api/dyads/{a}/{b}", tags=["dyads"])
    def dyad(a: Country, b: Country, by: Literal["day", "week", "month", "year"] = "month",
             date_from: Annotated[dt.date | None, Query(alias="from")] = None,
             date_to: Annotated[dt.date | None, Query(alias="to")] = None,
             background: bool = False,
             change_at: Annotated[dt.date | None, Query()] = None) -> dict[str, Any]:
        """One pair of countries: the series by period and the brief (convergences, divergences and
        third parties by issue area, each with evidence sentences and article ids; background
        statements only with ``background=true``; ``change_at`` adds which areas warmed or cooled)."""
        with db.lock:
            series = dyad_series(db.store, a, b, by, date_from, date_to)
            brief = dyad_brief(db.store, a, b, date_from, date_to, background=background)
            if change_at:
                brief.change = brief_change(db.store, a, b, change_at)
        return {"a": a, "b": b, "by": by, "series": [asdict(r) for r in series], "brief": asdict(brief)}

    def page(name: str) -> FileResponse:
        return FileResponse(str(static.joinpath(name)), media_type="text/html")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def network_page() -> FileResponse:
        return page("network.html")

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(a: Country, b: Country) -> FileResponse:
        return page("dyad.html")

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page() -> FileResponse:
        return page("events.html")

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: ArticleId) -> FileResponse:
        return page("article.html")

    return app


def _check_token(expected: str | None, authorization: str | None) -> None:
    if expected is None:
        raise ApiError(403, "writing is disabled on this server; start it with TIGHTROPE_API_TOKEN set")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(401, "missing or wrong token; send the header 'Authorization: Bearer <TIGHTROPE_API_TOKEN>'")
