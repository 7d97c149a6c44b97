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

__all__ = ["phrase_targets", "slot_target", "domestic_target", "article_partner", "wants_partner"]

#: Dependents that are not part of what was done: the doer, punctuation, a separate clause.
_SKIP_DEPS = {"nsubj", "nsubjpass", "csubj", "agent", "punct", "cc", "mark", "aux", "auxpass", "neg", "det",
              "parataxis", "appos", "dep"}
#: Subordinators of a clause set against the main one.
_CONTRAST_MARKS = {"while", "whereas", "although", "though"}
#: Prepositions of place: where an act happened.
_PLACE_PREPS = {"in", "at", "near", "outside", "inside"}
#: Prepositions of what an act is about.
_TOPIC_PREPS = {"about", "on", "over", "regarding", "concerning"}
#: Prepositions that name whom an act is aimed at.
_AIMED_PREPS = {"to", "against", "toward", "towards", "at", "on", "with"}
#: Sectors that act for the state itself.
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
#: How far from the trigger (in dependency edges) a target may stand.
_REACH = 4
#: Roots whose act needs no named patient to have a domestic target: concessions, demands, complaints,
#: refusals, threats and protests with no one named are between the authorities and people at home,
#: and so is repression.
#: Force is left out: "Israeli tanks fired" says nothing about whom they fired at.
_INHERENTLY_DIRECTED = {"08", "10", "11", "12", "13", "14", "17"}


def phrase_targets(words: tuple[Token, ...], sources: list[ActorRef], contrast: bool = False,
                   places: bool = True, topics: bool = True) -> list[ActorRef]:
    """The nearest actors in the trigger's phrase that are not its source, nearest first.

    In a passive clause the subject is what was acted on ("a camp for Congolese refugees was
    attacked"), so it is searched too.

    Args:
        words: the trigger's tokens; the first is its head.
        sources: the event's sources, left out of the answer.
        contrast: also look at the subject of a contrasting clause ("while X ..."), as an
            objection or demand with no target of its own is aimed at it.
        places: also look in place phrases ("lifted the curfew in Montenegro"); a meeting
            or signing "in Niamey" is not with Niger, so those pass ``False``.
        topics: also look in what the act is about ("protested over Israel's raids"); a
            conversation "about the Iranian regime's ambitions" is not with Iran.

    Returns:
        The actors of the nearest dependent that names any, with its conjuncts; or ``[]``.
    """
    # Neither the source nor its own state ("Putin's visit" is not a visit to Russia).
    source_ids = {s.actor_id for s in sources if s.actor_id} | {s.country for s in sources if s.country}
    own = {t.i for t in words}
    head = words[0]
    queue: deque[tuple[Token, int]] = deque(
        (child, 1) for word in words for child in word.children
        if child.i not in own and _first_step(child, word, head) and (_follow(child, word) or child.dep_ == "nsubjpass")
        and (places or child.lower_ not in _PLACE_PREPS) and (topics or child.lower_ not in _TOPIC_PREPS))
    seen = set(own)
    while queue:
        token, depth = queue.popleft()
        if token.i in seen:
            continue
        seen.add(token.i)
        refs = [r for r in (token._.get(TOKEN_ATTR) or []) if _other(r, source_ids, sources)]
        if refs:
            more = [r for c in token.conjuncts for r in (c._.get(TOKEN_ATTR) or [])
                    if _other(r, source_ids, sources) and r not in refs]
            return refs + more
        if depth < _REACH:
            queue.extend((child, depth + 1) for child in token.children
                         if _follow(child, token) or (contrast and _contrast_subject(child, token, head)))
    return []


