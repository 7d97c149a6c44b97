"""Names an article introduces with a description: "Iranian airline Mahan Air", "Russian oil giant Rosneft".

No list knows every airline, company or armed group, but a news article usually says
what it is the first time it names it. A name (a run of proper nouns) that no actor
list knows, with a descriptive noun in front whose modifiers name a state, belongs to
that state, with the sector the descriptive noun gives ("airline": business). Later
mentions of the name, or of its first word ("Mahan"), stand for the same actor.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..models import ActorRef

__all__ = ["introduced_names"]


def introduced_names(
    parsed: Doc,
    refs: dict[int, list[ActorRef]],
    owners_of: Callable[[Token], list[ActorRef]],
    sector_of: Callable[[Token], tuple[str, bool] | None],
    with_sector: Callable[[ActorRef, str], ActorRef],
) -> dict[str, ActorRef]:
    """Find introduced names and give their tokens the actor they belong to.

    Args:
        parsed: the parsed article.
        refs: token index -> actors found so far (known names); updated in place.
        owners_of: the actors a head's modifiers name (``_modifier_refs``).
        sector_of: the sector an agent noun gives and whether it names a person ("airline" ->
            ``("BUS", False)``), or ``None``. A name after a person word ("minister Zhang
            Weiming") is a person's, left to the person rules.
        with_sector: the owner seen through that sector.

    Returns:
        ``{name: actor}`` for every introduced name and the first word of each longer one.
    """
    names: dict[str, ActorRef] = {}
    for head in parsed:
        if head.pos_ != "PROPN" or head.dep_ == "compound" or head.i in refs:
            continue
        run = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in refs] + [head]
        describers = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if not describers or any(t.i != run[0].i + k for k, t in enumerate(run)):
            continue
        owners = [r for r in owners_of(head) if r.country]
        if len({r.country for r in owners}) != 1:
            continue
        kinds = [k for d in describers for k in (sector_of(d),) if k]
        if any(is_person for _, is_person in kinds):
            continue
        sector = kinds[0][0] if kinds else None
        ref = with_sector(owners[0], sector) if sector else owners[0]
        for token in run:
            refs[token.i] = [ref]
        names.setdefault(" ".join(t.text for t in run), ref)
        if len(run) > 1:
            names.setdefault(run[0].text, ref)
    return names
