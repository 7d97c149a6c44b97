"""Find actor mentions in a parsed article and resolve them on the article's date.

The stage writes two things: ``ArticleDoc.actors`` (each actor once, with every
mention), and ``token._.tr_actors`` on the spaCy doc, so the event coder can ask
any noun-phrase head which actors it stands for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..models import Actor, ActorRef, ArticleDoc, TextSpan
from ..nlp.words import SPEECH_VERBS
from .folded import FoldedMatcher
from .kb import Alias, KnowledgeBase, load_kb
from .names import introduced_names
from .sectors import NATIONAL_GROUPS
from .sources.roles import normalise_role
from .titles import title_phrase

__all__ = ["ActorStage", "TOKEN_ATTR", "AGENT_ATTR", "PLACE_ATTR"]

#: The spaCy token extension that holds a token's resolved actors (a list of ActorRef).
TOKEN_ATTR = "tr_actors"
#: The token extension that holds (word, sector) for an agent noun no actor could be found for
#: ("protesters", "the police"): the event coder may give it the country of the event's source.
AGENT_ATTR = "tr_agent"
#: The token extension that marks a capital named as a place ("Baghdad International Airport"):
#: it stands for the country, not the government, and says where something happened.
PLACE_ATTR = "tr_place"

_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
_PRONOUNS = {"he", "him", "his", "she", "her"}
_PERSON_LABELS = {"PERSON"}
#: Words spaCy folds into a PERSON entity in front of the name itself.
_TITLE_WORDS = {"president", "prime", "minister", "foreign", "defence", "defense", "external", "affairs",
                "secretary", "general", "chancellor", "king", "queen", "prince", "crown", "sheikh", "emir",
                "sultan", "ayatollah", "mullah", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir",
                "lord", "ambassador", "senator", "vice", "premier", "chairman", "state", "of", "home",
                "deputy", "counsellor", "envoy", "spokesman", "spokeswoman", "spokesperson", "army", "chief"}
#: Offices that mark an unknown person as an office holder (besides the title words above).
_OFFICE_WORDS = {"judge", "governor", "mayor", "general", "colonel", "commander", "archbishop", "bishop", "cardinal",
                 "speaker", "lawmaker", "legislator", "deputy", "justice", "prosecutor", "attorney", "admiral",
                 "lieutenant", "major", "captain", "marshal", "president-elect", "vice-president", "vice-premier"}
_AIMED_PREPS = {"against", "toward", "towards"}
#: Titles of those a state sends abroad.
_ENVOY_WORDS = {"ambassador", "envoy", "representative", "consul", "emissary", "ambassador-designate"}
#: Words that end the name of a government body, counted only inside a capitalised name.
_NAMED_BODIES = {"office", "bureau", "directorate", "inspectorate"}
#: Nouns a demonym names a language or its speakers with, not a state.
_LANGUAGE_WORDS = {"language", "tongue", "dialect", "speaker", "literature", "alphabet", "script", "translation"}
_SELF_PRONOUNS = {"it", "they", "we", "i", "he", "she"}
#: Words that make a name a sea, strait or landform ("the Indian Ocean", "the South China Sea", "the
#: Gulf of Oman", "the Korean Peninsula"): a state's name or adjective in it names a place, not the state.
_FEATURE_WORDS = {"ocean", "sea", "seas", "gulf", "strait", "straits", "bay", "peninsula", "channel", "basin",
                  "subcontinent", "sound", "lagoon"}


class ActorStage:
    """Resolve states, capitals, organisations, groups and people; set ``token._.tr_actors``."""

    name = "actors"
    requires = ("parsed",)
    provides = ("actors", "token_actors")

    def __init__(self, nlp: Language, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or load_kb()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for text in self.kb.aliases:
            self.matcher.add(text, [nlp.make_doc(text)])
        self.folded = FoldedMatcher(list(self.kb.folded))
        for name in (TOKEN_ATTR, AGENT_ATTR, PLACE_ATTR):
            if not Token.has_extension(name):
                Token.set_extension(name, default=None)

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        parsed: Doc = doc.parsed
        book = _ActorBook(self.kb, doc.article.published)
        refs: dict[int, list[ActorRef]] = {}
        peoples: list[Token] = []  # "Albanians", "Kurds": peoples named by their demonym
        places: set[int] = set()
        # People last: what their mention says of them ("Kenzo Oshima, the United Nations ...
        # coordinator") may name an organisation further on.
        for span in sorted(self._known_spans(parsed), key=lambda s: self._aliases(s.label_)[0].form == "person"):
            alias = book.choose(self._aliases(span.label_))
            if alias.form == "adjective" and span.root.dep_ in ("amod", "compound") \
                    and span.root.head.lemma_.lower() in _LANGUAGE_WORDS:
                continue  # "the Russian language" names a language, not Russia
            place = alias.form == "capital" and _names_a_place(span.root, self.kb)
            if place:
                alias = Alias(entity_id=alias.entity_id, form="name")  # "Baghdad International Airport"
                places.update(t.i for t in span)
            stated = None
            if alias.form == "person":
                owners = _modifier_refs(span.root, refs) or _appos_refs(span.root, refs)
                stated = owners[0] if len(owners) == 1 else None
            ref = book.mention(alias, span, stated)
            for token in span:
                refs[token.i] = [ref]
            if alias.form == "adjective" and span.root.pos_ in ("NOUN", "PROPN") and span.root.dep_ not in ("amod", "compound"):
                peoples.append(span.root)
        for token in peoples:
            # "ethnic Albanians in south Serbia" are people of Serbia, as event data codes them.
            places = [r for r in _place_refs(token, refs, preps=("in", "of")) if r.country != refs[token.i][0].country]
            if len(places) == 1:
                refs[token.i] = [book.with_sector(places[0], "ETH")]
        names = introduced_names(parsed, refs, lambda head: _modifier_refs(head, refs), self._sector_of,
                                 book.with_sector)
        for ent in parsed.ents:
            if ent.label_ in _PERSON_LABELS and _capitalised(ent) and not any(t.i in refs for t in ent):
                if ent.text in names:  # "Mahan", after "Iranian airline Mahan Air"
                    for token in ent:
                        refs[token.i] = [names[ent.text]]
                    continue
                known = book.by_surname(ent[0]) if len(ent) == 1 else None
                if known is not None:  # "Koizumi", after "Junichiro Koizumi"
                    refs[ent.start] = [known]
                    continue
                envoy = _envoy_refs(ent.root, refs)
                title = title_phrase(ent, self.kb)
                owners = (envoy or _modifier_refs(ent.root, refs) or _appos_refs(ent.root, refs)
                          or _place_refs(ent.root, refs, preps=("of",))  # "Patrice Talon of Benin"
                          or (_modifier_refs(title[1], refs) if title and title[1].i not in range(ent.start, ent.end) else []))
                if not owners and _is_titled(ent):
                    # "President Levy Mwanawasa ... the Zambian people": an office holder no list
                    # knows serves the one state the sentence names, if it names one.
                    owners = _locale_refs(ent.root, refs, objects=False)
                ref = book.unknown_person(ent, owners, office=bool(envoy) or title is not None,
                                          title=title[0] if title else None)
                for token in ent:
                    refs[token.i] = [ref]
        for token in parsed:
            if token.i not in refs and token.pos_ == "PROPN" and token.text in names:
                refs[token.i] = [names[token.text]]
        for token in parsed:
            # "Koizumi", after "Junichiro Koizumi": a known person's surname alone, later in the article.
            if token.i not in refs and token.pos_ == "PROPN" and token.text[:1].isupper():
                person = book.by_surname(token)
                if person is not None:
                    refs[token.i] = [person]
        # Agent nouns after "of" first: "leaders of African Union member states" are the AU's.
        for token in parsed:
            if token.i not in refs and token.dep_ == "pobj" and token.head.lower_ == "of":
                found = self._agent_refs(token, refs, book)
                if found:
                    refs[token.i] = found
        for token in parsed:
            if token.i not in refs:
                found = self._agent_refs(token, refs, book) or self._pronoun_ref(token, refs, book)
                if found:
                    refs[token.i] = found
        acronyms = _acronyms(parsed, refs)
        for token in parsed:
            if token.i not in refs and token.text in acronyms:
                refs[token.i] = [acronyms[token.text]]  # "the HNP", after "the Haitian National Police (HNP)"
            token._.set(TOKEN_ATTR, refs.get(token.i))
            agent = _agent_word(token, self.kb) if token.i not in refs else None
            token._.set(AGENT_ATTR, agent[:2] if agent else None)
            token._.set(PLACE_ATTR, token.i in places)
        return doc.model_copy(update={"actors": book.actors()})

    def _aliases(self, label: str) -> list[Alias]:
        return self.kb.folded[label[1:]] if label.startswith("~") else self.kb.aliases[label]

    def _known_spans(self, parsed: Doc) -> list[Span]:
        spans = []
        # A possessive the NER folds into the name ("Angela Merkel's") is not part of it.
        person_at = {t: e for e in map(_without_possessive, parsed.ents) if e.label_ == "PERSON"
                     for t in range(e.start, e.end)}
        found = [Span(parsed, start, end, label=key) for key, start, end in self.matcher(parsed)]
        place_at = {t: e for e in parsed.ents if e.label_ in ("LOC", "FAC") for t in range(e.start, e.end)}
        for span in [*found, *self.folded(parsed)]:
            start, end = span.start, span.end
            aliases = self._aliases(span.label_)
            if aliases[0].form != "person" and _in_feature_name(span, place_at.get(start)):
                continue
            # A country or capital name inside a person's name ("Jordan Peterson") is not that country.
            person_ent = person_at.get(start)
            if person_ent is not None and end > person_ent.end:
                person_ent = None
            if person_ent is not None and (person_ent.start, person_ent.end) != (start, end):
                # Part of a longer name: "Jordan Peterson" is not Jordan, and "Bill Gates" is not Robert
                # Gates; a known name after titles only ("President Vladimir Putin") is that person.
                leading = parsed[person_ent.start:start]
                if aliases[0].form != "person" or end != person_ent.end or not all(
                        t.lower_ in _TITLE_WORDS or t.is_punct or t.text in self.kb.aliases or t.ent_type_ in ("NORP", "GPE")
                        for t in leading):
                    continue
            spans.append(span)
        return filter_spans(spans)

    def _agent_refs(self, token: Token, refs: dict[int, list[ActorRef]], book: _ActorBook) -> list[ActorRef]:
        agent = _agent_word(token, self.kb)
        if agent is None or _is_condition(token):
            return []
        word, sector, is_person = agent
        owners = _modifier_refs(token, refs) or _place_refs(token, refs)
        if not owners:
            # "the spokesperson said" is the spokesperson named before, more surely than a state its sentence names
            antecedent = _definite_antecedent(token, refs)
            if antecedent:
                return antecedent
            owners = _locale_refs(token, refs)
        # "the two presidents", "presidents" are never the one office holder
        if is_person and len(owners) == 1 and owners[0].country and token.tag_ not in ("NNS", "NNPS"):
            person = book.recent_person(owners[0].country, word, before=token)
            if person is None and not (token.dep_ == "compound" and token.head.pos_ == "PROPN"):
                # "Congo's president" on the article's date: the knowledge base knows who (but in
                # "Foreign Minister Haruto Tanabe" the title is the named person's)
                person = book.office_holder(owners[0].country, normalise_role(word), token)
            if person is not None:
                book.add_mention(person.actor_id, token)
                return [person]
        # "rebel leaders" are rebels: a modifier's own sector is more precise than a generic person word.
        sector = next((a[1] for c in token.children if c.dep_ == "compound"
                       for a in (_agent_word(c, self.kb),) if a and a[1] != "GOV"), sector)
        found = [book.with_sector(owner, sector) for owner in owners]
        return list({(r.actor_id, r.code): r for r in found}.values())

    def _sector_of(self, token: Token) -> tuple[str, bool] | None:
        agent = _agent_word(token, self.kb)
        return (agent[1], agent[2]) if agent else None

    def _pronoun_ref(self, token: Token, refs: dict[int, list[ActorRef]], book: _ActorBook) -> list[ActorRef]:
        if token.pos_ != "PRON":
            return []
        speaker = _reporting_subject(token, refs)
        if speaker:
            return speaker
        if token.lower_ not in _PRONOUNS:
            return []
        person = book.recent_person(None, None, before=token)
        if person is None:
            return []
        book.add_mention(person.actor_id, token)
        return [person]


def _acronyms(parsed: Doc, refs: dict[int, list[ActorRef]]) -> dict[str, ActorRef]:
    """ "the Haitian National Police (HNP)": an acronym no list knows, given in brackets after a name
    that was placed, stands for that actor wherever the article uses it."""
    found: dict[str, ActorRef] = {}
    for token in parsed[2:-1]:
        before = parsed[token.i - 2]
        if (token.i in refs or not (2 <= len(token.text) <= 6 and token.text.isupper() and token.text.isalpha())
                or parsed[token.i - 1].text != "(" or parsed[token.i + 1].text != ")"):
            continue
        placed = refs.get(before.i) or []
        if len(placed) == 1 and token.text not in found:
            found[token.text] = placed[0]
    return found


def _definite_antecedent(token: Token, refs: dict[int, list[ActorRef]]) -> list[ActorRef]:
    """ "A U.S. State Department spokesperson said ... the spokesperson told VOA": a bare definite
    agent noun is the last earlier mention of the same noun (or a name it heads: "the court", after
    "the International Court of Justice"), when that one was placed. An earlier
    mention no actor was found for stops the search (it may be the one meant)."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or any(
            c.dep_ in ("amod", "compound", "poss", "nmod", "nummod") for c in token.children):
        return []  # "the two presidents" are not the president named last
    plural = token.tag_ in ("NNS", "NNPS")
    for j in range(token.i - 1, -1, -1):
        earlier = token.doc[j]
        if (earlier.lemma_.lower() == token.lemma_.lower() and earlier.pos_ in (token.pos_, "PROPN")
                and (earlier.tag_ in ("NNS", "NNPS")) == plural):
            return refs.get(j, [])  # "the court", after "the International Court of Justice"
    return []


