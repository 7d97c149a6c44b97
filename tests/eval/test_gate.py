"""The accuracy gate: scores may not drop under their pinned floors (trafilatura's eval gate)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tightrope.evaluate import DEFAULT_PLOVER_DEV, score_plover
from tightrope.goldcheck import check_gold
from tightrope.ingest import read_inputs

HERE = Path(__file__).parent
FLOORS = json.loads((HERE / "floors.json").read_text())


def test_eval_plover_dev_stays_above_its_floors(pipeline):
    if not DEFAULT_PLOVER_DEV.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{DEFAULT_PLOVER_DEV} is missing in CI; the gate cannot run")
        pytest.skip(f"{DEFAULT_PLOVER_DEV} not found (it lives in ../shared beside the repository)")
    score = score_plover(DEFAULT_PLOVER_DEV, pipeline)
    floors = FLOORS["plover_dev"]
    assert score.precision >= floors["precision"], f"precision {score.precision:.3f} < floor {floors['precision']}"
    assert score.recall >= floors["recall"], f"recall {score.recall:.3f} < floor {floors['recall']}"
    assert score.f1 >= floors["f1"], f"F1 {score.f1:.3f} < floor {floors['f1']}"


@pytest.mark.parametrize("gold_name", sorted(p.name for p in (HERE / "gold").glob("*.json")))
def test_eval_hand_checked_gold(pipeline, gold_name):
    gold = json.loads((HERE / "gold" / gold_name).read_text())
    published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
    (article,) = read_inputs([ROOT / gold["article"]], published=published)
    result = check_gold(pipeline.analyze(article), gold)
    assert result.violations == []
    floor = FLOORS[f"gold/{gold_name}"]["recall"]
    assert result.recall >= floor, f"found {result.found}, missed {result.missed}"


CORPUS_FLOORS = {k: v for k, v in FLOORS.items() if k.startswith("corpus/")}


@pytest.fixture(scope="module")
def corpus_articles():
    from tightrope.evaluate import DEFAULT_CORPUS
    from tightrope.gold.schema import load_corpus

    return load_corpus(DEFAULT_CORPUS)


def _briefs(corpus_articles):
    from tightrope.gold.briefs import load_briefs

    return load_briefs({a.id: a for a in corpus_articles})


@pytest.fixture(scope="module")
def learned_pipeline():
    from tightrope import Pipeline

    return Pipeline(coder="learned")


@pytest.mark.parametrize("name", sorted(CORPUS_FLOORS))
def test_eval_corpus_split_stays_above_its_floors(name, corpus_articles, pipeline, learned_pipeline):
    from tightrope.gold.report import score_split
    from tightrope.gold.splits import split_of

    _, split, coder = name.split("/")
    chosen = learned_pipeline if coder == "learned" else pipeline
    score = score_split(chosen, [a for a in corpus_articles if split_of(a.id) == split],
                        briefs=[b for b in _briefs(corpus_articles) if split_of(b.article_id) == split]).summary()
    floors = CORPUS_FLOORS[name]
    for measure, floor in floors.items():
        if measure in ("negated_as_asserted", "brief_background_as_current"):
            assert score[measure] <= floor, f"{name}: {measure} {score[measure]} over its ceiling {floor}"
        elif measure == "self_dyad_rate_at_most_gold":
            assert score["self_dyad_rate"] <= score["gold_self_dyad_rate"], f"{name}: {score}"
        else:
            assert score[measure] >= floor, f"{name}: {measure} {score[measure]:.3f} < floor {floor}"


AREA_FLOORS = {k: v for k, v in FLOORS.items() if k.startswith("areas/")}


@pytest.mark.parametrize("name", sorted(AREA_FLOORS))
def test_eval_issue_areas_stay_above_their_floors(name, corpus_articles):
    from tightrope.topics.model import load_area_model
    from tightrope.topics.train import score_split_areas

    scores = score_split_areas(corpus_articles, name.split("/")[1], load_area_model())
    assert scores is not None, f"no gold areas for {name} (data/gold/areas)"
    for measure, floor in AREA_FLOORS[name].items():
        assert scores["learned"][measure] >= floor, f"{name}: {measure} {scores['learned']} < floor {floor}"
