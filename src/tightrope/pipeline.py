"""Wire the stages together and run them over articles, one bad article never stopping the rest."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from .actors import ActorStage, load_kb
from .chunks import chunk_article, merge_chunks, split_text
from .config import ARTICLE_SECONDS, CHUNK_CHARS, MAX_INPUT_BYTES, MIN_CONFIDENCE
from .dates import DateStage
from .errors import ConfigError, InputError, PipelineError
from .events import EventStage
from .ingest import read_inputs
from .models import Article, ArticleDoc
from .nlp import ParseStage, load_nlp
from .quotes import QuoteStage
from .relations.statements import RelationStage
from .topics import TopicStage

__all__ = ["Stage", "Pipeline", "Skipped", "CODERS", "DEFAULT_CODER"]

logger = logging.getLogger(__name__)


class Stage(Protocol):
    """A pipeline stage: a callable from ArticleDoc to ArticleDoc that says what it needs and adds."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: ArticleDoc) -> ArticleDoc: ...


#: The event coders a pipeline can use.
CODERS = ("learned", "rules")
DEFAULT_CODER = "learned"


def _coder(name: str, min_confidence: float | None, models: str | Path | None) -> Stage:
    if name == "rules":
        return EventStage(min_confidence=MIN_CONFIDENCE if min_confidence is None else min_confidence)
    if name == "learned":
        from .coder import LearnedEventStage
        from .coder.models import CoderModels

        return LearnedEventStage(CoderModels.load(Path(models) if models else None), min_confidence=min_confidence)
    raise ConfigError(f"unknown coder {name!r}; choose one of {', '.join(CODERS)}")


class Skipped(InputError):
    """An article a stage could not analyse, with the stage and the reason."""


