"""Extract events from the dependency parse: trigger, source, target, codes and modality."""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..actors.resolve import AGENT_ATTR, PLACE_ATTR, TOKEN_ATTR
from ..config import MIN_CONFIDENCE
from ..models import ActorRef, ArticleDoc, Event, Modality, Plover, TextSpan, content_id
from .intent import recode, threat_code
from .lexicon import Trigger, load_lexicon
from .modality import OBLIGATION_AUX, modality_with_basis
from .ontology import CameoCode, load_ontology
from .pairs import CONVENTIONAL_ATTACKS, pair_code, pairs
from .roles import article_partner, domestic_target, phrase_targets, slot_target, wants_partner
from .slots import agent_refs, governing_actor, is_passive, passive_patients, prep_refs, refs, refs_of_deps
from .stance import evaluation, quoted_evaluations

__all__ = ["EventStage"]

#: Verbs that carry a nominal event ("launched an attack", "held talks", "staged protests").
_LIGHT_VERBS = {"launch", "mount", "stage", "hold", "conduct", "carry", "make", "issue", "announce", "begin",
                "start", "impose", "give", "offer", "extend", "deliver", "step", "open", "resume", "order",
                "lodge", "file", "express", "voice", "receive", "pay", "sign", "reach", "undertake", "continue",
                "organize", "organise", "go", "speed", "accelerate", "complete", "finish", "intensify", "escalate",
                "expand"}
#: Roots of violence: unconventional violence, conventional force, mass violence.
_VIOLENT_ROOTS = ("18", "19", "20")
#: Prepositions that point at the target of a directed event ("protested against", "fired at").
_TARGET_PREPS = ("against", "on", "at", "to", "toward", "towards", "into", "with")
#: Prepositions that name the other party of a meeting or conversation.
_PARTY_PREPS = ("with", "to")
#: Verbs whose clausal object names who must act: "demanded that the US match ...".
_DIRECTIVE_VERBS = {"demand", "insist", "urge", "ask", "call", "warn", "threaten", "appeal", "request", "press"}
#: Verbs whose clausal object's subject is the accused: "alleged that Mahan had contributed to ...".
_ACCUSING_VERBS = {"allege", "accuse", "claim", "charge"}
#: Verbs of saying whose clause with "must" or "should" is a demand: "declared that China must drop barriers".
_SAYING_VERBS = {"say", "declare", "reiterate", "insist", "stress", "state", "tell", "add", "repeat", "maintain",
                 "argue", "remind", "write", "announce", "emphasize", "emphasise", "underline", "assert"}
#: Nouns that stand for what they hold or measure ("tons of aid", "a mission of observers").
_CONTAINERS = {"ton", "tonne", "kg", "kilogram", "kilo", "worth", "amount", "shipment", "consignment", "batch", "load",
               "mission", "team", "group", "delegation", "contingent", "number", "dozen", "hundred", "thousand",
               "part", "portion", "day", "week", "month", "round", "series", "state", "effort", "package"}
#: What a noun trigger with no target loses: under the default threshold, unless the article supplies one.
_BARE_NOUN = -0.1
_UNCODED_SOURCE = -0.25
#: Verbs that are an event only with an object: "returned the land" yields, "returned home" travels.
_TRANSITIVE_ONLY = {"return"}
#: Verbs that are acts on people only when done to people ("executed the prisoners", not "executed a
#: plan"; "released the hostages", not "released a book"), unless an entry names the object ("released funds").
_PEOPLE_ONLY = {"execute", "hang", "release", "free"}
_PEOPLE_NOUNS = {"man", "woman", "men", "women", "person", "people", "child", "children", "prisoner", "suspect",
                 "opponent", "dissident", "member", "leader", "official", "soldier", "civilian", "activist"}
