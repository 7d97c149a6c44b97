"""Exports: GDELT-like CSV and Parquet, PLOVER-style JSON, and a date-partitioned Parquet dataset.

Column mapping (GDELT 2.0 event table name ← Tightrope field) is documented in docs/EXPORTS.md.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO, Literal

from ..errors import ConfigError
from .db import Store

__all__ = ["export", "export_stream", "GDELT_SELECT", "FORMATS", "STREAM_FORMATS"]

FORMATS = ("csv", "parquet", "plover-json", "parquet-dataset")
#: The formats that can be written to a stream such as standard output (Parquet needs a file it can seek in).
STREAM_FORMATS = ("csv", "plover-json")
Format = Literal["csv", "parquet", "plover-json", "parquet-dataset"]

GDELT_SELECT = """
SELECT id AS GLOBALEVENTID,
       CAST(strftime(first_date, '%Y%m%d') AS INTEGER) AS SQLDATE,
       first_date AS EventDate,
       CASE WHEN first_date IS NOT NULL THEN coalesce(date_precision, 'day') END AS DatePrecision,
       source_code AS Actor1Code, source_name AS Actor1Name, source_country AS Actor1CountryCode,
       target_code AS Actor2Code, target_name AS Actor2Name, target_country AS Actor2CountryCode,
       cameo AS EventCode, substr(cameo, 1, 3) AS EventBaseCode, substr(cameo, 1, 2) AS EventRootCode,
       quad_class AS QuadClass, goldstein AS GoldsteinScale,
       num_mentions AS NumMentions, num_sources AS NumSources, num_articles AS NumArticles,
       source_url AS SOURCEURL,
       modality AS Modality, plover_type AS PloverType, plover_mode AS PloverMode,
       array_to_string(topics, ';') AS Topics, evidence AS Evidence,
       year(first_date) AS Year, month(first_date) AS Month
FROM events
"""


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export(store: Store, fmt: Format, out: str | Path) -> Path:
    """Write the store's deduplicated events to ``out``.

    Args:
        store: the store.
        fmt: csv, parquet, plover-json, or parquet-dataset (a folder partitioned by Year and Month).
        out: the file (or folder, for parquet-dataset) to write.

    Returns:
        The path written.
    """
    out = Path(out)
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    ordered = f"{GDELT_SELECT} ORDER BY first_date NULLS LAST, id"
    if fmt == "csv":
        store.con.execute(f"COPY ({ordered}) TO {_literal(out)} (HEADER, DELIMITER ',')")
    elif fmt == "parquet":
        store.con.execute(f"COPY ({ordered}) TO {_literal(out)} (FORMAT PARQUET)")
    elif fmt == "parquet-dataset":
        dated = f"SELECT * FROM ({GDELT_SELECT}) WHERE Year IS NOT NULL ORDER BY EventDate, GLOBALEVENTID"
        store.con.execute(
            f"COPY ({dated}) TO {_literal(out)} (FORMAT PARQUET, PARTITION_BY (Year, Month), OVERWRITE_OR_IGNORE)")
    else:
        out.write_text(_plover_json(store), encoding="utf-8")
    return out


def export_stream(store: Store, fmt: Format, stream: BinaryIO) -> None:
    """Write the store's deduplicated events to an open binary stream, as :func:`export` writes a file.

    Args:
        store: the store.
        fmt: csv or plover-json (:data:`STREAM_FORMATS`).
        stream: where to write, e.g. standard output's buffer.

    Raises:
        ConfigError: ``fmt`` is unknown, or a Parquet format, which needs a file.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt not in STREAM_FORMATS:
        raise ConfigError(f"the {fmt!r} export cannot be written to a stream: Parquet needs a file it can seek in; "
                          f"give a file path (a folder for parquet-dataset), or choose {' or '.join(STREAM_FORMATS)}")
    if fmt == "plover-json":
        stream.write(_plover_json(store).encode("utf-8"))
    else:
        # DuckDB's COPY writes only files: the bytes are the same as an export to a file.
        with tempfile.TemporaryDirectory(prefix="tightrope-export-") as folder:
            with export(store, fmt, Path(folder) / "events.csv").open("rb") as written:
                shutil.copyfileobj(written, stream)
    stream.flush()


def _plover_json(store: Store) -> str:
    return json.dumps(_plover_records(store), ensure_ascii=False, indent=1, default=str)


def _plover_records(store: Store) -> list[dict]:
    """PLOVER-style records: one per event, with actors as {actorText, code, sector}."""
    rows = store.rows("""
        SELECT e.id, e.first_date, e.plover_type, e.plover_mode, e.topics, e.evidence, e.modality, e.cameo,
               m.source_name, m.source_code, m.source_sector, m.target_name, m.target_code, m.target_sector,
               m.trigger, e.num_articles
        FROM events e JOIN event_mentions m ON m.id = e.mention_id
        WHERE e.plover_type IS NOT NULL
        ORDER BY e.first_date NULLS LAST, e.id""")
    records = []
    for r in rows:
        record = {
            "id": r["id"], "date": str(r["first_date"]) if r["first_date"] else None, "event": r["plover_type"],
            "mode": r["plover_mode"] or "", "context": r["topics"] or [], "text": r["evidence"],
            "eventText": r["trigger"], "modality": r["modality"], "cameo": r["cameo"],
            "source": [{"actorText": r["source_name"], "code": r["source_code"], "sector": r["source_sector"]}],
            "target": [{"actorText": r["target_name"], "code": r["target_code"], "sector": r["target_sector"]}]
            if r["target_name"] else [],
            "numArticles": r["num_articles"],
        }
        records.append(record)
    return records
