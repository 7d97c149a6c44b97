"""Check an analysed article against a hand-checked gold file (must find / must be negated / must not)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .models import ArticleDoc, Event

__all__ = ["GoldResult", "check_gold"]


@dataclass
class GoldResult:
    """What a gold file asked for and what the coder did."""

    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else 1.0


def _fits(event: Event, want: dict[str, Any]) -> bool:
    if not event.cameo.startswith(want.get("cameo", "")):
        return False
    sides = [(event.source, event.target)]
    if want.get("symmetric"):
        sides.append((event.target, event.source))
    for source, target in sides:
        if _side(source, want.get("source"), want.get("source_country")) and _side(
            target, want.get("target"), want.get("target_country")
        ):
            return "modality" not in want or event.modality == want["modality"]
    return False


def _side(ref, actor_id: str | None, country: str | None) -> bool:
    if actor_id is not None and (ref is None or ref.actor_id != actor_id):
        return False
    return country is None or (ref is not None and ref.country == country)


def check_gold(doc: ArticleDoc, gold: dict[str, Any]) -> GoldResult:
    """Compare an analysed article with its gold file.

    Args:
        doc: the analysed article.
        gold: the parsed gold JSON (``must_find``, ``must_be_negated``, ``must_not``).

    Returns:
        Which wanted events were found, which were missed, and every violation of a
        must-be-negated or must-not rule.
    """
    result = GoldResult()
    for want in gold.get("must_find", []):
        (result.found if any(_fits(e, want) for e in doc.events) else result.missed).append(want["what"])
    for rule in gold.get("must_be_negated", []):
        for e in doc.events:
            if e.cameo.startswith(rule["cameo"]) and e.modality == "asserted" and _about(e, rule):
                result.violations.append(f"{rule['what']}: asserted {e.cameo} in {e.sentence.text[:80]!r}")
    for rule in gold.get("must_not", []):
        for e in doc.events:
            if rule.get("target_country") and e.target and e.target.country == rule["target_country"]:
                result.violations.append(f"{rule['what']}: {e.cameo} {e.trigger.text!r}")
            if e.cameo[:2] in rule.get("cameo_roots", []):
                result.violations.append(f"{rule['what']}: {e.cameo} {e.trigger.text!r}")
    return result


def _about(event: Event, rule: dict[str, Any]) -> bool:
    evidence = rule.get("evidence")
    return evidence is None or evidence in event.sentence.text
