"""plover_dev records as gold articles, for training experiments (``tightrope train --with-plover-dev``).

Each record becomes a one-sentence article with one event: the CAMEO root is the root the
codebook maps most of the record's PLOVER type to, the trigger the first word of ``eventText``,
each side its first actor's words. Records whose words cannot be placed are left out. plover_dev
is CC BY-SA 4.0: models trained on it are an experiment to report, not the packaged models.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..events.ontology import load_ontology
from .align import AlignError, find_span
from .schema import SECTORS, GoldActor, GoldArticle, GoldEvent

__all__ = ["plover_articles", "root_of_type"]


def root_of_type() -> dict[str, str]:
    """PLOVER type -> the CAMEO root most of the codebook's codes of that type fall under."""
    counts: dict[str, Counter] = {}
    for code in load_ontology().values():
        if code.plover_type:
            counts.setdefault(code.plover_type, Counter())[code.root] += 1
    return {kind: c.most_common(1)[0][0] for kind, c in counts.items()}


def _actor(text: str, value: object) -> GoldActor | None:
    if not isinstance(value, list) or not value or not value[0].get("code"):
        return None
    first = value[0]
    try:
        mention = find_span(text, first["actorText"]) if first.get("actorText") else None
    except AlignError:
        mention = None
    code = first["code"]
    sector = first.get("sector") if first.get("sector") in SECTORS else None
    if len(code) == 3 and code.isalpha():
        return GoldActor(mention=mention, country=code, sector=sector)
    return GoldActor(mention=mention, code=code) if code[:3] in ("IGO", "NGO") else None


def plover_articles(path: Path) -> list[GoldArticle]:
    """The plover_dev records that can be placed, as one-event gold articles."""
    roots = root_of_type()
    ontology = load_ontology()
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text, root = record["text"], roots.get(record["event"])
        words = (record.get("eventText") or "").split()
        source = _actor(text, record.get("source"))
        if not root or not words or source is None or root not in ontology:
            continue
        try:
            trigger = find_span(text, words[0])
        except AlignError:
            continue
        sentence = find_span(text, text.strip())
        event = GoldEvent(sentence=sentence, trigger=trigger, cameo=root, plover=ontology[root].plover_type,
                          source=source, target=_actor(text, record.get("target")))
        articles.append(GoldArticle(id=record["id"], corpus="plover_dev", url="https://github.com/openeventdata/PLOVER",
                                    licence="CC BY-SA 4.0, Open Event Data Alliance", text=text, annotator="PLOVER",
                                    published=record.get("date"), events=[event]))
    return articles