#: Nouns that are an event only with a light verb ("expressed reservations", not "Native American reservations").
_LIGHT_VERB_ONLY = {"reservation", "objection"}
#: Compounds that make a noun a media product ("a press release", "a news release").
_MEDIA_WORDS = {"press", "news", "media"}
#: Verbs that demand only with an infinitive clause ("told X to leave").
_ORDER_ONLY_WITH_CLAUSE = {"tell"}
#: Verbs that are a visit only when the subject itself travels.
_TRAVEL_VERBS = {"fly", "travel", "head", "sail", "drive"}
#: Demand verbs that also just assert: "insisted that the talks had failed" demands nothing.
_ASSERTING_DEMANDS = {"insist", "maintain"}
#: The lexicon-free trigger for such a demand.
_OBLIGATION = Trigger.plain("", "VERB", "100")
#: Clauses that carry what a demand, threat or agreement is about, and how far up its verb may be.
_CONTENT_DEPS = {"xcomp", "ccomp", "advcl", "acomp"}
_CONTENT_DEPTH = 4
#: Codes of acts whose content is another act: intents and agreements, appeals, demands, refusals, threats.
_GOVERNING_ROOTS = {"02", "03", "10", "12", "13"}
#: How many tokens after a noun trigger its target's preposition may stand ("visit to Delhi").
_NOUN_PREP_REACH = 3


@dataclass(frozen=True)
class _Found:
    trigger: Trigger
    words: tuple[Token, ...]
    sources: list[ActorRef]
    targets: list[ActorRef]
    base_confidence: float


