"""Import actor and agent dictionaries in the CAMEO/PETRARCH text format.

The format, as PETRARCH documents it::

    # comment
    HAMID_KARZAI_  [AFGGOV 011222-141231]     a phrase (words joined by _) and its code
    +KARZAI_                                  a synonym of the entry above
    [AFGMIL >020101]                          another code for the entry above
    PRESIDENT_  [~GOV]                        an agent (sector) code, in agent dictionaries

Date restrictions: ``YYMMDD-YYMMDD`` (a range), ``>YYMMDD`` (from), ``<YYMMDD`` (until).
Two-digit years below 50 are 20YY, the rest 19YY.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError
from .kb import Alias, Entity, KnowledgeBase, Role

__all__ = ["DictEntry", "DictCode", "parse_petrarch", "merge_petrarch"]

_CODE = re.compile(r"\[([^\]]+)\]")


@dataclass(frozen=True)
class DictCode:
    """A code with the dates it holds for."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class DictEntry:
    """One dictionary entry: its phrases and codes."""

    phrases: list[str] = field(default_factory=list)
    codes: list[DictCode] = field(default_factory=list)


def _yymmdd(value: str, where: str) -> dt.date:
    if re.fullmatch(r"\d{8}", value):  # the Phoenix files also write YYYYMMDD
        year, value = int(value[:4]), value[2:]
    elif re.fullmatch(r"\d{6}", value):
        year = int(value[:2])
        year = 2000 + year if year < 50 else 1900 + year
    else:
        raise DataError(f"{where}: bad date {value!r} in a code; PETRARCH dates are YYMMDD")
    try:
        return dt.date(year, int(value[2:4]), int(value[4:6]))
    except ValueError:
        raise DataError(f"{where}: {value!r} is not a real date") from None


def _code(text: str, where: str) -> DictCode:
    parts = text.split()
    if not parts:
        raise DataError(f"{where}: empty code []")
    code, dates = parts[0], "".join(parts[1:])
    if not dates:
        return DictCode(code)
    if dates.startswith(">"):
        return DictCode(code, start=_yymmdd(dates[1:], where))
    if dates.startswith("<"):
        return DictCode(code, end=_yymmdd(dates[1:], where))
    if "-" in dates:
        first, last = dates.split("-", 1)
        return DictCode(code, _yymmdd(first, where), _yymmdd(last, where))
    raise DataError(f"{where}: cannot read the date restriction {dates!r}; use YYMMDD-YYMMDD, >YYMMDD or <YYMMDD")


def _phrase(token: str) -> str:
    return " ".join(w for w in token.strip().strip("+").split("_") if w).title()


def parse_petrarch(text: str, source: str = "dictionary", problems: list[str] | None = None) -> list[DictEntry]:
    """Parse a PETRARCH-format dictionary.

    Args:
        text: the file's text.
        source: its name, for error messages.
        problems: when given, a code that cannot be read is recorded here and skipped instead of
            stopping the parse (large third-party files hold a few).

    Returns:
        The entries, in file order.
    """
    entries: list[DictEntry] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{source}:{number}"
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        codes = []
        for text_code in _CODE.findall(line):
            try:
                codes.append(_code(text_code, where))
            except DataError as error:
                if problems is None:
                    raise
                problems.append(str(error))
        head = _CODE.sub("", line).strip()
        if head.startswith("+"):
            if not entries:
                raise DataError(f"{where}: synonym {head!r} before any entry")
            entries[-1].phrases.append(_phrase(head))
            entries[-1].codes += codes
        elif head:
            entries.append(DictEntry([_phrase(head)], codes))
        elif codes:
            if not entries:
                raise DataError(f"{where}: code line before any entry")
            entries[-1].codes += codes
    return entries


def merge_petrarch(kb: KnowledgeBase, path: str | Path, kind: str = "actors") -> int:
    """Add a PETRARCH actor or agent dictionary to a knowledge base.

    Actor entries whose codes carry dates become people with dated roles (country = the
    code's first three letters, sector = the rest); undated ones become organisations.
    Agent entries (``[~GOV]``) become agent words.

    Args:
        kb: the knowledge base to extend.
        path: the dictionary file.
        kind: ``actors`` or ``agents``.

    Returns:
        How many entries were added.
    """
    if kind not in ("actors", "agents"):
        raise DataError(f"dictionary kind {kind!r} is unknown; use 'actors' or 'agents'")
    entries = parse_petrarch(Path(path).read_text(encoding="utf-8", errors="replace"), str(path))
    added = 0
    for entry in entries:
        if not entry.codes:
            continue
        if kind == "agents":
            sector = entry.codes[0].code.lstrip("~")
            for phrase in entry.phrases:
                kb.agents.setdefault(phrase.lower(), (sector, False))
            added += 1
            continue
        entity_id = "petrarch:" + entry.phrases[0].lower().replace(" ", "-")
        country = entry.codes[0].code[:3]
        dated = any(c.start or c.end for c in entry.codes)
        if dated:
            kb.add(Entity(entity_id, entry.phrases[0], "person"))
            for c in entry.codes:
                kb.roles[entity_id].append(Role(c.code[3:] or "official", c.code[3:6] or "GOV", c.code[:3], c.start, c.end))
            form = "person"
        else:
            kb.add(Entity(entity_id, entry.phrases[0], "organization",
                          country=country if country in kb.entities else None, code=entry.codes[0].code))
            form = "name"
        for phrase in entry.phrases:
            kb.alias(phrase, Alias(entity_id, form))
        added += 1
    return added
