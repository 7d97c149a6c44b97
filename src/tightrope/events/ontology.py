"""The CAMEO codebook with Goldstein scores, QuadClass and the PLOVER mapping."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..data import read_table
from ..errors import DataError

__all__ = ["CameoCode", "load_ontology", "quad_class", "UNDIRECTED_ROOTS"]

#: Roots whose acts have no direction: a meeting (04) or material cooperation (06) of A with B is
#: also B's with A. Decoding, scoring and agreement all compare such events either way round.
UNDIRECTED_ROOTS = frozenset({"04", "06"})


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code."""

    code: str
    name: str
    goldstein: float
    plover_type: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        """The two-digit root ("11" for "111")."""
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
        return quad_class(self.code)


def quad_class(code: str) -> int:
    """Return the QuadClass of a CAMEO code, as GDELT defines it from the root."""
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise DataError(f"CAMEO code {code!r} has no root between 01 and 20")
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@functools.lru_cache(maxsize=1)
def load_ontology() -> dict[str, CameoCode]:
    """Load the packaged CAMEO codebook, keyed by code.

    Returns:
        Every code, root codes ("11") included.
    """
    codes: dict[str, CameoCode] = {}
    for row in read_table("events/cameo.csv", ("code", "name", "goldstein", "plover_type", "plover_mode")):
        try:
            goldstein = float(row["goldstein"])
        except ValueError:
            raise DataError(f"events/cameo.csv: code {row['code']} has a bad Goldstein score {row['goldstein']!r}") from None
        codes[row["code"]] = CameoCode(
            row["code"], row["name"], goldstein, row["plover_type"] or None, row["plover_mode"] or None
        )
    return codes
