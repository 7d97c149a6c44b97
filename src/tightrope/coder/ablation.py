"""The ablation of docs/MODEL.md: rules only, model only, combined, on dev, test and plover_dev.

``python -m tightrope.coder.ablation`` loads the packaged models. "model only" uses them with the
rules' parties and events switched off, "combined" with both on (the model still reads the rules
as features either way); each has its thresholds chosen again on dev (never on test). The packaged
setting is one of the two, or a mix, and is printed. Test is scored, never searched.
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
from .stage import Candidates, LearnedEventStage
from .train import parse_articles, prepare, tune

__all__ = ["main"]


def _with_rules(models: CoderModels, dev, on: bool) -> CoderModels:
    """The models with the rules' parties and events both on or both off, thresholds chosen again on dev."""
    settings, _ = tune(models, dev, rule_settings=((on, on),))
    return replace(models, settings=settings)


@click.command()
@click.option("--corpus", "corpus_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=DEFAULT_CORPUS)
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), default=None)
def main(corpus_path: Path, json_out: Path | None) -> None:
    """Print F1 of rules only, model only and combined on dev, test and plover_dev."""
    corpus = load_corpus(corpus_path)
    dev_articles = [a for a in corpus if split_of(a.id) == "dev"]
    models = CoderModels.load()
    dev = prepare(list(zip(dev_articles, parse_articles(dev_articles))), Candidates(models.nouns))
    packaged = Pipeline(coder="learned")
    click.echo(f"packaged: rules' parties {'on' if models.settings.rule_roles else 'off'}, rules' events "
               f"{'on' if models.settings.rule_events else 'off'}")

    def learned(on: bool) -> Pipeline:
        return Pipeline(stages=[LearnedEventStage(_with_rules(models, dev, on)) if s.name == "events" else s
                                for s in packaged.stages])

    variants = {"rules only": Pipeline(coder="rules"), "model only": learned(False), "combined": learned(True)}
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
