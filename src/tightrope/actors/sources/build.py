"""``make kb``: convert ``../shared/kbdata`` into ``tightrope/data/actors/kb/`` and print a coverage report.

Merge rules, in order:

1. The hand-written ``actors/people.csv`` is authoritative: a converted post of the same person
   (same name key and country, or one of the person's aliases) that overlaps one of their hand-written
   roles is dropped; their other posts (earlier careers) are kept under the hand-written id.
2. ``data/kb/overrides.csv`` drops or adds posts where a source is known to be wrong.
3. A post the source only knows to run "to its last update" ends where a successor in the same
   single-holder office (``roles.HEAD_ROLES``) begins, from any source; otherwise at the source's end.
4. Two people holding one single-holder office on the same day for more than a month, and two sources
   giving one person's term starts more than a month apart, are reported as conflicts, not fixed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from ...data import read_table, split_list
from ..kb import parse_day
from .countryinfo import read_countryinfo
from .phoenix import read_aliases, read_groups, read_igo_heads
from .records import FAMILY_NAME_FIRST, Holding, name_key, person_key, same_person
from .roles import HEAD_ROLES
from .states import read_states
from .wikidata import read_wikidata

__all__ = ["build", "main"]

ROOT = Path(__file__).resolve().parents[4]
OUT = Path(__file__).resolve().parents[2] / "data" / "actors" / "kb"
_CONFLICT_DAYS = 31


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name_key(text).replace(" ", "-")).strip("-")


def _overlap(a: Holding, b_start: dt.date | None, b_end: dt.date | None) -> int:
    lo = max(a.start or dt.date.min, b_start or dt.date.min)
    hi = min(a.end or dt.date.max, b_end or dt.date.max)
    return (hi - lo).days if hi > lo else 0


class _Hand:
    """The hand-written people: ids by (name key, affiliation), and their roles."""

    def __init__(self) -> None:
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.roles: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = defaultdict(list)
        self.names: dict[str, str] = {}
        self.by_country: dict[str, set[str]] = defaultdict(set)
        for row in read_table("actors/people.csv", ("id", "name", "aliases", "country", "role", "start", "end")):
            pid = row["id"]
            self.names[pid] = row["name"]
            for text in [row["name"], *split_list(row["aliases"])]:
                if len(text.split()) > 1:
                    self.by_key[name_key(text)].add(pid)
                    self.by_key[person_key(text)].add(pid)
            self.roles[pid].append((row["country"], parse_day(row["start"], pid), parse_day(row["end"], pid)))
            self.by_country[row["country"]].add(pid)

    def match(self, holding: Holding) -> str | None:
        for key in (holding.key(), holding.person(), *map(name_key, holding.aliases)):
            for pid in self.by_key.get(key, ()):
                if any(country == holding.country for country, _, _ in self.roles[pid]) or holding.sector == "IGO":
                    return pid
        return next((pid for pid in sorted(self.by_country.get(holding.country, ()))
                     if same_person(self.names[pid], holding.name)), None)


def _same(a: Holding, b: Holding) -> bool:
    return a.person() == b.person() or same_person(a.name, b.name)


def _single(h: Holding) -> bool:
    """An office one person holds at a time (many states have several "secretaries of state")."""
    return h.role in HEAD_ROLES and (h.role != "secretary of state" or h.country == "USA")


def _overrides(path: Path, holdings: list[Holding], log: list[str]) -> list[Holding]:
    if not path.exists():
        return holdings
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    drops = [(name_key(r["name"]), r["country"], r["role"]) for r in rows if r["action"] == "drop"]
    kept = [h for h in holdings if (h.key(), h.country, h.role) not in drops]
    log.append(f"overrides: {len(holdings) - len(kept)} converted posts dropped by {len(drops)} rule(s)")
    for r in rows:
        if r["action"] == "add":
            kept.append(Holding(name=r["name"], country=r["country"], role=r["role"], title=r["role"], sector="GOV",
                                start=parse_day(r["start"], "overrides.csv"), end=parse_day(r["end"], "overrides.csv"),
                                source=f"overrides.csv: {r['note']}"))
    return kept


def _close_by_successors(holdings: list[Holding], hand_offices: list[Holding]) -> list[Holding]:
    offices: dict[tuple[str, str], list[Holding]] = defaultdict(list)
    for h in [*holdings, *hand_offices]:
        if _single(h) and h.start:
            offices[(h.country, h.role)].append(h)
    closed = []
    for h in holdings:
        if h.end_basis.startswith("source end") and (h.country, h.role) in offices:
            later = [o for o in offices[(h.country, h.role)] if not _same(o, h) and o.start and h.start
                     and h.start < o.start < (h.end or dt.date.max)]
            if later:
                first = min(later, key=lambda o: o.start)  # type: ignore[arg-type, return-value]
                h = h.with_(end=first.start, end_basis=f"closed by successor {first.name} ({first.source.split(' line')[0]})")
        closed.append(h)
    return closed


def _conflicts(holdings: list[Holding]) -> list[str]:
    found = []
    offices: dict[tuple[str, str], list[Holding]] = defaultdict(list)
    for h in holdings:
        if _single(h) and h.start and h.start_basis == "day":
            offices[(h.country, h.role)].append(h)
    for (country, role), group in sorted(offices.items()):
        group.sort(key=lambda h: h.start)  # type: ignore[arg-type, return-value]
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if b.start and a.end and b.start >= a.end:
                    continue
                if not _same(a, b) and _overlap(a, b.start, b.end) > _CONFLICT_DAYS:
                    found.append(f"{country} {role}: {a.name} {a.start}..{a.end} ({a.source}) overlaps "
                                 f"{b.name} {b.start}..{b.end} ({b.source})")
    return found


def build(kbdata: Path, out: Path = OUT, overrides: Path = ROOT / "data" / "kb" / "overrides.csv") -> list[str]:
    """Convert, merge and write the knowledge base; return the report lines."""
    problems: list[str] = []
    log: list[str] = []
    countries = {r["iso3"]: r for r in read_table("actors/countries.csv", ("iso3", "name", "aliases"))}
    country_keys = {name_key(t): iso for iso, r in countries.items() for t in [r["name"], *split_list(r["aliases"])]}
    blocks = read_countryinfo(kbdata / "countryinfo" / "CountryInfo.140728.txt", problems)
    cow_to_iso = {b.cow: b.iso3 for b in blocks if b.cow and b.iso3 in countries}
    holdings = [h for b in blocks for h in b.holdings if h.country in countries or h.sector == "IGO"]
    log.append(f"CountryInfo: {len(blocks)} country blocks, {len(holdings)} dated posts")
    igo = read_igo_heads(kbdata / "phoenix" / "Phoenix.International.actors.txt", problems)
    wikidata = read_wikidata(kbdata / "wikidata_world_leaders" / "wikidata.csv", country_keys, problems)
    log.append(f"Phoenix: {len(igo)} dated heads of organisations; Wikidata: {len(wikidata)} heads of state/government")
    holdings = _overrides(overrides, [*holdings, *igo, *wikidata], log)
    aliases = read_aliases(kbdata / "phoenix" / "Phoenix.Countries.actors.txt", problems)
    groups = read_groups(kbdata / "phoenix" / "Phoenix.MilNonState.actors.txt", set(countries), problems, cow_to_iso)
    states = read_states(kbdata / "states" / "gwstates.csv", cow_to_iso, country_keys, problems)

    hand = _Hand()
    hand_offices = [Holding(hand.names[pid], c, "", "", "GOV", s, e, "people.csv")
                    for pid, rows in hand.roles.items() for c, s, e in rows]
    hand_roles = {r["id"]: [] for r in read_table("actors/people.csv", ("id",))}
    for row in read_table("actors/people.csv", ("id", "name", "country", "role", "start", "end")):
        from .roles import normalise_role
        hand_roles[row["id"]].append(Holding(row["name"], row["country"], normalise_role(row["role"]), row["role"], "GOV",
                                             parse_day(row["start"], row["id"]), parse_day(row["end"], row["id"]),
                                             "people.csv"))
    holdings = _close_by_successors(holdings, [h for rows in hand_roles.values() for h in rows])
    del hand_offices

    people: dict[str, dict[str, object]] = {}
    roles: list[tuple[str, Holding]] = []
    ids: dict[tuple[str, str], str] = {}
    dropped_for_hand = 0
    for h in sorted(holdings, key=lambda h: (h.country, h.key(), h.start or dt.date.min, h.role)):
        pid = hand.match(h)
        if pid is not None:
            if any(_overlap(h, s, e) > 0 for _, s, e in hand.roles[pid]):
                dropped_for_hand += 1
                continue
        else:
            home = h.country if h.sector != "IGO" else "igo"
            pid = ids.get((h.person(), home))
            if pid is None and h.sector == "IGO":
                pid = next((v for (k, _), v in ids.items() if k == h.person()), None)
            if pid is None:
                pid = f"kb:{_slug(h.name)}-{home.lower()}"
                while pid in people:
                    pid += "-2"
                ids[(h.person(), home)] = pid
        entry = people.setdefault(pid, {"name": hand.names.get(pid), "aliases": set(), "sources": set(), "spellings": Counter()})
        entry["spellings"][h.name] += 1  # type: ignore[index]
        names = {h.name, *h.aliases, *aliases.get(h.key(), set())}
        if h.country in FAMILY_NAME_FIRST:
            names |= {" ".join(n.split()[::-1]) for n in list(names) if len(n.split()) == 2}
        entry["aliases"] |= {n for n in names if len(n.split()) > 1}  # type: ignore[operator]
        entry["sources"].add(h.source.split(" line")[0].split(" (")[0])  # type: ignore[union-attr]
        roles.append((pid, h))
    for entry in people.values():  # the spelling most posts use ("Pierre Nkurunziza", not a one-off "Nkurunziz")
        entry["name"] = entry["name"] or max(entry["spellings"].items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]  # type: ignore[union-attr]
    log.append(f"merged: {dropped_for_hand} converted posts dropped where the hand-written list covers the person")
    conflicts = _conflicts([h for _, h in roles] + [h for rows in hand_roles.values() for h in rows])
    _write(out, people, roles, groups, states, countries)
    return _report(log, problems, conflicts, people, roles, groups, states)


def _write(out: Path, people, roles, groups, states, countries) -> None:  # type: ignore[no-untyped-def]
    out.mkdir(parents=True, exist_ok=True)
    with (out / "people.csv").open("w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle, lineterminator="\n")
        w.writerow(["id", "name", "aliases", "sources"])
        for pid in sorted(people):
            p = people[pid]
            w.writerow([pid, p["name"], "|".join(sorted(set(p["aliases"]) - {p["name"]})), "|".join(sorted(p["sources"]))])
    with (out / "roles.csv").open("w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle, lineterminator="\n")
        w.writerow(["id", "country", "role", "title", "sector", "start", "end", "start_basis", "end_basis", "source"])
        for pid, h in sorted(roles, key=lambda r: (r[0], r[1].start or dt.date.min, r[1].role)):
            w.writerow([pid, h.country, h.role, h.title, h.sector, h.start or "", h.end or "", h.start_basis, h.end_basis, h.source])
    with (out / "states.csv").open("w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle, lineterminator="\n")
        w.writerow(["iso3", "name", "start", "end", "source"])
        for s in sorted(states, key=lambda s: (s.iso3, s.start)):
            w.writerow([s.iso3, s.name, s.start, s.end or "", s.source])
    with (out / "groups.csv").open("w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle, lineterminator="\n")
        w.writerow(["id", "name", "aliases", "code", "country", "sector", "source"])
        seen = set()
        for g in sorted(groups, key=lambda g: g.name):
            gid = f"phx:{_slug(g.name)}"
            if gid in seen or not gid[4:]:
                continue
            seen.add(gid)
            w.writerow([gid, g.name, "|".join(a for a in g.aliases if a != g.name), g.code, g.country or "", g.sector, g.source])


def _report(log, problems, conflicts, people, roles, groups, states) -> list[str]:  # type: ignore[no-untyped-def]
    decades: Counter = Counter()
    people_by_decade: dict[int, set[str]] = defaultdict(set)
    for _, h in roles:
        start = (h.start or dt.date(1900, 1, 1)).year
        end = (h.end or dt.date.today()).year
        for decade in range(max(start, 1950) // 10 * 10, min(end, 2029) // 10 * 10 + 1, 10):
            decades[decade] += 1
            people_by_decade[decade].add(_)
    by_country = Counter(h.country for _, h in roles)
    lines = [*log,
             f"people: {len(people)}; aliases: {sum(len(p['aliases']) for p in people.values())}; posts: {len(roles)}; "
             f"armed/non-state groups: {len(groups)}; state periods: {len(states)}",
             "posts held in each decade: " + ", ".join(f"{d}s {decades[d]}" for d in sorted(decades)),
             "people in a post in each decade: " + ", ".join(f"{d}s {len(people_by_decade[d])}" for d in sorted(decades)),
             f"posts by state or organisation ({len(by_country)}):",
             *("  " + "  ".join(f"{c} {n}" for c, n in row)
               for row in _rows(sorted(by_country.items()), 12)),
             f"conflicts: {len(conflicts)} (same single-holder office, two people, over {_CONFLICT_DAYS} days)"]
    lines += [f"  {c}" for c in conflicts[:25]] + ([f"  ... and {len(conflicts) - 25} more"] if len(conflicts) > 25 else [])
    lines.append(f"source lines skipped: {len(problems)}")
    lines += [f"  {p}" for p in problems[:15]] + ([f"  ... and {len(problems) - 15} more"] if len(problems) > 15 else [])
    return lines


def _rows(items: list, size: int) -> list[list]:  # type: ignore[type-arg]
    return [items[i:i + size] for i in range(0, len(items), size)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tightrope.actors.sources.build", description=__doc__.splitlines()[0])
    parser.add_argument("--kbdata", type=Path, default=ROOT.parent / "shared" / "kbdata")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not (args.kbdata / "countryinfo").is_dir():
        print(f"error: {args.kbdata} does not hold the open datasets (countryinfo/, phoenix/, states/, "
              "wikidata_world_leaders/); pass --kbdata DIR", file=sys.stderr)
        return 2
    lines = build(args.kbdata, args.out)
    for line in lines:
        print(line)
    (args.out / "COVERAGE.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (args.out / "README.md").exists() or print(f"note: write {args.out / 'README.md'} (sources and licences)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
