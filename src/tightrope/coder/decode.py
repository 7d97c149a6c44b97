"""Turn the models' scores for one article's candidates into events, each with its ``explain``."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from ..actors import load_kb
from ..config import MIN_CONFIDENCE
from ..events.modality import modality_with_basis
from ..events.ontology import UNDIRECTED_ROOTS, CameoCode
from ..models import ActorRef, ArticleDoc, Event, Plover, TextSpan, content_id, label_key
from .candidates import Candidate, Mention
from .features import RuleHint, implicit_features, modality_features, pair_features, trigger_features
from .models import CoderModels

__all__ = ["Scored", "score_candidates", "decode", "main_country"]


def main_country(doc: ArticleDoc) -> str | None:
    """The state the article names most often: the country of an agent noun no actor resolved."""
    counts = Counter()
    for actor in doc.actors:
        if actor.country:
            counts[actor.country] += len(actor.mentions)
    return counts.most_common(1)[0][0] if counts else None


def _place_country(cand: Candidate, fallback: str | None) -> str | None:
    """The state of an actor nothing else places: that of a place the sentence names ("police in
    Minsk"), else the article's most-named state."""
    places = [m.ref.country for m in cand.mentions if not m.previous and m.ref is not None and m.ref.country
              and (m.place or (m.head.dep_ == "pobj" and m.head.head.lower_ in ("in", "at")))]
    return places[0] if places else fallback


def _placed(ref: ActorRef | None, cand: Candidate, fallback: str | None) -> tuple[ActorRef | None, bool]:
    """A resolved actor with neither country nor code (a person no list knows: "Bloomberg endorsed",
    "Sheriff Lee said") placed as an agent noun is: measured on train and dev, such a person is
    most often of the place the sentence names or of the state the article is about. With whether
    it was placed so."""
    if ref is None or ref.country or ref.code:
        return ref, False
    return ref.model_copy(update={"country": _place_country(cand, fallback)}), True


def _ref(mention: Mention, cand: Candidate, fallback: str | None) -> tuple[ActorRef, bool]:
    """The actor a mention names, with whether it was placed by the sentence or the article; an agent
    noun no list resolved ("police") always is."""
    if mention.ref is not None:
        return _placed(mention.ref, cand, fallback)
    return ActorRef(actor_id=None, name=mention.head.text, country=_place_country(cand, fallback),
                    sector=mention.sector), True


def _choose(scores: np.ndarray, column: int, first: float, extra: float, exclude: set[int]) -> list[int]:
    order = [i for i in np.argsort(-scores[:, column]) if i not in exclude]
    if not order or scores[order[0], column] < first:
        return []
    return [order[0]] + [i for i in order[1:] if scores[i, column] >= extra]


@dataclass
class Scored:
    """The models' scores for one candidate: event probability, root, roles, modality, full code."""

    p_event: float
    ranked: list[int]
    row: dict[str, float]
    roles: np.ndarray | None = None
    modality_probs: np.ndarray | None = None
    code: str | None = None
    probs: np.ndarray = field(default=None, repr=False)  # type: ignore[assignment]


def score_candidates(cands: list[Candidate], hints: dict[int, list[RuleHint]], models: CoderModels,
                     codes: dict[str, CameoCode], floor: float = 0.1) -> list[Scored]:
    """Run the four models over an article's candidates (roles, modality and code only where the
    event probability reaches ``floor``, the least threshold decode may be asked to use)."""
    if not cands:
        return []
    dense = models.settings.dense
    rows = [trigger_features(c, hints.get(c.token.i, []), dense) for c in cands]
    probs = models.trigger.scores(rows)
    none = models.trigger.classes.index("none") if "none" in models.trigger.classes else None
    out = []
    for n, cand in enumerate(cands):
        ranked = [int(i) for i in np.argsort(-probs[n]) if i != none]
        p_event = 1.0 - float(probs[n, none]) if none is not None else 1.0
        scored = Scored(p_event, ranked, rows[n], probs=probs[n])
        if (scored.p_event >= floor or _strong(hints.get(cand.token.i, []))) and cand.mentions:
            root = models.trigger.classes[ranked[0]]
            hint = hints.get(cand.token.i, [])
            scored.roles = models.role.scores([pair_features(cand, m, hint, root, dense) for m in cand.mentions])
            scored.modality_probs = models.modality.scores([modality_features(cand, hint)])[0]
            scored.code = _full_code(models, rows[n], root, hint, codes, models.settings.code_threshold)
        out.append(scored)
    return out


def decode(doc: ArticleDoc, cands: list[Candidate], hints: dict[int, list[RuleHint]], models: CoderModels,
           codes: dict[str, CameoCode], threshold: float, scored: list[Scored] | None = None) -> list[Event]:
    """Score every candidate and write the events the models find.

    Args:
        doc: the article (its actors give agent nouns a country).
        cands: the candidates.
        hints: the rules coder's events by trigger token.
        models: the trained models (their settings give the role thresholds).
        codes: the CAMEO codebook.
        threshold: the least event probability kept.
        scored: the candidates' scores, when already computed (threshold search).

    Returns:
        The events, in text order, each once, with ``explain`` filled.
    """
    settings = models.settings
    scored = scored if scored is not None else score_candidates(cands, hints, models, codes, floor=threshold)
    fallback = main_country(doc) if cands else None
    starts = [q.start for q in doc.quotes]
    col = {c: i for i, c in enumerate(models.role.classes)}
    events: list[Event] = []
    seen: set[str] = set()
    for cand, sc in zip(cands, scored):
        strong = _strong(hints.get(cand.token.i, []))
        by_model = sc.p_event >= threshold
        if sc.roles is None or not (by_model or (settings.rule_events and strong)):
            continue
        root = models.trigger.classes[sc.ranked[0]] if by_model else strong[0].cameo[:2]
        roles = sc.roles
        modality, modality_basis = _modality(cand, models.modality.classes[int(np.argmax(sc.modality_probs))])
        sentence = _span(doc, cand.sent.start_char, cand.sent.end_char)
        trigger = _span(doc, cand.token.idx, cand.token.idx + len(cand.token.text))
        code = sc.code if by_model else strong[0].cameo
        done: set[tuple[str | None, str | None]] = set()
        for source, target, s, t, placed in _parties(cand, roles, col, settings, strong, fallback):
            p_self = None
            if target is None and models.implicit is not None and source.country:
                target, p_self = _implicit_target(models, cand, sc.row, root,
                                                  cand.mentions[s] if s is not None else None, source,
                                                  settings.implicit_threshold)
            pair = (label_key(source), label_key(target))
            if pair in done or (root in UNDIRECTED_ROOTS and pair[::-1] in done):
                continue
            done.add(pair)
            explain = {
                "coder": "learned", "candidate": cand.token.lemma_.lower(),
                "event_scores": {models.trigger.classes[i]: round(float(sc.probs[i]), 3) for i in sc.ranked[:3]},
                "features": [name for name, _ in models.trigger.top_features(sc.row, root, 5)],
                "rules": [h.cameo for h in hints.get(cand.token.i, [])],
                "parties": "rules" if s is None else "model",
                "placed": {side: "a place the sentence names, else the article's most-named state"
                           for side in placed} or None,
                "source_score": round(float(roles[s, col["source"]]), 3) if s is not None else None,
                "target_score": round(float(roles[t, col["target"]]), 3) if t is not None else None,
                "implicit_target": None if p_self is None else {
                    "self_score": p_self, "threshold": settings.implicit_threshold,
                    "chosen": "the source's own state" if target is not None else "none"},
                "modality_scores": {c: round(float(p), 3) for c, p in zip(models.modality.classes,
                                                                           sc.modality_probs)},
                "modality_basis": modality_basis,
            }
            event = _event(doc, sentence, trigger, source, target, codes[code], modality, round(sc.p_event, 3),
                           explain, starts)
            if event.id not in seen:
                seen.add(event.id)
                events.append(event)
    return events


#: What the rules read as an explicit "no": the model may not call such an event asserted.
_NEGATING_BASES = frozenset({"negation", "future-negation", "denial", "refusal", "failure"})


#: Verbs that undo a planned act: "the trip, which was cancelled", "called off the talks".
_CANCEL_VERBS = frozenset({"cancel", "scrap", "postpone", "abandon", "call", "shelve", "scuttle", "axe"})


def _cancelled(token) -> bool:
    """Whether the parse says the act was called off (its verb governs it, or a clause on it says so)."""
    def cancels(verb) -> bool:
        if verb.lemma_.lower() not in _CANCEL_VERBS:
            return False
        return verb.lemma_.lower() != "call" or any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)

    if token.dep_ in ("dobj", "nsubjpass") and cancels(token.head):
        return True
    return any(c.dep_ in ("relcl", "acl") and cancels(c) for c in token.children)


