"""Run a pipeline over a split of the annotated corpus and print its report (``make eval``)."""

from __future__ import annotations

from collections.abc import Callable

from ..models import ArticleDoc
from .brief_score import BriefScore, score_brief
from .persons import score_persons
from .schema import GoldArticle
from .score import CorpusScore, score_docs, to_article

__all__ = ["score_split", "render"]


def _analyse(pipeline, gold: GoldArticle) -> tuple[ArticleDoc, list[tuple[int, int]], list[tuple[int, int]]]:
    """Analyse one article, stage by stage, and read the coder's candidates and the parse's PERSON
    entities while the parse is there."""
    doc = ArticleDoc(article=to_article(gold))
    spans: list[tuple[int, int]] = []
    persons: list[tuple[int, int]] = []
    for stage in pipeline.stages:
        doc = stage(doc)
        if not persons and doc.parsed is not None:
            persons = [(e.start_char, e.end_char) for e in doc.parsed.ents if e.label_ == "PERSON"]
        finder = getattr(stage, "candidates", None)
        if finder is not None:
            cands, _ = finder(doc)
            spans = [(c.token.idx, c.token.idx + len(c.token.text)) for c in cands]
    return doc.model_copy(update={"parsed": None}), spans, persons


def score_split(pipeline, articles: list[GoldArticle], keep_examples: int = 0,
                progress: Callable[[str], None] = lambda _: None, briefs: list | None = None) -> CorpusScore:
    """Analyse and score every article of one split.

    Args:
        pipeline: the pipeline whose coder is scored.
        articles: the split's gold articles.
        keep_examples: misses and false alarms to keep for reading (never on test).
        progress: where a progress line goes every 20 articles.
    """
    pairs, spans, persons = [], {}, {}
    for n, gold in enumerate(articles, 1):
        doc, found, people = _analyse(pipeline, gold)
        pairs.append((gold, doc))
        spans[gold.id] = found
        persons[gold.id] = people
        if n % 20 == 0:
            progress(f"  {n}/{len(articles)} articles")
    has_candidates = any(spans.values())
    score = score_docs(pairs, candidate_tokens=(lambda d: spans[d.article.id]) if has_candidates else None,
                       keep_examples=keep_examples)
    score.persons = score_persons(pairs, persons)
    if briefs:
        docs = {gold.id: doc for gold, doc in pairs}
        score.briefs = BriefScore()
        for brief in briefs:
            if brief.article_id in docs:
                score.briefs.add(score_brief(brief, docs[brief.article_id].relations))
    return score


def render(name: str, score: CorpusScore) -> list[str]:
    """The report of one split as printable lines."""
    s = score.summary()
    lines = [
        f"{name}: {s['articles']} articles, {s['gold']} gold events, {s['predicted']} predicted",
        f"  event (sentence, root, source, target):  P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}",
        f"  event (sentence, PLOVER, source, target): P {s['plover_precision']:.3f}  R {s['plover_recall']:.3f}  "
        f"F1 {s['plover_f1']:.3f}",
        f"  detection (sentence, trigger):           P {s['detection_precision']:.3f}  R {s['detection_recall']:.3f}  "
        f"F1 {s['detection_f1']:.3f}",
        f"  given detection: type {s['type_given_detection']:.3f}  source {s['source_given_detection']:.3f}  "
        f"target {s['target_given_detection']:.3f}",
        f"  modality accuracy (matched) {s['modality_accuracy']:.3f}; negated events coded as asserted: "
        f"{s['negated_as_asserted']}",
        f"  self-dyad rate {s['self_dyad_rate']:.3f} (gold {s['gold_self_dyad_rate']:.3f})"
        + (f"; candidate recall {s['candidate_recall']:.3f}" if score.candidates_found else ""),
        f"  {'root':<5} {'gold':>5} {'right':>5} {'none':>5}  most common wrong root",
    ]
    roots = sorted({g for g, _ in score.confusion if g != "none"})
    for root in roots:
        row = {p: n for (g, p), n in score.confusion.items() if g == root}
        wrong = sorted(((n, p) for p, n in row.items() if p not in (root, "none")), reverse=True)
        lines.append(f"  {root:<5} {sum(row.values()):>5} {row.get(root, 0):>5} {row.get('none', 0):>5}  "
                     + (", ".join(f"{p} ({n})" for n, p in wrong[:3]) or "-"))
    if score.persons is not None:
        p = score.persons.summary()
        lines.insert(7, f"  people named as parties: {p['person_mentions']} mentions; resolved {p['person_resolved']:.3f}, "
                        f"right country {p['person_country']:.3f}, right country and sector {p['person_country_sector']:.3f}")
    if score.briefs is not None and score.briefs.gold_lines:
        b = score.briefs.summary()
        lines.insert(8, f"  relations briefs ({score.briefs.gold_lines} gold lines): found {b['brief_found']:.3f}; "
                        f"{b['brief_produced']} lines produced, {b['brief_wrong_side']} citing a sentence for the wrong side, "
                        f"{b['brief_background_as_current']} background statements as current")
    false = sum(n for (g, _), n in score.confusion.items() if g == "none")
    lines.append(f"  {'none':<5} {'':>5} {'':>5} {'':>5}  {false} predicted events with no gold event at their trigger")
    return lines
