"""Look a name up in the knowledge base, as ``tightrope actors lookup`` and ``/api/actors/lookup`` do."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .folded import fold
from .kb import Alias, KnowledgeBase, Role, load_kb

__all__ = ["lookup_name", "lookup_records"]


def _role(role: Role | None, kb: KnowledgeBase) -> dict[str, Any] | None:
    if role is None:
        return None
    where = kb.entities.get(role.affiliation)
    return {"role": role.role, "title": role.title or role.role, "affiliation": role.affiliation,
            "affiliation_name": where.name if where else role.affiliation, "sector": role.sector,
            "start": role.start.isoformat() if role.start else None, "end": role.end.isoformat() if role.end else None,
            "start_basis": role.start_basis, "end_basis": role.end_basis, "source": role.source}


def _aliases(kb: KnowledgeBase, name: str) -> list[Alias]:
    found = list(kb.aliases.get(name.strip(), []))
    found += [a for a in kb.folded.get(fold(name.strip()), []) if a not in found]
    return found


def lookup_records(name: str, day: dt.date | None = None) -> list[dict[str, Any]]:
    """Every actor a name can stand for, with the role held on ``day`` and what it rests on.

    Args:
        name: the name as written ("Sergey Lavrov", "junichiro koizumi", "Moscow", "the Quad").
        day: the date on which to read people's roles and states' existence.

    Returns:
        One record per actor; empty when the name is unknown.
    """
    kb = load_kb()
    records = []
    for alias in _aliases(kb, name):
        entity = kb.entities[alias.entity_id]
        record: dict[str, Any] = {"id": entity.id, "name": entity.name, "kind": entity.kind, "as": alias.form}
        if entity.kind == "person":
            role, basis = kb.role_status(entity.id, day)
            record.update(role=_role(role, kb), role_basis=basis,
                          posts=[_role(r, kb) for r in sorted(kb.roles.get(entity.id, []), key=lambda r: r.start or dt.date.min)])
        else:
            record.update(country=entity.country, code=entity.code, sector=alias.sector, members=list(entity.members))
            if entity.kind == "state":
                state, basis = kb.state_on(entity.id, day)
                record.update(state_on_date=state, state_basis=basis or None,
                              periods=[[s.isoformat(), e.isoformat() if e else None] for s, e in kb.periods.get(entity.id, [])])
        records.append(record)
    return records


def lookup_name(name: str, day: dt.date | None = None) -> list[str]:
    """Describe every actor a name can stand for, one line each (and its posts, for a person)."""
    lines = []
    for r in lookup_records(name, day):
        if r["kind"] == "person":
            role = r["role"]
            held = (f"{role['title']} of {role['affiliation_name']} ({role['start'] or '?'} to {role['end'] or 'now'})"
                    if role else "no known role on that date")
            lines.append(f"{r['name']} · person · {held}")
            lines.append(f"    basis: {r['role_basis']}")
            for post in r["posts"][-6:]:
                lines.append(f"    post: {post['title']} · {post['affiliation']} · {post['start'] or '?'} to "
                             f"{post['end'] or 'open'} · {post['source']}")
        else:
            extra = f" · members {', '.join(r['members'])}" if r["members"] else ""
            via = f" · as {r['as']}" + (f" ({r['sector']})" if r["sector"] else "")
            lines.append(f"{r['name']} · {r['kind']} · country {r['country'] or '-'} · code {r['code']}{via}{extra}")
            if r.get("state_basis"):
                lines.append(f"    on that date: {r['state_on_date'] or 'no state'} ({r['state_basis']})")
    return lines
