"""Relations between entities, read from titles, appositions, verbs and the gazetteer.

- ``leaderOf``: "Russian President Vladimir Putin", "India's Prime Minister
  Modi", "Modi, the Prime Minister of India", "NATO Secretary-General X".
- ``suppliesTo``: "Russia supplies oil to India", "India buys Russian crude",
  "Russia is India's largest arms supplier", "India relies on Russia for arms",
  "India is a major market for Russian fertilizers".
- ``locatedIn``: "the Kudankulam plant in Tamil Nadu", "Chennai, India"; and
  from the gazetteer when a region or city and its country are both mentioned.
- ``capitalOf``: from the gazetteer when a capital and its country are both mentioned.
- ``memberOf``: "Turkey is a member of NATO", "Finland joined NATO", "NATO member Turkey".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..gazetteer import load_gazetteer
from ..keys import LEADER_OF
from ..model import Relation
from ..nlp import titles
from .clauses import titles_named_next
from .dates import place_dateline, single_place
from .entities import INSTALLING_VERBS, REGION_WORDS, LocalEntity, demonym_of, named_indirectly, text_span, title_after_as

# an acting or interim leader leads all the same
FORMER = {"former", "ex", "ex-", "late", "then", "then-", "outgoing"}
SITTING = {"interim", "acting", "caretaker", "current", "incumbent", "new", "newly", "elected", "newly-elected", "re-elected", "transitional"}
SUPPLIER_NOUNS = {"supplier", "exporter", "provider", "seller", "source", "vendor"}
BUYER_NOUNS = {"market", "buyer", "customer", "importer", "purchaser", "client", "consumer"}
SELL_VERBS = {"supply", "sell", "export", "deliver", "ship", "provide"}
BUY_VERBS = {"buy", "import", "purchase", "procure", "source", "receive", "order", "acquire"}
# nouns that say what kind of place a name is: "the Chinese port city of X", "X, a town in Y"
PLACE_NOUNS = {
    "city", "town", "village", "port", "capital", "state", "province", "region", "district",
    "county", "island", "municipality", "prefecture", "territory", "area", "oblast", "governorate",
}
RELY_VERBS = {"rely", "depend"}
# what a buyer does with goods ("the gas used in Y's plants") and a supplier ("the steel made by Y")
USE_VERBS = {"use", "import", "consume", "burn", "buy", "purchase", "need", "assemble", "install"}
# a country's firms trade for it: "Ruritanian firms supply …", "Ruritania's refiners buy …"
PRODUCER_NOUNS = {"firm", "company", "producer", "manufacturer", "exporter", "supplier", "refiner", "mill",
                  "importer", "buyer", "trader"}
# goods on their way, as nouns: "X's exports to Y", "deliveries of gas from X to Y", "Y's imports from X"
FLOW_NOUNS = {"export", "import", "delivery", "shipment", "sale", "purchase"}
# general verbs that buy only with a share of the goods: "Y gets 40% of its gas from X", "obtains most of its wheat"
SHARE_VERBS = {"get", "obtain", "draw"}
SHARE_WORDS = {"most", "much", "half", "third", "quarter", "%", "percent", "share", "bulk", "majority", "all", "fraction"}
MAKE_VERBS = {"make", "produce", "manufacture", "build", "catch", "grow", "mine", "extract", "refine"}
_TRADE_NOUNS = SUPPLIER_NOUNS | BUYER_NOUNS
_TRADE_VERBS = SELL_VERBS | BUY_VERBS | RELY_VERBS
ACTORS = {"Country", "Organization"}
# a state's institutions stand for the state as buyer or member: "the Romanian army", "Poland's navy"
STATE_BODIES = {"army", "military", "navy", "government", "forces", "force", "ministry", "coast", "guard"}
# nouns that refer back to a bloc named before: "Bolivia, which joined the bloc in 2024"
BLOC_WORDS = {"bloc", "alliance", "grouping", "organisation", "organization"}
# forms of address that may stand between an office and the name ("Qatar's Emir Sheikh X")
# a company's head: leads the organisation named before the title, never a country ("Acme chief executive X")
EXECUTIVE_TITLES = {
    "chief executive", "chief executive officer", "ceo", "managing director", "chief", "head", "boss",
    "governor", "co-leader",  # "Acme Bank Governor X", "Green Party co-leader X" (a state governor leads no country)
}
# words between an owner and a leader title that another title shares: "Acme founder and chairman X"
CO_TITLE_WORDS = {"and", "founder", "co-founder", "cofounder"}
HONORIFICS = {"sheikh", "shaikh", "sir", "dame", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
              "his", "her", "highness", "majesty", "excellency"}  # "President His Highness Sheikh X"
# a military rank between an office and the name ("Zenda's junta leader General X") is no office of its own
RANKS = {"general", "gen.", "captain", "capt.", "colonel", "col.", "lieutenant", "lt.", "major", "admiral", "marshal",
         "brigadier"}
# words that say how a leader rules, between the owner and the office: "Zenda's military leader", "its junta leader"
RULE_WORDS = {"military", "junta"}


class _Reader:
    def __init__(self, doc: Doc, doc_id: str, entities: dict[str, LocalEntity], token_keys: dict[int, str]):
        self.doc, self.doc_id, self.entities, self.keys = doc, doc_id, entities, token_keys
        self.found: dict[tuple[str, str, str], Relation] = {}
        self.untitled: list[tuple[str, str, Span]] = []  # (person, title, mention): "President X" with no country

    def type_of(self, key: str | None) -> str | None:
        return self.entities[key].entity.type if key in self.entities else None

    def actor(self, token: Token, types: set[str] = ACTORS) -> str | None:
        """The country or organisation a token names, also through a demonym ("Russian")."""
        key = self.keys.get(token.i)
        if key is not None and self.type_of(key) in types:
            return key
        gaz = demonym_of(token)
        return named_indirectly(self.entities, gaz) if gaz is not None and gaz.type in types else None

    def actors(self, token: Token | None, types: set[str] = ACTORS) -> list[str]:
        """Like :meth:`actor` for a token and its conjuncts ("China and India")."""
        if token is None:
            return []
        keys = (self.actor(t, types) for t in [token, *token.conjuncts])
        return list(dict.fromkeys(k for k in keys if k))

    def referents(self, token: Token | None, types: set[str] = ACTORS) -> list[str]:
        """Like :meth:`actors`, also through a word standing for one: "the country", "the bloc", "the Romanian army"."""
        if token is None:
            return []
        found = self.actors(token, types)
        if not found:
            key = (_referred_actor(self, token) or _bloc_referred(self, token) or _state_body(self, token)
                   or _named_bloc(self, token))
            found = [key] if key and self.type_of(key) in types else []
        return found

    def add_all(self, subjects: list[str], p: str, objects: list[str], sent: Span | None) -> None:
        for s in subjects:
            for o in objects:
                self.add(s, p, o, sent)

    def add(self, s: str | None, p: str, o: str | None, sent: Span | None, role=None, method="text"):
        if not s or not o or s == o or s.startswith(LEADER_OF):
            return
        evidence = (text_span(self.doc_id, sent),) if sent is not None else ()
        self.found.setdefault((s, p, o), Relation(s, p, o, self.doc_id, role, method, evidence))


def extract_relations(
    doc: Doc, doc_id: str, entities: dict[str, LocalEntity], token_keys: dict[int, str]
) -> list[Relation]:
    """Relations read from one parsed document."""
    r = _Reader(doc, doc_id, entities, token_keys)
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            _leader(r, ent)
    _owned_leaders_listed(r)
    _leader_representing(r)
    _title_named_next(r)
    _leader_at_home(r)
    _leader_met_at_home(r)
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and lemma in SELL_VERBS | BUY_VERBS and token.lower_.endswith("s") and _misread_trade_verb(r, token, lemma):
            pass
        elif token.pos_ == "NOUN" and lemma in _TRADE_NOUNS:
            _trade_noun(r, token, lemma in SUPPLIER_NOUNS)
        elif token.pos_ == "NOUN" and lemma in FLOW_NOUNS:
            _trade_flow(r, token, lemma)
        elif token.pos_ == "VERB" and lemma in _TRADE_VERBS:
            _trade_verb(r, token, lemma)
        elif token.pos_ == "VERB" and lemma in SHARE_VERBS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in SHARE_WORDS and _of_objects(c) for c in token.children):
            _trade_verb(r, token, "buy")
        elif lemma in {"member", "join"}:
            _member(r, token)
        elif lemma == "belong" and token.pos_ == "VERB":
            _belongs_to(r, token)
        elif lemma in FOUND_VERBS and token.pos_ == "VERB":
            _founded(r, token)
        elif lemma in INCLUDE_VERBS and token.pos_ == "VERB":
            _bloc_includes(r, token)
        elif token.pos_ == "VERB" and lemma in CHOOSE_VERBS:
            _chosen_supplier(r, token)
        elif lemma in LEAD_VERBS and token.tag_ == "VBN" and token.dep_ in {"acl", "conj"}:
            _led_by(r, token)
    _located_in_text(r)
    _located_in_phrase(r)
    _region_of_country(r)
    _from_gazetteer(r)
    # "VILNIUS, Lithuania": a capital's country is said by capitalOf, not again by locatedIn
    for s, p, o in [k for k in r.found if k[1] == "capitalOf"]:
        r.found.pop((s, "locatedIn", o), None)
    return list(r.found.values())


def _leader(r: _Reader, person: Span) -> None:
    doc = r.doc
    key = r.keys.get(person.start)
    if key is None:
        return
    every_title, leaders = titles()
    start = person.start
    while start > 0 and (doc[start - 1].lower_ in HONORIFICS or doc[start - 1].lower_ in RANKS
                         and not _ends_longer_title(doc, start, every_title)):  # not "Secretary-General X"
        start -= 1
    # "Russian President Vladimir Putin", "India's Prime Minister Modi", "Prime Minister of India Modi"
    for length in (4, 3, 2, 1):  # "Secretary-General" is three tokens
        i = start - length
        if i < 0:
            continue
        title = _title_text(doc[i:start])
        executive = title in EXECUTIVE_TITLES
        if title in every_title and title not in leaders and not executive:
            break  # "Vice-President X", "Deputy Prime Minister X": the longer title is not the leader's
        if title not in leaders and not executive:
            continue
        # the owner is written right before the title: "(AP) — King X" gives the agency no king
        before = []
        for t in reversed(doc[max(0, i - 4) : i]):  # "Ruritania's newly elected president X"
            if t.is_punct and t.text not in {"'s", "’s"}:
                break
            before.insert(0, t)
        if any(t.lower_.rstrip("-") in {f.rstrip("-") for f in FORMER} for t in doc[max(0, i - 2) : i]):
            return
        country = None
        for t in reversed(before):
            if t.text in {"'s", "’s"} or t.lower_ in SITTING | RULE_WORDS or t.lower_ in CO_TITLE_WORDS:
                continue
            if t.lower_ == "whose":  # "Zenda, whose President X", "the Bank, whose managing director X"
                country = _whose_owner(r, t, {"Organization"} if executive else ACTORS)
            elif executive:
                country = r.actor(t, {"Organization"})
            else:
                country = r.actor(t) or _referred_actor(r, t) or _two_word_demonym(r, t)
            break
        if country is None:
            # "Prime Minister Mark Carney of Canada", "Secretary-General X of the United Nations"
            types = {"Organization"} if executive else ACTORS  # "Army chief General X of Zenda" leads no country
            country = next((r.actor(p, types) for p in _of_objects(person.root) if r.actor(p, types)), None)
            if country is None and person.end + 1 < len(doc) and doc[person.end].lower_ == "of":
                country = r.actor(doc[person.end + 1], types)  # the parse may hang "of Zenda" elsewhere
        if country is None:
            r.untitled.append((key, title, person))
            # "Prime Minister X, the head of Zenda's government": the apposition may name the country
            _leader_apposition(r, person, key, leaders)
            return
        r.add(key, "leaderOf", country, person.sent, role=doc[i:start].text)
        return
    if start >= 2 and doc[start - 1].text in {"'s", "’s"}:
        _leader_in_list(r, person, key, doc[start - 2])
    _leader_apposition(r, person, key, leaders)
    _leader_title_first(r, person, key, leaders)
    _leader_counterpart(r, person, key)
    _leader_clause(r, person, key)
    _leader_elected(r, person, key)


# titles of a country's own head of state or government (not of an organisation's head), each with
# the office it names: a king and a queen are both the monarch, a premier is a prime minister
NATIONAL_TITLES = {
    "president": "president", "prime minister": "head of government", "premier": "head of government",
    "chancellor": "head of government", "king": "monarch", "queen": "monarch", "emir": "monarch", "sultan": "monarch",
}
# what a visitor does: a leader who travels to (or attends a summit in) the dateline's city is not its leader
TRAVEL_VERBS = {"visit", "arrive", "travel", "fly", "land", "tour", "come", "attend"}
# "the government of Prime Minister X": the office of a leader at home
GOVERNMENT_WORDS = {"government", "administration", "cabinet"}


def _leader_representing(r: _Reader) -> None:
    """"Bolivia was represented by President X": the title with no country of its own is the represented country's;
    "Ruritanian Vice-President Y, who represented President X": the representative's."""
    for key, title, person in r.untitled:
        root = person.root
        if title not in NATIONAL_TITLES:
            continue
        if root.dep_ == "dobj" and root.head.lemma_.lower() == "represent":
            # "Ruritanian Vice-President John Roe, who represented President X": the representative's country
            deputy = root.head.head if root.head.dep_ == "relcl" else next(
                (c for c in root.head.children if c.dep_ == "nsubj"), None)
            owners = [c for c in deputy.children if c.dep_ in {"compound", "amod", "poss"}] if deputy is not None else []
            r.add(key, "leaderOf", next((r.actor(c, {"Country"}) for c in owners if r.actor(c, {"Country"})), None),
                  person.sent, role=title)
            continue
        if root.dep_ != "pobj" or root.head.dep_ != "agent":
            continue
        verb = root.head.head
        if verb.lemma_.lower() != "represent":
            continue
        country = next((r.actor(c, {"Country"}) for c in verb.children if c.dep_ == "nsubjpass" and r.actor(c, {"Country"})), None)
        r.add(key, "leaderOf", country, person.sent, role=title)


