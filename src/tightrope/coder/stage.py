"""The learned event coder as a pipeline stage (``--coder learned``, the default)."""

from __future__ import annotations

from ..events.extract import EventStage
from ..events.ontology import load_ontology
from ..models import ActorRef, ArticleDoc
from .candidates import Candidate, find_candidates, lexicon_nouns
from .decode import decode
from .features import RuleHint, rule_hints
from .models import CoderModels

__all__ = ["Candidates", "LearnedEventStage"]


class Candidates:
    """Finds an article's candidates and the rules coder's events on them (the models' inputs).

    Args:
        nouns: noun lemmas that may name an event, beside the lexicon's.
    """

    def __init__(self, nouns: frozenset[str] = frozenset()) -> None:
        self.rules = EventStage(min_confidence=0.0)
        self.nouns = lexicon_nouns() | nouns

    def __call__(self, doc: ArticleDoc) -> tuple[list[Candidate], dict[int, list[RuleHint]]]:
        """The article's candidates and the rules coder's events by trigger token."""
        parsed = doc.parsed
        rules = self.rules(doc).events
        tokens_at = {c: t.i for t in parsed for c in range(t.idx, t.idx + len(t.text))}
        kinds = {a.id: a.kind for a in doc.actors}
        quotes = [(q.start, q.end, ActorRef(actor_id=q.speaker.actor_id, name=q.speaker.name,
                                            country=q.speaker.country) if q.speaker and q.speaker.country else None)
                  for q in doc.quotes]
        return find_candidates(parsed, self.nouns, kinds, quotes), rule_hints(rules, tokens_at)


class LearnedEventStage:
    """Code events with the trained models; the rules coder runs first and feeds them as features.

    Args:
        models: the models (default: the packaged ones).
        min_confidence: drop events under this confidence (default: keep what the threshold chosen
            on dev keeps).
    """

    name = "events"
    requires = ("parsed", "token_actors")
    provides = ("events",)

    def __init__(self, models: CoderModels | None = None, min_confidence: float | None = None) -> None:
        self.models = models or CoderModels.load()
        self.candidates = Candidates(self.models.nouns)
        self.codes = load_ontology()
        self.threshold = self.models.settings.event_threshold
        self.min_confidence = min_confidence

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        cands, hints = self.candidates(doc)
        events = decode(doc, cands, hints, self.models, self.codes, self.threshold)
        if self.min_confidence is not None:
            events = [e for e in events if e.confidence >= self.min_confidence]
        return doc.model_copy(update={"events": events})
