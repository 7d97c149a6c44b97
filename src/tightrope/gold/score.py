"""Score a coder against the annotated corpus, split by split.

An event is right when it sits in the gold event's sentence (its trigger inside that sentence),
has the same CAMEO root (or PLOVER type) and the same source and target labels (country, else
organisation code); a symmetric gold event (or a root without direction: meetings, fighting)
matches either way round. Matching is one to one. Beside that strict score: detection alone
(same sentence, overlapping trigger), type, source and target given detection, modality on the
matched events, negated events counted as asserted, the self-dyad rate, and a root confusion table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..events.ontology import UNDIRECTED_ROOTS
from ..models import Article, ArticleDoc, Event, label_key
from .schema import GoldArticle, GoldEvent

__all__ = ["CorpusScore", "score_docs", "to_article"]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class CorpusScore:
    """Counts behind every number ``make eval`` prints for one split."""

    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    matched_plover: int = 0
    detected: int = 0
    type_right: int = 0
    source_right: int = 0
    target_right: int = 0
    modality_right: int = 0
    negated_as_asserted: int = 0
    gold_negated: int = 0
    self_dyads_pred: int = 0
    self_dyads_gold: int = 0
    candidates_found: int = 0
    confusion: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    #: How the people named as parties were resolved (gold.persons), when the parse was read.
    persons: Any = None
    #: The relations briefs of the split's articles against the gold briefs (gold.brief_score).
    briefs: Any = None

    def prf(self, hits: int, hits_gold: int | None = None) -> tuple[float, float, float]:
        p = hits / self.predicted if self.predicted else 0.0
        r = (hits if hits_gold is None else hits_gold) / self.gold if self.gold else 0.0
        return p, r, _f1(p, r)

    @property
    def f1(self) -> float:
        return self.prf(self.matched)[2]

    @property
    def precision(self) -> float:
        return self.prf(self.matched)[0]

    def summary(self) -> dict[str, float]:
        """The headline numbers as a flat dict (what the CI gate and the README read)."""
        p, r, f = self.prf(self.matched)
        pp, pr, pf = self.prf(self.matched_plover)
        dp, dr, df = self.prf(self.detected)
        det = self.detected or 1
        return {
            "articles": self.articles, "gold": self.gold, "predicted": self.predicted,
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "plover_f1": round(pf, 3), "plover_precision": round(pp, 3), "plover_recall": round(pr, 3),
            "detection_precision": round(dp, 3), "detection_recall": round(dr, 3), "detection_f1": round(df, 3),
            "type_given_detection": round(self.type_right / det, 3),
            "source_given_detection": round(self.source_right / det, 3),
            "target_given_detection": round(self.target_right / det, 3),
            "modality_accuracy": round(self.modality_right / self.matched, 3) if self.matched else 0.0,
            "negated_as_asserted": self.negated_as_asserted,
            "self_dyad_rate": round(self.self_dyads_pred / self.predicted, 3) if self.predicted else 0.0,
            "gold_self_dyad_rate": round(self.self_dyads_gold / self.gold, 3) if self.gold else 0.0,
            "candidate_recall": round(self.candidates_found / self.gold, 3) if self.gold else 0.0,
            **(self.persons.summary() if self.persons is not None else {}),
            **(self.briefs.summary() if self.briefs is not None else {}),
        }


def to_article(gold: GoldArticle) -> Article:
    """The gold article as the pipeline reads it (same id, text and date)."""
    return Article(id=gold.id, title=gold.title, url=gold.url, published=gold.published, text=gold.text)


def _same_sentence(event: Event, gold: GoldEvent) -> bool:
    return gold.sentence.start <= event.trigger.start < gold.sentence.end


def _overlap(event: Event, gold: GoldEvent) -> bool:
    return event.trigger.start < gold.trigger.end and gold.trigger.start < event.trigger.end


def _sides(event: Event, gold: GoldEvent) -> tuple[bool, bool]:
    src, tgt = label_key(event.source), label_key(event.target)
    gsrc, gtgt = label_key(gold.source), label_key(gold.target)
    straight = (src == gsrc, tgt == gtgt)
    if gold.symmetric or gold.cameo[:2] in UNDIRECTED_ROOTS:
        swapped = (src == gtgt, tgt == gsrc)
        if sum(swapped) > sum(straight):
            return swapped
    return straight


def _match(gold: list[GoldEvent], pred: list[Event], fits: Callable[[Event, GoldEvent], bool]
           ) -> list[tuple[GoldEvent, Event]]:
    pairs, used = [], set()
    for g in gold:
        options = [p for p in pred if id(p) not in used and fits(p, g)]
        if options:
            best = max(options, key=lambda p: _overlap(p, g))
            used.add(id(best))
            pairs.append((g, best))
    return pairs


def _self_dyad(source: str | None, target: str | None) -> bool:
    return source is not None and source == target


def score_docs(pairs: Iterable[tuple[GoldArticle, ArticleDoc]],
               candidate_tokens: Callable[[ArticleDoc], list[tuple[int, int]]] | None = None,
               keep_examples: int = 0) -> CorpusScore:
    """Score analysed articles against their gold.

    Args:
        pairs: (gold article, the coder's analysis of it).
        candidate_tokens: for a doc, the (start, end) char spans of the coder's candidates, to
            report the candidate stage's recall.
        keep_examples: keep this many miss and false-alarm descriptions (dev/train only).

    Returns:
        The counts.
    """
    score = CorpusScore()
    for gold_article, doc in pairs:
        gold, pred = gold_article.events, doc.events
        score.articles += 1
        score.gold += len(gold)
        score.predicted += len(pred)
        score.gold_negated += sum(g.modality == "negated" for g in gold)
        score.self_dyads_gold += sum(_self_dyad(label_key(g.source), label_key(g.target)) for g in gold)
        score.self_dyads_pred += sum(_self_dyad(label_key(e.source), label_key(e.target)) for e in pred)
        full = _match(gold, pred, lambda p, g: _same_sentence(p, g) and p.cameo[:2] == g.cameo[:2] and all(_sides(p, g)))
        score.matched += len(full)
        for g, p in full:
            score.modality_right += p.modality == g.modality
            score.negated_as_asserted += g.modality == "negated" and p.modality == "asserted"
        score.matched_plover += len(_match(gold, pred, lambda p, g: _same_sentence(p, g) and p.plover is not None
                                           and p.plover.type == g.plover and all(_sides(p, g))))
        detected = _match(gold, pred, lambda p, g: _same_sentence(p, g) and _overlap(p, g))
        score.detected += len(detected)
        for g, p in detected:
            score.type_right += p.cameo[:2] == g.cameo[:2]
            src, tgt = _sides(p, g)
            score.source_right += src
            score.target_right += tgt
            score.confusion[(g.cameo[:2], p.cameo[:2])] += 1
        found = {id(g) for g, _ in detected}
        for g in gold:
            if id(g) not in found:
                score.confusion[(g.cameo[:2], "none")] += 1
        matched_pred = {id(p) for _, p in detected}
        for p in pred:
            if id(p) not in matched_pred:
                score.confusion[("none", p.cameo[:2])] += 1
        if candidate_tokens is not None:
            spans = candidate_tokens(doc)
            score.candidates_found += sum(any(s < g.trigger.end and g.trigger.start < e for s, e in spans) for g in gold)
        if keep_examples:
            full_gold = {id(g) for g, _ in full}
            full_pred = {id(p) for _, p in full}
            for g in gold:
                if id(g) not in full_gold and len(score.misses) < keep_examples:
                    score.misses.append(f"{gold_article.id}: {g.cameo} {label_key(g.source)}->{label_key(g.target)} "
                                        f"{g.trigger.text!r} in {g.sentence.text[:110]!r}")
            for p in pred:
                if id(p) not in full_pred and len(score.false_alarms) < keep_examples:
                    score.false_alarms.append(f"{gold_article.id}: {p.cameo} {label_key(p.source)}->{label_key(p.target)} "
                                              f"{p.trigger.text!r} in {p.sentence.text[:110]!r}")
    return score
