"""Render analysed articles for people (a text table) and for programs (JSONL)."""

from __future__ import annotations

import datetime as dt
import json

from .models import ActorRef, ArticleDoc

__all__ = ["to_jsonl", "to_table", "events_table", "explain_lines", "series_table", "brief_text"]

_WIDTH = 60


def to_jsonl(doc: ArticleDoc, with_text: bool = False) -> str:
    """Return one JSON line (the contract object) for an analysed article."""
    return json.dumps(doc.to_json_dict(with_text=with_text), ensure_ascii=False)


def to_table(doc: ArticleDoc) -> str:
    """Return a readable report of an article's actors and events."""
    a = doc.article
    lines = [f"== {a.title or '(untitled)'}", f"   id {a.id} · {a.published or 'date unknown'} · {a.source_path or ''}"]
    lines.append("")
    lines.append(f"Actors ({len(doc.actors)})")
    rows = [(x.name, x.kind, x.country or "-", x.code or "-", x.role or "-", str(len(x.mentions))) for x in doc.actors]
    lines.extend(_table(("name", "kind", "country", "code", "role", "mentions"), rows))
    lines.append("")
    lines.append(f"Events ({len(doc.events)})")
    rows = [
        (_who(e.source), e.cameo, _clip(e.cameo_name, 28), _who(e.target), e.modality,
         e.plover.type if e.plover else "-", _clip(e.trigger.text, 24))
        for e in doc.events
    ]
    lines.extend(_table(("source", "cameo", "event", "target", "modality", "plover", "trigger"), rows))
    for issue in doc.issues:
        lines.append(f"! {issue.stage}: {issue.reason}")
    return "\n".join(lines) + "\n"


def _who(ref: ActorRef | None) -> str:
    if ref is None:
        return "-"
    return f"{ref.name} ({ref.code})" if ref.code and ref.code != ref.name else ref.name