def _leader_at_home(r: _Reader) -> None:
    """"CAIRO — President X received a call …": a national title with no country, in an article
    filed from a capital whose country it names, is that country's.

    Only for what a leader at home does: X is the subject ("President X approved …"), acts on
    someone ("sworn in by President X", "letters received from President X") or heads "the
    government of Prime Minister X"; X is not the one travelling, nobody else
    holds that office there, and X's sentence names no other country's place (a foreign
    leader met abroad: "he met Prime Minister X in Hanoi").
    """
    if not r.untitled:
        return
    found = place_dateline(r.doc.text)
    span = r.doc.char_span(found.start(1), found.end(1), alignment_mode="expand") if single_place(found) else None
    local = r.entities.get(r.keys.get(span[-1].i)) if span is not None else None
    if local is None or local.gaz is None or not local.gaz.capital_of:
        return
    home = local.gaz.capital_of
    country = load_gazetteer().country_by_iso2(home)
    if country is None or country.key not in r.entities:
        return
    led = {s for (s, p, _) in r.found if p == "leaderOf"}
    held = {NATIONAL_TITLES.get(rel.role.lower()) for (_, p, o), rel in r.found.items() if p == "leaderOf" and o == country.key and rel.role}
    candidates = {key for key, _, _ in r.untitled}
    travelling = {k for i, k in r.keys.items() if k in candidates and r.doc[i].dep_ == "nsubj"
                  and r.doc[i].head.lemma_.lower() in TRAVEL_VERBS}
    for key, title, person in r.untitled:
        office = NATIONAL_TITLES.get(title)
        if office is None or key in led | travelling or office in held or _abroad(r, person, home):
            continue
        root = person.root
        while root.dep_ == "appos" and root.head.i < root.i:
            root = root.head  # "President His Highness Sheikh X received …": the parse hangs X on the title
        at_home = root.dep_ in {"nsubj", "nsubjpass"} or (
            root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in GOVERNMENT_WORDS) or (
            root.dep_ == "pobj" and root.head.dep_ in {"agent", "prep"} and root.head.lower_ in {"by", "from"})
        if at_home:
            r.add(key, "leaderOf", country.key, person.sent, role=title)
            held.add(office)


def _title_named_next(r: _Reader) -> None:
    """"Ruritania's president met her Zendan counterpart in X …" and then "Jane Roe and John Doe also agreed …":
    the first name is the subject's country's leader, a second one the counterpart's (see
    :func:`~kg.extract.clauses.titles_named_next`); not when that country's leader is known already."""
    led = {o for (_, p, o) in r.found if p == "leaderOf"}
    office = None
    for title, person in titles_named_next(r.doc, r.keys):
        if title.lemma_.lower() != "counterpart":  # a counterpart holds the same office
            office = "prime minister" if title.lemma_.lower() == "minister" else title.lemma_.lower()
        country = _title_country(r, title)
        if country not in led:
            r.add(r.keys[person.start], "leaderOf", country, person.sent, role=office)


def _title_country(r: _Reader, title: Token) -> str | None:
    """The country a title without a name belongs to: "Ruritania's president", "the Ruritanian prime minister"."""
    return next((r.actor(c, {"Country"}) for c in title.children
                 if c.dep_ in {"poss", "amod", "compound"} and r.actor(c, {"Country"})), None)


MEETING_NOUNS = {"audience", "talks", "meeting"}


def _dateline_capital(r: _Reader) -> str | None:
    """The country whose capital the article is filed from, when the document names that country."""
    found = place_dateline(r.doc.text)
    span = r.doc.char_span(found.start(1), found.end(1), alignment_mode="expand") if single_place(found) else None
    local = r.entities.get(r.keys.get(span[-1].i)) if span is not None else None
    return _capital_country(r, local)


def _dateline_iso(r: _Reader) -> str | None:
    """The ISO code of the country whose capital the article is filed from."""
    found = place_dateline(r.doc.text)
    span = r.doc.char_span(found.start(1), found.end(1), alignment_mode="expand") if single_place(found) else None
    local = r.entities.get(r.keys.get(span[-1].i)) if span is not None else None
    return local.gaz.capital_of if local is not None and local.gaz is not None else None


