"""The learned event coder: candidates from the parse → features → linear models → decoded events.

``candidates`` finds every predicate that could be an event and the actor mentions around it;
``features`` describes each candidate and each (candidate, mention) pair, the rules coder's
opinion included; ``linear`` holds the trained models (plain weight tables, no pickles);
``decode`` turns scores into :class:`~tightrope.models.Event` records with an ``explain``;
``stage`` is the pipeline stage; ``train`` rebuilds the models from the annotated corpus.
"""

from .stage import LearnedEventStage

__all__ = ["LearnedEventStage"]
