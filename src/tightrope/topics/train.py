"""Train the area model (``tightrope train-areas``, part of ``make train``).

The gold areas of train-split sentences (data/gold/areas, docs/AREAS.md) train it; the dev
split's choose the regularisation and the decode threshold, and are scored against the
taxonomy's keywords alone; the test split is never read. Writes ``areas.npz`` and a report
``areas.json`` (what was chosen, on what, and the dev scores).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..gold.areas import AREA_IDS, GoldArea, area_scores, load_areas
from ..gold.schema import GoldArticle
from ..gold.splits import split_of
from .assign import topics_for
from .features import area_features
from .model import AreaModel

__all__ = ["train_areas", "sentence_features", "score_split_areas"]

C_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLD_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def sentence_features(corpus: list[GoldArticle], gold: list[GoldArea],
                      progress: Callable[[str], None] = lambda _: None) -> tuple[list[dict], list[list[str]]]:
    """Parse the articles the gold sentences lie in, and return each sentence's features and its
    keyword areas (the taxonomy alone), in ``gold``'s order."""
    from ..gold.score import to_article
    from ..models import ArticleDoc
    from ..nlp import ParseStage, load_nlp

    wanted = {g.article_id for g in gold}
    articles = [a for a in corpus if a.id in wanted]
    parse = ParseStage(load_nlp())
    spans = {}
    for n, doc in enumerate(parse.pipe(ArticleDoc(article=to_article(a)) for a in articles), 1):
        for g in gold:
            if g.article_id == doc.article.id:
                span = doc.parsed.char_span(g.start, g.end, alignment_mode="expand")
                spans[(g.article_id, g.start)] = span
        if n % 25 == 0 or n == len(articles):
            progress(f"parsed {n}/{len(articles)} articles")
    rows, keywords = [], []
    for g in gold:
        span = spans[(g.article_id, g.start)]
        rows.append(area_features(span))
        keywords.append(topics_for(span.text + " | " + " ".join(t.lemma_.lower() for t in span)))
    return rows, keywords


def train_areas(corpus: list[GoldArticle], out: Path, progress: Callable[[str], None] = print,
                folder: Path | None = None) -> dict:
    """Fit on train, choose on dev, write the model and its report; return the report."""
    gold = load_areas({a.id: a for a in corpus}, *(folder,) if folder else ())
    gold = [g for g in gold if split_of(g.article_id) in ("train", "dev")]  # test is never read
    if not gold:
        raise ValueError("no gold areas for the train and dev splits; see docs/AREAS.md")
    rows, keywords = sentence_features(corpus, gold, progress)
    train = [i for i, g in enumerate(gold) if split_of(g.article_id) == "train"]
    dev = [i for i, g in enumerate(gold) if split_of(g.article_id) == "dev"]
    dev_gold = [gold[i].areas for i in dev]
    best = None
    for c in C_GRID:
        model = AreaModel.fit([rows[i] for i in train], [gold[i].areas for i in train], AREA_IDS, c=c)
        for threshold in THRESHOLD_GRID:
            for union in (False, True):
                predicted = [frozenset(p) for p in model.predict([rows[i] for i in dev], threshold, union)]
                score = area_scores(dev_gold, predicted)
                progress(f"C {c} threshold {threshold}{' with the keywords' if union else ''}: dev F1 "
                         f"{score['f1']:.3f} (P {score['precision']:.3f} R {score['recall']:.3f})")
                if best is None or score["f1"] > best[0]["f1"]:
                    best = (score, c, threshold, union, model)
    assert best is not None
    score, c, threshold, union, model = best
    model.threshold, model.union = threshold, union
    keyword_score = area_scores(dev_gold, [frozenset(keywords[i]) for i in dev])
    report = {"trained_on": f"{len(train)} train-split sentences of data/gold/areas",
              "chosen_on": f"{len(dev)} dev-split sentences (micro F1), grid C {list(C_GRID)} x threshold "
                           f"{list(THRESHOLD_GRID)} x the keywords' areas added or not",
              "c": c, "threshold": threshold, "union_with_keywords": union, "dev": score, "dev_keywords_alone": keyword_score,
              "areas_left_to_keywords": [a for a, ok in zip(model.areas, model.learned) if not ok],
              "positives": model.config.get("positives")}
    model.config.update({"threshold": threshold, "union": union, "dev": score})
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    out.with_suffix(".json").write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    progress(f"chose C {c}, threshold {threshold}{', with the keywords' if union else ''}: dev F1 {score['f1']:.3f} against {keyword_score['f1']:.3f} "
             f"for the keywords alone; wrote {out}")
    return report


def score_split_areas(corpus: list[GoldArticle], split: str, model: AreaModel | None) -> dict[str, dict] | None:
    """The gold areas of one split's sentences against the model's and the keywords' (``make eval``);
    None where the split has no gold areas."""
    gold = [g for g in load_areas({a.id: a for a in corpus}) if split_of(g.article_id) == split]
    if not gold:
        return None
    rows, keywords = sentence_features(corpus, gold)
    truth = [g.areas for g in gold]
    out = {"keywords": area_scores(truth, [frozenset(k) for k in keywords])}
    if model is not None:
        out["learned"] = area_scores(truth, [frozenset(p) for p in model.predict(rows)])
    return out
