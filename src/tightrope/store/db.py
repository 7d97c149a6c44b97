"""The DuckDB store: idempotent, transactional ingest and event queries."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ..config import MAX_INPUT_BYTES
from ..errors import ConfigError, InputError
from ..ingest import discover
from ..ingest.files import read_file
from ..models import ActorRef, ArticleDoc, content_id
from .dedup import rebuild_events, update_events
from .framings import fill_framings
from .queries import EventQuery, event_rows, rows_of
from .schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["Store", "IngestReport", "DEFAULT_DB"]

#: The database file used when none is named: in the working directory.
DEFAULT_DB = "tightrope.duckdb"
#: Articles per transaction: an interrupted run loses at most one uncommitted batch.
BATCH_SIZE = 16


@dataclass
class IngestReport:
    """What one ingest run did."""

    stored: int = 0
    already: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)


class Store:
    """An embedded DuckDB file holding analysed articles.

    Args:
        path: the database file (created when missing).
        read_only: open without taking the write lock (for servers and queries).
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise ConfigError(f"no database at {self.path}; create one with `tightrope ingest PATH --db {self.path}`")
        if not self.path.parent.is_dir():
            raise ConfigError(f"--db {self.path}: the folder {self.path.parent} does not exist; create it "
                              "or give a path in an existing folder")
        self.con = _connect(self.path, read_only)
        if not read_only:
            self._migrate()
            return
        self._check_version()
        if self.version() < SCHEMA_VERSION:
            # A file written by an older Tightrope: bring it up to date once (this needs the write
            # lock for a moment), then read it as asked.
            self.con.close()
            self.con = _connect(self.path, False)
            self._migrate()
            self.con.close()
            self.con = _connect(self.path, True)

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def reader(self) -> Store:
        """A view of the same database on a connection of its own (a DuckDB cursor), for one thread
        to read while others read or write: readers see what was committed and do not wait for each
        other. Close it (or use it in a ``with``) when done."""
        view = object.__new__(Store)
        view.path = self.path
        view.con = self.con.cursor()
        return view

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------
    def version(self) -> int:
        """The schema version of the open file (0 for a new file)."""
        tables = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "meta" not in tables:
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _check_version(self) -> None:
        found = self.version()
        if found > SCHEMA_VERSION:
            raise ConfigError(
                f"{self.path} has schema version {found}, newer than this Tightrope's {SCHEMA_VERSION}; "
                "upgrade Tightrope"
            )

    def _migrate(self) -> None:
        self._check_version()
        found = self.version()
        for version in range(found + 1, SCHEMA_VERSION + 1):
            self.con.execute("BEGIN TRANSACTION")
            for statement in MIGRATIONS[version]:
                self.con.execute(statement)
            if version == SCHEMA_VERSION and found > 0:
                rebuild_events(self.con)  # columns added to ``events`` are filled from the mentions
                if found < 6:
                    fill_framings(self.con)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
            self.con.execute("COMMIT")

    # -- writing --------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        """Tell whether an article is stored."""
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def save(self, docs: list[ArticleDoc], errors: Iterable[InputError] = ()) -> None:
        """Store analysed articles and input errors in one transaction; stored articles are left as they are.

        Args:
            docs: analysed articles.
            errors: inputs that could not be analysed.
        """
        self.con.execute("BEGIN TRANSACTION")
        try:
            added: list[str] = []
            quoted: list[str] = []
            fresh = {d.article.id: d for d in docs}
            if fresh:
                stored = {r[0] for r in self.con.execute(
                    f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(fresh))})", list(fresh)).fetchall()}
                fresh = {k: d for k, d in fresh.items() if k not in stored}
            self._insert(list(fresh.values()))
            for doc in fresh.values():
                added += [e.id for e in doc.events]
                quoted += [q.id for q in doc.quotes if q.speaker and q.speaker.country]
            for error in errors:
                self.con.execute("INSERT OR IGNORE INTO issues VALUES (?, NULL, ?, 'ingest', ?)",
                                 [content_id(error.source, error.reason), error.source, error.reason])
            update_events(self.con, added)
            fill_framings(self.con, quoted)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _insert(self, docs: list[ArticleDoc]) -> None:
        """Insert the rows of these articles: one multi-row INSERT per table (in chunks), not one
        statement per row."""
        tables: dict[str, list[list[Any]]] = {}
        for doc in docs:
            for table, rows in _rows_of(doc).items():
                tables.setdefault(table, []).extend(rows)
        for table, rows in tables.items():
            or_ignore = "OR IGNORE " if table == "issues" else ""
            marks = "(" + ", ".join("?" * len(rows[0])) + ")"
            for start in range(0, len(rows), _ROWS_PER_INSERT):
                chunk = rows[start:start + _ROWS_PER_INSERT]
                self.con.execute(f"INSERT {or_ignore}INTO {table} VALUES {', '.join([marks] * len(chunk))}",
                                 [value for row in chunk for value in row])

    def ingest(
        self,
        pipeline: Any,
        paths: Iterable[str | Path],
        max_bytes: int = MAX_INPUT_BYTES,
        published: dt.date | None = None,
        batch_size: int = BATCH_SIZE,
        progress: Callable[[int, int, IngestReport], None] | None = None,
    ) -> IngestReport:
        """Read, analyse and store every article under ``paths``, one transaction per batch.

        Articles already stored are not analysed again, so rerunning after an interruption
        finishes the job without duplicating anything.

        Args:
            pipeline: a :class:`~tightrope.pipeline.Pipeline`.
            paths: files and folders.
            max_bytes: inputs over this size are refused.
            published: a publication date that overrides each article's own.
            batch_size: articles per transaction.
            progress: called after each committed batch with (files done, files in all, report).

        Returns:
            What was stored, already there, and skipped.
        """
        files = list(discover(paths))
        report = IngestReport()
        docs: list[ArticleDoc] = []
        errors: list[InputError] = []
        seen: set[str] = set()
        for done, path in enumerate(files, start=1):
            for item in read_file(path, max_bytes=max_bytes, published=published):
                if isinstance(item, InputError):
                    errors.append(item)
                    report.skipped.append((item.source, item.reason))
                elif item.id in seen or self.has_article(item.id):
                    report.already += 1
                else:
                    seen.add(item.id)
                    docs.append(pipeline.analyze(item))
                if len(docs) >= batch_size:
                    self._commit(docs, errors, report, progress, done, len(files))
                    docs, errors = [], []
        self._commit(docs, errors, report, progress, len(files), len(files))
        return report

    def _commit(self, docs, errors, report, progress, done, total) -> None:
        if docs or errors:
            self.save(docs, errors)
            report.stored += len(docs)
        if progress is not None:
            progress(done, total, report)

    # -- reading --------------------------------------------------------------------------
    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run a query and return its rows as dicts keyed by column name."""
        return rows_of(self.con, sql, params or [])

    def events(
        self,
        actor: str | None = None,
        target: str | None = None,
        cameo: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        modality: str | None = None,
        limit: int = 100,
        offset: int = 0,
        explain: bool = False,
        pair: tuple[str, str] | None = None,
        background: bool | None = None,
        sort: str = "-date",
    ) -> list[dict[str, Any]]:
        """Deduplicated events matching the filters, newest first (see :class:`~tightrope.store.queries.EventQuery`).

        Each row carries where its first report is: ``article_id``, ``sentence`` (with
        ``sentence_start``/``sentence_end``), ``trigger`` and ``url``.

        Args:
            actor: source country (ISO3), actor code or actor id, any case.
            target: target country, code or id.
            cameo: a CAMEO code prefix ("11" matches 110-116).
            date_from: earliest first date.
            date_to: latest first date.
            modality: asserted, negated, future or hypothetical.
            limit: rows at most.
            offset: rows to skip (for paging).
            explain: add ``explain``, why the coder coded the event's first report (a dict, or None
                for reports stored before schema version 3).
            pair: two countries or codes, either direction.
            background: True for history told by the articles only, False for current events only.
            sort: a key of :data:`~tightrope.store.queries.SORTS`, ``-`` in front for descending.

        Returns:
            The events.
        """
        query = EventQuery(actor=actor, target=target, pair=pair, cameo=cameo, date_from=date_from,
                           date_to=date_to, modality=modality, background=background, sort=sort)
        return event_rows(self.con, query, limit=limit, offset=offset, explain=explain)


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the file, turning DuckDB's errors into messages that name the file and the next step."""
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        text = str(exc)
        if "not a valid DuckDB database" in text:
            raise ConfigError(f"--db {path} is not a DuckDB database (it holds something else); "
                              "give the path of a Tightrope store or of a file to create") from None
        if "lock" in text.lower():
            holder = re.search(r"PID (\d+)", text)
            who = f"process {holder.group(1)}" if holder else "another process"
            server = _server_url(int(holder.group(1))) if holder else None
            if server and read_only:
                raise ConfigError(
                    f"--db {path} is held by `tightrope serve` at {server} ({who}); DuckDB lets one process "
                    f"open the file, so read it through the server (the dashboard at {server}/, the API at "
                    f"{server}/docs), or stop the server first") from None
            if server:
                raise ConfigError(
                    f"--db {path} is held by `tightrope serve` at {server} ({who}); DuckDB lets one process "
                    f"open the file, so ingest through the server: `tightrope ingest PATHS --server {server}` "
                    "(the server must be started with TIGHTROPE_API_TOKEN set, and the same token set here)"
                ) from None
            raise ConfigError(f"--db {path} is in use by {who} (a running `tightrope ingest` or `serve`); "
                              "wait for it to finish, stop it, or use another --db; if it is `tightrope serve` "
                              "started with TIGHTROPE_API_TOKEN, ingest through it with "
                              "`tightrope ingest PATHS --server http://HOST:PORT`") from None
        raise ConfigError(f"--db {path} cannot be opened: {text}") from None