def _in_feature_name(span: Span, place: Span | None) -> bool:
    """The name lies in the name of a sea or landform: the place entity around it (``place``) holds a
    feature word ("the Gulf of Oman"), or one follows it as a name ("Indian Ocean", even untagged)."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in _FEATURE_WORDS and after.text[:1].isupper():
        return True
    return place is not None and span.end <= place.end and any(
        t.lower_ in _FEATURE_WORDS for t in place if not span.start <= t.i < span.end)


def _without_possessive(ent: Span) -> Span:
    """The entity without a trailing "'s"."""
    end = ent.end
    while end > ent.start + 1 and ent.doc[end - 1].lower_ in ("'s", "’s", "'"):
        end -= 1
    return ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_)


def _names_a_place(capital: Token, kb: KnowledgeBase) -> bool:
    """A capital in front of a thing's name is where it is, not the government:
    "Baghdad International Airport", "a Kabul car bombing", "The Washington Post";
    but "Moscow officials" and "Beijing's decision" are the government's."""
    head = capital.head
    return (capital.dep_ in ("compound", "nmod") and head.i != capital.i and head.pos_ in ("NOUN", "PROPN")
            and _agent_word(head, kb) is None)


def _is_condition(token: Token) -> bool:
    """ "a state of emergency", "a state of siege": a condition, not a state that acts."""
    return token.lemma_.lower() == "state" and token.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.pos_ == "NOUN" for o in c.children)
        for c in token.children)


