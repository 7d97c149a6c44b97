"""Features of a candidate (is it an event, of which type, in which modality) and of a
(candidate, mention) pair (is the mention its source, its target, or neither).

Features are sparse string -> weight dicts, read off the parse, the trigger lexicon and the rules
coder's own decision for the same words (the rules are features here, not the decision).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..events.lexicon import load_lexicon
from ..events.modality import modality_with_basis
from ..models import ActorRef, Event, label_key
from .candidates import Candidate, Mention

__all__ = ["RuleHint", "rule_hints", "trigger_features", "pair_features", "modality_features", "implicit_features"]

_MAX_PATH = 4
_KEEP_CHILD_DEPS = {"dobj", "prt", "prep", "neg", "aux", "auxpass", "agent", "xcomp", "ccomp", "attr", "acomp",
                    "compound", "amod", "nsubj", "nsubjpass", "dative", "advmod", "mark"}


@dataclass(frozen=True)
class RuleHint:
    """What the rules coder said about one trigger token."""

    cameo: str
    modality: str
    source: ActorRef | None
    target: ActorRef | None
    confidence: float


def rule_hints(events: list[Event], tokens_at: dict[int, int]) -> dict[int, list[RuleHint]]:
    """Index the rules coder's events by the token their trigger starts at (its head word:
    "took" of "took a swipe", so the rest of the phrase is not a second event).

    Args:
        events: the rules coder's events for the article (every confidence).
        tokens_at: char offset -> token index for the article's parse.

    Returns:
        token index -> hints.
    """
    hints: dict[int, list[RuleHint]] = {}
    for event in events:
        hint = RuleHint(event.cameo, event.modality, event.source, event.target, event.confidence)
        i = tokens_at.get(event.trigger.start)
        if i is not None and hint not in hints.setdefault(i, []):
            hints[i].append(hint)
    return hints


def _lexicon_codes(token: Token) -> list[str]:
    """The codes of the lexicon entries whose particle and object the token's parse has."""
    entries = load_lexicon().get((token.lemma_.lower(), "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN"), [])
    particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
    objects = {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "pobj", "attr")}
    codes = []
    for entry in entries:
        if entry.particle and entry.particle not in particles:
            continue
        if entry.object and entry.object not in objects:
            continue
        codes.append(entry.cameo)
    return codes


def _dense(prefix: str, token: Token) -> dict[str, float]:
    """spaCy's own contextual vector of a token (the tok2vec output the parser used): free, and it
    carries what the sparse features cannot, that "slammed" sits where "criticised" does."""
    tensor = token.doc.tensor
    if tensor is None or not len(tensor) or token.i >= len(tensor):
        return {}
    return {f"{prefix}{k}": float(v) for k, v in enumerate(tensor[token.i])}