class EventStage:
    """Code events sentence by sentence; every event points to its sentence and trigger.

    When the quote stage ran first, an event inside a quote links to it (``quote_id``), and
    "we" in the quote already stands for the speaker's side.
    """

    name = "events"
    requires = ("parsed", "token_actors")
    provides = ("events",)

    def __init__(self, min_confidence: float = MIN_CONFIDENCE) -> None:
        self.lexicon = load_lexicon()
        self.codes = load_ontology()
        self.min_confidence = min_confidence

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        events: list[Event] = []
        seen: set[str] = set()
        starts = [q.start for q in doc.quotes]
        speakers = _quote_speakers(doc)
        people = frozenset(a.id for a in doc.actors if a.kind == "person")
        for sent in doc.parsed.sents:
            for found, cameo, modality in [*self._find(sent), *_quoted_stances(sent, speakers)]:
                for event in self._events(doc, sent, found, cameo, modality, people):
                    i = bisect.bisect_right(starts, event.trigger.start) - 1
                    quote = doc.quotes[i] if i >= 0 and event.trigger.start < doc.quotes[i].end else None
                    if quote is not None:
                        event = event.model_copy(update={"quote_id": quote.id})
                    if event.id not in seen:
                        seen.add(event.id)
                        events.append(event)
        # The threshold comes last: a target from the article's main dyad can lift an event over it.
        kept = [e for e in _with_partners(doc, events) if e.confidence >= self.min_confidence]
        return doc.model_copy(update={"events": kept})

    def _find(self, sent: Span) -> Iterator[tuple[_Found, str, Modality]]:
        """Each trigger found in the sentence, with the code and modality it is stored with."""
        coded = [(f, *_coding(f)) for f in self._find_all(sent)]
        verbs = {f.words[0].i: cameo for f, cameo, _ in coded if f.words[0].pos_ in ("VERB", "AUX")}
        intents = {i for i, cameo in verbs.items() if cameo[:2] == "03"}
        contents: dict[int, str] = {}  # governing verb -> the code of the act it is about
        kept = []
        for found, cameo, modality in coded:
            # "pledged to expand cooperation" is one intent, coded on the act: the promise verb adds nothing.
            head = found.words[0]
            if found.trigger.cameo[:2] == "03" and any(c.dep_ == "xcomp" and c.i in intents for c in head.children):
                continue
            governor = _content_of(head, verbs) if modality in ("future", "hypothetical") and cameo[:2] != "03" else None
            if governor is not None:
                contents.setdefault(governor, cameo)
                continue
            kept.append((found, cameo, modality))
        for found, cameo, modality in kept:
            # "threatened to impose sanctions" is a threat of sanctions (1312), not a bare threat (130).
            content = contents.get(found.words[0].i)
            if cameo == "130" and content:
                cameo = threat_code(content) or cameo
            yield found, cameo, modality

    def _find_all(self, sent: Span) -> Iterator[_Found]:
        consumed: set[int] = set()
        for token in sent:
            if token.pos_ == "VERB":
                found = (self._verb_event(token) or self._light_verb_event(token) or _obligation_event(token)
                         or _stance_event(token))
                if found:
                    consumed.update(t.i for t in found.words)
                    yield found
        for token in sent:
            if token.pos_ == "NOUN" and token.i not in consumed:
                found = self._noun_event(token)
                if found:
                    yield found

    def _verb_event(self, verb: Token) -> _Found | None:
        trigger, words = self._match(verb, "VERB")
        if trigger is None or _asserts(verb, trigger) or _not_the_act(verb, trigger):
            return None
        trigger = self._by_means(verb, trigger)
        sources = agent_refs(verb)
        attackers = [] if sources else self._attackers(verb, trigger)
        sources = sources or attackers
        if is_passive(verb):
            targets = passive_patients(verb)
        else:
            targets = self._targets(verb, trigger, words)
        if not targets and not any(c.dep_ == "dobj" for c in verb.children):
            # "threatened to impose sanctions on Turkey", "refused to meet Germany": the threat or
            # refusal is aimed at the target of the action it governs (but "encouraged allies to
            # restrict X" is aimed at the allies).
            for child in verb.children:
                if child.dep_ == "xcomp":
                    inner, inner_words = self._match(child, "VERB")
                    if inner is not None:
                        targets = self._targets(child, inner, inner_words)
                        break
        if attackers and not [t for t in targets if t.country or t.code]:
            return None  # "Israel's air strike on Syria killed five": the strike is the event, coded on the noun
        return _Found(trigger, words, sources, targets, 0.6)

    def _by_means(self, verb: Token, trigger: Trigger) -> Trigger:
        """ "wounded two soldiers in a bomb attack": violence takes the code of the means it names."""
        if trigger.cameo[:2] not in ("18", "19"):  # force and unconventional violence; mass violence (20) is its own means
            return trigger
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "with", "by"):
                for noun in prep.children:
                    means, _ = self._match(noun, "NOUN") if noun.dep_ == "pobj" else (None, ())
                    if means is not None and means.cameo[:2] in _VIOLENT_ROOTS and means.cameo != trigger.cameo \
                            and len(means.cameo) >= len(trigger.cameo) and means.cameo not in CONVENTIONAL_ATTACKS:
                        return dataclasses.replace(trigger, cameo=means.cameo)
        return trigger

    def _attackers(self, verb: Token, trigger: Trigger) -> list[ActorRef]:
        """ "US Predator attacks have killed eight al-Qaeda leaders": violence whose subject is itself an
        attack is done by whoever carried the attack out."""
        if trigger.cameo[:2] not in _VIOLENT_ROOTS:
            return []
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            means, _ = self._match(subject, "NOUN")
            if means is not None and means.cameo[:2] in _VIOLENT_ROOTS:
                # A capital in front of an attack says where it was ("a Kabul car bombing"), not who did it.
                places = {r.actor_id for t in subject.subtree if t._.get(PLACE_ATTR) for r in (t._.get(TOKEN_ATTR) or [])}
                return [r for r in refs(subject) if r.actor_id not in places]
        return []

    def _light_verb_event(self, verb: Token) -> _Found | None:
        """A light verb with a nominal trigger as object: "Israel mounted an invasion of Lebanon"."""
        if verb.lemma_.lower() not in _LIGHT_VERBS:
            return None
        for child in verb.children:
            if child.dep_ != "dobj":
                continue
            # "launched a mediation effort", "declared a state of siege": the event noun inside the object.
            trigger, obj = next(((t, n) for n in _object_nouns(child) if not _media(n)
                                 for t in (self._match(n, "NOUN")[0],) if t),
                                (None, child))
            if trigger is None:
                continue
            targets = (prep_refs(obj, trigger.prep) if trigger.prep else []) or self._targets(verb, trigger, (verb,))
            targets = targets or refs_of_deps(verb, {"dative"})
            return _Found(trigger, tuple(dict.fromkeys((verb, obj, child))), agent_refs(verb), targets, 0.6)
        return None

    def _noun_event(self, noun: Token) -> _Found | None:
        if noun.lemma_.lower() in _LIGHT_VERB_ONLY or _media(noun):
            return None  # "Native American reservations", "a press release": no act without its verb
        trigger, words = self._match(noun, "NOUN")
        if trigger is None:
            return None
        sources = [r for c in noun.children if c.dep_ in ("poss", "compound", "amod") for r in (c._.get(TOKEN_ATTR) or [])]
        targets = prep_refs(noun, trigger.prep, near=_NOUN_PREP_REACH) if trigger.prep else []
        between = prep_refs(noun, "between", near=_NOUN_PREP_REACH)
        if not sources and len(between) >= 2:
            sources, targets = between[:1], between[1:]
        if not sources and trigger.cameo.startswith("04") and (targets or _purpose(noun)):
            # "X, after a meeting with Y, ...": meetings happen; "a treaty with Iran" is a thing, not an act.
            # "U.S. and Russian negotiators return to Geneva for talks": those who come for them hold them.
            sources = governing_actor(noun)
        return _Found(trigger, words, sources, targets, 0.5)

    def _match(self, token: Token, pos: str) -> tuple[Trigger | None, tuple[Token, ...]]:
        """The most specific lexicon entry the token's parse satisfies.

        For verbs, ``particle`` is a particle or preposition child ("play down", "call for") and
        ``object`` the lemma of the direct object, or of the particle's object ("call for a
        ceasefire"). For nouns, ``particle`` is a modifier ("air strike", "hunger strike").
        """
        best: tuple[tuple[int, bool, bool, bool], Trigger, tuple[Token, ...]] | None = None
        for entry in self.lexicon.get((token.lemma_.lower(), pos), ()):
            words = [token]
            holders = [token]
            if entry.particle:
                deps = ("compound", "amod") if pos == "NOUN" else ("prt", "prep")
                particle = next((c for c in token.children if c.dep_ in deps
                                 and entry.particle in (c.lower_, c.lemma_.lower()) and not _dates(c)), None)
                if particle is None:
                    continue
                words.append(particle)
                holders.append(particle)
            direct = True  # the entry's object is the object itself, not a word inside it
            if entry.object:
                found = next(((c, n) for h in holders for c in h.children if c.dep_ in ("dobj", "attr", "pobj")
                              for n in _object_nouns(c) if n.lemma_.lower() == entry.object), None)
                if found is None:
                    continue
                direct = found[0].i == found[1].i
                words.extend(dict.fromkeys(found))  # "banned opposition candidates": the object and its kind
            # Prefer the entry that asks most of the sentence, then one whose target preposition is
            # there ("meet with X"), then one that needs none ("meet X").
            has_prep = any(c.dep_ in ("prep", "agent") and c.lower_ == entry.prep for h in holders for c in h.children)
            # "signed a trade agreement" is the signing of an agreement (057) more than trade (061).
            rank = (entry.specificity, direct, bool(entry.prep) and has_prep, not entry.prep)
            if best is None or rank > best[0]:
                best = (rank, entry, tuple(words))
        return (best[1], best[2]) if best else (None, ())

    def _targets(self, verb: Token, trigger: Trigger, words: tuple[Token, ...]) -> list[ActorRef]:
        if not trigger.prep:
            return (refs_of_deps(verb, {"dobj"}) or refs_of_deps(verb, {"dative"})
                    or self._fallback_targets(verb, trigger, words))
        # An entry with a preposition names its target only through it: in "withdrew the US
        # from the treaty" the direct object is not the target.
        for holder in words:
            found = prep_refs(holder, trigger.prep)
            if found:
                return found
        return self._fallback_targets(verb, trigger, words)

    @staticmethod
    def _fallback_targets(verb: Token, trigger: Trigger, words: tuple[Token, ...]) -> list[ActorRef]:
        """A target the entry did not name: a directed preposition, or the subject of a demanded clause."""
        # A meeting's other party is met "with" or spoken "to"; "speaking at the opening of ..." names none.
        preps = _PARTY_PREPS if trigger.cameo[:2] == "04" else _TARGET_PREPS
        for holder in words:
            for prep in preps:
                found = prep_refs(holder, prep)
                if found:
                    return found
        for child in verb.children:
            if child.dep_ == "ccomp" and verb.lemma_ in _DIRECTIVE_VERBS | _ACCUSING_VERBS:
                found = refs_of_deps(child, {"nsubj", "nsubjpass"})
                if found:
                    return found
        return []

    def _events(self, doc: ArticleDoc, sent: Span, found: _Found, cameo: str, modality: Modality,
                people: frozenset[str]) -> Iterator[Event]:
        head = found.words[0]
        directed = not found.trigger.symmetric
        if not found.targets and (len(found.sources) < 2 or directed):
            verbal_conflict = found.trigger.cameo[:2] in ("10", "11", "12", "13")
            inferred = (directed and slot_target(head, found.trigger.prep, found.sources, _containers(found.words))) \
                or phrase_targets(found.words, found.sources, contrast=verbal_conflict,
                                  places=directed and found.trigger.cameo[:2] != "04",
                                  topics=found.trigger.cameo[:2] != "04") \
                or (directed and domestic_target(head, found.trigger.cameo, found.sources, _containers(found.words)))
            if inferred:
                found = _Found(found.trigger, found.words, found.sources, inferred, found.base_confidence - 0.1)
        pairs_ = pairs(found.trigger, found.sources, found.targets)
        code = self.codes[cameo]
        sentence = _text_span(doc, sent.start_char, sent.end_char)
        trigger = _text_span(doc, min(t.idx for t in found.words),
                             max(t.idx + len(t.text) for t in found.words))
        for source, target in pairs_:
            # A noun with no target ("the invasion", "unrest") is more often background than a report.
            # A target counts when it can be coded: "worked with Manohar's government" names no one we know.
            coded_target = target is not None and bool(target.country or target.code)
            bonus = 0.25 if coded_target else (_BARE_NOUN if head.pos_ == "NOUN" else 0.0)
            # Someone no list knows, of no known state or organisation, doing something to no one named
            # falls under the threshold: nothing in it can be counted.
            if not (source.country or source.code):
                bonus += _UNCODED_SOURCE
            confidence = found.base_confidence + bonus + 0.05 * found.trigger.specificity
            coded = self.codes[pair_code(code.code, source, target, head.lemma_.lower(), people)]
            yield _event(doc, sentence, trigger, source, target, coded, modality, min(confidence, 1.0))


