"""The trigger lexicon: verbs, phrasal verbs, verb-object phrases and nouns mapped to CAMEO codes."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from ..data import read_table
from ..errors import DataError
from .ontology import load_ontology

__all__ = ["Trigger", "load_lexicon"]


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry.

    ``particle`` and ``object`` must both be present on the trigger word for the
    entry to apply; ``prep`` is the preposition that introduces the target
    (empty: the direct object is the target).
    """

    lemma: str
    pos: str
    particle: str
    object: str
    prep: str
    cameo: str
    symmetric: bool

    @classmethod
    def plain(cls, lemma: str, pos: str, cameo: str) -> Trigger:
        """A trigger found without the lexicon (a demand by "must", praise by an adjective): no
        particle, object or preposition, and one-sided."""
        return cls(lemma=lemma, pos=pos, particle="", object="", prep="", cameo=cameo, symmetric=False)

    @property
    def specificity(self) -> int:
        """Entries that ask more of the sentence win over plainer ones."""
        return bool(self.particle) + bool(self.object)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> dict[tuple[str, str], list[Trigger]]:
    """Load the packaged trigger lexicon, keyed by (lemma, POS), most specific entries first.

    Returns:
        The lexicon.

    Raises:
        DataError: an entry names a CAMEO code the codebook lacks.
    """
    codes = load_ontology()
    lexicon: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    columns = ("lemma", "pos", "particle", "object", "prep", "cameo", "symmetric")
    for row in read_table("events/triggers.csv", columns):
        if row["cameo"] not in codes:
            raise DataError(f"events/triggers.csv: {row['lemma']!r} has unknown CAMEO code {row['cameo']!r}")
        if row["pos"] not in ("VERB", "NOUN"):
            raise DataError(f"events/triggers.csv: {row['lemma']!r} has pos {row['pos']!r}; use VERB or NOUN")
        trigger = Trigger(row["lemma"], row["pos"], row["particle"], row["object"], row["prep"], row["cameo"],
                          row["symmetric"] == "yes")
        same = [t for t in lexicon[(trigger.lemma, trigger.pos)]
                if (t.particle, t.object, t.prep) == (trigger.particle, trigger.object, trigger.prep)]
        if same:
            raise DataError(f"events/triggers.csv: {trigger.lemma!r} {trigger.pos} with particle {trigger.particle!r}, "
                            f"object {trigger.object!r}, prep {trigger.prep!r} is listed twice "
                            f"(codes {same[0].cameo} and {trigger.cameo}); keep one")
        lexicon[(trigger.lemma, trigger.pos)].append(trigger)
    for entries in lexicon.values():
        entries.sort(key=lambda t: -t.specificity)
    return dict(lexicon)
