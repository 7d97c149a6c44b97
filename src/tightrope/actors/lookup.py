"""Look a name up in the knowledge base, as ``tightrope actors lookup`` does."""

from __future__ import annotations

import datetime as dt

from .kb import load_kb

__all__ = ["lookup_name"]


def lookup_name(name: str, day: dt.date | None = None) -> list[str]:
    """Describe every actor a name can stand for.

    Args:
        name: the name as written ("Sergey Lavrov", "Moscow", "the Quad").
        day: the date on which to read people's roles.

    Returns:
        One line per actor; empty when the name is unknown.
    """
    kb = load_kb()
    lines = []
    for alias in kb.aliases.get(name.strip(), []):
        entity = kb.entities[alias.entity_id]
        if entity.kind == "person":
            role = kb.role_on(entity.id, day)
            where = kb.entities[role.affiliation].name if role else "-"
            held = f"{role.role} of {where} ({role.start} to {role.end or 'now'})" if role else "no known role on that date"
            lines.append(f"{entity.name} · person · {held}")
        else:
            extra = f" · members {', '.join(entity.members)}" if entity.members else ""
            via = f" · as {alias.form}" + (f" ({alias.sector})" if alias.sector else "")
            lines.append(f"{entity.name} · {entity.kind} · country {entity.country or '-'} · code {entity.code}{via}{extra}")
    return lines
