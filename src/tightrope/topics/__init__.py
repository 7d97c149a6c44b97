"""Topics: what each event is about, from a small documented taxonomy."""

from .assign import TopicStage, load_topics, topics_for

__all__ = ["TopicStage", "load_topics", "topics_for"]
