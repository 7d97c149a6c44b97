"""Fill an event's target when the trigger's own slots name none.

The lexicon says where a trigger's target stands ("sanctions *against* X", the
direct object of "attacked"). When that slot is empty or names no actor, the
target is often still in the trigger's phrase: in a complement ("promised to
continue military aid *to Mozambique*"), a place ("lifted a curfew *in
Montenegro*"), or an owner ("set fire to the offices of the *Palestinian*
administrators"). Failing that, an event done to someone unnamed ("banned
opposition candidates") or a protest with no named target stays inside the
source's country, as event datasets code domestic events (the same country on
both sides).
"""

from __future__ import annotations

from collections import deque

from spacy.tokens import Token

from ..actors.resolve import AGENT_ATTR, TOKEN_ATTR
from ..models import ActorRef

__all__ = ["phrase_targets", "domestic_target"]

#: Dependents that are not part of what was done: the doer, punctuation, a separate clause.
_SKIP_DEPS = {"nsubj", "nsubjpass", "csubj", "agent", "punct", "cc", "mark", "aux", "auxpass", "neg", "det",
              "parataxis", "appos", "dep"}
#: How far from the trigger (in dependency edges) a target may stand.
_REACH = 4
#: Roots whose act needs no named patient to have a domestic target: concessions, demands, complaints,
#: refusals, threats and protests with no one named are between the authorities and people at home,
#: and so is repression.
#: Force is left out: "Israeli tanks fired" says nothing about whom they fired at.
_INHERENTLY_DIRECTED = {"08", "10", "11", "12", "13", "14", "17"}


def phrase_targets(words: tuple[Token, ...], sources: list[ActorRef]) -> list[ActorRef]:
    """The nearest actors in the trigger's phrase that are not its source, nearest first.

    In a passive clause the subject is what was acted on ("a camp for Congolese refugees was
    attacked"), so it is searched too.

    Args:
        words: the trigger's tokens; the first is its head.
        sources: the event's sources, left out of the answer.

    Returns:
        The actors of the nearest dependent that names any, with its conjuncts; or ``[]``.
    """
    source_ids = {s.actor_id for s in sources if s.actor_id}
    own = {t.i for t in words}
    queue: deque[tuple[Token, int]] = deque((child, 1) for word in words for child in word.children
                                            if child.i not in own and (_follow(child, word) or child.dep_ == "nsubjpass"))
    seen = set(own)
    while queue:
        token, depth = queue.popleft()
        if token.i in seen:
            continue
        seen.add(token.i)
        refs = [r for r in (token._.get(TOKEN_ATTR) or []) if r.actor_id not in source_ids]
        if refs:
            more = [r for c in token.conjuncts for r in (c._.get(TOKEN_ATTR) or [])
                    if r.actor_id not in source_ids and r not in refs]
            return refs + more
        if depth < _REACH:
            queue.extend((child, depth + 1) for child in token.children if _follow(child, token))
    return []


def domestic_target(head: Token, cameo: str, sources: list[ActorRef]) -> list[ActorRef]:
    """The source's own country, for an act on someone unnamed or a protest with no target.

    Args:
        head: the trigger's head token.
        cameo: the event's code.
        sources: the event's sources; the first with a country decides.

    Returns:
        One target with the country and no actor id, or ``[]``.
    """
    source = next((s for s in sources if s.country), None)
    if source is None:
        return []
    patient = next((t for t in _phrase(head) if _names_people(t)), None)
    if patient is None and (cameo[:2] not in _INHERENTLY_DIRECTED or head.pos_ == "NOUN"):
        return []
    agent = patient._.get(AGENT_ATTR) if patient is not None else None
    sector = agent[1] if agent else None
    name = patient.text if patient is not None else source.country
    code = f"{source.country}{sector}" if sector else source.country
    return [ActorRef(actor_id=None, name=name, country=source.country, code=code, sector=sector)]


def _names_people(token: Token) -> bool:
    """An agent noun ("protesters", "candidates"), a name, or a pronoun: someone, not something."""
    return bool(token._.get(AGENT_ATTR)) or token.ent_type_ in ("PERSON", "NORP", "ORG") or (
        token.pos_ == "PRON" and token.lower_ in ("him", "her", "them", "us"))


def _phrase(head: Token) -> list[Token]:
    """The trigger's dependents, nearest first, within reach ("opened fire to disperse demonstrators")."""
    found: list[Token] = []
    queue: deque[tuple[Token, int]] = deque((c, 1) for c in head.children if _follow(c, head))
    while queue:
        token, depth = queue.popleft()
        found.append(token)
        if depth < _REACH - 1:
            queue.extend((c, depth + 1) for c in token.children if _follow(c, token))
    return found


def _follow(child: Token, parent: Token) -> bool:
    if child.dep_ in _SKIP_DEPS:
        return False
    # A coordinated verb is another event ("attacked X and fled to Y"); a coordinated noun is not.
    return not (child.dep_ == "conj" and parent.pos_ in ("VERB", "AUX"))