def _capital_country(r: _Reader, local) -> str | None:
    if local is None or local.gaz is None or not local.gaz.capital_of:
        return None
    country = load_gazetteer().country_by_iso2(local.gaz.capital_of)
    return country.key if country is not None and country.key in r.entities else None


def _leader_met_at_home(r: _Reader) -> None:
    """"he met Prime Minister X in Hanoi", "with an audience with President X" (in Banjul), "HANOI — He is
    due to meet President X": a national title with no country, held by the one a visitor meets in a
    capital, is that capital's country's. Not when the one meeting X is a leader (the host meets visitors),
    nor when that country already has a leader named."""
    if not r.untitled:
        return
    led = {s for (s, p, _) in r.found if p == "leaderOf"}
    ruled = {o for (_, p, o) in r.found if p == "leaderOf"}
    titled = {key for key, _, _ in r.untitled}
    for key, title, person in r.untitled:
        if title not in NATIONAL_TITLES or key in led:
            continue
        root = person.root
        while root.dep_ == "conj" and root.head.i != root.i:  # "meet President X and Prime Minister Y"
            root = root.head
        calling = root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.lemma_.lower() == "call"
        if root.dep_ == "dobj" and root.head.lemma_.lower() == "meet":
            verb = root.head
        elif root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lemma_.lower() in MEETING_NOUNS:
            noun = root.head.head
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        elif calling:
            verb = root.head.head  # "X called on President Y at the palace": a visitor's courtesy call on the host
        else:
            continue
        if not calling and any(r.keys.get(c.i) in led | titled for c in verb.children if c.dep_ == "nsubj"):
            continue
        # "met X in Y", "ending the tour in Y with an audience with X": the parse hangs the place on the
        # verb, on X or on the verb's object
        heads = [verb, root, *(c for c in verb.children if c.dep_ == "dobj")]
        places = [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
                  for p in c.children if p.dep_ == "pobj"]
        if places:
            country = _capital_country(r, r.entities.get(r.keys.get(places[0].i)))
        else:
            # no place of its own: the dateline's, unless the sentence names one in another country
            country, home = _dateline_capital(r), _dateline_iso(r)
            if home is None or _abroad(r, person, home):
                country = None
        # the country has no leader known, or only one of another office ("the prime minister … President X")
        other_office = all(rel.role and NATIONAL_TITLES.get(rel.role.lower()) not in {None, NATIONAL_TITLES[title]}
                           for (_, p, o), rel in r.found.items() if p == "leaderOf" and o == country)
        if country is not None and (country not in ruled or other_office):
            r.add(key, "leaderOf", country, person.sent, role=title)


def _abroad(r: _Reader, person: Span, home: str) -> bool:
    """Whether the sentence of ``person`` names a place or country other than the country ``home`` (ISO code)
    and its places, outside a relative clause said of the person ("X, whose coalition … the war in Ukraine")."""
    own = {t.i for c in person.root.children if c.dep_ == "relcl" for t in c.subtree}
    # "received a call from President Y of Ruritania": a country said of someone else is theirs, not a trip
    own |= {t.i for e in person.sent.ents if e.label_ == "PERSON" and e.root.i != person.root.i
            for t in e.root.subtree if t.i >= e.end}
    for i in range(person.sent.start, person.sent.end):
        if i in own:
            continue
        local = r.entities.get(r.keys.get(i))
        if local is None or local.gaz is None or local.entity.type not in {"City", "Country", "Place"}:
            continue
        where = local.gaz.country or dict(local.gaz.ids).get("iso3166")
        if where and where.upper() != home.upper():
            return True
    return False


# words that stand for a country or organisation named before: "its leader X", "the country's president X"
REFERRING_WORDS = {"its", "country", "nation", "kingdom", "republic"}


def _referred_actor(r: _Reader, token: Token) -> str | None:
    """The country (or, for "its", organisation) named last before ``token`` in its sentence or the one before."""
    if token.lower_ not in REFERRING_WORDS or token.lower_ != "its" and not any(c.lower_ == "the" for c in token.children):
        return None
    types = ACTORS if token.lower_ == "its" else {"Country"}
    first = token.sent.start
    if first > 0:
        first = r.doc[first - 1].sent.start
    for t in reversed(r.doc[first : token.i]):
        key = r.keys.get(t.i)
        if key is not None and r.type_of(key) in types:
            return key
    return None


def _bloc_referred(r: _Reader, token: Token) -> str | None:
    """"The bloc", "the alliance": the organisation named last just before."""
    if token.lemma_.lower() not in BLOC_WORDS or not any(c.lower_ in {"the", "this"} for c in token.children):
        return None
    return _last_organization(r, token)


def _named_bloc(r: _Reader, token: Token) -> str | None:
    """"The wider Zenda+ group", "the Acme bloc": the organisation named before the bloc word."""
    if token.lemma_.lower() not in BLOC_WORDS | {"group"}:
        return None
    return next((k for c in token.children if c.dep_ == "compound" for k in r.actors(c, {"Organization"})), None)


def _state_body(r: _Reader, token: Token) -> str | None:
    """"The Romanian army", "Poland's government": the country whose institution it is."""
    if token.lemma_.lower() not in STATE_BODIES:
        return None
    owners = [c for c in token.children if c.dep_ in {"amod", "compound", "poss"}]
    return next((r.actor(c, {"Country"}) for c in owners if r.actor(c, {"Country"})), None)


def _two_word_demonym(r: _Reader, token: Token) -> str | None:
    """"South Korean President X": the demonym is two words, the last alone names nothing."""
    if token.i == 0 or not token.text[:1].isupper():
        return None
    gaz = demonym_of(r.doc[token.i - 1 : token.i + 1])
    return named_indirectly(r.entities, gaz) if gaz is not None else None


def _leader_in_list(r: _Reader, person: Span, key: str, owner: Token) -> None:
    """"French President X, Germany's Y and Italy's Z": the title of the first holds for the list."""
    country = r.actor(owner, {"Country"})
    leaders = {s for (s, p, _) in r.found if p == "leaderOf"} - {key}
    # the parse often misses such lists, so the word before the list comma counts too
    i = owner.i - 1
    if i > 0 and r.doc[i].lower_ == "and" and r.doc[i - 1].text == ",":
        i -= 1
    previous = [r.doc[i - 1]] if i > 0 and r.doc[i].lower_ in {",", "and"} else []
    if country and any(r.keys.get(t.i) in leaders for t in [*person.root.conjuncts, *previous]):
        r.add(key, "leaderOf", country, person.sent, role="listed with leaders")


# what a leader does to a guest: "President X hosted Zenda's Y" (Y is Zenda's leader, as X is his country's)
HOST_VERBS = {"host", "receive", "welcome"}


def _owned_leaders_listed(r: _Reader) -> None:
    """"A's X, B's Y and C's Z" with a leader among them, or hosted by a leader: each leads the country before
    the name. Read after every other leader (the leader may come later in the list) until nothing changes."""
    owned = []
    for ent in r.doc.ents:
        key = r.keys.get(ent.start)
        if ent.label_ == "PERSON" and key and ent.start >= 2 and r.doc[ent.start - 1].text in {"'s", "’s"}:
            country = r.actor(r.doc[ent.start - 2], {"Country"})
            if country:
                owned.append((key, country, ent))
    for _ in range(3):
        leaders = {s for (s, p, _) in r.found if p == "leaderOf"}
        before = len(r.found)
        for key, country, ent in owned:
            if key not in leaders and any(r.keys.get(t.i) in leaders - {key} for t in _listed_with(ent)):
                r.add(key, "leaderOf", country, ent.sent, role="listed with leaders")
        if len(r.found) == before:
            return


def _listed_with(ent: Span) -> list[Token]:
    """The names a name is listed with (conjuncts, names in apposition, the name before its comma) and,
    for a guest, the host."""
    root, doc = ent.root, ent.doc
    found = [*root.conjuncts, *(c for c in root.children if c.dep_ == "appos")]
    if root.dep_ == "appos":
        found.append(root.head)
    i = doc[ent.start - 2].left_edge.i - 1  # the word before the owner: ", and" or ","
    while i > 0 and doc[i].lower_ in {",", "and"}:
        i -= 1
    if i < doc[ent.start - 2].left_edge.i - 1:
        found.append(doc[i])
    if root.dep_ == "dobj" and root.head.lemma_.lower() in HOST_VERBS:
        found += [c for c in root.head.children if c.dep_ == "nsubj"]
    return found


def _ends_longer_title(doc: Doc, end: int, every_title: frozenset[str]) -> bool:
    """Whether the words before ``end`` close a title of several words ("Secretary-General", "Attorney General")."""
    return any(_title_text(doc[i:end]) in every_title for i in range(max(0, end - 4), end - 1))


def _whose_owner(r: _Reader, whose: Token, types: set[str]) -> str | None:
    """The name a "whose" clause follows ("Ruritania and Zenda, whose …": Zenda), read off the tokens (the
    parse often hangs such a clause on a noun before the name)."""
    i = whose.i - 1
    if i < 1 or r.doc[i].text != ",":
        return None
    return r.actor(r.doc[i - 1], types)


