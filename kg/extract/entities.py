"""Entities: correct the small model's NER, then group mentions within a document.

Two steps:

- :func:`fix_entities` runs inside the spaCy pipeline (component
  ``kg_entity_rules``) and returns corrected ``doc.ents``.
- :func:`doc_entities` turns the corrected entities of a parsed document into
  :class:`kg.model.Entity` and :class:`kg.model.Mention` records, one entity per
  real-world thing *within* the document ("Putin" and "Vladimir Putin" are one
  person). Grouping across documents is :mod:`kg.resolve`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from spacy.tokens import Doc, Span, Token

from ..gazetteer import GazEntry, load_gazetteer
from ..keys import entity_key
from ..model import Entity, Mention
from ..model import Span as TextSpan
from ..data import data_lines
from ..nlp import titles

_KG_TYPE = {"PERSON": "Person", "ORG": "Organization", "GPE": "City", "LOC": "Place", "FAC": "Place"}
_SPACY_LABEL = {"Person": "PERSON", "Organization": "ORG", "Country": "GPE", "City": "GPE", "Place": "LOC"}
_DASHES = {"-", "–", "—"}
# head nouns of agreements; a name ending in one is a document, not an actor
AGREEMENT_NOUNS = {
    "agreement", "deal", "pact", "treaty", "accord", "declaration", "memorandum", "mou",
    "contract", "protocol", "charter", "convention", "document", "roadmap", "statement",
    "arrangement", "understanding", "communique", "partnership",
}
LOWERCASE_SITES = frozenset(
    "plant refinery field base temple airport port station dam mine terminal pipeline palace reactor "
    "shipyard cosmodrome shoal".split()
)
PRODUCT_NOUNS = frozenset(
    "jet jets fighter fighters missile missiles system systems launcher launchers tank tanks drone drones "
    "aircraft helicopter helicopters vaccine vaccines rifle rifles warship warships submarine submarines".split()
)
# region words that follow a name without being part of it (unlike "state" in "Free State")
REGION_NAME_WORDS = frozenset("province prefecture oblast".split())
REGION_WORDS = frozenset("state province region prefecture oblast county district territory".split())
ORG_WORDS = frozenset(
    "institute university ministry council commission committee bank party agency company corporation "
    "group association foundation forum authority department office court parliament".split()
)
NAME_PARTICLES = frozenset("von van der den de da del di du la le bin al el ibn dos das".split())
# "Vila do Conde", "Ciudad del Este", "Santiago de Compostela": the lowercase words inside a place's name
PLACE_PARTICLES = frozenset("de da do dos das del di du la le el los las".split())
TITLE_HEADS = frozenset(
    "minister secretary ambassador envoy spokesman spokeswoman spokesperson commissioner "
    "adviser advisor chief director governor".split()
)
# common nouns that introduce a company's name ("state energy company X", "utility X")
COMPANY_NOUNS = frozenset(
    "company firm group giant operator importer exporter producer utility lender carrier conglomerate "
    "supplier maker manufacturer insurer bank".split()
)
# titles only companies give: "X chief executive Jane Doe" names X's boss, so X is the company
COMPANY_TITLES = frozenset("ceo chairman chairwoman".split())
_POSSESSIVE = {"'s", "’s", "'", "’", "s"}
# first words of a natural feature's name ("Lake Baikal", "Mount Kenya", "Gulf of Aden")
FEATURE_STARTS = frozenset("lake mount mt mt. cape isle gulf sea bay strait".split())


@lru_cache(maxsize=1)
def _facility_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in data_lines("facility_heads.txt"))


@lru_cache(maxsize=1)
def _facility_starts() -> frozenset[str]:
    return frozenset(w.lower() for w in data_lines("facility_starts.txt"))


@lru_cache(maxsize=1)
def _not_entities() -> frozenset[str]:
    return frozenset(w.lower() for w in data_lines("not_entities.txt"))


def _trim(span: Span) -> Span | None:
    """Drop a leading "the", a trailing possessive and stray punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space
        # "meeting Starmer at Downing Street": the model can run a name into the next preposition
        or doc[end - 1].is_lower and doc[end - 1].pos_ in {"ADP", "CCONJ", "DET"}
    ):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_)


