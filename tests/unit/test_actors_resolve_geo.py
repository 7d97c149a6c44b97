"""A state's name inside the name of a sea or landform is a place, not the state. Inputs written by hand."""

from __future__ import annotations

from tightrope.actors.resolve import TOKEN_ATTR
from tightrope.models import Article, ArticleDoc


def _states(pipeline, text):
    doc = ArticleDoc(article=Article.from_text(text))
    for stage in pipeline.stages[:2]:  # parse, actors
        doc = stage(doc)
    return {r.country for t in doc.parsed for r in t._.get(TOKEN_ATTR) or [] if r.country}


def test_a_sea_named_after_a_state_is_not_the_state(pipeline):
    assert _states(pipeline, "Kenya claims 100,000 square kilometers of Indian Ocean waters from Somalia.") == {"KEN", "SOM"}
    assert _states(pipeline, "Iran seized a tanker in the Gulf of Oman.") == {"IRN"}
    assert "CHN" not in _states(pipeline, "Vietnamese boats were seen in the South China Sea.")


def test_a_region_of_a_state_still_names_it(pipeline):
    assert _states(pipeline, "India and Japan agreed to build a port in the Russian Far East.") == {"IND", "JPN", "RUS"}
