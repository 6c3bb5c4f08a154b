"""kg.rdf: IRIs, date literals, the dataset layout of docs/graph.md, reading and writing files."""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import KgError
from kg.formats import FORMATS
from kg.model import Corpus, Document, Entity, Event, Extraction, Span
from kg.ontology import KG, KGR
from kg.rdf import (
    ENTITIES_GRAPH,
    corpus_to_dataset,
    document_counts,
    date_literal,
    document_iri,
    entity_iri,
    event_label,
    load_dataset,
    union_graph,
    write_corpus,
    write_dataset,
)

PUTIN = KGR["person/vladimir-putin"]
MODI = KGR["person/narendra-modi"]
DOC = KGR["doc/004-acbfd2107952de65"]


def quads(dataset) -> set:
    return set(dataset.quads((None, None, None, None)))


@pytest.mark.parametrize(
    ("key", "iri"),
    [
        ("person:vladimir-putin", "person/vladimir-putin"),
        ("country:IN", "country/in"),
        ("city:524901", "city/524901"),
        ("person:<script>alert(1)</script>", "person/script-alert-1-script"),
        ("place:a b#c?d", "place/a-b-c-d"),
    ],
)
def test_entity_iri_normalises_the_key(key, iri):
    assert entity_iri(key) == KGR[iri]


@pytest.mark.parametrize("key", ["vladimir-putin", ":x", "person:"])
def test_entity_iri_rejects_a_non_key(key):
    with pytest.raises(ValueError):
        entity_iri(key)


def test_document_iri():
    assert document_iri("004_acbfd2107952de65") == DOC


@pytest.mark.parametrize(
    ("value", "datatype"),
    [
        ("2025-12-04", XSD.date),
        ("2000-10", XSD.gYearMonth),
        ("2021", XSD.gYear),
        ("--07-08", XSD.gMonthDay),
        ("--02-29", XSD.gMonthDay),
        (" 2025-12-04 ", XSD.date),
    ],
)
def test_date_literal_picks_the_datatype(value, datatype):
    literal = date_literal(value)
    assert literal == Literal(value.strip(), datatype=datatype)


@pytest.mark.parametrize(
    "value", [None, "", "junk", "2025-13-01", "2025-02-30", "2025-1-5", "20255", "--13-01", "--02-30", "2025-00"]
)
def test_date_literal_rejects_junk(value):
    assert date_literal(value) is None


def test_entities_graph(corpus):
    entities = corpus_to_dataset(corpus).graph(ENTITIES_GRAPH)
    assert set(entities.predicate_objects(PUTIN)) == {
        (RDF.type, KG.Person),
        (RDFS.label, Literal("Vladimir Putin")),
        (SKOS.altLabel, Literal("Putin")),
        (SKOS.altLabel, Literal("President Vladimir Putin")),
        (KG.documentCount, Literal(2)),  # both documents mention him
    }
    assert (KGR["country/in"], KG.iso3166, Literal("IN")) in entities
    assert (KGR["city/1261481"], KG.geonamesId, Literal("1261481")) in entities
    assert len(set(entities.subjects(RDF.type, None))) == len(corpus.entities)


def test_document_counts_count_documents_not_mentions(corpus):
    first, second = corpus.extractions
    # a document that names Putin three times and an event of his counts once
    repeated = dataclasses.replace(first, mentions=first.mentions * 3)
    counts = document_counts([repeated, second])
    assert counts["person:vladimir-putin"] == 2
    assert counts == document_counts([first, second])
    only_call = corpus_to_dataset(dataclasses.replace(corpus, extractions=(second,))).graph(ENTITIES_GRAPH)
    assert (KGR["place/novo-ogarevo"], KG.documentCount, Literal(0)) in only_call  # described, mentioned by none
    custom = corpus_to_dataset(corpus, counts={"person:vladimir-putin": 7}).graph(ENTITIES_GRAPH)
    assert set(custom.objects(PUTIN, KG.documentCount)) == {Literal(7)}
    assert set(custom.objects(MODI, KG.documentCount)) == {Literal(0)}


def test_one_named_graph_per_document(corpus):
    dataset = corpus_to_dataset(corpus)
    named = {g.identifier for g in dataset.graphs() if len(g)}
    assert named == {ENTITIES_GRAPH, DOC, KGR["doc/003-5583154d1a544c15"]}
    graph = dataset.graph(DOC)
    assert (DOC, RDF.type, KG.Document) in graph
    assert (DOC, DCTERMS.identifier, Literal("004_acbfd2107952de65")) in graph
    assert (DOC, DCTERMS.date, Literal("2025-11-30", datatype=XSD.date)) in graph
    assert set(graph.objects(DOC, KG.mentions)) == {
        PUTIN, MODI, KGR["country/in"], KGR["country/ru"], KGR["city/1261481"], KGR["place/novo-ogarevo"]
    }  # fmt: skip


