"""Event candidates: predicates in sentences that hold an actor mention, with the mentions around them.

Permissive on purpose: every verb, every noun the lexicon or the training data knows as an event
noun, in a sentence that (or whose previous sentence) holds at least one actor mention. The models
decide; a candidate missed here can never be coded, so ``make eval`` reports this stage's recall against the gold.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..actors.resolve import AGENT_ATTR, PLACE_ATTR, TOKEN_ATTR
from ..events.lexicon import load_lexicon
from ..models import ActorRef

__all__ = ["Mention", "Candidate", "find_mentions", "find_candidates", "lexicon_nouns"]


@dataclass
class Mention:
    """Words that name an actor: a run of tokens with the same resolved actor, or an agent noun.

    ``ref`` is the resolved actor; an agent noun no list could resolve ("protesters", "police")
    has ``ref`` None and its ``sector``, and takes a country at decode time.
    """

    start: int
    end: int
    head: Token
    ref: ActorRef | None
    sector: str | None = None
    previous: bool = False
    place: bool = False
    kind: str = "agent"


@dataclass
class Candidate:
    """One predicate that may be an event, its sentence, and the mentions it may take as parties."""

    token: Token
    sent: Span
    mentions: list[Mention] = field(default_factory=list)
    in_quote: bool = False
    speaker: ActorRef | None = None


def lexicon_nouns() -> frozenset[str]:
    """Noun lemmas the trigger lexicon lists."""
    return frozenset(lemma for lemma, pos in load_lexicon() if pos == "NOUN")


def find_mentions(sent: Span, kinds: dict[str, str]) -> list[Mention]:
    """The actor mentions in one sentence, left to right.

    Args:
        sent: the sentence.
        kinds: actor id -> kind (state, person, organization, group, nonstate), from the actor stage.
    """
    found: list[Mention] = []
    run: list[Token] = []

    def close() -> None:
        if run:
            inside = {t.i for t in run}
            head = next((t for t in run if t.head.i not in inside or t.head.i == t.i), run[-1])
            refs = head._.get(TOKEN_ATTR) or run[0]._.get(TOKEN_ATTR) or []
            ref = refs[0] if refs else None
            kind = kinds.get(ref.actor_id or "", "state" if ref and ref.country else "group") if ref else "agent"
            found.append(Mention(run[0].i, run[-1].i + 1, head, ref, place=bool(run[0]._.get(PLACE_ATTR)),
                                 kind=kind))
            run.clear()

    for token in sent:
        refs = token._.get(TOKEN_ATTR)
        if refs:
            if run and (run[0]._.get(TOKEN_ATTR) or [None])[0] != refs[0] and not _owner_of(run, token, refs[0]):
                close()
            run.append(token)
            continue
        close()
        agent = token._.get(AGENT_ATTR)
        if agent and token.pos_ in ("NOUN", "PROPN"):
            found.append(Mention(token.i, token.i + 1, token, None, sector=agent[1]))
    close()
    return found


def _owner_of(run: list[Token], token: Token, ref: ActorRef) -> bool:
    """ "Russian police": the state words modify an agent of the same state (RUS + COP), and the two
    are one mention of the more specific actor. (A possessive's "'s" ends the run before its noun.)"""
    first = (run[0]._.get(TOKEN_ATTR) or [None])[0]
    inside = {t.i for t in run}
    return (first is not None and ref.country is not None and first.country == ref.country and ref.sector is not None
            and all(t.head.i == token.i or t.head.i in inside for t in run)
            and any(t.head.i == token.i and t.dep_ in ("amod", "compound", "poss") for t in run))


def find_candidates(doc: Doc, nouns: frozenset[str], kinds: dict[str, str],
                    quote_spans: list[tuple[int, int, ActorRef | None]] = ()) -> list[Candidate]:
    """Every event candidate in a parsed, actor-resolved document.

    Args:
        doc: the spaCy doc after the actor stage.
        nouns: noun lemmas that may name an event (the lexicon's and the training data's).
        kinds: actor id -> kind, from the actor stage.
        quote_spans: (start char, end char, speaker) of each quote.

    Returns:
        The candidates, in text order.
    """
    candidates = []
    previous: list[Mention] = []
    for sent in doc.sents:
        mentions = find_mentions(sent, kinds)
        here = list(mentions)
        for m in previous:
            here.append(Mention(m.start, m.end, m.head, m.ref, m.sector, previous=True, place=m.place, kind=m.kind))
        for token in sent:
            if not _is_predicate(token, nouns):
                continue
            quote = next(((s, e, who) for s, e, who in quote_spans if s <= token.idx < e), None)
            if not here and not (quote and quote[2]):  # no actor in this sentence or the one before
                continue
            speaker = quote[2] if quote else None
            around = here + ([Mention(token.i, token.i + 1, token, speaker, kind="speaker")] if speaker else [])
            candidates.append(Candidate(token, sent, around, in_quote=quote is not None, speaker=speaker))
        previous = mentions
    return candidates


def _is_predicate(token: Token, nouns: frozenset[str]) -> bool:
    if token.pos_ == "VERB":
        return True
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in nouns