def title_before(doc: Doc, start: int) -> tuple[str | None, int]:
    """The title written just before token ``start`` ("Prime Minister") and where it starts."""
    known, _ = titles()
    best, best_start = None, start
    for length in (3, 2, 1):
        i = start - length
        if i < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[i:start])
        phrase = phrase.replace(" - ", "-")
        if phrase in known:
            best, best_start = doc[i:start].text, i
            break
    return best, best_start


# "the parliament elected X as prime minister": who makes X the leader (not "nominated", "proposed")
INSTALLING_VERBS = {"elect", "appoint", "name", "choose", "confirm", "swear", "install", "re-elect", "reelect"}
PASSIVE_AUX = {"was", "is", "were", "are", "has", "have", "been", "be"}


def title_after_as(doc: Doc, end: int) -> str | None:
    """The title in "… elected X as prime minister", "X was elected chancellor", "X was sworn in as
    president" (``end`` is where X ends), lower case."""
    i = end
    while i < len(doc) and doc[i].lower_ in PASSIVE_AUX:
        i += 1
    if i > end:  # "X was elected chancellor": the passive of an installing verb, then the title
        if i >= len(doc) or doc[i].lemma_.lower() not in INSTALLING_VERBS or doc[i].tag_ != "VBN":
            return None
        i += 1
        i += i < len(doc) and doc[i].lower_ == "in"  # "sworn in as"
        i += i < len(doc) and doc[i].lower_ == "as"
    elif i >= len(doc) or doc[i].lower_ != "as":
        return None
    else:
        i += 1
    known, _ = titles()
    for length in (3, 2, 1):
        phrase = " ".join(t.lower_ for t in doc[i : i + length]).replace(" - ", "-")
        if i + length <= len(doc) and phrase in known:
            return phrase
    return None


def _strip_title(span: Span) -> Span:
    """"President Vladimir Putin" → "Vladimir Putin" (the NER sometimes keeps the title)."""
    known, _ = titles()
    doc = span.doc
    start = span.start
    changed = True
    while changed and start < span.end - 1:
        changed = False
        for length in (3, 2, 1):
            phrase = " ".join(t.lower_ for t in doc[start : start + length])
            if start + length < span.end and phrase in known:
                start += length
                changed = True
                break
    return Span(doc, start, span.end, label=span.label_)


def _gaz_lookup(text: str) -> GazEntry | None:
    return load_gazetteer().lookup(text)


