"""What each clause says about the relations of two states: the ``relations`` stage (issue #18).

For every clause that names two or more states (through any actor: a state, its capital, its
adjective, one of its officials), and every pair of them:

- a coded event between the two in the clause says which side it is on (cooperation: convergence;
  conflict, or refused or cancelled cooperation: divergence);
- otherwise a cue word (``data/relations/cues.csv``: "agreed", "the convergences", "tensions",
  "retaliation"), a negated cue counting for the other side;
- an event of a third state or organisation that presses on one of the pair (a demand, threat,
  rejection, sanction, coercion or criticism), in a clause that names the other, is that third
  party's pressure on the pair.

Each statement gets one line per issue area the clause is about (an enumeration of areas gives one
line each; none gives ``general``), its sentence as evidence, what it rests on, and whether it is
background: dated more than a year before the article, or told as history ("in 1994").
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..actors.resolve import AGENT_ATTR, TOKEN_ATTR
from ..actors.sectors import NOT_THE_STATE
from ..config import BACKGROUND_DAYS
from ..data import read_table
from ..dates import MONTHS, latest_day
from ..models import ActorRef, ArticleDoc, Event, RelationStatement, Speaker, TextSpan
from ..topics.assign import topics_for
from ..topics.model import clause_areas

__all__ = ["RelationStage", "load_cues", "BACKGROUND_DAYS"]

#: Most states one clause is read for (a list of twenty states is a roll call, not a relation).
_MAX_STATES = 4
#: CAMEO roots by which a third party presses on a state: demand, disapprove, reject, threaten,
#: protest, reduce relations, coerce (sanctions), assault, fight.
_PRESSURE_ROOTS = {"10", "11", "12", "13", "14", "16", "17", "18", "19"}
#: Words that start a clause of contrast inside a sentence ("..., but ...", "while ...").
_CONTRAST = {"but", "while", "whereas", "although", "though", "however", "yet"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
#: "in the 1970s": a decade, counted to its last year.
_DECADE = re.compile(r"\b(1[89]\d0|20\d0)s\b")
#: Clauses that must name a pair together before it is the article's main pair (see ``_main_pair``).
_MAIN_PAIR_MIN = 2
#: "in February 2020", "last March 2019": a month with its year dates the clause to that month.
_MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+(1[89]\d\d|20\d\d)\b", re.I)


#: Nouns that name a relationship: "relations have soured", "ties are deepening".
_RELATION_NOUNS = {"relation", "relations", "tie", "ties", "relationship", "relationships"}
#: Words that say a clause is about the two states already named ("the two presidents", "bilateral trade").
_PAIR_WORDS = {"bilateral", "both", "convergence", "divergence", "convergences", "divergences"}
#: Words that tell history rather than the present.
_HISTORY = re.compile(r"\b(traditionally|historically|formerly|(two|three|four|five|six|seven|eight|nine|ten|\d+) "
                      r"years ago|decades ago|in the past|in past|during (his|her|their) (time|tenure|term)|"
                      r"(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|tenth|twentieth|fiftieth|hundredth) anniversary of)\b",
                      re.I)


#: Words that date a clause's act to the article's present ("this week", "on Monday", "today").
_NOW = re.compile(r"\b(this (week|month|year)|today|tonight|yesterday|last week|on (monday|tuesday|wednesday|thursday|"
                  r"friday|saturday|sunday))\b", re.I)


@functools.lru_cache(maxsize=1)
def load_cues() -> dict[str, tuple[str, str]]:
    """Cue lemma -> (convergence or divergence, scope: any, relations, stance, whole, refusal or verb; data/relations/README.md)."""
    return {r["lemma"]: (r["kind"], r["scope"]) for r in read_table("relations/cues.csv", ("lemma", "kind", "scope"))}


class RelationStage:
    """Set ``ArticleDoc.relations`` from the clauses, the actors and the coded events."""

    name = "relations"
    requires = ("parsed", "token_actors", "quotes", "events")
    provides = ("relations",)

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        found: dict[tuple, RelationStatement] = {}
        recent: tuple[str, str] | None = None  # the last pair named together: what "the two" refers to
        home = _home_state(doc.parsed)
        # each sentence's clauses with the states and organisations they name, read once
        sentences = [(sent, [(clause, *_states(clause, home)) for clause in _clauses(sent)])
                     for sent in doc.parsed.sents]
        main = _main_pair(states for _, read in sentences for _, states, _ in read)
        implied: set[tuple] = set()  # lines whose pair is only the article's main pair
        for sent, read in sentences:
            contrast = _contrast(doc, sent, [clause for clause, _, _ in read])
            for clause, states, groups in read:
                speaker = _speaker_state(doc, clause)
                if speaker and states and speaker not in states:
                    states[speaker] = clause[0]  # "Get the drug cartels out of Mexico," said the US president
                alone = _alone_with(clause, states, groups, main)
                for statement in _read_clause(doc, sent, clause, states, groups, recent, alone):
                    if contrast and statement.kind == "convergence" and {statement.a, statement.b} == {contrast.a, contrast.b}:
                        continue  # the sentence sets the two against each other
                    if _key(statement) not in found and alone is not None:
                        implied.add(_key(statement))
                    found.setdefault(_key(statement), statement)
                if len(states) == 2:
                    recent = tuple(sorted(states))  # type: ignore[assignment]
            if contrast:
                found.setdefault(_key(contrast), contrast)
        for statement in _third_parties(list(found.values()), implied):
            found.setdefault(_key(statement), statement)
        return doc.model_copy(update={"relations": list(found.values())})


def _main_pair(named: Iterable[dict[str, Token]]) -> tuple[str, str] | None:
    """The two states the article names together in the most clauses (``named``: the states of each
    clause; at least ``_MAIN_PAIR_MIN``; the first such pair on a tie), the pair the article is about."""
    counts: Counter[tuple[str, str]] = Counter()
    for states in named:
        if 2 <= len(states) <= _MAX_STATES:
            counts.update(itertools.combinations(sorted(states), 2))
    if not counts:
        return None
    pair, n = counts.most_common(1)[0]
    return pair if n >= _MAIN_PAIR_MIN else None


#: Entity labels of names that may be a party to the act (a place, a people, an organisation, a person).
_OTHER_PARTIES = {"GPE", "LOC", "NORP", "ORG", "PERSON"}


def _alone_with(clause: Span, states: dict[str, Token], groups: dict[str, Token],
                main: tuple[str, str] | None) -> tuple[str, str] | None:
    """ "Blinken said the United States is deeply disappointed by the approval of the bill" in an
    article about Somalia and the US: a clause in which one state of the article's main pair is the
    only actor (no other state, organisation, group or person of another state) is about the main
    pair. A clause naming any other actor ("Afghan officials accused the Taliban") is about that one."""
    if main is None or len(states) != 1 or groups or next(iter(states)) not in main:
        return None
    (only,) = states
    if any(_state(r) != only for t in clause for r in t._.get(TOKEN_ATTR) or []):
        return None
    if any(e.label_ in _OTHER_PARTIES and not any(t._.get(TOKEN_ATTR) for t in e) for e in clause.ents):
        return None  # "Cameroon banned the import of chicks from Europe": a party no list places
    return main


def _speaker_state(doc: ArticleDoc, clause: Span) -> str | None:
    """The state of the speaker of a quotation the clause lies in: a party to what the quote says."""
    for quote in doc.quotes:
        inside = min(clause.end_char, quote.end) - max(clause.start_char, quote.start)
        state = _state(quote.speaker) if quote.speaker else None
        if state and inside > 0.8 * (clause.end_char - clause.start_char):
            return state
    return None


@functools.lru_cache(maxsize=1)
def _organisations() -> dict[str, str]:
    """CAMEO code -> id of each organisation and grouping in the actor lists (IGONAT -> NATO)."""
    return {row["code"]: row["id"] for row in read_table("actors/groups.csv", ("id", "code"))
            if row["code"].startswith("IGO")}


def _organisation(ref: ActorRef) -> str | None:
    """The intergovernmental organisation an actor is or acts for: NATO for NATO and for its
    secretary general ("Jens Stoltenberg" is NATO's party to a relation, not a party of his own)."""
    if not ref.actor_id or not ref.code or not ref.code.startswith("IGO"):
        return None
    return _organisations().get(ref.code, ref.actor_id)


def _state(ref: ActorRef | Speaker) -> str | None:
    """The state an actor acts for: its country, unless it is of a sector that is not the state (an
    insurgency, the opposition, a gang, a private citizen, the press): docs/BRIEFS.md "What makes a line".
    A quote's speaker carries no sector."""
    sector = ref.sector if isinstance(ref, ActorRef) else None
    return ref.country if ref.country and sector not in NOT_THE_STATE else None


def _subject_state(clause: Span) -> str | None:
    for token in clause:
        if token.dep_ in ("nsubj", "nsubjpass"):
            countries = {_state(r) for r in token._.get(TOKEN_ATTR) or [] if _state(r)}
            if len(countries) == 1:
                return countries.pop()
    return None


def _contrast(doc: ArticleDoc, sent: Span, clauses: list[Span]) -> RelationStatement | None:
    """ "Lavrov stuck to the formulation 'Asia Pacific' while his Indian counterpart referred to
    'Indo-Pacific'": two clauses joined by a contrast, each with a different state as its subject,
    state a divergence of those two."""
    for first, second in zip(clauses, clauses[1:]):
        if second[0].lower_ not in ("while", "whereas") and first[0].lower_ not in ("while", "whereas"):
            continue
        x, y = _subject_state(first), _subject_state(second)
        if x and y and x != y and not _side_by_side(doc, first, second):
            a, b = sorted((x, y))
            areas = _clause_areas(sent, sent)
            both = sent.doc[first.start:second.end]
            return RelationStatement(
                a=a, b=b, kind="divergence", area=areas[0] if areas else "general",
                evidence=TextSpan(start=sent.start_char, end=sent.end_char, text=sent.text),
                clause=TextSpan(start=both.start_char, end=both.end_char, text=both.text),
                basis=f"contrast: {x} in one clause, {y} in the other ('{second[0].text}')",
                background=False, date=doc.article.published)
    return None


def _leaning(doc: ArticleDoc, clause: Span) -> str | None:
    """The side a clause's predicate leans to (its cue words and coded events outside its subject and
    its adverbial clauses: "Lavrov, answering questions after a bilateral meeting, stuck to ..." leans
    neither way), whoever its parties are; None when it leans neither way."""
    inside = range(clause.start, clause.end)
    subject = frozenset(t.i for head in clause if head.dep_ in ("nsubj", "nsubjpass", "advcl") and head.head.i in inside
                        and head.head is not head for t in head.subtree if t.i in inside)
    votes, *_ = _cue_votes(clause, subject)
    for event in doc.events:
        if (clause.start_char <= event.trigger.start < clause.end_char and _event_side(event, clause)
                and not any(t.idx == event.trigger.start for t in clause if t.i in subject)):
            votes[_event_side(event, clause)] += 2  # type: ignore[index]
    if votes["convergence"] == votes["divergence"]:
        return None
    return max(votes, key=votes.get)  # type: ignore[arg-type]


def _side_by_side(doc: ArticleDoc, first: Span, second: Span) -> bool:
    """ "X called the cooperation 'energetic' while Y said ties were 'valuable'": two clauses that lean
    the same way, or one toward accord and the other neither way, set their subjects side by side, not
    against each other. Two neutral accounts ("stuck to 'Asia Pacific' while his counterpart used
    'Indo-Pacific'"), opposite leanings, or one clause against: a contrast."""
    one, other = _leaning(doc, first), _leaning(doc, second)
    if one == other:
        return one is not None
    return {one, other} == {"convergence", None}


def _key(s: RelationStatement) -> tuple:
    return s.a, s.b, s.kind, s.area, s.third, s.evidence.start


def _third_parties(statements: list[RelationStatement], implied: set[tuple] = frozenset()) -> list[RelationStatement]:
    """The article's main pairs (named together in the most clauses) and the others each of them deals
    with: a state at odds with one of a main pair is a third party of that pair, and so is a state
    one of them converges with in an area the pair itself splits over ("the measures are in response
    to Ankara's purchase of Russia's S-400" in an article where Turkey and the US diverge on
    defence). Cooperation with a third state in an area the pair does not dispute presses on nothing.
    Lines in ``implied`` (keys of lines whose pair is only the article's main pair) are not counted
    in choosing the main pairs: they would count the main pair twice."""
    counts = Counter(frozenset((s.a, s.b)) for s in statements
                     if s.kind != "third_party" and not s.background and _key(s) not in implied)
    if not counts:
        return []
    top = counts.most_common(1)[0][1]
    mains = [pair for pair, n in counts.items() if n >= max(2, top / 2)]
    out = []
    for pair in mains:
        # the areas the pair is at odds over: one of them converging with C there is what presses on
        # the pair ("Ankara's purchase of Russia's S-400" while Turkey and the US split on defence)
        split_over = {s.area for s in statements if s.kind == "divergence" and not s.background
                      and frozenset((s.a, s.b)) == pair}
        for s in statements:
            if s.kind == "third_party" or s.background or frozenset((s.a, s.b)) == pair:
                continue
            inside = {s.a, s.b} & pair
            if len(inside) != 1 or (s.kind == "convergence" and s.area not in split_over):
                continue
            (other,) = {s.a, s.b} - pair
            a, b = sorted(pair)
            out.append(s.model_copy(update={"a": a, "b": b, "kind": "third_party", "third": other,
                                            "basis": f"{other} in a {s.kind} with {next(iter(inside))} ({s.basis})"}))
    return out


def _areas(words: Span | Token) -> list[str]:
    """The issue areas words are about: of a clause or sentence, what the learned area model gives
    (tightrope/topics/model.py, trained on data/gold/areas); of a single word, the taxonomy's
    keywords, matched on its text and lemma ("deportations" as "deportation")."""
    if isinstance(words, Span):
        return clause_areas(words)
    return topics_for(words.text + " | " + words.lemma_.lower())


def _clauses(sent: Span) -> list[Span]:
    """The sentence cut at semicolons and at words of contrast that start a clause."""
    cuts = [sent.start]
    lead = next((t for t in sent if not t.is_punct), None)
    if lead is not None and lead.lower_ in _CONTRAST and lead.dep_ == "mark":
        # "While India is keen on buying it, Washington has expressed reservations": the leading
        # clause ends where its verb's subtree does
        end = max(t.i for t in lead.head.subtree) + 1
        while end < sent.end and sent.doc[end].is_punct:
            end += 1
        if end < sent.end:
            cuts.append(end)
    for token in sent:
        if token.i == sent.start:
            continue
        if token.text == ";" and _has_finite_verb(sent.doc[token.i + 1:sent.end]) or (
                token.lower_ in _CONTRAST and token.dep_ in ("cc", "mark", "advmod") and token.i + 1 < sent.end):
            cuts.append(token.i)
    cuts = sorted(set(cuts)) + [sent.end]
    doc = sent.doc
    return [doc[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]


def _has_finite_verb(span: Span) -> bool:
    """A clause after a semicolon has its own verb; the items of a list ("defence and energy cooperation;
    partnership in space and nuclear sectors; ...") do not, and stay one clause."""
    for token in span:
        if token.text == ";":
            break
        if token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return True
    return False


#: Sectors of the organs through which a state acts (its government, forces, police, courts,
#: legislature, intelligence): "prosecutors", "the ministry", "lawmakers" with no state named.
_ORGANS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def _home_state(parsed: Doc) -> str | None:
    """The state the article names most (through any of its actors): whose organs an article's
    bare "the ministry", "prosecutors", "lawmakers" are, when the actors stage could place them in no state."""
    counts = Counter(_state(r) for t in parsed for r in t._.get(TOKEN_ATTR) or [] if _state(r))
    return counts.most_common(1)[0][0] if counts else None


def _states(clause: Span, home: str | None = None) -> tuple[dict[str, Token], dict[str, Token]]:
    """States (ISO3 -> first token) and organisations (id -> first token) the clause names; a state
    organ no state could be found for ("prosecutors said") stands for ``home``."""
    states: dict[str, Token] = {}
    groups: dict[str, Token] = {}
    for token in clause:
        refs = token._.get(TOKEN_ATTR) or []
        if not refs or _a_location(token):
            continue
        for ref in refs:
            if _state(ref) and not _of_a_nonstate_agent(token, ref.country):
                states.setdefault(ref.country, token)
            elif organisation := _organisation(ref):
                groups.setdefault(organisation, token)
    organ = next((t for t in clause if (t._.get(AGENT_ATTR) or ("", ""))[1] in _ORGANS), None)
    if home and organ is not None and home not in states:
        states[home] = organ
    return states, groups


#: Verbs whose "in" names a party, not a place: "invested in India", "interfered in Ukraine".
_IN_A_PARTY = {"invest", "intervene", "interfere", "meddle", "participate", "involve", "engage", "trust", "believe"}


#: Nouns of a meeting: "talks in Geneva", "a summit in Beijing" name where it sat, not a party.
_VENUE_NOUNS = {"talk", "talks", "meeting", "summit", "conference", "negotiation", "negotiations", "session", "forum"}


def _a_location(token: Token) -> bool:
    """ "met a US envoy in Qatar", "talks at Geneva": a state named as where an act took place is
    not a party to it (docs/BRIEFS.md)."""
    head = _mention_head(token)
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("in", "at"):
        return False
    held = prep.head
    if held.pos_ in ("VERB", "AUX"):
        return held.lemma_.lower() not in _IN_A_PARTY
    # "talks with his Saudi counterpart in Beijing", "a summit in Doha": where the person serves or
    # the meeting sits
    return held.pos_ in ("NOUN", "PROPN") and (held.lemma_.lower() in _VENUE_NOUNS or bool(held._.get(TOKEN_ATTR)))


def _of_a_nonstate_agent(token: Token, country: str) -> bool:
    """ "Palestinian activist", "Russian opposition leaders": the state word only says whose people
    they are."""
    if token.dep_ not in ("amod", "compound", "nmod"):
        return False
    return any(r.country == country and r.sector in NOT_THE_STATE for r in token.head._.get(TOKEN_ATTR) or [])


def _mention_head(token: Token) -> Token:
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token


def _joint_subjects(clause: Span, states: dict[str, Token]) -> set[str] | None:
    """Two states that are together the subject of a clause naming more ("Tokyo and Washington
    shared concerns over China"), or None."""
    if len(states) < 3:
        return None
    for token in clause:
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        members = {_state(r) for t in [token, *token.conjuncts] for r in t._.get(TOKEN_ATTR) or [] if _state(r)}
        if len(members) == 2 and members <= set(states):
            return members
    return None


def _co_listed(x: Token, y: Token) -> bool:
    """ "Trump roiled relations with Canada and Mexico": two states listed together as the objects of
    one act are not parties to each other. Listed as subjects ("Russia and India agreed") or after
    "between" they are."""
    x, y = _mention_head(x), _mention_head(y)
    if x.i == y.i or y not in x.conjuncts:
        return False
    first = min(x, y, key=lambda t: t.i)
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.dep_ not in ("nsubj", "nsubjpass") and first.head.lower_ != "between"


def _side(event: Event) -> str | None:
    """Cooperation is convergence, conflict divergence; refused or cancelled cooperation is divergence.

    Two verbal roots say less than their QuadClass: a public statement (01) is on a side only when it
    states accord or sympathy (Goldstein 3 or more); a comment, optimistic or pessimistic, says
    nothing of which side the two are on ("a trade war with China would do us more harm than
    good"); and an appeal (02) is one side's request, which the other has not granted.
    """
    if event.modality == "hypothetical" or event.cameo.startswith("02"):
        return None
    if event.cameo.startswith("01"):
        return "convergence" if event.goldstein >= 3 and event.modality != "negated" else None
    cooperative = event.quad_class in (1, 2)
    if event.modality == "negated":
        return "divergence" if cooperative else None
    return "convergence" if cooperative else "divergence"


def _event_side(event: Event, clause: Span) -> str | None:
    """The event's side, where cooperation whose trigger broke down ("talks failed") is a divergence."""
    side = _side(event)
    if side == "convergence":
        trigger = next((t for t in clause if t.idx == event.trigger.start), None)
        if trigger is not None and _failed(trigger):
            return "divergence"
    return side


def _about_relations(token: Token) -> bool:
    """ "good relations", "ties are deepening", "relations have soured": the word is said of a relationship."""
    near = [token.head, *token.children, *(c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass"))]
    # "relations are in good condition", "ties are at their highest": up the predicate to its subject
    verb = token
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX"):
        near += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if token.head.lemma_.lower() in _DRIFT_VERBS and token.dep_ in ("advmod", "acomp", "oprd", "xcomp"):
        # "Duterte is moving closer to Beijing", "the visit brought the two countries closer": the
        # parties' distance; "moved its ships close to China" is where the ships went
        moved = [c for c in token.head.children if c.dep_ == "dobj"]
        if all(c._.get(TOKEN_ATTR) or c.lemma_.lower() in _RELATION_NOUNS or c.lower_ in _PAIR_WORDS for c in moved):
            return True
    return any(t.lemma_.lower() in _RELATION_NOUNS or t.lower_ in _RELATION_NOUNS for t in near)


#: Verbs of coming nearer or going apart, with which "closer" or "apart" says how near the parties stand.
_DRIFT_VERBS = {"move", "draw", "grow", "come", "edge", "inch", "drift", "bring", "push", "drive"}


#: Prepositions of concession: what their object says is set aside by the clause ("a good
#: relationship, beyond current bilateral tensions"; "cooperating despite backing rival sides").
_CONCESSIVE = {"despite", "beyond", "notwithstanding"}


def _conceded(token: Token, clause: Span) -> bool:
    """The cue word lies in the object of a concession ("beyond current bilateral tensions", "in
    spite of the dispute", "despite backing rival sides"): the clause sets it aside, so it counts
    only when no other word of the clause says a side."""
    for node in _path_up(token, clause):
        prep = node.head
        if node.dep_ in ("pobj", "pcomp") and (prep.lower_ in _CONCESSIVE or (
                prep.lower_ == "of" and prep.i > 0 and node.doc[prep.i - 1].lower_ in ("spite", "regardless"))):
            return True
    return False


def _path_up(token: Token, clause: Span):
    """The token and each word above it whose head still lies in the clause (what hangs from what)."""
    node = token
    while node.head.i != node.i and clause.start <= node.head.i < clause.end:
        yield node
        node = node.head


#: What two states can hold in common: "the same position", "shared concerns", "mutual trust".
_STANCE_NOUNS = {"position", "view", "stance", "approach", "goal", "interest", "concern", "value", "vision",
                 "objective", "opinion", "understanding", "ground", "trust", "respect", "benefit", "aim", "priority",
                 "commitment", "belief", "principle", "page", "desire", "wish"}


def _held_together(token: Token) -> bool:
    """ "shared concerns", "share the same concern": the word is a stance held in common."""
    near = [token.head, *token.children]
    return any(load_cues().get(t.lower_, ("", ""))[1] == "stance" or t.lemma_.lower() == "share"
               for t in near if t.i != token.i)


def _negated(token: Token) -> bool:
    """The cue is denied: by its own negation ("no agreement", "did not agree"), or by that of the
    verb it is the object or complement of, up through prepositions ("does not perceive Russia as
    a reliable partner", "never heard Putin say anything against China")."""
    if any(c.lower_ in ("no", "without") for c in token.children if c.dep_ in ("det", "prep")):
        return True
    node = token
    for _ in range(4):
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if node.dep_ not in ("dobj", "xcomp", "ccomp", "pobj", "prep") or node.head.i == node.i:
            return False
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return False  # a verb with its own subject is its own statement ("X expressed reservations – Y did not ...")
        node = node.head
    return False


#: What :func:`_cue_votes` reads of a clause: votes per side, the words, the sides of words about
#: the whole relationship, (side, parties) of words owning two states, (side, doers) of words whose
#: verb's subject names states.
_CueVotes = tuple[dict[str, int], list[str], set[str], list[tuple[str, set[str]]], list[tuple[str, set[str]]]]


def _cue_votes(clause: Span, skip: frozenset[int] = frozenset()) -> _CueVotes:
    """Votes of the clause's cue words per side (leaving out the tokens at the indices in ``skip``), the
    words, the sides voted for by a word about the relationship as a whole ("tensions", "good
    relations"), the votes of words whose own dependents name two states, which speak of those
    two only ("Russia's war against Ukraine"), and the votes of words whose verb's subject names
    states, which speak of pairs with one of those in them (``_doers``)."""
    described = _described(clause) - skip
    read = _cue_votes_of(clause, skip | described)
    if described and not any(read[0].values()):
        # "relations with Canada and Mexico, which are long-time U.S. allies": what describes a
        # party says its side only when the clause's own act says none
        read = _cue_votes_of(clause, skip | (frozenset(range(clause.start, clause.end)) - described))
    return read


def _described(clause: Span) -> frozenset[int]:
    """Tokens of the relative clauses and appositions that describe an actor the clause names
    ("Canada and Mexico, which are long-time U.S. allies", "Greece, Turkey's rival"): a description
    of a party, not the clause's act."""
    inside = range(clause.start, clause.end)
    return frozenset(t.i for head in clause if head.dep_ in ("relcl", "appos") and head.head.i in inside
                     and any(x._.get(TOKEN_ATTR) for x in (head.head, *head.head.conjuncts))
                     for t in head.subtree if t.i in inside)


def _cue_votes_of(clause: Span, skip: frozenset[int]) -> _CueVotes:
    """What :func:`_cue_votes` returns, read from every cue word of the clause not at an index in
    ``skip`` (descriptions of a party included)."""
    cues = load_cues()
    votes = {"convergence": 0, "divergence": 0}
    words = []
    whole: set[str] = set()
    owned: list[tuple[str, set[str]]] = []
    conceded: list[tuple[str, Token]] = []
    done_by: list[tuple[str, set[str]]] = []
    for token in clause:
        found = cues.get(token.lemma_.lower()) or cues.get(token.lower_)
        if found is None or token.i in skip:
            continue
        if token.dep_ == "compound" and (cues.get(token.head.lemma_.lower()) or cues.get(token.head.lower_)):
            continue  # "the ceasefire agreement" is one cue, read at its head
        if _conceded(token, clause):
            conceded.append((found[0], token))
            continue
        kind, scope = found
        if scope == "relations" and not _about_relations(token):
            continue
        if scope == "stance" and not any(t.lemma_.lower() in _STANCE_NOUNS
                                         for t in (token.head, *(c for c in token.children if c.dep_ == "dobj"))):
            continue
        if kind == "divergence" and _held_together(token):
            continue  # "Tokyo and Canberra shared concerns over China": a concern the two hold in common
        if scope == "refusal" and not any(c.dep_ in ("dobj", "xcomp") and (c.dep_ == "dobj" or c.pos_ in ("VERB", "AUX"))
                                          for c in token.children):
            continue  # "declined to attend", "declined the offer"; not "the number declined to 230,000"
        if scope == "verb" and token.pos_ != "VERB":
            continue  # "blocked the sale", not "a block of flats"; "shelled", not "a shell company"
        if token.lower_ == "back" and token.pos_ != "VERB":
            continue  # "sent them back to Mexico": no backing
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            continue  # "according to a U.N. report": who says it, no accord
        if _in_hyphenated_modifier(token):
            continue  # "high-threat illegal aliens", "anti-war protesters": a description, not an act
        if _asked_for(token, clause):
            continue  # "urged the Haitian authorities to strengthen the rule of law": asked, not done
        if _in_question(token, clause):
            continue  # "we will have to see whether another summit is appropriate": asked, not held
        if _an_occasion(token):
            continue  # "criticized by the U.S. at a Security Council meeting": where, not what
        negated = _negated(token)
        if kind == "divergence" and not negated and _undone(token):
            # "proposed to lift sanctions placed on North Korea": undoing a measure is a conciliatory act
            votes["convergence"] += 1
            words.append("undone " + token.text)
            continue
        failed = kind == "convergence" and _failed(token)
        if negated or failed:
            if kind == "divergence":
                continue  # "did not invoke sanctions": a conflict that did not happen is no cooperation either
            kind = "divergence"  # "no agreement", "talks failed": cooperation refused or broken off
        votes[kind] += 1
        words.append(("not " if negated else "failed " if failed else "") + token.text)
        if scope in ("relations", "whole"):
            whole.add(kind)
        parties = _own_parties(token)
        if len(parties) >= 2:
            owned.append((kind, parties))
        doers = _doers(token, clause)
        if doers:
            done_by.append((kind, doers))
    if not any(votes.values()):
        # "Erdogan went ahead despite criticism by the Greek foreign minister": with nothing in the
        # clause set against it, what it concedes is its side
        for kind, token in conceded:
            votes[kind] += 1
            words.append(token.text)
    return votes, words, whole, owned, done_by


def _doers(token: Token, clause: Span) -> set[str]:
    """The states named as the subject of the verb a cue word says or hangs from ("Beijing firmly
    opposes any contact between the United States and Taiwan": China; "Ankara blocked Sweden's bid
    to join NATO": Turkey), through the verbs it is the infinitive of ("wants to block")."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and clause.start <= verb.head.i < clause.end:
        if verb.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return set()  # "if nuclear threats by China escalate": the cue is the subject, its own words say whose
        verb = verb.head
    while True:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if subjects or verb.dep_ != "xcomp" or not clause.start <= verb.head.i < clause.end:
            break
        verb = verb.head
    if any(c.lower_ in ("two", "both") for subject in subjects for c in subject.children):
        return set()  # "the two presidents are cooperating in Syria": the pair named before
    return {_state(r) for subject in subjects for t in subject.subtree if clause.start <= t.i < clause.end
            for r in t._.get(TOKEN_ATTR) or [] if _state(r) and not _a_location(t)}


#: Verbs of appeal: what they ask another to do has not been done ("urged Haiti to strengthen ...").
_APPEALS = {"urge", "call", "press", "demand", "ask", "appeal", "implore", "exhort", "push", "encourage"}


def _asked_for(token: Token, clause: Span) -> bool:
    """The cue word lies in what a verb of appeal asks for: its infinitive complement ("urged the
    authorities to take steps to strengthen the rule of law", "called on Iran to cooperate")."""
    return any(node.dep_ in ("xcomp", "ccomp") and node.pos_ in ("VERB", "AUX") and node.head.lemma_.lower() in _APPEALS
               for node in _path_up(token, clause))


def _in_question(token: Token, clause: Span) -> bool:
    """The cue word lies in a question the clause asks ("to see whether another summit is
    appropriate", "undecided whether to join the sanctions"): what is asked about has not happened."""
    nodes = [token, *(n.head for n in _path_up(token, clause))]
    return any(c.dep_ == "mark" and c.lower_ == "whether" for node in nodes for c in node.children)


def _an_occasion(token: Token) -> bool:
    """ "at a Security Council meeting", "during the talks": a cue noun naming the occasion of an act
    says where it was done, not what was done (as "in Qatar" names no party)."""
    prep = token.head
    # "are at war", "remain at odds": after a copula, "at" says the state the two are in
    return (token.dep_ == "pobj" and token.pos_ == "NOUN" and prep.lower_ in ("at", "during")
            and prep.head.pos_ in ("VERB", "AUX") and prep.head.lemma_.lower() not in ("be", "remain", "stay"))


def _in_hyphenated_modifier(token: Token) -> bool:
    doc = token.doc
    hyphen = (token.i > 0 and doc[token.i - 1].text == "-") or (token.i + 1 < len(doc) and doc[token.i + 1].text == "-")
    return hyphen and token.dep_ in ("amod", "compound", "nmod", "npadvmod")


#: Verbs that undo a measure: "veto any sanctions legislation", "lift the embargo", "water down any
#: measures against Turkey". Undoing a conflict is a step toward the other side.
_UNDO = {"veto", "lift", "ease", "waive", "remove", "drop", "relax", "scrap", "repeal", "revoke", "overturn"}


def _undone(token: Token) -> bool:
    noun = token.head if token.dep_ == "prep" else token
    while noun.dep_ in ("compound", "amod") and noun.head.i != noun.i:
        noun = noun.head
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    return verb.lemma_.lower() in _UNDO or (
        verb.lemma_.lower() == "water" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children))


def _own_parties(token: Token) -> set[str]:
    """The states a cue word's own dependents name: its possessor or modifier and the objects of its
    prepositions ("Russia's war against Ukraine"; for "against", its noun's and its object's)."""
    noun = token.head if token.dep_ == "prep" else token
    near = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("against", "with", "between", "on", "over"):
            near += [c for c in prep.children if c.dep_ == "pobj"]
    found: set[str] = set()
    for word in near:
        for t in word.subtree:
            if not _a_location(t):
                found |= {_state(r) for r in t._.get(TOKEN_ATTR) or [] if _state(r)}
    return found


#: Verbs that say an act of cooperation broke down ("talks failed", "the summit collapsed") or was
#: called off or held up ("they cancelled the visit", "he ordered his staff to delay the aid").
_FAILED_INTRANSITIVE = {"fail", "collapse", "stall", "falter", "founder", "break"}
_CALLED_OFF = {"cancel", "suspend", "postpone", "halt", "scrap", "abandon", "delay", "withhold", "block"}
#: The same as nouns: "the withholding of aid", "the suspension of talks".
_CALLED_OFF_NOUNS = {"cancellation", "suspension", "postponement", "halt", "withholding", "delay", "freeze",
                     "collapse", "breakdown", "failure", "abandonment", "blocking"}
#: Verbs that say an agreement was broken ("has violated the signed agreement", "breached the truce").
_BROKEN = {"violate", "breach", "break", "flout", "abrogate", "undermine"}


def _failed(token: Token) -> bool:
    if token.dep_ == "nsubj" and token.head.lemma_.lower() in _FAILED_INTRANSITIVE:
        return True
    if any(t.dep_ == "relcl" and t.lemma_.lower() in _CALLED_OFF | _FAILED_INTRANSITIVE for t in token.subtree):
        return True  # "a meeting during the planned trip, which was cancelled"
    # "delay around $400 million in military aid": from the cue up to the noun the verb governs
    noun = token
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "NUM", "PROPN"):
        noun = noun.head.head
    verb = noun.head
    if (noun.i != token.i and noun.lower_ in _CALLED_OFF_NOUNS) or (
            token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _CALLED_OFF_NOUNS):
        return True  # "the temporary withholding of security aid to Ukraine"
    return (noun.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in _CALLED_OFF | _BROKEN) or (
        verb.lemma_.lower() == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children))


def _conditional(clause: Span) -> bool:
    """ "If the United States approaches us positively, we will ...": a clause led by its condition is
    not a relation yet (a threat's condition, "... if hit by sanctions", comes after the threat)."""
    first = next((t for t in clause if not t.is_punct), None)
    return first is not None and first.lower_ in ("if", "unless")


def _background(doc: ArticleDoc, clause: Span, events: list[Event], around: frozenset[int] = frozenset()) -> bool:
    published = doc.article.published
    if published is None:
        return False
    if any(e.date and (published - latest_day(e.date, e.date_precision)).days > BACKGROUND_DAYS for e in events):
        return True
    # "In announcing the sanctions this week, Blinken said Berisha was corrupt during his term": the
    # act is dated to the present; the history is what it is about
    told_as_history = bool(_HISTORY.search(clause.text)) and not _NOW.search(clause.text)
    return _told_before(_main_text(clause, around), published) or told_as_history


#: Dependencies of a clause inside a clause: an adverbial clause ("after arresting them in 2014"), a
#: relative clause ("which invaded Cyprus in 1974"), a clause on a noun ("the deal signed in 2015").
_SUBORDINATE = ("advcl", "relcl", "acl")
#: Words that set a phrase in the time before or after the act ("after weeks of denying it",
#: "since the 2014 coup", "until talks collapsed").
_AROUND_THE_ACT = {"after", "since", "before", "until", "following"}


def _held(clause: Span, deps: tuple[str, ...]) -> set[int]:
    inside = range(clause.start, clause.end)
    return {t.i for head in clause if head.dep_ in deps and head.head.i in inside and head.head is not head
            for t in head.subtree}


def _around_the_act(clause: Span) -> frozenset[int]:
    """Tokens of phrases that tell what came before or after the clause's act ("After weeks of
    denying it, Thailand turned 40 of them over to China"): their words say nothing of the act's
    side."""
    inside = range(clause.start, clause.end)
    return frozenset(t.i for head in clause
                     if head.lower_ in _AROUND_THE_ACT and head.dep_ in ("prep", "mark") and head.head.i in inside
                     and head.head.pos_ in ("VERB", "AUX")
                     for t in (head.head.subtree if head.dep_ == "mark" else head.subtree) if t.i in inside)


def _main_text(clause: Span, around: frozenset[int] = frozenset()) -> str:
    """The clause without the clauses it holds and (the token indices in ``around``) what it tells
    of the time around its act: a year said in "after arresting them in 2014, Thailand turned 40 of
    them over to China" dates the arrest, not the handover."""
    held = _held(clause, _SUBORDINATE) | around
    return " ".join(t.text for t in clause if t.i not in held)


def _told_before(text: str, published: dt.date) -> bool:
    """The latest time the words name ("in 2004", "the February 2020 pact") ends more than
    ``BACKGROUND_DAYS`` before the article; a bare year counts to its last day."""
    months = [dt.date(int(year), MONTHS.index(month.lower()) + 1, 1) for month, year in _MONTH_YEAR.findall(text)]
    ends = [latest_day(day, "month") for day in months]
    # a year already read with its month keeps the month's precision
    ends += [latest_day(dt.date(int(y), 1, 1), "year") for y in _YEAR.findall(text)
             if int(y) not in {day.year for day in months}]
    ends += [latest_day(dt.date(int(y) + 9, 1, 1), "year") for y in _DECADE.findall(text)]
    return bool(ends) and (published - max(ends)).days > BACKGROUND_DAYS


def _pointed_topics(words: Span, deps: tuple[str, ...] = ("dobj", "pobj", "nsubj")) -> list[str]:
    """ "While India is keen on buying it": what "it" points back to is in the previous sentence."""
    if not any(t.lower_ in ("it", "this", "them", "these") and t.dep_ in deps for t in words):
        return []
    start = words.sent.start
    if start == 0:
        return []
    return _areas(words.doc[start - 1].sent)


def _clause_areas(clause: Span, sent: Span) -> list[str]:
    """The issue areas of a clause: its own words, and what a pronoun object anywhere in its sentence
    points back to ("While India is keen on buying it, Washington has expressed reservations" is
    about the previous sentence's S-400 as well as its own words)."""
    areas = _areas(clause)
    for area in _pointed_topics(sent, ("dobj", "pobj")):
        if area not in areas:
            areas.append(area)
    return areas or _pointed_topics(clause)


def _implicit_pair(clause: Span, states: dict[str, Token], recent: tuple[str, str] | None) -> tuple[str, str] | None:
    """ "Relations between the two NATO allies have plummeted", "Bilateral trading ties are deepening":
    a clause about a relationship that names at most one state is about the pair named last. "The
    two" ("the two presidents", "the two are energy partners") are that pair even beside a third
    state ("the two presidents are cooperating in Syria")."""
    if recent is None or len(states) > 1:
        return None
    the_two = any(t.lower_ == "two" and t.i > clause.start and clause.doc[t.i - 1].lower_ == "the"
                  and (t.head.tag_ in ("NNS", "NNPS") or t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"))
                  for t in clause)
    if states and next(iter(states)) not in recent and not the_two:
        return None
    words = {t.lower_ for t in clause} | {t.lemma_.lower() for t in clause}
    if the_two or words & _PAIR_WORDS or words & _RELATION_NOUNS:
        return recent
    return None


def _main_parties(clause: Span, states: dict[str, Token]) -> dict[str, Token]:
    """ "The Philippines and China have been disputing the sea, a fight joined by Brunei, Malaysia,
    Taiwan and Vietnam": of a clause naming many states, those outside the clauses and appositions
    it holds, which are the parties of its own act."""
    held = _held(clause, _SUBORDINATE + ("appos",))
    return {code: token for code, token in states.items() if token.i not in held}


def _read_clause(doc: ArticleDoc, sent: Span, clause: Span, states: dict[str, Token], groups: dict[str, Token],
                 recent: tuple[str, str] | None = None, alone: tuple[str, str] | None = None) -> list[RelationStatement]:
    if len(states) > _MAX_STATES:
        states = _main_parties(clause, states)
    if len(states) > _MAX_STATES or _conditional(clause):
        return []
    if states and groups:  # "He took a swipe at the Quad": a state and a grouping are a pair too
        states = {**states, **{g: t for g, t in groups.items() if len(states) + len(groups) <= _MAX_STATES + 1}}
    implicit = _implicit_pair(clause, states, recent) or alone
    start, end = clause.start_char, clause.end_char
    events = [e for e in doc.events if start <= e.trigger.start < end]
    # "The Foreign Ministry of Iraq called the attack a violation of its sovereignty": the coder placed
    # the other party from the sentences before; an event between two states, one named here, is theirs
    placed = sorted({tuple(sorted((_state(e.source), _state(e.target)))) for e in events
                     if e.source and e.target and _state(e.source) and _state(e.target)
                     and e.source.country != e.target.country and {e.source.country, e.target.country} & set(states)})
    if len(states) < 2 and not (states and groups) and implicit is None and not placed:
        return []
    areas = _clause_areas(clause, sent) or ["general"]
    if "general" not in areas and any(t.lower_ in _RELATION_NOUNS and not any(
            c.dep_ in ("amod", "compound") and _areas(c) for c in t.children) for t in clause):
        areas.append("general")  # "relations have plummeted": the relationship as a whole
    evidence = TextSpan(start=sent.start_char, end=sent.end_char, text=sent.text)
    where = TextSpan(start=start, end=end, text=clause.text)
    out = []

    def add(a: str, b: str, kind: str, basis: str, third: str | None = None, date: dt.date | None = None,
            general: bool = False) -> None:
        x, y = sorted((a, b))
        for area in areas + (["general"] if general and "general" not in areas else []):
            out.append(RelationStatement(a=x, b=y, kind=kind, area=area, third=third, evidence=evidence, clause=where,
                                         basis=basis, background=background, date=date or doc.article.published))

    around = _around_the_act(clause)
    cue_votes, cue_words, whole, owned, done_by = _cue_votes(clause, around)
    told_around = {clause.doc[i].idx for i in around}
    events = [e for e in events if e.trigger.start not in told_around]
    background = _background(doc, clause, events, around)
    pairs = [(a, b) for a, b in itertools.combinations(sorted(states), 2)
             if not _co_listed(states[a], states[b])] if len(states) >= 2 else ([implicit] if implicit else [])
    pairs += [pair for pair in placed if pair not in pairs]
    subjects = _joint_subjects(clause, states)
    conditional_offer = any(t.lower_ in ("if", "unless") and t.dep_ == "mark" for t in clause)
    for a, b in pairs:
        between = [e for e in events if e.source and e.target and {_state(e.source), _state(e.target)} == {a, b}]
        # "Tokyo and Washington shared concerns over China's expansion": the clause's words are
        # said of the two that are its subject; China is what they speak of (a third party)
        votes = dict(cue_votes) if subjects is None or {a, b} == subjects else {"convergence": 0, "divergence": 0}
        if any(not {a, b} <= parties for _, parties in owned):
            # "China's support for Russia's war against Ukraine": the clause's words are about Russia
            # and Ukraine; for any other pair only a coded event between the two says a side
            votes = {"convergence": 0, "divergence": 0}
        for kind, doers in done_by:
            if not doers & {a, b} and votes[kind] > 0:
                votes[kind] -= 1  # "Beijing opposes any contact between the US and Taiwan": China's act, not theirs
        sides = {id(e): _event_side(e, clause) for e in between}
        for e in between:  # a coded event between the two weighs twice a cue word
            if sides[id(e)]:
                votes[sides[id(e)]] += 2
        if votes["convergence"] == votes["divergence"]:
            continue
        side = max(votes, key=votes.get)  # type: ignore[arg-type]
        if side == "convergence" and conditional_offer:
            continue  # "the president would meet with Kim if there is a prospect of a deal": not yet held by both
        event = next((e for e in between if sides[id(e)] == side), None)
        if event is not None:
            add(a, b, side, f"event {event.cameo} {event.cameo_name} ({event.source.name} -> {event.target.name}, "
                            f"{event.modality}{', broke down' if _side(event) != side else ''})", date=event.date)
        else:
            add(a, b, side, f"cue words: {', '.join(cue_words[:4])}" + (
                "" if (a, b) != implicit else " (the article's main pair)" if implicit == alone else " (the pair named before)"),
                general=side in whole)
    # Third parties: C presses on one of the pair in a clause that names the other.
    for e in events:
        if e.cameo[:2] not in _PRESSURE_ROOTS or e.modality == "hypothetical" or not e.source or not e.target:
            continue
        third = _state(e.source) or (_organisation(e.source) if _organisation(e.source) in groups else None)
        target = _state(e.target)
        if not third or not target or target not in states or third == target:
            continue
        for presser in [third, *_co_sources(clause, third)]:
            for other in states:
                if other not in (presser, target, third):
                    add(target, other, "third_party", f"event {e.cameo} {e.cameo_name} ({e.source.name} -> {e.target.name})",
                        third=presser, date=e.date)
    return out


def _co_sources(clause: Span, source: str) -> list[str]:
    """The states and organisations listed with the source of an act ("The United States, United
    Nations and rights groups condemned Thailand"): each of them did it too."""
    heads = {_mention_head(t).i for t in clause
             if any(source in (_state(r), _organisation(r)) for r in t._.get(TOKEN_ATTR) or [])}
    found: list[str] = []
    for i in heads:
        head = clause.doc[i]
        # the parser often reads the rest of a list as an apposition ("Germany, the UN and rights groups")
        listed = [c for c in head.children if c.dep_ == "appos" and any(t.dep_ == "cc" for t in c.subtree)]
        for conjunct in [*head.conjuncts, *listed]:
            for token in conjunct.subtree:
                for ref in token._.get(TOKEN_ATTR) or []:
                    code = _state(ref) or _organisation(ref)
                    if code and code != source and code not in found:
                        found.append(code)
    return found
