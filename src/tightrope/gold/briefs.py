"""Gold relations briefs (docs/BRIEFS.md): load and check the annotators' drafts, score a brief against them.

A draft line quotes its evidence; :func:`load_briefs` finds each quote in the article text (exactly,
as ``make gold`` does for events) and refuses a quote it cannot place, an unknown area or kind, or a
code that is not a country or a known group.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..data import read_table, state_codes
from ..errors import DataError
from .schema import GoldArticle

__all__ = ["BriefLineGold", "GoldBrief", "load_briefs", "brief_agreement", "AREAS", "KINDS", "BRIEF_DIR"]

BRIEF_DIR = Path(__file__).resolve().parents[3] / "data" / "gold" / "briefs"
KINDS = ("convergence", "divergence", "third_party")
AREAS = frozenset([r["topic"] for r in read_table("topics/topics.csv", ("topic",))] + ["general"])


@dataclass(frozen=True)
class BriefLineGold:
    """One line an analyst wrote: pair, kind, area, third party, and the sentences that show it."""

    a: str
    b: str
    kind: str
    area: str
    third: str | None
    evidence: tuple[str, ...]  # the evidence quote first, then the "also" quotes

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a, self.b))


@dataclass
class GoldBrief:
    """The gold brief of one article."""

    article_id: str
    annotator: str
    pairs: list[frozenset[str]]
    lines: list[BriefLineGold] = field(default_factory=list)
    must_not: list[BriefLineGold] = field(default_factory=list)
    background: list[str] = field(default_factory=list)


def _codes() -> set[str]:
    return set(state_codes()) | {r["id"] for r in read_table("actors/groups.csv", ("id",))}


def _line(raw: dict, text: str, where: str, codes: set[str], need_kind: bool = True) -> BriefLineGold:
    kind, area = raw.get("kind"), raw.get("area")
    if kind not in KINDS:
        raise DataError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    if area not in AREAS:
        raise DataError(f"{where}: area {area!r} is not a topic id of topics.csv or 'general'")
    for code in (raw.get("a"), raw.get("b"), raw.get("third")):
        if code is not None and code not in codes:
            raise DataError(f"{where}: {code!r} is neither an ISO3 code of countries.csv or territories.csv nor a group id")
    if kind == "third_party" and not raw.get("third"):
        raise DataError(f"{where}: a third_party line needs 'third'")
    quotes = [raw.get("evidence", ""), *raw.get("also", [])]
    for quote in quotes:
        if not quote or quote not in text:
            raise DataError(f"{where}: evidence {quote[:60]!r} is not in the article text; copy it exactly")
    return BriefLineGold(raw["a"], raw["b"], kind, area, raw.get("third") if kind == "third_party" else None, tuple(quotes))


def load_briefs(articles: dict[str, GoldArticle], folder: Path = BRIEF_DIR / "drafts",
                extra_texts: dict[str, str] | None = None) -> list[GoldBrief]:
    """Read every draft file in ``folder`` and check it against the article texts.

    Args:
        articles: the annotated corpus by id.
        folder: the drafts folder (``second/`` for the double annotation).
        extra_texts: texts of articles outside the corpus (the bundled example), by id.
    """
    codes = _codes()
    briefs = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, raw_line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw_line.strip():
                continue
            where = f"{path.name}:{number}"
            raw = json.loads(raw_line)
            aid = raw.get("article_id", "")
            text = articles[aid].text if aid in articles else (extra_texts or {}).get(aid)
            if text is None:
                raise DataError(f"{where}: article {aid!r} is not in the corpus")
            brief = GoldBrief(aid, raw.get("annotator", path.stem), [frozenset(p) for p in raw.get("pairs", [])])
            brief.lines = [_line(x, text, f"{where} line {i}", codes) for i, x in enumerate(raw.get("lines", []), 1)]
            brief.must_not = [_line(x, text, f"{where} must_not {i}", codes) for i, x in enumerate(raw.get("must_not", []), 1)]
            for quote in raw.get("background", []):
                if quote not in text:
                    raise DataError(f"{where}: background {quote[:60]!r} is not in the article text")
            brief.background = list(raw.get("background", []))
            for line in brief.lines:
                if line.pair not in brief.pairs:
                    raise DataError(f"{where}: a line for {line.a}-{line.b}, a pair not in 'pairs'")
            briefs.append(brief)
    return briefs


def brief_agreement(first: list[GoldBrief], second: list[GoldBrief]) -> dict[str, float | int]:
    """How far two annotators' briefs of the same articles agree.

    ``line_f1``: the lines as (pair, kind, area, third), the second annotator's against the first's.
    ``side_agreement``: of the sentences both cite for a convergence or divergence of the same pair,
    the share they put on the same side.
    """
    by_id = {b.article_id: b for b in first}
    common = [(by_id[b.article_id], b) for b in second if b.article_id in by_id]
    hits = total_first = total_second = 0
    same_side = shared = 0
    for one, two in common:
        keys1 = {(x.pair, x.kind, x.area, x.third) for x in one.lines}
        keys2 = {(x.pair, x.kind, x.area, x.third) for x in two.lines}
        hits += len(keys1 & keys2)
        total_first += len(keys1)
        total_second += len(keys2)
        sides1 = {(x.pair, q): x.kind for x in one.lines if x.kind != "third_party" for q in x.evidence}
        for line in two.lines:
            if line.kind == "third_party":
                continue
            for quote in line.evidence:
                match = next((kind for (pair, q), kind in sides1.items() if pair == line.pair and (q in quote or quote in q)), None)
                if match is not None:
                    shared += 1
                    same_side += match == line.kind
    p = hits / total_second if total_second else 0.0
    r = hits / total_first if total_first else 0.0
    return {"articles": len(common), "lines_first": total_first, "lines_second": total_second,
            "line_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "shared_sentences": shared, "side_agreement": round(same_side / shared, 3) if shared else 0.0}
