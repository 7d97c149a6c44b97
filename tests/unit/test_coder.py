"""The learned coder: weight tables, candidates, training on a hand-written corpus, decoding."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import count

import numpy as np
import pytest

from tightrope.coder.linear import LinearModel
from tightrope.coder.models import CoderModels
from tightrope.coder.stage import Candidates, LearnedEventStage
from tightrope.gold.splits import split_of
from tightrope.models import ArticleDoc


def test_coder_linear_model_round_trips_through_npz(tmp_path):
    rows = [{"a": 1.0, "b": 1.0}, {"a": 1.0}, {"c": 1.0}, {"c": 1.0, "b": 1.0}] * 5
    labels = ["x", "x", "y", "z"] * 5
    model = LinearModel.fit(rows, labels, c=1.0)
    again = LinearModel.fit(rows, labels, c=1.0)
    assert np.allclose(model.weights, again.weights)  # seeded: the same data gives the same model
    model.save(tmp_path / "m.npz")
    loaded = LinearModel.load(tmp_path / "m.npz")
    assert loaded.classes == ["x", "y", "z"]
    assert np.allclose(loaded.scores(rows[:4]), model.scores(rows[:4]), atol=1e-2)
    assert loaded.scores([{"a": 1.0}])[0].argmax() == 0
    assert loaded.scores([{"unseen": 1.0}]).shape == (1, 3)


def test_coder_two_class_model_scores_both_classes():
    model = LinearModel.fit([{"p": 1.0}, {"q": 1.0}] * 4, ["yes", "no"] * 4)
    scores = model.scores([{"p": 1.0}, {"q": 1.0}])
    assert model.classes == ["no", "yes"]
    assert scores[0, 1] > 0.5 > scores[1, 1]


def _parsed(pipeline, text: str, published: str = "2021-04-06") -> ArticleDoc:
    import datetime as dt

    from tightrope.models import Article

    doc = ArticleDoc(article=Article.from_text(text, published=dt.date.fromisoformat(published)))
    for stage in pipeline.stages[:3]:  # parse, actors, quotes
        doc = stage(doc)
    return doc


def test_coder_candidates_are_predicates_with_actor_mentions(pipeline):
    doc = _parsed(pipeline, "Russia condemned the strike on Syria. The weather was fine.")
    cands, _ = Candidates()(doc)
    lemmas = {c.token.lemma_ for c in cands}
    assert "condemn" in lemmas and "strike" in lemmas
    condemned = next(c for c in cands if c.token.lemma_ == "condemn")
    assert {m.ref.country for m in condemned.mentions if m.ref} == {"RUS", "SYR"}
    assert all(c.sent.start == 0 for c in cands)  # the weather sentence names no actor


def test_coder_a_state_word_on_its_own_agent_is_one_mention_of_the_agent(pipeline):
    # "Russian police": RUS modifying RUS + COP is one party, the police, not Russia beside them
    doc = _parsed(pipeline, "Russian police arrested dozens of protesters in Moscow.")
    cands, _ = Candidates()(doc)
    arrested = next(c for c in cands if c.token.lemma_ == "arrest")
    here = [(doc.parsed[m.start:m.end].text, m.ref.code if m.ref else None) for m in arrested.mentions]
    assert ("Russian police", "RUSCOP") in here
    assert not any(text == "Russian" for text, _ in here)
    # two states stay two mentions: "Indian" is not of the Russian ministers
    doc = _parsed(pipeline, "Indian officials met Russian ministers.")
    cands, _ = Candidates()(doc)
    met = next(c for c in cands if c.token.lemma_ == "meet")
    assert {m.ref.country for m in met.mentions if m.ref} == {"IND", "RUS"}


def _ids(split: str, n: int) -> list[str]:
    found = []
    for k in count():
        if split_of(f"wikinews-made-up-{k}") == split:
            found.append(f"wikinews-made-up-{k}")
            if len(found) == n:
                return found


_SENTENCES = [
    ("Russia condemned Ukraine.", "condemned", "111", "Russia", "RUS", "Ukraine", "UKR"),
    ("France criticised Germany.", "criticised", "111", "France", "FRA", "Germany", "DEU"),
    ("China met Japan.", "met", "040", "China", "CHN", "Japan", "JPN"),
    ("India attacked Pakistan.", "attacked", "190", "India", "IND", "Pakistan", "PAK"),
]


def _article(article_id: str, rotate: int) -> dict:
    chosen = _SENTENCES[rotate:] + _SENTENCES[:rotate]
    text = " ".join(s[0] for s in chosen) + " Peru said nothing. Chile looked ahead."
    events = []
    for sentence, trigger, code, src, src_c, tgt, tgt_c in chosen:
        at = text.index(sentence)
        span = lambda words: {"start": at + sentence.index(words), "end": at + sentence.index(words) + len(words),  # noqa: E731
                              "text": words}
        events.append({"sentence": {"start": at, "end": at + len(sentence), "text": sentence},
                       "trigger": span(trigger), "cameo": code, "plover": None,
                       "source": {"mention": span(src), "country": src_c, "sector": "GOV", "code": None},
                       "target": {"mention": span(tgt), "country": tgt_c, "sector": "GOV", "code": None},
                       "modality": "asserted", "symmetric": code == "040", "note": None})
    from tightrope.events.ontology import load_ontology

    for e in events:
        e["plover"] = load_ontology()[e["cameo"]].plover_type
    return {"id": article_id, "corpus": "wikinews", "title": None, "published": "2021-04-06",
            "url": "https://example.test/" + article_id, "licence": "CC BY 2.5", "text": text, "annotator": "t",
            "events": events}


@pytest.mark.slow
def test_coder_trains_on_ones_own_annotations_and_codes_with_explain(tmp_path, pipeline):
    gold = tmp_path / "my.jsonl"
    ids = [(i, "train") for i in _ids("train", 6)] + [(i, "dev") for i in _ids("dev", 2)]
    gold.write_text("\n".join(json.dumps(_article(i, n % 4)) for n, (i, _) in enumerate(ids)) + "\n")
    out = tmp_path / "models"
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"corpus/dev/learned": {"precision": 0.0, "negated_as_asserted": 99}}))
    run = subprocess.run([sys.executable, "-m", "tightrope.cli", "train", "--gold", str(gold), "--out", str(out),
                          "--floors", str(floors)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "test is not read" in run.stderr and "dev F1" in run.stderr and "within the gate" in run.stderr
    models = CoderModels.load(out)
    assert models.card["train_articles"] == 6
    assert models.card["trials"] and all("within_gate" in t for t in models.card["trials"])
    stage = LearnedEventStage(models)
    doc = stage(_parsed(pipeline, "Brazil condemned Argentina."))
    (event,) = [e for e in doc.events if e.trigger.text == "condemned"]
    assert event.cameo.startswith("11")
    assert (event.source.country, event.target.country) == ("BRA", "ARG")
    assert event.explain["coder"] == "learned" and "11" in event.explain["event_scores"]
    assert event.explain["features"]


def test_coder_gate_holds_floors_and_the_negated_ceiling():
    from tightrope.coder.train import passes
    from tightrope.gold.score import CorpusScore

    score = CorpusScore(gold=10, predicted=5, matched=3, negated_as_asserted=1)  # P 0.6, R 0.3
    assert passes(score, None) and passes(score, {})
    assert passes(score, {"precision": 0.6, "recall": 0.3, "negated_as_asserted": 1})
    assert not passes(score, {"precision": 0.61})
    assert not passes(score, {"recall": 0.31})
    assert not passes(score, {"negated_as_asserted": 0})


def test_coder_train_refuses_a_floors_file_without_dev_floors(tmp_path):
    from click.testing import CliRunner

    from tightrope.cli import main

    floors = tmp_path / "floors.json"
    floors.write_text('{"plover_dev": {"f1": 0.5}}')
    result = CliRunner().invoke(main, ["train", "--floors", str(floors)])
    assert result.exit_code != 0 and "has no 'corpus/dev/learned' floors" in result.output
    floors.write_text("{not json")
    result = CliRunner().invoke(main, ["train", "--floors", str(floors)])
    assert result.exit_code != 0 and "is not JSON" in result.output


def test_coder_missing_model_files_name_the_fix(tmp_path):
    from tightrope.errors import ModelError

    with pytest.raises(ModelError, match="make train"):
        CoderModels.load(tmp_path)


def test_coder_packaged_models_load_and_code_a_sentence_with_explain(pipeline):
    stage = LearnedEventStage()
    doc = stage(_parsed(pipeline, "Russia condemned Ukraine on Monday, and Ukraine denied that it attacked Russia."))
    assert doc.events, "the packaged models code nothing on a plain criticism"
    for event in doc.events:
        assert event.explain and event.explain["coder"] == "learned"
        assert doc.article.text[event.trigger.start:event.trigger.end] == event.trigger.text
    attacked = [e for e in doc.events if e.trigger.text == "attacked"]
    assert all(e.modality == "negated" for e in attacked)  # "denied that it attacked": never asserted
    strict = LearnedEventStage(min_confidence=0.999)(_parsed(pipeline, "Russia condemned Ukraine on Monday."))
    assert all(e.confidence >= 0.999 for e in strict.events)


def test_coder_top_features_of_a_class_the_model_lacks_is_empty():
    model = LinearModel.fit([{"p": 1.0}, {"q": 1.0}] * 3, ["11", "none"] * 3)
    assert model.top_features({"p": 1.0}, "20") == []
    assert model.top_features({"p": 1.0}, "11")[0][0] == "p"


def test_coder_places_a_person_no_list_knows_by_the_sentence_then_the_article(pipeline):
    from tightrope.coder.decode import _placed
    from tightrope.models import ActorRef

    stage = Candidates()
    unknown = ActorRef(actor_id="p1", name="Kowalski")
    doc = _parsed(pipeline, "Police in Minsk arrested Kowalski on Monday.")
    (cand,) = [c for c in stage(doc)[0] if c.token.text == "arrested"]
    # The sentence names a place of Belarus: that is the unknown person's state, whatever the article's.
    assert _placed(unknown, cand, "USA") == (unknown.model_copy(update={"country": "BLR"}), True)
    doc = _parsed(pipeline, "Kowalski condemned Russia on Monday.")
    (cand,) = [c for c in stage(doc)[0] if c.token.text == "condemned"]
    assert _placed(unknown, cand, "POL")[0].country == "POL"  # no place named: the article's main state
    # An actor with a country or a code keeps it.
    nato, lavrov = ActorRef(actor_id="x", name="NATO", code="IGONAT"), ActorRef(actor_id="y", name="Lavrov", country="RUS")
    assert _placed(nato, cand, "POL") == (nato, False)
    assert _placed(lavrov, cand, "POL") == (lavrov, False)


def test_coder_an_event_without_target_takes_its_source_state_only_where_the_model_says_so(pipeline):
    from dataclasses import replace

    models = CoderModels.load()
    # An implicit-target model that says "self" with probability 0.75 for every event.
    always = LinearModel.fit([{"bias": 1.0}] * 4, ["self", "self", "self", "none"], c=100.0)
    text = "Russia condemned the decision on Monday."

    def condemned(threshold):  # the model's parties only (the rules coder has a domestic target of its own)
        chosen = replace(models, implicit=always, settings=replace(models.settings, implicit_threshold=threshold,
                                                                   rule_roles=False, rule_events=False))
        (event,) = [e for e in LearnedEventStage(chosen)(_parsed(pipeline, text)).events
                    if e.trigger.text == "condemned"]
        return event

    event = condemned(0.5)
    assert event.source.country == "RUS" and event.target is not None and event.target.country == "RUS"
    assert event.explain["implicit_target"]["chosen"] == "the source's own state"
    assert event.explain["implicit_target"]["self_score"] == pytest.approx(0.75, abs=0.02)
    event = condemned(0.8)  # under the threshold: no target
    assert event.target is None and event.explain["implicit_target"]["chosen"] == "none"
