"""The annotated event corpus: its schema, the build from annotators' drafts, the checker and the splits."""

from __future__ import annotations

from .schema import GoldActor, GoldArticle, GoldEvent, load_corpus
from .splits import split_of

__all__ = ["GoldActor", "GoldArticle", "GoldEvent", "load_corpus", "split_of"]
