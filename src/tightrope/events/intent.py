"""Code what an actor says it will or will not do the way CAMEO does.

CAMEO does not code "Finland will give Tanzania a grant" as aid given: it is an
*expressed intent* to provide aid (033). Likewise a future or conditional
hostile act is a *threat* (13: "NATO would tighten the blockade" is 1381), and a
cooperative act the actor says it will not do, or failed to do, is a *rejection*
(12: "Syria will not accept refugees" is 124). PLOVER follows through its
mapping: intents are AGREE, threats THREATEN, rejections REJECT.

Only the actor's own stance recodes an event: a modal, a future auxiliary, an
intention verb ("plans to", "is prepared to") or a condition. An event someone
else asks for ("urged Russia to withdraw"), a motion verb ("heads to Islamabad")
and a time word ("the visit later this year") keep their own code.
"""

from __future__ import annotations

from ..models import Modality

__all__ = ["recode", "threat_code"]

_OWN_STANCE = {"condition", "modal", "auxiliary", "intention"}
_OWN_REFUSAL = {"future-negation", "failure"}

#: Intent codes for cooperative acts, most specific prefix first.
_INTENT = {
    "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "0333",
    "081": "0351", "082": "0352", "083": "0342", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
    "045": "039", "046": "036", "057": "030",
    "04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
}
#: Threat codes for hostile acts.
_THREAT = {
    "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
    "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324", "172": "132",
    "191": "1381", "192": "1382", "193": "1384", "194": "1384", "195": "1384", "196": "1384",
    "14": "133", "15": "138", "16": "131", "17": "137", "18": "1383", "19": "138", "20": "1385",
}
#: Rejection codes for cooperative acts said not to happen.
_REFUSAL = {"057": "127", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124", "03": "120"}


def recode(code: str, modality: Modality, basis: str) -> tuple[str, Modality]:
    """Return the CAMEO code and modality an event is stored with.

    Args:
        code: the code of the act the trigger names.
        modality: the act's modality.
        basis: what decided the modality (see ``modality_with_basis``).

    Returns:
        ``(code, modality)``: an intent or threat keeps its future or hypothetical
        modality, a rejection is asserted (saying no happened), anything else is unchanged.
    """
    if modality in ("future", "hypothetical") and basis in _OWN_STANCE:
        for table in (_INTENT, _THREAT):
            new = _lookup(table, code)
            if new:
                return new, modality
    if modality == "negated" and basis in _OWN_REFUSAL:
        new = _lookup(_REFUSAL, code)
        if new:
            return new, "asserted"
    return code, modality


def threat_code(code: str) -> str | None:
    """The CAMEO threat code for a hostile act ("impose sanctions", 163 -> 1312), or ``None``."""
    return _lookup(_THREAT, code)


def _lookup(table: dict[str, str], code: str) -> str | None:
    for size in (4, 3, 2):
        if code[:size] in table and len(code) >= size:
            return table[code[:size]]
    return None
