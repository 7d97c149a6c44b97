"""Modality of an event: asserted, negated, future or hypothetical, read from the parse."""

from __future__ import annotations

from spacy.tokens import Token

from ..models import Modality

__all__ = ["modality_of", "modality_with_basis", "OBLIGATION_AUX"]

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_HYPOTHETICAL_AUX = {"could", "would", "might", "may", "can"}
#: Modals of obligation: "Libya must hand over the suspects" is what someone demands of Libya.
OBLIGATION_AUX = {"must", "should", "ought"}
_CONDITIONAL_MARKS = {"if", "unless", "whether"}
_INTENT_HEADS = {"plan", "intend", "expect", "schedule", "set", "prepare", "aim", "hope", "due", "go", "want", "promise",
                 "pledge", "vow", "keen", "eager", "ready", "willing", "offer", "agree", "decide", "resolve", "commit",
                 "prepared", "committed", "determined", "poised", "resolved"}
_MOTION_VERBS = {"head", "travel", "fly", "leave", "depart"}
_FUTURE_WORDS = {"later", "next", "upcoming", "forthcoming", "planned", "tomorrow", "coming", "proposed", "scheduled"}
_HYPOTHETICAL_WORDS = {"possible", "potential", "hypothetical", "proposed"}
_NEGATING_DETS = {"no", "never"}
#: Verbs whose clause only becomes possible ("would have allowed China to extradite").
_ENABLING = {"allow", "enable", "permit", "let", "authorize", "authorise"}
#: Verbs that say their clause is not true: "denied that he made any deal".
_DENYING_HEADS = {"deny", "dismiss", "refute"}
#: Verbs whose complement did not happen: "refused to sign", "failed to agree".
_NEGATING_HEADS = {"refuse", "decline", "fail", "avoid", "reject"}
#: Verbs whose complement is only asked for, proposed or threatened: "urged Russia to withdraw",
#: "threatened to impose sanctions", "considered expelling".
_UNREALISED_HEADS = {"threaten", "warn", "urge", "ask", "call", "demand", "press", "request", "propose", "suggest",
                     "consider", "mull", "weigh", "encourage", "invite", "appeal", "tell", "order"}


def modality_of(trigger: Token) -> Modality:
    """Return the modality of the event whose trigger is ``trigger`` (see :func:`modality_with_basis`)."""
    return modality_with_basis(trigger)[0]