def _content_of(head: Token, verbs: dict[int, str]) -> int | None:
    """Whether an unrealised act is what a coded demand, appeal, threat, refusal or agreement is about.

    In "threatened to shell Iraqi towns", "demanded that Libya must hand over the suspects" or
    "agreed that their countries should cooperate", the shelling, handing over and cooperating
    have not happened: they are the content of the threat, demand or agreement, which is the
    event. Coding them again as acts of their own is how coders over-count.

    Returns:
        The index of the governing event's verb, or ``None``.
    """
    token = head
    for _ in range(_CONTENT_DEPTH):
        if token.dep_ not in _CONTENT_DEPS or token.head.i == token.i:
            return None
        token = token.head
        code = verbs.get(token.i)
        if code is not None and (code[:2] in _GOVERNING_ROOTS or code == _OBLIGATION.cameo):
            return token.i
    return None


def _coding(found: _Found) -> tuple[str, Modality]:
    """The code and modality of a found trigger: a verb's stated intent or refusal is recoded (see ``intent``)."""
    head = found.words[0]
    modality, basis = modality_with_basis(head)
    if head.pos_ in ("VERB", "AUX"):
        return recode(found.trigger.cameo, modality, basis)
    return found.trigger.cameo, modality


def _object_nouns(obj: Token) -> list[Token]:
    """An object and the nouns that say what it is: "mediation efforts", "700 kg of medicine".

    A container or measure noun ("tons of aid", "a mission of observers", "a state of
    emergency") stands for what it holds; a compound modifier ("aid deliveries") for the kind.
    """
    nouns = [obj, *(c for c in obj.children if c.dep_ == "compound" and c.pos_ == "NOUN")]
    if obj.lemma_.lower() in _CONTAINERS:
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                nouns.extend(o for o in prep.children if o.dep_ == "pobj")
    return nouns


