"""REST API and dashboard server (FastAPI), reading and writing the DuckDB store."""

from .app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
