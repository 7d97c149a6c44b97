"""Quotes: direct and partial quotations with their speakers."""

from .find import QuoteStage, find_quote_spans

__all__ = ["QuoteStage", "find_quote_spans"]