def _other(ref: ActorRef, source_ids: set[str], sources: list[ActorRef]) -> bool:
    """Whether ``ref`` is someone other than the source and its own state.

    A group of the source's own country is another party when the source is that state or its
    government: "Croatia is investigating crimes by Croatian extremists" is aimed at the extremists.
    """
    if ref.actor_id not in source_ids:
        return True
    return bool(ref.sector) and ref.sector not in _STATE_SECTORS and all(
        s.actor_id == s.country and (s.sector or "GOV") in _STATE_SECTORS and s.country == ref.country for s in sources)


def slot_target(head: Token, prep: str, sources: list[ActorRef], words: tuple[Token, ...] = ()) -> list[ActorRef]:
    """ "Serbian police beat protesters": an agent noun in the trigger's own object slot, at home.

    Only an agent noun ("protesters", "rebels", "the opposition") as direct object, passive
    subject, dative or object of the entry's preposition counts; it is tried before the wider
    phrase search, as the slot is the surest place for a target.

    Args:
        head: the trigger's head token.
        prep: the lexicon entry's target preposition ("" for none).
        sources: the event's sources; the first with a country decides.
        words: the trigger's container nouns, never its target ("declared a *state* of emergency").

    Returns:
        One target with the source's country and the agent's sector, no actor id; or ``[]``.
    """
    candidates = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
    candidates += [o for c in head.children if c.dep_ == "prep" and prep and c.lower_ == prep
                   for o in c.children if o.dep_ == "pobj"]
    own = {t.i for t in words}
    for token in (c for c in candidates if c.i not in own):
        agent = token._.get(AGENT_ATTR)
        if agent:
            word, sector = agent
            return _home(sources, word, sector)
    return []


def domestic_target(head: Token, cameo: str, sources: list[ActorRef], words: tuple[Token, ...] = ()) -> list[ActorRef]:
    """The source's own country, for an act on someone unnamed or a protest with no target.

    Args:
        head: the trigger's head token.
        cameo: the event's code.
        sources: the event's sources; the first with a country decides.
        words: the trigger's container nouns, never its patient.

    Returns:
        One target with the country and no actor id, or ``[]``.
    """
    home = {s.country for s in sources if s.country}
    own = {t.i for t in words}
    patient = next((t for t in _phrase(head) if t.i not in own and _names_people(t, home)), None)
    if patient is None and (cameo[:2] not in _INHERENTLY_DIRECTED or head.pos_ == "NOUN"
                            or _names_another_party(head, home)):
        return []
    agent = patient._.get(AGENT_ATTR) if patient is not None else None
    return _home(sources, patient.text if patient is not None else None, agent[1] if agent else None)


def _names_another_party(head: Token, home: set[str]) -> bool:
    """Whether the act names a party that is not at home, even one we cannot resolve.

    "opened its borders to West Africans", "alleged that the North had a programme",
    "denounced Serbia's suppression": the act is aimed at someone named, so it is not a
    domestic act even when no actor could be found for them.
    """
    for token in _phrase(head):
        refs = token._.get(TOKEN_ATTR) or []
        if any(r.country and r.country not in home for r in refs):
            return True
        # A place we have no gazetteer entry for ("in Kirkuk") says where, not whom.
        named = token.ent_type_ in ("NORP", "ORG", "PERSON") or (token.pos_ == "PROPN" and not token.ent_type_)
        aimed = token.dep_ == "dobj" or (token.dep_ == "pobj" and token.head.lower_ in _AIMED_PREPS) or (
            token.dep_ == "nsubj" and token.head.dep_ == "ccomp")
        if not refs and named and aimed:
            return True
    return False


def _home(sources: list[ActorRef], name: str | None, sector: str | None) -> list[ActorRef]:
    """A target in the first source's country, with no actor id since no actor was named."""
    source = next((s for s in sources if s.country), None)
    if source is None:
        return []
    code = f"{source.country}{sector}" if sector else source.country
    return [ActorRef(actor_id=None, name=name or source.country, country=source.country, code=code, sector=sector)]