def test_event_labels(corpus):
    union = union_graph(corpus_to_dataset(corpus))
    labels = {str(union.value(e, RDFS.label)) for e in union.subjects(KG.status, None)}
    assert labels == {
        "Vladimir Putin visits New Delhi (2025-12-04)",
        "Meeting of Narendra Modi and Vladimir Putin at Novo-Ogarevo (--07-08)",
        "Narendra Modi calls Vladimir Putin (2021)",
        "Declaration on Strategic Partnership (2000-10)",
    }


@pytest.mark.parametrize(
    ("event", "label"),
    [
        (Event("Agreement", "d", participants=("country:in", "country:ru"), date="2000-10"),
         "Agreement between India and Russia (2000-10)"),
        (Event("PhoneCall", "d", participants=("person:a", "country:in")), "Phone call between Ann and India"),
        (Event("Visit", "d", participants=("person:a",)), "Visit by Ann"),
        (Event("Visit", "d", place="country:in"), "Visit to India"),
        (Event("Meeting", "d", participants=("person:a", "person:unknown")), "Meeting of Ann and unknown"),
    ],
)  # fmt: skip
def test_event_label_fallbacks(event, label):
    assert event_label(event, {"country:in": "India", "country:ru": "Russia", "person:a": "Ann"}) == label


def test_visit_triples(corpus):
    graph = corpus_to_dataset(corpus).graph(DOC)
    (visit,) = graph.subjects(RDF.type, KG.Visit)
    assert graph.value(visit, KG.agent) == PUTIN
    assert set(graph.objects(visit, KG.participant)) == {PUTIN, MODI}
    assert graph.value(visit, KG.place) == KGR["city/1261481"]
    assert graph.value(visit, KG.date) == Literal("2025-12-04", datatype=XSD.date)
    assert graph.value(visit, KG.endDate) == Literal("2025-12-05", datatype=XSD.date)
    assert graph.value(visit, KG.status) == Literal("planned")
    assert graph.value(visit, PROV.wasDerivedFrom) == DOC
    span = graph.value(visit, KG.evidenceSpan)
    assert str(span).startswith(str(KGR["span/"]))
    assert graph.value(span, KG.text) == graph.value(visit, KG.evidence)
    text = corpus.extractions[0].document.text
    start, end = graph.value(span, KG.startOffset).toPython(), graph.value(span, KG.endOffset).toPython()
    assert text[start:end] == str(graph.value(span, KG.text))


def test_relation_and_statement(corpus):
    graph = corpus_to_dataset(corpus).graph(DOC)
    assert (PUTIN, KG.leaderOf, KGR["country/ru"]) in graph
    (statement,) = graph.subjects(RDF.predicate, KG.leaderOf)
    assert graph.value(statement, RDF.type) == KG.Statement
    assert graph.value(statement, RDF.subject) == PUTIN
    assert graph.value(statement, RDF.object) == KGR["country/ru"]
    assert graph.value(statement, KG.role) == Literal("President")
    assert graph.value(statement, KG.method) == Literal("text")
    assert graph.value(statement, KG.evidence) == Literal("Putin is the President of Russia.")
    assert graph.value(statement, PROV.wasDerivedFrom) == DOC


def test_agent_is_always_a_participant():
    doc = Document("d", "Ann called.")
    event = Event("PhoneCall", "d", agent="person:a", evidence=(Span("d", "Ann called.", 0, 11),))
    corpus = Corpus((Entity("person:a", "Person", "Ann"),), (Extraction(doc, events=(event,)),))
    union = union_graph(corpus_to_dataset(corpus))
    assert set(union.objects(None, KG.participant)) == {KGR["person/a"]}


def test_iris_are_stable_across_builds(corpus):
    assert quads(corpus_to_dataset(corpus)) == quads(corpus_to_dataset(corpus))


def test_event_iri_ignores_participant_order(corpus):
    visit_doc = corpus.extractions[0]
    swapped = tuple(dataclasses.replace(e, participants=e.participants[::-1]) for e in visit_doc.events)
    reordered = dataclasses.replace(corpus, extractions=(dataclasses.replace(visit_doc, events=swapped),))
    original = dataclasses.replace(corpus, extractions=(visit_doc,))
    assert quads(corpus_to_dataset(reordered)) == quads(corpus_to_dataset(original))


def test_bad_types_are_rejected(corpus):
    with pytest.raises(ValueError):
        corpus_to_dataset(Corpus((Entity("thing:x", "Thing", "X"),)))
    with pytest.raises(ValueError):
        corpus_to_dataset(Corpus((Entity("country:x", "Country", "X", ids=(("wikidata", "Q1"),)),)))


