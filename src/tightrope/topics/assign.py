"""Assign topics to events from the words of their sentence and their actors."""

from __future__ import annotations

import functools
import re

from ..data import read_table, split_list
from ..models import ArticleDoc, Event

__all__ = ["TopicStage", "load_topics", "topics_for"]


@functools.lru_cache(maxsize=1)
def load_topics() -> dict[str, re.Pattern[str]]:
    """Load the taxonomy as one whole-word pattern per topic, in the file's order."""
    topics = {}
    for row in read_table("topics/topics.csv", ("topic", "label", "keywords")):
        words = sorted(split_list(row["keywords"]), key=len, reverse=True)
        topics[row["topic"]] = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")
    return topics


def topics_for(text: str, actor_names: list[str] | None = None) -> list[str]:
    """Return the topics a piece of text (and the names of the actors in it) is about.

    Args:
        text: a sentence.
        actor_names: names of the event's actors ("Quad", "NATO").

    Returns:
        Topic ids in taxonomy order.
    """
    haystack = " ".join([text, *(actor_names or [])]).lower()
    return [topic for topic, pattern in load_topics().items() if pattern.search(haystack)]


_BACK_POINTERS = {"it", "this", "that", "them", "these", "those"}


class TopicStage:
    """Set ``Event.topics`` from the event's sentence and actors.

    When the trigger's object is a pronoun ("India is keen on buying it"), what the pronoun
    points back to is in the previous sentence, so that sentence's topics are added.
    """

    name = "topics"
    requires = ("parsed", "events")
    provides = ("topics",)

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        return doc.model_copy(update={"events": [self._topics(doc, e) for e in doc.events]})

    @staticmethod
    def _topics(doc: ArticleDoc, event: Event) -> Event:
        names = [r.name for r in (event.source, event.target) if r is not None]
        found = topics_for(event.sentence.text, names)
        previous = _previous_sentence_if_pointed_to(doc, event)
        if previous:
            found += [t for t in topics_for(previous) if t not in found]
        return event.model_copy(update={"topics": found})


def _previous_sentence_if_pointed_to(doc: ArticleDoc, event: Event) -> str | None:
    parsed = doc.parsed
    trigger = parsed.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand") if parsed else None
    if trigger is None:
        return None
    head = trigger[0]
    if not any(c.dep_ in ("dobj", "pobj", "nsubjpass") and c.lower_ in _BACK_POINTERS for c in head.children):
        return None
    start = head.sent.start
    return parsed[start - 1].sent.text if start > 0 else None
