"""Events from the dependency parse: who visits, meets, calls or signs, with whom, where, when.

Triggers come from the ``kg_triggers`` Matcher (lemmas, see
``kg/data/event_triggers.json``). For each trigger the arguments are read from
the parse: the subject or possessor is the agent ("Modi's phone call",
"Putin will visit"), "with"/"between" objects and objects of meet/call are
participants, "to"/"in"/"at" objects and direct objects of visit are places,
and DATE entities attached to the trigger or its clause give the date.

Mentions of one event in a document ("the meeting", "Modi's meeting with
Putin", "the Modi–Putin meeting") are merged into one event with all their
evidence sentences (:mod:`kg.extract.merge`); what the clause around a
trigger says (denied, by phone, in a "since" clause) is :mod:`kg.extract.clauses`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..gazetteer import load_gazetteer
from ..keys import LEADER_OF
from ..model import Entity, Event
from ..nlp import titles
from .dates import DateRange, dateline, normalise, place_dateline, reference_in_year, single_place, weekday_of
from .clauses import (
    DEFINITE, HOST_VERBS, NOT_EVENT_DATES, agreement_name, attended, by_phone, call_in_sentence, closes_relative_clause,
    in_own_clause,
    in_sequence_clause, in_subject, in_trailing_participle, in_where_clause, is_taking_place, next_in_series,
    not_happening, phone_word, shares_subject,
    titles_named_next,
)  # fmt: skip
from .entities import (
    AGREEMENT_NOUNS, LOWERCASE_SITES, LocalEntity, demonym_of, entity_at, singular, title_after_as, title_before,
)
from .merge import Mention, after_publication, fold_nested, merge_mentions

PLANNED_HEADS = {
    "expect", "plan", "schedule", "set", "due", "slate", "prepare", "intend",
    "propose", "aim", "hope", "announce", "confirm", "invite", "agree", "likely",
    "want", "seek", "wish", "pledge", "promise", "vow", "offer",
}
PLANNED_MODIFIERS = {
    "upcoming", "planned", "expected", "proposed", "scheduled", "forthcoming",
    "future", "next", "anticipated", "prospective", "possible", "potential", "impending",
}
# "would"/"could"/"may" report an intention or possibility, not something that happened
# "X is due to hold talks", "X is expected to hold talks": the talks are X's ("agreed to start talks" are not yet talks)
SCHEDULE_HEADS = {"be", "expect", "schedule", "set", "plan", "due", "likely"}
FUTURE_AUX = {"will", "shall", "'ll", "’ll", "would", "'d", "’d", "may", "might", "could"}
LIGHT_VERBS = {
    "hold", "have", "conduct", "pay", "make", "undertake", "begin", "start", "host", "attend",
    "chair", "co", "lead", "open", "resume", "join", "witness", "oversee",  # "co" heads "co-chair", "co-host" as the model splits them
}
# "before ending the trip in Tallinn": the last leg of the subject's trip (but "concluded negotiations" is no meeting)
TRIP_END_VERBS = {"end", "conclude", "finish", "wrap"}
SERIES_NOUNS = {"round", "session", "series", "meeting", "part", "edition"}
PERSONAL_PRONOUNS = {"his", "her", "he", "she", "him"}
SEQUENCE_PREPS = {"after", "before", "following", "since", "ahead"}
WHEREABOUTS_VERBS = {"be", "arrive", "stay", "land"}
PARTICIPANT_TYPES = {"Person", "Organization"}
# plural nouns that, with "the two" or "both", refer back to two people
GROUP_NOUNS = {
    "leader", "president", "minister", "premier", "chancellor", "head", "man", "woman",
    "counterpart", "official", "diplomat", "envoy", "secretary", "monarch", "king", "ruler", "side",
}
# plural nouns for the people who lead the countries named after them
HEAD_NOUNS = {"leader", "president", "head", "premier", "ruler", "monarch"}
# "X was among the leaders/delegates at …": the people who attend a gathering
ATTENDEE_NOUNS = HEAD_NOUNS | {"participant", "attendee", "delegate", "guest", "minister"}
# "X received a call from Y": the one who answers a call is not its agent
ANSWER_VERBS = {"receive", "get", "take", "answer"}
# verbs of trade whose seller and buyer are the parties of the deal they come with
TRADE_VERBS = {"buy", "purchase", "acquire", "import", "order", "supply", "sell", "deliver", "export", "provide"}
GATHERING_NOUNS = {"gathering", "summit", "meeting", "conference", "forum", "talks"}
# what leaders adopt together: a joint text (a law or a budget is adopted by one body)
ADOPTED_TEXTS = {"declaration", "communique", "communiqué", "statement", "charter", "roadmap", "accord", "pact", "treaty"}
# "on the sidelines/margins/fringes of the summit": talks held beside a gathering
# a date given after these is the one an event was moved to: "visit moved to April", "talks put off until May"
RESCHEDULE_VERBS = {"move", "postpone", "reschedule", "push", "delay", "defer", "put", "shift", "bring"}
PREPARING_WORDS = {"preparation", "prepare", "arrangement", "plan", "planning"}
SIDELINES = {"sidelines", "margins", "fringes", "sideline", "margin"}
VISIT_VERBS = {"visit", "tour", "travel", "fly", "arrive", "come"}
VISITOR_NOUNS = {"visitor", "guest"}
BLOC_NOUNS = {"bloc", "alliance", "grouping"}
AHEAD_WORDS = {"later", "next", "upcoming", "coming"}
ACCEPT_VERBS = {"accept", "receive", "take"}
# the last word of titles held under a leader: "the two leaders" are not these
SUBORDINATE_TITLES = {"minister", "secretary", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "adviser"}
TRIP_VERBS = VISIT_VERBS | {"go", "head", "return", "leave"}
SETTLEMENT_NOUNS = {"city", "town", "village", "port", "capital", "resort"}
PLACE_TYPES = {"Country", "City", "Place", "Organization"}




def extract_events(
    doc: Doc,
    doc_id: str,
    entities: dict[str, LocalEntity],
    token_keys: dict[int, str],
    published: str | None,
) -> list[Event]:
    """Events of one parsed document, merged per real event."""
    reader = _Reader(doc, entities, token_keys, published)
    triggers = sorted(doc.spans.get("kg_triggers", []), key=lambda t: t.start)
    reader.attendance = reader.among_the_leaders()
    mentions = [m for t in triggers for m in reader.read(t)]
    mentions = sorted(mentions + reader.attendance + reader.there_to_do(), key=lambda m: m.trigger)
    return merge_mentions(fold_nested(mentions, doc, entities), doc_id, entities, reader.published, reader.lede, reader.within)


class _Reader:
    def __init__(self, doc: Doc, entities, token_keys, published):
        self.doc = doc
        self.entities = entities
        self.keys = token_keys
        self.published = published
        self.reference = published  # what "on Tuesday" counts from
        self.yearless_reference: str | None = None  # a stand-in full date when only "--MM-DD" is known
        self.lede: tuple[set[str], DateRange] | None = None
        self.dateline_start = self.dateline_end = -1  # DATE entities starting between these offsets belong to the dateline
        self.dateline_value: DateRange | None = None
        self.dateline_marks = (-1, -1)  # characters of "BOGOTA (AP) —": its agency takes part in nothing
        # "Ruritania's president met …" named only in the next sentence: the title's token → the person
        self.named_next = {t.i: token_keys[p.start] for t, p in titles_named_next(doc, token_keys)}
        self._read_dateline()
        self.dateline_place, self.dateline_sentence = self._read_dateline_place()
        self.lede_end = self._second_sentence_end()
        if self.lede is None:
            self._read_lede()
        self.trigger_tokens = {i for s in doc.spans.get("kg_triggers", []) for i in range(s.start, s.end)}
        # (position, title, person): "Chancellor Friedrich Merz" lets "the chancellor" find him
        self.titled = []
        self.nationality: dict[str, str] = {}  # person → country, from "Turkish President X"
        # where each named mention starts: how often a person was named before a point
        self.mention_starts = [i for i, k in token_keys.items() if token_keys.get(i - 1) != k]
        for ent in doc.ents:
            title, start = title_before(doc, ent.start)
            if ent.label_ == "PERSON" and not title and ent.start in token_keys:
                title = title_after_as(doc, ent.end)  # "parliament elected X as prime minister"
                if title:
                    self.titled.append((ent.start, title, token_keys[ent.start]))
                continue
            if ent.label_ == "PERSON" and title and ent.start in token_keys:
                self.titled.append((ent.start, title.lower(), token_keys[ent.start]))
                country = self._country_word(doc[start - 1]) if start > 0 else None
                if country is None and start > 1 and doc[start - 1].text in {"'s", "’s"}:
                    country = self._country_word(doc[start - 2])  # "Turkey's President X"
                if country is not None:
                    self.nationality.setdefault(token_keys[ent.start], country)
        self._title_the_named_next(doc, token_keys)
        self.history: list[Mention] = []  # mentions read so far, in text order
        self.attendance: list[Mention] = []  # "X was among the leaders at …", "X attended": see among_the_leaders
        self.within: dict[str, str] = {}  # a site → the city or country the text puts it in
        self.site_city: dict[str, str] = {}  # a meeting's site → the city named beside it in the clause

    def _title_the_named_next(self, doc: Doc, token_keys) -> None:
        """Offices named in the next sentence give their holders a title and a nationality, so that "the
        Ruritanian president" later finds them; a counterpart holds the same office."""
        office = None
        for title, person in titles_named_next(doc, token_keys):
            if title.lemma_.lower() != "counterpart":
                office = "prime minister" if title.lemma_.lower() == "minister" else title.lemma_.lower()
            key = token_keys[person.start]
            if office is not None:
                self.titled.append((person.start, office, key))
            country = next((c for c in map(self._country_word, (t for t in title.children if t.dep_ in {"amod", "compound", "poss"})) if c), None)
            if country is not None:
                self.nationality.setdefault(key, country)

    def _read_dateline(self) -> None:
        """Take the reference date from a dateline ("MANILA, April 29 (Reuters) -").

        The story is filed on the dateline's day, so relative dates count from it.
        Without a year that day's weekday is unknown, unless the lede names it:
        in "MANILA, April 29 - X and Y agreed on Tuesday" April 29 is the Tuesday.
        """
        found = dateline(self.doc.text, self.published)
        if found is None:
            return
        start, end, value = found
        token = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if token is None:
            return
        lede = token[0].sent
        self.dateline_start, self.dateline_end = start, end
        self.dateline_value = value
        dates = [e for e in lede.ents if e.label_ in {"DATE", "TIME"} and e.start_char >= end]
        if value.start.startswith("--"):
            weekdays = [w for w in (weekday_of(e.text) for e in dates) if w is not None]
            if weekdays:
                self.yearless_reference = reference_in_year(value.start, weekdays[0])
        else:
            self.reference = value.start
            self.published = self.published or value.start
        # the lede is the day's news: its date also dates that news told again undated
        lede_date = next((d for d in (self._normalise(e.text, "past") for e in dates) if d), value)
        people = {self.keys[t.i] for t in lede if self.type_of(self.keys.get(t.i)) == "Person"}
        self.lede = (people, lede_date)

    def _read_dateline_place(self) -> tuple[str | None, int]:
        """The city of a dateline ("OSLO (AP) -", "LIMA, May 3 -") and where its sentence starts."""
        found = place_dateline(self.doc.text)
        if found is None:
            return None, -1
        self.dateline_marks = found.span()
        if not single_place(found):  # "PARIS/MOSCOW (AP) —": its agency still takes part in nothing
            return None, -1
        span = self.doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
        key = self.key(span[-1]) if span is not None else None
        if self.type_of(key) not in {"City", "Country", "Place"}:
            return None, -1
        # the parser may cut the dateline off as a sentence of its own: the lede follows it
        after = span[-1]
        while after.i + 1 < len(self.doc) and (after.idx < found.end() or after.is_space):
            after = self.doc[after.i + 1]
        return key, after.sent.start

    def _second_sentence_end(self) -> int:
        """Where the sentence after the dateline's lede ends (-1 without a dateline)."""
        if self.dateline_sentence < 0:
            return -1
        end = self.doc[self.dateline_sentence].sent.end
        while end < len(self.doc) and self.doc[end].is_space:
            end += 1
        return self.doc[end].sent.end if end < len(self.doc) else end

    def _lede_date(self, m: Mention, trigger: Token) -> None:
        """A meeting or signing told undated in the first two sentences after a dateline is the day's news.

        "ASTANA, June 17 - Leaders signed a treaty on Tuesday. The summit brought
        together X, Y and Z at the palace": the summit is June 17's.
        """
        if (
            m.date is None and m.type in {"Meeting", "Agreement"} and m.status == "occurred" and len(m.participants) >= 2
            and self.lede is not None and self.dateline_sentence <= trigger.i < self.lede_end
        ):
            m.date = self.lede[1]

    def _dateline_place(self, m: Mention, trigger: Token) -> None:
        """A meeting or signing the lede tells without a place happened where the story was filed."""
        if (
            m.place is None and m.type in {"Meeting", "Agreement"} and m.status != "planned" and m.participants
            and trigger.sent.start == self.dateline_sentence and self.dateline_place not in m.participants
        ):
            m.place = self.dateline_place

    def _day_of_the_news_place(self, m: Mention) -> None:
        """A meeting or signing on the day the story is filed, told without a place, happened where it was filed.

        "TOKYO, Aug 23 - … The two leaders held talks at the prime minister's
        office": the dateline is the only place the text gives for that day.
        """
        day = self.lede[1] if self.lede is not None else self.dateline_value
        if (
            m.place is None and m.type in {"Meeting", "Agreement"} and m.status != "planned" and m.participants
            and day is not None and m.date == day and self.dateline_place not in m.participants
        ):
            m.place = self.dateline_place

    def _on_the_sidelines(self, m: Mention, trigger: Token) -> None:
        """"X met Y on the sidelines" (of nothing named): of the latest meeting told before, so its place and day;
        "on the sidelines of the summit in Zenda": where that gathering is."""
        if m.type != "Meeting" or (m.place is not None and m.date is not None):
            return
        if m.place is None:
            gatherings = [  # "the sidelines of the Group of 20 summit in Zenda": the parse may nest the summit
                g for p in trigger.children if p.dep_ == "prep" and p.lower_ in {"on", "at"}
                for s in p.children if s.dep_ == "pobj" and s.lower_ in SIDELINES
                for g in s.subtree if g.dep_ == "pobj" and g.lemma_.lower() in GATHERING_NOUNS
            ]
            places = [self.key(w) for g in gatherings for c in g.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}
                      for w in c.children if w.dep_ == "pobj"]
            m.place = next((k for k in places if self.type_of(k) in {"City", "Country", "Place"}), None)
        # "On the sidelines of the summit, X held talks with Y": the phrase names a trigger, so it is not in the scope
        clause = [t for c in self.clause_head(trigger).children if c.dep_ == "prep" for t in c.subtree]
        for token in [*self.scope(trigger), *clause]:
            if token.lower_ in SIDELINES and token.dep_ == "pobj" and self._told_before(token):
                break
        else:
            return
        # the latest gathering that took place (a next summit announced since is not where they met), told with its day
        held = [e for e in reversed(self.history) if e.type == "Meeting" and e.trigger < trigger.i and e.place and e.status != "planned"]
        host = next((e for e in held if e.date is not None), held[0] if held else None)
        if host is not None:
            m.place = m.place or host.place
            m.date = m.date or host.date

    def _told_before(self, sidelines: Token) -> bool:
        """"on the sidelines", "on the sidelines of the summit": of a gathering told before (not "of the summit
        in Zenda", "of the Zenda Forum", which say their own)."""
        gatherings = [p for c in sidelines.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        return all(
            p.lemma_.lower() in GATHERING_NOUNS and self.key(p) is None
            and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in p.children)
            and not any(c.dep_ in {"prep", "compound", "amod", "poss"} for c in p.children)
            for p in gatherings
        )

    def _read_lede(self) -> None:
        """Without a dated dateline, the first sentence of the body is the lede.

        Headings and bylines are passed over (they do not end in a full stop);
        the lede counts only when it dates the day's news to one day.
        """
        body = (s for s in self.doc.sents if s.text.rstrip()[-1:] in {".", "\"", "”"})
        lede = next(body, None)
        if lede is None:
            return
        people = {self.keys[t.i] for t in lede if self.type_of(self.keys.get(t.i)) == "Person"}
        dates = (self._normalise(e.text, "past") for e in lede.ents if e.label_ == "DATE")
        date = next((d for d in dates if d is not None and len(d.start) == 10 and d.end is None), None)
        if len(people) >= 2 and date is not None:
            self.lede = (people, date)

    def _normalise(self, text: str, tense: str | None) -> DateRange | None:
        if self.yearless_reference is None:
            return normalise(text, self.reference, tense)
        value = normalise(text, None, tense)
        if value is not None:
            return value
        value = normalise(text, self.yearless_reference, tense)
        if value is None or len(value.start) != 10 or any(len(w) == 4 and w.isdigit() for w in text.split()):
            return None  # the stand-in's year, month or week mean nothing
        end = "--" + value.end[5:] if value.end and len(value.end) == 10 else None
        return DateRange("--" + value.start[5:], end)

    # -- small helpers over the parse -------------------------------------------------
    def _country_word(self, token: Token) -> str | None:
        """The country a token names, itself or by its demonym ("Turkish")."""
        key = self.keys.get(token.i)
        if self.type_of(key) == "Country":
            return key
        gaz = demonym_of(token)
        return gaz.key if gaz is not None else None

    def key(self, token: Token) -> str | None:
        key = self.keys.get(token.i)
        if key is None and token.i in self.named_next:
            return self.named_next[token.i]
        if key is None and token.lower_ in PERSONAL_PRONOUNS:
            return self.antecedent(token)
        if key is None and token.lemma_.lower() == "counterpart":
            return self.counterpart(token)
        if key is None and token.lemma_.lower() in VISITOR_NOUNS and any(c.lower_ in {"the", "his", "her"} for c in token.children):
            return self.latest_visitor(token)
        if key is None and token.lemma_.lower() in BLOC_NOUNS and any(c.lower_ in {"the", "this"} for c in token.children):
            return self.latest_bloc(token)
        if key is None and any(c.lower_ == "the" for c in token.children):
            key = self.titled_referent(token)
        if key is None and token.lower_ in {"who", "that", "which"} and token.head.dep_ == "relcl":
            return self.key(token.head.head)  # "Trump, who arrived …": the noun the clause describes
        return key or self._named_in_phrase(token)

    def latest_bloc(self, token: Token) -> str | None:
        """"The alliance", "the bloc": the organisation with member countries named last, in the sentence or the one before."""
        first = token.sent.start
        if first > 0:
            first = self.doc[first - 1].sent.start
        gaz = load_gazetteer()
        for i in range(token.i - 1, first - 1, -1):
            key = self.keys.get(i)
            if key is not None and self.type_of(key) == "Organization" and gaz.members(key):
                return key
        return None

    def latest_visitor(self, token: Token) -> str | None:
        """"The visitor", "his guest": who made the visit told last before ``token``."""
        visit = next((m for m in reversed(self.history) if m.type == "Visit" and m.trigger < token.i and m.agent), None)
        return visit.agent if visit is not None else None

    def titled_referent(self, token: Token) -> str | None:
        """The person "the minister", "the premier" or "the leader" stands for.

        Among the people given that title before, the one named most often so far
        (the story's protagonist, not a passing mention); on a tie, the one named first.
        "The premier" is also a prime minister, "the leader" anyone with a leader's title.
        """
        word = token.lower_
        _, leaders = titles()

        def fits(title: str) -> bool:
            return (title.split()[-1] == word or word == "premier" and title.endswith("prime minister")
                    or word == "leader" and title in leaders)

        people = list(dict.fromkeys(k for i, title, k in self.titled if i < token.i and fits(title)))
        # "the Ruritanian leader": one of Ruritania's, or at least no one known to be another country's
        country = next((c for c in map(self._country_word, (t for t in token.children if t.dep_ in {"amod", "compound"})) if c), None)
        if country is not None:
            own = [k for k in people if self.nationality.get(k) == country]
            people = own or [k for k in people if k not in self.nationality]
        if len(people) <= 1:
            return people[0] if people else None
        named = [self.keys[i] for i in self.mention_starts if i < token.i]
        return max(people, key=lambda k: (named.count(k), -named.index(k) if k in named else 0))

    def _named_in_phrase(self, token: Token) -> str | None:
        """The entity a common noun stands for through its own phrase.

        "the Akorda presidential palace" (a site named by its modifier), "the
        port city of Tianjin", "the Kazakh capital", and "…, whose leaders" (an
        organisation's or country's leaders act for it).
        """
        if token.pos_ != "NOUN":
            return None
        lemma = token.lemma_.lower()
        if lemma in LOWERCASE_SITES:
            for child in token.children:
                if child.dep_ in {"compound", "nmod"} and self.type_of(self.keys.get(child.i)) == "Place":
                    return self.keys[child.i]
        if lemma in SETTLEMENT_NOUNS:
            for pobj in (g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children):
                key = self.keys.get(pobj.i)
                if self.type_of(key) in {"City", "Place"}:
                    return key
        if lemma == "capital":
            return self._capital_of(token)
        if lemma in GROUP_NOUNS and token.head.dep_ == "relcl" and any(c.lower_ == "whose" for c in token.children):
            key = self.keys.get(token.head.head.i)
            if self.type_of(key) not in {"Organization", "Country"}:
                key = self._before_whose(token)
            return key if self.type_of(key) in {"Organization", "Country"} else None
        return None

    def _before_whose(self, token: Token) -> str | None:
        """"members of the Union (EU), whose leaders …", "the Zenda trade bloc, whose leaders …": the parse may hang
        the clause on a noun further back; the name right before "whose" (or the one naming the noun there) is meant."""
        whose = next(c for c in token.children if c.lower_ == "whose")
        i = whose.i - 1
        while i > 0 and self.doc[i].is_punct:
            i -= 1
        before = self.doc[i]
        if before.dep_ == "appos" and before.i not in self.keys:
            before = before.head  # "the Zenda Community (ZC), whose …": a short name the text has not defined
        names = [before, *(c for c in before.children if c.dep_ == "compound")]
        return next((self.keys[t.i] for t in names if t.i in self.keys), None)

    def _capital_of(self, token: Token) -> str | None:
        """"the Kazakh capital": the capital city of the country its modifier names."""
        gaz = load_gazetteer()
        for child in token.children:
            if child.dep_ not in {"amod", "compound"}:
                continue
            country = self._country_word(child)
            entry = gaz.get(country) if country else None
            iso = dict(entry.ids).get("iso3166") if entry is not None else None
            city = gaz.capital(iso) if iso else None
            if city is not None:
                if city.key not in self.entities:  # named only as "the capital"
                    self.entities[city.key] = LocalEntity(Entity(city.key, city.type, city.label, ids=city.ids), city)
                return city.key
        return None

    def type_of(self, key: str | None) -> str | None:
        return self.entities[key].entity.type if key in self.entities else None

    def antecedent(self, token: Token) -> str | None:
        """The person a pronoun stands for.

        A subject pronoun ("He arrived …") prefers the closest earlier person who
        was a subject; otherwise the closest person mentioned before it.
        """
        people = [
            self.doc[i] for i in range(token.i - 1, max(-1, token.i - 150), -1)
            if self.type_of(self.keys.get(i)) == "Person"
        ]
        if token.dep_ in {"nsubj", "nsubjpass"}:
            subject = next((t for t in people if in_subject(t)), None)
            if subject is not None:
                return self.keys[subject.i]
        if people:
            return self.keys[people[0].i]
        # "During his visit to Tokyo, Macron met …": the person named later in the sentence
        for t in token.sent[token.i - token.sent.start + 1 :]:
            key = self.keys.get(t.i)
            if key is not None and self.type_of(key) == "Person":
                return key
        return None

    def counterpart(self, token: Token) -> str | None:
        """The person "his counterpart" or "his Turkish counterpart" stands for.

        The closest person mentioned before who is not the possessor; with a
        nationality, the closest one of that nationality. A name given with it
        ("his counterpart Jane Doe") is read from the phrase itself.
        """
        if any(c.dep_ in {"appos", "compound"} and self.type_of(self.keys.get(c.i)) == "Person" for c in token.children):
            return None
        owner = next((self.key(c) for c in token.children if c.dep_ == "poss"), None)
        country = next((k for k in (self._country_word(c) for c in token.children if c.dep_ in {"amod", "compound"}) if k), None)
        for i in range(token.i - 1, max(-1, token.i - 250), -1):
            key = self.keys.get(i)
            if self.type_of(key) != "Person" or key == owner:
                continue
            if country is None or self.nationality.get(key) == country:
                return key
        return None

    def group(self, token: Token) -> list[str]:
        """The people "the two leaders" or "both presidents" stand for.

        The two people of the latest event told before, else the two people
        mentioned last.
        """
        if token.tag_ not in {"NNS", "NNPS"} or token.lemma_.lower() not in GROUP_NOUNS:
            return []
        if not any(c.lower_ in {"two", "both"} for c in token.children):
            return self._gathered(token)
        before = self.doc[token.sent.start - 1].sent.start if token.sent.start else 0
        pairs = [(m.trigger, people) for m in reversed(self.history) if m.trigger < token.i
                 for people in [list(dict.fromkeys(k for k in [m.agent, *m.participants] if self.type_of(k) == "Person"))]
                 if len(people) == 2]
        if token.lemma_.lower() in HEAD_NOUNS:
            # "the two leaders": not two ministers whose talks were told in between
            pairs = [(i, people) for i, people in pairs if not any(self._titled_below_leader(k, token.i) for k in people)]
        if pairs and pairs[0][0] >= before:
            return pairs[0][1]
        # an event told further back yields to two people named in the sentence before
        recent = self._last_two_people(token, before)
        if recent:
            return recent
        if pairs:
            return pairs[0][1]
        return self._last_two_people(token, max(0, token.i - 250))

    def _gathered(self, token: Token) -> list[str]:
        """"The heads of state signed …", "the leaders agreed …": the people at the summit told before."""
        if token.lemma_.lower() not in HEAD_NOUNS or not any(c.lower_ == "the" for c in token.children):
            return []
        if any(c.dep_ == "prep" and c.lower_ == "of" and self.key(g) for c in token.children for g in c.children):
            return []  # "the leaders of Kenya and Uganda" name their countries
        summit = next((i for i, m in reversed(list(enumerate(self.history))) if m.trigger < token.i and m.type == "Meeting"
                       and any(self.type_of(k) == "Organization" for k in [m.agent, *m.participants])), None)
        if summit is None:
            return []
        people = [k for m in self.history[summit:] if m.type == "Meeting" and m.trigger < token.i
                  for k in [m.agent, *m.participants] if k and (self.type_of(k) == "Person" or k.startswith(LEADER_OF))]
        start = self.history[summit].trigger
        people += [k for m in self.attendance if start < m.trigger < token.i for k in m.participants]
        # the organisation whose summit it is takes part too ("the leaders signed a deal with EFTA")
        people += [k for k in [self.history[summit].agent, *self.history[summit].participants] if self.type_of(k) == "Organization"]
        return list(dict.fromkeys(people))

    def _titled_below_leader(self, key: str, before: int) -> bool:
        """Whether the text has titled the person before ``before`` only as a minister, envoy or the like
        ("Foreign Minister X"), never as a leader."""
        _, leaders = titles()
        given = [title for i, title, k in self.titled if k == key and i < before]
        return bool(given) and all(title not in leaders and title.split()[-1] in SUBORDINATE_TITLES for title in given)

    def _last_two_people(self, token: Token, start: int) -> list[str]:
        """The two different people named last between ``start`` and ``token`` ("the two leaders": people
        titled only below a leader are passed over)."""
        people: list[str] = []
        leaders_only = token.lemma_.lower() in HEAD_NOUNS
        for i in range(token.i - 1, start - 1, -1):
            key = self.keys.get(i)
            if leaders_only and key is not None and self._titled_below_leader(key, token.i):
                continue
            if self.type_of(key) == "Person" and key not in people:
                people.append(key)
                if len(people) == 2:
                    return people
        return []

    def leaders_of(self, token: Token, types: set[str]) -> list[str]:
        """"the leaders of Kenya and Uganda", "the foreign ministers of A and B": who they act for.

        Signing countries are parties themselves; at a meeting or call a
        country's leader stands in (kg.resolve finds who that is).
        """
        # a capitalised plural opening a lede ("- Heads of state of …") may be tagged a singular name
        lemma = singular(token.lower_) if token.tag_ == "NNP" else token.lemma_.lower()
        if token.tag_ not in {"NNS", "NNPS", "NNP"} or lemma not in GROUP_NOUNS or lemma == token.lower_:
            return []
        countries = [
            k for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children if pobj.dep_ == "pobj"
            for c in [pobj, *pobj.conjuncts] for k in [self.key(c)] if self.type_of(k) == "Country"
        ]
        if countries:
            # "Leaders of A, B and C met": the model often hangs B and C on "Leaders", not on A
            countries += [k for c in token.conjuncts for k in [self.key(c)] if self.type_of(k) == "Country" and k not in countries]
        if "Country" in types:
            return countries
        if lemma in HEAD_NOUNS:
            return [LEADER_OF + k for k in countries] or self._body_led(token, types)
        return []

    def _body_led(self, token: Token, types: set[str]) -> list[str]:
        """"Heads of state of the Union": the organisation whose leaders meet."""
        if "Organization" not in types:
            return []
        node = token
        for _ in range(2):  # "heads of state of X": past "state" / "government" to the organisation
            pobj = next((p for c in node.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
            if pobj is None:
                return []
            if self.type_of(self.key(pobj)) == "Organization":
                return [self.key(pobj)]
            if pobj.lower_ not in {"state", "government"}:
                return []
            node = pobj
        return []

    def entity_keys(self, token: Token, types: set[str], _depth: int = 0) -> list[str]:
        """Entities headed by ``token`` and its conjuncts ("Modi and Putin")."""
        out: list[str] = []
        for t in [token, *token.conjuncts]:
            if "Person" in types and t.i not in self.keys:
                out += [k for k in self.group(t) if k not in out]
                out += [k for k in self.leaders_of(t, types) if k not in out]
            key = self.key(t)
            if self.type_of(key) not in types and _depth < 2:
                # the entity may sit inside the noun phrase ("Russian President Vladimir Putin"),
                # or in an apposition ("KUALA LUMPUR — Thai Prime Minister A and … B signed")
                for child in t.children:
                    if child.dep_ in {"compound", "appos"}:
                        out += [k for k in self.entity_keys(child, types, _depth + 1) if k not in out]
            if key is None and "Person" in types and _depth < 2:
                # "with the head of Pemex, Jane Doe": the name is parsed as apposition to the organisation
                for pobj in (g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children):
                    for appos in (a for a in pobj.children if a.dep_ == "appos"):
                        out += [k for k in self.entity_keys(appos, {"Person"}, _depth + 1) if k not in out]
            for child in t.children:
                if child.dep_ == "nmod" and any(g.dep_ == "cc" for g in child.children) and _depth < 2:
                    # "by A and B" misparsed with A as a modifier of B: A is coordinated all the same
                    out += [k for k in self.entity_keys(child, types, _depth + 1) if k not in out]
            if key is not None and self.type_of(key) in types and key not in out:
                out.append(key)
        return out

    def clause_head(self, trigger: Token) -> Token:
        head = trigger
        while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i and head.dep_ != "ROOT":
            head = head.head
        return head

    def scope(self, trigger: Token) -> list[Token]:
        """Tokens whose arguments may belong to the trigger: its subtree and its clause."""
        head = self.clause_head(trigger)
        tokens = set(trigger.subtree)
        path = {t.i for t in [trigger, *trigger.ancestors]}
        node = trigger
        while node.i != head.i:
            node = node.head
            for child in node.children:
                if child.i in path or child.dep_ in {"ccomp", "advcl", "conj", "relcl", "parataxis", "csubj"}:
                    continue
                sub = list(child.subtree)
                if not any(self._is_trigger(t) and t.i != trigger.i for t in sub):
                    tokens.update(sub)
                elif child.dep_ == "prep":
                    # "in Tallinn on Thursday, where he will meet X": the day is this clause's too
                    for pobj in (p for p in child.children if p.dep_ == "pobj" and p.ent_type_ in {"DATE", "TIME"}):
                        tokens.update(entity_at(pobj))
        schedule = self._schedule_verb(head)
        if schedule is not None:
            # "In Doha on Wednesday he is expected to hold talks": the place and day hang on "expected"
            holders = [schedule]
            if schedule.dep_ == "acomp":
                holders.append(schedule.head)  # "On Friday he was due to fly …": the day hangs on the copula
            for child in (c for h in holders for c in h.children if c.dep_ == "prep" and c.i < head.i):
                sub = list(child.subtree)
                if not any(self._is_trigger(t) for t in sub):
                    tokens.update(sub)
        return sorted(tokens, key=lambda t: t.i)

    @staticmethod
    def _schedule_verb(head: Token) -> Token | None:
        """The verb that schedules a clause: "expected" in "X is expected to hold talks"."""
        if head.dep_ == "xcomp" and head.head.lemma_.lower() in SCHEDULE_HEADS and head.head.pos_ in {"VERB", "AUX", "ADJ"}:
            return head.head
        return None

    def _is_trigger(self, token: Token) -> bool:
        return token.i in self.trigger_tokens

    # -- reading one trigger ----------------------------------------------------------
    def read(self, span: Span) -> list[Mention]:
        """The mentions a trigger makes: none, one, or one per destination of a trip."""
        trigger = span.root
        # "urged allies to spend more before the alliance's summit": the summit a clause is timed by is real
        # whatever that clause asks or denies
        head = trigger if trigger.pos_ == "NOUN" and _in_sequence_phrase(trigger) else self.clause_head(trigger)
        if not_happening(trigger, head):
            return []
        definite = any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in trigger.children)
        m = Mention(span.label_, trigger.i, trigger.sent, definite=definite)
        m.attends = m.type == "Meeting" and (
            definite and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in {"attend", "join"}
            or trigger.lemma_.lower() in {"host", "chair"} and any(  # "Petro hosted the gathering"
                c.dep_ == "dobj" and c.lemma_.lower() in GATHERING_NOUNS and any(d.lower_ in DEFINITE for d in c.children)
                for c in trigger.children)
        )
        m.next_in_series = m.type == "Meeting" and next_in_series(trigger)
        scope = self.scope(trigger)
        if _in_sequence_phrase(trigger):
            # "met in Zenda ahead of talks with X": those talks are another event, not in Lima for all that is said
            own = {t.i for t in trigger.subtree}
            scope = [t for t in scope if t.i in own]
        self._agents(m, trigger, scope)
        self._participants(m, trigger, scope)
        attended = self._attended_hosting(m, trigger)
        if attended is not None:
            # the attending clause's place and day ("On Friday he is due to attend …")
            holder = self._subject_holder(attended)
            extra = [t for c in holder.children if c.dep_ in {"prep", "npadvmod"} for t in c.subtree]
            scope = sorted({*scope, *self.scope(attended), *extra}, key=lambda t: t.i)
        self._place(m, trigger, scope)
        if m.place is None and trigger.lemma_.lower() == "discuss":
            m.place = self._visited_when(trigger)
        self._drop_dateline_agency(m, trigger)
        if not self._valid(m, trigger):
            return []
        m.status = self._status(trigger if attended is None else attended)
        # the trigger's own phrase first: "fly to Washington on Sunday for a summit with X on Monday"
        own = {t.i for t in trigger.subtree}
        ordered = sorted(scope, key=lambda t: t.i not in own)
        m.date = self._date(ordered, m.status, trigger) or (self._then_date(trigger) if m.type == "Visit" else None)
        if m.date is None and trigger.dep_ == "pcomp" and trigger.head.lower_ == "before":
            # "attend a summit on Wednesday before flying to Doha": a leg of that day's itinerary
            head = trigger.head.head
            own = {t.i for t in trigger.subtree}
            m.status = m.status or self._status(head)
            m.date = self._date([t for t in self.scope(head) if t.i not in own], m.status, head)
        if m.date is None and m.type in {"Meeting", "Agreement"}:
            m.date = self._inherited_date(trigger, m.status)
        if m.date is None:
            m.date = self._when_date(trigger, m.status)
        if m.date is None and m.type == "Meeting":
            m.date = self._date_of_where(trigger, m.status)
        if m.date is None and m.type == "Visit":
            m.date = self._where_date(m, trigger)
        if m.status is None and after_publication(m.date, self.published):
            m.status = "planned"
        self._dateline_place(m, trigger)
        self._lede_date(m, trigger)
        self._day_of_the_news_place(m)
        self._on_the_sidelines(m, trigger)
        self.history.append(m)
        return [m, *self._hosted_visit(m, trigger), *self._further_destinations(m, trigger)]

    def _attended_hosting(self, m: Mention, trigger: Token) -> Token | None:
        """"X will attend a lunch hosted by Y": X joins Y at the occasion, told by the verb of attending
        (its subject, day and status); that verb is returned."""
        if m.type != "Meeting" or trigger.lemma_.lower() not in HOST_VERBS or trigger.dep_ != "acl":
            return None
        occasion = trigger.head
        verb = occasion.head
        if occasion.dep_ != "dobj" or verb.lemma_.lower() not in {"attend", "join"}:
            return None
        guests = [k for c in self._subject_holder(verb).children if c.dep_ == "nsubj"
                  for k in (self.entity_keys(c, {"Person"}) or ([self.antecedent(c)] if c.lower_ in PERSONAL_PRONOUNS else []))]
        guests = [k for k in guests if k and k not in m.participants]
        if not guests:
            return None
        m.participants = [*guests, *m.participants]
        return verb

    @staticmethod
    def _subject_holder(verb: Token) -> Token:
        """The word whose subject is the verb's: "is" in "he is due to attend"."""
        holder = verb
        while holder.dep_ in {"xcomp", "acomp"} and not any(c.dep_ == "nsubj" for c in holder.children):
            holder = holder.head
        return holder

    def _hosted_visit(self, m: Mention, trigger: Token) -> list[Mention]:
        """"X hosted Y in Ankara": the guest came to Ankara, a visit as well as talks."""
        if m.type != "Meeting" or trigger.pos_ != "VERB" or trigger.lemma_.lower() not in {"host", "receive", "welcome"}:
            return []
        guests = [k for c in trigger.children if c.dep_ == "dobj" for k in self.entity_keys(c, {"Person"})]
        # "In Zenda, X received Y at the Blue Palace": Y came to the city the clause puts the site in
        place = m.place if self.type_of(m.place) in {"City", "Country"} else self.site_city.get(m.place)
        if not guests or place is None:
            return []
        hosts = [k for k in m.participants if k not in guests]
        return [Mention("Visit", trigger.i, m.sentence, agent=guests[0], participants=[guests[0], *hosts],
                         place=place, date=m.date, status=m.status)]

    def _visited_when(self, trigger: Token) -> str | None:
        """"X discussed trade with Y when Y visited Zenda in May": the talks were held where the visit went."""
        for clause in trigger.children:
            if clause.dep_ != "advcl" or not any(c.lower_ == "when" for c in clause.children):
                continue
            if clause.lemma_.lower() not in VISIT_VERBS:
                continue
            places = [k for c in clause.children if c.dep_ == "dobj" for k in [self.key(c)]
                      if self.type_of(k) in PLACE_TYPES - {"Organization"}]
            places += self._destinations(clause)
            if places:
                return places[0]
        return None

    def _where_date(self, m: Mention, trigger: Token) -> DateRange | None:
        """"… was to Vilnius, where he met X on Aug. 25": what happened at the destination dates the trip."""
        for token in trigger.sent:
            if self.keys.get(token.i) != m.place:
                continue
            for clause in (c for c in token.children if c.dep_ == "relcl" and any(w.lower_ == "where" for w in c.children)):
                date = self._date(list(clause.subtree), m.status)
                if date is not None:
                    return date
        return None

    def _date_of_where(self, trigger: Token, status: str | None) -> DateRange | None:
        """"… in Tallinn on Thursday, where he will meet X": the day the "where" hangs on dates the meeting."""
        for clause in trigger.ancestors:
            if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.subtree):
                return self._date([clause.head], status) if clause.head.ent_type_ in {"DATE", "TIME"} else None
        return None

    def _when_date(self, trigger: Token, status: str | None) -> DateRange | None:
        """"In February 2022, when Erdogan visited Abu Dhabi": a "when" clause said of a date happens then."""
        clause = self.clause_head(trigger)
        if clause.dep_ != "relcl" or not clause.head.ent_type_ == "DATE" or not any(c.lower_ == "when" for c in clause.children):
            return None
        ent = entity_at(clause.head)
        tense = {"planned": "future", "occurred": "past"}.get(status or "")
        return self._normalise(ent.text, tense) if ent is not None else None

    def _drop_dateline_agency(self, m: Mention, trigger: Token) -> None:
        """"BOGOTA (AP) — Leaders met …": the news agency of the dateline is not a participant."""
        start, end = self.dateline_marks
        if trigger.sent.start_char > end:
            return
        inside = {k for t in trigger.sent if start <= t.idx < end for k in [self.keys.get(t.i)] if k}
        outside = {k for t in trigger.sent if not start <= t.idx < end for k in [self.keys.get(t.i)] if k}
        dateline_only = inside - outside
        m.participants = [k for k in m.participants if k not in dateline_only]
        if m.agent in dateline_only:  # the next one named leads instead
            m.agent = m.participants[0] if m.participants and (m.type in {"Visit", "PhoneCall"} or len(m.participants) == 1) else None

    def _inherited_date(self, trigger: Token, status: str | None) -> DateRange | None:
        """The date of the clause an undated one continues.

        "X arrived on Monday and held talks with Y at the palace, where they
        signed …": the talks and the signing are Monday's. Reported speech
        ("said on Monday that they met") is not followed.
        """
        node = self.clause_head(trigger)
        path = {node.i}
        for _ in range(6):
            if node.dep_ not in {"conj", "relcl", "pobj", "prep", "dobj", "advcl", "xcomp"} or node.head.i == node.i:
                return None
            node = node.head
            path.add(node.i)
            if node.pos_ not in {"VERB", "AUX"}:
                continue
            scope = [
                t for c in node.children if c.dep_ in {"prep", "npadvmod"} and c.i not in path
                for t in c.subtree
            ]
            date = self._date(scope, status or self._status(node), node)
            if date is not None:
                return date
        return None

    def _further_destinations(self, m: Mention, trigger: Token) -> list[Mention]:
        """"travel to Tokyo on Monday and then to Gyeongju": a second visit, its date unknown."""
        if m.type != "Visit" or m.place is None:
            return []
        visitor = [m.agent] if m.agent else []
        date = self._then_date(trigger)
        # "travel to Lisbon and Porto next month": the places of one phrase share its date
        together = {self.key(c) for t in trigger.subtree if self.key(t) == m.place and t.dep_ == "pobj" for c in t.conjuncts}
        further = [
            replace(m, place=key, date=m.date if key in together else date, participants=list(visitor))
            for key in self._destinations(trigger, m.participants)
            if key != m.place
        ]
        # "visited Bamako and Ouagadougou in May": each place is visited then
        objects = [c for c in trigger.children if c.dep_ == "dobj" and self.key(c) == m.place]
        further += [
            replace(m, place=key, participants=list(visitor))
            for obj in objects for c in obj.conjuncts for key in [self.key(c)]
            if self.type_of(key) in PLACE_TYPES - {"Organization"} and key != m.place
        ]
        return further

    def _then_date(self, trigger: Token) -> DateRange | None:
        """The month of "then travel to Berlin": after the latest dated event told before.

        Only the month of that event is kept: "then" says after it, not how long after.
        """
        words = {c.lower_ for c in trigger.subtree if c.dep_ == "advmod"}
        if not words & {"then", "next", "afterwards", "subsequently"}:
            return None
        for m in reversed(self.history):
            if m.trigger >= trigger.i or m.date is None:
                continue
            start, end = m.date.start, m.date.end or m.date.start
            if len(start) >= 7 and not start.startswith("--") and start[:7] == end[:7]:
                return DateRange(start[:7])
            return None
        return None

    def _agents(self, m: Mention, trigger: Token, scope: list[Token]) -> None:
        candidates: list[str] = []
        if trigger.pos_ == "VERB":
            for child in trigger.children:
                if child.dep_ in {"nsubj"}:
                    candidates += self.entity_keys(child, PARTICIPANT_TYPES)
                elif child.dep_ == "agent":
                    for pobj in child.children:
                        candidates += self.entity_keys(pobj, PARTICIPANT_TYPES)
            if not candidates and trigger.dep_ == "acl" and trigger.head.lemma_.lower() == "invitation":
                # "X accepted an invitation to visit Z": the one who accepts travels
                taker = trigger.head.head
                if trigger.head.dep_ == "dobj" and taker.lemma_.lower() in ACCEPT_VERBS:
                    candidates += [k for c in taker.children if c.dep_ == "nsubj" for k in self.entity_keys(c, PARTICIPANT_TYPES)]
            if not candidates and trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() == "invite":
                # "X invited Y to visit Z": the one invited travels
                candidates += [k for c in trigger.head.children if c.dep_ == "dobj" for k in self.entity_keys(c, PARTICIPANT_TYPES)]
            node = trigger
            # "X is expected to visit", "X is due to travel", "X said he would … and would meet",
            # "X will attend … before flying to": climb to the clause with the subject
            while not candidates and shares_subject(node):
                node = node.head.head if node.dep_ == "pcomp" else node.head
                for child in node.children:
                    if child.dep_ in {"nsubj", "nsubjpass"}:
                        candidates += self.entity_keys(child, PARTICIPANT_TYPES)
        elif trigger.pos_ == "ADJ" and trigger.dep_ == "acomp":
            # "X is due in Zenda on Monday": the subject of the copula travels
            candidates += [k for c in trigger.head.children if c.dep_ == "nsubj" for k in self.entity_keys(c, PARTICIPANT_TYPES)]
            if not candidates and trigger.head.dep_ == "conj":
                # "X was not invited but is due in Zenda": the copula shares the first clause's subject
                candidates += [k for c in trigger.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}
                               for k in self.entity_keys(c, PARTICIPANT_TYPES)]
        else:
            for child in trigger.children:
                if child.dep_ in {"poss", "compound", "nmod"}:
                    candidates += self.entity_keys(child, PARTICIPANT_TYPES)
            for prep in (c for c in trigger.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"):
                # "the visit by X to Y"
                candidates += [k for p in prep.children if p.dep_ == "pobj" for k in self.entity_keys(p, PARTICIPANT_TYPES)]
            if not candidates and trigger.dep_ == "pobj" and trigger.head.lower_ in {"in", "during", "over"}:
                # "X told Y in a phone call", "During talks, X told Y": the speakers took part
                verb = trigger.head.head
                if verb.pos_ == "VERB" and m.type in {"PhoneCall", "Meeting"}:
                    candidates += [k for c in verb.children if c.dep_ == "nsubj" for k in self.entity_keys(c, {"Person"})]
                    if candidates:
                        m.participants.extend(
                            k for c in verb.children if c.dep_ in {"dobj", "dative"} for k in self.entity_keys(c, {"Person"})
                        )
            answered = m.type == "PhoneCall" and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ANSWER_VERBS
            if answered:
                # "X received a phone call from Y": Y called, X answered
                verb = trigger.head
                callers = [k for p in _from_objects(trigger) + _from_objects(verb) for k in self.entity_keys(p, PARTICIPANT_TYPES)]
                if not callers:  # the parse can leave "from" without its object: the person named right after it
                    froms = [c for node in (trigger, verb) for c in node.children if c.dep_ == "prep" and c.lower_ == "from"]
                    callers = [k for c in froms for k in [self._next_person(c)] if k]
                answered = bool(callers)
                candidates += callers
                if callers:
                    m.participants.extend(
                        k for c in verb.children if c.dep_ == "nsubj" for k in self.entity_keys(c, PARTICIPANT_TYPES) if k not in callers
                    )
            governed = trigger
            if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_ in SERIES_NOUNS:
                governed = trigger.head.head  # "held a round of talks", "co-chair the first session of the Dialogue"
            light = LIGHT_VERBS | (TRIP_END_VERBS if m.type == "Visit" else set())
            if governed.dep_ == "dobj" and governed.head.lemma_ in light and not answered:
                verb = governed.head
                # "X arrived in Y and held talks with Z", "X is expected to attend, and is due to hold talks"
                while shares_subject(verb) and (verb.dep_ in {"conj", "pcomp"} or verb.head.lemma_.lower() in SCHEDULE_HEADS):
                    verb = verb.head.head if verb.dep_ == "pcomp" else verb.head  # "…, before ending the trip"
                # a split verb ("co-chair") can leave the subject on its auxiliary
                for child in [*verb.children, *(g for c in verb.children if c.dep_ == "aux" for g in c.children)]:
                    if child.dep_ in {"nsubj", "nsubjpass"}:
                        candidates += self.entity_keys(child, PARTICIPANT_TYPES)
            if not candidates and m.type == "Visit" and trigger.dep_ == "pobj" and trigger.head.head.lemma_ in HOST_VERBS:
                # "X welcomed Y to the palace for a state visit": Y is the visitor, X the host
                verb = trigger.head.head
                guests = [k for c in verb.children if c.dep_ == "dobj" for k in self.entity_keys(c, {"Person"})]
                if guests:
                    hosts = [k for c in verb.children if c.dep_ == "nsubj" for k in self.entity_keys(c, {"Person"})]
                    m.participants.extend(k for k in hosts if k not in guests)
                    candidates = guests[:1]
            if not candidates and m.type == "Visit" and trigger.dep_ == "pobj" and trigger.head.head.pos_ in {"VERB", "AUX"}:
                # "He arrived in Manila after a two-day visit to Vietnam": the subject travelled
                for child in trigger.head.head.children:
                    if child.dep_ in {"nsubj", "nsubjpass"}:
                        candidates += self.entity_keys(child, {"Person"})
        m.participants.extend(k for k in candidates if k not in m.participants)
        if len(candidates) == 1 or (candidates and m.type in {"Visit", "PhoneCall"}):
            m.agent = candidates[0]

    def _next_person(self, token: Token) -> str | None:
        """The person named within a few words after ``token`` in its sentence."""
        for t in self.doc[token.i + 1 : min(token.i + 6, token.sent.end)]:
            if self.type_of(self.keys.get(t.i)) == "Person":
                return self.keys[t.i]
        return None

    def _participants(self, m: Mention, trigger: Token, scope: list[Token]) -> None:
        types = PARTICIPANT_TYPES | ({"Country"} if m.type == "Agreement" else set())
        found: list[str] = []
        anchors = {trigger.i, self.clause_head(trigger).i}
        for token in scope:
            if token.dep_ == "pobj" and token.head.lower_ in {"with", "between", "among"}:
                owner = token.head.head
                if owner.i in anchors:
                    found += self.entity_keys(token, types)
                elif m.type == "Agreement" and owner.dep_ == "dobj" and owner.head.i in anchors:
                    found += self.entity_keys(token, types)  # "signed a free trade agreement with EFTA"
                elif trigger.lemma_.lower() == "discuss" and owner.dep_ == "dobj" and owner.head.i == trigger.i:
                    found += self.entity_keys(token, types)  # "discussed trade with X"
                elif m.type == "PhoneCall" and owner.dep_ == "pobj" and owner.head.head.i == trigger.i and by_phone(trigger):
                    found += self.entity_keys(token, types)  # "had spoken by telephone with X": "with" hangs on the phone
            elif token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.head.i == trigger.i:
                found += self.entity_keys(token, types)  # "a meeting attended by Premier Li Qiang"
            elif token.dep_ == "pobj" and token.head.dep_ == "agent" and attended(trigger, token.head.head):
                found += self.entity_keys(token, types)  # "the summit was attended by A, B and C"
            elif token.dep_ == "nsubjpass" and token.head.i == trigger.i and m.type == "Meeting":
                found += self.entity_keys(token, PARTICIPANT_TYPES)  # "X was received by Y": X the guest
            elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_ == "invitation":
                found += self.entity_keys(token, {"Person"})  # "a visit at the invitation of President X"
            elif token in self._convening(m, trigger):
                found += self.entity_keys(token, {"Organization"})  # "a summit of the African Union"
            elif token.dep_ == "pobj" and token.head.lower_ == "to" and m.type == "PhoneCall":
                found += self.entity_keys(token, {"Person"})
            elif token.dep_ == "appos" and token.head.i == trigger.i and m.type == "PhoneCall":
                found += self.entity_keys(token, {"Person"})  # "call to President X" parsed as apposition
            elif token.dep_ in {"dobj", "attr"} and token.head.i == trigger.i and m.type in {"Meeting", "PhoneCall"}:
                found += self.entity_keys(token, {"Person", "Organization"}) or self._represented(token)
            elif m.type == "Meeting" and in_where_clause(token, trigger) and self.type_of(self.keys.get(token.i)) == "Person":
                found.append(self.keys[token.i])  # "a summit where Milei handed the presidency to Lula"
        if m.type == "Meeting" and trigger.pos_ == "NOUN":
            # "… the summit, where they named X chairman, replacing Y": the parse hangs "replacing" on the main verb
            for clause in (c for c in self.clause_head(trigger).children if c.dep_ == "advcl" and c.tag_ == "VBG"):
                found += [self.keys[t.i] for t in clause.subtree
                          if self.type_of(self.keys.get(t.i)) == "Person" and in_trailing_participle(t, trigger)]
        if m.type == "Agreement" and trigger.pos_ == "VERB":
            for child in trigger.children:
                if child.dep_ == "nsubj":
                    found += self.entity_keys(child, types)
        if m.type == "Agreement":
            found += self._trade_parties(trigger)
        for key in found:
            if key not in m.participants:
                m.participants.append(key)

    def _trade_parties(self, trigger: Token) -> list[str]:
        """The seller and buyer a deal is about: "X will supply Y … under a deal signed …",
        "signed a contract to buy howitzers from X"."""
        types = {"Organization", "Country"}
        noun = trigger.head if trigger.dep_ == "acl" else trigger
        found: list[str] = []
        if noun.dep_ == "pobj" and noun.head.lower_ in {"under", "through"} and noun.head.head.lemma_.lower() in TRADE_VERBS:
            verb = noun.head.head
            found += [k for c in verb.children if c.dep_ in {"nsubj", "dobj"} for k in self.entity_keys(c, types)]
        holders = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
        # "a deal to supply chips to X" (the parse may hang the infinitive as a relative clause, "to X" as a dative)
        infinitives = (c for h in holders for c in h.children if c.dep_ in {"acl", "advcl", "xcomp"}
                       or c.dep_ == "relcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
        for verb in (c for c in infinitives if c.lemma_.lower() in TRADE_VERBS):
            found += [k for prep in verb.children if prep.dep_ in {"prep", "dative"} and prep.lower_ in {"from", "to"}
                      for p in prep.children if p.dep_ == "pobj" for k in self.entity_keys(p, types)]
        return found

    def there_to_do(self) -> list[Mention]:
        """"X was in Bucharest last year to discuss the deal": being somewhere for a purpose is a visit."""
        out = []
        for verb in (t for t in self.doc if t.lemma_ == "be" and t.dep_ in {"ROOT", "conj", "ccomp"}):
            purpose = [c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and any(a.lower_ == "to" for a in c.children)]
            places = [k for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                      for k in [self.key(p)] if self.type_of(k) in {"City", "Country"}]
            people = [k for c in verb.children if c.dep_ == "nsubj" for k in self.entity_keys(c, {"Person"})]
            if not (purpose and places and len(people) == 1) or not_happening(verb, verb):
                continue
            status = self._status(verb)
            own = {t.i for p in purpose for t in p.subtree}
            date = self._date([t for t in self.scope(verb) if t.i not in own], status, verb)
            out.append(Mention("Visit", verb.i, verb.sent, agent=people[0], participants=people,
                                place=places[0], date=date, status=status))
        return out

    def among_the_leaders(self) -> list[Mention]:
        """"A, B and C were among the leaders at the State House": they attend the gathering told before."""
        out = []
        for token in self.doc:
            if token.lemma_.lower() not in {"be", "attend"}:
                continue
            among = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "among"
                     for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in ATTENDEE_NOUNS]
            people = [k for c in token.children if c.dep_ == "nsubj" for k in self.entity_keys(c, {"Person"})]
            if among and people:
                # "A and B were among the leaders at X, along with C": C was there too
                people += [k for c in token.children if c.dep_ == "prep" and c.lower_ in {"along", "together"}
                           for w in c.children if w.dep_ == "prep" and w.lower_ == "with"
                           for p in w.children if p.dep_ == "pobj" for k in self.entity_keys(p, {"Person"}) if k not in people]
            # "A and B attended in person": attending with no object attends the gathering just told
            alone = token.lemma_.lower() == "attend" and not any(c.dep_ == "dobj" for c in token.children)
            if (among or alone) and people:
                out.append(Mention("Meeting", token.i, token.sent, participants=people, definite=True, attends=True))
        return out

    def _convening(self, m: Mention, trigger: Token) -> list[Token]:
        """The organisation whose meeting this is: "a summit of the African Union"."""
        if m.type != "Meeting" or trigger.pos_ == "VERB":
            return []
        pobjs = [p for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
        # "a meeting of NATO defence ministers": the ministers meet for their organisation
        pobjs += [c for p in pobjs if p.lemma_.lower() in GROUP_NOUNS for c in p.children if c.dep_ in {"compound", "poss", "nmod"}]
        return [p for p in pobjs if self.type_of(self.key(p)) == "Organization"]

    def _represented(self, token: Token) -> list[str]:
        """"met executives of Acme and Initech": the organisations the people stand for."""
        return [
            k for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children if pobj.dep_ == "pobj"
            for k in self.entity_keys(pobj, {"Organization", "Country"})
        ]

    def _place(self, m: Mention, trigger: Token, scope: list[Token]) -> None:
        where = self._where(trigger)
        self._own_place(m, trigger, scope)
        if m.place is None:
            m.place = where
        elif where is not None and where != m.place and self.type_of(m.place) in {"Place", "Organization"}:
            self.within.setdefault(m.place, where)  # "… Paris, where X hosts Y at the Palace"
        if m.place is None and m.type == "Meeting":
            m.place = self._subject_whereabouts(trigger) or self._scene(trigger)

    def _scene(self, trigger: Token) -> str | None:
        """"In Brussels, X will chair …": a place fronted before the comma sets the scene."""
        sent = trigger.sent
        if len(sent) < 4 or sent[0].lower_ not in {"in", "at"}:
            return None
        comma = next((t for t in sent if t.text == ","), None)
        if comma is None or comma.i > trigger.i or comma.i - sent.start > 6:
            return None
        before = self.doc[comma.i - 1]
        key = self.key(before) if before.dep_ == "pobj" else None
        return key if self.type_of(key) in PLACE_TYPES - {"Organization"} else None

    def _own_place(self, m: Mention, trigger: Token, scope: list[Token]) -> None:
        if m.type == "Visit":
            first = next(iter(self._destinations(trigger, m.participants)), None)
            if first is not None:
                m.place = first
                return
        # "welcomed X to Cairo": the guest comes to the host's place
        preps = {"to", "in", "at"} if m.type == "Visit" or trigger.lemma_.lower() in HOST_VERBS else {"in", "at"}
        # the trigger's own phrase first: in "arrived in Manila after a visit to Vietnam"
        # the visit's place is Vietnam, although Manila sits in its clause
        own = {t.i for t in trigger.subtree}
        anchors = {trigger.i, self.clause_head(trigger).i}
        schedule = self._schedule_verb(self.clause_head(trigger))
        if schedule is not None:
            anchors.add(schedule.i)  # "In Doha he is expected to hold talks"
        anchors |= {c.i for c in trigger.children if c.dep_ in {"dobj", "attr"}}  # "signed a deal in Oslo"
        # "talks with visiting President X in Beijing": the parse hangs the place on the guest
        anchors |= {t.i for t in scope if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.i == trigger.i}
        if trigger.lemma_.lower() == "discuss":  # "discussed trade with X in Zenda": the parse hangs "with" on the topic
            anchors |= {t.i for t in scope if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.dep_ == "dobj"
                        and t.head.head.head.i == trigger.i}
        # "a summit of the Union in Accra", "a meeting of Union ministers in Accra"
        anchors |= {i for c in self._convening(m, trigger) for i in (c.i, c.head.i)}
        # "In Zenda, X received Y at the Blue Palace": a meeting is where the site says, within the city
        sites = [self.key(t) for t in scope if m.type in {"Meeting", "Agreement"} and t.dep_ == "pobj"
                 and t.head.lower_ == "at" and t.head.head.i in anchors and self.type_of(self.key(t)) == "Place"]
        for token in sorted(scope, key=lambda t: t.i not in own):
            key = self.key(token)
            if key is None or self.type_of(key) not in PLACE_TYPES or key in m.participants:
                continue
            if token.dep_ == "pobj" and token.head.lower_ in preps and token.head.head.i in anchors:
                if sites and self.type_of(key) in {"City", "Country"}:
                    self.site_city[sites[0]] = key
                    key = sites[0]
                m.place = key
                return
            if m.type == "Visit" and token.head.i == trigger.i and token.dep_ in {"dobj", "compound", "npadvmod", "nmod"}:
                if self.type_of(key) != "Organization":
                    m.place = key
                    return
            if m.type == "Meeting" and token.head.i == trigger.i and token.dep_ == "compound" and self.type_of(key) == "City":
                m.place = key  # "the Abuja meeting", "the Brussels summit"
                return
            if (
                token.i in own and token.dep_ == "pobj" and token.head.lower_ in {"in", "at"}
                and is_taking_place(token.head.head)
            ):
                m.place = key  # "a summit …, which is due to take place in Beijing"
                return

    def _where(self, trigger: Token) -> str | None:
        """"… Gyeongju, where he is expected to meet Xi": the place the clause describes."""
        for clause in [trigger, *trigger.ancestors]:
            if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.subtree):
                head = clause.head
                while head.dep_ == "appos" and self.type_of(self.key(head.head)) in PLACE_TYPES:
                    head = head.head  # "Gyeongju, South Korea, where …"
                if head.ent_type_ in {"DATE", "TIME"}:
                    head = self._place_before_date(head) or head  # "in Tallinn on Thursday, where …"
                key = self.key(head)
                return key if self.type_of(key) in PLACE_TYPES - {"Organization"} else None
            if clause.dep_ == "relcl" or clause.pos_ == "VERB" and clause.dep_ in {"ROOT", "ccomp"}:
                break
        return None

    def _place_before_date(self, date: Token) -> Token | None:
        """"… in Tallinn on Thursday, where he will meet X": the parse hangs the "where" on the date,
        but it is said of the place just before it."""
        start = max(date.sent.start, date.i - 6)
        for token in reversed(self.doc[start : date.i]):
            if token.pos_ in {"VERB", "AUX"} or token.is_punct:
                return None
            if token.dep_ == "pobj" and token.head.lower_ in {"in", "at", "to"} and self.type_of(self.key(token)) in PLACE_TYPES - {"Organization"}:
                return token
        return None

    def _subject_whereabouts(self, trigger: Token) -> str | None:
        """"X, who was also in Kuala Lumpur, held talks with Y": where the subject was."""
        head = self.clause_head(trigger)
        for subject in (c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}):
            for clause in (c for c in subject.children if c.dep_ == "relcl" and c.lemma_ in WHEREABOUTS_VERBS):
                for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        key = self.key(pobj)
                        if self.type_of(key) in PLACE_TYPES - {"Organization"}:
                            return key
        return None

    def _destinations(self, trigger: Token, exclude=()) -> list[str]:
        """Places a trip goes to, in order: "travel on to Tokyo on Monday and then to Gyeongju".

        Follows the chain of prepositions and coordinations below the trigger
        ("on to", "…, and to Paris", "and then to") to each "to" phrase.
        """
        if trigger.pos_ != "VERB":
            # "his first trip abroad was to Paris": the copula carries the destination
            subject = trigger.head if trigger.dep_ == "appos" else trigger  # the parse may hang it on a fronted name
            heads = [trigger, *([subject.head] if subject.dep_ == "nsubj" and subject.head.lemma_ == "be" else [])]
            return [
                k for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
                for p in c.children if p.dep_ == "pobj"
                for k in [self.key(p)] if self.type_of(k) in PLACE_TYPES - {"Organization"} and k not in exclude
            ]
        found: list[Token] = []
        stack = [c for c in trigger.children if c.dep_ in {"prep", "conj", "prt", "advmod"}]
        while stack:
            t = stack.pop()
            if t.pos_ not in {"ADP", "ADV", "PART"}:
                continue
            if t.lower_ == "to":  # "to Lisbon and Porto": each place of the phrase
                found += [d for c in t.children if c.dep_ == "pobj" for d in [c, *c.conjuncts]]
            stack += [c for c in t.children if c.dep_ in {"prep", "conj"}]
        out: list[str] = []
        for pobj in sorted(found, key=lambda t: t.i):
            key = self.key(pobj)
            if self.type_of(key) in PLACE_TYPES - {"Organization"} and key not in exclude and key not in out:
                out.append(key)
        return out

    def _valid(self, m: Mention, trigger: Token) -> bool:
        lemma = trigger.lemma_.lower()
        if m.type == "PhoneCall" and trigger.pos_ == "VERB" and lemma == "call":
            # "called X on May 7": the parse may take a surname it does not know for a predicate ("called X a liar")
            called = [k for c in trigger.children if c.dep_ == "oprd" for k in self.entity_keys(c, {"Person"})]
            m.participants += [k for k in called if k not in m.participants]
            if any(c.dep_ in {"oprd", "xcomp", "ccomp"} and not self.entity_keys(c, {"Person"}) or c.lower_ == "for"
                   for c in trigger.children):
                return False
            return len(m.participants) >= 2
        if m.type == "Agreement":
            return self._agreement(m, trigger)
        if lemma in HOST_VERBS and trigger.dep_ == "relcl" and any(c.dep_ == "dobj" and c.tag_ in {"WDT", "WP"} for c in trigger.children):
            return False  # "the summit in X, which Y will host": the summit is told by its own word

        if m.type == "Meeting" and lemma == "discuss":
            # "discussed trade with Y in Zenda": talks face to face only with someone, somewhere, and not by phone
            heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]  # "discussed trade with Y"
            with_someone = any(c.dep_ == "prep" and c.lower_ == "with" for h in heads for c in h.children)
            return (with_someone and len(m.participants) >= 2 and m.place is not None
                    and not by_phone(trigger) and not call_in_sentence(trigger))
        if m.type == "PhoneCall" and trigger.pos_ == "VERB" and lemma in {"speak", "talk"}:
            # "spoke with X by phone", "spoke with X on Monday, … said in a readout of the call"
            return (by_phone(trigger) or call_in_sentence(trigger)) and len(m.participants) >= 2
        if m.type == "PhoneCall" and trigger.pos_ == "NOUN" and lemma == "call" and not phone_word(trigger):
            # a bare "call" is a phone call only with someone: not "a call for calm"
            preps = {c.lower_ for c in trigger.children if c.dep_ == "prep"}
            answered = trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ANSWER_VERBS  # "received a call from X"
            return "for" not in preps and (bool(preps & {"with", "between"}) or answered) and len(m.participants) >= 2
        if m.type == "Visit" and trigger.pos_ == "VERB" and any(c.lower_ in {"back", "home"} for c in trigger.children):
            return False  # "flew back to Zenda", "flew home": a return, not a visit
        if m.type == "Visit" and lemma == "due":
            # "X is due in Zenda": a person expected somewhere (not "was due in Zenda", a plan that may have changed)
            return m.place is not None and trigger.pos_ == "ADJ" and trigger.head.tag_ != "VBD" and bool(m.participants)
        if m.type == "Visit" and lemma in {"stop", "arrival", "journey", "arrive", "fly", "travel", "head", "go"}:
            return m.place is not None
        if m.attends:
            return True  # "Petro hosted the gathering": the gathering is named by its own word before
        if m.type == "Meeting" and trigger.pos_ == "VERB" and len(m.participants) < 2:
            # "meet business leaders": people the text does not name
            return not any(c.dep_ == "dobj" and c.pos_ == "NOUN" and self.key(c) is None for c in trigger.children)
        return True

    def _agreement(self, m: Mention, trigger: Token) -> bool:
        """Signing needs a document that is an agreement ("signed a deal", "the signing of the Treaty", "a deal signed");
        adopting, a joint text ("leaders adopted a declaration", not "parliament adopted a law")."""
        if trigger.lemma_.lower() == "agree":
            # "Zenda agreed to buy jets from Ruritania": a purchase agreed with a named seller (or a sale to a
            # named buyer) is a deal between the two; other things agreed are not told as a signed agreement
            return len(m.participants) >= 2 and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in TRADE_VERBS for c in trigger.children) and bool(
                self._trade_parties(trigger))
        if trigger.lemma_.lower() == "adopt":
            texts = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"} and singular(c.lower_) in ADOPTED_TEXTS]
            if texts:
                m.name = agreement_name(texts[0])
            return bool(texts)
        if trigger.dep_ == "acl" and singular(trigger.head.lower_) in AGREEMENT_NOUNS:
            m.name = agreement_name(trigger.head)
            return True
        for token in trigger.subtree:
            if token.i == trigger.i:
                continue
            if singular(token.lower_) in AGREEMENT_NOUNS or (
                token.ent_type_ in {"LAW", "WORK_OF_ART"} and token.head.i in {trigger.i, *(c.i for c in trigger.children)}
            ):
                m.name = agreement_name(token)
                return True
        return False

    def _status(self, trigger: Token) -> str | None:
        if trigger.pos_ == "NOUN" and _in_sequence_phrase(trigger):
            # "… before the alliance's summit later this month": the summit's own words tell, not the clause it times
            return "planned" if {t.lower_ for t in trigger.subtree} & AHEAD_WORDS else None
        if trigger.dep_ == "acl" and trigger.head.lemma_.lower() == "invitation":
            return "planned"  # "accepted an invitation to visit Zenda"
        if trigger.pos_ == "ADJ" and trigger.lower_ == "due":
            return "planned"  # "X is due in Zenda"
        if trigger.dep_ in {"nsubj", "nsubjpass"} and trigger.head.lemma_.lower() in RESCHEDULE_VERBS and any(
                c.dep_ == "prep" and c.lower_ in {"to", "until", "till"} for c in trigger.head.children):
            return "planned"  # "visit moved to April", "summit postponed until June": the new date is ahead
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and trigger.head.head.lemma_.lower() in PREPARING_WORDS:
            return "planned"  # "reviewed preparations for X's visit": whatever the tense, the visit is ahead
        tokens = [trigger, self.clause_head(trigger)]
        if tokens[-1].dep_ == "pcomp" and shares_subject(tokens[-1]):
            tokens.append(tokens[-1].head.head)  # "X will travel to Zenda, before ending the trip in Strelsau"
        for token in tokens:
            for child in token.children:
                if child.dep_ == "aux" and child.lower_ in FUTURE_AUX:
                    return "planned"
                if child.dep_ == "amod" and child.lower_ in PLANNED_MODIFIERS:
                    return "planned"
            if token.dep_ in {"xcomp", "ccomp"} and token.head.lemma_.lower() in PLANNED_HEADS | {"go"}:
                if token.head.lemma_.lower() != "confirm" or token.i == trigger.i:
                    return "planned" if any(c.lower_ in {"to", "will"} for c in token.children) else None
            if token.tag_ in {"VBD"} or (token.tag_ == "VBN" and any(c.dep_ == "aux" for c in token.children)):
                return "occurred"
            if token.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
                return "planned"  # headline style: "Lula to make state visit to France"
        if trigger.dep_ == "conj" and trigger.tag_ == "VB" and not any(c.dep_ in {"aux", "auxpass"} for c in trigger.children):
            return self._status(trigger.head)  # "X will travel to A and then fly on to B": "will" holds for both
        if (
            trigger.dep_ in {"advcl", "xcomp"} and trigger.head.pos_ == "VERB" and trigger.head.lemma_.lower() in TRIP_VERBS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
        ):
            return self._status(trigger.head)  # "X will travel to Zenda next week to meet Y": the trip's purpose, as planned
        head = tokens[1]
        if head.dep_ in {"advcl", "relcl"} and head.tag_ in {"VBZ", "VBP"} and any(c.lower_ == "when" for c in head.children):
            # "they will hold talks on Wednesday, when X makes a state visit": the present of a "when" clause
            # is the time of the clause it hangs on
            return self._status(self.clause_head(head.head)) if head.head.i != head.i else None
        return None

    def _date(self, scope: list[Token], status: str | None, trigger: Token | None = None) -> DateRange | None:
        tense = {"planned": "future", "occurred": "past"}.get(status or "")
        if tense is None and trigger is not None and self.clause_head(trigger).tag_ in {"VBZ", "VBP"}:
            tense = "future"  # "the summit closes on Tuesday": a schedule points forward
        if trigger is not None and _in_sequence_phrase(trigger):
            # "arrived on Monday after a visit to Vietnam": Monday is the arrival's
            scope = [t for t in scope if t.i in {s.i for s in trigger.subtree}]
        seen: set[int] = set()
        in_dateline = False
        for token in scope:
            if token.ent_type_ not in {"DATE", "TIME"} or token.i in seen:  # "Sunday morning" is a TIME
                continue
            ent = entity_at(token)
            seen.update(range(ent.start, ent.end))
            comma = next((t.i for t in ent if t.text == ","), None)
            if comma is not None and comma > ent.start and not any(t.like_num for t in ent.doc[comma : ent.end]):
                # "January 2023, months after …": the model ran two phrases together ("May 16, 2024" stays whole)
                ent = ent.doc[ent.start : comma]
            if self.dateline_start <= ent.start_char < self.dateline_end:  # (a headline above it has its own dates)
                in_dateline = True  # the filing day: only when the sentence gives no date of its own
                continue
            if ent.root.head.lower_ in NOT_EVENT_DATES or ent.start > 0 and ent.doc[ent.start - 1].lower_ in NOT_EVENT_DATES:
                continue
            if trigger is not None and (in_own_clause(ent.root, trigger) or closes_relative_clause(ent, trigger)):
                continue
            if trigger is not None and in_sequence_clause(ent.root, trigger):
                continue
            value = self._normalise(ent.text, tense)
            if value is not None:
                return value
        return self.dateline_value if in_dateline else None


# -- merging mentions of one event ------------------------------------------------------


def _in_sequence_phrase(trigger: Token) -> bool:
    """Whether a trigger is what something else comes before or after: "before talks", "ahead of the summit"."""
    if trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    if prep.lower_ == "of" and prep.head.lower_ == "ahead":  # "ahead of"
        return True
    return prep.lower_ in SEQUENCE_PREPS


def _from_objects(token: Token) -> list[Token]:
    """The objects of "from" attached to ``token``: "a call from X"."""
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
