"""The gold corpus record: one article with its text, attribution and every event a coder recorded.

Offsets are character offsets into ``text``, as everywhere in Tightrope: ``text[start:end]`` is the
span's ``text``. Labels are checked against the packaged codebook and country list.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..models import Modality, TextSpan

__all__ = ["SECTORS", "GoldActor", "GoldEvent", "GoldArticle", "load_corpus"]

#: CAMEO-style sector codes an annotator may give a state-affiliated actor (docs/ANNOTATION.md).
SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI", "OPP", "PTY", "REB", "INS", "SEP", "UAF",
    "CVL", "BUS", "MED", "EDU", "HLH", "REF", "LAB", "REL", "CRM", "NGO", "HRI", "ENV", "AGR", "SPT",
})


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldActor(_Record):
    """An actor mention in one role of a gold event, with its label.

    ``country`` (ISO3) plus ``sector`` labels anyone who acts for or within a state; ``code``
    labels what belongs to no one state (``IGOUNO``, ``NGOHRW``, ``IMGMOSINS``). ``mention`` is the
    words in the text that name the actor (in the event's sentence or, for a pronoun's antecedent,
    before it); it is null only when the text gives the actor no words of its own.
    """

    mention: TextSpan | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    sector: str | None = None
    code: str | None = Field(default=None, pattern=r"^[A-Z][A-Z0-9]{2,11}$")

    @model_validator(mode="after")
    def _labelled(self) -> GoldActor:
        if not self.country and not self.code:
            raise ValueError("an actor needs a country (ISO3) or a code (IGO.../NGO.../IMG...)")
        if self.sector is not None and self.sector not in SECTORS:
            raise ValueError(f"unknown sector {self.sector!r}; use one of {', '.join(sorted(SECTORS))}")
        return self


class GoldEvent(_Record):
    """One event as an annotator recorded it."""

    sentence: TextSpan
    trigger: TextSpan
    cameo: str = Field(pattern=r"^[0-2][0-9]{1,3}$")
    plover: str | None
    source: GoldActor | None
    target: GoldActor | None
    modality: Modality = "asserted"
    symmetric: bool = False
    note: str | None = None


class GoldArticle(_Record):
    """One annotated article: text, attribution and events."""

    id: str
    corpus: Literal["voa", "wikinews", "plover_dev"]
    title: str | None = None
    published: dt.date | None = None
    url: str
    licence: str
    text: str
    annotator: str
    events: list[GoldEvent] = Field(default_factory=list)


def load_corpus(path: Path) -> list[GoldArticle]:
    """Read a gold JSONL file (one :class:`GoldArticle` per line).

    Args:
        path: the file.

    Returns:
        The articles, in file order.
    """
    articles = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                articles.append(GoldArticle.model_validate_json(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{number}: {exc}") from None
    return articles


def dump_corpus(articles: list[GoldArticle], path: Path) -> None:
    """Write articles as gold JSONL, sorted by id so that rebuilds diff cleanly."""
    lines = [json.dumps(a.model_dump(mode="json", exclude_none=False), ensure_ascii=False)
             for a in sorted(articles, key=lambda a: a.id)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
