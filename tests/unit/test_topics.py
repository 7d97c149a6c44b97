"""Topics from words and actors, texts written by hand."""

from __future__ import annotations

import pytest

from tightrope.topics import load_topics, topics_for


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("India plans to buy the S-400 air defence system.", "defence"),
        ("The two sides signed a gas pipeline deal.", "energy"),
        ("Inspectors visited the uranium enrichment site.", "nuclear"),
        ("They agreed to cooperate on satellite launches.", "space"),
        ("Washington raised tariffs on steel imports.", "trade"),
        ("The Chennai-Vladivostok maritime corridor opened.", "connectivity"),
        ("The ministry shipped Covid vaccines.", "health"),
        ("Militants attacked the checkpoint.", "terrorism"),
        ("Troops clashed on the disputed border.", "territory"),
        ("The grouping met at the summit.", "alliances"),
        ("The report documented torture in detention.", "human_rights"),
        ("Leaders pledged to cut carbon emissions.", "climate"),
        ("Hackers hit the ministry with ransomware.", "cyber"),
        ("Migrants were deported at the frontier.", "migration"),
        ("The opposition rejected the election result.", "elections"),
    ],
)
def test_topics_keyword_rules(text, topic):
    assert topic in topics_for(text)


def test_topics_whole_words_only():
    assert "defence" not in topics_for("The tanker arrived.")  # "tank" inside "tanker"
    assert topics_for("The weather was pleasant.") == []


def test_topics_from_an_actor_name():
    assert "alliances" in topics_for("He criticised them.", ["Quad"])


def test_topics_taxonomy_is_small_and_documented():
    assert 10 <= len(load_topics()) <= 20
