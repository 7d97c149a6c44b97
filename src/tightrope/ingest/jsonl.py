"""JSONL files: one article a line, with ``text`` and optional ``title``, ``url``, ``published``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from ..errors import InputError, MalformedInputError
from ..models import Article
from .text import make_article

__all__ = ["parse_jsonl"]


def parse_jsonl(source: str, text: str, **fields: Any) -> Iterator[Article | InputError]:
    """Yield one article, or one error, for each non-blank line of a JSONL file.

    Args:
        source: the file's name; errors and articles name ``source:LINE``.
        text: the decoded file.
        fields: :class:`Article` fields that override every line's (published).

    Yields:
        An :class:`Article` per good line, an :class:`InputError` per bad one.
    """
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _parse_line(where, line, fields)
        except InputError as exc:
            yield exc


def _parse_line(where: str, line: str, fields: dict[str, Any]) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise MalformedInputError(where, f"expected a JSON object, got {type(record).__name__}")
    body = record.get("text")
    if not isinstance(body, str):
        raise MalformedInputError(where, "no string field 'text'; each line needs the article body in 'text'")
    meta: dict[str, Any] = {
        "title": _optional_str(record.get("title")),
        "url": _optional_str(record.get("url")),
    }
    published = record.get("published")
    if published:
        try:
            meta["published"] = dt.date.fromisoformat(str(published)[:10])
        except ValueError:
            raise MalformedInputError(
                where, f"'published' is {published!r}; write it as YYYY-MM-DD"
            ) from None
    meta.update({k: v for k, v in fields.items() if v is not None})
    return make_article(where, body, **meta)


def _optional_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
