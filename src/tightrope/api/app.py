"""The FastAPI application: read endpoints, a guarded write endpoint, and the dashboard pages."""

from __future__ import annotations

import contextlib
import datetime as dt
import hmac
import os
import queue
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, model_validator

from ..actors.lookup import lookup_records
from ..errors import ConfigError, InputError
from ..relations import brief_change, dyad_brief, dyad_timeline
from ..store import Store
from .analysis import analyse, close_worker
from .articles import router as articles_router
from .docs import install_docs
from .errors import ApiError, install_error_handlers
from .events import router as events_router
from .limits import BodySizeLimit
from .network import router as network_router
from .params import ArticleId, Country, country_code
from .responses import fast_json

__all__ = ["ApiSettings", "create_app"]



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
    """The store: each request reads on a connection of its own (``read``, a DuckDB cursor), so reads
    run in parallel and see what was committed; writes take ``lock`` (one writer).

    Without a write token the file is opened read-only.
    """

    def __init__(self, path: str | Path, writable: bool) -> None:
        self.store = Store(path, read_only=not writable)
        self.lock = threading.Lock()
        #: How many saves this server made: a cached answer is good while it is unchanged (the
        #: server is the file's one writer, so nothing else changes it).
        self.generation = 0
        # Reader views wait in a pool, owned here, rather than in thread-locals of the server's
        # worker threads: a DuckDB connection destroyed by a thread that ends while the interpreter
        # shuts down aborts the process (duckdb/duckdb#13904); these are closed by ``close``.
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self._readers: list[Store] = []
        self._making = threading.Lock()

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        with self.read() as store:
            return store.rows(sql, params)

    @contextlib.contextmanager
    def read(self) -> Iterator[Store]:
        """A store view on a connection of its own, taken from the pool (made when none is free) and
        given back after: requests read in parallel, and a save (under ``lock``) does not block them.
        Each query sees what was committed when it started."""
        try:
            view = self._idle.get_nowait()
        except queue.Empty:
            with self._making:  # cursors are made from the writer's connection: one at a time
                view = self.store.reader()
                self._readers.append(view)
        try:
            yield view
        finally:
            self._idle.put(view)

    def close(self) -> None:
        """Close the readers and the store (when the server stops)."""
        with self._making:
            for view in self._readers:
                view.close()
            self._readers.clear()
            self.store.close()


