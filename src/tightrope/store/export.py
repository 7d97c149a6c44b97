"""Exports: GDELT-like CSV and Parquet, PLOVER-style JSON, and a date-partitioned Parquet dataset.

Column mapping (GDELT 2.0 event table name ← Tightrope field) is documented in docs/EXPORTS.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from ..errors import ConfigError
from .db import Store

__all__ = ["export", "GDELT_SELECT", "FORMATS"]

FORMATS = ("csv", "parquet", "plover-json", "parquet-dataset")
Format = Literal["csv", "parquet", "plover-json", "parquet-dataset"]

GDELT_SELECT = """
SELECT id AS GLOBALEVENTID,
       CAST(strftime(first_date, '%Y%m%d') AS INTEGER) AS SQLDATE,
       first_date AS EventDate,
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
        out.write_text(json.dumps(_plover_records(store), ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return out


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