NASTY = 'He said "yes"; then """triple""" \\ back\nslash\r\n\ttab \x00\x0b\x1f\x7f \u2028 ü 🙂 \'single\''


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_nasty_literals_survive_every_format(tmp_path, suffix):
    doc = Document("nasty", NASTY, title=NASTY)
    span = Span("nasty", NASTY, 0, len(NASTY))
    event = Event("Meeting", "nasty", participants=("person:a",), evidence=(span,), name=NASTY)
    corpus = Corpus((Entity("person:a", "Person", NASTY, aliases=(NASTY + "!",)),), (Extraction(doc, events=(event,)),))
    path = write_dataset(corpus_to_dataset(corpus), tmp_path / f"nasty{suffix}")
    loaded = union_graph(load_dataset(path))
    assert loaded.value(KGR["doc/nasty"], DCTERMS.title) == Literal(NASTY)
    assert loaded.value(KGR["person/a"], RDFS.label) == Literal(NASTY)
    assert set(loaded.triples((None, None, None))) == set(union_graph(corpus_to_dataset(corpus)))


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_write_and_load_round_trip(corpus, tmp_path, suffix):
    dataset = corpus_to_dataset(corpus)
    path = write_dataset(dataset, tmp_path / "out" / f"graph{suffix}")
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left behind
    loaded = load_dataset(path)
    if FORMATS[suffix][1]:
        assert quads(loaded) == quads(dataset)
    assert set(union_graph(loaded)) == set(union_graph(dataset))


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_write_corpus_gives_the_bytes_of_write_dataset(corpus, tmp_path, suffix):
    # Another document whose two events share a sentence (the span's triples come
    # twice: a graph keeps them once) and whose text holds a lone surrogate
    # (written as U+FFFD on both paths).
    doc = Document("odd", "Olaf \udfff Scholz met Putin.", title="Olaf \udfff Scholz")
    span = Span("odd", doc.text, 0, len(doc.text))
    events = tuple(Event(kind, "odd", participants=("person:vladimir-putin",), evidence=(span,))
                   for kind in ("Meeting", "PhoneCall"))  # fmt: skip
    odd = dataclasses.replace(corpus, extractions=(*corpus.extractions, Extraction(doc, events=events)))
    for one in (corpus, odd):
        direct = write_corpus(one, tmp_path / "direct" / f"graph{suffix}").read_bytes()
        assert direct == write_dataset(corpus_to_dataset(one), tmp_path / f"graph{suffix}").read_bytes()
    assert "Olaf \ufffd Scholz".encode() in direct


@pytest.mark.parametrize("suffix", [".ttl", ".trig"])
def test_turtle_and_trig_group_each_subject_under_kg_prefixes(corpus, tmp_path, suffix):
    text = write_corpus(corpus, tmp_path / f"graph{suffix}").read_text("utf-8")
    assert "@prefix kg: <https://w3id.org/kg-news/ontology#> ." in text
    assert "@prefix time:" not in text  # only the prefixes the graph uses
    assert "@prefix kgr:" not in text and "\\/" not in text  # ids written whole, not as kgr:person\/…
    assert "<https://w3id.org/kg-news/id/person/vladimir-putin> a kg:Person ;" in text
    assert text.count("<https://w3id.org/kg-news/id/person/vladimir-putin> a ") == 1  # its triples grouped
    assert ("<https://w3id.org/kg-news/id/graph/entities> {" in text) == (suffix == ".trig")


def test_write_replaces_an_existing_file(corpus, tmp_path):
    path = tmp_path / "graph.nt"
    path.write_text("old")
    write_dataset(corpus_to_dataset(corpus), path)
    assert "old" not in path.read_text()


def test_write_errors(corpus, tmp_path):
    with pytest.raises(KgError, match=r"\[E003\]"):
        write_dataset(corpus_to_dataset(corpus), tmp_path / "graph.rdf")
    (tmp_path / "file").write_text("")
    with pytest.raises(KgError, match=r"\[E009\]"):
        write_dataset(corpus_to_dataset(corpus), tmp_path / "file" / "graph.ttl")


def test_load_errors(tmp_path):
    with pytest.raises(KgError, match=r"\[E001\]"):
        load_dataset(tmp_path / "missing.trig")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n@@@\n")
    with pytest.raises(KgError, match=r"\[E005\]") as info:
        load_dataset(bad)
    assert "\n" not in str(info.value)


def test_untitled_document_gets_its_first_words_as_title():
    from rdflib.namespace import DCTERMS

    from kg.model import Corpus, Document, Extraction
    from kg.rdf import corpus_to_dataset, document_iri

    text = "Ministers from twelve countries met in Geneva on Monday to discuss the future of the trade talks.\nMore."
    corpus = Corpus(extractions=(Extraction(document=Document(id="d1", text=text)),))
    titles = list(corpus_to_dataset(corpus).objects(document_iri("d1"), DCTERMS.title))
    assert [str(t) for t in titles] == ["Ministers from twelve countries met in Geneva on Monday to discuss the future…"]