def create_app(settings: ApiSettings) -> FastAPI:
    """Build the app for one database.

    Args:
        settings: where the database is and how writing is guarded.

    Returns:
        The ASGI application.
    """
    # The worker process that analyses posted articles (``analysis.py``), made on first write, and
    # the lock that lets one analysis run at a time; POST /api/articles and /api/batches share both.
    pipeline_holder: dict[str, Any] = {"lock": threading.Lock()}

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        close_worker(pipeline_holder)
        db.close()

    app = FastAPI(title="Tightrope", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Political events from news: actors, CAMEO/PLOVER events with evidence, dyads.")
    install_docs(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    install_error_handlers(app)
    db = _Db(settings.db, writable=settings.token is not None)
    app.state.db = db
    app.state.network_cache = {}  # /api/dyads answers by question and db.generation
    app.include_router(network_router)
    static = resources.files("tightrope.web").joinpath("static")
    app.include_router(articles_router)
    app.include_router(events_router)
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Whether the server is up, and its database."""
        return {"status": "ok", "db": str(settings.db), "writable": settings.token is not None}

    @app.post("/api/articles", status_code=201, tags=["articles"])
    def post_article(body: ArticleIn, authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        """Analyse and store one article. Needs ``Authorization: Bearer TOKEN``."""
        _check_token(settings.token, authorization)
        from ..ingest import parse_html
        from ..ingest.text import make_article

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
            with pipeline_holder["lock"]:
                (doc,) = analyse(pipeline_holder, [article])
            with db.lock:
                db.store.save([doc])
                db.generation += 1
        counts = db.rows("""SELECT (SELECT count(*) FROM actors WHERE article_id = ?) AS actors,
                                   (SELECT count(*) FROM event_mentions WHERE article_id = ?) AS events,
                                   (SELECT count(*) FROM quotes WHERE article_id = ?) AS quotes""",
                         [article.id] * 3)[0]
        return {"id": article.id, "title": article.title, "already_stored": already, **counts}

    from .batches import install_batches  # here, not at the top: batches.py builds on this module
    install_batches(app, db, settings, pipeline_holder)

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

    @app.get("/api/dyads/{a}/{b}", tags=["dyads"])
    def dyad(a: Country, b: Country, by: Literal["day", "week", "month", "year"] = "month",
             date_from: Annotated[dt.date | None, Query(alias="from")] = None,
             date_to: Annotated[dt.date | None, Query(alias="to")] = None,
             background: bool = False,
             change_at: Annotated[dt.date | None, Query()] = None) -> dict[str, Any]:
        """One pair of countries (codes in any case): the series by period on real dates (``series``,
        with each period's ``end``; ``gaps``, the spans with no events; ``imprecise``, events dated
        more coarsely than ``by``; ``trend`` with its basis) and the brief (convergences, divergences
        and third parties by issue area, each with evidence sentences and article ids). Events and
        statements the articles tell as history are left out unless ``background=true``;
        ``change_at`` adds which areas warmed or cooled."""
        with db.read() as store:
            line = dyad_timeline(store, a, b, by, date_from, date_to, background=background)
            monthly = line if by == "month" else None
            brief = dyad_brief(store, a, b, date_from, date_to, background=background, monthly=monthly)
            if change_at:
                brief.change = brief_change(store, a, b, change_at)
        return fast_json({"a": a, "b": b, "by": by, "background": background,
                          "series": [asdict(r) for r in line.series], "gaps": [{"start": s, "end": e} for s, e in line.gaps],
                          "imprecise": [asdict(r) for r in line.imprecise], "trend": asdict(line.trend),
                          "brief": asdict(brief)})

    def page(name: str) -> FileResponse:
        return FileResponse(str(static.joinpath(name)), media_type="text/html")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def network_page() -> FileResponse:
        return page("network.html")

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, a: str, b: str) -> Response:
        codes = [_page_code(a), _page_code(b)]
        if codes != [a, b]:  # /dyad/usa/irn is the page of USA and IRN
            return RedirectResponse(request.url.replace(path=f"/dyad/{codes[0]}/{codes[1]}"), status_code=307)
        return page("dyad.html")

    @app.get("/country/{code}", response_class=HTMLResponse, include_in_schema=False)
    def country_page(request: Request, code: str) -> Response:
        upper = _page_code(code)
        if upper != code:  # /country/rus is the page of RUS
            return RedirectResponse(request.url.replace(path=f"/country/{upper}"), status_code=307)
        return page("country.html")

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page() -> FileResponse:
        return page("events.html")

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(event_id: Annotated[str, PathParam(pattern="^[0-9a-f]{16}$")]) -> FileResponse:
        return page("event.html")

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page() -> FileResponse:
        return page("articles.html")

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: ArticleId) -> FileResponse:
        return page("article.html")

    return app


def _page_code(code: str) -> str:
    """A page URL's country code upper-cased, or the 404 page-level error for a non-code."""
    try:
        return country_code(code)
    except ValueError as exc:
        raise ApiError(404, f"{exc}; the network at / links every pair") from None


def _check_token(expected: str | None, authorization: str | None) -> None:
    if expected is None:
        raise ApiError(403, "writing is disabled on this server; start it with TIGHTROPE_API_TOKEN set")
    # RFC 7235: the scheme is case-insensitive and one or more spaces part it from the credentials.
    scheme, _, given = (authorization or "").strip().partition(" ")
    given = given.strip()
    if scheme.lower() != "bearer" or not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(401, "missing or wrong token; send the header 'Authorization: Bearer <TIGHTROPE_API_TOKEN>'")