def _server_url(pid: int) -> str | None:
    """The address a ``tightrope serve`` process listens on, read from its command line; None for
    any other process, or where ``/proc`` cannot tell (not Linux, another user's process)."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return None
    if "serve" not in args or not any(a.endswith("tightrope") or a == "tightrope.cli" for a in args):
        return None
    options = {"--host": "127.0.0.1", "--port": "8000"}  # the defaults of `tightrope serve`
    for i, arg in enumerate(args):
        name, eq, value = arg.partition("=")
        if name in options:
            options[name] = value if eq else (args[i + 1] if i + 1 < len(args) else options[name])
    host = options["--host"]
    if host in ("0.0.0.0", "::"):
        host = "127.0.0.1"  # listening everywhere, so reachable here on the loopback address
    return f"http://{'[' + host + ']' if ':' in host else host}:{options['--port']}"


def _ref(ref: ActorRef | None) -> list[Any]:
    if ref is None:
        return [None] * 5
    return [ref.actor_id, ref.name, ref.country, ref.code, ref.sector]


#: Rows of one table per INSERT statement.
_ROWS_PER_INSERT = 200


def _rows_of(doc: ArticleDoc) -> dict[str, list[list[Any]]]:
    """The rows one analysed article adds, by table (in the tables' column order)."""
    a = doc.article
    aid = a.id
    tables: dict[str, list[list[Any]]] = {
        "articles": [[aid, a.title, a.url, a.published, a.source_path, a.language, a.site, a.text]]}
    if doc.actors:
        tables["actors"] = [[aid, x.id, x.name, x.kind, x.country, x.code, x.role, x.members, x.role_basis]
                            for x in doc.actors]
        mentions = {(x.id, m.start): [aid, x.id, m.start, m.end, m.text] for x in doc.actors for m in x.mentions}
        tables["mentions"] = list(mentions.values())
    if doc.events:
        tables["event_mentions"] = [
            [e.id, aid, e.sentence.start, e.sentence.end, e.sentence.text, e.trigger.start, e.trigger.end,
             e.trigger.text, *_ref(e.source), *_ref(e.target), e.cameo, e.cameo_name, e.goldstein,
             e.quad_class, e.plover.type if e.plover else None, e.plover.mode if e.plover else None,
             e.modality, e.date, e.date_precision, e.date_basis, e.date_text, e.topics, e.quote_id,
             e.confidence, json.dumps(e.explain) if e.explain else None] for e in doc.events]
    if doc.quotes:
        tables["quotes"] = [[q.id, aid, q.text, q.start, q.end, q.kind, q.speaker.actor_id if q.speaker else None,
                             q.speaker.name if q.speaker else None, q.speaker.country if q.speaker else None]
                            for q in doc.quotes]
    if doc.relations:
        rows = {}
        for r in doc.relations:
            rid = content_id(aid, r.a, r.b, r.kind, r.area, r.third or "", str(r.evidence.start))
            rows[rid] = [rid, aid, r.a, r.b, r.kind, r.area, r.third, r.evidence.start, r.evidence.end,
                         r.evidence.text, r.clause.start, r.clause.end, r.basis, r.background, r.date]
        tables["relation_mentions"] = list(rows.values())
    if doc.issues:
        issues = {content_id(aid, i.stage, i.reason): [content_id(aid, i.stage, i.reason), aid, a.source_path,
                                                        i.stage, i.reason] for i in doc.issues}
        tables["issues"] = list(issues.values())
    return tables
