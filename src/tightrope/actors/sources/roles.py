"""Titles as sources write them ("Minister of Foreign Affairs", "Prime ministers") -> one role vocabulary."""

from __future__ import annotations

import re

__all__ = ["normalise_role", "HEAD_ROLES"]

#: Offices one person holds at a time in a state: a new holder ends the previous one's term.
HEAD_ROLES = frozenset({"president", "prime minister", "foreign minister", "defence minister", "interior minister",
                        "finance minister", "chancellor", "king", "queen", "emir", "secretary of state",
                        "central bank governor", "secretary-general"})

_SECONDARY = re.compile(r"^(first |second |)(deputy|vice|assistant|acting|state|junior|under|parliamentary|"
                        r"minister of state|ministers? delegate|minister without|minister at)\b")
_MINISTRY = r"^(minister|ministers|secretary|secretary of state|cabinet secretary) (of|for) (the )?(national |state |federal )?"
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(prime minister|premier|head of government|chief minister|prime ministers)\b"), "prime minister"),
    (re.compile(r"^secretary[- ]general\b"), "secretary-general"),
    (re.compile(_MINISTRY + r"(foreign affairs|external affairs|foreign relations|international relations|"
                r"foreign and commonwealth affairs)\b|^(foreign|external affairs|foreign affairs) (minister|secretary)\b"),
     "foreign minister"),
    (re.compile(_MINISTRY + r"(defen[cs]e|armed forces|war)( and [a-z ]+)?$|^defen[cs]e (minister|secretary)\b"),
     "defence minister"),
    (re.compile(_MINISTRY + r"(interior|internal affairs|home affairs|the interior|home)\b|^(interior|home) (minister|secretary)\b"),
     "interior minister"),
    (re.compile(_MINISTRY + r"(economy,? (and )?)?(finance|finances|treasury|the treasury)\b|^(finance minister|chancellor of the exchequer)\b"),
     "finance minister"),
    (re.compile(r"^secretary of state$"), "secretary of state"),
    (re.compile(r"^(governor|president|chairman)s?,? (of )?(the )?(central bank|national bank|reserve bank|bank of)|"
                r"^(governor|president|chairman)s?, [a-z ]*(central|national|reserve) bank|federal reserve"), "central bank governor"),
    (re.compile(r"^(federal )?chancellors?$"), "chancellor"),
    (re.compile(r"^presidents?\b(?! of the (senate|house|assembly|parliament|court|national assembly|supreme))"), "president"),
    (re.compile(r"^(head|chairman|chair) of (the )?state\b"), "head of state"),
    (re.compile(r"^kings?\b"), "king"),
    (re.compile(r"^queens?\b"), "queen"),
    (re.compile(r"^(emir|amir)s?\b"), "emir"),
    (re.compile(r"^sultans?\b"), "sultan"),
]


def normalise_role(title: str) -> str:
    """The role a title names: "Minister of Foreign Affairs" -> "foreign minister".

    Deputies, vice and acting posts keep their own wording ("deputy prime minister", "vice president"):
    they are not the office they assist. A title no rule knows is kept, lower-cased.
    """
    text = re.sub(r"\s+", " ", title.replace('"', " ").strip().lower()).strip(" ,;")
    if text.startswith("vice-president") or text.startswith("vice president"):
        return "vice president"
    if text.endswith("(one of)"):
        return "official"
    if _SECONDARY.match(text):
        return text
    for pattern, role in _RULES:
        if pattern.search(text):
            return role
    if re.match(r"^ministers? (of|for) ", text):
        return re.sub(r"^ministers?", "minister", text)
    return text
