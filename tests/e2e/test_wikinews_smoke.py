"""Smoke run over 291 real Wikinews articles: every one analysed or rejected with a reason, none lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tightrope.errors import InputError
from tightrope.ingest import read_inputs
from tightrope.models import Article

pytestmark = pytest.mark.slow

CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews_2019_2020.jsonl"


def test_wikinews_smoke_every_article_analysed_or_rejected(pipeline):
    if not CORPUS.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CORPUS} is missing in CI")
        pytest.skip(f"{CORPUS} not found (it lives in ../shared beside the repository)")
    lines = [line for line in Path(CORPUS).read_text(encoding="utf-8").splitlines() if line.strip()]
    items = list(read_inputs([CORPUS]))
    assert len(items) == len(lines) == 291
    rejected = [i for i in items if isinstance(i, InputError)]
    assert all(r.reason for r in rejected)
    articles = [i for i in items if isinstance(i, Article)]
    docs = pipeline.analyze_many(articles)
    assert len(docs) == len(articles) >= 280
    assert not [d.issues for d in docs if d.issues]  # no stage failed on real text
    events = 0
    for doc in docs:
        text = doc.article.text
        for event in doc.events:
            events += 1
            assert text[event.sentence.start:event.sentence.end] == event.sentence.text
            assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        for quote in doc.quotes:
            assert text[quote.start:quote.end] == quote.text
    assert events > 200
