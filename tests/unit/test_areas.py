"""The learned issue-area model and its gold (docs/AREAS.md): weight tables, decoding, the loader's checks."""

from __future__ import annotations

import json

import pytest

from tightrope.errors import DataError
from tightrope.gold.areas import area_agreement, area_scores, load_areas
from tightrope.gold.schema import GoldArticle
from tightrope.topics.model import PACKAGED_AREAS, AreaModel, clause_areas

AREAS = ["defence", "space", "trade"]


def _toy_model(**kw) -> AreaModel:
    rows = [{"bias": 1.0, "w:tariff": 1.0}, {"bias": 1.0, "w:troop": 1.0}, {"bias": 1.0, "w:meet": 1.0}] * 4
    labels = [frozenset({"trade"}), frozenset({"defence"}), frozenset()] * 4
    return AreaModel.fit(rows, labels, AREAS, c=10.0, min_count=1, **kw)


def test_areas_model_learns_areas_and_round_trips_through_npz(tmp_path):
    model = _toy_model()
    rows = [{"bias": 1.0, "w:tariff": 1.0}, {"bias": 1.0, "w:troop": 1.0}, {"bias": 1.0, "w:meet": 1.0}]
    assert model.predict(rows) == [["trade"], ["defence"], []]
    model.save(tmp_path / "a.npz")
    loaded = AreaModel.load(tmp_path / "a.npz")
    assert loaded.predict(rows) == model.predict(rows)
    assert loaded.learned == [True, False, True]


def test_areas_an_area_too_rare_to_learn_is_left_to_the_keywords():
    model = _toy_model()
    # "space" has no positive sentence: its keyword gives it; the learned areas ignore their keywords
    assert model.predict([{"bias": 1.0, "w:meet": 1.0, "kw:space": 1.0, "kw:trade": 1.0}]) == [["space"]]
    # unless the model was chosen to add the keywords' areas to its own
    assert model.predict([{"bias": 1.0, "w:meet": 1.0, "kw:trade": 1.0}], union=True) == [["trade"]]


def test_areas_an_unreadable_model_names_the_fix(tmp_path):
    bad = tmp_path / "a.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(Exception, match="make train"):
        AreaModel.load(bad)


def test_areas_packaged_model_was_chosen_on_dev_against_the_keywords():
    report = json.loads(PACKAGED_AREAS.with_suffix(".json").read_text(encoding="utf-8"))
    assert "train-split" in report["trained_on"] and "dev-split" in report["chosen_on"]
    assert report["dev"]["f1"] >= report["dev_keywords_alone"]["f1"]
    model = AreaModel.load(PACKAGED_AREAS)
    assert model.threshold == report["threshold"] and model.union == report["union_with_keywords"]


def test_areas_of_a_parsed_clause(pipeline):
    parsed = pipeline.stages[0].nlp("India and Russia agreed to expand their cooperation on oil and gas pipelines.")
    assert "energy" in clause_areas(parsed[:])


def test_areas_features_carry_the_areas_of_the_article_s_lead(pipeline):
    from tightrope.topics.features import area_features

    parsed = pipeline.stages[0].nlp("Germany says the opposition leader was poisoned with a nerve agent. "
                                    "The spokesperson for the government strongly condemned the attack.")
    first, second = list(parsed.sents)
    lead = {k for k in area_features(second) if k.startswith("lead:")}
    assert lead and lead == {k for k in area_features(first) if k.startswith("lead:")}
    assert not any(k.startswith("kw:") for k in area_features(second))  # its own words name no area
    story = pipeline.stages[0].nlp("The two leaders met on Tuesday. The spokesperson condemned the attack.")
    assert not any(k.startswith("lead:") for k in area_features(list(story.sents)[1]))


def _article(text: str) -> GoldArticle:
    return GoldArticle.model_validate({"id": "voa-1", "corpus": "voa", "title": "t", "text": text,
                                       "published": "2021-01-01", "url": "https://example.org/1",
                                       "licence": "public domain", "annotator": "x", "events": []})


@pytest.mark.parametrize("record, message", [
    ({"article_id": "voa-2", "start": 0, "end": 5, "areas": []}, "not in the annotated corpus"),
    ({"article_id": "voa-1", "start": 0, "end": 500, "areas": []}, "outside the article"),
    ({"article_id": "voa-1", "start": 0, "end": 5, "areas": ["sport"]}, "unknown area"),
    ({"article_id": "voa-1", "start": 0}, "not a record"),
])
def test_areas_loader_refuses_a_bad_record_and_says_why(tmp_path, record, message):
    (tmp_path / "x.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_areas({"voa-1": _article("Troops moved. Tariffs rose.")}, tmp_path)


def test_areas_loader_refuses_a_sentence_given_twice(tmp_path):
    line = json.dumps({"article_id": "voa-1", "start": 0, "end": 13, "areas": ["defence"]})
    (tmp_path / "x.jsonl").write_text(line + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="given twice"):
        load_areas({"voa-1": _article("Troops moved. Tariffs rose.")}, tmp_path)


def test_areas_scores_and_agreement_count_by_hand(tmp_path):
    gold = [frozenset({"defence"}), frozenset({"trade", "energy"}), frozenset()]
    pred = [frozenset({"defence"}), frozenset({"trade"}), frozenset({"health"})]
    s = area_scores(gold, pred)  # 2 right of 3 given, 2 of 3 gold found, 1 of 3 sentences exact
    assert (s["precision"], s["recall"], s["exact"]) == (0.667, 0.667, 0.333)
    article = _article("Troops moved. Tariffs rose.")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder, areas in (("a", ["defence"]), ("b", ["defence"])):
        (tmp_path / folder / "x.jsonl").write_text(
            json.dumps({"article_id": "voa-1", "start": 0, "end": 13, "areas": areas}) + "\n", encoding="utf-8")
    first, second = load_areas({"voa-1": article}, tmp_path / "a"), load_areas({"voa-1": article}, tmp_path / "b")
    assert area_agreement(first, second)["f1"] == 1.0
