"""The stored-events table the CLI prints (``tightrope events``), on rows built by hand."""

from __future__ import annotations

import datetime as dt

from tightrope.render import events_table


def _row(**parties) -> dict:
    row = {"first_date": dt.date(2021, 4, 6), "date_precision": "day", "cameo": "042", "cameo_name": "Make a visit",
           "modality": "asserted", "num_articles": 1, "evidence": "The minister visited.",
           "source_name": "Sergey Lavrov", "source_code": "RUSGOV", "target_name": "India", "target_code": "IND"}
    return {**row, **parties}


def _cells(table: str) -> list[str]:
    header, _, line = table.splitlines()
    starts = [header.index(name) for name in ("source", "cameo", "event", "target", "modality")]
    return [line[a:b].strip() for a, b in zip(starts, starts[1:])]


def test_render_events_table_shows_name_and_code():
    source, _, _, target = _cells(events_table([_row()]))
    assert (source, target) == ("Sergey Lavrov (RUSGOV)", "India (IND)")


def test_render_events_table_shows_only_the_name_when_a_party_has_no_code():
    table = events_table([_row(source_code=None, target_code=None, source_name="Unknown official",
                               target_name="the protesters")])
    source, _, _, target = _cells(table)
    assert (source, target) == ("Unknown official", "the protesters") and "None" not in table


def test_render_events_table_shows_a_dash_for_a_missing_party():
    table = events_table([_row(source_name=None, source_code=None, target_name=None, target_code=None)])
    source, _, _, target = _cells(table)
    assert (source, target) == ("-", "-") and "None" not in table
