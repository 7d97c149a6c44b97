"""The actor knowledge base: states, organisations, groups and people with dated roles."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field

from ..data import read_table, split_list
from ..errors import DataError
from ..models import ActorKind
from .sources.roles import HEAD_ROLES, normalise_role

__all__ = ["Entity", "Role", "Alias", "KnowledgeBase", "load_kb", "parse_day"]


@dataclass(frozen=True)
class Entity:
    """Something the knowledge base knows: a state, an organisation, a group or a person."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    code: str | None = None
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """A position a person held from ``start`` to ``end`` (open when ``None``)."""

    role: str
    sector: str
    affiliation: str
    start: dt.date | None
    end: dt.date | None
    source: str = "actors/people.csv"
    title: str = ""
    start_basis: str = "day"
    end_basis: str = "day"

    def covers(self, day: dt.date) -> bool:
        """Tell whether the role was held on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Alias:
    """One way a text names an entity, and what the form says about the sector."""

    entity_id: str
    form: str  # name | adjective | capital | institution | person
    sector: str | None = None


@dataclass
class KnowledgeBase:
    """Every entity, person role, alias and agent word, loaded once from package data."""

    entities: dict[str, Entity] = field(default_factory=dict)
    roles: dict[str, list[Role]] = field(default_factory=lambda: defaultdict(list))
    aliases: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    agents: dict[str, tuple[str, bool]] = field(default_factory=dict)
    #: Names matched without regard to case (the converted datasets write names in capitals).
    folded: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    #: State id -> the periods it existed (from the Gleditsch-Ward list and historical_states.csv).
    periods: dict[str, list[tuple[dt.date, dt.date | None]]] = field(default_factory=lambda: defaultdict(list))
    #: State id -> (the state it was part of, from, to, note), from successions.csv.
    successions: dict[str, list[tuple[str, dt.date, dt.date, str]]] = field(default_factory=lambda: defaultdict(list))
    #: (affiliation, role) -> [(person id, role)], for "Congo's president" on a date.
    offices: dict[tuple[str, str], list[tuple[str, Role]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, entity: Entity) -> None:
        """Add an entity; a second entity under the same id is a data error."""
        known = self.entities.get(entity.id)
        if known is not None and known != entity:
            raise DataError(f"two actors share the id {entity.id!r}: {known.name!r} and {entity.name!r}")
        self.entities[entity.id] = entity

    def alias(self, text: str, alias: Alias) -> None:
        """Record one name for an entity (duplicates are ignored)."""
        if text and alias not in self.aliases[text]:
            self.aliases[text].append(alias)

    def role_on(self, person_id: str, day: dt.date | None) -> Role | None:
        """Return the role a person held on ``day``, or their latest role when ``day`` is unknown.

        Args:
            person_id: the person's entity id.
            day: the article's date, or ``None``.

        Returns:
            The role, or ``None`` when the person held none of their known roles that day.
        """
        roles = self.roles.get(person_id, [])
        if day is None:
            return max(roles, key=lambda r: r.start or dt.date.min, default=None)
        covering = [r for r in roles if r.covers(day)]
        # Two posts at once ("Minister of State" and "Minister of the Interior"): the office that names the job.
        return max(covering, key=lambda r: (r.role in HEAD_ROLES, r.start or dt.date.min), default=None)

    def role_status(self, person_id: str, day: dt.date | None) -> tuple[Role | None, str]:
        """The role held on ``day`` and what that rests on; a day in a gap gets ``None`` and says so.

        Never guesses: a day after a post ends or before one starts is a gap even when the next
        holder is unknown.
        """
        roles = self.roles.get(person_id, [])
        if day is None:
            role = self.role_on(person_id, None)
            return role, "no article date: the latest known post" if role else "no known post"
        role = self.role_on(person_id, day)
        if role is not None:
            bases = [b for b in (role.start_basis, role.end_basis) if b != "day"]
            return role, f"held on {day} ({role.source}" + (f"; {'; '.join(bases)}" if bases else "") + ")"
        if not roles:
            return None, "no known post"
        ordered = sorted(roles, key=lambda r: r.start or dt.date.min)
        known = ", ".join(f"{r.role} {r.start or '?'} to {r.end or 'open'}" for r in ordered[-4:])
        before = [r for r in ordered if r.end and r.end <= day]
        if before and before[-1].end_basis.startswith("source end") and before[-1] is ordered[-1]:
            return None, (f"unknown on {day}: the last record ({before[-1].source}) ends with the source on "
                          f"{before[-1].end}; a later holder is not guessed (known: {known})")
        return None, f"no post recorded on {day} (known: {known})"

    def state_on(self, state_id: str, day: dt.date | None) -> tuple[str | None, str]:
        """The state a state's name stands for on ``day``: itself, the state it was then part of, or none.

        Returns:
            (entity id or ``None``, basis). ``None`` means no state: "East Timor" in 2000, under UN rule.
        """
        if day is None:
            return state_id, ""
        for before, start, end, note in self.successions.get(state_id, []):
            if start <= day < end:
                return (before or None), note
        periods = self.periods.get(state_id)
        if not periods or any(start <= day and (end is None or day < end) for start, end in periods):
            return state_id, ""
        later = [s for s, _ in periods if s > day]
        if later and not any(end <= day for _, _, end, _ in self.successions.get(state_id, [])):
            return None, f"not a state on {day} (independent from {min(later)})"
        if later:
            return state_id, f"independence declared but not yet in the Gleditsch-Ward list on {day}"
        return None, f"no longer a state on {day} (ended {max(e for _, e in periods if e)})"

    def holder(self, affiliation: str, role: str, day: dt.date | None) -> str | None:
        """The one person who held ``role`` for ``affiliation`` on ``day``; ``None`` when unknown or several."""
        if day is None:
            return None
        found = {pid for pid, r in self.offices.get((affiliation, role), []) if r.covers(day)}
        return found.pop() if len(found) == 1 else None

    def name_of(self, entity_id: str) -> str:
        """Return an entity's name; the id itself when the knowledge base does not know it."""
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id

    def country_of(self, entity_id: str) -> str | None:
        """Return the ISO3 country an entity belongs to, if any."""
        entity = self.entities.get(entity_id)
        return entity.country if entity else None


