"""Score relations briefs against the gold briefs (docs/BRIEFS.md "How the score works"), per split."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..models import RelationStatement
from .briefs import GoldBrief

__all__ = ["BriefScore", "score_brief"]


@dataclass
class BriefScore:
    """Gold lines found, lines produced, lines that cite a sentence for the wrong side, background as current."""

    gold_lines: int = 0
    found: int = 0
    produced: int = 0
    wrong_side: int = 0
    background_as_current: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: BriefScore) -> None:
        for name in ("gold_lines", "found", "produced", "wrong_side", "background_as_current"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.wrong += other.wrong

    def summary(self) -> dict[str, float | int]:
        return {"brief_gold_lines": self.gold_lines, "brief_found": round(self.found / self.gold_lines, 3) if self.gold_lines else 0.0,
                "brief_produced": self.produced, "brief_wrong_side": self.wrong_side,
                "brief_background_as_current": self.background_as_current}


def _cites(statement_sentence: str, quotes: tuple[str, ...]) -> bool:
    return any(q in statement_sentence for q in quotes)


def score_brief(gold: GoldBrief, statements: list[RelationStatement]) -> BriefScore:
    """Compare one article's statements (its brief's lines) with its gold brief.

    A produced line is (pair, kind, area, third) with the sentences it cites; background statements
    are not lines of the current brief, as in ``tightrope dyad`` by default.
    """
    score = BriefScore()
    lines: dict[tuple, list[str]] = defaultdict(list)
    for s in statements:
        pair = frozenset((s.a, s.b))
        if pair not in gold.pairs:
            continue
        if s.background:
            continue
        lines[(pair, s.kind, s.area, s.third)].append(s.evidence.text)
    score.produced = len(lines)
    for line in gold.lines:
        score.gold_lines += 1
        cited = lines.get((line.pair, line.kind, line.area, line.third), [])
        if any(_cites(sentence, line.evidence) for sentence in cited):
            score.found += 1
        else:
            score.missed.append(f"{gold.article_id}: {line.a}-{line.b} {line.kind} {line.area} {line.third or ''}: "
                                f"{line.evidence[0][:90]!r}")
    opposite = {"convergence": "divergence", "divergence": "convergence"}
    wrong_sources: list[tuple[frozenset[str], str, tuple[str, ...], str]] = [
        (g.pair, opposite[g.kind], g.evidence, "the gold cites it for the other side")
        for g in gold.lines if g.kind in opposite]
    wrong_sources += [(g.pair, g.kind, g.evidence, "the gold lists it as a line that must not appear")
                      for g in gold.must_not if g.kind in opposite]
    for (pair, kind, area, third), sentences in lines.items():
        for gpair, gkind, quotes, why in wrong_sources:
            if pair == gpair and kind == gkind and any(_cites(s, quotes) for s in sentences):
                score.wrong_side += 1
                score.wrong.append(f"{gold.article_id}: {'-'.join(sorted(pair))} {kind} {area}: {quotes[0][:80]!r} ({why})")
                break
    for s in statements:
        if not s.background and frozenset((s.a, s.b)) in gold.pairs and any(q in s.evidence.text for q in gold.background):
            score.background_as_current += 1
            score.wrong.append(f"{gold.article_id}: background counted as current: {s.evidence.text[:80]!r}")
    return score
