"""Package data: dictionaries and codebooks, each with a README naming its sources."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

from ..errors import DataError

__all__ = ["read_table", "split_list", "state_codes"]


def read_table(name: str, columns: Sequence[str], path: str | Path | None = None) -> Iterator[dict[str, str]]:
    """Read a CSV table shipped in ``tightrope/data`` (or a user file that replaces it).

    Args:
        name: the file's path under ``tightrope/data``, e.g. ``"actors/countries.csv"``.
        columns: the columns the caller needs; a file lacking any is refused.
        path: a file to read instead of the packaged one.

    Yields:
        One dict per row, keyed by column, values stripped.

    Raises:
        DataError: the file is missing a column or a row has the wrong number of fields.
    """
    source = Path(path) if path else resources.files(__package__).joinpath(name)
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(
                f"{source}: missing column(s) {', '.join(missing)}; it has {', '.join(reader.fieldnames or [])}"
            )
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise DataError(f"{source}:{reader.line_num}: wrong number of fields; quote values holding commas")
            yield {k: v.strip() for k, v in row.items()}


def split_list(value: str) -> list[str]:
    """Split a ``|``-separated cell into its non-empty parts."""
    return [part.strip() for part in value.split("|") if part.strip()]


def state_codes() -> frozenset[str]:
    """The ISO3 codes an actor's country may carry: the states of ``actors/countries.csv`` and the
    territories of ``actors/territories.csv``."""
    return frozenset(row["iso3"] for name in ("countries", "territories")
                     for row in read_table(f"actors/{name}.csv", ("iso3",)))