def _containers(words: tuple[Token, ...]) -> tuple[Token, ...]:
    """The container nouns of a trigger ("a *state* of emergency"): never the event's target."""
    return tuple(t for t in words[1:] if t.lemma_.lower() in _CONTAINERS)


def _media(noun: Token) -> bool:
    """ "a press release", "a news conference": a media product, not the act the head noun names."""
    return any(c.dep_ == "compound" and c.lower_ in _MEDIA_WORDS for c in noun.children)


def _is_person_like(token: Token) -> bool:
    """Someone: a name, an actor, an agent noun, a number of people, or a pronoun."""
    return bool(token._.get(TOKEN_ATTR) or token._.get(AGENT_ATTR)) or token.ent_type_ in ("PERSON", "NORP") or (
        token.pos_ in ("PRON", "NUM", "PROPN")) or token.lemma_.lower() in _PEOPLE_NOUNS


def _purpose(noun: Token) -> bool:
    """ "came to Geneva for talks", "gathered in Doha for a meeting": the noun is what a verb is for."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.pos_ == "VERB"


def _dates(prep: Token) -> bool:
    """ "called on Sunday": a preposition of time whose object is a date is not the verb's particle
    (while "sentenced *to* five years" keeps its particle)."""
    return prep.lower_ in ("on", "in", "at", "by") and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _not_the_act(verb: Token, trigger: Trigger) -> bool:
    """Whether a verb the lexicon lists is, in this sentence, not the act it names."""
    lemma = verb.lemma_.lower()
    deps = {c.dep_ for c in verb.children}
    if lemma in _TRANSITIVE_ONLY and not deps & {"dobj", "nsubjpass"}:
        return True  # "negotiators return to Geneva" travel; they return nothing
    if lemma in _TRAVEL_VERBS and ("dobj" in deps or not any(
            c.dep_ == "prep" and c.lower_ in ("to", "for") for c in verb.children)):
        return True  # "flies cargo to Syria" carries something, "flew over the rally" goes nowhere
    if lemma in _PEOPLE_ONLY and not trigger.object and not any(
            _is_person_like(c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        return True  # "executed a planned shutdown" kills no one
    # "told reporters that ..." is speech; "told the army to withdraw" is an order.
    return lemma in _ORDER_ONLY_WITH_CLAUSE and "xcomp" not in deps


def _asserts(verb: Token, trigger: Trigger) -> bool:
    """ "insisted unrest reflected ethnic tensions": a demand verb that only asserts a fact.

    A demand's clause wants something done ("insisted that Serbia withdraw", "... must withdraw");
    a clause in the indicative ("reflected", "is") reports what the speaker holds true.
    """
    if trigger.cameo[:2] != "10" or trigger.particle or trigger.object or verb.lemma_.lower() not in _ASSERTING_DEMANDS:
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None or any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in clause.children):
        return False
    # The finite word says the mood: "reflected", "has failed", "were killed" are indicative.
    finite = [clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ in ("VBD", "VBZ") for t in finite)


def _obligation_event(verb: Token) -> _Found | None:
    """ "X said that Y must Z": X demands Z of Y (CAMEO 100), whatever Z is."""
    if verb.lemma_.lower() not in _SAYING_VERBS:
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in clause.children):
            continue
        targets = refs_of_deps(clause, {"nsubj", "nsubjpass"})
        sources = agent_refs(verb)
        if targets and sources:
            return _Found(_OBLIGATION, (verb,), sources, targets, 0.55)
    return None


def _with_partners(doc: ArticleDoc, events: list[Event]) -> list[Event]:
    """Give untargeted cooperative events the other side of the article's main dyad (see ``article_partner``)."""
    partner = article_partner(events)
    if not partner:
        return events
    out: list[Event] = []
    for event in events:
        other = partner.get(event.source.country or "") if event.source else None
        if event.target is None and other is not None and wants_partner(event.cameo):
            # A target from the article rather than the sentence: more than none, less than a parsed one (+0.25).
            confidence = round(min(event.confidence + 0.1, 1.0), 2)
            event_id = content_id(doc.article.id, str(event.trigger.start), event.cameo, event.source.actor_id or "",
                                  other.actor_id or "")
            event = event.model_copy(update={"target": other, "id": event_id, "confidence": confidence})
        out.append(event)
    return out


