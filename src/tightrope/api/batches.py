"""``POST /api/batches``: analyse many articles and store them in one transaction.

This is how ``tightrope ingest --server URL`` writes to a database that a running server holds:
DuckDB lets one process open a file, so the server is the one writer and ingestion goes
through it. Analysis runs in a worker process (``analysis.py``), outside the database lock, so reads
are answered meanwhile; only the save takes it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Body, FastAPI, Header
from pydantic import BaseModel, Field, ValidationError

from ..errors import InputError
from ..models import Article
from .analysis import analyse
from .app import ApiSettings, ArticleIn, _check_token, _Db

__all__ = ["MAX_BATCH", "BatchArticle", "BatchResult", "install_batches"]

#: Articles one request may carry; the body-size limit (TIGHTROPE_MAX_REQUEST_BYTES) applies as well.
MAX_BATCH = 64


class BatchArticle(ArticleIn):
    """An article of a batch: the fields of ``POST /api/articles`` plus where it came from.

    ``source`` (a file name, ``path:line`` for JSONL) is stored as the article's ``source_path``
    and names it in the ``issues`` table when it is refused; ``site`` is the publisher's name.
    """

    source: str | None = Field(default=None, max_length=4000)
    site: str | None = Field(default=None, max_length=1000)


class BatchResult(BaseModel):
    """What became of one article of a batch, in the order sent."""

    source: str
    id: str | None = None
    status: Literal["stored", "already", "refused"]
    reason: str | None = None


def install_batches(app: FastAPI, db: _Db, settings: ApiSettings, pipeline_holder: dict[str, Any]) -> None:
    """Add ``POST /api/batches`` and ``GET /api/batches/limits`` to an app.

    Args:
        app: the application :func:`~tightrope.api.app.create_app` builds.
        db: its store and the lock around it.
        settings: the token that guards writing.
        pipeline_holder: where the app keeps its pipeline, made on first use and shared with
            ``POST /api/articles`` so the model loads once.
    """
    # One batch is analysed at a time: spaCy pipelines are not made for concurrent calls, and a
    # second batch would only compete for the same cores.
    analysing = pipeline_holder["lock"]
    item_schema = BatchArticle.model_json_schema()

    @app.get("/api/batches/limits", tags=["articles"])
    def batch_limits(authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        """What ``POST /api/batches`` takes: articles per batch and bytes per request. Needs the token
        too, so that a client learns before it reads any file whether it may write."""
        _check_token(settings.token, authorization)
        return {"max_articles": MAX_BATCH, "max_request_bytes": settings.max_request_bytes}

    @app.post("/api/batches", tags=["articles"], openapi_extra={"requestBody": {"content": {"application/json": {
        "schema": {"type": "array", "minItems": 1, "maxItems": MAX_BATCH, "items": item_schema}}}}})
    def post_batch(body: Annotated[list[dict[str, Any]], Body(min_length=1, max_length=MAX_BATCH)],
                   authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        """Analyse and store up to 64 articles in one transaction. Needs ``Authorization: Bearer TOKEN``.

        The body is a JSON list of articles, each like ``POST /api/articles`` takes (``text`` or
        ``html``, ``title``, ``url``, ``published``) plus ``source`` and ``site``. A bad article is
        refused with its reason and the rest are stored; ``results`` says, in order, which were
        ``stored``, ``already`` stored, or ``refused``.
        """
        _check_token(settings.token, authorization)
        sources = [_source(raw, number) for number, raw in enumerate(body)]
        parsed = [_article(raw, source) for raw, source in zip(body, sources)]
        refused = [item for item in parsed if isinstance(item, InputError)]
        with db.lock:
            stored = {a.id for a in parsed if isinstance(a, Article) and db.store.has_article(a.id)}
        fresh: dict[str, Article] = {}
        results: list[BatchResult] = []
        for source, item in zip(sources, parsed):
            if isinstance(item, InputError):
                results.append(BatchResult(source=source, status="refused", reason=item.reason))
                continue
            known = item.id in stored or item.id in fresh
            results.append(BatchResult(source=source, id=item.id, status="already" if known else "stored"))
            if not known:
                fresh[item.id] = item
        with analysing:
            docs = analyse(pipeline_holder, list(fresh.values()))
        with db.lock:
            # Another request may have stored one of these while this batch was being analysed.
            late = {d.article.id for d in docs if db.store.has_article(d.article.id)}
            db.store.save([d for d in docs if d.article.id not in late], refused)
            db.generation += 1
        for result in results:
            if result.id in late and result.status == "stored":
                result.status = "already"
        counts = {status: sum(r.status == status for r in results) for status in ("stored", "already", "refused")}
        return {**counts, "results": [r.model_dump() for r in results]}


def _source(raw: dict[str, Any], number: int) -> str:
    given = raw.get("source")
    return given if isinstance(given, str) and given.strip() and len(given) <= 4000 else f"api:batch[{number}]"


def _article(raw: dict[str, Any], source: str) -> Article | InputError:
    """One batch item as an article, or the :class:`InputError` that says why it cannot be one."""
    from ..ingest import parse_html
    from ..ingest.text import make_article

    try:
        item = BatchArticle.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'article'}: {e['msg']}" for e in exc.errors())
        return InputError(source, f"not a valid article ({problems}); see /docs for the fields")
    fields = {"title": item.title, "url": item.url, "published": item.published, "site": item.site}
    try:
        if item.html is not None:
            return parse_html(source, item.html, **fields)
        return make_article(source, item.text or "", **fields)
    except InputError as exc:
        return exc