def _envoy_refs(name: Token, refs: dict[int, list[ActorRef]]) -> list[ActorRef]:
    """ "US Ambassador to Germany Richard Grenell": an envoy serves the state before the title, not the host.

    The parser reads the name as the object of "to"; the envoy's own state modifies the title.
    """
    prep = name.head
    title = prep.head
    if name.dep_ != "pobj" or prep.lower_ != "to" or title.lower_ not in _ENVOY_WORDS:
        return []
    return [r for c in title.children if c.dep_ in _MODIFIER_DEPS for r in (refs.get(c.i) or []) if r.country]


def _appos_refs(token: Token, refs: dict[int, list[ActorRef]]) -> list[ActorRef]:
    """ "Kenzo Oshima, the United Nations relief coordinator": the organisation in the apposition;
    "Qasem Soleimani, head of Iran's Quds Force": the actor its "of" object names or belongs to."""
    for child in token.children:
        if child.dep_ == "appos":
            found = refs.get(child.i) or _modifier_refs(child, refs) or _of_refs(child, refs)
            if found:
                return list(found)
    return []


def _of_refs(head: Token, refs: dict[int, list[ActorRef]]) -> list[ActorRef]:
    """The actor a head is "of": "head of Iran's Quds Force", "leader of the Russian Communist Party"."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found = refs.get(obj.i) or _modifier_refs(obj, refs)
                    if found:
                        return list(found)
    return []


def _is_titled(ent: Span) -> bool:
    """A person named with an office: "President X", "Judge X", "Vice-President X"."""
    words = [t.lower_ for t in ent] + [c.lower_ for c in ent.root.lefts if c.dep_ == "compound"]
    return any(w in _TITLE_WORDS or w in _OFFICE_WORDS or w.split("-")[-1] in _TITLE_WORDS for w in words)


def _place_refs(token: Token, refs: dict[int, list[ActorRef]],
                preps: tuple[str, ...] = ("in", "of", "from", "throughout", "across")) -> list[ActorRef]:
    """The state an agent noun is placed in or belongs to: "security forces in Guinea", "the police of Iraq";
    or the organisation it is "of": "leaders of African Union member states"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found = [r for t in (obj, *obj.conjuncts) for r in (refs.get(t.i) or [])]
                    states = [r for r in found if r.country]
                    if states:
                        return [r for r in states if r.actor_id == r.country] or states[:1]
                    if prep.lower_ == "of" and found:
                        return found[:1]
    return []