def fix_entities(doc: Doc, is_heading: Callable[[Span], bool]) -> tuple[Span, ...]:
    """Corrected entity spans for ``doc`` (non-entity labels such as DATE are kept)."""
    people: set[str] = set()
    fixed: list[Span] = []
    lowercase: frozenset[str] | None = None
    for ent in _facilities(doc):
        if ent.label_ not in _KG_TYPE and ent.label_ != "NORP":
            fixed.append(ent)
            continue
        span = _trim(ent)
        if span is None or "\n" in span.text or len(span.text) < 2:
            continue
        if span.label_ in {"GPE", "LOC"} and len(span) > 1 and span[-1].lower_ in REGION_NAME_WORDS and span[-2].text[:1].isupper():
            span = Span(doc, span.start, span.end - 1, label="GPE")  # "Ruritania province" as one span: as if the word followed
        if span.label_ in {"ORG", "GPE", "NORP"}:
            span, prefix = _titled_person(span)
            if prefix is not None:
                fixed.append(prefix)
        if span.text.lower() in _not_entities() or not any(t.text[:1].isupper() for t in span):
            continue
        gaz = _gaz_lookup(span.text)
        label = span.label_
        if gaz is not None and label in {"ORG", "PERSON"} and _minor_city(gaz) and not _said_to_be_a_town(span):
            gaz = None  # "Morena party": a town of that name is not what the model saw
        if gaz is not None and gaz.type == "Organization" and _first_name_after_title(span):
            span, gaz, label = Span(doc, span.start, span.end + 1), None, "PERSON"  # "President Opec Mensah" (an invented name)
        if label in {"GPE", "LOC", "FAC"} and (gaz is None or _minor_city(gaz)) and _speaks(span):
            gaz, label = None, "PERSON"  # "Mahama said": small towns and unknown places do not talk
        if gaz is None and label in {"ORG", "GPE"} and demonym_of(span) is not None:
            continue  # "French" tagged as an organisation
        if gaz is None and label == "ORG" and span.end < len(doc) and doc[span.end].lower_ in TITLE_HEADS:
            continue  # "Energy Minister X": part of a title, not an organisation
        if gaz is None and label == "ORG" and _ends_title(span):
            continue  # "Secretary of State X": the last word of a title
        if gaz is None and label != "PERSON" and _is_document_name(span):
            continue  # "the Abraham Accords", "Paris Agreement": a text, not an actor
        if gaz is None and span.end < len(doc) and doc[span.end].lower_ in PRODUCT_NOUNS:
            continue  # "Eurofighter Typhoon jets", "Patriot systems": products
        if gaz is None and span.root.dep_ == "compound" and span.root.head.lower_ in PRODUCT_NOUNS:
            continue  # "Patriot air defence systems"
        if gaz is None and label == "PERSON" and _named_company(span):
            label = "ORG"  # "state energy company X", "X chief executive Jane Doe"
        if gaz is None and label == "PERSON" and _demonym_before_title(span):
            continue  # "Tajik President X": the nationality, not a first name
        if gaz is None and len(span) == 1 and span[0].is_sent_start:
            lowercase = lowercase if lowercase is not None else _lowercase_words(doc)
            if span.text.lower() in lowercase:
                continue  # "Turnout was low …" and later "a turnout of": a common word opening a sentence
        region_next = span.end < len(doc) and doc[span.end].lower_ in REGION_WORDS  # "Ruritania's North Coast region"
        if gaz is None and label in {"ORG", "GPE", "LOC", "FAC"} and not region_next and _country_owned_name(span):
            lowercase = lowercase if lowercase is not None else _lowercase_words(doc)
            if not any(t.lower_ in lowercase for t in span):
                label = "PERSON"  # "Ruritania's Jane Doe": a country's own person, named in full
        # a one-word "person" that is a city stays a person ("Jackson"), unless the city is a capital ("the Honiara meeting")
        # or the words say it is a place ("the border city of X", "will travel to X")
        if gaz is not None and not (label == "PERSON" and gaz.type == "City" and len(span) == 1 and not gaz.capital_of
                                    and not _said_to_be_a_town(span)):
            label = _SPACY_LABEL[gaz.type]
        elif label != "NORP":
            title, _ = title_before(doc, span.start)
            if (title is not None or label == "ORG" and _titled_in_apposition(span)) and label != "PERSON":
                label = "PERSON"
            if len(span) > 1 and span[0].lower_ in _facility_starts() and span[1].text[:1].isupper():
                label = "FAC"  # "Palazzo Zenda", "Qasr Al Zenda": the model takes the site for a person
            if label == "PERSON":
                span = _with_regnal_number(_strip_title(span))
                if span.text.lower() in titles()[0]:
                    continue  # "Emir Sheikh": titles the model took for a name
                if _names_site(span):
                    label = "FAC"  # "the Akorda presidential palace"
            elif span[0].lower_ in FEATURE_STARTS and len(span) > 1:
                label = "LOC"
            elif len(span) > 1 and span[-1].lower_ in _facility_heads():
                label = "FAC"  # "Zenda House", not "the House" alone (a chamber)
            elif (
                label == "ORG" and span.root.dep_ == "pobj" and span.root.head.lower_ in {"at", "near"}
                and not any(t.lower_ in ORG_WORDS for t in span)
            ):
                label = "FAC"
            if is_heading(span.sent):
                continue  # heading fragments: only gazetteer names are trusted there
        if label == "GPE" and span.end < len(doc) and doc[span.end].lower_ in REGION_WORDS:
            label = "LOC"  # "Rio de Janeiro state", "Sichuan province"
        if label == "PERSON" and len(span) == 1 and span.root.dep_ == "pobj" and span.root.head.lower_ in {"in", "near"}:
            label = "GPE"  # "in Dornum": a place the gazetteer does not know
        if gaz is None and label in {"PERSON", "ORG"} and _described_as_town(span):
            label = "GPE"  # "Emden, in the German state of …", "Kollsnes, a village in Norway"
        span = Span(doc, span.start, span.end, label=label)
        if label == "PERSON":
            people.update(t.text for t in span if t.is_alpha and t.lower_ not in NAME_PARTICLES)
        fixed.append(span)
    fixed += _unlabelled_speakers(doc, fixed, people)
    fixed = _relabel_known_people(doc, fixed, people)
    return tuple(_joined_names(doc, _non_overlapping(fixed)))


