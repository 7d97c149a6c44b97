"""Find an annotator's quoted words in the article text and return exact character offsets.

Annotators copy sentences and words from the article; copies drift in typography (curly vs
straight quotes, dashes, runs of spaces). Search is done on a normalised copy of both strings
with a map back to the original offsets, so the stored span is always the article's own text.
"""

from __future__ import annotations

import bisect
import re

from ..models import TextSpan

__all__ = ["AlignError", "Normalised", "find_span"]

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                       "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
                       "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " "})
_SPACE = re.compile(r"\s+")


class AlignError(ValueError):
    """Quoted words are not in the text (or not where the annotator said)."""


class Normalised:
    """A string folded for matching, with ``origin[i]`` the original index of folded character ``i``."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        origin: list[int] = []
        previous_space = False
        for index, char in enumerate(text.translate(_FOLD)):
            if char.isspace():
                if previous_space:
                    continue
                char, previous_space = " ", True
            else:
                previous_space = False
            chars.append(char.lower())
            origin.append(index)
        self.text = "".join(chars)
        self.origin = origin

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded [start, end) range back to the original string."""
        return self.origin[start], self.origin[end - 1] + 1


def _fold_needle(needle: str) -> str:
    return _SPACE.sub(" ", needle.translate(_FOLD)).strip().lower()


def find_span(text: str, needle: str, *, within: tuple[int, int] | None = None, occurrence: int = 1,
              folded: Normalised | None = None, last_before: bool = False) -> TextSpan:
    """Locate ``needle`` in ``text`` and return its exact span.

    Args:
        text: the article text.
        needle: the words to find, as the annotator copied them.
        within: search only in this [start, end) range of ``text``.
        occurrence: which match to take (1 = first) inside the range.
        folded: a precomputed :class:`Normalised` of ``text``.
        last_before: take the last match in the range instead (a pronoun's antecedent before it).

    Returns:
        The span, whose ``text`` is ``text[start:end]``.

    Raises:
        AlignError: the words are not there, or fewer times than ``occurrence``.
    """
    folded = folded or Normalised(text)
    target = _fold_needle(needle)
    if not target:
        raise AlignError("empty string to find")
    lo, hi = 0, len(folded.text)
    if within is not None:
        # origin is increasing: the first folded index at or after each original offset.
        lo = bisect.bisect_left(folded.origin, within[0])
        hi = bisect.bisect_left(folded.origin, within[1])
    hits = []
    at = folded.text.find(target, lo)
    while at != -1 and at + len(target) <= hi:
        # Whole words only: "he" is not the "he" inside "the".
        before = folded.text[at - 1] if at > 0 else " "
        after = folded.text[at + len(target)] if at + len(target) < len(folded.text) else " "
        if not (target[0].isalnum() and before.isalnum()) and not (target[-1].isalnum() and after.isalnum()):
            hits.append(at)
        at = folded.text.find(target, at + 1)
    if not hits:
        raise AlignError(f"{needle!r} not found" + (f" in {text[within[0]:within[1]][:120]!r}" if within else ""))
    if last_before:
        chosen = hits[-1]
    elif occurrence > len(hits):
        raise AlignError(f"{needle!r} occurs {len(hits)} time(s), occurrence {occurrence} asked")
    else:
        chosen = hits[occurrence - 1]
    start, end = folded.to_original(chosen, chosen + len(target))
    return TextSpan(start=start, end=end, text=text[start:end])
