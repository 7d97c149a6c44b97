"""The learning curve of docs/MODEL.md: the shipped recipe trained on growing shares of the train
split, scored on dev (never on test).

``python -m tightrope.coder.curve`` parses train and dev once, then for each share draws that many
train articles (seeded, whole articles), fits the models (C 0.3 with token vectors, as shipped),
chooses thresholds and rule settings on dev as ``tightrope train`` does, and prints dev event F1,
precision and recall. It answers one question: would more annotated articles of the same kind help,
and by how much per doubling.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import click

from ..evaluate import DEFAULT_CORPUS
from ..gold.schema import load_corpus
from ..gold.splits import split_of
from .stage import Candidates
from .train import evaluate_prepared, event_nouns, examples, fit, parse_articles, prepare, tune

__all__ = ["main", "sample"]


def sample(ids: list[str], share: float, seed: int = 0) -> list[str]:
    """``share`` of the article ids, drawn with ``seed``; a larger share holds every smaller one's draw."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    return sorted(order[:max(1, round(share * len(order)))])


@click.command()
@click.option("--corpus", "corpus_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=DEFAULT_CORPUS, show_default=True)
@click.option("--shares", default="0.25,0.5,1.0", show_default=True, help="Comma-separated shares of the train split.")
@click.option("--seed", default=0, show_default=True, help="Seed of the draw of articles.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), default=None)
def main(corpus_path: Path, shares: str, seed: int, json_out: Path | None) -> None:
    """Print dev event F1 of the shipped recipe trained on shares of the train split."""
    try:
        wanted = [float(s) for s in shares.split(",") if s.strip()]
    except ValueError:
        raise click.ClickException(f"--shares {shares!r}: give numbers between 0 and 1, such as 0.25,0.5,1.0")
    if not wanted or any(not 0 < s <= 1 for s in wanted):
        raise click.ClickException(f"--shares {shares!r}: each share must be above 0 and at most 1")
    corpus = load_corpus(corpus_path)
    train_set = [a for a in corpus if split_of(a.id) == "train"]
    dev_set = [a for a in corpus if split_of(a.id) == "dev"]
    if not train_set or not dev_set:
        raise click.ClickException(f"{corpus_path} needs train and dev articles; it has {len(train_set)} and {len(dev_set)}")
    docs = parse_articles(train_set + dev_set, lambda line: click.echo(line, err=True))
    train_pairs = dict(zip((a.id for a in train_set), zip(train_set, docs)))
    dev_pairs = list(zip(dev_set, docs[len(train_set):]))
    rows = []
    for share in sorted(wanted):
        chosen = [train_pairs[i] for i in sample(list(train_pairs), share, seed)]
        nouns = event_nouns(chosen)
        candidates = Candidates(nouns)
        models = fit(examples(prepare(chosen, candidates)), nouns, c=0.3, dense=True)
        dev = prepare(dev_pairs, candidates)
        settings, _ = tune(models, dev)
        score = evaluate_prepared(models, dev, settings).summary()
        row = {"share": share, "train_articles": len(chosen), "train_events": sum(len(g.events) for g, _ in chosen),
               "dev_f1": score["f1"], "dev_precision": score["precision"], "dev_recall": score["recall"]}
        rows.append(row)
        click.echo(f"{share:>5.0%} of train: {row['train_articles']} articles, {row['train_events']} events -> "
                   f"dev F1 {row['dev_f1']:.3f}  P {row['dev_precision']:.3f}  R {row['dev_recall']:.3f}")
    if json_out:
        json_out.write_text(json.dumps({"seed": seed, "rows": rows}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
