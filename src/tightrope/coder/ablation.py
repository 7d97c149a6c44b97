"""The ablation of docs/MODEL.md: rules only, model only, combined, on dev, test and plover_dev.

``python -m tightrope.coder.ablation`` loads the packaged models. "model only" uses the same models
with the rules' parties and events switched off, its thresholds chosen again on dev (never on
test); "combined" is the packaged setting. Test is scored, never searched.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import click

from ..evaluate import DEFAULT_CORPUS, DEFAULT_PLOVER_DEV, score_plover
from ..gold.report import score_split
from ..gold.schema import load_corpus
from ..gold.splits import split_of
from ..pipeline import Pipeline
from .models import CoderModels
from .stage import LearnedEventStage
from .train import parse_articles, prepare, tune

__all__ = ["main"]


def _model_only(models: CoderModels, dev) -> CoderModels:
    """The models with the rules' parties and events off, thresholds chosen on dev."""
    from .models import Settings

    base = replace(models, settings=replace(models.settings, rule_roles=False, rule_events=False))
    best = None
    for event in (0.2, 0.3, 0.4, 0.5):
        for source in (0.2, 0.35):
            for target in (0.15, 0.3):
                settings = Settings(event_threshold=event, source_threshold=source, target_threshold=target,
                                    dense=models.settings.dense)
                from .train import evaluate_prepared

                f1 = evaluate_prepared(base, dev, settings).f1
                if best is None or f1 > best[0]:
                    best = (f1, settings)
    return replace(base, settings=best[1])


@click.command()
@click.option("--corpus", "corpus_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=DEFAULT_CORPUS)
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), default=None)
def main(corpus_path: Path, json_out: Path | None) -> None:
    """Print F1 of rules only, model only and combined on dev, test and plover_dev."""
    corpus = load_corpus(corpus_path)
    dev_articles = [a for a in corpus if split_of(a.id) == "dev"]
    models = CoderModels.load()
    from .stage import Candidates

    dev = prepare(list(zip(dev_articles, parse_articles(dev_articles))), Candidates(models.nouns))
    variants = {"rules only": Pipeline(coder="rules"), "combined": Pipeline(coder="learned")}
    model_only = Pipeline(coder="learned")
    model_only.stages[3] = LearnedEventStage(_model_only(models, dev))
    variants = {"rules only": variants["rules only"], "model only": model_only, "combined": variants["combined"]}
    table: dict[str, dict[str, float]] = {}
    for name, pipeline in variants.items():
        row = {}
        for split in ("dev", "test"):
            score = score_split(pipeline, [a for a in corpus if split_of(a.id) == split]).summary()
            row[split] = score["f1"]
            row[f"{split}_self_dyad"] = score["self_dyad_rate"]
        row["plover_dev"] = round(score_plover(DEFAULT_PLOVER_DEV, pipeline).f1, 3) if DEFAULT_PLOVER_DEV.exists() else None
        table[name] = row
        click.echo(f"{name:<11} dev F1 {row['dev']:.3f}  test F1 {row['test']:.3f}  plover_dev F1 {row['plover_dev']}"
                   f"  self-dyads dev {row['dev_self_dyad']:.3f} test {row['test_self_dyad']:.3f}")
    if json_out:
        json_out.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
