"""The sectors an actor can belong to (CAMEO agent codes) and what each says about it:
``data/actors/sectors.csv`` is the one table the stages read them from.

- :data:`NOT_THE_STATE`: sectors of people who belong to a country without acting for its state
  (insurgents, the opposition, the press, private citizens); their dealings are no relation of
  their state (docs/BRIEFS.md "What makes a line").
- :data:`CIVILIAN`: sectors an armed attack on which is unconventional violence, not a battle
  (``events/pairs.py``).
- :data:`NATIONAL_GROUPS`: groups that stand for a part of their country's people and place the
  sentence they are named in at home ("UNITA", of Angola; ``actors/resolve.py``).
"""

from __future__ import annotations

from pathlib import Path

from ..data import read_table
from ..errors import DataError

__all__ = ["load_sectors", "SECTORS", "NOT_THE_STATE", "CIVILIAN", "NATIONAL_GROUPS"]


def load_sectors(path: str | Path | None = None) -> dict[str, dict[str, str]]:
    """code -> the row of ``data/actors/sectors.csv`` (or of the file at ``path``), the yes/no columns checked."""
    rows = {}
    for row in read_table("actors/sectors.csv", ("code", "name", "acts_for_state", "civilian", "national_group"), path):
        for column in ("acts_for_state", "civilian", "national_group"):
            if row[column] not in ("yes", "no"):
                raise DataError(f"actors/sectors.csv: {row['code']}: {column} must be yes or no, not {row[column]!r}")
        rows[row["code"]] = row
    return rows


#: code -> the row of data/actors/sectors.csv
SECTORS = load_sectors()
NOT_THE_STATE = frozenset(code for code, row in SECTORS.items() if row["acts_for_state"] == "no")
CIVILIAN = frozenset(code for code, row in SECTORS.items() if row["civilian"] == "yes")
NATIONAL_GROUPS = frozenset(code for code, row in SECTORS.items() if row["national_group"] == "yes")
