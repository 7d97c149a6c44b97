"""Word lists more than one stage reads.

Kept here, beside the parse stage every other stage follows, so that actors, quotes and
events agree on them without importing each other.
"""

from __future__ import annotations

__all__ = ["SPEECH_VERBS"]

#: Verbs that report speech or writing: their subject is a quote's speaker, and "it" or "he" in
#: the clause they report is usually the speaker too ("Hungary said it will support ...").
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "state", "declare", "announce", "insist", "claim", "warn", "note", "stress",
    "argue", "explain", "remark", "reply", "respond", "answer", "write", "tweet", "echo", "ask", "acknowledge",
    "admit", "affirm", "assert", "comment", "confirm", "emphasise", "emphasize", "observe", "point", "reiterate",
    "suggest", "underline", "urge", "vow", "call", "describe", "term", "quip", "report", "pledge", "promise",
    "indicate",
})
