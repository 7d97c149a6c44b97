"""Series and brief for one pair of countries, read from the store.

Only asserted events count in the series: a denied or planned event is not a relation yet.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Literal

from ..data import read_table, split_list
from ..errors import ConfigError
from ..store import Store

__all__ = ["PeriodRow", "BriefLine", "Brief", "dyad_series", "dyad_brief", "load_framings"]

Period = Literal["day", "week", "month", "year"]

_DYAD = """((source_key = ? AND target_key = ?) OR (source_key = ? AND target_key = ?))"""


@dataclass(frozen=True)
class PeriodRow:
    """One period of a dyad's series."""

    period: dt.date
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float


@dataclass(frozen=True)
class BriefLine:
    """One convergence or divergence, with the sentences that show it."""

    topic: str
    events: int
    evidence: list[str]


@dataclass
class Brief:
    """What two countries agree and disagree on, and the trend of their relations."""

    a: str
    b: str
    trend: str
    convergences: list[BriefLine] = field(default_factory=list)
    divergences: list[BriefLine] = field(default_factory=list)


def dyad_series(store: Store, a: str, b: str, by: Period = "month", date_from: dt.date | None = None,
                date_to: dt.date | None = None) -> list[PeriodRow]:
    """Counts per QuadClass and Goldstein sum and mean per period, both directions, asserted events only.

    Args:
        store: the store.
        a: one country (ISO3).
        b: the other.
        by: day, week, month or year.
        date_from: first day to count.
        date_to: last day to count.

    Returns:
        One row per period that has events, oldest first.
    """
    if by not in ("day", "week", "month", "year"):
        raise ConfigError(f"--by {by!r} is not a period; use day, week, month or year")
    sql = f"""
        SELECT date_trunc('{by}', first_date)::DATE AS period, count(*) AS events,
               count(*) FILTER (quad_class = 1), count(*) FILTER (quad_class = 2),
               count(*) FILTER (quad_class = 3), count(*) FILTER (quad_class = 4),
               sum(goldstein), avg(goldstein)
        FROM events WHERE {_DYAD} AND modality = 'asserted' AND first_date IS NOT NULL
          AND first_date >= coalesce(?, DATE '0001-01-01') AND first_date <= coalesce(?, DATE '9999-12-31')
        GROUP BY 1 ORDER BY 1"""
    rows = store.con.execute(sql, [a, b, b, a, date_from, date_to]).fetchall()
    return [PeriodRow(r[0], r[1], r[2], r[3], r[4], r[5], round(r[6], 2), round(r[7], 2)) for r in rows]


def _trend(series: list[PeriodRow]) -> str:
    """Warming, cooling or steady, from the least-squares slope of the mean Goldstein per period."""
    if len(series) < 2:
        return "too few periods for a trend"
    xs = list(range(len(series)))
    ys = [r.goldstein_mean for r in series]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return "warming" if slope > 0.5 else "cooling" if slope < -0.5 else "steady"


@functools.lru_cache(maxsize=1)
def load_framings() -> list[tuple[str, list[str], list[str]]]:
    """Contested wordings: (issue, one side's terms, the other side's terms)."""
    return [(r["issue"], split_list(r["terms_a"]), split_list(r["terms_b"]))
            for r in read_table("relations/framings.csv", ("issue", "terms_a", "terms_b"))]


def dyad_brief(store: Store, a: str, b: str, date_from: dt.date | None = None,
               date_to: dt.date | None = None, evidence_per_line: int = 3) -> Brief:
    """Convergences (cooperative topics), divergences (conflictual topics and opposing framings).

    Args:
        store: the store.
        a: one country (ISO3).
        b: the other.
        date_from: earliest date.
        date_to: latest date.
        evidence_per_line: sentences cited per line.

    Returns:
        The brief.
    """
    brief = Brief(a, b, _trend(dyad_series(store, a, b, "month", date_from, date_to)))
    sql = f"""
        SELECT topic, count(*) AS n, list(DISTINCT evidence) AS evidence
        FROM (SELECT unnest(CASE WHEN len(topics) = 0 THEN ['general'] ELSE topics END) AS topic, evidence
              FROM events WHERE {_DYAD} AND modality = 'asserted' AND quad_class IN ({{classes}})
                AND coalesce(first_date, DATE '0001-01-01') >= coalesce(?, DATE '0001-01-01')
                AND coalesce(first_date, DATE '0001-01-01') <= coalesce(?, DATE '9999-12-31'))
        GROUP BY topic ORDER BY n DESC, topic"""
    params = [a, b, b, a, date_from, date_to]
    for classes, lines in (("1, 2", brief.convergences), ("3, 4", brief.divergences)):
        for topic, n, evidence in store.con.execute(sql.format(classes=classes), params).fetchall():
            lines.append(BriefLine(topic, n, [f"\u201c{e}\u201d" for e in sorted(evidence)[:evidence_per_line]]))
    brief.divergences.extend(_framing_divergences(store, a, b))
    return brief


def _framing_divergences(store: Store, a: str, b: str) -> list[BriefLine]:
    """Speakers of the two sides using the opposing wordings of one contested issue."""
    quotes = store.con.execute(
        "SELECT DISTINCT speaker_country, speaker_name, text FROM quotes WHERE speaker_country IN (?, ?) "
        "ORDER BY 1, 2, 3", [a, b]).fetchall()
    lines = []
    for issue, terms_a, terms_b in load_framings():
        sides: dict[str, set[str]] = {a: set(), b: set()}
        evidence: dict[str, list[str]] = {a: [], b: []}
        for country, speaker, text in quotes:
            for side, terms in (("a", terms_a), ("b", terms_b)):
                used = [t for t in terms if t.lower() in text.lower()]
                if used:
                    sides[country].add(side)
                    evidence[country].append(f"{speaker} ({country}): \u201c{used[0]}\u201d")
        # Each country sticks to one side's wording, and they differ.
        if len(sides[a]) == 1 and len(sides[b]) == 1 and sides[a] != sides[b]:
            lines.append(BriefLine(f"framing: {issue}", 0, evidence[a][:2] + evidence[b][:2]))
    return lines
