"""A JSON response written straight from the rows, for the endpoints that return many of them.

FastAPI otherwise walks every value through ``jsonable_encoder`` (6 ms for a page of 100 events,
against 0.5 ms for ``json.dumps``). Dates are written as ISO strings, as FastAPI writes them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from fastapi.responses import Response

__all__ = ["fast_json"]


def _default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def fast_json(content: Any, status_code: int = 200) -> Response:
    """``content`` as an ``application/json`` response."""
    return Response(json.dumps(content, default=_default, ensure_ascii=False, allow_nan=False),
                    status_code=status_code, media_type="application/json")
