"""Cut a long article into chunks the parser can hold, and merge their analyses into one document.

A chunk is analysed as an article of its own, so what the stages read across a whole article stops
at a chunk's edge: coreference ("he", "the minister" for someone named in an earlier chunk), a
quote's speaker carried over from the paragraph before, and the article's main dyad that the rules
coder gives to untargeted events. Cuts fall between paragraphs where they can, which the parse
already treats as sentence boundaries, so no sentence is split unless it is longer than a chunk.
"""

from __future__ import annotations

import re

from .errors import ConfigError
from .models import Actor, Article, ArticleDoc, Event, Quote, RelationStatement, StageIssue, TextSpan, content_id

__all__ = ["split_text", "chunk_article", "merge_chunks"]

# The end of a sentence: its punctuation and any closing quote or bracket, before a space; or a line
# break, where the parse starts a sentence too.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s)|\n")


def split_text(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut a text into spans of at most ``limit`` characters, at paragraph breaks where possible.

    A span ends at the last ``"\\n\\n"`` that fits; a paragraph longer than ``limit`` is cut after
    its last sentence end that fits, else at its last space, else at ``limit``. Spans hold no
    whitespace at either end, and the whitespace between them belongs to none.

    Args:
        text: the whole text.
        limit: the longest a span may be.

    Returns:
        ``(start, end)`` offsets into ``text``, in order; none for a text of whitespace only.

    Raises:
        ConfigError: ``limit`` is under 1.
    """
    if limit < 1:
        raise ConfigError(f"a chunk must hold at least 1 character, not {limit}; set CHUNK_CHARS to 100000")
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    while start < len(text):
        end = len(text) if len(text) - start <= limit else _cut(text, start, start + limit)
        trimmed = end
        while text[trimmed - 1].isspace():
            trimmed -= 1
        spans.append((start, trimmed))
        start = _skip_space(text, end)
    return spans


def chunk_article(article: Article, start: int, end: int) -> Article:
    """The sub-article holding ``article.text[start:end]``, with the article's metadata.

    Its id is hashed from the article's id and the chunk's place, so the ids the stages derive from
    it (events, quotes) are unique within the article and the same on every run.

    Args:
        article: the whole article.
        start: where the chunk starts in its text.
        end: where the chunk ends.

    Returns:
        The sub-article.
    """
    return article.model_copy(update={"id": content_id(article.id, "chunk", str(start), str(end)),
                                      "text": article.text[start:end]})


def merge_chunks(article: Article, analysed: list[tuple[int, int, ArticleDoc]], chunks: int) -> ArticleDoc:
    """Merge the analyses of an article's chunks into one document with offsets into the whole text.

    Actor ids are the knowledge base's ("RUS", "lavrov", "person:jane-doe"), so an actor named in two
    chunks is one actor, as in one article: its first record is kept, with the mentions of every
    chunk, and every event party and quote speaker refers to an actor of the merged list. Event and
    quote ids are kept: those of a chunk hash the chunk's own id (``chunk_article``), so they stay unique.

    Args:
        article: the whole article.
        analysed: ``(start, end, doc)`` for each analysed chunk, in order.
        chunks: how many chunks the article was cut into, for the issues' reasons.

    Returns:
        One document for the whole article, its issues saying which chunk each came from.
    """
    firsts: dict[str, Actor] = {}
    mentions: dict[str, list[TextSpan]] = {}
    events: list[Event] = []
    quotes: list[Quote] = []
    relations: list[RelationStatement] = []
    issues: list[StageIssue] = []
    for number, (start, end, doc) in enumerate(analysed, 1):
        for actor in doc.actors:
            firsts.setdefault(actor.id, actor)
            mentions.setdefault(actor.id, []).extend(_shift(m, start) for m in actor.mentions)
        events.extend(e.model_copy(update={"sentence": _shift(e.sentence, start), "trigger": _shift(e.trigger, start)})
                      for e in doc.events)
        quotes.extend(q.model_copy(update={"start": q.start + start, "end": q.end + start}) for q in doc.quotes)
        relations.extend(r.model_copy(update={"evidence": _shift(r.evidence, start), "clause": _shift(r.clause, start)})
                         for r in doc.relations)
        issues.extend(StageIssue(stage=i.stage, reason=f"chunk {number} of {chunks} (characters {start:,}-{end:,}): "
                                                       f"{i.reason}") for i in doc.issues)
    actors = [actor.model_copy(update={"mentions": mentions[actor.id]}) for actor in firsts.values()]
    return ArticleDoc(article=article, actors=actors, events=events, quotes=quotes, relations=relations,
                      issues=issues)


def _shift(span: TextSpan, offset: int) -> TextSpan:
    return TextSpan(start=span.start + offset, end=span.end + offset, text=span.text)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _cut(text: str, start: int, stop: int) -> int:
    """Where to end a chunk that starts at ``start`` and may not reach ``stop``: after its last whole
    paragraph, else its last sentence end, else its last space, else at ``stop`` (a word that long)."""
    paragraph = text.rfind("\n\n", start + 1, stop)
    if paragraph > start:
        return paragraph
    last = None
    # One character past ``stop`` so the lookahead sees the space after a sentence ending at ``stop``.
    for match in _SENTENCE_END.finditer(text, start, min(stop + 1, len(text))):
        if match.end() <= stop:
            last = match
    if last is not None and last.end() > start:
        return last.end()
    for position in range(stop - 1, start, -1):
        if text[position].isspace():
            return position
    return stop
