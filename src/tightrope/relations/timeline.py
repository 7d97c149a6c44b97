"""A pair's (or one country's) events over real time: periods with their dates, gaps left as gaps,
each event only in a period as fine as its date is known, and a trend only when there is enough.

- A period is a real span (``start`` to ``end``); periods with no events are absent, and
  :func:`gaps` names them, so a chart breaks its line there instead of joining 1994 to 2020.
- An event known only to the year ("later this year") is not put in January: with ``by="month"``
  it goes to ``imprecise``, one entry per year, apart from the series.
- Background events (told as history, dated over ``BACKGROUND_DAYS`` before their article) are left
  out unless asked for.
- The trend is the least-squares slope of the mean Goldstein per period against time (periods
  apart by their real distance, not their place in the list), given only with at least
  ``MIN_TREND_PERIODS`` periods with events, and it says what it rests on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..dates import latest_day
from ..errors import ConfigError
from ..store import Store

__all__ = ["PeriodRow", "ImpreciseRow", "Trend", "Timeline", "timeline", "MIN_TREND_PERIODS", "TREND_SLOPE", "series_rows", "gaps",
           "trend", "period_end", "PRECISION_RANK"]

Period = Literal["day", "week", "month", "year"]

#: Fewer periods with events than this give no trend.
MIN_TREND_PERIODS = 3
#: A slope of mean Goldstein per period above this (or below its negative) is warming (cooling).
TREND_SLOPE = 0.25
#: How coarse each date precision (and period) is.
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class PeriodRow:
    """One period with events: its real span, counts per QuadClass and Goldstein sum and mean."""

    period: dt.date
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float
    end: dt.date | None = None


@dataclass(frozen=True)
class ImpreciseRow:
    """Events dated only to a period coarser than the series' (a year, when the series is by month)."""

    period: dt.date
    precision: str
    events: int
    goldstein_mean: float


@dataclass(frozen=True)
class Trend:
    """Warming, cooling, steady, or why there is none; ``slope`` in mean Goldstein per period."""

    label: str
    basis: str
    slope: float | None = None
    periods: int = 0


@dataclass(frozen=True)
class Timeline:
    """Events over time: the periods with events, the spans without, the coarsely dated, the trend."""

    by: str
    series: list[PeriodRow]
    gaps: list[tuple[dt.date, dt.date]]
    imprecise: list[ImpreciseRow]
    trend: Trend
    background: bool


def timeline(store: Store, where: str, params: list, by: Period = "month", date_from: dt.date | None = None,
             date_to: dt.date | None = None, background: bool = False) -> Timeline:
    """:func:`series_rows` with its gaps and trend (see the module docstring)."""
    series, imprecise = series_rows(store, where, params, by, date_from, date_to, background)
    return Timeline(by, series, gaps(series, by), imprecise, trend(series, by), background)


def period_end(start: dt.date, by: Period) -> dt.date:
    """The last day of the period that begins on ``start``."""
    if by == "week":
        return start + dt.timedelta(days=6)
    return latest_day(start, by)  # a day, or the month's or year's last day


def _steps(start: dt.date, end: dt.date, by: Period) -> float:
    """How many periods lie from ``start`` to ``end`` (the x axis of the trend)."""
    if by == "month":
        return (end.year - start.year) * 12 + end.month - start.month
    if by == "year":
        return end.year - start.year
    return (end - start).days / (7 if by == "week" else 1)


def series_rows(store: Store, where: str, params: list, by: Period = "month", date_from: dt.date | None = None,
                date_to: dt.date | None = None, background: bool = False) -> tuple[list[PeriodRow], list[ImpreciseRow]]:
    """Asserted events matching ``where`` (over ``events``) by period, and those dated too coarsely.

    Args:
        store: the store.
        where: a condition over the ``events`` table (the pair, or one country), with ``?`` marks.
        params: its parameters.
        by: day, week, month or year.
        date_from: first day to count.
        date_to: last day to count.
        background: count events told as history too.

    Returns:
        The periods with events, oldest first, and the coarser-dated events by their own period.
    """
    if by not in PRECISION_RANK:
        raise ConfigError(f"--by {by!r} is not a period; use day, week, month or year")
    finer = [p for p, rank in PRECISION_RANK.items() if rank <= PRECISION_RANK[by]]
    common = f"""FROM events WHERE ({where}) AND modality = 'asserted' AND first_date IS NOT NULL
          AND first_date >= coalesce(?, DATE '0001-01-01') AND first_date <= coalesce(?, DATE '9999-12-31')
          {'' if background else 'AND NOT coalesce(background, false)'}"""
    args = [*params, date_from, date_to]
    rows = store.con.execute(f"""
        SELECT date_trunc('{by}', first_date)::DATE AS period, count(*),
               count(*) FILTER (quad_class = 1), count(*) FILTER (quad_class = 2),
               count(*) FILTER (quad_class = 3), count(*) FILTER (quad_class = 4),
               sum(goldstein), avg(goldstein)
        {common} AND list_contains(?, coalesce(date_precision, 'day'))
        GROUP BY 1 ORDER BY 1""", [*args, finer]).fetchall()
    series = [PeriodRow(r[0], r[1], r[2], r[3], r[4], r[5], round(r[6], 2), round(r[7], 2), period_end(r[0], by))
              for r in rows]
    coarse = store.con.execute(f"""
        SELECT CASE date_precision WHEN 'year' THEN date_trunc('year', first_date)
                                   ELSE date_trunc('month', first_date) END::DATE, date_precision, count(*),
               avg(goldstein)
        {common} AND NOT list_contains(?, coalesce(date_precision, 'day'))
        GROUP BY 1, 2 ORDER BY 1, 2""", [*args, finer]).fetchall()
    return series, [ImpreciseRow(r[0], r[1], r[2], round(r[3], 2)) for r in coarse]


def gaps(series: list[PeriodRow], by: Period) -> list[tuple[dt.date, dt.date]]:
    """The spans with no events between two periods that have some (first and last empty day)."""
    found = []
    for before, after in zip(series, series[1:]):
        end = period_end(before.period, by)
        if (after.period - end).days > 1:
            found.append((end + dt.timedelta(days=1), after.period - dt.timedelta(days=1)))
    return found


def trend(series: list[PeriodRow], by: Period) -> Trend:
    """The direction of the mean Goldstein per period over time, with what it rests on."""
    if len(series) < MIN_TREND_PERIODS:
        return Trend("too few periods for a trend",
                     f"{len(series)} {by}{'s' if len(series) != 1 else ''} with events; "
                     f"a trend needs at least {MIN_TREND_PERIODS}", None, len(series))
    xs = [_steps(series[0].period, r.period, by) for r in series]
    ys = [r.goldstein_mean for r in series]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    label = "warming" if slope > TREND_SLOPE else "cooling" if slope < -TREND_SLOPE else "steady"
    basis = (f"least-squares slope {slope:+.2f} mean Goldstein per {by} over {len(series)} {by}s with events, "
             f"{series[0].period} to {series[-1].period} (periods placed by date; "
             f"|slope| > {TREND_SLOPE} is warming or cooling)")
    return Trend(label, basis, round(slope, 3), len(series))
