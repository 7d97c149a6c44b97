"""Score the event coder: the annotated corpus per split, PLOVER type + dyad on plover_dev, example golds.

Run ``python -m tightrope.evaluate`` (``make eval``). The same functions back the CI gate in
``tests/eval/``, which fails when a score drops under its pinned floor.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click

from .models import ActorRef, Event
from .pipeline import DEFAULT_CODER, Pipeline

__all__ = ["PloverScore", "score_plover", "compare_code", "DEFAULT_PLOVER_DEV", "DEFAULT_CORPUS"]

#: The annotated corpus (docs/ANNOTATION.md), built from data/gold/drafts by `make gold`.
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "data" / "gold" / "corpus.jsonl"

#: The development gold file: $TIGHTROPE_PLOVER_DEV, else beside the repository as the project lays it out.
DEFAULT_PLOVER_DEV = Path(os.environ.get("TIGHTROPE_PLOVER_DEV")
                          or Path(__file__).resolve().parents[3] / "shared" / "eval" / "plover_dev.jsonl")


@dataclass
class PloverScore:
    """Precision, recall and F1 of (PLOVER type, source, target), plus a type confusion table."""

    records: int = 0
    predicted: int = 0
    correct_predictions: int = 0
    found_records: int = 0
    confusion: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct_predictions / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found_records / self.records if self.records else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def compare_code(ref: ActorRef | None) -> str | None:
    """The code an actor is compared on: its country, or IGO/NGO for organisations."""
    if ref is None:
        return None
    if ref.country:
        return ref.country
    code = ref.code or ""
    return code[:3] if code[:3] in ("IGO", "NGO") else code or None


def _gold_codes(value: object) -> set[str]:
    # Some records hold a string where a list belongs; the gold is counted as it is.
    return {a["code"] for a in value if a.get("code")} if isinstance(value, list) else set()


def _matches(event: Event, kind: str, sources: set[str], targets: set[str]) -> bool:
    if event.plover is None or event.plover.type != kind:
        return False
    src, tgt = compare_code(event.source), compare_code(event.target)
    if targets:
        return (src in sources and tgt in targets) or (event.cameo[:2] in ("04", "05", "06") and tgt in sources and src in targets)
    # No gold target: a symmetric event between two gold sources, or a source alone.
    return src in sources and (tgt is None or tgt in sources)


def score_plover(path: Path, pipeline: Pipeline) -> PloverScore:
    """Score the pipeline on a PLOVER gold file.

    A prediction is correct when its PLOVER type, source and target agree with the
    record's gold; negated events are not predictions that something happened, and CAMEO
    codes PLOVER has no type for (01, public statements) are not PLOVER events, so both
    are left out. Each gold record counts once for recall.

    Args:
        path: the JSONL gold file.
        pipeline: the pipeline to score.

    Returns:
        The score.
    """
    score = PloverScore()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        kind = record["event"]
        sources, targets = _gold_codes(record.get("source")), _gold_codes(record.get("target"))
        day = dt.date.fromisoformat(record["date"]) if record.get("date") else None
        # Negated events did not happen, and events PLOVER has no type for (public statements) are
        # outside what the gold codes.
        events = [e for e in pipeline.analyze_text(record["text"], published=day).events
                  if e.modality != "negated" and e.plover is not None]
        good = [e for e in events if _matches(e, kind, sources, targets)]
        score.records += 1
        score.predicted += len(events)
        score.correct_predictions += len(good)
        score.found_records += bool(good)
        predicted_type = (good or events or [None])[0]
        score.confusion[(kind, predicted_type.plover.type if predicted_type and predicted_type.plover else "none")] += 1
        if not good:
            score.misses.append(f"{record['id']}: gold {kind} {sorted(sources)}->{sorted(targets)}; got "
                                f"{[(e.plover.type if e.plover else e.cameo, compare_code(e.source), compare_code(e.target)) for e in events]}")
    return score


def _confusion_table(score: PloverScore) -> list[str]:
    kinds = sorted({g for g, _ in score.confusion})
    lines = [f"{'gold type':<12} {'right':>5} {'none':>5}  most common wrong type"]
    for kind in kinds:
        row = {p: n for (g, p), n in score.confusion.items() if g == kind}
        wrong = sorted(((n, p) for p, n in row.items() if p not in (kind, "none")), reverse=True)
        lines.append(f"{kind:<12} {row.get(kind, 0):>5} {row.get('none', 0):>5}  "
                     + (", ".join(f"{p} ({n})" for n, p in wrong[:3]) or "-"))
    return lines


@click.command()
@click.option("--corpus", "corpus_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_CORPUS,
              show_default=True, help="The annotated corpus (docs/ANNOTATION.md).")
@click.option("--splits", default="dev,test,plover_dev", show_default=True,
              help="Comma-separated: train, dev, test (sealed: score it only for finished work), plover_dev.")
@click.option("--coder", type=click.Choice(["learned", "rules"]), default=DEFAULT_CODER, show_default=True)
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="PLOVER gold JSONL for the plover_dev split (default: ../shared/eval/plover_dev.jsonl).")
@click.option("--show-misses", is_flag=True, help="List misses and false alarms (never printed for test).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the numbers of every split to this JSON file.")
@click.option("--article-gold", "article_gold", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="A folder of hand-checked article gold JSON files to check as well.")
def main(corpus_path: Path, splits: str, coder: str, gold: Path | None, show_misses: bool, json_out: Path | None,
         article_gold: Path | None) -> None:
    """Score an event coder on the annotated corpus split by split, and on plover_dev."""
    from .gold.briefs import load_briefs
    from .gold.report import render, score_split
    from .gold.schema import load_corpus
    from .gold.splits import split_of

    wanted = [s.strip() for s in splits.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in ("train", "dev", "test", "plover_dev")]
    if unknown:
        raise click.ClickException(f"unknown split(s) {', '.join(unknown)}; choose from train, dev, test, plover_dev")
    pipeline = Pipeline(coder=coder)
    click.echo(f"coder: {coder}")
    results: dict[str, dict] = {}
    corpus = load_corpus(corpus_path) if any(s != "plover_dev" for s in wanted) else []
    briefs = load_briefs({a.id: a for a in corpus}) if corpus and corpus_path == DEFAULT_CORPUS else []
    for split in wanted:
        click.echo("")
        if split == "plover_dev":
            path = gold or DEFAULT_PLOVER_DEV
            if not path.exists():
                raise click.ClickException(f"gold file {path} not found; pass --gold PATH")
            score = score_plover(path, pipeline)
            click.echo(f"plover_dev ({path.name}, PLOVER type + dyad): {score.records} records, "
                       f"{score.predicted} predicted events")
            click.echo(f"  precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}")
            for line in _confusion_table(score):
                click.echo("  " + line)
            if show_misses:
                for miss in score.misses:
                    click.echo("  " + miss)
            results[split] = {"precision": round(score.precision, 3), "recall": round(score.recall, 3),
                              "f1": round(score.f1, 3), "records": score.records}
            continue
        articles = [a for a in corpus if split_of(a.id) == split]
        keep = 200 if show_misses and split != "test" else 0
        result = score_split(pipeline, articles, keep_examples=keep,
                             progress=lambda line: click.echo(line, err=True),
                             briefs=[b for b in briefs if split_of(b.article_id) == split])
        for line in render(split, result):
            click.echo(line)
        for miss in result.misses:
            click.echo(f"  missed: {miss}")
        for false in result.false_alarms:
            click.echo(f"  false:  {false}")
        if show_misses and split != "test" and result.briefs is not None:
            for line in result.briefs.missed:
                click.echo(f"  brief missed: {line}")
            for line in result.briefs.wrong:
                click.echo(f"  brief wrong:  {line}")
        results[split] = result.summary()
        areas = _area_scores(corpus, split) if corpus_path == DEFAULT_CORPUS else None
        if areas:
            for name, score in areas.items():
                click.echo(f"  issue areas, {name} ({score['sentences']} gold sentences): P {score['precision']:.3f}  "
                           f"R {score['recall']:.3f}  F1 {score['f1']:.3f}  exact {score['exact']:.3f}")
                results[split][f"area_f1_{name}"] = score["f1"]
    if json_out:
        json_out.write_text(json.dumps({"coder": coder, "date": dt.date.today().isoformat(), "splits": results},
                                       indent=1) + "\n", encoding="utf-8")
    if article_gold:
        _check_article_golds(article_gold, pipeline)


def _area_scores(corpus, split: str) -> dict[str, dict] | None:
    """The gold issue areas of the split's sentences (data/gold/areas) against the area model in use
    and the taxonomy's keywords alone."""
    from .topics.model import load_area_model
    from .topics.train import score_split_areas

    return score_split_areas(corpus, split, load_area_model())


def _check_article_golds(folder: Path, pipeline: Pipeline) -> None:
    from .goldcheck import check_gold
    from .ingest import read_inputs

    root = folder.resolve().parents[2]
    for gold_path in sorted(folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        (article,) = read_inputs([root / gold["article"]], published=published)
        result = check_gold(pipeline.analyze(article), gold)
        click.echo("")
        click.echo(f"{gold_path.name}: found {len(result.found)}/{len(result.found) + len(result.missed)} "
                   f"hand-checked events, {len(result.violations)} violation(s)")
        for what in result.missed:
            click.echo(f"  missed: {what}")
        for what in result.violations:
            click.echo(f"  VIOLATION: {what}")


if __name__ == "__main__":
    main()
