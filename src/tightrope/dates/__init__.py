"""Dates: resolve each event's date from the text against the publication date."""

from .resolve import DateStage, resolve_expression

__all__ = ["DateStage", "resolve_expression"]