def _title_text(span: Span) -> str:
    """A title as titles.tsv writes it: "Secretary-General" is one word there, three tokens here."""
    return " ".join(span.text.lower().split())


def _of_objects(token: Token) -> list[Token]:
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _role(head: Token, leaders: frozenset[str]) -> str | None:
    """The leader title an apposition's noun ends, without its owner: "NATO's secretary general"."""
    doc, first = head.doc, head.i
    while first > 0 and head.is_ancestor(doc[first - 1]):
        t = doc[first - 1]
        if t.ent_type_ or t.dep_ in {"poss", "case", "det"} or t.is_punct and t.text != "-":
            break
        first -= 1
    # the longest title that ends the phrase: "the country's current president" → "president"
    return next((_title_text(doc[i : head.i + 1]) for i in range(first, head.i + 1)
                 if _title_text(doc[i : head.i + 1]) in leaders), None)


def _leader_apposition(r: _Reader, person: Span, key: str, leaders: frozenset[str]) -> None:
    """"Narendra Modi, the Prime Minister of India", "Javier Milei, Argentina's president"."""
    appositions = _own_appositions(person.root)
    # "X, Ruritania's energy minister and the chief executive of Acme": each conjoined title is X's
    appositions += [c for a in appositions for c in a.conjuncts if c.i > a.i]
    for child in appositions:
        if child.pos_ in {"NOUN", "PROPN"} and not child.ent_type_:
            role = _role(child, leaders | EXECUTIVE_TITLES)
            if role is None or any(t.lower_ in FORMER for t in child.subtree):
                continue
            # a company's or a body's head ("X, Acme's chief executive", "X, the head of the Fund") leads no country
            types = {"Organization"} if role in EXECUTIVE_TITLES else ACTORS
            if _title_text(r.doc[child.i : child.i + 3]) in HEAD_OF_COUNTRY:  # "X, Zenda's head of state"
                role, types = _title_text(r.doc[child.i : child.i + 3]), ACTORS
            # the title's own words only, not those of a title conjoined after it
            words = [t for t in child.subtree if not any(c.i <= t.i for c in child.conjuncts if c.i > child.i)]
            for t in words:
                if t.dep_ == "pobj" and t.head.head.i == child.i and t.lemma_.lower() in GOVERNMENT_WORDS:
                    # "X, the head of Zenda's government": the government's country
                    owners = [r.actor(m, {"Country"}) for m in t.children if m.dep_ in {"poss", "amod", "compound"}]
                    r.add(key, "leaderOf", next((o for o in owners if o), None), person.sent, role="head of government")
                    continue
                # "X, the head of the alliance": the word stands for the bloc (or country) named before
                if t.dep_ == "pobj" and t.head.lower_ == "of" and (types == ACTORS or t.head.head.i == child.i):
                    r.add(key, "leaderOf", next(iter(r.referents(t, types)), None), person.sent, role=role)
                elif t.dep_ in {"poss", "amod", "compound"} and t.head.i == child.i:
                    r.add(key, "leaderOf", r.actor(t, types) or _own_title_country(r, person, t), person.sent, role=role)


# offices that make their holder a country's leader however the noun before them reads ("head" alone is a body's)
HEAD_OF_COUNTRY = {"head of state", "head of government"}


def _own_title_country(r: _Reader, person: Span, word: Token) -> str | None:
    """"Zendan Crown Prince X, the kingdom's prime minister": "the kingdom" is the country X's own title names."""
    if word.lower_ not in REFERRING_WORDS - {"its"} or not any(c.lower_ == "the" for c in word.children):
        return None
    return next((k for t in r.doc[max(0, person.start - 4) : person.start] if (k := r.actor(t, {"Country"}))), None)


def _own_appositions(root: Token) -> list[Token]:
    """The appositions of a name; in a list the parse hangs one written after the last name on the first
    ("A and B, Zenda's president,"): it is the last name's."""
    found = [c for c in root.children if c.dep_ == "appos"]
    names = [root, *root.conjuncts]
    last = max(names, key=lambda t: t.i)
    if last.i != root.i:
        return [a for a in found if a.i < last.i]
    first = min(names, key=lambda t: t.i)
    return found + [a for a in first.children if a.dep_ == "appos" and a.i > root.i] if first.i != root.i else found


def _leader_title_first(r: _Reader, person: Span, key: str, leaders: frozenset[str]) -> None:
    """"The Ruritanian president, Jane Doe,", "Ruritania's head of state, Jane Doe,", "Acme's chief executive,
    Jane Doe,": the name is an apposition to the title before it."""
    head, start = person.root.head, person.start
    while start > 0 and r.doc[start - 1].lower_ in HONORIFICS:
        start -= 1  # "Ruritania's emir, Sheikh X,"
    if person.root.dep_ != "appos" or head.i >= start or r.doc[start - 1].text != ",":
        return
    if any(t.lower_.rstrip("-") in {f.rstrip("-") for f in FORMER} for t in r.doc[head.left_edge.i : head.i]):
        return
    after = _title_text(r.doc[head.i : head.i + 3])  # "head of state"
    role = after if after in leaders else _role(head, leaders | EXECUTIVE_TITLES)
    if role is None:
        return
    types = {"Organization"} if role in EXECUTIVE_TITLES else ACTORS
    owners = [t for t in head.children if t.dep_ in {"poss", "amod", "compound"} and t.i < head.i] + _of_objects(head)
    for t in owners:
        led = r.actor(t, types) or (_two_word_demonym(r, t) if types == ACTORS else None)
        if led is None and t.dep_ == "pobj":  # "the head of the bloc, X,": the bloc named before
            led = next(iter(r.referents(t, types)), None)
        if led is not None:
            r.add(key, "leaderOf", led, person.sent, role=role)
            return


def _leader_counterpart(r: _Reader, person: Span, key: str) -> None:
    """"President X … his Paraguayan counterpart Y": the counterpart of a leader leads the country named."""
    noun = person.root.head if person.root.dep_ in {"appos", "compound"} else None
    if person.start > 0 and r.doc[person.start - 1].lemma_.lower() == "counterpart":
        noun = r.doc[person.start - 1]  # "A and his Zendan counterpart B": the parse may hang B on A
    if noun is None or noun.lemma_.lower() != "counterpart":
        return
    country = next((r.actor(c, {"Country"}) for c in noun.children if c.dep_ in {"amod", "compound"} and r.actor(c, {"Country"})), None)
    if country is None:
        return
    # only a head of state's counterpart is one: a minister's is a minister
    leaders = {s for (s, p, _) in r.found if p == "leaderOf"} - {key}
    if any(r.keys.get(i) in leaders for i in range(person.sent.start, person.start)):
        r.add(key, "leaderOf", country, person.sent, role="counterpart")


def _leader_elected(r: _Reader, person: Span, key: str) -> None:
    """"Japan's parliament elected X as prime minister", "Ruritania elected X as president": the country
    whose body (or which itself) installs X in a national office."""
    title = title_after_as(r.doc, person.end)
    verb = person.root.head
    if title not in NATIONAL_TITLES or person.root.dep_ not in {"dobj", "nsubjpass"} or verb.lemma_.lower() not in INSTALLING_VERBS:
        return
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "agent"}):
        subject = next((p for p in subject.children if p.dep_ == "pobj"), subject) if subject.dep_ == "agent" else subject
        owners = [subject, *(c for c in subject.children if c.dep_ in {"poss", "amod", "compound"})]
        country = next((r.actor(t, {"Country"}) for t in owners if r.actor(t, {"Country"})), None)
        if country is None:  # "X was elected prime minister by the Sejm": the country of a state body
            country = _country_of_body(r, subject)
        if country is not None:
            r.add(key, "leaderOf", country, person.sent, role=title)
            return


def _country_of_body(r: _Reader, token: Token) -> str | None:
    """The country (named in the document) of the organisation a token names, when the gazetteer places it in one."""
    local = r.entities.get(r.keys.get(token.i))
    if local is None or local.entity.type != "Organization" or local.gaz is None or not local.gaz.country:
        return None
    country = load_gazetteer().country_by_iso2(local.gaz.country)
    return country.key if country is not None and country.key in r.entities else None


LEAD_VERBS = {"head", "lead", "chair", "run"}


def _led_by(r: _Reader, verb: Token) -> None:
    """"the lender, set up in 2015 and headed by X", "Acme, led by X": X leads the body the participle describes."""
    noun = verb
    while noun.dep_ == "conj" and noun.head.i != noun.i:  # "set up by … and headed by X"
        noun = noun.head
    noun = noun.head
    bodies = _described(r, noun, {"Organization", "Country"})
    people = [r.keys[p.i] for a in verb.children if a.dep_ == "agent" for p in a.children
              if p.dep_ == "pobj" and r.type_of(r.keys.get(p.i)) == "Person"]
    if len(bodies) == 1 and len(people) == 1:
        r.add(people[0], "leaderOf", bodies[0], verb.sent, role=verb.lemma_)


