"""Date expressions resolved against a publication date (Tuesday 6 April 2021), written by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from tightrope.dates import resolve_expression

PUB = dt.date(2021, 4, 6)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "forward", "expected"),
    [
        ("Tuesday", False, (dt.date(2021, 4, 6), "day", "relative")),
        ("Monday", False, (dt.date(2021, 4, 5), "day", "relative")),
        ("Wednesday", False, (dt.date(2021, 3, 31), "day", "relative")),
        ("Friday", True, (dt.date(2021, 4, 9), "day", "relative")),
        ("next Tuesday", False, (dt.date(2021, 4, 13), "day", "relative")),
        ("yesterday", False, (dt.date(2021, 4, 5), "day", "relative")),
        ("today", False, (PUB, "day", "relative")),
        ("last year", False, (dt.date(2020, 1, 1), "year", "relative")),
        ("later this year", True, (dt.date(2021, 1, 1), "year", "relative")),
        ("next year", False, (dt.date(2022, 1, 1), "year", "relative")),
        ("the end of the year", True, (dt.date(2021, 12, 1), "month", "relative")),
        ("next month", False, (dt.date(2021, 5, 1), "month", "relative")),
        ("last month", False, (dt.date(2021, 3, 1), "month", "relative")),
        ("6 April 2021", False, (dt.date(2021, 4, 6), "day", "explicit")),
        ("April 6, 2021", False, (dt.date(2021, 4, 6), "day", "explicit")),
        ("2019-11-30", False, (dt.date(2019, 11, 30), "day", "explicit")),
        ("March 2020", False, (dt.date(2020, 3, 1), "month", "explicit")),
        ("March 3", False, (dt.date(2021, 3, 3), "day", "relative")),
        ("in 1988", False, (dt.date(1988, 1, 1), "year", "explicit")),
    ],
)
def test_dates_expressions(text, forward, expected):
    assert resolve_expression(text, PUB, forward=forward) == expected


def test_dates_relative_expression_without_publication_date_is_unresolved():
    assert resolve_expression("Tuesday", None) is None
    assert resolve_expression("6 April 2021", None) == (dt.date(2021, 4, 6), "day", "explicit")


def test_dates_event_takes_the_weekday_next_to_its_trigger(analyse):
    doc = analyse("Russia condemned Ukraine on Monday.", published="2021-04-06")
    (event,) = doc.events
    assert (event.date, event.date_basis, event.date_text) == (dt.date(2021, 4, 5), "relative", "Monday")


def test_dates_asserted_event_without_expression_takes_the_publication_date(analyse):
    (event,) = analyse("Russia condemned Ukraine.", published="2021-04-06").events
    assert (event.date, event.date_basis) == (PUB, "publication")


def test_dates_future_event_without_expression_has_no_date(analyse):
    (event,) = analyse("France will host Germany.", published="2021-04-06").events
    assert event.date is None and event.date_basis is None


def test_dates_future_event_with_later_this_year(analyse):
    doc = analyse("Vladimir Putin will visit India later this year.", published="2021-04-06")
    (event,) = doc.events
    assert (event.modality, event.date, event.date_precision) == ("future", dt.date(2021, 1, 1), "year")


def test_dates_a_date_inside_a_clause_the_trigger_holds_dates_that_clause(analyse):
    # 2016 is said of the detention (its own verb); Tuesday of the agreement
    doc = analyse("After detaining the sailors in 2016, Iran condemned Oman on Tuesday.", published="2020-03-12")
    acts = [e for e in doc.events if e.trigger.text == "condemned"]
    assert acts and all((e.date, e.date_text) == (dt.date(2020, 3, 10), "Tuesday") for e in acts)
