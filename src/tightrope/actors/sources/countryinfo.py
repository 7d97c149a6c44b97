"""Read CountryInfo.140728.txt (Open Event Data Alliance, MIT): leaders ~1960-2011, cabinets 2003-2011.

The file is "almost XML" (its header documents the format). ``<Leaders>`` sub-tags name the post
("<Prime ministers>") and give day-exact terms; ``<Government>`` lines give a CAMEO code and a
term per post and the CIA's title after ``#`` ("Minister of Foreign Affairs & Governor, Central
Bank"), month-exact. ``[<d]`` means "in office when coding began" (Jan 2003) and ``[>d]`` "in office
at the last update" (Feb 2011 for ``<Government>``); the converter records those bounds as the
source's coverage, never as the real start or end of the term.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .records import Holding, display_name, month_date
from .roles import normalise_role

__all__ = ["CountryBlock", "read_countryinfo", "GOVERNMENT_START", "GOVERNMENT_END", "LEADERS_END"]

SOURCE = "CountryInfo.140728"
#: What ``<`` and ``>`` stand for in ``<Government>`` (the file's header: "Jan-2003 to Feb-2011").
GOVERNMENT_START = dt.date(2003, 1, 1)
GOVERNMENT_END = dt.date(2011, 3, 1)
#: ``<Leaders>`` come from rulers.org "to around 2009" and were updated to 2011 in places; an open
#: term there is known to run to this date at most.
LEADERS_END = dt.date(2010, 1, 1)

_TERM = re.compile(r"\[\s*([A-Z]{3,}[A-Z0-9]*\s+)?([<>]?\d{8})(?:\s*-\s*(\d{8}))?\s*\]")
_NAME = re.compile(r"^\s*((?:\{[^}]*\}\s*)+[^\[#]*?|[A-Z0-9][^\[#]*?)\s*\[")


@dataclass
class CountryBlock:
    """One ``<Country>`` block: its codes, names and the posts held in it."""

    iso3: str
    name: str
    cow: str | None = None
    adjectives: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    holdings: list[Holding] = field(default_factory=list)


def _singular(tag: str) -> str:
    """A list's heading as one post: "Prime ministers" -> "Prime minister", "Heads of state" -> "Head of state"."""
    head, sep, tail = tag.partition(" of ")
    words = head.split()
    if words:
        last = words[-1]
        if last.lower().endswith("ies"):
            words[-1] = last[:-3] + "y"
        elif last.lower().endswith("s") and not last.lower().endswith("ss"):
            words[-1] = last[:-1]
    return " ".join(words) + sep + tail


def _names(text: str) -> list[str]:
    found = [*re.findall(r"\{([^}]*)\}", text), re.sub(r"\{[^}]*\}", "", text)]
    return [display_name(n) for n in found if n.strip(" _\t")]


def _term(start: str, end: str | None, low: dt.date, high: dt.date) -> tuple[dt.date | None, dt.date | None, str, str]:
    if start.startswith("<"):
        return low, month_date(start[1:]), "source start: in office when coding began", "day"
    if start.startswith(">"):
        return month_date(start[1:]), high, "day", "source end: in office at the source's last update"
    return month_date(start), month_date(end) if end else None, "day", "day"


def _titles(comment: str, count: int, codes: list[str]) -> list[str]:
    """Pair the "&"-joined titles with the terms: the same number, or one title per run of a code."""
    titles = [t.strip() for t in comment.split("&") if t.strip()] or ["official"]
    if len(titles) == count:
        return titles
    runs = [i for i, c in enumerate(codes) if i == 0 or c != codes[i - 1]]
    if len(titles) == len(runs):
        out, k = [], -1
        for i in range(count):
            k += i in runs
            out.append(titles[k])
        return out
    # Titles and terms that cannot be paired keep the whole list as the title: "Prime Minister & President".
    return [titles[0]] * count if len(titles) == 1 else [" & ".join(titles) + " (one of)"] * count


