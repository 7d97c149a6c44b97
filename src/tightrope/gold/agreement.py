"""Agreement between two independent annotations of the same articles.

Event-level F1 treats one pass as gold and the other as prediction, matching events one to one on
(sentence, CAMEO root, source label, target label), symmetric events either way round; F1 is
symmetric in the two passes. Cohen's kappa is on the root of the events both passes recorded at
the same words (same sentence, overlapping triggers).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..events.ontology import UNDIRECTED_ROOTS
from ..models import label_key
from .schema import GoldArticle, GoldEvent

__all__ = ["Agreement", "agreement", "cohen_kappa"]


@dataclass
class Agreement:
    """Counts and scores of agreement between pass A and pass B."""

    articles: int
    events_a: int
    events_b: int
    matched: int
    detected: int
    kappa: float
    sides_agree: int

    @property
    def f1(self) -> float:
        total = self.events_a + self.events_b
        return 2 * self.matched / total if total else 0.0

    @property
    def detection_f1(self) -> float:
        total = self.events_a + self.events_b
        return 2 * self.detected / total if total else 0.0


def cohen_kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two raters' labels over the same items."""
    if not pairs:
        return 0.0
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[k] * right.get(k, 0) for k in left) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def _same_place(a: GoldEvent, b: GoldEvent) -> bool:
    return a.sentence.start <= b.trigger.start < a.sentence.end and a.trigger.start < b.trigger.end \
        and b.trigger.start < a.trigger.end


def _same_sides(a: GoldEvent, b: GoldEvent) -> bool:
    straight = label_key(a.source) == label_key(b.source) and label_key(a.target) == label_key(b.target)
    swapped = label_key(a.source) == label_key(b.target) and label_key(a.target) == label_key(b.source)
    return straight or ((a.symmetric or b.symmetric or a.cameo[:2] in UNDIRECTED_ROOTS) and swapped)


def _match(first: list[GoldEvent], second: list[GoldEvent], fits) -> list[tuple[GoldEvent, GoldEvent]]:
    used: set[int] = set()
    pairs = []
    for a in first:
        for b in second:
            if id(b) not in used and fits(a, b):
                used.add(id(b))
                pairs.append((a, b))
                break
    return pairs


def agreement(first: list[GoldArticle], second: list[GoldArticle]) -> Agreement:
    """Compare two passes over the articles they share.

    Args:
        first: the first pass (e.g. the corpus).
        second: the independent second pass.

    Returns:
        The agreement over the shared articles.
    """
    by_id = {a.id: a for a in first}
    shared = [(by_id[b.id], b) for b in second if b.id in by_id]
    events_a = events_b = matched = detected = sides = 0
    roots: list[tuple[str, str]] = []
    for a, b in shared:
        events_a += len(a.events)
        events_b += len(b.events)
        matched += len(_match(a.events, b.events, lambda x, y: x.sentence.start <= y.trigger.start < x.sentence.end
                              and x.cameo[:2] == y.cameo[:2] and _same_sides(x, y)))
        placed = _match(a.events, b.events, _same_place)
        detected += len(placed)
        roots += [(x.cameo[:2], y.cameo[:2]) for x, y in placed]
        sides += sum(_same_sides(x, y) for x, y in placed)
    return Agreement(len(shared), events_a, events_b, matched, detected, cohen_kappa(roots), sides)