def _leader_clause(r: _Reader, person: Span, key: str) -> None:
    """"X, who heads the British government", "X, who leads Acme": a leader now (not "who led")."""
    for clause in person.root.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in LEAD_VERBS or clause.tag_ not in {"VBZ", "VBP"}:
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children):
            continue
        for obj in (c for c in clause.children if c.dep_ == "dobj"):
            led = r.actor(obj)
            if led is None and obj.lemma_.lower() in {"government", "state", "country", "cabinet"}:
                led = next((r.actor(m, {"Country"}) for m in obj.children if m.dep_ in {"amod", "compound", "poss"} and r.actor(m, {"Country"})), None)
            r.add(key, "leaderOf", led, person.sent, role=clause.lemma_)


def _subject(token: Token) -> Token | None:
    """The subject of the clause a predicate noun belongs to ("Russia ... is ... supplier")."""
    node = token
    for _ in range(6):
        node = node.head
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if node.dep_ not in {"xcomp", "attr", "pobj", "prep", "acomp", "ccomp"} or node.head.i == node.i:
            break
    return None


# supplier nouns whose goods may be named by their buyer: "the main source of Y's gas" (not "exporter of Y's
# oil", which sells Y's own)
OWNED_SUPPLY_NOUNS = {"supplier", "source", "provider"}


def _trade_noun(r: _Reader, noun: Token, is_supplier: bool) -> None:
    subject = _subject(noun)
    # "A and B are among Y's biggest customers": each conjoined subject
    subject_keys = r.actors(subject) or [None]
    other = None
    for child in noun.children:
        if child.dep_ == "poss":
            other = r.actor(child)
        elif child.dep_ == "prep" and child.lower_ in ({"to", "for"} if is_supplier else {"for", "of"}):
            for pobj in child.children:
                other = other or r.actor(pobj)
                for mod in pobj.children:
                    if mod.dep_ in {"amod", "compound"}:
                        other = other or r.actor(mod)
        elif child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_.lower() in OWNED_SUPPLY_NOUNS:
            # "the main source of Y's fuel imports", "the biggest supplier of Y's gas": the goods' owner buys
            # a "source" only of goods told as such ("of Y's imports"): "the source of Y's troubles" is no trade
            goods = [p for p in child.children if p.dep_ == "pobj"
                     and (noun.lemma_.lower() != "source" or p.lemma_.lower() in FLOW_NOUNS | {"supply"})]
            other = other or next((k for p in goods for m in p.children
                                   if m.dep_ == "poss" for k in _owner(r, m, r.actors(subject))), None)
    if other is None:
        return
    for subject_key in subject_keys:
        supplier, buyer = (subject_key, other) if is_supplier else (other, subject_key)
        r.add(supplier, "suppliesTo", buyer, noun.sent)


def _trade_verb(r: _Reader, verb: Token, lemma: str) -> None:
    subjects = [k for c in verb.children if c.dep_ == "nsubj" for k in r.actors(c)]
    if not subjects:  # "Chinese firms supply …": the firms' country
        subjects = [k for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in PRODUCER_NOUNS
                    for m in c.children if m.dep_ in {"amod", "compound", "poss"} for k in r.actors(m, {"Country"})]
    if not subjects and lemma in SELL_VERBS:  # "Ruritanian gold is sold to buyers in X": the goods' country sells
        subjects = [k for c in verb.children if c.dep_ == "nsubjpass"
                    for m in c.children if m.dep_ in {"amod", "compound", "poss"} for k in r.actors(m, {"Country"})]
    if not subjects:  # "Zenda ordered frigates from X. It also buys jets from Y": the last sentence's subject
        subjects = [k for c in verb.children if c.dep_ == "nsubj" and c.lower_ == "it" for k in _previous_subject(r, c)]
    if not subjects and verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in {"which", "that"} for c in verb.children):
        subjects = r.actors(verb.head)  # "Nigeria, which supplies most of Niger's electricity"
    if not subjects and verb.dep_ == "conj":  # "X is building a plant … and will supply the army"
        subjects = [k for c in verb.head.children if c.dep_ == "nsubj" for k in r.actors(c)]
    # "Romania signed a contract to buy howitzers from X" (the parse may hang the infinitive as a relative clause)
    if not subjects and (verb.dep_ in {"acl", "xcomp"} or verb.dep_ in {"advcl", "relcl"} and any(c.lower_ == "to" for c in verb.children)):
        subjects = r.actors(_governing_subject(verb))
    others: list[str] = []
    wanted = {"to"} if lemma in SELL_VERBS else {"from"} if lemma in BUY_VERBS else {"on"}
    for prep in _trade_preps(verb, wanted):
        others += [k for p in prep.children if p.dep_ == "pobj" for k in _trade_party(r, p, lemma in SELL_VERBS)]
    for child in verb.children:
        if child.dep_ == "dobj" and lemma in BUY_VERBS:  # "buys Russian crude"
            others += [k for m in child.children if m.dep_ in {"amod", "compound"} for k in r.actors(m)]
            others += _goods_party(r, child, MAKE_VERBS)  # "imports most of the steel made by Y"
        elif child.dep_ == "dobj" and lemma in SELL_VERBS and not r.actor(child):
            # "supplies most of China's imported ore", "supplies China's needs": the owner buys
            heads = [child] + [p for c in child.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            others += [k for h in heads for m in h.children if m.dep_ == "poss" for k in _owner(r, m, subjects)]
            others += _goods_party(r, child, USE_VERBS)  # "supplies much of the ore used in Y's mills"
    if lemma in RELY_VERBS and not any(c.lower_ == "for" for c in verb.children):
        return
    if lemma in SELL_VERBS and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        # "Japan supplied the Philippines with patrol vessels": the object is the buyer
        others += [k for c in verb.children if c.dep_ == "dobj" for k in r.referents(c)]
    partners = [k for k in _deal_partners(r, verb) if k not in subjects]
    if lemma in SELL_VERBS:
        others += partners  # "signed a deal with Y to supply gas": Y buys
    elif lemma in BUY_VERBS and not others:
        others = partners  # "signed a deal with Y to buy gas": Y sells
    suppliers, buyers = (subjects, others) if lemma in SELL_VERBS else (others, subjects)
    r.add_all(suppliers, "suppliesTo", buyers, verb.sent)
    # "Algeria's Sonatrach will supply Italy's Eni", "buy from South Korea's Hanwha": the countries trade too
    if any(r.type_of(k) == "Organization" for k in suppliers + buyers):
        r.add_all(_countries_of(r, suppliers), "suppliesTo", _countries_of(r, buyers), verb.sent)


def _misread_trade_verb(r: _Reader, word: Token, lemma: str) -> bool:
    """"Zenda imports gas from Marda", "Zenda sells coal to Y and imports fuel from Marda": the parse may read
    the verb as a noun, the subject of the next word or conjoined to the first verb with an object of its
    own; the trader and the other side are still where a verb would have them. Whether it was read so."""
    doc = word.doc
    if word.dep_ == "conj" and word.head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in word.children):
        traders = [k for c in word.head.children if c.dep_ == "nsubj" for k in r.actors(c)]
        verb = word
    elif word.dep_ == "nsubj" and word.head.pos_ == "VERB" and word.i > 0 and doc[word.i - 1].dep_ == "compound" \
            and doc[word.i - 1].head.i == word.i:
        traders, verb = r.actors(doc[word.i - 1]), word.head  # "Zenda imports liquefied gas from Marda"
    else:
        return False
    selling = lemma in SELL_VERBS
    others = [k for prep in _trade_preps(verb, {"to"} if selling else {"from"})
              for p in prep.children if p.dep_ == "pobj" for k in _trade_party(r, p, selling)]
    suppliers, buyers = (traders, others) if selling else (others, traders)
    r.add_all(suppliers, "suppliesTo", buyers, word.sent)
    return bool(traders and others)