def read_countryinfo(path: str | Path, problems: list[str]) -> list[CountryBlock]:
    """Every country block with its leaders and government posts; unreadable lines go to ``problems``."""
    text = Path(path).read_bytes().decode("utf-8", errors="replace")
    blocks: list[CountryBlock] = []
    block: CountryBlock | None = None
    section, post = "", ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        stripped = line.strip()
        if stripped == "<Country>":
            block, section = CountryBlock("", ""), ""
            blocks.append(block)
            continue
        if block is None:
            continue
        tag = re.fullmatch(r"<(\w[\w\-]*)>(.*)</\1>", stripped)
        if tag:
            key, value = tag.groups()
            if key == "CountryCode":
                # "[USRUKR >19910824][UKRUNR 19910824-19911221][UKR >19911221]": the code it has now is the last.
                codes = re.findall(r"\[([A-Z]+)", value)
                block.iso3 = codes[-1] if codes else value.strip()
            elif key == "CountryName":
                block.name = display_name(value)
            elif key == "COW-Alpha" and value.strip() not in ("---", ""):
                block.cow = value.strip()
            continue
        if stripped.startswith("</"):
            if stripped[2:-1] in ("Leaders", "Government", "Nationality", "Capital"):
                section = ""
            post = "" if section == "Leaders" else post
            continue
        if stripped in ("<Leaders>", "<Government>", "<Nationality>", "<Capital>"):
            section, post = stripped[1:-1], ""
            continue
        if section == "Leaders" and stripped.startswith("<") and stripped.endswith(">"):
            post = _singular(stripped[1:-1])
            continue
        if section == "Government" and stripped.startswith("#<"):
            post = _singular(stripped[2:].split(">")[0])  # the USA's rulers.org lists: "#<Secretary of State>"
            continue
        body = stripped.split("#", 1)[0].strip()
        if not body:
            continue
        if section in ("Nationality", "Capital"):
            (block.adjectives if section == "Nationality" else block.capitals).append(display_name(body))
            continue
        if section not in ("Leaders", "Government"):
            continue
        name_match = _NAME.match(body)
        terms = _TERM.findall(body)
        if not name_match or not terms:
            problems.append(f"{SOURCE}:{number}: no name or term in {stripped[:80]!r}")
            continue
        names = _names(name_match.group(1))
        comment = stripped.split("#", 1)[1] if "#" in stripped else ""
        codes = [(c or "").strip() for c, _, _ in terms]
        if section == "Leaders":
            titles = [post] * len(terms)
            low, high = dt.date.min, LEADERS_END
        else:
            titles = [post] * len(terms) if post and not comment.strip() else _titles(comment, len(terms), codes)
            low, high = GOVERNMENT_START, GOVERNMENT_END
        for (code, start, end), title in zip(terms, titles):
            begin, finish, start_basis, end_basis = _term(start, end or None, low, high)
            if begin is None and not start.startswith("<") or (start and not start.startswith(("<", ">")) and end and finish is None):
                problems.append(f"{SOURCE}:{number}: bad date in {stripped[:80]!r}")
                continue
            code = code.strip() or f"{block.iso3[:3]}GOV"
            country = code[:3] if not code.startswith("IGO") else code
            sector = code[3:6] if len(code) >= 6 and not code.startswith("IGO") else "GOV"
            if sector == "ELI":
                continue  # "elite": a former official, no post
            title = title.strip(' "') or "official"
            role = normalise_role(title)
            if len(block.iso3) != 3 and not code.startswith("IGO"):
                role = f"{role} of {block.name}"  # a territory or entity inside a state: Gibraltar, Republika Srpska
            blocks[-1].holdings.append(Holding(
                name=names[0], country=block.iso3[:3] if country == code[:3] and not code.startswith("IGO") else country,
                role=role, title=title, sector=sector, start=begin, end=finish,
                source=f"{SOURCE} {section} line {number}", start_basis=start_basis, end_basis=end_basis,
                aliases=tuple(names[1:])))
    return [b for b in blocks if b.iso3]
