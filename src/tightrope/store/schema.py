"""The DuckDB schema, its version, and the migrations that bring an older file up to date.

Tables (one row per ...):

- ``meta``            key/value pairs; ``schema_version`` says which migrations have run.
- ``articles``        analysed article (id = content hash of title + text).
- ``actors``          actor found in an article.
- ``mentions``        mention of an actor: character offsets into the article text.
- ``event_mentions``  event as one article reports it, with its sentence and trigger (the evidence)
                      and why the coder coded it (``explain``, JSON).
- ``events``          real-world event: event mentions merged across articles (same source,
                      target, CAMEO code and modality, dates within ``DEDUP_WINDOW_DAYS``), with
                      NumMentions, NumArticles, NumSources as in GDELT, and the precision of its
                      first date (day, month or year), the article of its first report and
                      whether it is background (history told by the article). Kept up to date from
                      ``event_mentions`` after every batch, so it never drifts from them.
- ``pair_totals``     per pair of countries (and background or not): the asserted events between
                      them, each way, and their Goldstein sum, kept with ``events`` so the
                      network does not group every event per request.
- ``quotes``          quotation with its speaker.
- ``framing_mentions`` quote using a contested wording ("Indo-Pacific" / "Asia Pacific"), by issue and side.
- ``issues``          input or stage that could not be analysed, with the reason.
"""

from __future__ import annotations

__all__ = ["SCHEMA_VERSION", "MIGRATIONS", "DEDUP_WINDOW_DAYS"]

#: Event mentions of one dyad and code whose dates lie this close are one real-world event.
DEDUP_WINDOW_DAYS = 3

_REF = "{p}_actor_id VARCHAR, {p}_name VARCHAR, {p}_country VARCHAR, {p}_code VARCHAR, {p}_sector VARCHAR"