def _locale_refs(token: Token, refs: dict[int, list[ActorRef]], objects: bool = True) -> list[ActorRef]:
    """The one state a sentence is about, for an agent noun with no owner ("police", "protesters").

    Only a sentence that names exactly one state settles it; otherwise the noun stays unresolved.
    Without ``objects``, a state named as an object ("called for sanctions against Nigeria")
    does not count: it is the other party, while a people ("the Zambian people") or an
    institution ("the Kenya Anti-Corruption Commission") or a place ("the curfew in Abidjan")
    places the sentence at home.
    """
    states: dict[str, ActorRef] = {}
    for t in token.sent:
        for r in refs.get(t.i) or []:
            # An office holder's sentence is placed by a group of one state too ("UNITA", of Angola).
            national = not objects and r.country and r.code and r.code[3:6] in NATIONAL_GROUPS
            if (r.actor_id == r.country or national) and (objects or not _is_object(t)):
                if r.country not in states or r.actor_id == r.country:
                    states[r.country] = r  # type: ignore[index]
    if len(states) != 1:
        return []
    return list(states.values())


def _is_object(token: Token) -> bool:
    """A direct object, or the object of "against": the party an act is aimed at."""
    return token.dep_ in ("dobj", "dative") or (token.dep_ == "pobj" and token.head.lower_ in _AIMED_PREPS)