def _quote_speakers(doc: ArticleDoc) -> dict[int, ActorRef]:
    """Token index -> the speaker of the quotation the token is in, for quotes with a known speaker."""
    if not any(q.speaker for q in doc.quotes):
        return {}
    refs = {r.actor_id: r for t in doc.parsed for r in (t._.get(TOKEN_ATTR) or []) if r.actor_id}
    speakers: dict[int, ActorRef] = {}
    for quote in doc.quotes:
        speaker = refs.get(quote.speaker.actor_id or "") if quote.speaker else None
        if speaker is None:
            continue
        span = doc.parsed.char_span(quote.start, quote.end, alignment_mode="expand")
        for token in span or ():
            speakers[token.i] = speaker
    return speakers


def _quoted_stances(sent: Span, speakers: dict[int, ActorRef]) -> Iterator[tuple[_Found, str, Modality]]:
    """ "... supporting the Iranian regime's destructive ambitions," Pompeo tweeted: criticism of Iran."""
    quoted = {t.i for t in sent if t.i in speakers}
    if not quoted:
        return
    for code, adjective, noun, owners in quoted_evaluations(sent, quoted):
        source = speakers[adjective.i]
        targets = [r for r in owners if r.country != source.country or not source.country]
        trigger = Trigger.plain(adjective.lemma_.lower(), "ADJ", code)
        if targets:
            yield _Found(trigger, (adjective, noun), [source], targets, 0.5), code, "asserted"