class Pipeline:
    """The stages in order; checks at construction that each one's requirements come before it.

    Args:
        stages: the stages; by default parse → actors → quotes → events → dates → topics → relations.
        min_confidence: events under this confidence are dropped (default: the rules coder's
            ``MIN_CONFIDENCE``; the learned coder's threshold chosen on dev).
        dictionaries: extra PETRARCH-format dictionaries, as (``actors`` or ``agents``, path) pairs.
        coder: ``"learned"`` (the trained models, rules as their features) or ``"rules"``; None is
            ``DEFAULT_CODER``.
        models: a folder of learned-coder models to use instead of the packaged ones.
    """

    def __init__(self, stages: list[Stage] | None = None, min_confidence: float | None = None,
                 dictionaries: tuple[tuple[str, str], ...] = (), coder: str | None = None,
                 models: str | Path | None = None) -> None:
        if stages is None:
            nlp = load_nlp()
            kb = load_kb(tuple(dictionaries))
            stages = [ParseStage(nlp), ActorStage(nlp, kb), QuoteStage(kb), _coder(coder or DEFAULT_CODER, min_confidence, models),
                      DateStage(), TopicStage(), RelationStage()]
        provided: set[str] = set()
        for stage in stages:
            missing = [r for r in stage.requires if r not in provided]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage provides; "
                    f"earlier stages provide: {', '.join(sorted(provided)) or 'nothing'}"
                )
            provided.update(stage.provides)
        self.stages = stages

    @property
    def stage_names(self) -> list[str]:
        """The stages' names, in order."""
        return [s.name for s in self.stages]

    def analyze(self, article: Article) -> ArticleDoc:
        """Run every stage on one article.

        A stage that fails records a ``StageIssue`` and the later stages are skipped
        for that article; the error is never swallowed silently. A text longer than
        ``CHUNK_CHARS`` is analysed in chunks (:meth:`analyze_in_chunks`).

        Args:
            article: the article.

        Returns:
            The analysed document, without the spaCy parse.
        """
        if len(article.text) > CHUNK_CHARS:
            return self.analyze_in_chunks(article)
        return self._run_stages(ArticleDoc(article=article), self.stages)

    def analyze_in_chunks(self, article: Article) -> ArticleDoc:
        """Analyse a long article chunk by chunk, so the parser's memory stays that of one chunk.

        The text is cut at paragraphs (else sentences) into chunks of at most ``CHUNK_CHARS``
        characters, each run through every stage as an article of its own, one at a time, and the
        results merged into one document with offsets into the whole text (``chunks.merge_chunks``).
        Coreference, a quote's speaker and anything else read across the article is lost at a chunk
        boundary. Once the chunks have taken more than ``ARTICLE_SECONDS``, the rest are left out and
        a ``pipeline`` issue says how many were analysed; what they found is kept.

        Args:
            article: the article.

        Returns:
            One analysed document for the whole article.
        """
        spans = split_text(article.text, CHUNK_CHARS)
        began = time.monotonic()
        analysed: list[tuple[int, int, ArticleDoc]] = []
        for start, end in spans:
            chunk = ArticleDoc(article=chunk_article(article, start, end))
            analysed.append((start, end, self._run_stages(chunk, self.stages)))
            elapsed = time.monotonic() - began
            if elapsed > ARTICLE_SECONDS and len(analysed) < len(spans):
                break
        doc = merge_chunks(article, analysed, len(spans))
        if len(analysed) < len(spans):
            done = analysed[-1][1]
            logger.warning("article %s: stopped after %d of %d chunks, over %s s", article.id, len(analysed),
                           len(spans), ARTICLE_SECONDS)
            doc = doc.with_issue("pipeline", (
                f"analysed {len(analysed)} of {len(spans)} chunks (characters 0-{done:,} of {len(article.text):,}) "
                f"in {elapsed:.1f} s, over the {ARTICLE_SECONDS:g} s one article may take (ARTICLE_SECONDS); "
                "the rest was not analysed: split the text into articles (one per line of a .jsonl)"))
        return doc

    def analyze_many(self, articles: list[Article]) -> list[ArticleDoc]:
        """Analyse many articles, parsing them together with ``nlp.pipe`` (batch size: the parse stage's).

        An article longer than ``CHUNK_CHARS`` is analysed on its own, in chunks (:meth:`analyze`).

        Args:
            articles: the articles.

        Returns:
            One analysed document per article, in order.
        """
        first, rest = self.stages[0], self.stages[1:]
        if not isinstance(first, ParseStage):
            return [self.analyze(a) for a in articles]
        docs: list[ArticleDoc] = []
        parsed_docs = first.pipe(ArticleDoc(article=a) for a in articles if len(a.text) <= CHUNK_CHARS)
        for position, article in enumerate(articles):
            if len(article.text) > CHUNK_CHARS:
                docs.append(self.analyze(article))
                continue
            try:
                doc = next(parsed_docs)
            except Exception:  # a failure ends the pipe: analyse this and the rest one by one
                logger.exception("batched parse failed at article %s; going on one by one", article.id)
                return docs + [self.analyze(a) for a in articles[position:]]
            docs.append(self._run_stages(doc, rest))
        return docs

    def _run_stages(self, doc: ArticleDoc, stages: list[Stage]) -> ArticleDoc:
        for stage in stages:
            try:
                doc = stage(doc)
            except Exception as exc:  # one article must never stop a batch; the reason is kept
                logger.exception("stage %s failed on article %s", stage.name, doc.article.id)
                doc = doc.with_issue(stage.name, f"{exc.__class__.__name__}: {exc}")
                break
        return doc.model_copy(update={"parsed": None})

    def analyze_text(self, text: str, title: str | None = None, published: dt.date | None = None) -> ArticleDoc:
        """Analyse one article given as a string (the body, without the title).

        Args:
            text: the article body.
            title: its title, kept out of the analysed text.
            published: its publication date, used to resolve dated roles.

        Returns:
            The analysed document.
        """
        return self.analyze(Article.from_text(text, title=title, published=published))

    def run(
        self,
        paths: Iterable[str | Path],
        max_bytes: int = MAX_INPUT_BYTES,
        published: dt.date | None = None,
    ) -> Iterator[ArticleDoc | InputError]:
        """Read and analyse every article under ``paths``.

        Args:
            paths: files and folders.
            max_bytes: inputs over this size are refused.
            published: a publication date that overrides each article's own.

        Yields:
            An analysed document per article, and an :class:`InputError` per input
            that could not be read; an article seen before in the same run is
            reported once as a duplicate.
        """
        seen: dict[str, str] = {}
        for item in read_inputs(paths, max_bytes=max_bytes, published=published):
            if isinstance(item, InputError):
                yield item
                continue
            first = seen.setdefault(item.id, item.source_path or "")
            if first != (item.source_path or ""):
                yield Skipped(item.source_path or item.id, f"same text as {first}; analysed once")
                continue
            yield self.analyze(item)
