"""NLP: the spaCy parse every later stage reads."""

from .parse import ParseStage, load_nlp

__all__ = ["ParseStage", "load_nlp"]