def _clip(text: str, width: int = _WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    if not rows:
        return ["  (none)"]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  " + "  ".join(f"{{:<{w}}}" for w in widths)
    return [fmt.format(*header), fmt.format(*("-" * w for w in widths)), *(fmt.format(*r) for r in rows)]


def shown_date(day: object, precision: str | None) -> str:
    """A stored date as precise as it is known: "2021" for "later this year", "2021-04" for "in April"."""
    if not day:
        return "-"
    text = str(day)
    return {"year": text[:4], "month": text[:7]}.get(precision or "day", text)


def events_table(rows: list[dict]) -> str:
    """A table of stored (deduplicated) events; a party is shown as "name (code)", or its name alone
    when it has no code, or "-" when there is none."""

    def party(name: str | None, code: str | None) -> str:
        if not name:
            return "-"
        return f"{name} ({code})" if code and code != name else name

    body = [
        (shown_date(r["first_date"], r.get("date_precision")), party(r["source_name"], r["source_code"]), r["cameo"],
         _clip(r["cameo_name"], 28), party(r["target_name"], r["target_code"]),
         r["modality"], str(r["num_articles"]), _clip(r["evidence"], 50))
        for r in rows
    ]
    header = ("date", "source", "cameo", "event", "target", "modality", "articles", "evidence")
    return "\n".join(_table(header, body))


def explain_lines(row: dict) -> list[str]:
    """Why one stored event was coded, as readable lines (``tightrope events --explain``): the coder's
    reasons, then (when ``row["reports"]`` holds the event's reports) the first report's date and
    what it rests on and how each party was resolved."""
    return _coder_lines(row) + _report_lines(row.get("reports") or [])


def _report_lines(reports: list[dict]) -> list[str]:
    if not reports:
        return []
    first = reports[0]
    basis = ", ".join(x for x in (first.get("date_basis"), first.get("date_text") and repr(first["date_text"])) if x)
    lines = [f"  date {shown_date(first.get('date'), first.get('date_precision'))}" + (f" ({basis})" if basis else "")
             + f"; {len(reports)} report{'s' if len(reports) != 1 else ''}, first in article {first['article_id']}"]
    for side in ("source", "target"):
        actor = first.get(f"{side}_actor")
        if not actor:
            continue
        role = f", {actor['role']}" if actor.get("role") else ""
        rests = f" [{actor['role_basis']}]" if actor.get("role_basis") else ""
        lines.append(f"  {side}: {actor['name']} ({actor['kind']}, {actor.get('code') or actor.get('country') or '-'}"
                     f"{role}){rests}")
    return lines


def _coder_lines(row: dict) -> list[str]:
    head = f"{row['source_name']} {row['cameo']} {row['target_name'] or '-'}: {_clip(row['evidence'], 90)}"
    why = row.get("explain")
    if not why:
        return [head, "  (no explanation stored: the report predates schema version 3)"]
    if why.get("coder") == "rules":
        return [head, f"  rules coder: trigger {why.get('trigger')!r} -> {why.get('code')}, "
                      f"confidence {why.get('confidence')}"]
    scores = ", ".join(f"{k} {v:.2f}" for k, v in (why.get("event_scores") or {}).items())
    modality = ", ".join(f"{k} {v:.2f}" for k, v in (why.get("modality_scores") or {}).items())
    sides = [f"{side} {why[f'{side}_score']:.2f}" for side in ("source", "target")
             if why.get(f"{side}_score") is not None]
    return [head, f"  learned coder: candidate {why.get('candidate')!r}; root scores {scores}",
            f"  features that pushed hardest: {', '.join(why.get('features') or []) or '-'}",
            f"  rules coder on the same word: {', '.join(why.get('rules') or []) or 'nothing'}",
            f"  parties from the {why.get('parties')}" + (f" ({', '.join(sides)})" if sides else "")
            + "".join(f"; {side}'s state from {how}" for side, how in (why.get("placed") or {}).items())
            + _implicit_line(why.get("implicit_target")),
            f"  modality scores: {modality}"
            + (f"; rests on {why['modality_basis']}" if why.get("modality_basis") else "")]


def _implicit_line(implicit: dict | None) -> str:
    if not implicit:
        return ""
    return (f"; no target mention: {implicit['chosen']} (self score {implicit['self_score']:.2f}, "
            f"threshold {implicit['threshold']:.2f})")


def series_table(a: str, b: str, by: str, series: list, gaps: list | None = None,
                 imprecise: list | None = None) -> str:
    """The dyad series: one line per period with events, a line for each span without, and the
    events dated more coarsely than the period apart."""
    lines = [f"== {a} \u2194 {b}, asserted events by {by}"]
    starts = {start: end for start, end in gaps or []}
    body: list[tuple[str, ...]] = []
    for r in series:
        body.append((str(r.period), str(r.events), str(r.verbal_cooperation), str(r.material_cooperation),
                     str(r.verbal_conflict), str(r.material_conflict), f"{r.goldstein_sum:+.1f}",
                     f"{r.goldstein_mean:+.2f}"))
        following = r.end + dt.timedelta(days=1) if r.end else None
        if following in starts:
            body.append((f"  ... no events {following} to {starts[following]}", "", "", "", "", "", "", ""))
    lines += _table(("period", "events", "verb.coop", "mat.coop", "verb.confl", "mat.confl", "goldstein",
                     "mean"), body)
    for r in imprecise or []:
        lines.append(f"  + {r.events} event(s) known only to the {r.precision} {shown_date(r.period, r.precision)} "
                     f"(mean {r.goldstein_mean:+.2f}), not placed in a {by}")
    return "\n".join(lines)


def brief_text(brief) -> str:
    """The dyad brief: trend, convergences, divergences and third parties by issue area, with evidence."""
    lines = ["", f"Trend: {brief.trend}" + (f" ({brief.trend_basis})" if brief.trend_basis else "")]
    sections = [("Convergences", brief.convergences), ("Divergences", brief.divergences),
                ("Third parties (pressure on the pair, or a party they split over)", brief.third_parties)]
    if brief.background:
        sections.append(("Background (history: not counted above)", brief.background))
    for title, items in sections:
        lines += ["", title]
        if not items:
            lines.append("  (none found)")
        for item in items:
            count = f" ({item.events} statement{'s' if item.events != 1 else ''}" + (
                f", {len(item.articles)} article{'s' if len(item.articles) != 1 else ''})" if item.articles else ")") \
                if item.events else ""
            third = f" · {item.third}" if item.third else ""
            lines.append(f"  - {item.topic}{third}{count}")
            lines += [f"      {_clip(e, 140)}" for e in item.evidence]
            if item.articles:
                lines.append(f"      articles: {', '.join(item.articles[:3])}" + (" ..." if len(item.articles) > 3 else ""))
    if brief.change:
        lines += ["", "Change by issue area (convergences minus divergences, before -> after)"]
        lines += [f"  - {c.area}: {c.before} -> {c.after} ({c.change})" for c in brief.change]
    return "\n".join(lines) + "\n"