def trigger_features(cand: Candidate, hints: list[RuleHint], dense: bool = False) -> dict[str, float]:
    """Features deciding whether a candidate is an event, its CAMEO root and full code.

    Args:
        cand: the candidate.
        hints: the rules coder's events on its trigger.
        dense: add the trigger's contextual vector.
    """
    t = cand.token
    lemma = t.lemma_.lower()
    f: dict[str, float] = {"bias": 1.0, f"lemma={lemma}": 1.0, f"pos={t.pos_}": 1.0, f"tag={t.tag_}": 1.0,
                           f"dep={t.dep_}": 1.0, f"head={t.head.lemma_.lower()}": 1.0,
                           f"dep+head={t.dep_}+{t.head.lemma_.lower()}": 1.0, f"lemma+pos={lemma}+{t.pos_}": 1.0}
    for child in t.children:
        if child.dep_ in _KEEP_CHILD_DEPS:
            f[f"child={child.dep_}"] = 1.0
            f[f"child={child.dep_}:{child.lemma_.lower()}"] = 1.0
            if child.dep_ in ("dobj", "prt", "prep", "attr"):
                f[f"lemma+{child.dep_}={lemma}+{child.lemma_.lower()}"] = 1.0
            if child.dep_ == "prep":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        f[f"prep_obj={child.lower_}+{obj.lemma_.lower()}"] = 1.0
    lexicon_codes = _lexicon_codes(t)
    for code in lexicon_codes[:3]:
        f[f"lex_root={code[:2]}"] = 1.0
        f[f"lex_code={code}"] = 1.0
    if not lexicon_codes:
        f["lex_none"] = 1.0
    for hint in hints[:2]:
        f[f"rule_root={hint.cameo[:2]}"] = 1.0
        f[f"rule_code={hint.cameo}"] = 1.0
        f[f"rule_conf>={int(hint.confidence * 10) / 10:.1f}"] = 1.0
    if not hints:
        f["rule_none"] = 1.0
    here = [m for m in cand.mentions if not m.previous and m.kind != "speaker"]
    f[f"n_mentions={min(len(here), 4)}"] = 1.0
    for m in here:
        rel = _relation(t, m.head)
        if rel:
            f[f"mention_rel={rel}"] = 1.0
            f[f"mention_rel+kind={rel}+{m.kind}"] = 1.0
            f[f"lemma+mention_rel={lemma}+{rel}"] = 1.0
    if cand.in_quote:
        f["in_quote"] = 1.0
    if cand.sent.start == cand.token.doc[0].i:
        f["first_sentence"] = 1.0
    modality, basis = modality_with_basis(t)
    f[f"rule_modality={modality}"] = 1.0
    f[f"rule_basis={basis}"] = 1.0
    words = {w.lower_ for w in t.sent}
    for word in ("said", "told", "according", "if", "not", "will", "would"):
        if word in words:
            f[f"sent_has={word}"] = 1.0
    if dense:
        f.update(_dense("t2v", t))
    return f


def modality_features(cand: Candidate, hints: list[RuleHint]) -> dict[str, float]:
    """Features deciding an event's modality: the rules' modality and its basis, and the words around."""
    t = cand.token
    modality, basis = modality_with_basis(t)
    f = {"bias": 1.0, f"rule_modality={modality}": 1.0, f"rule_basis={basis}": 1.0, f"tag={t.tag_}": 1.0,
         f"dep={t.dep_}": 1.0, f"head={t.head.lemma_.lower()}": 1.0, f"lemma={t.lemma_.lower()}": 1.0}
    chain = [t]
    while chain[-1].dep_ in ("xcomp", "ccomp", "conj", "advcl", "pobj", "pcomp", "dobj", "acl", "relcl") \
            and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    for depth, word in enumerate(chain):
        for child in word.children:
            if child.dep_ in ("aux", "neg", "mark", "auxpass", "advmod", "det"):
                f[f"chain{min(depth, 2)}_{child.dep_}={child.lower_}"] = 1.0
        if depth:
            f[f"governor={word.lemma_.lower()}"] = 1.0
    for hint in hints[:1]:
        f[f"rule_event_modality={hint.modality}"] = 1.0
    return f


def implicit_features(cand: Candidate, row: dict[str, float], root: str, source: Mention | None) -> dict[str, float]:
    """Features deciding whether an event with no target mention acts on its source's own state
    ("Sudanese authorities approved a law", "one suspect was arrested": SDN->SDN, IND->IND) or on
    no one ("Iran has denied ..."): the candidate's trigger features, the root and the source's kind.

    Args:
        cand: the candidate.
        row: its :func:`trigger_features`.
        root: the event's CAMEO root.
        source: the source mention (None when the rules' parties were taken).
    """
    f = dict(row)
    f[f"root={root}"] = 1.0
    f[f"root+lemma={root}+{cand.token.lemma_.lower()}"] = 1.0
    if source is not None:
        f[f"source_kind={source.kind}"] = 1.0
        sector = source.sector or (source.ref.sector if source.ref is not None else None)
        f[f"source_sector={sector}"] = 1.0
    return f