def _reporting_subject(token: Token, refs: dict[int, list[ActorRef]]) -> list[ActorRef]:
    """In "Hungary said it will support ...", the reported clause's "it" is the speaker."""
    if token.lower_ not in _SELF_PRONOUNS or token.dep_ not in ("nsubj", "nsubjpass"):
        return []
    clause = token.head
    if clause.dep_ != "ccomp" or clause.head.lemma_ not in SPEECH_VERBS:
        return []
    for child in clause.head.children:
        if child.dep_ == "nsubj" and refs.get(child.i) and _agrees(token, child):
            return list(refs[child.i])
    return []


def _agrees(pronoun: Token, speaker: Token) -> bool:
    """ "Chinese officials confirmed it has killed three": "it" is not the officials."""
    plural = speaker.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in speaker.children)
    if pronoun.lower_ == "it":
        return not plural
    if pronoun.lower_ in ("he", "she", "i"):
        return not plural
    return True


def _agent_word(token: Token, kb: KnowledgeBase) -> tuple[str, str, bool] | None:
    """Return (word, sector, names-a-person) for an agent noun such as "minister" or "defence ministry"."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    if token.pos_ == "PROPN" and token.lower_ in _NAMED_BODIES:
        return token.lower_, "GOV", False  # "the Federal Aviation Office (of Germany)"; "offices" are buildings
    lower = token.lower_ if token.lower_ in kb.agents else token.lemma_.lower()
    compounds = [c.lower_ for c in token.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN", "ADJ")]
    for size in range(len(compounds), -1, -1):
        phrase = " ".join([*compounds[len(compounds) - size:], lower])
        if phrase in kb.agents:
            sector, is_person = kb.agents[phrase]
            return phrase, sector, is_person
    return None


def _modifier_refs(head: Token, refs: dict[int, list[ActorRef]]) -> list[ActorRef]:
    """Actors named by a head's modifiers and their conjuncts ("Indian and Russian ministers")."""
    found: list[ActorRef] = []
    for child in head.children:
        if child.dep_ not in _MODIFIER_DEPS or child.pos_ == "PRON":
            continue  # "his counterpart" is not him
        for token in (child, *child.conjuncts):
            for ref in refs.get(token.i) or []:
                if ref not in found:
                    found.append(ref)
        found.extend(r for r in _modifier_refs(child, refs) if r not in found)
    return found


