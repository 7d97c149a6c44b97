"""Plain-text articles and the text checks every input format shares."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..config import (
    FOREIGN_TO_ENGLISH_FUNCTION_WORDS,
    MAX_ARTICLE_CHARS,
    MIN_ENGLISH_STOPWORD_RATIO,
    MIN_FOREIGN_FUNCTION_WORDS,
    MIN_WORDS_FOR_LANGUAGE_CHECK,
    MIN_WORDS_FOR_SHORT_LANGUAGE_CHECK,
)
from ..data import read_table
from ..errors import EmptyInputError, InputTooLargeError, LanguageInputError
from ..models import Article

__all__ = ["parse_txt", "normalise_body", "make_article", "is_boilerplate"]

# Lines that web pages put after an article: comment forms, share bars, sign-up prompts.
_BOILERPLATE = re.compile(
    r"^(please enter your (comment|name|email)( here)?|leave a (reply|comment)|post a comment|"
    r"add a comment|you must be logged in.*|save my name, email.*|share (this|on).*|"
    r"sign up for our newsletter.*|subscribe( now)?|related (articles|stories|posts)|"
    r"read more|advertisement|comments?|\d+ comments?|cancel reply|"
    r"notify me of (follow-up comments|new posts).*)\W*$",
    re.IGNORECASE,
)
# Letters of any Latin script: "président" is one word, not "pr" and "sident".
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Words that start names in English news (de Gaulle, Los Angeles, von der Leyen, el-Sisi) when a
# capitalised word follows them.
_NAME_PARTICLES = frozenset("de la le les el los las da di do dos das du des del della van von der den".split())
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def is_boilerplate(line: str) -> bool:
    """Tell whether a line is page furniture (a comment form, a share bar) rather than article text."""
    return bool(_BOILERPLATE.match(line.strip()))


def normalise_body(text: str) -> str:
    """Normalise a body: NFC, one space between words, paragraphs split by one blank line.

    Args:
        text: the raw body.

    Returns:
        The body with paragraphs joined by ``"\\n\\n"`` and no leading or trailing space.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = (_SPACES.sub(" ", p).strip() for p in _BLANK_LINES.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def make_article(source: str, body: str, **fields: Any) -> Article:
    """Check a body and wrap it, with its metadata, in an :class:`Article`.

    Args:
        source: the input's name, for error messages and ``Article.source_path``.
        body: the article text without the title.
        fields: other :class:`Article` fields (title, url, published, site).

    Returns:
        The article.

    Raises:
        EmptyInputError: the body is empty.
        InputTooLargeError: the body is longer than one article may be (``MAX_ARTICLE_CHARS``).
        LanguageInputError: the body does not look like English.
    """
    body = normalise_body(body)
    if not body:
        raise EmptyInputError(source, "no article text left after removing the title and page furniture")
    if len(body) > MAX_ARTICLE_CHARS:
        raise InputTooLargeError(source, f"the text is {len(body):,} characters long, over the {MAX_ARTICLE_CHARS:,} "
                                         "one article may hold; split it into articles (one per line of a .jsonl)")
    _check_english(source, body)
    fields.setdefault("source_path", source)
    return Article.from_text(body, **fields)


def parse_txt(source: str, text: str, **fields: Any) -> Article:
    """Parse a plain-text article: first non-empty line is the title, the rest the body.

    Trailing comment-form and share-bar lines are dropped.

    Args:
        source: the input's name.
        text: the decoded file.
        fields: other :class:`Article` fields (url, published).

    Returns:
        The article.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines.pop(0).strip() if lines else ""
    while lines and (not lines[-1].strip() or is_boilerplate(lines[-1])):
        lines.pop()
    return make_article(source, "\n".join(lines), title=title or None, **fields)


def _check_english(source: str, body: str) -> None:
    sample = body[:20_000]
    letters = [c for c in sample if c.isalpha()]
    latin = sum(c.isascii() for c in letters)
    # Non-Latin scripts give the stopword test nothing to count, so judge them by script first.
    if letters and latin / len(letters) < 0.5:
        raise LanguageInputError(
            source,
            f"does not look like English (only {latin / len(letters):.0%} of its letters are Latin); "
            "Tightrope analyses English text only",
        )
    tokens = _WORD.findall(sample)
    words = [t.lower() for t in tokens]
    english = sum(w in STOP_WORDS for w in words)
    # In English, "de Gaulle", "Los Angeles" and "el-Sisi" are names, not French or Spanish.
    unnamed = [w for w, after in zip(words, [*tokens[1:], ""]) if not (w in _NAME_PARTICLES and after[:1].isupper())]
    if len(words) >= MIN_WORDS_FOR_LANGUAGE_CHECK:
        ratio = english / len(words)
        if ratio < MIN_ENGLISH_STOPWORD_RATIO:
            other = _other_language(unnamed, english, min_distinct=1)
            raise LanguageInputError(
                source,
                f"does not look like English ({ratio:.0%} English function words, expected at least "
                f"{MIN_ENGLISH_STOPWORD_RATIO:.0%}{f'; it reads like {other[0]}' if other else ''}); "
                "Tightrope analyses English text only",
            )
    elif len(words) >= MIN_WORDS_FOR_SHORT_LANGUAGE_CHECK:
        other = _other_language(unnamed, english, min_distinct=MIN_FOREIGN_FUNCTION_WORDS)
        if other:
            language, found = other
            raise LanguageInputError(
                source,
                f"does not look like English (a short text with {len(found)} {language} function words, "
                f"{', '.join(found[:6])}, and {english} English one{'' if english == 1 else 's'}); "
                "Tightrope analyses English text only",
            )


def _other_language(words: list[str], english: int, min_distinct: int) -> tuple[str, list[str]] | None:
    """The language whose function words clearly outnumber the English ones, with the distinct words found."""
    lists = _function_words()
    counts = Counter({language: sum(w in listed for w in words) for language, listed in lists.items()})
    if not counts:
        return None
    language, total = counts.most_common(1)[0]
    found = sorted({w for w in words if w in lists[language]})
    if len(found) >= min_distinct and total >= FOREIGN_TO_ENGLISH_FUNCTION_WORDS * max(english, 1):
        return language, found
    return None


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    """Function words of other Latin-script languages, by language (``data/language/function_words.csv``)."""
    lists: dict[str, set[str]] = {}
    for row in read_table("language/function_words.csv", ("language", "word")):
        lists.setdefault(row["language"], set()).add(row["word"].lower())
    return {language: frozenset(words) for language, words in lists.items()}