def _path(a: Token, b: Token) -> tuple[str, int]:
    """The dependency path from a to b: up-steps to the common ancestor, then down-steps."""
    up = [a, *a.ancestors]
    up_index = {t.i: n for n, t in enumerate(up)}
    down = []
    node = b
    while node.i not in up_index:
        down.append(node)
        if node.head.i == node.i:
            return "none", 99
        node = node.head
    steps = [f"^{t.dep_}" for t in up[:up_index[node.i]]] + [f"v{t.dep_}" for t in reversed(down)]
    return ("/".join(steps[:_MAX_PATH]) + ("/..." if len(steps) > _MAX_PATH else "")) or "self", len(steps)


def _relation(trigger: Token, head: Token) -> str | None:
    """A short name for how a mention hangs off its trigger: its dep, or prep_<p>, or poss of the object."""
    if head.head.i == trigger.i and head.i != trigger.i:
        return head.dep_
    if head.dep_ == "pobj" and head.head.head.i == trigger.i:
        return f"prep_{head.head.lower_}"
    if head.dep_ == "poss" and head.head.head.i == trigger.i:
        return f"poss_of_{head.head.dep_}"
    if head.dep_ in ("compound", "amod") and head.head.head.i == trigger.i:
        return f"mod_of_{head.head.dep_}"
    return None


def pair_features(cand: Candidate, mention: Mention, hints: list[RuleHint], root: str,
                  dense: bool = False) -> dict[str, float]:
    """Features deciding whether a mention is the source, the target or neither of a candidate.

    Args:
        cand: the candidate.
        mention: one of its mentions.
        hints: the rules coder's events on the trigger.
        root: the CAMEO root the trigger model chose (or the gold root when training).
        dense: add the mention head's contextual vector.
    """
    t = cand.token
    if mention.kind == "speaker":
        path, length, rel = "speaker", 99, "speaker"
    elif mention.previous:
        path, length, rel = "previous", 99, None
    else:
        path, length = _path(t, mention.head)
        rel = _relation(t, mention.head)
    lemma = t.lemma_.lower()
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children)
    side = "before" if mention.start < t.i else "after"
    distance = abs(mention.head.i - t.i)
    f = {"bias": 1.0, f"path={path}": 1.0, f"path_len={min(length, 6)}": 1.0, f"rel={rel}": 1.0,
         f"kind={mention.kind}": 1.0, f"side={side}": 1.0, f"dist={min(distance // 3, 6)}": 1.0,
         f"root={root}": 1.0, f"root+rel={root}+{rel}": 1.0, f"root+path={root}+{path}": 1.0,
         f"lemma+rel={lemma}+{rel}": 1.0, f"passive+rel={passive}+{rel}": 1.0, f"passive+path={passive}+{path}": 1.0,
         f"side+root={side}+{root}": 1.0, f"pos+rel={t.pos_}+{rel}": 1.0, f"mdep={mention.head.dep_}": 1.0,
         f"mdep+side={mention.head.dep_}+{side}": 1.0}
    if mention.previous:
        f["previous_sentence"] = 1.0
    if mention.place:
        f["place_name"] = 1.0
    if mention.head.dep_ == "pobj" and mention.head.head.lower_ in ("in", "at", "near", "from"):
        f[f"location_prep={mention.head.head.lower_}"] = 1.0
    if mention.sector:
        f[f"agent_sector={mention.sector}"] = 1.0
    if mention.ref is not None and mention.ref.sector:
        f[f"sector={mention.ref.sector}"] = 1.0
    key = label_key(mention.ref)
    for hint in hints[:2]:
        if key and key == label_key(hint.source):
            f["rule_source"] = 1.0
        if key and key == label_key(hint.target):
            f["rule_target"] = 1.0
    if cand.speaker is not None and key and key == label_key(cand.speaker):
        f["is_speaker"] = 1.0
    same = sum(1 for m in cand.mentions if not m.previous and m.kind != "speaker" and key and label_key(m.ref) == key)
    f[f"same_key_mentions={min(same, 3)}"] = 1.0
    if dense and mention.kind != "speaker" and not mention.previous:
        f.update(_dense("m2v", mention.head))
    return f