def _names_people(token: Token, home: set[str]) -> bool:
    """Someone at home, not something: an agent noun ("protesters", "candidates"), people the
    resolver placed in the source's own country, a person's name, or a pronoun.

    An unresolved group or organisation ("West Africans", "the Red Crescent") is not taken to be
    at home: it may as well be abroad.
    """
    refs = token._.get(TOKEN_ATTR) or []
    return bool(token._.get(AGENT_ATTR)) or token.ent_type_ == "PERSON" or (
        token.pos_ in ("NOUN", "PROPN") and bool(refs) and all(r.country in home and r.sector for r in refs)) or (
        token.pos_ == "PRON" and token.lower_ in ("him", "her", "them", "us"))


def _phrase(head: Token) -> list[Token]:
    """The trigger's dependents, nearest first, within reach ("opened fire to disperse demonstrators")."""
    found: list[Token] = []
    queue: deque[tuple[Token, int]] = deque((c, 1) for c in head.children if _follow(c, head) and _first_step(c, head, head))
    while queue:
        token, depth = queue.popleft()
        found.append(token)
        if depth < _REACH - 1:
            queue.extend((c, depth + 1) for c in token.children if _follow(c, token))
    return found


def _first_step(child: Token, parent: Token, head: Token) -> bool:
    """A noun trigger's target hangs on a preposition ("talks with X"); its modifiers are its source."""
    return head.pos_ != "NOUN" or child.dep_ == "prep"


def _contrast_subject(child: Token, parent: Token, head: Token) -> bool:
    """ "While India is keen on buying it, Washington objected": the subject of the clause set against the trigger."""
    return (child.dep_ == "nsubj" and parent.dep_ == "advcl" and parent.head.i == head.i
            and any(m.dep_ == "mark" and m.lower_ in _CONTRAST_MARKS for m in parent.children))


def _follow(child: Token, parent: Token) -> bool:
    if child.dep_ in _SKIP_DEPS or child.lower_ == "according":
        return False  # "according to the agency" names who reports, not whom the act concerns
    # A coordinated verb is another event ("attacked X and fled to Y"); a coordinated noun is not.
    return not (child.dep_ == "conj" and parent.pos_ in ("VERB", "AUX"))


#: Cooperative roots (intent, diplomatic and material cooperation, aid, yielding) and praise.
_COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}


def article_partner(events: list, min_events: int = 2) -> dict[str, ActorRef]:
    """The partner state of each side of the article's main dyad, if it has one.

    An article about two states (a visit, a summit) that codes at least ``min_events`` events
    between them, more than between any other pair, has that pair as its main dyad. A
    cooperative statement there with no target of its own ("we are going to deepen our military
    cooperation", "India is keen on buying it") concerns the other side.

    Args:
        events: the article's events so far.
        min_events: events the pair needs.

    Returns:
        ``{country: partner ref}`` for both sides, or ``{}``.
    """
    pairs: dict[frozenset[str], list] = {}
    for event in events:
        if event.source and event.target and event.source.country and event.target.country \
                and event.source.country != event.target.country and event.modality != "negated":
            pairs.setdefault(frozenset((event.source.country, event.target.country)), []).append(event)
    ranked = sorted(pairs.items(), key=lambda kv: -len(kv[1]))
    if not ranked or len(ranked[0][1]) < min_events or (len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1])):
        return {}
    a, b = sorted(ranked[0][0])
    states = {ref.country: ref for e in ranked[0][1] for ref in (e.source, e.target)
              if ref.actor_id and ref.actor_id == ref.country}
    partner = {}
    for side, other in ((a, b), (b, a)):
        ref = states.get(other) or ActorRef(actor_id=other, name=other, country=other, code=other)
        partner[side] = ref.model_copy(update={"sector": None, "code": ref.country})
    return partner


def wants_partner(cameo: str) -> bool:
    """Whether an event of this code with no target may take the article's partner state."""
    return cameo[:2] in _COOPERATIVE_ROOTS
