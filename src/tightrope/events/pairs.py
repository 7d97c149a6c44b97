"""Turn a trigger's sources and targets into source-target pairs, and the code each pair gets.

A symmetric act ("X and Y met") is one event for the dyad; a consultation needs a second
party, unless an organisation meets among its members; a one-sided act with no one named
opposite keeps its source alone. Some codes depend on who the parties are: an attack on
civilians is unconventional violence, a ban on a foreign party a sanction.
"""

from __future__ import annotations

from ..actors.sectors import CIVILIAN
from ..models import ActorRef
from .lexicon import Trigger

__all__ = ["pairs", "pair_code", "CONVENTIONAL_ATTACKS"]

#: Codes that make no sense without a second party: meetings, mediation, recognition (a visit, 042,
#: can: "Putin's visit").
_NEEDS_TARGET = {"040", "041", "043", "044", "045", "046", "054"}
#: Meetings an organisation can hold among its own members.
_MEETINGS = {"040", "046"}
#: Generic attack codes that become unconventional violence (180) when aimed at civilians.
CONVENTIONAL_ATTACKS = {"190", "193"}
_UNCONVENTIONAL = "180"
_ADMINISTRATIVE, _SANCTIONS = "172", "163"
_RECOGNISE = "054"
_VERBAL = "111"


def pairs(trigger: Trigger, found_sources: list[ActorRef],
          found_targets: list[ActorRef]) -> list[tuple[ActorRef, ActorRef | None]]:
    """Source-target pairs; a symmetric event ("X and Y met") is coded once for the dyad."""
    sources = [s for s in found_sources if s.actor_id]
    targets = [t for t in found_targets if (t.actor_id or t.country) and t not in sources]
    if trigger.symmetric and not targets and len(sources) >= 2:
        return [(sources[0], sources[1])]  # "Egypt and Jordan met"
    if not targets and trigger.cameo in _NEEDS_TARGET and not _organisation_meeting(trigger, sources):
        # A consultation, hosting or mediation needs a second party; an organisation's meeting or
        # summit ("leaders of AU member states met") is among its members.
        return []
    if trigger.symmetric and targets:
        return [(s, t) for s in sources[:1] for t in targets[:1] if _different(s, t)]
    if not targets:
        if trigger.symmetric and not trigger.object and not _organisation_meeting(trigger, sources):
            return []  # "signed the act", "fight for rights": nothing says with whom, or what
        # "Nigeria signed the agreement": one party of a many-sided act, with no one named opposite.
        return [(s, None) for s in (sources[:1] if trigger.symmetric else sources)]
    if trigger.cameo == _RECOGNISE:
        # Recognition is of another state or government ("recognise Kosovo"), not of something at home
        # ("legally recognise unions between same-sex couples").
        targets = [t for t in targets if t.country and all(t.country != s.country for s in sources)]
    return [(s, t) for s in sources for t in targets if _different(s, t)]


def _organisation_meeting(trigger: Trigger, sources: list[ActorRef]) -> bool:
    """An organisation's meeting or summit with no one else named: among its members."""
    return trigger.cameo in _MEETINGS and bool(sources) and all(_is_organisation(s) for s in sources)


def _is_organisation(ref: ActorRef) -> bool:
    """An organisation with no state of its own (codes IGO..., NGO...)."""
    return not ref.country and (ref.code or "")[:3] in ("IGO", "NGO")


def _different(source: ActorRef, target: ActorRef) -> bool:
    """An actor does not act on itself; police acting on students of the same state is a domestic event."""
    return target.actor_id is None or source.actor_id != target.actor_id or source.code != target.code


def pair_code(cameo: str, source: ActorRef, target: ActorRef | None, verb: str = "",
              people: frozenset[str] = frozenset()) -> str:
    """The code for one source-target pair, where the parties change what the act is.

    Args:
        cameo: the trigger's code.
        source: the pair's source.
        target: the pair's target, if any.
        verb: the trigger's lemma.
        people: ids of the article's actors that are people.
    """
    if verb == "attack" and cameo in CONVENTIONAL_ATTACKS and target is not None \
            and source.actor_id in people and target.actor_id in people:
        # "Biden attacked Trump for the tweet": one person attacking another does so in words.
        return _VERBAL
    if _on_civilians(cameo, source, target):
        return _UNCONVENTIONAL
    if cameo == _ADMINISTRATIVE and target is not None and target.country and source.country \
            and target.country != source.country:
        # CAMEO's administrative sanctions (172) are what a state does at home; banning a foreign
        # airline, firm or state is a sanction on another country (163).
        return _SANCTIONS
    return cameo


def _on_civilians(cameo: str, source: ActorRef, target: ActorRef | None) -> bool:
    """ "A camp for refugees was attacked by militiamen": an armed attack on civilians is not a battle.

    CAMEO keeps conventional military force (19) for fighting between armed parties; an attack
    on refugees or civilians is unconventional violence (18), PLOVER's ASSAULT. Police acting on
    crowds are left to the repression codes (175) the lexicon gives them.
    """
    return (cameo in CONVENTIONAL_ATTACKS and target is not None and target.sector in CIVILIAN
            and source.sector not in ("COP", "GOV"))
