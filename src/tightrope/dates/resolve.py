"""Resolve date expressions ("Tuesday", "later this year", "6 April 2021") against a publication date."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Literal

from spacy.tokens import Doc, Span, Token

from ..models import ArticleDoc, Event

__all__ = ["DateStage", "ResolvedDate", "resolve_expression", "latest_day"]

Precision = Literal["day", "month", "year"]
ResolvedDate = tuple[dt.date, Precision, Literal["explicit", "relative"]]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH_RE = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)
_MONTH_YEAR = re.compile(rf"\b{_MONTH_RE}\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_FUTURE_HINTS = {"next", "coming", "later", "upcoming", "tomorrow"}


def latest_day(day: dt.date, precision: str | None) -> dt.date:
    """The last day a date known to ``precision`` may be: "in 2024" (stored as 1 January) may be
    31 December, so whether it lies over a year before an article is judged from that day."""
    if precision == "year":
        return dt.date(day.year, 12, 31)
    if precision == "month":
        return _shift_month(day.replace(day=1), 1) - dt.timedelta(days=1)
    return day


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def resolve_expression(text: str, published: dt.date | None, forward: bool = False) -> ResolvedDate | None:
    """Resolve one date expression.

    Args:
        text: the expression as written ("Tuesday", "last year", "April 6, 2021").
        published: the publication date relative expressions count from.
        forward: the event lies ahead (future modality), so a bare weekday or month means the next one.

    Returns:
        (date, precision, how) — the first day of the period for month and year precision — or
        None when the expression cannot be resolved (a relative one without a publication date).
    """
    lower = text.lower().strip()
    if m := _ISO.search(lower):
        return dt.date(int(m[1]), int(m[2]), int(m[3])), "day", "explicit"
    if m := _DAY_MONTH_YEAR.search(lower):
        return _dated(int(m[1]), _MONTH_ABBR[m[2][:4].rstrip(".") if m[2].startswith("sept") else m[2][:3]], m[3],
                      published, forward)
    if m := _MONTH_DAY_YEAR.search(lower):
        return _dated(int(m[2]), _MONTH_ABBR[m[1][:3]], m[3], published, forward)
    if m := _MONTH_YEAR.search(lower):
        return dt.date(int(m[2]), _MONTH_ABBR[m[1][:3]], 1), "month", "explicit"
    if published is None:
        return _bare_year(lower)
    words = set(re.findall(r"[a-z]+", lower))
    forward = forward or bool(words & _FUTURE_HINTS)
    for i, name in enumerate(_WEEKDAYS):
        if name in words:
            delta = (published.weekday() - i) % 7
            if forward or "next" in words:
                return published + dt.timedelta(days=(i - published.weekday()) % 7 or 7), "day", "relative"
            return published - dt.timedelta(days=delta), "day", "relative"
    if "today" in words or "tonight" in words:
        return published, "day", "relative"
    if "yesterday" in words:
        return published - dt.timedelta(days=1), "day", "relative"
    if "tomorrow" in words:
        return published + dt.timedelta(days=1), "day", "relative"
    if "year" in words or "years" in words:
        shift = -1 if words & {"last", "past", "previous"} else 1 if "next" in words else 0
        if "end" in words and shift == 0:
            return dt.date(published.year, 12, 1), "month", "relative"
        return dt.date(published.year + shift, 1, 1), "year", "relative"
    if "month" in words:
        shift = -1 if "last" in words else 1 if "next" in words else 0
        return _shift_month(published, shift), "month", "relative"
    if "week" in words:
        shift = -7 if "last" in words else 7 if "next" in words else 0
        return published + dt.timedelta(days=shift), "day", "relative"
    for i, name in enumerate(MONTHS):
        if name in words:
            year = published.year + (1 if forward and i + 1 < published.month else 0)
            return dt.date(year, i + 1, 1), "month", "relative"
    return _bare_year(lower)


def _bare_year(lower: str) -> ResolvedDate | None:
    m = _YEAR.search(lower)
    return (dt.date(int(m[1]), 1, 1), "year", "explicit") if m else None


def _dated(day: int, month: int, year: str | None, published: dt.date | None, forward: bool) -> ResolvedDate | None:
    if year:
        try:
            return dt.date(int(year), month, day), "day", "explicit"
        except ValueError:
            return None
    if published is None:
        return None
    guess = published.year + (1 if forward and month < published.month else 0)
    try:
        return dt.date(guess, month, day), "day", "relative"
    except ValueError:
        return None


class DateStage:
    """Give each event the date its sentence supports, resolved against the publication date.

    An expression attached to the trigger wins over one elsewhere in the sentence; an asserted or
    negated event with no expression takes the publication date (basis ``publication``); a future
    or hypothetical one without an expression keeps ``date`` None.
    """

    name = "dates"
    requires = ("parsed", "events")
    provides = ("dates",)

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        parsed: Doc = doc.parsed
        published = doc.article.published
        dates = [e for e in parsed.ents if e.label_ == "DATE"]  # read once: Doc.ents walks the whole doc
        starts = [e.start_char for e in dates]
        events = [self._date(parsed, e, published,
                             dates[bisect.bisect_left(starts, e.sentence.start):bisect.bisect_right(starts, e.sentence.end)])
                  for e in doc.events]
        return doc.model_copy(update={"events": events})

    def _date(self, parsed: Doc, event: Event, published: dt.date | None, dates: list[Span]) -> Event:
        trigger = parsed.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trigger is None:
            return event
        forward = event.modality in ("future", "hypothetical")
        in_sentence = [e for e in dates if e.end_char <= event.sentence.end]
        for ent in _date_entities(in_sentence, trigger.root):
            found = resolve_expression(ent.text, published, forward=forward)
            if found is not None:
                day, precision, how = found
                return event.model_copy(update={"date": day, "date_precision": precision, "date_basis": how,
                                                "date_text": ent.text})
        if published is not None and event.modality in ("asserted", "negated"):
            return event.model_copy(update={"date": published, "date_precision": "day", "date_basis": "publication"})
        return event


def _date_entities(ents: list[Span], trigger: Token) -> list[Span]:
    """The sentence's DATE entities, those nearest the trigger (in the tree, then in words) first: a
    date said of the trigger itself, then one inside a clause the trigger holds ("After detaining
    them in 2016, Iran agreed on Tuesday": 2016 dates the detention), then the rest."""

    def tier(ent: Span) -> int:
        if ent.root.head == trigger or ent.root.head.head == trigger:
            return 0
        crossed = False
        for t in ent.root.ancestors:
            if t.i == trigger.i:
                return 1 if crossed else 0
            crossed = crossed or t.pos_ in ("VERB", "AUX")
        return 2

    def distance(ent: Span) -> tuple[int, int]:
        words = min(abs(ent.start - trigger.i), abs(ent.end - 1 - trigger.i))
        return (tier(ent), words)

    return sorted(ents, key=distance)
