"""The typed data model that passes between stages.

Every stage takes an :class:`ArticleDoc` and returns a new one; no stage hands
another an untyped dict. Offsets are character offsets into ``Article.text``
(the extracted body, without the title), never spaCy objects, so records can be
pickled, stored and served as they are.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .config import ID_HEX_CHARS

__all__ = [
    "ActorKind",
    "Modality",
    "TextSpan",
    "Article",
    "Actor",
    "ActorRef",
    "Plover",
    "Event",
    "Speaker",
    "Quote",
    "StageIssue",
    "RelationStatement",
    "ArticleDoc",
    "content_id",
    "label_key",
]

#: "region": a place named like a state on a date it was part of another ("Montenegro" in 2005,
#: "South Sudan" in 2010); it keeps its own code, as event data does, and says whose it was then.
ActorKind = Literal["state", "person", "organization", "group", "nonstate", "region"]
Modality = Literal["asserted", "negated", "future", "hypothetical"]


def content_id(*parts: str) -> str:
    """Return a stable id hashed from the given strings.

    Args:
        parts: the strings that make a record what it is.

    Returns:
        The first ``ID_HEX_CHARS`` hex digits of their SHA-256.
    """
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:ID_HEX_CHARS]


def label_key(actor: Any) -> str | None:
    """The label an actor is compared on when events are decoded, scored and matched: its country,
    else its code. Takes an :class:`ActorRef` or a gold actor (anything with ``country`` and ``code``).
    """
    if actor is None:
        return None
    return actor.country or actor.code or None


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextSpan(_Record):
    """A piece of the article text: ``text == article.text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def trimmed(cls, text: str, start: int, end: int) -> TextSpan:
        """The span of ``text[start:end]`` without the whitespace at either end."""
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return cls(start=start, end=end, text=text[start:end])


class Article(_Record):
    """One article as ingest found it."""

    id: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source_path: str | None = None
    language: str = "en"
    site: str | None = None
    text: str = Field(exclude=True, repr=False)

    @classmethod
    def from_text(cls, text: str, **fields: Any) -> Article:
        """Build an article whose id is the hash of its title and text.

        Args:
            text: the body, without the title.
            fields: any other :class:`Article` field except ``id``.

        Returns:
            The article.
        """
        return cls(id=content_id(fields.get("title") or "", text), text=text, **fields)


class Actor(_Record):
    """Someone or something that acts: a state, a person, an organisation, a group."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    code: str | None = None
    role: str | None = None
    #: What ``role`` rests on (source and dates), or why there is none on the article date; for a
    #: state's name, why it stands for another state or none then ("part of Sudan until 2011").
    role_basis: str | None = None
    members: list[str] = Field(default_factory=list)
    mentions: list[TextSpan] = Field(default_factory=list)


class ActorRef(_Record):
    """An actor in one role (source or target) of one event."""

    actor_id: str | None
    name: str
    country: str | None = None
    code: str | None = None
    sector: str | None = None


class Plover(_Record):
    """The PLOVER type and mode of an event."""

    type: str
    mode: str | None = None


class Event(_Record):
    """Who did what to whom, with the sentence and trigger that show it."""

    id: str
    sentence: TextSpan
    trigger: TextSpan
    source: ActorRef | None
    target: ActorRef | None
    cameo: str
    cameo_name: str
    goldstein: float
    quad_class: int = Field(ge=1, le=4)
    plover: Plover | None
    modality: Modality
    date: dt.date | None = None
    date_precision: Literal["day", "month", "year"] | None = None
    date_basis: Literal["explicit", "relative", "publication"] | None = None
    date_text: str | None = None
    topics: list[str] = Field(default_factory=list)
    quote_id: str | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    explain: dict[str, Any] | None = None


class Speaker(_Record):
    """Who said a quote."""

    actor_id: str | None
    name: str
    country: str | None = None


class Quote(_Record):
    """A quotation in the article and, where it can be found, its speaker."""

    id: str
    text: str
    start: int
    end: int
    kind: Literal["direct", "partial"]
    speaker: Speaker | None = None


class StageIssue(_Record):
    """Something a stage could not do, with the reason and what to do next."""

    stage: str
    reason: str


class RelationStatement(_Record):
    """What one clause says about the relations of two states (issue #18): a convergence, a divergence,
    or a third party pressing on them, in one issue area, with its evidence. ``a`` < ``b``."""

    a: str
    b: str
    kind: Literal["convergence", "divergence", "third_party"]
    area: str
    third: str | None = None
    evidence: TextSpan  # the sentence
    clause: TextSpan
    basis: str  # what the line rests on: an event, cue words, the pair named before
    background: bool = False  # long before the article: history, not current relations
    date: dt.date | None = None


class ArticleDoc(BaseModel):
    """An article and everything the stages found in it.

    ``parsed`` holds the spaCy ``Doc`` while the pipeline runs; it is never
    serialised.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    article: Article
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    relations: list[RelationStatement] = Field(default_factory=list)
    issues: list[StageIssue] = Field(default_factory=list)
    parsed: Any = Field(default=None, exclude=True, repr=False)

    def with_issue(self, stage: str, reason: str) -> ArticleDoc:
        """Return a copy with one more issue recorded."""
        return self.model_copy(update={"issues": [*self.issues, StageIssue(stage=stage, reason=reason)]})

    def to_json_dict(self, with_text: bool = False) -> dict[str, Any]:
        """Return the JSONL contract object for this article.

        Args:
            with_text: also include the article's extracted text as ``article.text``.

        Returns:
            A dict ready for ``json.dumps``.
        """
        data = self.model_dump(mode="json")
        if with_text:
            data["article"]["text"] = self.article.text
        return data