def _modality(cand: Candidate, predicted: str) -> tuple[str, str]:
    """The model's modality, except that an explicit negation or cancellation in the parse always
    wins; with what it rests on (``explain["modality_basis"]``)."""
    rule, basis = modality_with_basis(cand.token)
    if rule == "negated" and basis in _NEGATING_BASES:
        return "negated", f"the parse: {basis} of {cand.token.text!r} (overrides the model)"
    if _cancelled(cand.token):
        return "negated", f"the parse: {cand.token.text!r} was cancelled or called off (overrides the model)"
    return predicted, f"the model's top modality (the parse's cues read {rule}, {basis})"


def _strong(hints: list[RuleHint]) -> list[RuleHint]:
    """The rules coder's events on a trigger that pass its own threshold."""
    return [h for h in hints if h.confidence >= MIN_CONFIDENCE and h.source is not None]


def _parties(cand: Candidate, roles: np.ndarray, col: dict[str, int], settings, strong: list[RuleHint],
             fallback: str | None) -> list[tuple[ActorRef, ActorRef | None, int | None, int | None, list[str]]]:
    """(source, target, source mention, target mention, the sides placed by the sentence's place or
    the article's main state) of each event on a candidate."""
    def event(source: tuple[ActorRef, bool], target: tuple[ActorRef | None, bool], s: int | None, t: int | None):
        placed = [side for side, (_, was) in (("source", source), ("target", target)) if was]
        return source[0], target[0], s, t, placed

    if settings.rule_roles and strong:
        return [event(_placed(h.source, cand, fallback), _placed(h.target, cand, fallback), None, None)
                for h in strong]
    sources = _choose(roles, col["source"], settings.source_threshold, settings.extra_party_threshold, set())
    targets = _choose(roles, col["target"], settings.target_threshold, settings.extra_party_threshold,
                      set(sources)) if sources and "target" in col else []
    return [event(_ref(cand.mentions[s], cand, fallback),
                  _ref(cand.mentions[t], cand, fallback) if t is not None else (None, False), s, t)
            for s in sources for t in (targets or [None])]


