"""Ingest through a running ``tightrope serve``: read the files here, analyse and store them there.

DuckDB lets one process open a database file (even read-only opens from other processes are
refused while it is held for writing), so while a server holds the file it is the only writer and
``tightrope ingest --server URL`` sends it the articles, in batches, to ``POST /api/batches``.
Only the standard library is used (``urllib``).
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..config import MAX_INPUT_BYTES
from ..errors import ConfigError, InputError, TightropeError
from ..ingest import discover
from ..ingest.files import read_file
from ..models import Article
from .db import BATCH_SIZE, IngestReport

__all__ = ["RemoteError", "ingest_remote", "TIMEOUT_S"]

#: Seconds to wait for the server to answer one batch: it analyses the batch before it answers,
#: and loads the language model on its first one.
TIMEOUT_S = 600.0


class RemoteError(TightropeError):
    """The server did not take a batch: not reachable, refused the token, or failed."""


def ingest_remote(
    server: str,
    token: str | None,
    paths: Iterable[str | Path],
    max_bytes: int = MAX_INPUT_BYTES,
    published: dt.date | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int, IngestReport], None] | None = None,
    timeout: float = TIMEOUT_S,
) -> IngestReport:
    """Read every article under ``paths`` and have the server at ``server`` analyse and store them.

    Like :meth:`Store.ingest <tightrope.store.Store.ingest>`, rerunning after an interruption
    finishes the job without duplicates: the server leaves stored articles as they are.

    Args:
        server: the server's address, like ``http://127.0.0.1:8000``.
        token: the server's ``TIGHTROPE_API_TOKEN``.
        paths: files and folders.
        max_bytes: inputs over this size are refused.
        published: a publication date that overrides each article's own.
        batch_size: articles per request (and so per transaction on the server).
        progress: called after each batch the server stored with (files done, files in all, report).
        timeout: seconds to wait for each answer.

    Returns:
        What was stored, already there, and skipped (here, or refused by the server).

    Raises:
        ConfigError: the address or the token cannot be used.
        RemoteError: the server is not reachable, refused the token, or failed on a batch.
    """
    client = _Client(server, token, timeout)
    limits = client.limits()
    files = list(discover(paths))
    report = IngestReport()
    batch = _Batch(min(batch_size, limits["max_articles"]), limits["max_request_bytes"])
    seen: set[str] = set()

    def send(done: int) -> None:
        client.send(batch.take(), report)
        if progress is not None:
            progress(done, len(files), report)

    for done, path in enumerate(files, start=1):
        for item in read_file(path, max_bytes=max_bytes, published=published):
            if isinstance(item, InputError):
                report.skipped.append((item.source, item.reason))
                continue
            if item.id in seen:
                report.already += 1
                continue
            seen.add(item.id)
            payload = _Payload(item)
            if payload.size > batch.max_bytes:
                report.skipped.append((payload.source, f"{payload.size:,} bytes as JSON, over the {batch.max_bytes:,} "
                                       f"byte request limit of {client.base}; raise TIGHTROPE_MAX_REQUEST_BYTES "
                                       "where the server runs, or ingest it with --db while no server holds the file"))
                continue
            if batch.items and not batch.fits(payload):
                send(done)
            batch.add(payload)
            if len(batch.items) >= batch.max_articles:
                send(done)
    if batch.items:
        client.send(batch.take(), report)
    if progress is not None:
        progress(len(files), len(files), report)
    return report


class _Payload:
    """One article as the JSON the server takes, and its size."""

    def __init__(self, article: Article) -> None:
        self.source = article.source_path or article.id
        fields = {"text": article.text, "title": article.title, "url": article.url,
                  "published": article.published.isoformat() if article.published else None,
                  "source": article.source_path, "site": article.site}
        self.encoded = json.dumps({k: v for k, v in fields.items() if v is not None}, ensure_ascii=False).encode()
        self.size = len(self.encoded) + 2  # alone in a list: the brackets


class _Batch:
    """Articles gathered until there are enough, or the next one would pass the request size limit."""

    def __init__(self, max_articles: int, max_bytes: int) -> None:
        self.max_articles = max_articles
        self.max_bytes = max_bytes
        self.items: list[_Payload] = []
        self.size = 2

    def fits(self, payload: _Payload) -> bool:
        return self.size + len(payload.encoded) + 1 <= self.max_bytes

    def add(self, payload: _Payload) -> None:
        self.items.append(payload)
        self.size += len(payload.encoded) + (1 if len(self.items) > 1 else 0)

    def take(self) -> list[_Payload]:
        items, self.items, self.size = self.items, [], 2
        return items


class _Client:
    """Requests to one server, each failure turned into a message naming the address and the next step."""

    def __init__(self, server: str, token: str | None, timeout: float) -> None:
        if not server.startswith(("http://", "https://")):
            raise ConfigError(f"--server {server!r} is not an http(s) address; write it like http://127.0.0.1:8000")
        if not token:
            raise ConfigError(f"TIGHTROPE_API_TOKEN is not set; set it to the token the server at {server} "
                              "was started with")
        self.base = server.rstrip("/")
        self.token = token
        self.timeout = timeout

    def limits(self) -> dict[str, int]:
        """What the server takes per batch; fails before any file is read when it would refuse them."""
        found = self._request("GET", "/api/batches/limits")
        if not isinstance(found, dict) or not all(isinstance(found.get(k), int) and found[k] > 0
                                                  for k in ("max_articles", "max_request_bytes")):
            raise RemoteError(f"{self.base}/api/batches/limits answered {str(found)[:200]!r}; check that --server is "
                              "a Tightrope server of this version")
        return found

    def send(self, batch: list[_Payload], report: IngestReport) -> None:
        """Post one batch and add what the server did with each article to ``report``."""
        answer = self._request("POST", "/api/batches", b"[" + b",".join(p.encoded for p in batch) + b"]")
        results = answer.get("results") if isinstance(answer, dict) else None
        if not isinstance(results, list) or len(results) != len(batch):
            raise RemoteError(f"{self.base}/api/batches answered {str(answer)[:200]!r}, not one result per article "
                              "sent; check that --server is a Tightrope server of this version")
        for payload, result in zip(batch, results):
            status = result.get("status") if isinstance(result, dict) else None
            if status == "stored":
                report.stored += 1
            elif status == "already":
                report.already += 1
            else:
                reason = result.get("reason") if isinstance(result, dict) else None
                report.skipped.append((payload.source, str(reason or f"refused by the server ({result!r})")))

    def _request(self, method: str, path: str, data: bytes | None = None) -> Any:
        url = self.base + path
        request = urllib.request.Request(url, data=data, method=method, headers={
            "Authorization": f"Bearer {self.token}", "Content-Type": "application/json",
            "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise self._refusal(method, url, exc.code, _detail(exc)) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                raise RemoteError(f"{url} did not answer within {self.timeout:.0f} s; check the server's log, "
                                  "then rerun the same command (stored articles are not analysed again)") from None
            raise RemoteError(f"nothing answers at {self.base} ({reason}); start the server with "
                              "`TIGHTROPE_API_TOKEN=... tightrope serve --db FILE --port PORT`, or check --server"
                              ) from None
        try:
            return json.loads(raw)
        except ValueError:
            raise RemoteError(f"{url} answered with something that is not JSON ({raw[:80]!r}); check that "
                              "--server is the address of `tightrope serve`") from None

    def _refusal(self, method: str, url: str, status: int, detail: str) -> RemoteError:
        if status == 401:
            return RemoteError(f"{url} refused the token (401: {detail}); set TIGHTROPE_API_TOKEN to the token "
                               "the server was started with")
        if status == 403:
            return RemoteError(f"{url} does not accept articles (403: {detail}); restart the server with "
                               "TIGHTROPE_API_TOKEN set")
        if status == 413:
            return RemoteError(f"{url} refused a batch as too large (413: {detail}); something between here and "
                               "the server limits requests more than the server says: give a smaller --batch-size")
        if status >= 500:
            return RemoteError(f"the server failed on {method} {url} ({status}: {detail}); the batches before it "
                               "are stored; look at the server's log, then rerun the same command (stored "
                               "articles are not analysed again)")
        return RemoteError(f"{method} {url} was refused ({status}: {detail}); check that --server is a Tightrope "
                           "server of this version")


def _detail(exc: urllib.error.HTTPError) -> str:
    """The ``detail`` of the API's error body, or the start of whatever else came back."""
    try:
        raw = exc.read()
    except OSError:
        return exc.reason or "no body"
    try:
        return str(json.loads(raw)["error"]["detail"])
    except (ValueError, KeyError, TypeError):
        return raw[:200].decode(errors="replace") or str(exc.reason)
