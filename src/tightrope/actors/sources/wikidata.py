"""Heads of state and government 2017-2024 from Wikidata (every-politician-scrapers, CC0).

Years only: a term that starts in 2017 is recorded from 2017-01-01 with ``start_basis`` "year", and
one that ends in 2022 runs to 2022-12-31 with ``end_basis`` "year". Labels Wikidata left as raw QIDs
(a name the query could not resolve) are dropped and counted.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

from .records import Holding, name_key
from .roles import normalise_role

__all__ = ["read_wikidata"]

SOURCE = "wikidata.csv (world-leaders-2021, 2024-10-23)"


def read_wikidata(path: str | Path, countries: dict[str, str], problems: list[str]) -> list[Holding]:
    """One holding per row; ``countries`` maps a country-name key to its ISO3 code."""
    found = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            person, post = row["officeholderLabel"], row["positionLabel"]
            if re.fullmatch(r"Q\d+", person) or re.fullmatch(r"Q\d+", post):
                problems.append(f"wikidata.csv:{number}: unresolved label {person!r} / {post!r}; dropped")
                continue
            iso3 = countries.get(name_key(row["country"]))
            if not iso3:
                problems.append(f"wikidata.csv:{number}: unknown country {row['country']!r}; dropped")
                continue
            title = re.sub(r"\s+of\s+(the\s+)?" + re.escape(row["country"]) + r".*$", "", post, flags=re.I) or post
            start = dt.date(int(row["start_year"]), 1, 1) if row["start_year"] else None
            end = dt.date(int(row["end_year"]) + 1, 1, 1) if row["end_year"] else None
            found.append(Holding(name=person, country=iso3, role=normalise_role(title), title=post, sector="GOV",
                                 start=start, end=end, source=f"{SOURCE} line {number}", start_basis="year",
                                 end_basis="year" if end else "open: in office when the list was made (2024-10)"))
    return found
