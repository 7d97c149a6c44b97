"""Cut a corpus into units of work and read each unit's articles.

A corpus is any mix of folders (searched recursively), article files (.html, .htm, .txt),
JSONL files (split into line ranges), WARC files (.warc, .warc.gz) and saved RSS/Atom feeds
(.rss, .atom, .xml). A unit's id depends only on what it covers, so a rerun finds the same units.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import MAX_INPUT_BYTES
from ..errors import InputError, MalformedInputError
from ..ingest import discover
from ..ingest.decode import check_size, decode_bytes
from ..ingest.files import read_file
from ..ingest.html import parse_html
from ..ingest.jsonl import parse_jsonl
from ..ingest.text import make_article
from ..models import Article, content_id

__all__ = ["Unit", "plan_units", "read_unit", "WARC_SUFFIXES", "FEED_SUFFIXES"]

WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
ARTICLE_SUFFIXES = (".html", ".htm", ".txt")


@dataclass(frozen=True)
class Unit:
    """One batch of work: some article files, a range of JSONL lines, a WARC file or a feed."""

    kind: str  # files | jsonl | warc | feed
    paths: tuple[str, ...]
    start: int = 0
    stop: int = 0

    @property
    def id(self) -> str:
        """A stable id from what the unit covers."""
        return content_id(self.kind, *self.paths, str(self.start), str(self.stop))


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def plan_units(paths: Iterable[str | Path], files_per_unit: int = 32, lines_per_unit: int = 64) -> list[Unit]:
    """Cut a corpus into units, in a stable order.

    Args:
        paths: corpus files and folders.
        files_per_unit: article files per unit.
        lines_per_unit: JSONL lines per unit.

    Returns:
        The units.
    """
    units: list[Unit] = []
    loose: list[str] = []
    for path in discover(paths):
        suffix = _suffix(path)
        if suffix == ".jsonl":
            with path.open("rb") as handle:
                lines = sum(1 for _ in handle)
            units += [Unit("jsonl", (str(path),), s, min(s + lines_per_unit, lines))
                      for s in range(0, max(lines, 1), lines_per_unit)]
        elif suffix in WARC_SUFFIXES:
            units.append(Unit("warc", (str(path),)))
        elif suffix in FEED_SUFFIXES:
            units.append(Unit("feed", (str(path),)))
        else:
            loose.append(str(path))  # article files, and anything else, which read_file reports
    units += [Unit("files", tuple(loose[i:i + files_per_unit])) for i in range(0, len(loose), files_per_unit)]
    return units


def read_unit(unit: Unit, max_bytes: int = MAX_INPUT_BYTES,
              published: dt.date | None = None) -> Iterator[Article | InputError]:
    """Yield the articles of a unit, and an error for each input in it that cannot be read."""
    if unit.kind == "files":
        for path in unit.paths:
            yield from read_file(Path(path), max_bytes=max_bytes, published=published)
    elif unit.kind == "jsonl":
        yield from _jsonl_range(Path(unit.paths[0]), unit.start, unit.stop, published)
    elif unit.kind == "warc":
        yield from _warc(Path(unit.paths[0]), max_bytes, published)
    elif unit.kind == "feed":
        yield from _feed(Path(unit.paths[0]), max_bytes, published)
    else:
        raise ValueError(f"unknown unit kind {unit.kind!r}; expected files, jsonl, warc or feed")


def _jsonl_range(path: Path, start: int, stop: int, published: dt.date | None) -> Iterator[Article | InputError]:
    with path.open("rb") as handle:
        lines = [line for i, line in enumerate(handle) if start <= i < stop]
    for offset, raw in enumerate(lines):
        where = f"{path}:{start + offset + 1}"
        try:
            text = decode_bytes(where, raw)
        except InputError as exc:
            yield exc
            continue
        for item in parse_jsonl(str(path), text, published=published):
            if isinstance(item, InputError):
                yield InputError(where, item.reason)
            else:
                yield item.model_copy(update={"source_path": where})


def _warc(path: Path, max_bytes: int, published: dt.date | None) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type not in ("response", "resource", "conversion"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{path}#{record.rec_headers.get_header('WARC-Record-ID') or uri}"
                kind = (record.http_headers.get_header("Content-Type") if record.http_headers
                        else record.rec_headers.get_header("Content-Type")) or ""
                if "html" not in kind and "text/plain" not in kind:
                    continue
                data = record.content_stream().read(max_bytes + 1)
                try:
                    check_size(where, len(data), max_bytes)
                    text = decode_bytes(where, data, html="html" in kind)
                    if "html" in kind:
                        yield parse_html(where, text, url=uri or None, published=published)
                    else:
                        yield make_article(where, text, url=uri or None, published=published)
                except InputError as exc:
                    yield exc
    except Exception as exc:  # warcio raises many kinds of error on a damaged archive
        yield MalformedInputError(str(path), f"damaged WARC file ({exc.__class__.__name__}: {exc}); "
                                             "articles before the damage were kept")


def _feed(path: Path, max_bytes: int, published: dt.date | None) -> Iterator[Article | InputError]:
    import feedparser
    import lxml.html

    try:
        check_size(str(path), path.stat().st_size, max_bytes)
    except InputError as exc:
        yield exc
        return
    feed = feedparser.parse(path.read_bytes())
    if not feed.entries:
        reason = f"no entries ({feed.get('bozo_exception', 'not an RSS or Atom feed')})"
        yield MalformedInputError(str(path), reason + "; check it is a saved RSS or Atom feed")
        return
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{path}#{number}"
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        try:
            body = lxml.html.fromstring(html).text_content() if html.strip() else ""
        except Exception:  # lxml refuses some fragments; the raw text is still the best we have
            body = html
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        day = published or (dt.date(*stamp[:3]) if stamp else None)
        try:
            yield make_article(where, body, title=entry.get("title"), url=entry.get("link"), published=day)
        except InputError as exc:
            yield exc


