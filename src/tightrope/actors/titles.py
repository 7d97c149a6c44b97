"""A person's office as the text states it: "Japanese Foreign Minister Nobutaka Machimura", "the senior
US diplomat in Cuba, James Cason", "Kenzo Oshima, the UN relief coordinator".

The title is evidence for people no list knows; for people the knowledge base knows, its dated
roles decide.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .kb import KnowledgeBase

__all__ = ["title_phrase", "office_word"]

_SKIP = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "the", "a", "an", "then", "former", "late", "new", "senior", "top"}


def office_word(token: Token, kb: KnowledgeBase) -> str | None:
    """ "minister", "foreign minister", "diplomat": an agent noun (with its compounds) that names one person."""
    words = [c.lower_ for c in token.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN", "ADJ")]
    for size in range(len(words), -1, -1):
        phrase = " ".join([*words[len(words) - size:], token.lemma_.lower() if token.lower_ not in kb.agents else token.lower_])
        agent = kb.agents.get(phrase)
        if agent and agent[1]:
            return phrase
    return None


def _title_words(kb: KnowledgeBase) -> frozenset[str]:
    words = _CACHE.get(id(kb))
    if words is None:
        words = frozenset(w for phrase, (_, person) in kb.agents.items() if person for w in phrase.split())
        _CACHE[id(kb)] = words
    return words


_CACHE: dict[int, frozenset[str]] = {}


def title_phrase(ent: Span, kb: KnowledgeBase) -> tuple[str, Token] | None:
    """The office word written with a person's name, and the token that carries it."""
    # "Foreign Minister Nobutaka Machimura" tagged as one PERSON: the title words lead the entity.
    lead = []
    for token in (t for t in ent if t.lower_ not in _SKIP):
        if token.lower_ not in _title_words(kb):
            break
        lead.append(token)
    for size in range(len(lead), 0, -1):
        words = " ".join(t.lower_ for t in lead[len(lead) - size:])
        if kb.agents.get(words, ("", False))[1]:
            return words, lead[-1]
    root = ent.root
    for child in root.lefts:  # "Japanese Foreign Minister [Nobutaka Machimura]": the title is a compound
        if child.dep_ == "compound" and child.i < ent.start:
            word = office_word(child, kb)
            if word:
                return word, child
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":  # "the senior US diplomat in Cuba, James Cason"
        word = office_word(root.head, kb)
        if word:
            return word, root.head
    for child in root.children:  # "James Cason, the senior US diplomat in Cuba"
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            word = office_word(child, kb)
            if word:
                return word, child
    return None