_V1 = [
    "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, published DATE, source_path VARCHAR,
        language VARCHAR, site VARCHAR, text VARCHAR)""",
    """CREATE TABLE actors (
        article_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, code VARCHAR,
        role VARCHAR, members VARCHAR[], PRIMARY KEY (article_id, actor_id))""",
    """CREATE TABLE mentions (
        article_id VARCHAR, actor_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
        PRIMARY KEY (article_id, actor_id, start_char))""",
    f"""CREATE TABLE event_mentions (
        id VARCHAR PRIMARY KEY, article_id VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
        sentence VARCHAR, trigger_start INTEGER, trigger_end INTEGER, trigger VARCHAR,
        {_REF.format(p='source')}, {_REF.format(p='target')},
        cameo VARCHAR, cameo_name VARCHAR, goldstein DOUBLE, quad_class INTEGER, plover_type VARCHAR,
        plover_mode VARCHAR, modality VARCHAR, date DATE, date_precision VARCHAR, date_basis VARCHAR,
        date_text VARCHAR, topics VARCHAR[], quote_id VARCHAR, confidence DOUBLE)""",
    """CREATE TABLE quotes (
        id VARCHAR PRIMARY KEY, article_id VARCHAR, text VARCHAR, start_char INTEGER, end_char INTEGER,
        kind VARCHAR, speaker_actor_id VARCHAR, speaker_name VARCHAR, speaker_country VARCHAR)""",
    """CREATE TABLE issues (
        id VARCHAR PRIMARY KEY, article_id VARCHAR, source VARCHAR, stage VARCHAR, reason VARCHAR)""",
    """CREATE TABLE events (
        id VARCHAR PRIMARY KEY, source_key VARCHAR, target_key VARCHAR, source_name VARCHAR,
        source_country VARCHAR, source_code VARCHAR, target_name VARCHAR, target_country VARCHAR,
        target_code VARCHAR, cameo VARCHAR, cameo_name VARCHAR, goldstein DOUBLE, quad_class INTEGER,
        plover_type VARCHAR, plover_mode VARCHAR, modality VARCHAR, first_date DATE, last_date DATE,
        num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER, topics VARCHAR[],
        evidence VARCHAR, source_url VARCHAR, mention_id VARCHAR)""",
]

#: Version 2: a real-world event keeps how precise its first date is ("later this year" is a year, not
#: 1 January). Files from version 1 get the column empty, read as day precision until the next ingest
#: rebuilds the events table.
_V2 = ["ALTER TABLE events ADD COLUMN date_precision VARCHAR"]

#: Version 3: each event mention keeps why it was coded (the coder's ``explain``, as JSON text).
#: Mentions stored before it have none.
_V3 = ["ALTER TABLE event_mentions ADD COLUMN explain VARCHAR"]

#: Version 4: an actor keeps what its role on the article date rests on ("held on 2004-06-01
#: (CountryInfo ...)", "no post recorded on that date"), or why a state name is not that state then.
_V4 = ["ALTER TABLE actors ADD COLUMN role_basis VARCHAR"]

#: Version 5: what each clause says about the relations of two states (``relations`` stage), so a
#: dyad brief is one indexed query. Articles stored before it have none until ingested again.
_V5 = ["""CREATE TABLE relation_mentions (
        id VARCHAR PRIMARY KEY, article_id VARCHAR, a VARCHAR, b VARCHAR, kind VARCHAR, area VARCHAR,
        third VARCHAR, sentence_start INTEGER, sentence_end INTEGER, evidence VARCHAR, clause_start INTEGER,
        clause_end INTEGER, basis VARCHAR, background BOOLEAN, date DATE)""",
       "CREATE INDEX relation_mentions_pair ON relation_mentions (a, b)"]

#: Version 6: a real-world event keeps the article of its first report (so every event links to its
#: evidence) and whether it is background: every report dates it over ``BACKGROUND_DAYS`` before its
#: article ("the 1994 ceasefire"), so current aggregates leave it out. Filled when the migration
#: rebuilds the events table. ``mention_ids`` lists its reports and ``dedup_key`` is its
#: source|target|code|modality, so an ingest batch finds and re-clusters only the events its new
#: mentions can join (``dedup.update_events``). ``framing_mentions``: the contested wordings each
#: quote uses, found at ingest (``store/framings.py``), so a brief's framing lines are one lookup.
_V6 = ["ALTER TABLE events ADD COLUMN article_id VARCHAR",
       "ALTER TABLE events ADD COLUMN background BOOLEAN",
       "ALTER TABLE events ADD COLUMN mention_ids VARCHAR[]",
       "ALTER TABLE events ADD COLUMN dedup_key VARCHAR",
       """CREATE TABLE framing_mentions (
        quote_id VARCHAR, article_id VARCHAR, speaker_country VARCHAR, speaker_name VARCHAR, text VARCHAR,
        issue VARCHAR, side VARCHAR, term VARCHAR, PRIMARY KEY (quote_id, issue, side))""",
       "CREATE INDEX framing_mentions_country ON framing_mentions (speaker_country)"]

#: Version 7: a real-world event keeps where its first report's sentence and trigger lie, so a page of
#: events is one read of ``events`` (no lookup of its reports); ``pair_totals`` holds the network's
#: per-pair counts, kept by ``dedup`` with every change to ``events``. Both are filled when the
#: migration rebuilds the events table.
_V7 = ["ALTER TABLE events ADD COLUMN sentence_start INTEGER",
       "ALTER TABLE events ADD COLUMN sentence_end INTEGER",
       "ALTER TABLE events ADD COLUMN trigger VARCHAR",
       "ALTER TABLE events ADD COLUMN trigger_start INTEGER",
       "ALTER TABLE events ADD COLUMN trigger_end INTEGER",
       """CREATE TABLE pair_totals (
        a VARCHAR, b VARCHAR, background BOOLEAN, events BIGINT, a_to_b BIGINT, b_to_a BIGINT,
        goldstein_sum DOUBLE, goldstein_n BIGINT, PRIMARY KEY (a, b, background))"""]

#: Version -> statements that bring a file at version - 1 to it.
MIGRATIONS: dict[int, list[str]] = {1: _V1, 2: _V2, 3: _V3, 4: _V4, 5: _V5, 6: _V6, 7: _V7}

SCHEMA_VERSION = max(MIGRATIONS)
