"""The annotated corpus in data/gold is sound (make check-gold) and in step with its drafts."""

from __future__ import annotations

import json
import os
from collections import Counter

import pytest

from tests.conftest import ROOT
from tightrope.gold.agreement import agreement, cohen_kappa
from tightrope.gold.build import build_article, check_article, read_sources
from tightrope.gold.schema import load_corpus
from tightrope.gold.splits import split_of

GOLD = ROOT / "data" / "gold"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(GOLD / "corpus.jsonl")


def test_gold_corpus_passes_the_checker(corpus):
    problems = [p for a in corpus for p in check_article(a)]
    assert problems == []
    assert max(Counter(a.id for a in corpus).values()) == 1


def test_gold_corpus_size_sources_and_splits(corpus):
    assert len(corpus) >= 200
    assert sum(len(a.events) for a in corpus) >= 1500
    assert sum(a.corpus == "voa" for a in corpus) == 75
    assert all(a.url.startswith("https://") and a.licence for a in corpus)
    splits = Counter(split_of(a.id) for a in corpus)
    assert splits["test"] >= 40
    assert splits["train"] / len(corpus) >= 0.6


def test_gold_corpus_is_built_from_its_drafts(corpus):
    if not SHARED_CORPUS.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED_CORPUS} is missing in CI")
        pytest.skip(f"{SHARED_CORPUS} not found (it lives in ../shared beside the repository)")
    sources = read_sources(SHARED_CORPUS)
    by_id = {a.id: a for a in corpus}
    drafts = [json.loads(line) for path in sorted((GOLD / "drafts").glob("*.jsonl"))
              for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sorted(d["id"] for d in drafts) == sorted(by_id)
    for draft in drafts:
        built, errors = build_article(draft, sources[draft["id"]])
        assert errors == []
        assert built == by_id[draft["id"]], f"{draft['id']}: run `make gold` to rebuild data/gold/corpus.jsonl"


def test_gold_second_pass_covers_twenty_articles_of_the_corpus(corpus):
    second = load_corpus(GOLD / "second.jsonl")
    assert len(second) == 20
    assert all(check_article(a) == [] for a in second)
    result = agreement(corpus, second)
    assert result.articles == 20
    first_annotators = {a.id: a.annotator for a in corpus}
    assert all(first_annotators[a.id] != a.annotator for a in second)  # another annotator each time


def test_gold_kappa_known_values():
    assert cohen_kappa([("11", "11"), ("04", "04")]) == 1.0
    # observed 0.5, expected 0.5 -> chance agreement only
    assert cohen_kappa([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")]) == 0.0
    assert cohen_kappa([("a", "b"), ("b", "a")]) == -1.0
