"""State start and end dates from the Gleditsch-Ward list (andybega/states, MIT), with ISO3 codes.

GW uses its own three-letter codes; they are mapped to ISO3 through CountryInfo's COW-Alpha column
(the GW and COW codes agree for almost every state), then by name, then by ``GW_TO_ISO3`` below.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .records import name_key

__all__ = ["StateSpan", "read_states", "GW_TO_ISO3"]

#: GW codes no other route maps (checked by hand against the GW country names).
GW_TO_ISO3 = {"GMY": "DEU", "GFR": "DEU", "GDR": "DDR", "YPR": "YMD", "RVN": "VDR", "ZAN": "ZAN", "CZR": "CZE", "CZE": "CSK", "MNG": "MNE", "MAC": "MKD", "SER": "SRB", "KOS": "XKX",
              "ETM": "TLS", "SUD": "SDN", "YUG": "YUG", "RUS": "RUS", "DRV": "VNM", "ROK": "KOR", "PRK": "PRK",
              "MYA": "MMR", "ZAI": "COD", "DRC": "COD", "CON": "COG", "BFO": "BFA", "IVO": "CIV"}


@dataclass(frozen=True)
class StateSpan:
    """One period of independence of one state (a state with interrupted independence has several)."""

    iso3: str
    name: str
    start: dt.date
    end: dt.date | None
    source: str


def read_states(path: str | Path, cow_to_iso: dict[str, str], names: dict[str, str], problems: list[str]) -> list[StateSpan]:
    """Every GW row with an ISO3 code; rows no route maps go to ``problems``."""
    spans = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = row["gwc"]
            iso3 = GW_TO_ISO3.get(code) or cow_to_iso.get(code) or names.get(name_key(row["country_name"].split("(")[0]))
            if not iso3:
                problems.append(f"{Path(path).name}: no ISO3 code for GW {code} {row['country_name']!r}; skipped")
                continue
            end = None if row["end"].startswith("9999") else dt.date.fromisoformat(row["end"])
            spans.append(StateSpan(iso3, row["country_name"], dt.date.fromisoformat(row["start"]), end, f"gwstates.csv ({code})"))
    return spans
