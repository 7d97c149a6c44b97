"""HTML pages: the article's main text, title, date and site, via trafilatura."""

from __future__ import annotations

import datetime as dt
from typing import Any

import lxml.html
import trafilatura

from ..errors import MalformedInputError
from ..models import Article
from .text import is_boilerplate, make_article

__all__ = ["parse_html"]

_DEEP_PARSER = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True, collect_ids=False)


def _extract(page: Any) -> Any:
    return trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False,
                                       favor_precision=True)


def parse_html(source: str, html: str, **fields: Any) -> Article:
    """Extract an article from an HTML page.

    Navigation, comments and comment forms are left out; the title is kept
    out of the body so the parser never glues it to the first sentence.

    Args:
        source: the input's name.
        html: the decoded page.
        fields: :class:`Article` fields that override what the page says (url, published).

    Returns:
        The article.

    Raises:
        MalformedInputError: trafilatura finds no article text in the page.
    """
    try:
        found = _extract(html)
        if found is None or not (found.text or "").strip():
            # libxml2 stops at 256 levels of nesting and the text below is lost; parse again without
            # that limit (the input's size is already bounded by --max-bytes).
            found = _extract(lxml.html.fromstring(html, parser=_DEEP_PARSER))
    except Exception as exc:  # trafilatura raises many lxml and parser errors; all mean the same here
        raise MalformedInputError(source, f"the HTML could not be parsed ({exc.__class__.__name__}: {exc})") from None
    if found is None or not (found.text or "").strip():
        raise MalformedInputError(
            source, "no article text found in the page; check it is an article page, or save its text as .txt"
        )
    title = (found.title or "").strip() or None
    paragraphs = [p.strip() for p in found.text.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs.pop(0)
    while paragraphs and is_boilerplate(paragraphs[-1]):
        paragraphs.pop()
    meta: dict[str, Any] = {"title": title, "url": found.url, "site": found.sitename}
    if found.date:
        try:
            meta["published"] = dt.date.fromisoformat(found.date[:10])
        except ValueError:
            pass  # an unreadable page date is no date; --published can supply one
    meta.update({k: v for k, v in fields.items() if v is not None})
    return make_article(source, "\n\n".join(paragraphs), **meta)
