"""The PETRARCH dictionary importer, on dictionaries written by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from tightrope import Pipeline
from tightrope.actors.kb import _load_packaged
from tightrope.actors.petrarch import DictCode, merge_petrarch, parse_petrarch
from tightrope.errors import DataError

ACTORS = """\
# a person with two dated roles and a synonym
BORIS_TADIC_  [SRBGOV 040711-120531]
+TADIC_
[SRBOPP >120601]
GRAND_NATIONAL_ASSEMBLY_ [TURLEG]   # an organisation: no dates
"""


def test_petrarch_parse_entries_synonyms_and_date_ranges():
    entries = parse_petrarch(ACTORS)
    assert [e.phrases for e in entries] == [["Boris Tadic", "Tadic"], ["Grand National Assembly"]]
    assert entries[0].codes == [DictCode("SRBGOV", dt.date(2004, 7, 11), dt.date(2012, 5, 31)),
                                DictCode("SRBOPP", start=dt.date(2012, 6, 1))]
    assert entries[1].codes == [DictCode("TURLEG")]


def test_petrarch_bad_date_is_named():
    with pytest.raises(DataError, match="x.txt:1: bad date '12345'"):
        parse_petrarch("FOO_ [USAGOV 12345-130101]", "x.txt")


def test_petrarch_merge_gives_dated_roles_and_agents(tmp_path):
    actors = tmp_path / "actors.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents = tmp_path / "agents.txt"
    agents.write_text("HARBOUR_MASTER_ [~GOV]\n", encoding="utf-8")
    kb = _load_packaged()
    assert merge_petrarch(kb, actors) == 2
    assert merge_petrarch(kb, agents, kind="agents") == 1
    role = kb.role_on("petrarch:boris-tadic", dt.date(2010, 1, 1))
    assert (role.affiliation, role.sector) == ("SRB", "GOV")
    assert kb.role_on("petrarch:boris-tadic", dt.date(2013, 1, 1)).sector == "OPP"
    assert kb.agents["harbour master"] == ("GOV", False)


def test_petrarch_dictionary_used_by_the_pipeline(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    pipeline = Pipeline(dictionaries=(("actors", str(path)),))
    doc = pipeline.analyze_text("Boris Tadic condemned Croatia on Monday.", published=dt.date(2010, 3, 1))
    (event,) = doc.events
    assert (event.source.country, event.source.code, event.target.country) == ("SRB", "SRBGOV", "HRV")
