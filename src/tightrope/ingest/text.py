"""Plain-text articles and the text checks every input format shares."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..config import MAX_ARTICLE_CHARS, MIN_ENGLISH_STOPWORD_RATIO, MIN_WORDS_FOR_LANGUAGE_CHECK
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
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
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
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS_FOR_LANGUAGE_CHECK:
        return
    ratio = sum(w in STOP_WORDS for w in words) / len(words)
    if ratio < MIN_ENGLISH_STOPWORD_RATIO:
        raise LanguageInputError(
            source,
            f"does not look like English ({ratio:.0%} English function words, expected at least "
            f"{MIN_ENGLISH_STOPWORD_RATIO:.0%}); Tightrope analyses English text only",
        )
