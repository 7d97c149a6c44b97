"""Gold issue areas of sentences (docs/AREAS.md): load and check the annotators' records, and the
agreement of two annotators.

A record locates its sentence in an article of the annotated corpus by character offsets;
:func:`load_areas` refuses an unknown article, offsets outside its text, an unknown area, or a
sentence given twice.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from .briefs import AREAS
from .schema import GoldArticle

__all__ = ["GoldArea", "load_areas", "area_agreement", "AREA_DIR", "AREA_IDS", "area_scores"]

AREA_DIR = Path(__file__).resolve().parents[3] / "data" / "gold" / "areas"
#: The issue areas a sentence can be given (the brief's ``general`` is a sentence given none).
AREA_IDS = tuple(sorted(AREAS - {"general"}))


@dataclass(frozen=True)
class GoldArea:
    """One sentence and the issue areas an annotator gave it."""

    article_id: str
    start: int
    end: int
    text: str
    areas: frozenset[str]
    annotator: str


def load_areas(articles: dict[str, GoldArticle], folder: Path = AREA_DIR / "drafts") -> list[GoldArea]:
    """Every record of every ``*.jsonl`` file in ``folder``, checked against the articles' texts."""
    out: list[GoldArea] = []
    seen: set[tuple[str, int]] = set()
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{n}"
            try:
                raw = json.loads(line)
                article_id, start, end = raw["article_id"], int(raw["start"]), int(raw["end"])
                areas = raw["areas"]
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise DataError(f"{where}: not a record with article_id, start, end and areas ({exc}); "
                                "see docs/AREAS.md") from None
            article = articles.get(article_id)
            if article is None:
                raise DataError(f"{where}: article {article_id!r} is not in the annotated corpus")
            if not 0 <= start < end <= len(article.text):
                raise DataError(f"{where}: offsets {start}-{end} lie outside the article's {len(article.text)} characters")
            unknown = [a for a in areas if a not in AREA_IDS]
            if unknown or not isinstance(areas, list):
                raise DataError(f"{where}: unknown area(s) {unknown or areas!r}; choose from {', '.join(AREA_IDS)}")
            if (article_id, start) in seen:
                raise DataError(f"{where}: the sentence at {article_id}:{start} is given twice")
            seen.add((article_id, start))
            out.append(GoldArea(article_id, start, end, article.text[start:end], frozenset(areas),
                                str(raw.get("annotator", path.stem))))
    return out


def area_scores(gold: list[frozenset[str]], predicted: list[frozenset[str]]) -> dict[str, float | int]:
    """Micro precision, recall and F1 of predicted areas against gold ones, sentence by sentence,
    and the share of sentences whose set is exactly right."""
    hits = sum(len(g & p) for g, p in zip(gold, predicted))
    n_gold = sum(len(g) for g in gold)
    n_pred = sum(len(p) for p in predicted)
    precision = hits / n_pred if n_pred else 0.0
    recall = hits / n_gold if n_gold else 0.0
    return {"sentences": len(gold), "precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
            "exact": round(sum(g == p for g, p in zip(gold, predicted)) / len(gold), 3) if gold else 0.0}


def area_agreement(first: list[GoldArea], second: list[GoldArea]) -> dict[str, float | int]:
    """The second annotator's areas scored against the first's, on the sentences both labelled,
    with Cohen's kappa averaged over the areas (each a yes/no decision per sentence)."""
    by_key = {(a.article_id, a.start): a for a in first}
    pairs = [(by_key[(b.article_id, b.start)], b) for b in second if (b.article_id, b.start) in by_key]
    scores = area_scores([a.areas for a, _ in pairs], [b.areas for _, b in pairs])
    kappas = []
    for area in AREA_IDS:
        cells = Counter((area in a.areas, area in b.areas) for a, b in pairs)
        n = len(pairs)
        if not n or cells[(True, True)] + cells[(True, False)] + cells[(False, True)] == 0:
            continue  # an area neither annotator used says nothing of agreement
        observed = (cells[(True, True)] + cells[(False, False)]) / n
        p1 = (cells[(True, True)] + cells[(True, False)]) / n
        p2 = (cells[(True, True)] + cells[(False, True)]) / n
        expected = p1 * p2 + (1 - p1) * (1 - p2)
        kappas.append((observed - expected) / (1 - expected) if expected < 1 else 1.0)
    return {**scores, "mean_kappa": round(sum(kappas) / len(kappas), 3) if kappas else 0.0}
