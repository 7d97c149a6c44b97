"""Long texts: cut into chunks at paragraphs, analysed one chunk at a time, merged into one document."""

from __future__ import annotations

import time

import pytest

import tightrope.pipeline as pipeline_module
from tests.conftest import EXAMPLES
from tightrope import Pipeline
from tightrope.chunks import split_text
from tightrope.config import CHUNK_CHARS, MAX_ARTICLE_CHARS
from tightrope.errors import InputTooLargeError
from tightrope.ingest import read_inputs
from tightrope.ingest.text import make_article
from tightrope.models import Article, ArticleDoc

# Short articles, each with its own countries, so the events of each copy in a long text can be told apart.
SHORTS = [
    "France condemned Germany on Monday over its new border controls. \"We will not accept this,\" the French "
    "foreign minister said, adding that Paris would ask Berlin to reverse the decision at the United Nations.",
    "Spain praised Italy for its help during the wildfires. Madrid thanked Rome and said the two countries "
    "would sign a new civil protection agreement at the United Nations next month.",
    "Japan accused China of violating its airspace near the disputed islands. Tokyo summoned the Chinese "
    "ambassador to lodge a formal protest.",
    "Brazil and Argentina agreed to cooperate on trade. The presidents of Brazil and Argentina met in Buenos "
    "Aires and signed a trade deal.",
]
# Room for the longest short article but never for two, so each chunk of the joined text is one of them.
ONE_SHORT = max(len(s) for s in SHORTS)


class _Seen:
    """A stage that keeps the articles it is given."""

    name = "seen"
    requires: tuple[str, ...] = ()
    provides = ("seen",)

    def __init__(self) -> None:
        self.articles: list[Article] = []

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        self.articles.append(doc.article)
        return doc


def _spans(doc: ArticleDoc):
    """Every text span of a document, named for the assertion message."""
    for actor in doc.actors:
        for m in actor.mentions:
            yield f"mention of {actor.id}", m.start, m.end, m.text
    for e in doc.events:
        yield f"sentence of {e.id}", e.sentence.start, e.sentence.end, e.sentence.text
        yield f"trigger of {e.id}", e.trigger.start, e.trigger.end, e.trigger.text
    for q in doc.quotes:
        yield f"quote {q.id}", q.start, q.end, q.text
    for r in doc.relations:
        yield f"evidence of {r.a}-{r.b}", r.evidence.start, r.evidence.end, r.evidence.text
        yield f"clause of {r.a}-{r.b}", r.clause.start, r.clause.end, r.clause.text


def _event_keys(doc: ArticleDoc) -> list[tuple]:
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None,
             e.trigger.text, e.modality, e.sentence.text) for e in doc.events]