# "the port city of X", "the town of X": the noun before "of" says X is a town
TOWN_NOUNS = frozenset("city town village port capital resort".split())
# "travel to X", "flew to X": only places are travelled to
TRIP_VERBS = frozenset("travel fly go head return drive sail".split())


def _said_to_be_a_town(span: Span) -> bool:
    """A name the gazetteer knows as a town, in words that make it one: "the city of X", "travel to X"."""
    doc, root = span.doc, span.root
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in TOWN_NOUNS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lemma_.lower() in TRIP_VERBS


def _first_name_after_title(span: Span) -> bool:
    """"President Opec Mensah" (an invented name): a one-word name the gazetteer knows as an organisation, between a title
    and an untagged surname, is a first name."""
    doc, end = span.doc, span.end
    if len(span) != 1 or end >= len(doc) or title_before(doc, span.start)[0] is None:
        return False
    after = doc[end]
    return after.pos_ == "PROPN" and after.is_title and after.is_alpha and not after.ent_type_ and span.root.dep_ == "compound"


def _plural_title(span: Span) -> bool:
    """"Heads of state", "Ministers of finance": the plural of a title ending "of …", taken for a name."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or not span[0].lower_.endswith("s"):
        return False
    return f"{singular(span[0].lower_)} of {doc[end + 1].lower_}" in titles()[0]


def _titled_person(span: Span) -> tuple[Span, Span | None]:
    """"Kazakh President Jane Doe" tagged as one organisation: the person after the title.

    Returns the span to keep and, when the words before the title name a
    country the gazetteer knows, that country as a span of its own.
    """
    known = titles()[0]
    doc = span.doc
    if _gaz_lookup(span.text) is not None:
        return span, None
    for i in range(span.start, span.end - 1):
        for length in (3, 2, 1):
            end = i + length
            if end >= span.end or " ".join(t.lower_ for t in doc[i:end]) not in known:
                continue
            rest = doc[end : span.end]
            if rest[-1].lower_ in _facility_heads() or not all(
                t.text[:1].isupper() and t.lower_ not in ORG_WORDS for t in rest if t.is_alpha
            ):
                continue  # "King Khalid International Airport"
            if i == span.start and len(rest) < 2 and doc[i].lower_ not in MONARCH_TITLES:
                continue  # "General Motors" (but "King Felipe" is a king)
            if i > span.start and _country_words(doc[span.start : i]) is None:
                continue
            named = _gaz_lookup(doc[span.start : i].text) if i > span.start else None
            prefix = Span(doc, span.start, i, label="GPE") if named is not None and named.type == "Country" else None
            return Span(doc, end, span.end, label="PERSON"), prefix
    return span, None


# titles a monarch's given name follows, alone or with a regnal number: "King Felipe VI"
MONARCH_TITLES = frozenset("king queen emperor empress pope sultan".split())
ROMAN_NUMERALS = frozenset("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI".split())


def _with_regnal_number(span: Span) -> Span:
    """"Felipe VI", "Juan Carlos I": a person's name takes the Roman numeral after it.

    A lone "I" is a numeral only before punctuation or "of" ("Juan Carlos I, in
    2007"), not before a verb ("… told Smith I would").
    """
    doc, end = span.doc, span.end
    if end >= len(doc) or doc[end].text not in ROMAN_NUMERALS:
        return span
    after = doc[end + 1] if end + 1 < len(doc) else None
    if doc[end].text == "I" and after is not None and not (after.is_punct or after.lower_ in {"of", "and"}):
        return span
    return Span(doc, span.start, end + 1, label=span.label_)


TOWN_WORDS = frozenset("city town village port".split())


def _described_as_town(span: Span) -> bool:
    """A name followed by where it lies: ", in the … state of Y", ", in Y", ", a town in Y"."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    if doc[end + 1].lower_ == "in":
        following = doc[end + 2 : end + 6]
        return any(t.ent_type_ in {"GPE", "LOC"} for t in following[:2]) or any(t.lower_ in REGION_WORDS for t in following)
    return any(c.dep_ == "appos" and c.lower_ in TOWN_WORDS for c in span.root.children)


def _ends_title(span: Span) -> bool:
    doc, known = span.doc, titles()[0]
    return any(" ".join(t.lower_ for t in doc[i : span.end]) in known for i in range(max(0, span.start - 3), span.start))


def _titled_in_apposition(span: Span) -> bool:
    """"Jane Doe, Ruritania's president": an office in apposition makes a name a person."""
    heads = {t.split()[-1] for t in titles()[0]}
    return any(c.dep_ == "appos" and c.lower_ in heads and not c.ent_type_ for c in span.root.children)


def _country_words(words: Span) -> GazEntry | None:
    """The country that words name, themselves or as a demonym ("Kazakh")."""
    gaz = _gaz_lookup(words.text)
    if gaz is not None and gaz.type == "Country":
        return gaz
    return demonym_of(words)


def demonym_of(words: Token | Span) -> GazEntry | None:
    """The country that words name by its demonym: "Turkish", "Russians", "South Korean".

    A single word counts only where a demonym can stand: an adjective, a noun
    or a nationality (NORP) entity, not a verb or a preposition.
    """
    if isinstance(words, Token) and not (words.ent_type_ == "NORP" or words.pos_ in {"ADJ", "PROPN", "NOUN"}):
        return None
    return load_gazetteer().demonym(words.text)


def named_indirectly(entities: dict[str, LocalEntity], gaz: GazEntry) -> str:
    """``gaz``'s key, adding it to ``entities`` when the text names it only indirectly (by a demonym)."""
    if gaz.key not in entities:
        entities[gaz.key] = LocalEntity(Entity(gaz.key, gaz.type, gaz.label, ids=gaz.ids), gaz)
    return gaz.key


def _country_owned_name(span: Span) -> bool:
    """"Ruritania's Jane Doe": two or three capitalised words after a country's possessive.

    In news this construction names the country's leader or minister; companies
    in it ("Ruritania's State Bank") carry an organisation word or a common noun.
    """
    doc, start = span.doc, span.start
    if start < 2 or doc[start - 1].text not in _POSSESSIVE - {"s"} or not 2 <= len(span) <= 3:
        return False
    country = _gaz_lookup(doc[start - 2].text)
    return (
        country is not None and country.type == "Country"
        and all(t.is_alpha and t.is_title and t.lower_ not in ORG_WORDS for t in span)
        and span[-1].lower_ not in _facility_heads()
    )


def _named_company(span: Span) -> bool:
    """A name the model took for a person that a company noun or a company title goes with."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in COMPANY_NOUNS and doc[span.start - 1].pos_ == "NOUN":
        return True
    after = [t.lower_ for t in doc[span.end : span.end + 2]]
    return bool(after) and (after[0] in COMPANY_TITLES or after == ["chief", "executive"])


def _demonym_before_title(span: Span) -> bool:
    doc = span.doc
    return (
        len(span) == 1 and span.end < len(doc) and doc[span.end].lower_ in titles()[0]
        and demonym_of(span) is not None
    )


def _names_site(span: Span) -> bool:
    """A one-word "name" that modifies a site noun ("the X presidential palace") names that site."""
    head = span.root.head
    return (
        len(span) == 1 and span.root.dep_ in {"compound", "nmod"} and head.i >= span.end
        and (head.lower_ in LOWERCASE_SITES or head.lower_ in _facility_heads())
        and span.start > 0 and span.doc[span.start - 1].lower_ == "the"
    )


def _facilities(doc: Doc) -> list[Span]:
    """``doc.ents`` with proper-noun runs ending in a facility word made one place.

    "the Grand Kremlin Palace" is one facility even when the gazetteer has
    already tagged "Kremlin" inside it.
    """
    heads, known_titles = _facility_heads(), titles()[0]
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
        # the facility word may be a common noun ("Power Plant", "the Olmeca refinery")
        end = j
        if i < j < len(doc) and doc[j].text[:1].isupper() and doc[j].lower_ in heads:
            end = j + 1
        elif i < j < len(doc) and doc[j].lower_ in LOWERCASE_SITES and _gaz_lookup(doc[i:j].text) is None:
            end = j + 1
        if end - i >= 2 and doc[end - 1].lower_ in heads and doc[i].lower_ not in known_titles:
            # "the Chengdu Research Base of Giant Panda Breeding"
            if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].pos_ == "PROPN":
                end += 1
                while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                    end += 1
            runs.append(Span(doc, i, end, label="FAC"))
        i = max(end, i + 1)
    runs += _uppercase_places(doc, {t for run in runs for t in range(run.start, run.end)})
    runs += _names_with_particles(doc, {t for run in runs for t in range(run.start, run.end)})
    if not runs:
        return list(doc.ents)
    taken = {t for run in runs for t in range(run.start, run.end)}
    kept = [e for e in doc.ents if not any(t in taken for t in range(e.start, e.end))]
    return sorted(kept + runs, key=lambda s: s.start)


HUMAN_VERBS = frozenset(
    "say tell add visit travel meet call phone sign announce urge warn praise arrive speak "
    "insist argue claim reply respond vow pledge promise welcome host accuse criticise criticize".split()
)


# verbs of saying: their subject is a person or an institution, not a town
SPEECH_VERBS = frozenset("say tell add insist argue claim reply respond vow pledge promise warn urge accuse".split())


def _speaks(span: Span) -> bool:
    return span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in SPEECH_VERBS


def _unlabelled_speakers(doc: Doc, spans: list[Span], people: set[str]) -> list[Span]:
    """A proper name the model left untagged, as subject of "said", "visited"…, is a person."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for token in doc:
        if token.dep_ != "nsubj" or token.pos_ != "PROPN" or token.i in covered or not token.text[:1].isupper():
            continue
        if token.head.lemma_.lower() not in HUMAN_VERBS:
            continue
        start = min([c.i for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token.i])
        span = Span(doc, start, token.i + 1, label="PERSON")
        if any(i in covered for i in range(span.start, span.end)) or _gaz_lookup(span.text) is not None:
            continue
        if _starts_with_title(span) or span.text.lower() in _not_entities() or _plural_title(span):
            continue
        people.update(t.text for t in span)
        out.append(span)
    return out


def _starts_with_title(span: Span) -> bool:
    """"Prime Minister" left untagged before a tagged name: a title of one to three words, not a name."""
    known = titles()[0]
    return any(" ".join(t.lower_ for t in span[:n]) in known for n in (1, 2, 3) if n <= len(span))


def _lowercase_words(doc: Doc) -> frozenset[str]:
    """The words the document writes in lower case somewhere."""
    return frozenset(t.text for t in doc if t.is_lower and t.is_alpha)


def singular(word: str) -> str:
    """"accords" → "accord" (enough for matching head nouns)."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _is_document_name(span: Span) -> bool:
    last = span[-1].lower_
    return span[-1].text[:1].isupper() and (singular(last) in AGREEMENT_NOUNS or last in {"act", "law", "resolution"})


def _names_with_particles(doc: Doc, taken: set[int]) -> list[Span]:
    """"Anna van der Berg", "Marco da Costa e Silva": one person across the particles;
    "Vila do Conde": one place."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in {"PERSON", "GPE", "LOC"} or ent.start in taken:
            continue
        particles = NAME_PARTICLES if ent.label_ == "PERSON" else PLACE_PARTICLES
        start, end = ent.start, ent.end
        while end > start and doc[end - 1].lower_ in particles:
            end -= 1  # the model sometimes stops inside the particles
        j = end
        while j < len(doc) and doc[j].lower_ in particles and doc[j].is_lower:
            j += 1
        if j > end and j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
                j += 1
            out.append(Span(doc, start, j, label=ent.label_))
    return out


def _minor_city(entry: GazEntry) -> bool:
    return entry.type == "City" and not entry.capital_of and (entry.population or 0) < 1_000_000


def _uppercase_places(doc: Doc, taken: set[int]) -> list[Span]:
    """Datelines in capitals ("KUALA LUMPUR —") name the place the gazetteer knows."""
    out = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].is_alpha and doc[j].is_upper and len(doc[j]) > 1:
            j += 1
        if j > i and sum(len(t) for t in doc[i:j]) > 4 and not taken & set(range(i, j)):
            gaz = _gaz_lookup(doc[i:j].text.title())
            if gaz is not None and gaz.type in {"City", "Country", "Place"}:
                out.append(Span(doc, i, j, label=_SPACY_LABEL[gaz.type]))
        i = max(j, i + 1)
    return out