def parse_day(value: str, where: str) -> dt.date | None:
    """A YYYY-MM-DD cell of a table (empty: ``None``); a bad one is a data error naming ``where``."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DataError(f"{where}: bad date {value!r}; write YYYY-MM-DD") from None


@functools.lru_cache(maxsize=4)
def load_kb(dictionaries: tuple[tuple[str, str], ...] = ()) -> KnowledgeBase:
    """Load the packaged knowledge base (once per process), plus any PETRARCH dictionaries.

    Args:
        dictionaries: (kind, path) pairs, kind ``actors`` or ``agents``, merged in order.

    Returns:
        The knowledge base.
    """
    kb = _load_packaged()
    if dictionaries:
        from .petrarch import merge_petrarch

        for kind, path in dictionaries:
            merge_petrarch(kb, path, kind)
    return kb


def _load_packaged() -> KnowledgeBase:
    kb = KnowledgeBase()
    # Territories ("Hong Kong", "Puerto Rico") carry their own ISO 3166-1 code, as in CAMEO and the
    # annotated corpus; they are places an actor belongs to, like a state, but no UN member.
    territories = list(read_table("actors/territories.csv", ("iso3", "name", "aliases", "adjectives", "capitals")))
    for row in [*read_table("actors/countries.csv", ("iso3", "name", "aliases", "adjectives", "capitals")), *territories]:
        iso3 = row["iso3"]
        kb.add(Entity(iso3, row["name"], "state", country=iso3, code=iso3))
        for text in [row["name"], *split_list(row["aliases"])]:
            kb.alias(text, Alias(iso3, "name"))
            if text.startswith("the "):
                kb.alias(text[4:], Alias(iso3, "name"))
        for text in split_list(row["adjectives"]):
            kb.alias(text, Alias(iso3, "adjective"))
        for text in split_list(row["capitals"]):
            kb.alias(text, Alias(iso3, "capital", "GOV"))
    for row in read_table("actors/institutions.csv", ("name", "country", "sector")):
        kb.alias(row["name"], Alias(row["country"], "institution", row["sector"]))
    not_members = {"TWN", "XKX", "VAT", "PSE", *(r["iso3"] for r in territories)}
    for row in read_table("actors/groups.csv", ("id", "name", "kind", "code", "aliases", "members")):
        members = split_list(row["members"])
        if members == ["*"]:
            members = sorted(e.id for e in kb.entities.values() if e.kind == "state" and e.id not in not_members)
        kb.add(Entity(row["id"], row["name"], row["kind"], code=row["code"], members=tuple(members)))  # type: ignore[arg-type]
        for text in [row["name"], *split_list(row["aliases"])]:
            kb.alias(text, Alias(row["id"], "name", "IGO"))
    for row in read_table("actors/nonstate.csv", ("id", "name", "code", "sector", "country", "aliases")):
        kb.add(Entity(row["id"], row["name"], "nonstate", country=row["country"] or None, code=row["code"]))
        for text in [row["name"], *split_list(row["aliases"])]:
            kb.alias(text, Alias(row["id"], "name", row["sector"]))
    _load_people(kb)
    for row in read_table("actors/agents.csv", ("word", "sector", "person")):
        kb.agents[row["word"].lower()] = (row["sector"], row["person"] == "yes")
    from .dated import load_dated

    load_dated(kb)
    return kb


def _load_people(kb: KnowledgeBase) -> None:
    columns = ("id", "name", "aliases", "country", "role", "sector", "start", "end")
    for row in read_table("actors/people.csv", columns):
        pid, where = row["id"], f"actors/people.csv ({row['id']})"
        affiliation = row["country"]
        if affiliation not in kb.entities:
            raise DataError(f"{where}: unknown country or organisation {affiliation!r}; add it first")
        kb.add(Entity(pid, row["name"], "person"))
        kb.roles[pid].append(
            Role(normalise_role(row["role"]), row["sector"], affiliation, parse_day(row["start"], where),
                 parse_day(row["end"], where), title=row["role"])
        )
        # Bare surnames are listed as aliases only where they are distinctive ("Lavrov", not "Brown").
        for text in [row["name"], *split_list(row["aliases"])]:
            kb.alias(text, Alias(pid, "person"))