def modality_with_basis(trigger: Token) -> tuple[Modality, str]:
    """Return the modality of the event whose trigger is ``trigger``, and what it rests on.

    Negation wins over everything ("will not visit" is negated); a condition
    or a modal makes an event hypothetical; a future auxiliary, an intention
    verb governing the trigger ("is due to meet", "plans to visit"), a motion
    verb in the present ("heads to Islamabad") or a future time word makes it
    future.

    The basis says which kind of word decided: ``negation``, ``refusal`` ("refused to"),
    ``future-negation`` ("will not accept"), ``failure`` ("failed to agree"), ``denial`` ("denied that"), ``unrealised`` (urged, threatened: someone else's
    wish), ``obligation`` (must, should), ``condition``, ``question``, ``modal``, ``auxiliary``, ``intention``, ``motion``, ``time`` or
    ``none``. The first seven but ``unrealised`` are the subject's own stance, which the coder
    may code as an intent (CAMEO 03, 13) or a rejection (12).

    Args:
        trigger: the trigger token (verb or noun).

    Returns:
        The modality and its basis.
    """
    chain = _governing_chain(trigger)
    auxes = {c.lower_ for t in chain for c in t.children if c.dep_ == "aux"}
    if trigger.dep_ == "ccomp" and trigger.head.lemma_ in _DENYING_HEADS:
        return "negated", "denial"  # "denied that he made any deal"
    if any(_is_negated(t) for t in chain):
        return "negated", "future-negation" if auxes & (_FUTURE_AUX | {"would"}) else "negation"
    heads = {t.lemma_ for t in chain[1:]}
    if heads & _NEGATING_HEADS:
        return "negated", "failure" if "fail" in heads else "refusal"
    if any(t.lemma_ in _UNREALISED_HEADS for t in chain[1:]) or _is_demanded_clause(trigger):
        return "hypothetical", "unrealised"
    if any(_is_conditional(t) for t in chain):
        return "hypothetical", "condition"
    if _is_question(trigger):
        return "hypothetical", "question"  # "Did the federation ever support you?"
    if auxes & OBLIGATION_AUX:
        return "hypothetical", "obligation"
    if trigger.dep_ == "ccomp" and trigger.head.lemma_ in _ENABLING and any(
            c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_AUX for c in trigger.head.children):
        return "hypothetical", "unrealised"  # "a bill that would have allowed China to extradite people"
    if auxes & _HYPOTHETICAL_AUX:
        return "hypothetical", "modal"
    if trigger.pos_ == "NOUN" and any(c.lower_ in _HYPOTHETICAL_WORDS for c in trigger.children):
        return "hypothetical", "noun"
    if auxes & _FUTURE_AUX:
        return "future", "auxiliary"
    if any(t.lemma_ in _INTENT_HEADS for t in chain[1:]):
        return "future", "intention"
    if trigger.dep_ == "xcomp" and trigger.head.lemma_ == "be" and trigger.head.i != trigger.i:
        return "future", "intention"  # "Theresa May is to step down today"
    if trigger.lemma_ in _MOTION_VERBS and trigger.tag_ in ("VBZ", "VBP"):
        return "future", "motion"
    if _has_future_time(trigger):
        return "future", "time"
    return "asserted", "none"


def _governing_chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs that control it ("sought to downplay", "is due to meet")."""
    chain = [trigger]
    token = trigger
    while token.dep_ in ("xcomp", "pcomp", "prep") and token.head.i != token.i:
        token = token.head
        chain.append(token)
        if token.dep_ == "acomp":  # "is due to meet": due is acomp of "is"
            token = token.head
            chain.append(token)
    return chain


def _is_demanded_clause(trigger: Token) -> bool:
    """ "insisted that Serbia withdraw its troops": a clause in the subjunctive under a demand."""
    return (trigger.dep_ == "ccomp" and trigger.tag_ in ("VB", "VBP")
            and trigger.head.lemma_ in _UNREALISED_HEADS | {"insist"})


def _is_question(token: Token) -> bool:
    sent = token.sent
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in ('"', "\u201d", "'")), None)
    return last is not None and last.text == "?"


def _is_conditional(token: Token) -> bool:
    """The clause is a condition ("if talks fail") or carries one ("if talks fail, X will attack")."""
    clauses = [token, *(c for c in token.children if c.dep_ == "advcl")]
    return any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS for clause in clauses for m in clause.children)


def _is_negated(token: Token) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in _NEGATING_DETS) for c in token.children):
        return True
    # "neither the European Union nor the United States would endorse it"
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "neither" for g in c.children)
               for c in token.children)


def _has_future_time(trigger: Token) -> bool:
    """A time expression that looks forward, attached to the trigger ("visit later this year")."""
    if trigger.pos_ == "NOUN":
        # The parser often hangs "later this year" on the main verb; for a noun trigger the
        # words right after it are better evidence than the tree.
        following = trigger.doc[trigger.i + 1 : trigger.i + 5]
        if any(t.lower_ in _FUTURE_WORDS and t.ent_type_ == "DATE" for t in following):
            return True
    for child in trigger.children:
        if child.dep_ in ("npadvmod", "advmod", "prep", "amod", "tmod") and child.i > trigger.i - 3:
            words = {t.lower_ for t in child.subtree}
            if words & _FUTURE_WORDS and (child.ent_type_ == "DATE" or child.dep_ == "amod" or "year" in words
                                          or "month" in words or "week" in words):
                return True
    return False
