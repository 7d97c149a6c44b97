"""Build the gold corpus from annotators' drafts, and check it.

A draft (``data/gold/drafts/*.jsonl``, one article a line) quotes the article: the sentence, the
trigger and each actor's words, plus labels. :func:`build_article` turns it into a
:class:`~tightrope.gold.schema.GoldArticle` with exact offsets; :func:`check_article` is the
validator ``make check-gold`` runs on the result. The article text and its attribution come from
``../shared/corpus``, never from the draft.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from ..data import state_codes
from ..events.ontology import load_ontology
from .align import AlignError, Normalised, find_span
from .schema import GoldActor, GoldArticle, GoldEvent

__all__ = ["LICENCES", "read_sources", "build_article", "check_article"]

LICENCES = {
    "voa": "Public domain (US government work); credit voanews.com / Voice of America",
    "wikinews": "CC BY 2.5; credit Wikinews and link the article url",
}

#: How far back (characters) a mention may stand before its event's sentence (a pronoun's antecedent).
ANTECEDENT_WINDOW = 600


def read_sources(folder: Path) -> dict[str, dict[str, Any]]:
    """Read the shared corpus files into one dict keyed by article id."""
    rows: dict[str, dict[str, Any]] = {}
    for name, corpus in (("voa_2019_2025.jsonl", "voa"), ("wikinews_2019_2020.jsonl", "wikinews")):
        path = folder / name
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing; the shared corpus lives in ../shared/corpus")
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row["corpus"] = corpus
                rows[row["id"]] = row
    return rows


def _actor(draft: dict[str, Any] | None, text: str, folded: Normalised, sentence: tuple[int, int]) -> GoldActor | None:
    if draft is None:
        return None
    mention = None
    words = draft.get("text")
    if words:
        try:
            mention = find_span(text, words, within=sentence, occurrence=draft.get("occurrence", 1), folded=folded)
        except AlignError:
            window = (max(0, sentence[0] - ANTECEDENT_WINDOW), sentence[0])
            mention = find_span(text, words, within=window, folded=folded, last_before=True)
    return GoldActor(mention=mention, country=draft.get("country") or None, sector=draft.get("sector") or None,
                     code=draft.get("code") or None)


def build_article(draft: dict[str, Any], source: dict[str, Any]) -> tuple[GoldArticle, list[str]]:
    """Turn one draft line into a gold article.

    Args:
        draft: ``{"id", "annotator", "events": [...]}`` as docs/ANNOTATION.md describes.
        source: the article's row of the shared corpus.

    Returns:
        The article with every event that could be placed, and one message per event that could not.
    """
    text = source["text"]
    folded = Normalised(text)
    ontology = load_ontology()
    events, errors = [], []
    for number, item in enumerate(draft.get("events", []), 1):
        try:
            sentence = find_span(text, item["sentence"], occurrence=item.get("sentence_occurrence", 1), folded=folded)
            bounds = (sentence.start, sentence.end)
            trigger = find_span(text, item["trigger"], within=bounds, occurrence=item.get("trigger_occurrence", 1),
                                folded=folded)
            code = str(item["cameo"])
            if code not in ontology:
                raise AlignError(f"unknown CAMEO code {code!r}")
            events.append(GoldEvent(
                sentence=sentence, trigger=trigger, cameo=code, plover=ontology[code].plover_type,
                source=_actor(item.get("source"), text, folded, bounds),
                target=_actor(item.get("target"), text, folded, bounds),
                modality=item.get("modality", "asserted"), symmetric=bool(item.get("symmetric", False)),
                note=item.get("note") or None))
        except (AlignError, KeyError, ValueError) as exc:
            errors.append(f"{draft['id']} event {number}: {type(exc).__name__}: {exc}")
    article = GoldArticle(
        id=source["id"], corpus=source["corpus"], title=source.get("title"), published=source.get("published"),
        url=source["url"], licence=LICENCES[source["corpus"]], text=text, annotator=draft["annotator"], events=events)
    return article, errors


@functools.lru_cache(maxsize=1)
def _known_countries() -> frozenset[str]:
    """The ISO3 codes a gold actor may carry: the state list and the territories."""
    return state_codes()


def check_article(article: GoldArticle) -> list[str]:
    """Return every problem with a gold article: offsets that do not slice the text, unknown labels.

    Args:
        article: the article as read from the corpus file.

    Returns:
        One message per problem; empty when the article is sound.
    """
    problems = []
    ontology = load_ontology()
    countries = _known_countries()
    for number, event in enumerate(article.events, 1):
        where = f"{article.id} event {number}"
        spans = [("sentence", event.sentence), ("trigger", event.trigger)]
        spans += [(f"{role} mention", actor.mention) for role, actor in (("source", event.source), ("target", event.target))
                  if actor is not None and actor.mention is not None]
        for name, span in spans:
            if article.text[span.start:span.end] != span.text or span.end <= span.start:
                problems.append(f"{where}: {name} offsets {span.start}-{span.end} do not slice {span.text!r}")
        if not event.sentence.start <= event.trigger.start < event.trigger.end <= event.sentence.end:
            problems.append(f"{where}: trigger {event.trigger.text!r} lies outside its sentence")
        if event.cameo not in ontology:
            problems.append(f"{where}: unknown CAMEO code {event.cameo!r}")
        elif event.plover != ontology[event.cameo].plover_type:
            problems.append(f"{where}: PLOVER {event.plover!r} is not the codebook's {ontology[event.cameo].plover_type!r}")
        for role, actor in (("source", event.source), ("target", event.target)):
            if actor is not None and actor.country and actor.country not in countries:
                problems.append(f"{where}: {role} country {actor.country!r} is not in actors/countries.csv or territories.csv")
    return problems
