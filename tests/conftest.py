"""Shared fixtures: a tiny hand-made corpus and a store per registered backend."""

from __future__ import annotations

import pytest

from kg.model import Corpus, Document, Entity, Event, Extraction, Mention, Relation, Span
from kg.store import get_store, store_names

VISIT_TEXT = (
    "Putin to visit India. "
    "President Vladimir Putin will visit New Delhi on December 4-5, the Kremlin said. "
    "Modi and Putin last met at Novo-Ogarevo on July 8. "
    "Putin is the President of Russia."
)
CALL_TEXT = (
    "Modi calls Putin. "
    "Prime Minister Narendra Modi called Vladimir Putin in 2021. "
    "India and Russia signed the Declaration on Strategic Partnership in October 2000. "
    "Russia supplies oil to India, a BRICS member."
)


def _span(doc: Document, text: str) -> Span:
    start = doc.text.index(text)
    return Span(doc.id, text, start, start + len(text))


def _mentions(doc: Document, names: dict[str, str]) -> tuple[Mention, ...]:
    return tuple(Mention(key, name, _span(doc, name)) for key, name in names.items())


def make_corpus() -> Corpus:
    """Two documents, eight entities (all five classes), one event of each type
    with dates of all four datatypes, relations of all five kinds with roles,
    methods and evidence."""
    putin, modi = "person:vladimir-putin", "person:narendra-modi"
    india, russia, brics = "country:in", "country:ru", "organization:brics"
    delhi, moscow, ogarevo = "city:1261481", "city:524901", "place:novo-ogarevo"
    entities = (
        Entity(putin, "Person", "Vladimir Putin", aliases=("Putin", "President Vladimir Putin")),
        Entity(modi, "Person", "Narendra Modi", aliases=("Modi", "Prime Minister Narendra Modi")),
        Entity(india, "Country", "India", ids=(("iso3166", "IN"),)),
        Entity(russia, "Country", "Russia", ids=(("iso3166", "RU"),)),
        Entity(delhi, "City", "New Delhi", ids=(("geonamesId", "1261481"),)),
        Entity(moscow, "City", "Moscow", ids=(("geonamesId", "524901"),)),
        Entity(ogarevo, "Place", "Novo-Ogarevo"),
        Entity(brics, "Organization", "BRICS"),
    )
    visit_doc = Document(
        "004_acbfd2107952de65", VISIT_TEXT, title='Putin to visit "India"', published="2025-11-30",
        url="https://example.org/news?id=4&lang=en", source="seeds/004_acbfd2107952de65.txt",
    )  # fmt: skip
    call_doc = Document("003_5583154d1a544c15", CALL_TEXT, title="Modi calls Putin", source="seeds/003.txt")
    visit_sentence = _span(visit_doc, VISIT_TEXT.split(". ")[1] + ".")
    meeting_sentence = _span(visit_doc, "Modi and Putin last met at Novo-Ogarevo on July 8.")
    leader_sentence = _span(visit_doc, "Putin is the President of Russia.")
    call_sentence = _span(call_doc, "Prime Minister Narendra Modi called Vladimir Putin in 2021.")
    deal_sentence = _span(call_doc, "India and Russia signed the Declaration on Strategic Partnership in October 2000.")
    supply_sentence = _span(call_doc, "Russia supplies oil to India, a BRICS member.")
    visit = Extraction(
        visit_doc,
        mentions=_mentions(visit_doc, {putin: "Vladimir Putin", modi: "Modi", delhi: "New Delhi",
                                       ogarevo: "Novo-Ogarevo", russia: "Russia", india: "India"}),
        events=(
            Event("Visit", visit_doc.id, agent=putin, participants=(putin, modi), place=delhi,
                  date="2025-12-04", end_date="2025-12-05", status="planned", evidence=(visit_sentence,)),
            Event("Meeting", visit_doc.id, participants=(putin, modi), place=ogarevo, date="--07-08",
                  evidence=(meeting_sentence,)),
        ),
        relations=(
            Relation(putin, "leaderOf", russia, visit_doc.id, role="President", evidence=(leader_sentence,)),
            Relation(delhi, "capitalOf", india, visit_doc.id, method="gazetteer"),
            Relation(ogarevo, "locatedIn", russia, visit_doc.id, method="gazetteer"),
        ),
    )  # fmt: skip
    call = Extraction(
        call_doc,
        mentions=_mentions(call_doc, {modi: "Narendra Modi", putin: "Vladimir Putin", india: "India",
                                      russia: "Russia", brics: "BRICS"}),
        events=(
            Event("PhoneCall", call_doc.id, agent=modi, participants=(modi, putin), date="2021",
                  evidence=(call_sentence,)),
            Event("Agreement", call_doc.id, participants=(india, russia), date="2000-10",
                  name="Declaration on Strategic Partnership", evidence=(deal_sentence,)),
        ),
        relations=(
            Relation(russia, "suppliesTo", india, call_doc.id, evidence=(supply_sentence,)),
            Relation(india, "memberOf", brics, call_doc.id, evidence=(supply_sentence,)),
        ),
    )  # fmt: skip
    return Corpus(entities=entities, extractions=(visit, call))


@pytest.fixture
def corpus() -> Corpus:
    """A tiny hand-made corpus (see :func:`make_corpus`)."""
    return make_corpus()


@pytest.fixture(params=store_names())
def store(request):
    """An empty store of every registered backend; skipped when its dependency is missing."""
    try:
        backend = get_store(request.param)
    except ImportError as exc:
        pytest.skip(f"store {request.param!r} needs {exc.name}")
    yield backend
    backend.close()