def _implicit_target(models: CoderModels, cand: Candidate, row: dict[str, float], root: str,
                     mention: Mention | None, source: ActorRef, threshold: float) -> tuple[ActorRef | None, float]:
    """The target of an event with none: its source's own state where the implicit-target model says
    "self" with at least ``threshold`` ("Sudanese authorities approved a law"), else none; with the score."""
    scores = models.implicit.scores([implicit_features(cand, row, root, mention)])[0]
    p_self = round(float(scores[models.implicit.classes.index("self")]), 3)
    if p_self < threshold:
        return None, p_self
    return ActorRef(actor_id=None, name=load_kb().name_of(source.country), country=source.country), p_self


def _full_code(models: CoderModels, row: dict[str, float], root: str, hints: list[RuleHint],
               codes: dict[str, CameoCode], threshold: float) -> str:
    scores = models.code.scores([row])[0]
    best = max(((float(p), c) for c, p in zip(models.code.classes, scores) if c[:2] == root and c in codes),
               default=(0.0, root))
    if best[0] >= threshold:
        return best[1]
    for hint in hints:
        if hint.cameo[:2] == root:
            return hint.cameo
    return root if root in codes else best[1]


def _event(doc: ArticleDoc, sentence: TextSpan, trigger: TextSpan, source: ActorRef, target: ActorRef | None,
           code: CameoCode, modality: str, confidence: float, explain: dict, starts: list[int]) -> Event:
    event_id = content_id(doc.article.id, str(trigger.start), code.code, source.actor_id or label_key(source) or "",
                          (target.actor_id or label_key(target) or "") if target else "")
    i = bisect.bisect_right(starts, trigger.start) - 1
    quote = doc.quotes[i] if i >= 0 and trigger.start < doc.quotes[i].end else None
    plover = Plover(type=code.plover_type, mode=code.plover_mode) if code.plover_type else None
    return Event(id=event_id, sentence=sentence, trigger=trigger, source=source, target=target, cameo=code.code,
                 cameo_name=code.name, goldstein=code.goldstein, quad_class=code.quad_class, plover=plover,
                 modality=modality, confidence=confidence, quote_id=quote.id if quote else None,  # type: ignore[arg-type]
                 explain=explain)


def _span(doc: ArticleDoc, start: int, end: int) -> TextSpan:
    return TextSpan.trimmed(doc.article.text, start, end)
