"""Store: analysed articles in an embedded DuckDB file, deduplicated events, exports."""

from .db import Store
from .schema import SCHEMA_VERSION

__all__ = ["Store", "SCHEMA_VERSION"]