def _stance_event(verb: Token) -> _Found | None:
    """ "X called the cooperation energetic", "X said ties were valuable": praise or criticism."""
    found = evaluation(verb)
    if found is None:
        return None
    code, adjective, noun = found
    sources = agent_refs(verb)
    targets = [r for r in refs(noun) if r not in sources]
    trigger = Trigger.plain(verb.lemma_.lower(), "VERB", code)
    return _Found(trigger, (verb, adjective), sources, targets, 0.5)


def _event(doc: ArticleDoc, sentence: TextSpan, trigger: TextSpan, source: ActorRef, target: ActorRef | None,
           code: CameoCode, modality: str, confidence: float) -> Event:
    event_id = content_id(doc.article.id, str(trigger.start), code.code, source.actor_id or "",
                          (target.actor_id or target.code or "") if target else "")
    plover = Plover(type=code.plover_type, mode=code.plover_mode) if code.plover_type else None
    return Event(
        id=event_id, sentence=sentence, trigger=trigger, source=source, target=target, cameo=code.code,
        cameo_name=code.name, goldstein=code.goldstein, quad_class=code.quad_class, plover=plover,
        modality=modality, confidence=round(confidence, 2),  # type: ignore[arg-type]
        explain={"coder": "rules", "trigger": trigger.text, "code": code.code, "confidence": round(confidence, 2)},
    )


def _text_span(doc: ArticleDoc, start: int, end: int) -> TextSpan:
    return TextSpan.trimmed(doc.article.text, start, end)
