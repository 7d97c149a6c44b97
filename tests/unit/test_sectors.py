"""The sector table (data/actors/sectors.csv) the relations, event and actor stages share."""

from __future__ import annotations

import pytest

from tightrope.actors import sectors
from tightrope.data import read_table
from tightrope.errors import DataError


def test_sectors_the_state_acts_through_its_government_forces_and_companies_not_insurgents_or_the_press():
    assert {"GOV", "MIL", "COP", "LEG", "JUD", "BUS"}.isdisjoint(sectors.NOT_THE_STATE)
    assert {"INS", "REB", "OPP", "MED", "JRN", "ACT", "CVL"} <= sectors.NOT_THE_STATE
    assert sectors.CIVILIAN <= sectors.NOT_THE_STATE  # a civilian never acts for the state
    assert sectors.NATIONAL_GROUPS == {"REB", "INS", "SEP", "OPP"}


@pytest.mark.parametrize("table", ["agents", "nonstate", "institutions"])
def test_sectors_every_sector_the_dictionaries_give_is_in_the_table(table):
    used = {row["sector"] for row in read_table(f"actors/{table}.csv", ("sector",)) if row["sector"]}
    assert used <= set(sectors.SECTORS), sorted(used - set(sectors.SECTORS))


def test_sectors_a_value_other_than_yes_or_no_is_refused(tmp_path):
    bad = tmp_path / "sectors.csv"
    bad.write_text("code,name,acts_for_state,civilian,national_group\nGOV,government,maybe,no,no\n")
    with pytest.raises(DataError, match="acts_for_state must be yes or no"):
        sectors.load_sectors(bad)
