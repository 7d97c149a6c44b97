"""Load the dated knowledge base converted from open datasets (``data/actors/kb/``, built by ``make kb``).

The hand-written lists load first and stay authoritative; this adds the converted people and their
posts (1960-2024), Phoenix's armed and non-state groups, the states' periods of existence and the
historical states (Soviet Union, Yugoslavia, ...). Names from the converted data are matched without
regard to case (``KnowledgeBase.folded``): the sources write them in capitals.
"""

from __future__ import annotations

from ..data import read_table, split_list
from .folded import fold
from .kb import Alias, Entity, KnowledgeBase, Role, parse_day

__all__ = ["load_dated"]

#: Group names that are ordinary words or phrases in news text; not matched.
_TOO_COMMON = 4


def load_dated(kb: KnowledgeBase) -> None:
    """Add the converted people, roles, groups and state periods to ``kb`` (in place)."""
    historical = set()
    for row in read_table("actors/historical_states.csv", ("iso3", "name", "aliases", "adjectives", "start", "end")):
        iso3, where = row["iso3"], f"actors/historical_states.csv ({row['iso3']})"
        historical.add(iso3)
        kb.add(Entity(iso3, row["name"], "state", country=iso3, code=iso3))
        kb.periods[iso3].append((parse_day(row["start"], where), parse_day(row["end"], where)))
        for text in [row["name"], *split_list(row["aliases"])]:
            kb.alias(text, Alias(iso3, "name"))
        for text in split_list(row["adjectives"]):
            kb.alias(text, Alias(iso3, "adjective"))
    for row in read_table("actors/kb/states.csv", ("iso3", "start", "end")):
        # A historical state's own dates stand; the Gleditsch-Ward list continues Yugoslavia to 2006.
        if row["iso3"] in kb.entities and row["iso3"] not in historical:
            where = f"actors/kb/states.csv ({row['iso3']})"
            kb.periods[row["iso3"]].append((parse_day(row["start"], where), parse_day(row["end"], where)))
    for row in read_table("actors/successions.csv", ("iso3", "before", "start", "end", "note")):
        where = f"actors/successions.csv ({row['iso3']})"
        kb.successions[row["iso3"]].append(
            (row["before"], parse_day(row["start"], where), parse_day(row["end"], where), row["note"]))
    for pid, roles in kb.roles.items():
        for role in roles:
            kb.offices[(role.affiliation, role.role)].append((pid, role))
    for text, aliases in list(kb.aliases.items()):  # hand-written names too, for case-blind lookups
        for alias in aliases:
            if alias.form == "person" and len(text.split()) > 1:
                _fold(kb, text, alias)
    for row in read_table("actors/kb/people.csv", ("id", "name", "aliases")):
        if row["id"] not in kb.entities:
            kb.add(Entity(row["id"], row["name"], "person"))
        for text in [row["name"], *split_list(row["aliases"])]:
            if len(text.split()) > 1:
                _fold(kb, text, Alias(row["id"], "person"))
    columns = ("id", "country", "role", "title", "sector", "start", "end", "start_basis", "end_basis", "source")
    for row in read_table("actors/kb/roles.csv", columns):
        if row["country"] not in kb.entities:
            continue
        where = f"actors/kb/roles.csv ({row['id']})"
        role = Role(row["role"], row["sector"], row["country"], parse_day(row["start"], where),
                    parse_day(row["end"], where), row["source"], row["title"], row["start_basis"], row["end_basis"])
        kb.roles[row["id"]].append(role)
        kb.offices[(row["country"], row["role"])].append((row["id"], role))
    for row in read_table("actors/kb/groups.csv", ("id", "name", "aliases", "code", "country", "sector")):
        if row["id"] in kb.entities:
            continue
        kb.add(Entity(row["id"], row["name"], "nonstate", country=row["country"] or None, code=row["code"]))
        for text in [row["name"], *split_list(row["aliases"])]:
            if len(text) > _TOO_COMMON and (len(text.split()) > 1 or len(text) >= 6):
                _fold(kb, text, Alias(row["id"], "name", row["sector"]))


def _fold(kb: KnowledgeBase, text: str, alias: Alias) -> None:
    key = fold(text)
    if alias not in kb.folded[key]:
        kb.folded[key].append(alias)
