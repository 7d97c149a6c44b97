"""The one record every converter produces (a post someone held), and name normalisation."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace

__all__ = ["Holding", "display_name", "name_key", "person_key", "same_person", "month_date", "FAMILY_NAME_FIRST"]

#: States whose newspapers usually write the family name first ("Koizumi Junichiro"), so a
#: two-word name there is also matched in the other order.
FAMILY_NAME_FIRST = frozenset({"CHN", "JPN", "KOR", "PRK", "TWN", "VNM", "HUN", "KHM", "MNG", "SGP"})

_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "del", "der", "van", "von", "la", "le", "du", "dos", "das"}


@dataclass(frozen=True)
class Holding:
    """One post one person held, as one source records it.

    ``start``/``end`` are dates (``end`` exclusive); ``start_basis``/``end_basis`` say what a date
    rests on when the source does not give the day ("year", "source start: in office in Jan 2003",
    "source end: in office at the last update, Feb 2011", "closed by successor").
    """

    name: str
    country: str          # ISO3, or an organisation id (UN, NATO, ...)
    role: str             # normalised: "president", "foreign minister", ...
    title: str            # as the source writes it
    sector: str           # CAMEO sector: GOV, MIL, ...
    start: dt.date | None
    end: dt.date | None
    source: str
    start_basis: str = "day"
    end_basis: str = "day"
    aliases: tuple[str, ...] = ()

    def key(self) -> str:
        return name_key(self.name)

    def person(self) -> str:
        return person_key(self.name)

    def with_(self, **changes: object) -> Holding:
        return replace(self, **changes)  # type: ignore[arg-type]


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """A key under which spellings of one name meet: no accents, case or punctuation, words sorted
    (so "Koizumi Junichiro" and "Junichiro Koizumi" meet)."""
    words = re.findall(r"[a-z0-9]+", _plain(name).lower().replace("'", ""))
    return " ".join(sorted(words))


_HONORIFICS = {"sheikh", "shaikh", "sir", "dr", "gen", "general", "prince", "king", "sultan", "emir", "mullah", "haji",
               "mr", "mrs", "ms", "lord", "dame", "col", "maj", "lt"}


def person_key(name: str) -> str:
    """A looser key for one person across sources of one country: first and last word, no titles or
    particles ("Jorge Enrique Taiana" = "Jorge Taiana", "Sheikh Khalifa ibn Zaid al Nahayan" =
    "Khalifa Nahayan")."""
    words = [w for w in re.findall(r"[a-z0-9]+", _plain(name).lower().replace("'", ""))
             if w not in _PARTICLES and w not in _HONORIFICS]
    if len(words) < 2:
        return " ".join(words)
    return f"{_skeleton(words[0])} {_skeleton(words[-1])}"


def same_person(a: str, b: str) -> bool:
    """Two spellings of one name: the words of the shorter (two at least) are among the longer's, up to
    transliteration ("Abdullah bin Zayed" / "Abdallah bin Zayid al Nuhayyan")."""
    def words(name: str) -> set[str]:
        return {_skeleton(w) for w in re.findall(r"[a-z0-9]+", _plain(name).lower().replace("'", ""))
                if w not in _PARTICLES and w not in _HONORIFICS}
    x, y = sorted((words(a), words(b)), key=len)
    return len(x) >= 2 and x <= y


def _skeleton(word: str) -> str:
    """Consonants only, doubles collapsed: transliterations meet ("Abdallah"/"Abdullah", "Zayid"/"Zayed")."""
    head, rest = word[0], re.sub(r"[aeiouy]", "", word[1:])
    return head + re.sub(r"(.)\1+", r"\1", rest)


def display_name(raw: str) -> str:
    """ "JUNICHIRO_KOIZUMI_" -> "Junichiro Koizumi"; particles after the first word stay lower case."""
    words = [w for w in raw.strip().strip("+").replace("_", " ").split() if w]
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if i and lower in _PARTICLES:
            out.append(lower)
        else:
            out.append("-".join(p if (p in _PARTICLES and j == 0 and len(lower.split("-")) > 1) else p[:1].upper() + p[1:]
                                for j, p in enumerate(lower.split("-"))))
    return " ".join(out)


def month_date(text: str) -> dt.date | None:
    """ "20051131" -> 2005-11-30: sources that record months write impossible days; clamp them."""
    if not re.fullmatch(r"\d{8}", text):
        return None
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    if not (1 <= month <= 12) or year < 1800:
        return None
    for d in (day, 31, 30, 29, 28):
        try:
            return dt.date(year, month, max(d, 1))
        except ValueError:
            continue
    return None
