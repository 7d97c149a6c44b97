"""Parameters shared by the endpoints, validated one way everywhere.

Country codes are ISO 3166-1 alpha-3 in any case: ``rus`` and ``RUS`` are the same country in every
endpoint and page (lower case is upper-cased, never an empty answer or a 422 in one place only).
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Path as PathParam
from pydantic import AfterValidator

__all__ = ["Country", "ArticleId", "country_code"]

_CODE = re.compile(r"^[A-Za-z]{3}$")


def country_code(value: str) -> str:
    """``value`` as an upper-case ISO3 code.

    Raises:
        ValueError: it is not three letters (FastAPI answers 422 with the project's error shape).
    """
    if not _CODE.match(value):
        raise ValueError(f"{value!r} is not a country code; give three letters (ISO 3166-1 alpha-3), e.g. RUS")
    return value.upper()


#: A country in a path: three letters, any case, upper-cased.
Country = Annotated[str, PathParam(description="ISO 3166-1 alpha-3 code, any case"), AfterValidator(country_code)]
#: An article id in a path: 16 hex digits (a content hash).
ArticleId = Annotated[str, PathParam(pattern="^[0-9a-f]{16}$", description="16-hex content-hash id")]