class _ActorBook:
    """Collects actors and their mentions while one article is resolved."""

    def __init__(self, kb: KnowledgeBase, day: dt.date | None) -> None:
        self.kb = kb
        self.day = day
        self._actors: dict[str, Actor] = {}
        self._mentions: dict[str, dict[tuple[int, int], TextSpan]] = {}
        self._people: list[tuple[int, ActorRef, str]] = []  # (token index, ref, role)
        self._person_ids: set[str] = set()

    def choose(self, aliases: list[Alias]) -> Alias:
        """Of the entities a name can stand for, the person who held a post on the article date, if one did."""
        if len(aliases) > 1 and self.day is not None:
            held = [a for a in aliases if self.kb.entities[a.entity_id].kind == "person"
                    and self.kb.role_on(a.entity_id, self.day) is not None]
            if held:
                return held[0]
        return aliases[0]

    def mention(self, alias: Alias, span: Span, stated: ActorRef | None = None) -> ActorRef:
        entity = self.kb.entities[alias.entity_id]
        basis = None
        if entity.kind == "state":
            # "Montenegro" in 2005 was part of Serbia and Montenegro; "East Timor" in 2000 was no state:
            # a region then. It keeps its own code (the convention of event data: ICEWS, PLOVER).
            state_id, basis = self.kb.state_on(entity.id, self.day)
            if state_id != entity.id:
                self._ensure(Actor(id=entity.id, name=entity.name, kind="region", country=entity.country,
                                   code=entity.code, role_basis=basis))
                self._add(entity.id, span.start_char, span.end_char, span.text)
                return self._ref(entity.id, None)
        if entity.kind == "person":
            ref = self._person(entity.id, entity.name, span, stated)
        else:
            sector = alias.sector if alias.form in ("capital", "institution") or entity.kind == "nonstate" else None
            if entity.kind in ("organization", "group"):
                sector = "IGO"
            self._ensure(Actor(id=entity.id, name=entity.name, kind=entity.kind, country=entity.country,
                               code=entity.code, members=list(entity.members), role_basis=basis or None))
            ref = self._ref(entity.id, sector)
        self._add(ref.actor_id, span.start_char, span.end_char, span.text)
        return ref

    def office_holder(self, affiliation: str, role: str, token: Token) -> ActorRef | None:
        """The one person the knowledge base says held ``role`` for ``affiliation`` on the article date."""
        pid = self.kb.holder(affiliation, role, self.day)
        if pid is None:
            return None
        entity = self.kb.entities[pid]
        return self._person(pid, entity.name, token.doc[token.i:token.i + 1])

    def by_surname(self, token: Token) -> ActorRef | None:
        """A person named earlier in full (known or not) whose last name this token is, if exactly one;
        else one whose first name it is ("Mahathir" after "Mahathir Mohamad", "Kim" after "Kim Jong
        Un": names whose short form is their first word), if exactly one."""
        found: dict[str, ActorRef] = {}
        for word in (-1, 0):
            found = {ref.actor_id: ref for start, ref, _ in self._people
                     if start < token.i and ref.actor_id
                     and any(len(m.text.split()) > 1 and m.text.split()[word] == token.text
                             for m in self._mentions.get(ref.actor_id, {}).values())}
            if found:
                break
        if len(found) != 1:
            return None
        ref = next(iter(found.values()))
        self.add_mention(ref.actor_id, token)
        return ref

    def _person(self, pid: str, name: str, span: Span, stated: ActorRef | None = None) -> ActorRef:
        held, basis = self.kb.role_status(pid, self.day)
        if stated is not None and (held is None or self.day is None):
            # "U.N. mediator Diego Cordovez" with no post known that day: the text's title is the evidence.
            country = stated.country
            return self._register_person(pid, name, span.start, country, f"{country}GOV" if country else stated.code,
                                         "GOV" if country else None, None,
                                         f"{basis}; the text names them with {stated.name}")
        role = held or self.kb.role_on(pid, None)
        affiliation = self.kb.entities.get(role.affiliation) if role else None
        country = affiliation.country if affiliation else None
        if affiliation is None or affiliation.kind == "state":
            code = f"{country}{role.sector}" if country and role else None
        else:
            code = affiliation.code
        return self._register_person(pid, name, span.start, country, code, role.sector if role else None,
                                     held.role if held else None, basis, post=held.role if held else "")

    def _register_person(self, pid: str, name: str, start: int, country: str | None, code: str | None,
                         sector: str | None, role: str | None, basis: str | None, post: str = "") -> ActorRef:
        """Record a person actor and the token where they are named, with the known post that a later
        title word ("the minister") may refer back to (``recent_person``)."""
        self._ensure(Actor(id=pid, name=name, kind="person", country=country, code=code, role=role, role_basis=basis))
        ref = ActorRef(actor_id=pid, name=name, country=country, code=code, sector=sector)
        self._people.append((start, ref, post))
        self._person_ids.add(pid)
        return ref

    def unknown_person(self, ent: Span, owners: list[ActorRef], office: bool = False,
                       title: str | None = None) -> ActorRef:
        country = owners[0].country if len(owners) == 1 else None
        pid = "person:" + "-".join(ent.text.lower().split())
        code = f"{country}GOV" if country and (office or _has_title(ent.root)) else country
        if len(owners) == 1 and not country:
            code = owners[0].code  # "U.N. mediator Diego Cordovez" speaks for the UN
        ref = self._register_person(pid, ent.text, ent.start, country, code,
                                    "GOV" if code and code.endswith("GOV") else None,
                                    normalise_role(title) if title else None,
                                    f"title in the text: {title!r}" if title else None)
        self._add(pid, ent.start_char, ent.end_char, ent.text)
        return ref

    def with_sector(self, owner: ActorRef, sector: str) -> ActorRef:
        """The same actor seen through an agent word ("Indian entities" = IND + BUS)."""
        if not owner.country:
            return owner
        if owner.actor_id in self._person_ids:
            # "the Trump administration" is the US government, not Trump himself.
            state = self.kb.entities.get(owner.country)
            if state is None:
                return owner
            self._ensure(Actor(id=state.id, name=state.name, kind=state.kind, country=state.country, code=state.code))
            return self._ref(state.id, sector)
        if owner.sector == sector:
            return owner
        return owner.model_copy(update={"sector": sector, "code": f"{owner.country}{sector}"})

    def recent_person(self, country: str | None, word: str | None, before: Token) -> ActorRef | None:
        """The most salient earlier person, optionally of one country and role word.

        Salience follows centering: a person mentioned earlier in the same sentence,
        else the first-mentioned person of the nearest earlier sentence that has one.
        """
        candidates = [
            (start, ref) for start, ref, role in self._people
            if start < before.i and (not country or ref.country == country)
            and (not word or word.split()[-1].rstrip("s") in role)
        ]
        if not candidates:
            return None
        sent_start = before.sent.start
        same = [c for c in candidates if c[0] >= sent_start]
        if same:
            return same[0][1]
        doc = before.doc
        last_sentence = doc[candidates[-1][0]].sent.start
        return next(ref for start, ref in candidates if start >= last_sentence)

    def add_mention(self, actor_id: str | None, token: Token) -> None:
        if actor_id:
            self._add(actor_id, token.idx, token.idx + len(token.text), token.text)

    def actors(self) -> list[Actor]:
        return [a.model_copy(update={"mentions": sorted(self._mentions[a.id].values(), key=lambda m: m.start)})
                for a in self._actors.values()]

    def _ensure(self, actor: Actor) -> None:
        self._actors.setdefault(actor.id, actor)
        self._mentions.setdefault(actor.id, {})

    def _ref(self, actor_id: str, sector: str | None) -> ActorRef:
        actor = self._actors[actor_id]
        code = actor.code if sector in (None, "IGO") or actor.kind != "state" else f"{actor.country}{sector}"
        return ActorRef(actor_id=actor_id, name=actor.name, country=actor.country, code=code, sector=sector)

    def _add(self, actor_id: str, start: int, end: int, text: str) -> None:
        self._mentions[actor_id].setdefault((start, end), TextSpan(start=start, end=end, text=text))


def _has_title(token: Token) -> bool:
    return any(c.dep_ == "compound" and c.lower_ in {"minister", "president", "secretary", "premier"}
               for c in _subtree_lefts(token))


def _subtree_lefts(token: Token) -> Iterable[Token]:
    for child in token.lefts:
        yield child
        yield from _subtree_lefts(child)


def _capitalised(ent: Span) -> bool:
    """A name has a capital letter ("al-Eryani", "de Klerk"); a PERSON entity without one is the
    tagger's mistake ("if fentanyl does not end"), no person."""
    return any(t.text[:1].isupper() for t in ent)