def _relabel_known_people(doc: Doc, spans: list[Span], people: set[str]) -> list[Span]:
    """A name used for a person elsewhere in the document is that person here too.

    Fixes "Modi" tagged as a place, and finds the names in "the Modi–Putin
    meeting" that the model tags as one facility or misses.
    """
    out: list[Span] = []
    covered: set[int] = set()
    for span in spans:
        names = [t for t in span if t.text in people]
        gaz = _gaz_lookup(span.text)
        minor = gaz is None or (gaz.type in {"City", "Place"} and _minor_city(gaz) or gaz.type == "Place" and gaz.country)
        if span.label_ in {"GPE", "ORG", "FAC", "LOC", "NORP"} and names and minor:
            if gaz is None and _first_names_of(span, people):
                out.append(Span(doc, span.start, span.end, label="PERSON"))  # "Gustavo Petro met …", later "Petro"
                covered.update(range(span.start, span.end))
                continue
            if all(t.text in people or t.text in _DASHES or t.lower_ in {"and", "&"} for t in span):
                for t in names:
                    out.append(Span(doc, t.i, t.i + 1, label="PERSON"))
                    covered.add(t.i)
                continue
        out.append(span)
        covered.update(range(span.start, span.end))
    for token in doc:
        # the model may tag a sentence-opening surname as a common noun ("Starmer is expected to …")
        if token.i not in covered and token.text in people and (token.pos_ == "PROPN" or token.is_title and token.pos_ == "NOUN"):
            out.append(Span(doc, token.i, token.i + 1, label="PERSON"))
    return out


