"""Tightrope: world news in, structured political event data out.

The public API is small::

    from tightrope import Pipeline
    doc = Pipeline().analyze_text("Russia and India agreed to deepen cooperation.")
    for event in doc.events:
        print(event.cameo, event.source, event.target, event.modality)
"""

import logging

from .errors import InputError, TightropeError
from .models import Actor, ActorRef, Article, ArticleDoc, Event, Quote, StageIssue, TextSpan
from .pipeline import Pipeline

__all__ = [
    "Pipeline",
    "Article",
    "ArticleDoc",
    "Actor",
    "ActorRef",
    "Event",
    "Quote",
    "StageIssue",
    "TextSpan",
    "TightropeError",
    "InputError",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
