"""Read an event's parties off the parse: subjects, objects, owners, passive agents.

A noun phrase head stands for the actors the actor stage put on it, or, failing that,
for the actors that own it ("an Indian proposal", "calls by Belarus's rulers"). A
verb's source is its subject, shared through control and coordination ("sought to
downplay", "met and agreed"), or the "by" phrase of a passive.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.resolve import TOKEN_ATTR
from ..models import ActorRef

__all__ = ["refs", "refs_of_deps", "prep_refs", "is_passive", "passive_patients", "agent_refs", "governing_actor", "subject_refs",
           "COLLECTIVE"]

_SUBJECT_DEPS = {"nsubj"}
_INHERIT_SUBJECT_DEPS = {"xcomp", "conj", "acomp"}
_OWNER_DEPS = {"compound", "amod", "poss", "nmod"}
#: Prepositions that name a head's owner ("calls by Belarus's rulers") or examples of a group
#: ("allies such as Germany", "countries including France").
_OWNER_PREPS = {"by", "of", "from", "as", "like", "including"}
#: Heads that stand for the people they are made of, even as subjects ("a group of diplomats").
COLLECTIVE = {"group", "team", "delegation", "band", "crowd", "number", "dozen", "dozens", "hundred", "hundreds",
              "thousand", "thousands", "ten", "tens", "million", "millions", "member", "members", "contingent",
              "unit", "units", "column", "convoy"}
_OWNER_DEPTH = 2


def refs(token: Token, depth: int = 0, owners: bool = True) -> list[ActorRef]:
    """The actors a noun phrase head stands for, with its conjuncts ("Russia and India").

    With ``owners``, a head that names no actor itself stands for the actor that owns it:
    "an Indian proposal", "calls by Belarus's rulers". Sources do not use this: a summit or
    a proposal does not act.
    """
    found: list[ActorRef] = []
    for head in (token, *token.conjuncts):
        if head._.get(TOKEN_ATTR):
            named = head._.get(TOKEN_ATTR)
        elif owners or head.lemma_.lower() in COLLECTIVE:
            named = _owner_refs(head, depth)
        else:
            named = []
        found.extend(r for r in named if r not in found)
    return found


def _owner_refs(head: Token, depth: int) -> list[ActorRef]:
    found = [r for c in head.children if c.dep_ in _OWNER_DEPS for t in (c, *c.conjuncts)
             for r in (t._.get(TOKEN_ATTR) or [])]
    if not found:
        # "US Predator attacks": the owner modifies a compound in front of the head.
        found = [r for c in head.children if c.dep_ == "compound" and not c._.get(TOKEN_ATTR)
                 for g in c.children if g.dep_ in _OWNER_DEPS for r in (g._.get(TOKEN_ATTR) or [])]
    if found or depth >= _OWNER_DEPTH or head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return found
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in _OWNER_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found.extend(r for r in refs(obj, depth + 1) if r not in found)
    return found


def refs_of_deps(token: Token, deps: set[str], owners: bool = True) -> list[ActorRef]:
    """The actors of the token's dependents with these relations."""
    found: list[ActorRef] = []
    for child in token.children:
        if child.dep_ in deps:
            found.extend(r for r in refs(child, owners=owners) if r not in found)
    return found


def prep_refs(token: Token, prep: str, deps: tuple[str, ...] = ("prep",), near: int | None = None) -> list[ActorRef]:
    """The actors of the object of the token's preposition ``prep`` (within ``near`` tokens)."""
    for child in token.children:
        if near is not None and abs(child.i - token.i) > near:
            continue  # a far-off phrase is more often misattached by the parser than a real argument
        if child.dep_ in deps and child.lower_ == prep:
            return refs_of_deps(child, {"pobj"})
    return []


def is_passive(verb: Token) -> bool:
    """Whether the verb is passive: a passive subject, or a passive auxiliary on a verb that shares
    its subject ("Turkey is under sanctions and was condemned by Egypt")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def passive_patients(verb: Token) -> list[ActorRef]:
    """What a passive verb was done to: its passive subject, or the subject it shares."""
    own = refs_of_deps(verb, {"nsubjpass"})
    if own or any(c.dep_ == "nsubjpass" for c in verb.children):
        return own
    return subject_refs(verb.head) if verb.dep_ == "conj" else []


def agent_refs(verb: Token) -> list[ActorRef]:
    """Who does what the verb says: the "by" phrase of a passive, else the (shared) subject.

    A passive's "by" phrase may hang on a noun of the verb's ("condemned in a joint statement
    by Egypt, Greece and Cyprus").
    """
    if not is_passive(verb):
        return subject_refs(verb)
    found = prep_refs(verb, "by", deps=("agent",))
    if found:
        return found
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (o for o in prep.children if o.dep_ == "pobj"):
            found = prep_refs(noun, "by")
            if found:
                return found
    return []


def governing_actor(noun: Token) -> list[ActorRef]:
    """For "X, after a meeting with Y, said ...": the actor the phrase holding the noun hangs from."""
    for steps, ancestor in enumerate(noun.ancestors):
        if steps >= 4:
            break
        named = ancestor._.get(TOKEN_ATTR)
        if named:
            return list(named)
        if ancestor.pos_ in ("VERB", "AUX"):
            return subject_refs(ancestor)
    return []


def subject_refs(verb: Token) -> list[ActorRef]:
    """The verb's own subject, or the subject it shares ("sought to downplay", "met and agreed")."""
    token = verb
    for _ in range(4):
        subjects = refs_of_deps(token, _SUBJECT_DEPS, owners=False)
        if subjects or any(c.dep_ in _SUBJECT_DEPS | {"nsubjpass", "csubj"} for c in token.children):
            return subjects
        # The parser sometimes hangs the subject on an auxiliary ("The US has [been] encouraging").
        auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        subjects = [r for a in auxiliaries for r in refs_of_deps(a, _SUBJECT_DEPS, owners=False)]
        if subjects:
            return subjects
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ == "ADJ":
            token = token.head.head  # "India is keen on buying": the subject of the adjective's clause
            continue
        if token.dep_ not in _INHERIT_SUBJECT_DEPS or token.head.i == token.i:
            return []
        if token.dep_ == "xcomp":
            # Object control: in "urged Russia to withdraw" Russia, not the urger, would withdraw.
            objects = refs_of_deps(token.head, {"dobj"}, owners=False)
            if objects or any(c.dep_ == "dobj" for c in token.head.children):
                return objects
        token = token.head
    return []
