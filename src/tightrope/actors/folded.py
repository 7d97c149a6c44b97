"""Match names without regard to case, in pure Python: the converted datasets write names in capitals
("JOSEPH_KABILA_KABANGE"), so their spelling of case cannot be trusted ("Mcfarlane"), while the text's
can: a match must be written as a name (each word capitalised, particles aside).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from spacy.tokens import Doc, Span

__all__ = ["FoldedMatcher", "fold", "fold_tokens"]

_TOKEN = re.compile(r"[^\s\-,]+|[-,]")
_LOWER_WORDS = {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "del", "der", "van", "von", "la", "le", "du", "dos",
                "das", "of", "the", "and", "for", "-", ",", "y", "e", "ul", "ud"}


def fold(text: str) -> str:
    """Lower case without accents: "Sánchez" -> "sanchez"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def fold_tokens(text: str) -> tuple[str, ...]:
    """The folded tokens of a name, split as spaCy splits names ("Ki-moon" -> ki, -, moon)."""
    return tuple(fold(t) for t in _TOKEN.findall(text))


class FoldedMatcher:
    """Find the longest known name at each token; names are keys of ``KnowledgeBase.folded``."""

    def __init__(self, names: list[str]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        self.key: dict[tuple[str, ...], str] = {}
        for name in names:
            tokens = fold_tokens(name)
            if len(tokens) < 2:
                continue
            self.key.setdefault(tokens, name)
            self._by_first[tokens[0]].append(tokens)
        for options in self._by_first.values():
            options.sort(key=len, reverse=True)

    def __call__(self, doc: Doc) -> list[Span]:
        spans, i = [], 0
        lowers = [fold(t.text) if not t.is_ascii else t.lower_ for t in doc]
        while i < len(doc):
            for option in self._by_first.get(lowers[i], ()):
                end = i + len(option)
                if tuple(lowers[i:end]) == option and _written_as_name(doc[i:end]):
                    spans.append(Span(doc, i, end, label="~" + self.key[option]))
                    i = end - 1
                    break
            i += 1
        return spans


def _written_as_name(span: Span) -> bool:
    words = [t for t in span if t.is_alpha or "." in t.text]
    return bool(words) and words[0].text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in _LOWER_WORDS for t in span)
