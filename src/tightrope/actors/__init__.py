"""Actors: who acts, resolved offline against a knowledge base on the article's date."""

from .kb import KnowledgeBase, load_kb
from .resolve import ActorStage

__all__ = ["ActorStage", "KnowledgeBase", "load_kb"]
