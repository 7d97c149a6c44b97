"""Dates: resolve each event's date from the text against the publication date."""

from .resolve import MONTHS, DateStage, latest_day, resolve_expression

__all__ = ["DateStage", "MONTHS", "latest_day", "resolve_expression"]
