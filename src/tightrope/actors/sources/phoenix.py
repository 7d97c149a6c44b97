"""Read the Phoenix/PETRARCH2 dictionaries (Open Event Data Alliance, MIT): aliases of the CountryInfo
people, dated heads of international organisations, and armed and non-state groups."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..petrarch import DictEntry, parse_petrarch
from .records import Holding, name_key

__all__ = ["read_aliases", "read_igo_heads", "read_groups", "Group"]

#: Phoenix IGO codes of organisations whose head the dictionaries date, with our id and the head's title.
IGO_HEADS = {
    "IGOUNO": ("UN", "secretary-general"), "IGOWSTNAT": ("NATO", "secretary-general"),
    "IGOUNODEVWBK": ("WB", "president"), "IGOBUSIMF": ("IMF", "managing director"),
    "IGOBUSOPC": ("OPEC", "secretary-general"), "IGOUNOHLHWHO": ("WHO", "director-general"),
    "IGOUNOIAE": ("IAEA", "director-general"), "IGOSEAASN": ("ASEAN", "secretary-general"),
    "IGOOAS": ("OAS", "secretary-general"), "IGOUNOKID": ("UNICEF", "executive director"),
}


@dataclass(frozen=True)
class Group:
    """An armed or non-state group: its name, aliases, CAMEO-style code and sector."""

    name: str
    aliases: tuple[str, ...]
    code: str
    country: str | None
    sector: str
    source: str


def _entries(path: Path, problems: list[str]) -> list[DictEntry]:
    return parse_petrarch(path.read_bytes().decode("utf-8", errors="replace"), path.name, problems=problems)


def _clean(phrase: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*", " ", phrase).strip()


def read_aliases(path: str | Path, problems: list[str]) -> dict[str, set[str]]:
    """Name key of each person's primary name -> the other names the dictionary gives them."""
    out: dict[str, set[str]] = {}
    for entry in _entries(Path(path), problems):
        if not any(c.start or c.end for c in entry.codes):
            continue
        names = [_clean(p) for p in entry.phrases]
        out.setdefault(name_key(names[0]), set()).update(n for n in names[1:] if n)
    return out


def read_igo_heads(path: str | Path, problems: list[str]) -> list[Holding]:
    """Heads of the organisations in ``IGO_HEADS``, with the dates the dictionary gives."""
    found = []
    for entry in _entries(Path(path), problems):
        names = [_clean(p) for p in entry.phrases]
        for code in entry.codes:
            if code.code in IGO_HEADS and code.start and code.end:
                org, title = IGO_HEADS[code.code]
                found.append(Holding(name=names[0], country=org, role=title, title=f"{title} ({org})", sector="IGO",
                                     start=code.start, end=code.end, source=f"{Path(path).name} ({code.code})",
                                     aliases=tuple(n for n in names[1:] if n and not re.match(r"(?i)(un |united |secretary)", n))))
    return found


def read_groups(path: str | Path, countries: set[str], problems: list[str],
                cow_to_iso: dict[str, str] | None = None) -> list[Group]:
    """Armed and non-state groups; the country is the code's first three letters when that is a state
    (an ISO3 code, or a COW code such as ANG for Angola, which the older CAMEO codes follow)."""
    groups = []
    for entry in _entries(Path(path), problems):
        if not entry.codes:
            continue
        code = entry.codes[0].code
        names = [n for n in (_clean(p) for p in entry.phrases) if n]
        if not names:
            continue
        country = code[:3] if code[:3] in countries else (cow_to_iso or {}).get(code[:3])
        if country is None and code[:3] not in ("IMG", "NGO", "IGO"):
            # Region codes of Phoenix's own ("INTREB" for the Algerian FIS, "EAF", "KKL"): no state to give.
            problems.append(f"{Path(path).name}: {names[0]!r} has the code {code}, neither a state's nor a "
                            "transnational group's; skipped")
            continue
        sector = code[3:6] if country else code[:3]
        if country and code[:3] != country:
            code = country + code[3:]  # "ANGREB" (COW's Angola) -> "AGOREB"
        groups.append(Group(names[0], tuple(dict.fromkeys(names[1:])), code, country, sector or "REB", Path(path).name))
    return groups