def test_long_texts_split_prefers_paragraphs_then_sentences_then_spaces():
    def pieces(text: str, limit: int) -> list[str]:
        return [text[start:end] for start, end in split_text(text, limit)]

    text = "One short paragraph.\n\nA second one here.\n\n" + "Long sentence one. Long sentence two. " * 3 + "x" * 30
    cut = pieces(text, 45)
    assert all(len(p) <= 45 and p == p.strip() for p in cut)
    assert cut[:2] == ["One short paragraph.\n\nA second one here.", "Long sentence one. Long sentence two."]
    assert " ".join(cut).split() == text.split()  # nothing lost, nothing repeated
    assert pieces("no punctuation in this paragraph at all", 20) == ["no punctuation in", "this paragraph at", "all"]
    assert pieces("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert pieces("  \n\n ", 4) == []


def test_long_texts_at_or_under_chunk_chars_take_the_one_article_path(monkeypatch):
    monkeypatch.setattr(pipeline_module, "CHUNK_CHARS", 40)
    seen = _Seen()
    pipeline = Pipeline(stages=[seen])
    short = Article.from_text("x" * 19 + "\n\n" + "y" * 19)  # 40 characters: not cut
    long = Article.from_text("x" * 19 + "\n\n" + "y" * 20)
    assert pipeline.analyze(short).article is short
    assert seen.articles == [short]
    merged = pipeline.analyze(long)
    assert merged.article is long and [a.text for a in seen.articles[1:]] == ["x" * 19, "y" * 20]
    assert len({a.id for a in seen.articles}) == 3


class _Poisoned:
    """A stage that fails on a text holding "poison"."""

    name = "poisoned"
    requires: tuple[str, ...] = ()
    provides = ("checked",)

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        if "poison" in doc.article.text:
            raise ValueError("cannot read this")
        return doc


def test_long_texts_a_failing_chunk_is_an_issue_naming_it_and_the_rest_go_on(monkeypatch):
    monkeypatch.setattr(pipeline_module, "CHUNK_CHARS", 20)
    seen = _Seen()
    doc = Pipeline(stages=[_Poisoned(), seen]).analyze(Article.from_text("first chunk\n\npoison here\n\nthird chunk"))
    assert [a.text for a in seen.articles] == ["first chunk", "third chunk"]
    assert [(i.stage, i.reason) for i in doc.issues] == [
        ("poisoned", "chunk 2 of 3 (characters 13-24): ValueError: cannot read this")]


@pytest.mark.slow
def test_long_texts_offsets_point_into_the_whole_text_after_merging(pipeline, monkeypatch):
    monkeypatch.setattr(pipeline_module, "CHUNK_CHARS", 400)
    (article,) = list(read_inputs([EXAMPLES / "lavrov_delhi_2021.txt"]))
    assert len(split_text(article.text, 400)) > 5
    doc = pipeline.analyze(article)
    assert doc.article is article and not doc.issues
    assert doc.events and doc.quotes and doc.relations
    wrong = [(what, start, end, text) for what, start, end, text in _spans(doc) if article.text[start:end] != text]
    assert not wrong


@pytest.mark.slow
def test_long_texts_actor_ids_are_unique_and_every_reference_is_an_actor(pipeline, monkeypatch):
    monkeypatch.setattr(pipeline_module, "CHUNK_CHARS", ONE_SHORT)
    doc = pipeline.analyze_text("\n\n".join(SHORTS))
    ids = [a.id for a in doc.actors]
    assert len(ids) == len(set(ids))
    un = [a for a in doc.actors if a.id == "UN"]
    assert len(un) == 1 and len(un[0].mentions) == 2  # named in two chunks: one actor, both mentions
    parties = {r.actor_id for e in doc.events for r in (e.source, e.target) if r and r.actor_id}
    speakers = {q.speaker.actor_id for q in doc.quotes if q.speaker and q.speaker.actor_id}
    assert parties and speakers and parties | speakers <= set(ids)
    assert {e.quote_id for e in doc.events if e.quote_id} <= {q.id for q in doc.quotes}


@pytest.mark.slow
def test_long_texts_copies_give_the_events_of_each_short_article(pipeline, monkeypatch):
    alone = [pipeline.analyze_text(s) for s in SHORTS]
    monkeypatch.setattr(pipeline_module, "CHUNK_CHARS", ONE_SHORT)
    text = "\n\n".join(SHORTS)
    doc = pipeline.analyze_text(text)
    assert len(split_text(text, ONE_SHORT)) == len(SHORTS)
    expected = [key for short in alone for key in _event_keys(short)]
    assert expected and _event_keys(doc) == expected
    offsets = [text.index(s) for s in SHORTS]
    assert [e.sentence.start for e in doc.events] == [
        offset + e.sentence.start for offset, short in zip(offsets, alone) for e in short.events]
    assert [(e.source, e.target) for e in doc.events] == [(e.source, e.target) for s in alone for e in s.events]


@pytest.mark.slow
def test_long_texts_ids_are_unique_and_the_same_on_a_rerun(pipeline, monkeypatch):
    monkeypatch.setattr(pipeline_module, "CHUNK_CHARS", ONE_SHORT)
    text = "\n\n".join(SHORTS * 2)  # the same paragraphs twice: the same events at other offsets
    first, second = pipeline.analyze_text(text), pipeline.analyze_text(text)
    events = [e.id for e in first.events]
    assert len(events) == len(set(events)) and events == [e.id for e in second.events]
    assert [q.id for q in first.quotes] == [q.id for q in second.quotes] and len({q.id for q in first.quotes}) == 2
    assert first.to_json_dict() == second.to_json_dict()


@pytest.mark.slow
def test_long_texts_many_analyses_a_long_article_in_chunks_and_keeps_the_order(pipeline, monkeypatch):
    monkeypatch.setattr(pipeline_module, "CHUNK_CHARS", ONE_SHORT)
    articles = [Article.from_text(SHORTS[2]), Article.from_text("\n\n".join(SHORTS)), Article.from_text(SHORTS[3])]
    many = pipeline.analyze_many(articles)
    assert [d.article.id for d in many] == [a.id for a in articles]
    assert [d.to_json_dict() for d in many] == [pipeline.analyze(a).to_json_dict() for a in articles]


@pytest.mark.slow
def test_long_texts_over_the_time_budget_keep_the_chunks_analysed_and_say_so(pipeline, monkeypatch):
    alone = pipeline.analyze_text(SHORTS[0])
    monkeypatch.setattr(pipeline_module, "CHUNK_CHARS", ONE_SHORT)
    monkeypatch.setattr(pipeline_module, "ARTICLE_SECONDS", 1e-6)
    doc = pipeline.analyze_text("\n\n".join(SHORTS[:3]))
    assert _event_keys(doc) == _event_keys(alone)  # the first chunk's events, none of the rest
    (issue,) = doc.issues
    assert issue.stage == "pipeline"
    assert "analysed 1 of 3 chunks" in issue.reason and "1e-06 s" in issue.reason
    assert "split the text into articles" in issue.reason


def test_long_texts_over_the_old_limit_are_read_and_over_the_new_one_refused():
    sentence = "The minister said the talks would resume next week. "
    body = sentence * (1_000_000 // len(sentence) + 10)  # over spaCy's max_length, the old refusal
    assert len(make_article("long.txt", body).text) > 1_000_000
    at_limit = (sentence * (MAX_ARTICLE_CHARS // len(sentence) + 1))[:MAX_ARTICLE_CHARS].strip()
    assert len(make_article("at-limit.txt", at_limit).text) == len(at_limit)
    with pytest.raises(InputTooLargeError, match=f"over the {MAX_ARTICLE_CHARS:,} one article may hold; split it"):
        make_article("huge.txt", sentence * (MAX_ARTICLE_CHARS // len(sentence) + 1))


@pytest.mark.slow
def test_long_texts_real_size_text_is_analysed_in_chunks(pipeline):
    (article,) = list(read_inputs([EXAMPLES / "lavrov_delhi_2021.txt"]))
    text = "\n\n".join([article.text] * (300_000 // len(article.text) + 1))
    chunks = split_text(text, CHUNK_CHARS)
    assert len(chunks) >= 3
    began = time.monotonic()
    doc = pipeline.analyze_text(text)
    assert time.monotonic() - began < 60 and not doc.issues
    assert {next(i for i, (_, end) in enumerate(chunks) if e.trigger.start < end) for e in doc.events} == set(
        range(len(chunks)))  # every chunk's events, not the first chunk's alone
    assert all(doc.article.text[s:e] == t for _, s, e, t in _spans(doc))
