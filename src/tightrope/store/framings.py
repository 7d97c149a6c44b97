"""Contested wordings found in quotes at ingest, so a dyad brief reads its framing lines from a small
table (only the quotes that use a term) instead of scanning every quote of the two sides (issue #15, point 8).

``data/relations/framings.csv`` lists, per contested issue, one side's terms and the other's
("Indo-Pacific" against "Asia Pacific"). Each quote with a known speaker country that uses a term
is a row of ``framing_mentions``: the quote, its speaker, the issue, the side and the term (the
first listed when it uses several of one side).
"""

from __future__ import annotations

import functools

import duckdb

from ..data import read_table, split_list

__all__ = ["load_framings", "fill_framings"]


@functools.lru_cache(maxsize=1)
def load_framings() -> list[tuple[str, list[str], list[str]]]:
    """Contested wordings: (issue, one side's terms, the other side's terms)."""
    return [(r["issue"], split_list(r["terms_a"]), split_list(r["terms_b"]))
            for r in read_table("relations/framings.csv", ("issue", "terms_a", "terms_b"))]


def _terms() -> list[list]:
    rows = [(issue, side, rank, term) for issue, terms_a, terms_b in load_framings()
            for side, listed in (("a", terms_a), ("b", terms_b)) for rank, term in enumerate(listed)]
    return [[r[i] for r in rows] for i in range(4)]


def fill_framings(con: duckdb.DuckDBPyConnection, quote_ids: list[str] | None = None) -> None:
    """Find the contested terms in the quotes with these ids (all quotes when None) and store them."""
    if quote_ids is not None and not quote_ids:
        return
    chosen = "" if quote_ids is None else f"AND id IN ({', '.join('?' * len(quote_ids))})"
    con.execute(f"""
        INSERT OR IGNORE INTO framing_mentions
        WITH terms AS (SELECT unnest(?) AS issue, unnest(?) AS side, unnest(?) AS rank, unnest(?) AS term)
        SELECT q.id, q.article_id, q.speaker_country, q.speaker_name, q.text, t.issue, t.side, arg_min(t.term, t.rank)
        FROM (SELECT * FROM quotes WHERE speaker_country IS NOT NULL {chosen}) q
        JOIN terms t ON contains(lower(q.text), lower(t.term))
        GROUP BY q.id, q.article_id, q.speaker_country, q.speaker_name, q.text, t.issue, t.side""",
                [*_terms(), *(quote_ids or [])])
