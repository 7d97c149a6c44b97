"""Find quotations and attribute each to its speaker.

Attribution tries, in order: a speech verb in the sentence outside the quote
("..." Lavrov said), a clause that introduces the quote with a colon
(Jaishankar echoed this: "..."), an "according to" phrase ("...," according to a
tweet by Mike Pompeo), the subject of the clause a partial quote sits
in (Jaishankar called the cooperation "energetic"), and the speaker of the
previous quote in the same or previous paragraph. Otherwise ``speaker`` is None.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..actors.kb import KnowledgeBase, load_kb
from ..actors.resolve import TOKEN_ATTR
from ..models import Actor, ActorRef, ArticleDoc, Quote, Speaker, TextSpan, content_id
from ..nlp.words import SPEECH_VERBS

__all__ = ["QuoteStage", "find_quote_spans", "SPEECH_VERBS"]

_OPENERS = re.compile("[\u201c\"\u00ab]")
#: A quote of at most this many words inside a sentence is partial ("highest ever").
_PARTIAL_MAX_WORDS = 8
_WE = {"we", "our", "us", "ours", "ourselves"}
_ANSWER_LEADS = {"responding", "asked", "answering", "replying", "speaking", "commenting", "referring"}


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each quotation's content, without its quotation marks.

    A quotation runs from an opening mark to its closing mark in the same paragraph;
    one left open at a paragraph's end runs to that end (news style continues it).

    Args:
        text: the article text.

    Returns:
        The spans, in order.
    """
    spans = []
    offset = 0
    for paragraph in text.split("\n\n"):
        i = 0
        while True:
            match = _OPENERS.search(paragraph, i)
            if match is None:
                break
            end = _closer(paragraph, match.group(), match.end())
            stop = len(paragraph) if end < 0 else end
            content = paragraph[match.end():stop]
            if content.strip(" …."):
                spans.append((offset + match.end(), offset + stop))
            i = stop + 1
        offset += len(paragraph) + 2
    return spans


def _closer(paragraph: str, opener: str, start: int) -> int:
    """Where the quotation opened by ``opener`` closes (-1: not in this paragraph).

    Straight and curly double quotes close each other: copy pasted from several sources mixes them
    ("If fentanyl ends, ... will come off,” he said). A curly pair opened inside ("called it
    “energetic” ...") is skipped over.
    """
    if opener == "\u00ab":
        return paragraph.find("\u00bb", start)
    depth = 0
    for i in range(start, len(paragraph)):
        char = paragraph[i]
        if char == "\u201c":
            depth += 1
        elif char == "\u201d":
            if depth == 0:
                return i
            depth -= 1
        elif char == '"' and depth == 0:
            return i
    return -1


class QuoteStage:
    """Find quotes and their speakers; "we"/"our" inside a quote then stand for the speaker's side."""

    name = "quotes"
    requires = ("parsed", "token_actors")
    provides = ("quotes",)

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or load_kb()

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        parsed: Doc = doc.parsed
        text = doc.article.text
        quotes: list[Quote] = []
        last: tuple[int, ActorRef] | None = None  # (paragraph number, speaker) of the previous attributed quote
        sides: dict[str, list[TextSpan]] = {}
        for start, end in find_quote_spans(text):
            span = parsed.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            kind = _kind(parsed, span)
            paragraph = text.count("\n\n", 0, start)
            if kind == "partial":
                speaker = _clause_subject(span) or _speech_verb_speaker(span)
            else:
                speaker = _speech_verb_speaker(span) or _colon_speaker(span) or _according_to(span)
            if speaker is None and last is not None and (paragraph - last[0] <= 1 or _answers_question(span)):
                speaker = last[1]
            if speaker is not None:
                last = (paragraph, speaker)
                for token in _bind_we(span, speaker, self.kb):
                    sides.setdefault(speaker.country or "", []).append(
                        TextSpan(start=token.idx, end=token.idx + len(token.text), text=token.text))
            quote_text = text[start:end]
            quotes.append(Quote(
                id=content_id(doc.article.id, "quote", str(start)), text=quote_text, start=start, end=end,
                kind=kind, speaker=Speaker(actor_id=speaker.actor_id, name=speaker.name, country=speaker.country)
                if speaker else None,
            ))
        return doc.model_copy(update={"quotes": quotes, "actors": _with_sides(doc.actors, sides, self.kb)})


