"""Series and brief for one pair of countries, read from the store.

Only asserted events count in the series: a denied or planned event is not a relation yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..store import Store
from ..store.framings import load_framings
from .timeline import Period, PeriodRow, Timeline, timeline

__all__ = ["PeriodRow", "BriefLine", "AreaChange", "Brief", "dyad_series", "dyad_timeline", "dyad_brief", "brief_change", "load_framings"]

_DYAD = """((source_key = ? AND target_key = ?) OR (source_key = ? AND target_key = ?))"""


@dataclass(frozen=True)
class BriefLine:
    """One convergence, divergence or third party in one issue area, with the sentences that show it.

    ``topic`` is the issue area; ``events`` how many statements (clauses) support the line;
    ``articles`` the ids of the articles they come from; ``basis`` what the first rests on.
    """

    topic: str
    events: int
    evidence: list[str]
    kind: str = "convergence"
    third: str | None = None
    articles: list[str] = field(default_factory=list)
    basis: str = ""


@dataclass(frozen=True)
class AreaChange:
    """How one issue area moved between two periods: convergences minus divergences in each."""

    area: str
    before: int
    after: int
    change: str  # warmed | cooled | unchanged


@dataclass
class Brief:
    """What two countries agree and disagree on, who presses on them, and the trend of their relations."""

    a: str
    b: str
    trend: str
    convergences: list[BriefLine] = field(default_factory=list)
    divergences: list[BriefLine] = field(default_factory=list)
    third_parties: list[BriefLine] = field(default_factory=list)
    background: list[BriefLine] = field(default_factory=list)
    change: list[AreaChange] = field(default_factory=list)
    trend_basis: str = ""


def dyad_series(store: Store, a: str, b: str, by: Period = "month", date_from: dt.date | None = None,
                date_to: dt.date | None = None, background: bool = False) -> list[PeriodRow]:
    """Counts per QuadClass and Goldstein sum and mean per period, both directions, asserted events only.

    Args:
        store: the store.
        a: one country (ISO3).
        b: the other.
        by: day, week, month or year.
        date_from: first day to count.
        date_to: last day to count.
        background: count events the articles tell as history too.

    Returns:
        One row per period that has events, oldest first (events dated more coarsely than ``by``
        are left out; :func:`dyad_timeline` lists them apart).
    """
    return dyad_timeline(store, a, b, by, date_from, date_to, background).series


def dyad_timeline(store: Store, a: str, b: str, by: Period = "month", date_from: dt.date | None = None,
                  date_to: dt.date | None = None, background: bool = False) -> Timeline:
    """The pair's asserted events over real time, both directions: periods, gaps, coarsely dated
    events and the trend with its basis (:mod:`tightrope.relations.timeline`)."""
    return timeline(store, _DYAD, [a, b, b, a], by, date_from, date_to, background)


def dyad_brief(store: Store, a: str, b: str, date_from: dt.date | None = None,
               date_to: dt.date | None = None, evidence_per_line: int = 3, background: bool = False,
               monthly: Timeline | None = None) -> Brief:
    """Where two states converge, where they diverge, and which third parties press on them, by issue area.

    Lines come from the clause-level relation statements stored at ingest (``relation_mentions``;
    ``relations/statements.py``), read with SQL over the pair's rows; opposing framings come from
    the quotes. Statements about history ("in 1994", events dated over a year before their article)
    are left out unless ``background`` is set, and then listed apart.

    Args:
        store: the store.
        a: one country (ISO3).
        b: the other.
        date_from: earliest date.
        date_to: latest date.
        evidence_per_line: sentences cited per line.
        background: also list the background statements (apart from the current lines).
        monthly: the pair's monthly timeline over the same dates, when the caller has it (its
            trend is the brief's).

    Returns:
        The brief.
    """
    movement = (monthly or dyad_timeline(store, a, b, "month", date_from, date_to)).trend
    brief = Brief(a, b, movement.label, trend_basis=movement.basis)
    x, y = sorted((a, b))
    rows = store.con.execute("""
        SELECT kind, area, third, background, count(*) AS n, count(DISTINCT article_id) AS articles,
               list(DISTINCT evidence ORDER BY evidence), list(DISTINCT article_id ORDER BY article_id),
               min(basis)
        FROM relation_mentions
        WHERE a = ? AND b = ?
          AND coalesce(date, DATE '0001-01-01') >= coalesce(?, DATE '0001-01-01')
          AND coalesce(date, DATE '0001-01-01') <= coalesce(?, DATE '9999-12-31')
        GROUP BY kind, area, third, background ORDER BY n DESC, kind, area, third""",
        [x, y, date_from, date_to]).fetchall()
    targets = {"convergence": brief.convergences, "divergence": brief.divergences, "third_party": brief.third_parties}
    for kind, area, third, past, n, articles, evidence, article_ids, basis in rows:
        line = BriefLine(area, n, [f"\u201c{e.strip()}\u201d" for e in evidence[:evidence_per_line]], kind=kind, third=third,
                         articles=list(article_ids), basis=basis)
        if past:
            if background:
                brief.background.append(line)
        else:
            targets[kind].append(line)
    brief.divergences.extend(_framing_divergences(store, a, b))
    return brief


def brief_change(store: Store, a: str, b: str, at: dt.date) -> list[AreaChange]:
    """Which issue areas warmed or cooled between the statements before ``at`` and from ``at`` on.

    The balance of an area in a period is its convergence statements minus its divergence
    statements (background left out); an area whose balance rose warmed, one whose balance fell cooled.
    """
    x, y = sorted((a, b))
    rows = store.con.execute("""
        SELECT area, date < ? AS before, count(*) FILTER (kind = 'convergence') - count(*) FILTER (kind = 'divergence')
        FROM relation_mentions WHERE a = ? AND b = ? AND NOT background AND date IS NOT NULL AND kind <> 'third_party'
        GROUP BY 1, 2""", [at, x, y]).fetchall()
    balance: dict[str, list[int]] = {}
    for area, before, net in rows:
        balance.setdefault(area, [0, 0])[0 if before else 1] = net
    changes = [AreaChange(area, old, new, "warmed" if new > old else "cooled" if new < old else "unchanged")
               for area, (old, new) in sorted(balance.items())]
    return sorted(changes, key=lambda c: (-abs(c.after - c.before), c.area))


def _framing_divergences(store: Store, a: str, b: str) -> list[BriefLine]:
    """Speakers of the two sides using the opposing wordings of one contested issue.

    The terms are found in the quotes at ingest (``framing_mentions``, ``store/framings.py``), so this
    reads only the quotes of the two sides that use one, from that small table.
    """
    matches = store.con.execute("""
        SELECT DISTINCT speaker_country, speaker_name, text, issue, side, term FROM framing_mentions
        WHERE speaker_country IN (?, ?) ORDER BY speaker_country, speaker_name, text, side""", [a, b]).fetchall()
    lines = []
    for issue, _, _ in load_framings():
        sides: dict[str, set[str]] = {a: set(), b: set()}
        evidence: dict[str, list[str]] = {a: [], b: []}
        for country, speaker, _, found_issue, side, term in matches:
            if found_issue == issue:
                sides[country].add(side)
                evidence[country].append(f"{speaker} ({country}): \u201c{term}\u201d")
        # Each country sticks to one side's wording, and they differ.
        if len(sides[a]) == 1 and len(sides[b]) == 1 and sides[a] != sides[b]:
            lines.append(BriefLine(f"framing: {issue}", 0, evidence[a][:2] + evidence[b][:2], kind="divergence",
                                   basis="the two sides' speakers use opposing wordings"))
    return lines