def _first_names_of(span: Span, people: set[str]) -> bool:
    """"Gustavo Petro" tagged as an organisation while "Petro" alone is a person: a full name.

    Two or three capitalised words ending in that surname, none of them an
    organisation word, are the person's first names and surname.
    """
    if 2 <= len(span) <= 3 and span[-1].text in people:
        return all(t.is_alpha and t.is_title and t.lower_ not in ORG_WORDS for t in span)
    # with name particles the known name may sit inside: "Luiz Inacio Lula da Silva", later "Lula"
    particles = [t for t in span if t.is_lower and t.lower_ in NAME_PARTICLES]
    return (
        bool(particles) and len(span) <= 6 and span[-1].is_title and any(t.text in people for t in span)
        and all(t in particles or t.is_alpha and t.is_title and t.lower_ not in ORG_WORDS for t in span)
    )


def _joined_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Ana Maria" + "Silva Costa": two people's names with nothing between them are one long name;
    "Communist Party" + "of" + "Ruritania": a body named after its country (the model cut it at "of")."""
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None and last.label_ == span.label_ == "PERSON" and last.end == span.start
            and len(last) + len(span) <= 6 and all(t.is_title or t.lower_ in NAME_PARTICLES for t in span)
        ):
            out[-1] = Span(doc, last.start, span.end, label="PERSON")
        elif (
            last is not None and last.label_ == "ORG" and span.label_ == "GPE" and last.end + 1 == span.start
            and doc[last.end].lower_ == "of" and last[-1].lower_ in ORG_WORDS and _gaz_lookup(last.text) is None
            and (gaz := _gaz_lookup(span.text)) is not None and gaz.type == "Country"
        ):
            out[-1] = Span(doc, last.start, span.end, label="ORG")
        else:
            out.append(span)
    return out


def _non_overlapping(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out


@dataclass(frozen=True)
class LocalEntity:
    """An entity as first seen in one document, before cross-document resolution."""

    entity: Entity
    gaz: GazEntry | None


def span_gazetteer(span: Span) -> GazEntry | None:
    """The gazetteer entry an entity span names, if any.

    People are never looked up, and "Rio de Janeiro state" is not the city.
    """
    doc = span.doc
    if span.label_ == "PERSON" or (span.end < len(doc) and doc[span.end].lower_ in REGION_WORDS):
        return None
    return _gaz_lookup(span.text)


def kg_type(span: Span) -> str | None:
    """The kg class of an entity span, or None for labels kg does not keep."""
    gaz = span_gazetteer(span)
    return gaz.type if gaz is not None else _KG_TYPE.get(span.label_)


def _person_name(span: Span) -> str:
    return " ".join(span.text.split())


def doc_entities(doc: Doc, doc_id: str) -> tuple[dict[str, LocalEntity], list[Mention], dict[int, str]]:
    """Entities of one parsed document.

    Returns the entities by key, their mentions, and a map token index → key
    that the event and relation extractors use to read arguments.
    """
    spans = [s for s in doc.ents if kg_type(s) is not None]
    # full names first, so "Putin" can attach to "Vladimir Putin"
    full_names: dict[str, str] = {}
    for span in spans:
        if span.label_ == "PERSON" and len(span) > 1:
            name = _person_name(span)
            for token in span:
                if token.is_alpha and token.text[:1].isupper():
                    full_names.setdefault(token.text, name)
            full_names[name] = name
    entities: dict[str, LocalEntity] = {}
    surfaces: dict[str, list[str]] = {}
    mentions: list[Mention] = []
    token_keys: dict[int, str] = {}
    defined = _acronyms(doc, spans)
    for span in spans:
        long_form = defined.get(span.text)
        if long_form is not None and long_form.start != span.start:
            span = Span(doc, span.start, span.end, label=long_form.label_)  # "… Union (CDU) … the CDU": one body
        etype = kg_type(span)
        gaz = span_gazetteer(span if long_form is None else long_form)
        if long_form is not None and gaz is None:
            key, label = entity_key(etype, long_form.text), long_form.text
        elif gaz is not None:
            key, label = gaz.key, gaz.label
        elif etype == "Person":
            name = _person_name(span)
            label = full_names.get(name, name)
            if len(span) == 1 and span.text in full_names:
                label = full_names[span.text]
            key = entity_key("Person", label)
        else:
            label = span.text
            key = entity_key(etype, label)
        if key not in entities:
            ids = gaz.ids if gaz is not None else ()
            entities[key] = LocalEntity(Entity(key=key, type=etype, label=label, ids=ids), gaz)
        surfaces.setdefault(key, [])
        for form in _surface_forms(span):
            if form not in surfaces[key]:
                surfaces[key].append(form)
        mentions.append(Mention(key, span.text, TextSpan(doc_id, span.text, span.start_char, span.end_char)))
        for i in range(span.start, span.end):
            token_keys[i] = key
    out: dict[str, LocalEntity] = {}
    for key, local in entities.items():
        aliases = tuple(s for s in surfaces[key] if s != local.entity.label)
        entity = Entity(local.entity.key, local.entity.type, local.entity.label, aliases, local.entity.ids)
        out[key] = LocalEntity(entity, local.gaz)
    return out, mentions, token_keys


ACRONYM_SKIP = {"of", "for", "and", "the", "de", "du", "des", "la", "le", "&"}


def _acronyms(doc: Doc, spans: list[Span]) -> dict[str, Span]:
    """Short names a document defines: "the Christian Democratic Union (CDU)" → {"CDU": that span}.

    The letters in brackets must be capitals taken in order from the name, the first its first
    letter ("Association of Southeast Asian Nations (ASEAN)"); only organisations are named so.
    """
    found: dict[str, Span] = {}
    for span in spans:
        if span.label_ not in {"ORG", "NORP"} or span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
            continue
        short = doc[span.end + 1].text
        words = [t.text for t in span if t.lower_ not in ACRONYM_SKIP and t.text[:1].isupper()]
        if not (2 <= len(short) <= 6 and short.isalpha() and short.isupper()) or len(words) < 2 or short[0] != words[0][0]:
            continue
        letters = iter("".join(t.text for t in span).upper()[1:])  # "Movement for Change (MFC)"
        if all(ch in letters for ch in short[1:]) and short not in found:
            found[short] = span
    return found


def _surface_forms(span: Span) -> list[str]:
    """The span's text, and with its title when one is written before a person."""
    forms = [span.text]
    if span.label_ == "PERSON":
        title, start = title_before(span.doc, span.start)
        if title is not None and not title.lower().startswith(("mr", "mrs", "ms", "dr")):
            forms.append(span.doc[start : span.end].text.replace("then-", "").strip())
    return forms


def entity_at(token: Token) -> Span | None:
    """The entity span ``token`` is part of, if any.

    Read from the token's IOB tags: ``doc.ents`` would build every entity
    span of the document on each call.
    """
    if not token.ent_type:
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type)


def text_span(doc_id: str, span: Span) -> TextSpan:
    """A sentence or phrase as a plain record, surrounding white space trimmed."""
    text = span.text
    start = span.start_char + len(text) - len(text.lstrip())
    text = text.strip()
    return TextSpan(doc_id, text, start, start + len(text))