def _previous_subject(r: _Reader, token: Token) -> list[str]:
    """The countries or organisations that are the subject of the sentence before ``token``'s, for a sentence-opening "it"."""
    if token.i != token.sent.start or token.sent.start == 0:
        return []
    before = r.doc[token.sent.start - 1].sent
    return [k for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"} for k in r.actors(c)]


DEAL_VERBS = {"sign", "agree", "conclude", "reach", "strike", "ink"}


# "Y has chosen X to build its frigates", "Y picks X to supply jets": the one chosen supplies the chooser
CHOOSE_VERBS = {"choose", "pick", "select", "hire", "tap", "award"}
MAKE_FOR_VERBS = {"build", "make", "supply", "deliver", "provide", "produce", "manufacture"}


def _chosen_supplier(r: _Reader, verb: Token) -> None:
    if not any(c.dep_ == "xcomp" and c.lemma_.lower() in MAKE_FOR_VERBS for c in verb.children):
        return
    buyers = [k for c in verb.children if c.dep_ == "nsubj" for k in r.referents(c)]
    suppliers = [k for c in verb.children if c.dep_ == "dobj" for k in r.actors(c)]
    r.add_all(suppliers, "suppliesTo", buyers, verb.sent)
    if any(r.type_of(k) == "Organization" for k in suppliers + buyers):  # "picks Japan's Acme": Japan supplies too
        r.add_all(_countries_of(r, suppliers), "suppliesTo", _countries_of(r, buyers), verb.sent)


def _trade_preps(verb: Token, wanted: set[str]) -> list[Token]:
    """The prepositions naming the other side of a trade: on the verb, or on its object where the parse
    hangs them ("buys most of its oil from X"), and those conjoined ("from X and from its joint venture Y")."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    heads += [p for h in heads[1:] for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    preps = [c for h in heads for c in h.children if c.lower_ in wanted
             and (c.dep_ in {"prep", "dative"} or c.dep_ == "conj" and c.pos_ == "ADP")]
    preps += [c for p in preps for c in p.conjuncts if c.pos_ == "ADP" and c.lower_ in wanted]
    return list(dict.fromkeys(preps))


def _trade_party(r: _Reader, pobj: Token, buying: bool) -> list[str]:
    """Who a trade goes to or comes from: "to India", "from its joint venture Acme" (the apposition names it),
    and for sales "to the Chinese market", "to Indian buyers" (the market's country buys)."""
    found = r.actors(pobj) or [k for a in pobj.children if a.dep_ == "appos" for k in r.actors(a, {"Organization"})]
    if not found and buying and pobj.lemma_.lower() in BUYER_NOUNS:
        found = [k for m in pobj.children if m.dep_ in {"amod", "compound", "poss"} for k in r.actors(m)]
        # "to buyers in X and Y": the countries the buyers are in
        found = found or [k for p in pobj.children if p.dep_ == "prep" and p.lower_ == "in"
                          for q in p.children if q.dep_ == "pobj" for k in r.actors(q, {"Country"})]
    if not found and buying and pobj.lemma_.lower() in REGION_WORDS:
        # "supplies power to Ruritania's Zenda province": the country that owns the region buys
        found = [k for m in pobj.children if m.dep_ == "poss" for k in r.actors(m, {"Country"})]
    return found


def _goods_party(r: _Reader, dobj: Token, verbs: set[str]) -> list[str]:
    """The other side named in a participle on the goods: "(supplies) most of the gas used in Y's plants",
    "(imports) much of the steel made by Y's mills", "the wheat consumed by Y"."""
    heads = [dobj] + [p for c in dobj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    found: list[str] = []
    for clause in (c for h in heads for c in h.children if c.dep_ == "acl" and c.lemma_.lower() in verbs):
        for prep in (c for c in clause.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"in", "by"}):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found += r.actors(pobj) or [
                    k for m in pobj.children if m.dep_ in {"amod", "compound", "poss"} for k in r.actors(m)]
    return found


def _owner(r: _Reader, poss: Token, subjects: list[str]) -> list[str]:
    """The owner a possessive names; "its" is the subject of an earlier clause of the sentence, not the
    verb's own ("Ruritania buys its oil from X, and Y supplies most of its weapons")."""
    if poss.lower_ != "its":
        return r.actors(poss)
    for t in reversed(poss.sent[: poss.i - poss.sent.start]):
        if t.dep_ in {"nsubj", "nsubjpass"}:
            found = [k for k in r.actors(t) if k not in subjects]
            if found:
                return found[:1]
    return []


def _trade_flow(r: _Reader, noun: Token, lemma: str) -> None:
    """"Ruritania's exports to Y", "Russian gas deliveries to Y", "deliveries from X to Y", "its imports from X":
    the owner of the flow is the buyer of imports and the seller of anything else. A from-phrase the parse
    hangs on the verb of which the flow is the object counts ("cut its fuel imports from X")."""
    preps = [c for c in noun.children if c.dep_ == "prep"]
    # "purchase of jets from X", "deliveries of gas to Y": the parse may hang them on the goods
    preps += [c for g in _of_objects(noun) for c in g.children if c.dep_ == "prep" and c.lower_ in {"from", "to"}]
    if noun.dep_ == "dobj":
        preps += [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "from"]
    named = {w: [k for p in preps if p.lower_ == w for c in p.children if c.dep_ == "pobj" for k in r.actors(c)]
             for w in ("from", "to")}
    owners = [k for c in noun.children if c.dep_ == "poss" for k in _owner(r, c, [])]
    owners += [k for c in noun.children if c.dep_ in {"amod", "compound"} for k in r.actors(c)]
    # "imports of Russian oil": the goods' origin sells them
    # "deliveries of Ruritania's wheat": the goods' owner too
    origin = [k for p in preps if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"
              for m in c.children if m.dep_ in {"amod", "compound", "poss"} for k in r.actors(m)]
    if lemma in {"import", "purchase"}:
        r.add_all(named["from"] or origin, "suppliesTo", owners, noun.sent)
    else:
        r.add_all(named["from"] or owners or origin, "suppliesTo", named["to"], noun.sent)


def _governing_subject(verb: Token) -> Token | None:
    """The subject of the clause an infinitive hangs from: "Romania signed a contract to buy …"."""
    node = verb
    for _ in range(3):
        node = node.head
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        # "Zenda's state company Acme signed …": the parse may give the clause two subjects, the name one of them
        subject = next((c for c in subjects if c.ent_type_), subjects[0] if subjects else None)
        if subject is not None or node.head.i == node.i:
            return subject
    return None


def _deal_partners(r: _Reader, verb: Token) -> list[str]:
    """Who a deal is signed with, when the trade is its purpose: "X signed a deal with Y to supply gas to Z"."""
    if verb.dep_ not in {"advcl", "acl", "xcomp"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    signing = verb.head.head if verb.dep_ == "acl" else verb.head
    if signing.lemma_.lower() not in DEAL_VERBS:
        return []
    heads = [signing, *(c for c in signing.children if c.dep_ == "dobj")]
    return [k for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
            for p in c.children if p.dep_ == "pobj" for k in r.actors(p)]


def _countries_of(r: _Reader, keys: list[str]) -> list[str]:
    """Countries among ``keys``, and the owners of its organisations by a possessive ("Italy's Eni")."""
    found = []
    for key in keys:
        if r.type_of(key) == "Country":
            found.append(key)
            continue
        for t in r.doc:
            if r.keys.get(t.i) == key:
                found += [r.actor(c, {"Country"}) for c in t.children if c.dep_ == "poss"]
    return [k for k in dict.fromkeys(found) if k]


def _member(r: _Reader, token: Token) -> None:
    if token.lemma_.lower() == "join" and token.pos_ == "VERB":
        countries = [k for c in token.children if c.dep_ == "nsubj" for k in r.actors(c, {"Country"})]
        if not countries and token.dep_ == "relcl":  # "Bolivia, which joined the bloc"
            countries = r.actors(token.head, {"Country"})
        if not countries and token.dep_ == "conj":  # "Zenda is not a member of X but joined Y in 2012"
            countries = [k for c in token.head.children if c.dep_ == "nsubj" for k in r.actors(c, {"Country"})]
        orgs = [k for c in token.children if c.dep_ == "dobj" for k in r.referents(c, {"Organization"})]
        r.add_all(countries, "memberOf", orgs, token.sent)
        return
    if token.pos_ != "NOUN":
        return
    if token.head.lower_ == "as" and token.head.head.lemma_.lower() in ADMIT_VERBS:
        _admitted(r, token.head.head)
        return
    orgs = [k for c in token.children if c.dep_ == "compound" for k in r.actors(c, {"Organization"})]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            orgs += [k for p in child.children for k in r.referents(p, {"Organization"})]
    clause = token.head
    if not orgs and clause.dep_ == "relcl" and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(w.lower_ == "which" for w in c.children) for c in clause.children):
        orgs = r.actors(clause.head, {"Organization"})  # "the X Court, of which Zenda is a member"
    listed = [k for c in token.children if c.dep_ in {"appos", "npadvmod"} for k in r.actors(c, {"Country"})]
    if token.tag_ == "NNS" and token.i + 1 < len(r.doc) and not listed:
        # "members Norway and Denmark": the parse may hang the names off the verb
        listed = r.actors(r.doc[token.i + 1], {"Country"})
    if not orgs and any(c.lower_ == "fellow" for c in token.children):
        # "fellow members Uruguay and Paraguay": members of the bloc just talked about
        orgs = [k for k in [_last_organization(r, token.left_edge)] if k]
    if not orgs and token.tag_ == "NNS" and listed:
        # "the three Baltic members, A, B and C": of the one bloc named in the document they all belong to
        orgs = _bloc_of_all(r, listed)
    if not orgs:
        return
    countries = r.actors(_subject(token), {"Country"}) or _both_countries(r, _subject(token))
    countries += listed
    if token.dep_ == "appos":  # "Poland, a member of NATO since 1999", "the country, a member of …"
        countries += r.referents(_before_comma(token), {"Country"})
    if not countries and token.head.dep_ == "compound":  # "NATO member Turkey"
        countries = r.actors(token.head.head, {"Country"})
    r.add_all(countries, "memberOf", orgs, token.sent)


def _bloc_of_all(r: _Reader, countries: list[str]) -> list[str]:
    """The one organisation named in the document whose known members include all ``countries``."""
    gaz = load_gazetteer()
    codes = {dict(r.entities[k].gaz.ids).get("iso3166") if r.entities[k].gaz else None for k in countries}
    if None in codes:
        return []
    blocs = [k for k, local in r.entities.items() if local.entity.type == "Organization" and codes <= gaz.members(k)]
    return blocs if len(blocs) == 1 else []


def _belongs_to(r: _Reader, verb: Token) -> None:
    """"Ruritania already belongs to the 27-nation bloc": a country belonging to an organisation is a member."""
    countries = [k for c in verb.children if c.dep_ == "nsubj" for k in r.actors(c, {"Country"}) or _both_countries(r, c)]
    if not countries and verb.dep_ == "relcl":  # "Ruritania, which belongs to the alliance"
        countries = r.actors(verb.head, {"Country"})
    orgs = [k for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
            for p in c.children if p.dep_ == "pobj" for k in r.referents(p, {"Organization"})]
    r.add_all(countries, "memberOf", orgs, verb.sent)


# "A, B and C formed the Zenda Alliance": the founders of a bloc are its members
FOUND_VERBS = {"form", "found", "establish", "create", "launch"}
# words in a bloc's own name ("the Alliance of Zenda States"): a company formed by countries is no bloc they belong to
BLOC_NAME_WORDS = {"alliance", "union", "community", "organisation", "organization", "association", "league", "council",
                   "pact", "forum", "group", "bloc", "commonwealth", "cooperation", "partnership", "confederation"}


def _founded(r: _Reader, verb: Token) -> None:
    countries = [k for c in verb.children if c.dep_ == "nsubj" for k in r.actors(c, {"Country"}) or _both_countries(r, c)]
    orgs = [k for c in verb.children if c.dep_ == "dobj" for k in r.actors(c, {"Organization"})
            if BLOC_NAME_WORDS & {w.lower() for w in r.entities[k].entity.label.split()}]
    r.add_all(countries, "memberOf", orgs, verb.sent)


# "the Zenda Pact, a grouping that also includes A, B and C", "the bloc, which comprises A and B"
INCLUDE_VERBS = {"include", "comprise"}


def _bloc_includes(r: _Reader, verb: Token) -> None:
    """An organisation, or a bloc word standing for or describing one, that includes countries has them as members."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and any(c.lower_ in {"which", "that"} for c in subjects):
        subjects = [verb.head]
    orgs: list[str] = []
    for subject in subjects:
        orgs += r.actors(subject, {"Organization"})
        if not orgs and subject.lemma_.lower() in BLOC_WORDS | {"group"}:
            described = subject.head if subject.dep_ == "appos" else None  # "the Zenda Pact, a grouping that …"
            orgs += r.actors(described, {"Organization"}) or r.referents(subject, {"Organization"})
    countries = [k for c in verb.children if c.dep_ == "dobj" for k in r.actors(c, {"Country"})]
    r.add_all(countries, "memberOf", orgs, verb.sent)


# "the bank approved X and Y as new members", "X was admitted to the bloc as a member"
ADMIT_VERBS = {"admit", "approve", "accept", "welcome", "add", "induct"}


def _admitted(r: _Reader, verb: Token) -> None:
    """The countries a body takes in "as members": its objects (or passive subjects), the body its subject or "to" object."""
    orgs = [k for c in verb.children if c.dep_ == "nsubj" for k in _described(r, c, {"Organization"})]
    orgs += [k for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "into"}
             for p in c.children if p.dep_ == "pobj" for k in r.referents(p, {"Organization"})]
    countries = [k for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} for k in r.referents(c, {"Country"})]
    r.add_all(countries, "memberOf", orgs, verb.sent)


def _described(r: _Reader, noun: Token, types: set[str]) -> list[str]:
    """What a noun names, or for a common noun in apposition what it describes: "Acme, the lender …"
    (the parse may hang the apposition elsewhere, so the word before its comma counts)."""
    found = r.referents(noun, types)
    if found or r.keys.get(noun.i) is not None or noun.pos_ != "NOUN":
        return found
    if noun.dep_ == "appos":
        return r.referents(noun.head, types)
    return r.referents(_before_comma(noun), types)


def _before_comma(token: Token) -> Token | None:
    """The word an apposition follows ("the country" in "the country, a member of NATO"); parses often attach it elsewhere."""
    i = token.left_edge.i
    return token.doc[i - 2] if i >= 2 and token.doc[i - 1].text == "," else None


def _last_organization(r: _Reader, token: Token) -> str | None:
    """The organisation named last in the sentence of ``token`` or the two before."""
    first = token.sent.start
    for _ in range(2):
        if first > 0:
            first = r.doc[first - 1].sent.start
    return next((r.keys[t.i] for t in reversed(r.doc[first : token.i])
                 if r.keys.get(t.i) and r.type_of(r.keys[t.i]) == "Organization"), None)


# how many countries "the two countries", "all three nations" stand for
GROUP_SIZES = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _both_countries(r: _Reader, subject: Token | None) -> list[str]:
    """"Both countries", "the two nations", "all three countries": reading back a sentence at a time (up to three),
    the countries last named together ("A and B") or the only ones named so far; failing that, a group named
    together further back."""
    if subject is None or subject.lemma_.lower() not in {"country", "nation"} or subject.tag_ != "NNS":
        return []
    size = next((GROUP_SIZES[c.lower_] for c in subject.children if c.lower_ in GROUP_SIZES), None)
    if size is None:
        return []
    # when the story names some country again, the group meant is of countries it names more than once: the
    # story's own, not a group named in passing ("… and Peru sells copper to A and B. Both countries …")
    starts = [k for i, k in r.keys.items() if r.keys.get(i - 1) != k]
    repeated = any(starts.count(k) > 1 for k in starts if r.type_of(k) == "Country")

    def meant(group: list[str]) -> bool:
        return len(group) == size and (not repeated or all(starts.count(k) > 1 for k in group))

    first, end = subject.sent.start, subject.i
    for _ in range(4):
        window = [t for t in r.doc[first:end] if r.keys.get(t.i)]
        named = list(dict.fromkeys(k for t in window for k in r.actors(t, {"Country"})))
        group = next((r.actors(t, {"Country"}) for t in reversed(window) if meant(r.actors(t, {"Country"}))), None)
        if group or len(named) == size:  # "Zenda's emir … Ruritania's minister …. Both countries …"
            return group or named
        if len(named) > size or first == 0:
            break
        first = r.doc[first - 1].sent.start
    for t in reversed(r.doc[max(0, subject.i - 120) : subject.i]):
        group = r.actors(t, {"Country"}) if r.keys.get(t.i) else []
        if meant(group):
            return group
    return []


def _located_in_text(r: _Reader) -> None:
    """"X in Y" / "X, Y" where X is a place or city and Y a bigger place."""
    ents = [e for e in r.doc.ents if r.keys.get(e.start) in r.entities]
    rank = {"Place": 0, "City": 1, "Country": 2}
    for a, c, b in zip(ents, ents[1:], ents[2:]):
        # "X in Ruritania's Y province": X is in the country's region (the country itself is the gazetteer's)
        if [t.lower_ for t in r.doc[a.end : c.start]] == ["in"] and [t.text for t in r.doc[c.end : b.start]] in (["'s"], ["’s"]):
            if r.type_of(r.keys[c.start]) == "Country" and r.type_of(r.keys[b.start]) == "Place":
                if r.type_of(r.keys[a.start]) in {"Place", "City"}:
                    _add_within(r, r.keys[a.start], r.keys[b.start], a.sent)
                    _add_within(r, r.keys[b.start], r.keys[c.start], a.sent)  # and the region in the country
    for a, b in zip(ents, ents[1:]):
        between = [t for t in r.doc[a.end : b.start] if t.lower_ != "the"]  # "the Troll field in the North Sea"
        if len(between) == 2 and between[0].lower_ == "in" and _is_direction(between[1]):
            between = between[:1]  # "X in northeastern Y"
        if len(between) != 1 or between[0].lower_ not in {"in", ","} or b.start - a.end > 3:
            continue
        ka, kb = r.keys[a.start], r.keys[b.start]
        ta, tb = r.type_of(ka), r.type_of(kb)
        if ta not in {"Place", "City"} or tb not in rank:
            continue
        if ta == "City" and tb == "City" or (ta == "Place" and tb == "Place" and between[0].text == ","):
            continue
        known = r.entities[ka].gaz
        if known is not None and tb == "Country" and dict(r.entities[kb].gaz.ids if r.entities[kb].gaz else ()).get("iso3166") != known.country:
            continue  # the gazetteer knows better where a known place is
        r.add(ka, "locatedIn", kb, a.sent)


COMPASS = ("north", "south", "east", "west")


def _is_direction(token: Token) -> bool:
    """"northern", "south-eastern", "northeast", "central": a part of the place named next."""
    word = token.lower_.replace("-", "")
    if word == "central":
        return True
    for end in ("ern", ""):
        stem = word[: len(word) - len(end)] if end and word.endswith(end) else word
        if stem in COMPASS or stem[:5] in {"north", "south"} and stem[5:] in {"east", "west"}:
            return True
    return False


def _located_in_phrase(r: _Reader) -> None:
    """"the Chinese port city of X", "X, a town in Y", "X, in the German state of Y"."""
    for ent in r.doc.ents:
        key = r.keys.get(ent.start)
        if r.type_of(key) not in {"City", "Place"}:
            continue
        root = ent.root
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS:
            kind = root.head.head
            for mod in (c for c in kind.children if c.dep_ in {"amod", "compound", "nmod"}):
                _add_within(r, key, r.actor(mod, {"Country"}), ent.sent)
        # ", in Y" right after the name, wherever the parse hangs it
        after = r.doc[ent.end : ent.end + 2]
        preps = [after[1]] if len(after) == 2 and after[0].text == "," and after[1].lower_ == "in" else []
        if preps and r.type_of(r.keys.get(ent.end + 2)) == "Country":
            # "X, in Ruritania's Y province": X is in the region, the region in the country
            country, region = r.keys.get(ent.end + 2), _place_after(r, ent.end + 2)
            if r.type_of(country) == "Country" and r.type_of(region) == "Place":
                _add_within(r, key, region, ent.sent)
                _add_within(r, region, country, ent.sent)
                continue
        preps += [p for a in root.children if a.dep_ == "appos" and a.lemma_.lower() in PLACE_NOUNS
                  for p in a.children if p.dep_ == "prep" and p.lower_ == "in"]
        for pobj in (c for p in preps for c in p.children if c.dep_ == "pobj"):
            if pobj.lemma_.lower() in PLACE_NOUNS:  # "in the German state of Lower Saxony", "in the Zenda region"
                named = [c for c in pobj.children if c.dep_ == "compound" and r.keys.get(c.i)]
                pobj = next(iter(_of_objects(pobj) + named), pobj)
            _add_within(r, key, r.keys.get(pobj.i), ent.sent)
        _add_within(r, key, _described_site_in(r, ent), ent.sent)
        _add_within(r, key, _near_place_in(r, ent), ent.sent)


def _region_of_country(r: _Reader) -> None:
    """"Zenda's northern Y region", "its Y province" (its: the country named before): the region is in the country."""
    for ent in r.doc.ents:
        key = r.keys.get(ent.start)
        if r.type_of(key) != "Place":
            continue
        # any word of the name may carry the owner (the parse splits a name like "Rio Grande do Sul"), or the region word after it
        heads = [*ent, *(t.head for t in ent if t.dep_ == "compound" and t.head.lemma_.lower() in REGION_WORDS)]
        for poss in (c for h in heads for c in h.children if c.dep_ == "poss" and c.i < ent.start):
            country = _referred_actor(r, poss) if poss.lower_ == "its" else r.actor(poss, {"Country"})
            if r.type_of(country) == "Country":
                _add_within(r, key, country, ent.sent)


# nouns that describe a building or site by what it is: "X, the ministry's headquarters in Y"
SITE_NOUNS = {"headquarters", "seat", "residence", "palace", "venue", "site", "complex", "base", "plant",
              "factory", "refinery", "airport", "museum", "building", "hall", "compound"}


def _described_site_in(r: _Reader, ent: Span) -> str | None:
    """"X, the ministry's headquarters in central Y": the place after a short description of X that ends
    with a site noun and "in" (read off the tokens: the parse often breaks such appositions)."""
    doc, j = r.doc, ent.end
    if j + 2 >= len(doc) or doc[j].text != ",":
        return None
    if doc[j + 1].lower_ in LOCATED_WORDS and doc[j + 2].lower_ == "in":  # "X, located in Y"
        return _place_after(r, j + 3)
    for k in range(j + 2, min(j + 8, len(doc) - 1)):
        t = doc[k]
        if t.is_punct and t.text not in {"'s", "’s"} or t.pos_ in {"VERB", "AUX", "PRON"} or r.keys.get(t.i):
            return None
        kind = doc[k - 1].lemma_.lower()
        if t.lower_ == "in" and kind in SITE_NOUNS:
            return _place_after(r, k + 1)
        if kind in SITE_NOUNS | PLACE_NOUNS | HUB_NOUNS and t.lower_ == "on":
            # "X, the industrial city on Y's north coast", "X, a naval base on Z island" (not "on the Y river")
            after = doc[k + 1 : min(k + 7, len(doc))]
            stop = next((a.i for a in after if a.is_punct and a.text not in {"'s", "’s"}), after.end)
            if any(a.lemma_.lower() in WATER_WORDS for a in doc[k + 1 : stop]):
                return None
            return _place_after(r, k + 1)
        if kind in SITE_NOUNS | PLACE_NOUNS | HUB_NOUNS and t.lower_ == "near":
            return _near_place_in(r, ent, k - 1)  # "X, a shipbuilding hub near Y in Z"
    return None


# what a place is described as, besides sites and settlements: "X, a shipbuilding hub near Y"
HUB_NOUNS = {"hub", "centre", "center", "enclave", "resort", "suburb"}
WATER_WORDS = {"river", "lake", "sea", "gulf", "bay", "ocean", "strait", "channel"}  # a town on a river or a sea is not in it


LOCATED_WORDS = {"located", "situated", "lying", "nestled"}


def _near_place_in(r: _Reader, ent: Span, j: int | None = None) -> str | None:
    """"X, near Y in northeastern Z", "X, near Y, Z": X is not in Y but in the country or region Y is in
    (``j``: the token before "near" when a description stands between: "X, a hub near Y in Z")."""
    doc, j = r.doc, ent.end if j is None else j
    if j + 2 >= len(doc) or (doc[j].text != "," and j == ent.end) or doc[j + 1].lower_ != "near":
        return None
    near = r.keys.get(j + 2)
    if r.type_of(near) not in {"City", "Place"}:
        return None
    k = j + 2
    while k < len(doc) and r.keys.get(k) == near:
        k += 1
    if k + 1 >= len(doc) or doc[k].lower_ not in {"in", ","}:
        return None
    outer = _place_after(r, k + 1)
    return outer if r.type_of(outer) in {"Country", "Place"} and outer != near else None


def _place_after(r: _Reader, i: int) -> str | None:
    """The place named from token ``i`` on: "central Y", "the Y", "Ruritania's Y region" (the region)."""
    doc = r.doc
    while i < len(doc) and (doc[i].pos_ == "DET" or doc[i].pos_ == "ADJ" and not r.keys.get(i)):
        i += 1
    key = r.keys.get(i) if i < len(doc) else None
    if r.type_of(key) not in {"City", "Place", "Country"}:
        return None
    end = i
    while end < len(doc) and r.keys.get(end) == key:
        end += 1
    if r.type_of(key) == "Country" and end + 1 < len(doc) and doc[end].text in {"'s", "’s"}:
        region = r.keys.get(end + 1)
        return region if r.type_of(region) == "Place" else key
    return key


def _add_within(r: _Reader, key: str, outer: str | None, sent: Span) -> None:
    rank = {"Place": 0, "City": 1, "Country": 2}
    inner_type, outer_type = r.type_of(key), r.type_of(outer)
    if outer is None or outer_type not in rank or outer_type == "City" and inner_type == "City":
        return
    known, outer_gaz = r.entities[key].gaz, r.entities[outer].gaz
    if known is not None and outer_type == "Country" and dict(outer_gaz.ids if outer_gaz else ()).get("iso3166") != known.country:
        return  # the gazetteer knows better where a known place is
    r.add(key, "locatedIn", outer, sent)


def _from_gazetteer(r: _Reader) -> None:
    """What the gazetteer knows about entities the document mentions together.

    A capital and its country in one document give ``capitalOf``; a region and
    its country ``locatedIn`` (a city's country is left to the text: "Chennai,
    India"); a country and an organisation it belongs to, named in one
    sentence, give ``memberOf``.
    """
    gaz = load_gazetteer()
    for key, local in r.entities.items():
        entry = local.gaz
        if entry is None or entry.type not in {"City", "Place"} or not entry.country:
            continue
        country = gaz.country_by_iso2(entry.country)
        if country is None or country.key not in r.entities:
            continue
        if entry.capital_of == entry.country:
            r.add(key, "capitalOf", country.key, None, method="gazetteer")
        elif entry.type == "Place":
            r.add(key, "locatedIn", country.key, None, method="gazetteer")
    for sent, indices in _entity_tokens_by_sentence(r):
        # in text order (a set would order the relations by the process's hash seed)
        keys = list(dict.fromkeys(r.keys[i] for i in indices if r.keys[i] in r.entities))
        orgs = [k for k in keys if r.type_of(k) == "Organization" and gaz.members(k)]
        # "wars in Zenda dominated the summit": a country named only as where something happens is no actor there
        where_only = {k for k in keys if all(_names_where(r.doc[i]) for i in indices if r.keys[i] == k)}
        for org in orgs:
            for country in (k for k in keys if k not in where_only):
                entry = r.entities[country].gaz
                if r.type_of(country) == "Country" and entry is not None and dict(entry.ids).get("iso3166") in gaz.members(org):
                    r.add(country, "memberOf", org, sent, method="gazetteer")


def _names_where(token: Token) -> bool:
    """Whether a token of a name sits in an "in …" phrase ("fighting in eastern Zenda")."""
    head = token
    while head.dep_ in {"compound", "amod", "flat", "conj"} and head.head.i != head.i:
        head = head.head  # "in Ruritania and eastern Zenda": the second place too
    return head.dep_ == "pobj" and head.head.lower_ == "in"


def _entity_tokens_by_sentence(r: _Reader) -> Iterator[tuple[Span, list[int]]]:
    """Each sentence with entity tokens, and their indices (without visiting every token)."""
    indices = sorted(r.keys)
    at = 0
    for sent in r.doc.sents:
        inside = []
        while at < len(indices) and indices[at] < sent.end:
            if indices[at] >= sent.start:
                inside.append(indices[at])
            at += 1
        if inside:
            yield sent, inside
