"""The annotated corpus tools: offsets from quoted words, the checker, the splits, the scorer."""

from __future__ import annotations

import pytest

from tightrope.gold.align import AlignError, find_span
from tightrope.gold.build import build_article, check_article
from tightrope.gold.schema import GoldActor
from tightrope.gold.score import score_docs
from tightrope.gold.splits import split_of
from tightrope.models import ActorRef, Article, ArticleDoc, Event, TextSpan

TEXT = "Iran\u2019s  foreign minister met his Turkish counterpart. Later, Turkey \u201ccondemned\u201d the strike."
SOURCE = {"id": "voa-1", "corpus": "voa", "title": "T", "published": "2020-01-02", "url": "https://x.test/1", "text": TEXT}


def test_gold_find_span_folds_typography_but_returns_the_original_text():
    span = find_span(TEXT, "Iran's foreign minister")
    assert span.text == "Iran\u2019s  foreign minister"
    assert TEXT[span.start:span.end] == span.text
    quoted = find_span(TEXT, 'Turkey "condemned"')
    assert quoted.text == "Turkey \u201ccondemned\u201d"


def test_gold_find_span_counts_occurrences_and_refuses_missing_words():
    assert find_span("a met b; c met d", "met", occurrence=2).start == 11
    with pytest.raises(AlignError, match="occurs 1 time"):
        find_span(TEXT, "met", occurrence=2)
    with pytest.raises(AlignError, match="not found"):
        find_span(TEXT, "invaded")


def _draft(**event):
    base = {"sentence": "Iran's foreign minister met his Turkish counterpart.", "trigger": "met", "cameo": "040",
            "source": {"text": "Iran's foreign minister", "country": "IRN", "sector": "GOV"},
            "target": {"text": "his Turkish counterpart", "country": "TUR", "sector": "GOV"}, "symmetric": True}
    base.update(event)
    return {"id": "voa-1", "annotator": "t", "events": [base]}


def test_gold_build_places_every_span_and_derives_plover():
    article, errors = build_article(_draft(), SOURCE)
    assert errors == []
    (event,) = article.events
    assert event.trigger.text == "met" and TEXT[event.trigger.start:event.trigger.end] == "met"
    assert event.plover == "CONSULT"
    assert event.source.mention.text == "Iran\u2019s  foreign minister"
    assert article.licence.startswith("Public domain")
    assert check_article(article) == []


def test_gold_build_reports_unknown_codes_and_words_outside_the_sentence():
    _, errors = build_article(_draft(cameo="999"), SOURCE)
    assert "unknown CAMEO code '999'" in errors[0]
    _, errors = build_article(_draft(trigger="condemned"), SOURCE)
    assert "'condemned' not found" in errors[0]


def test_gold_antecedent_found_before_the_sentence():
    draft = {"id": "voa-1", "annotator": "t", "events": [{
        "sentence": "Later, Turkey \u201ccondemned\u201d the strike.", "trigger": "condemned", "cameo": "111",
        "source": {"text": "Turkey", "country": "TUR", "sector": "GOV"},
        "target": {"text": "Iran", "country": "IRN", "sector": "GOV"}}]}
    article, errors = build_article(draft, SOURCE)
    assert errors == []
    assert article.events[0].target.mention.start == 0


def test_gold_check_catches_offsets_that_do_not_slice_and_unknown_countries():
    article, _ = build_article(_draft(), SOURCE)
    event = article.events[0]
    bad_trigger = event.model_copy(update={"trigger": TextSpan(start=0, end=3, text="met")})
    bad_country = event.model_copy(update={"target": GoldActor(country="XYZ", sector="GOV")})
    broken = article.model_copy(update={"events": [bad_trigger, bad_country]})
    problems = check_article(broken)
    assert any("do not slice 'met'" in p for p in problems)
    assert any("'XYZ' is not in actors/countries.csv" in p for p in problems)


def test_gold_actor_needs_a_label():
    with pytest.raises(ValueError, match="needs a country"):
        GoldActor(sector="GOV")
    with pytest.raises(ValueError, match="unknown sector"):
        GoldActor(country="USA", sector="XXX")


def test_gold_splits_are_fixed_by_the_id_and_cover_all_three():
    ids = [f"wikinews-article-{n}" for n in range(400)]
    splits = [split_of(i) for i in ids]
    assert splits == [split_of(i) for i in ids]
    shares = {s: splits.count(s) / len(ids) for s in ("train", "dev", "test")}
    assert 0.55 < shares["train"] < 0.72 and 0.1 < shares["dev"] < 0.25 and 0.12 < shares["test"] < 0.27


def _event(start: int, cameo: str, source: str, target: str | None, modality: str = "asserted") -> Event:
    return Event(id=f"e{start}{cameo}{source}", sentence=TextSpan(start=0, end=len(TEXT), text=TEXT),
                 trigger=TextSpan(start=start, end=start + 3, text=TEXT[start:start + 3]),
                 source=ActorRef(actor_id=None, name=source, country=source),
                 target=ActorRef(actor_id=None, name=target, country=target) if target else None,
                 cameo=cameo, cameo_name="x", goldstein=0.0, quad_class=1, plover=None, modality=modality,
                 confidence=0.9)


def test_gold_score_matches_symmetric_events_either_way_and_counts_self_dyads():
    article, _ = build_article(_draft(), SOURCE)
    met = article.events[0].trigger.start
    doc = ArticleDoc(article=Article(id="voa-1", text=TEXT), events=[
        _event(met, "040", "TUR", "IRN"),            # right, the other way round
        _event(met, "111", "IRN", "IRN"),            # a false self-dyad
    ])
    score = score_docs([(article, doc)]).summary()
    assert score["gold"] == 1 and score["predicted"] == 2
    assert score["recall"] == 1.0 and score["precision"] == 0.5
    assert score["self_dyad_rate"] == 0.5 and score["gold_self_dyad_rate"] == 0.0


def test_gold_score_wrong_target_is_a_detection_not_an_event():
    article, _ = build_article(_draft(symmetric=False), SOURCE)
    met = article.events[0].trigger.start
    doc = ArticleDoc(article=Article(id="voa-1", text=TEXT), events=[_event(met, "042", "IRN", "GRC")])
    score = score_docs([(article, doc)]).summary()
    assert score["f1"] == 0.0
    assert score["detection_f1"] == 1.0 and score["type_given_detection"] == 1.0
    assert score["source_given_detection"] == 1.0 and score["target_given_detection"] == 0.0


def test_gold_find_span_matches_whole_words_only():
    text = "The minister said the deal was off. He left."
    assert find_span(text, "he").start == text.index("He")
    with pytest.raises(AlignError):
        find_span("Ing-wen spoke.", "we")
