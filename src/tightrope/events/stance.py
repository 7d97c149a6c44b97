"""Praise and criticism said with an adjective rather than a verb.

"Jaishankar called the cooperation energetic" and "Lavrov said bilateral ties
were valuable" praise (CAMEO 051) without a verb of praise; "X called the plan
dangerous" criticises (111), and so does a labelling noun: "Wang Yi called the
Quad the Indo-Pacific NATO", "branded the government a puppet". The words and
their polarity are package data (``events/evaluative.csv``).

Inside a quotation whose speaker is known, an evaluative adjective on something an
actor owns judges that actor: "supporting the Iranian regime's destructive ambitions"
in Pompeo's tweet criticises Iran.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..actors.resolve import TOKEN_ATTR
from ..data import read_table
from ..models import ActorRef

__all__ = ["evaluation", "quoted_evaluations", "RELATION_NOUNS"]

#: Verbs that label their object: "called X energetic", "described X as dangerous".
_LABEL_VERBS = {"call", "describe", "term", "label", "brand", "dub"}
#: Verbs of saying whose clause may evaluate ("said ties were valuable").
_SAY_VERBS = {"say", "tell", "add", "note", "stress", "describe", "declare", "state"}
#: Nouns for a relationship between the speaker's side and another: praising them praises the partner.
RELATION_NOUNS = {"tie", "ties", "relation", "relations", "relationship", "cooperation", "partnership", "friendship",
                  "alliance", "dialogue", "talk", "talks", "meeting", "visit", "bond", "bonds"}
_CODES = {"positive": "051", "negative": "111"}


@functools.lru_cache(maxsize=1)
def _polarity() -> dict[str, str]:
    return {row["word"]: row["polarity"] for row in read_table("events/evaluative.csv", ("word", "polarity"))}


def evaluation(verb: Token) -> tuple[str, Token, Token] | None:
    """The (CAMEO code, adjective, evaluated noun) a labelling or saying verb expresses, if any.

    Args:
        verb: a verb token.

    Returns:
        ``("051" or "111", adjective, noun)``, or ``None``.
    """
    lemma = verb.lemma_.lower()
    if lemma in _LABEL_VERBS:
        for obj in verb.children:
            if obj.dep_ != "dobj":
                continue
            # "called the cooperation energetic": the adjective is the verb's complement, or the
            # parser hangs it on the object after it.
            candidates = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")]
            # An adjective after the noun it hangs on is a misparsed complement ("called the
            # partnership with Argentina productive"); one before its noun ("a hostile regime") is not.
            candidates += [t for t in obj.subtree if t.dep_ == "amod" and t.head.i < t.i]
            for adjective in candidates:
                code = _code(adjective)
                if code:
                    return code, adjective, obj
            # "called Quad the Indo-Pacific NATO", "branded the regime a puppet": a labelling noun.
            for label in _label_nouns(verb, obj):
                polarity = _polarity().get(label.lower_) or _polarity().get(label.lemma_.lower())
                if polarity and not any(c.dep_ == "neg" for c in verb.children):
                    return _CODES[polarity], label, obj
    if lemma in _SAY_VERBS:
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.lemma_ != "be":
                continue
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.lemma_.lower() not in RELATION_NOUNS:
                continue
            for adjective in (c for c in clause.children if c.dep_ == "acomp"):
                code = _code(adjective)
                if code:
                    return code, adjective, subject
    return None


def _label_nouns(verb: Token, obj: Token) -> list[Token]:
    """The noun a labelling verb gives its object: an apposition, object predicate or second object."""
    found = [c for c in obj.children if c.dep_ == "appos"]
    found += [c for c in verb.children if c.dep_ in ("oprd", "attr") or (c.dep_ == "dobj" and c.i > obj.i)]
    found += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children if o.dep_ == "pobj"]
    return [t for t in found if t.pos_ in ("NOUN", "PROPN")]


def _code(adjective: Token) -> str | None:
    """The code of an adjective or of an evaluative adjective in its coordination ("valuable, respectful")."""
    if any(c.dep_ == "neg" for c in adjective.children):
        return None  # "not valuable" is left alone rather than guessed
    for word in (adjective, *adjective.conjuncts, *(c for c in adjective.children if c.dep_ == "amod")):
        polarity = _polarity().get(word.lower_)
        if polarity:
            return _CODES[polarity]
    return None


def quoted_evaluations(sent: Span, quoted: set[int]) -> Iterator[tuple[str, Token, Token, list[ActorRef]]]:
    """(code, adjective, noun, owners) for each judgement of an actor's doing inside a quotation.

    Args:
        sent: a sentence.
        quoted: indices of the sentence's tokens that lie inside a quotation with a known speaker.

    Yields:
        ``("051" or "111", adjective, the noun it describes, the actors that own the noun)``.
    """
    for adjective in sent:
        if adjective.i not in quoted or adjective.dep_ != "amod" or adjective.head.pos_ != "NOUN":
            continue
        code = _code(adjective)
        noun = adjective.head
        owners = [r for c in noun.children if c.dep_ in ("poss", "amod", "compound") and c.i != adjective.i
                  for t in (c, *(g for g in c.children if g.dep_ in ("amod", "compound")))
                  for r in (t._.get(TOKEN_ATTR) or [])]
        if code and owners:
            yield code, adjective, noun, owners
