"""How well people named in the annotated corpus are resolved: the right country, and the right
country and sector (the gold's role class: GOV, MIL, OPP, ...), for every gold event party whose
mention is a person's name (a PERSON entity in the parse) (issue #13)."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import ArticleDoc
from .schema import GoldArticle

__all__ = ["PersonScore", "score_persons"]


@dataclass
class PersonScore:
    """Counts over distinct gold person mentions."""

    mentions: int = 0
    resolved: int = 0
    country: int = 0
    country_and_sector: int = 0

    def summary(self) -> dict[str, float | int]:
        def share(n: int) -> float:
            return round(n / self.mentions, 3) if self.mentions else 0.0

        return {"person_mentions": self.mentions, "person_resolved": share(self.resolved),
                "person_country": share(self.country), "person_country_sector": share(self.country_and_sector)}


def _sector(code: str | None, country: str | None) -> str | None:
    if not code:
        return None
    return code[3:6] or None if country and code.startswith(country) else code[:3]


def score_persons(pairs: list[tuple[GoldArticle, ArticleDoc]], person_spans: dict[str, list[tuple[int, int]]]) -> PersonScore:
    """Score the actors stage on the gold parties that name a person.

    Args:
        pairs: gold articles and the documents analysed from them.
        person_spans: article id -> character spans of the PERSON entities of its parse.
    """
    score = PersonScore()
    for gold, doc in pairs:
        persons = person_spans.get(gold.id, [])
        seen: set[tuple[int, int]] = set()
        for event in gold.events:
            for party in (event.source, event.target):
                if party is None or party.mention is None:
                    continue
                span = (party.mention.start, party.mention.end)
                names = [(s, e) for s, e in persons if s < span[1] and span[0] < e]
                if span in seen or not names:
                    continue
                seen.add(span)
                score.mentions += 1
                # The actor on the person's name, not on other words of the mention ("his French counterpart X").
                start, end = max(names[0][0], span[0]), min(names[0][1], span[1])
                actor = next((a for a in doc.actors for m in a.mentions if m.start < end and start < m.end), None)
                if actor is None:
                    continue
                score.resolved += 1
                want = party.country or (party.code[:3] if party.code else None)
                got = actor.country or (actor.code[:3] if actor.code else None)
                if want == got:
                    score.country += 1
                    want_sector = party.sector if party.country else party.code
                    got_sector = _sector(actor.code, actor.country) if party.country else actor.code
                    if want_sector is None or want_sector == got_sector or (not party.country and got_sector
                                                                           and want_sector and got_sector[:3] == want_sector[:3]):
                        score.country_and_sector += 1
    return score
