"""Pipeline wiring: stages declare what they need, and a bad article never stops a batch."""

from __future__ import annotations

import pytest

from tightrope import Pipeline
from tightrope.errors import PipelineError
from tightrope.events import EventStage
from tightrope.models import Article, ArticleDoc


def test_pipeline_refuses_a_stage_whose_requirements_come_later():
    with pytest.raises(PipelineError, match="requires parsed, token_actors"):
        Pipeline(stages=[EventStage()])


class _Boom:
    name = "boom"
    requires: tuple[str, ...] = ()
    provides = ("boom",)

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        raise ValueError("bad article")


def test_pipeline_records_a_failing_stage_as_an_issue():
    doc = Pipeline(stages=[_Boom()]).analyze(Article.from_text("Some text."))
    assert [(i.stage, i.reason) for i in doc.issues] == [("boom", "ValueError: bad article")]


def test_pipeline_json_contract_keys():
    doc = Pipeline(stages=[]).analyze(Article.from_text("Some text.", title="T"))
    data = doc.to_json_dict()
    assert set(data) == {"article", "actors", "events", "quotes", "relations", "issues"}
    assert "text" not in data["article"] and doc.to_json_dict(with_text=True)["article"]["text"] == "Some text."


class _PickyParse:
    """A parse stage whose batch pipe dies on one text, as a real model might on bad input."""

    name = "parse"
    requires: tuple[str, ...] = ()
    provides = ("parsed",)

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        if "poison" in doc.article.text:
            raise ValueError("cannot parse")
        return doc.model_copy(update={"parsed": doc.article.text})

    def pipe(self, docs):
        for doc in docs:
            yield self(doc)


def test_pipeline_batch_goes_on_one_by_one_after_a_batch_failure(monkeypatch):
    import tightrope.pipeline as pipeline_module

    monkeypatch.setattr(pipeline_module, "ParseStage", _PickyParse)
    texts = ["First text.", "A poison text.", "Third text.", "Fourth text."]
    docs = Pipeline(stages=[_PickyParse()]).analyze_many([Article.from_text(t) for t in texts])
    assert [d.article.text for d in docs] == texts
    assert [[i.reason for i in d.issues] for d in docs] == [[], ["ValueError: cannot parse"], [], []]