def _kind(parsed: Doc, span: Span) -> str:
    """Partial: a few words quoted inside the writer's own sentence ("at their "highest ever"")."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    sent = span[0].sent
    lead = [t for t in parsed[sent.start:span.start] if not t.is_punct and not t.is_space]
    introduced = span.start > 0 and any(t.text == ":" for t in parsed[max(span.start - 2, 0):span.start])
    return "partial" if len(words) <= _PARTIAL_MAX_WORDS and lead and not introduced else "direct"


def _answers_question(span: Span) -> bool:
    """ "Responding to a question on X, "..."": the quote belongs to whoever was being asked."""
    first = span[0].sent[0]
    return first.lower_ in _ANSWER_LEADS and not any(t.dep_ == "nsubj" and t.i < span.start for t in span[0].sent)


def _outside(token: Token, span: Span) -> bool:
    return not span.start <= token.i < span.end


def _person_or_actor(token: Token) -> ActorRef | None:
    refs = token._.get(TOKEN_ATTR) or []
    return refs[0] if refs else None


def _subject(verb: Token) -> ActorRef | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            ref = _person_or_actor(child)
            if ref is not None:
                return ref
    return None


def _speech_verb_speaker(span: Span) -> ActorRef | None:
    """A speech verb outside the quote, in the sentence where the quote starts or ends."""
    sentences = {span[0].sent.start: span[0].sent, span[-1].sent.start: span[-1].sent}
    for sent in sentences.values():
        verbs = [t for t in sent if t.lemma_ in SPEECH_VERBS and _outside(t, span) and t.pos_ in ("VERB", "AUX")]
        verbs.sort(key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)))
        for verb in verbs:
            ref = _subject(verb)
            if ref is not None:
                return ref
    return None


def _according_to(span: Span) -> ActorRef | None:
    """ "...," according to a tweet by US Secretary of State Mike Pompeo: the one it is according to,
    or the author of the tweet, statement or report it names."""
    for sent in {span[0].sent.start: span[0].sent, span[-1].sent.start: span[-1].sent}.values():
        for token in sent:
            if token.lower_ != "according" or not _outside(token, span):
                continue
            for obj in (o for to in token.children if to.lower_ == "to" for o in to.children if o.dep_ == "pobj"):
                ref = _person_or_actor(obj)
                authors = [a for c in obj.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from"))
                           for a in ([c] if c.dep_ == "poss" else [g for g in c.children if g.dep_ == "pobj"])]
                for candidate in (ref, *map(_person_or_actor, authors)):
                    if candidate is not None:
                        return candidate
    return None


def _colon_speaker(span: Span) -> ActorRef | None:
    """ "X echoed this: "..."": the subject of the clause before the colon."""
    doc = span.doc
    before = [t for t in doc[max(span.start - 3, 0):span.start] if not t.is_space]
    if not any(t.text == ":" for t in before):
        return None
    sent = span[0].sent
    root = next((t for t in sent if t.i < span.start and t.dep_ == "ROOT"), None)
    return _subject(root) if root is not None else None


def _clause_subject(span: Span) -> ActorRef | None:
    """The subject of the nearest clause that holds a partial quote."""
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and _outside(token, span):
            ref = _subject(token)
            if ref is not None:
                return ref
        if token.head.i == token.i:
            break
        token = token.head
    return None


def _bind_we(span: Span, speaker: ActorRef, kb: KnowledgeBase) -> list[Token]:
    """Inside a quote, "we" and "our" stand for the speaker's side (their state's government).

    Returns:
        The tokens bound.
    """
    state = kb.entities.get(speaker.country or "")
    if state is None:
        return []
    side = ActorRef(actor_id=state.id, name=state.name, country=state.country, code=f"{state.id}GOV", sector="GOV")
    bound = []
    for token in span:
        if token.lower_ in _WE and not token._.get(TOKEN_ATTR):
            token._.set(TOKEN_ATTR, [side])
            bound.append(token)
    return bound


def _with_sides(actors: list[Actor], sides: dict[str, list[TextSpan]], kb: KnowledgeBase) -> list[Actor]:
    """Add the "we" mentions to the speakers' states, adding a state the article never named."""
    out = []
    for actor in actors:
        extra = sides.pop(actor.id, []) if actor.kind == "state" else []
        out.append(actor.model_copy(update={"mentions": sorted([*actor.mentions, *extra], key=lambda m: m.start)})
                   if extra else actor)
    for iso3, mentions in sides.items():
        state = kb.entities.get(iso3)
        if state is not None and mentions:
            out.append(Actor(id=state.id, name=state.name, kind="state", country=state.country, code=state.code,
                             mentions=mentions))
    return out
