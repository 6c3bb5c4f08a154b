"""kg.query and the competency questions in ontology/queries, on tests/data/sample.trig."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from kg import api
from kg.errors import KgError
from kg.rdf import load_dataset
from kg.query import (
    PREFIXES,
    QueryResult,
    competency_queries,
    read_query,
    run_query,
    to_csv,
    to_json,
    with_prefixes,
)

SAMPLE = Path(__file__).parent / "data" / "sample.trig"
DOC1, DOC2 = "001_india_visit", "002_energy_talks"
KGR = "https://w3id.org/kg-news/id/"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(SAMPLE)


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def engine(request, dataset):
    """The sample as rdflib holds it (a file graph) and as Oxigraph does (a kg store): the
    competency questions must give the same answers on both."""
    if request.param == "rdflib":
        yield dataset
        return
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore()
    store.load(SAMPLE)
    yield store
    store.close()


@pytest.fixture(scope="module")
def queries() -> dict[str, str]:
    return competency_queries()


def edit(text: str, old: str, new: str) -> str:
    """``text`` with the one line holding ``old`` edited, as a user would."""
    assert text.count(old) == 1
    return text.replace(old, new)


# --- the competency questions -------------------------------------------------------------


def test_competency_queries_are_all_there_and_commented(queries):
    assert set(queries) == {
        "visits", "person_events", "planned_vs_occurred", "leaders", "co_mentions", "entity_rank",
    }  # fmt: skip
    for name, text in queries.items():
        assert text.startswith("# "), name


def test_visits(engine, queries):
    result = run_query(engine, queries["visits"])
    assert result.columns == ["visitor", "place", "date", "endDate", "status", "document"]
    assert result.rows == [  # newest first
        ("Vladimir Putin", "New Delhi", "2025-12-04", "2025-12-05", "planned", DOC1),
        ("Narendra Modi", "Moscow", "2024", None, "occurred", DOC2),
    ]


def test_visits_in_pages(engine, queries):
    first = run_query(engine, edit(queries["visits"], "LIMIT 50", "LIMIT 1"))
    assert [row[2] for row in first.rows] == ["2025-12-04"]
    second = run_query(engine, edit(queries["visits"], "LIMIT 50", "LIMIT 1 OFFSET 1"))
    assert [row[2] for row in second.rows] == ["2024"]


def test_person_events_in_date_order_with_partial_dates(engine, queries):
    result = run_query(engine, queries["person_events"])
    assert result.columns == [
        "date", "endDate", "type", "event", "role", "status", "place", "evidence", "document",
    ]  # fmt: skip
    assert result.rows == [
        ("--07-08", None, "Meeting", "Vladimir Putin meets Narendra Modi in Moscow (--07-08)", "participant",
         "occurred", "Moscow", "The two leaders last met in Moscow on July 8.", DOC1),
        ("2024", None, "Visit", "Narendra Modi visits Moscow (2024)", "participant", "occurred", "Moscow",
         "Modi visited Moscow in 2024.", DOC2),
        ("2025-10-14", None, "PhoneCall", "Vladimir Putin calls Narendra Modi (2025-10-14)", "agent",
         "occurred", None, "Putin spoke with Modi by phone on Tuesday.", DOC2),
        ("2025-12-04", "2025-12-05", "Visit", "Vladimir Putin visits New Delhi (2025-12-04)", "agent",
         "planned", "New Delhi", "President Vladimir Putin will visit New Delhi on December 4-5, the Kremlin said.",
         DOC1),
    ]  # fmt: skip


def test_person_events_by_alt_label_and_for_an_organisation(engine, queries):
    by_alias = run_query(engine, edit(queries["person_events"], '"Vladimir Putin"', '"Putin"'))
    assert by_alias == run_query(engine, queries["person_events"])
    gazprom = run_query(engine, edit(queries["person_events"], '"Vladimir Putin"', '"Gazprom"'))
    assert [(r[0], r[2], r[4], r[5]) for r in gazprom.rows] == [("2025-11", "Agreement", "participant", "planned")]
    nobody = run_query(engine, edit(queries["person_events"], '"Vladimir Putin"', '"Nobody"'))
    assert nobody.rows == []


def test_planned_vs_occurred(engine, queries):
    result = run_query(engine, queries["planned_vs_occurred"])
    assert result.columns == ["status", "type", "events"]
    assert result.rows == [
        ("occurred", "Meeting", 1),
        ("occurred", "PhoneCall", 1),
        ("occurred", "Visit", 1),
        ("planned", "Agreement", 1),
        ("planned", "Visit", 1),
    ]


def test_leaders_with_roles_when_the_text_gives_one(engine, queries):
    result = run_query(engine, queries["leaders"])
    assert result.columns == ["organisation", "type", "leader", "roles", "documents"]
    rows = [(*row[:4], sorted(row[4].split("; "))) for row in result.rows]
    assert rows == [
        ("Gazprom", "Organization", "Alexei Miller", "", [DOC2]),  # no role in the text
        ("India", "Country", "Narendra Modi", "Prime Minister", [DOC1]),
        ("Russia", "Country", "Vladimir Putin", "President", [DOC1, DOC2]),
    ]


def test_leaders_in_pages(engine, queries):
    first = run_query(engine, edit(queries["leaders"], "LIMIT 100", "LIMIT 2"))
    assert [row[0] for row in first.rows] == ["Gazprom", "India"]
    rest = run_query(engine, edit(queries["leaders"], "LIMIT 100", "LIMIT 2 OFFSET 2"))
    assert [row[:4] for row in rest.rows] == [("Russia", "Country", "Vladimir Putin", "President")]


def test_co_mentions(engine, queries):
    result = run_query(engine, queries["co_mentions"])
    assert result.columns == ["document", "title", "date", "x", "y"]
    assert result.rows == [
        (DOC2, "Gazprom and India discuss gas supplies", "2025-10-15", "Vladimir Putin", "Narendra Modi"),
        (DOC1, "Putin to visit New Delhi in December", "2025-11-30", "Vladimir Putin", "Narendra Modi"),
    ]
    text = edit(queries["co_mentions"], '"Vladimir Putin" AS ?nameX', '"Putin" AS ?nameX')
    text = edit(text, '"Narendra Modi" AS ?nameY', '"Hyderabad House" AS ?nameY')
    assert [row[0] for row in run_query(engine, text).rows] == [DOC1]
    text = edit(queries["co_mentions"], '"Narendra Modi" AS ?nameY', '"Gazprom" AS ?nameY')
    assert [row[0] for row in run_query(engine, text).rows] == [DOC2]


def test_entity_rank(engine, queries):
    result = run_query(engine, queries["entity_rank"])
    assert result.columns == ["label", "type", "documents", "entity"]
    assert result.rows == [
        ("India", "Country", 2, KGR + "country/in"),
        ("Moscow", "City", 2, KGR + "city/524901"),
        ("Narendra Modi", "Person", 2, KGR + "person/narendra-modi"),
        ("Russia", "Country", 2, KGR + "country/ru"),
        ("Vladimir Putin", "Person", 2, KGR + "person/vladimir-putin"),
        ("Alexei Miller", "Person", 1, KGR + "person/alexei-miller"),
        ("Gazprom", "Organization", 1, KGR + "organization/gazprom"),
        ("Hyderabad House", "Place", 1, KGR + "place/hyderabad-house"),
        ("New Delhi", "City", 1, KGR + "city/1261481"),
    ]


def test_competency_queries_on_a_graph_kg_writes(corpus, tmp_path):
    """The queries fit the layout kg.rdf really writes, not only the hand-written sample."""
    dataset = load_dataset(api.write(corpus, tmp_path / "corpus.trig"))
    queries = competency_queries()
    visits = run_query(dataset, queries["visits"]).rows
    assert visits == [("Vladimir Putin", "New Delhi", "2025-12-04", "2025-12-05", "planned", "004_acbfd2107952de65")]
    dates = [row[0] for row in run_query(dataset, queries["person_events"]).rows]
    assert dates == ["--07-08", "2021", "2025-12-04"]
    leaders = run_query(dataset, queries["leaders"]).rows
    assert [row[:4] for row in leaders] == [("Russia", "Country", "Vladimir Putin", "President")]
    for name in ("planned_vs_occurred", "co_mentions", "entity_rank"):
        assert run_query(dataset, queries[name]).rows, name


# --- run_query ------------------------------------------------------------------------------


def test_prefixes_are_predeclared(dataset):
    assert {"kg", "kgr", "rdf", "rdfs", "skos", "xsd", "dcterms", "prov", "schema", "owl"} <= set(PREFIXES)
    result = run_query(dataset, "SELECT ?l WHERE { kgr:country\\/in rdfs:label ?l ; a kg:Country }")
    assert result.rows == [("India",)]


def test_a_user_prefix_line_is_fine_and_wins(dataset):
    same = "PREFIX kg: <https://w3id.org/kg-news/ontology#>\nSELECT (COUNT(*) AS ?n) WHERE { ?d a kg:Document }"
    assert run_query(dataset, same).rows == [(2,)]
    other = "prefix kg: <urn:other#>\nSELECT (COUNT(*) AS ?n) WHERE { ?d a kg:Document }"
    assert run_query(dataset, other).rows == [(0,)]
    assert with_prefixes(other).count("PREFIX kg:") == 0
    assert with_prefixes(other).count("PREFIX rdfs:") == 1


def test_values_are_plain_python(dataset):
    text = """SELECT ?date ?offset ?label ?node ?unbound ?flag ?ratio WHERE {
        kgr:span\\/b1b2c3d4e5f60001 kg:endOffset ?offset .
        kgr:event\\/a1b2c3d4e5f60002 kg:date ?date ; rdfs:label ?label ; kg:place ?node .
        OPTIONAL { ?node kg:nothing ?unbound }
        BIND(true AS ?flag) BIND(1.5 AS ?ratio)
    }"""
    result = run_query(dataset, text)
    assert result.rows == [
        ("--07-08", 81, "Vladimir Putin meets Narendra Modi in Moscow (--07-08)", KGR + "city/524901", None, True, 1.5)
    ]
    assert [type(v) for v in result.rows[0][1:2] + result.rows[0][5:]] == [int, bool, float]


def test_queries_see_the_union_of_named_graphs(dataset):
    # the label lives in kgr:graph/entities, the event in the document's graph
    text = "SELECT ?name WHERE { ?v a kg:PhoneCall ; kg:agent/rdfs:label ?name }"
    assert run_query(dataset, text).rows == [("Vladimir Putin",)]
    text = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e a kg:Visit } } GROUP BY ?g ORDER BY ?g"
    assert run_query(dataset, text).rows == [(KGR + "doc/001-india-visit", 1), (KGR + "doc/002-energy-talks", 1)]


def test_ask(dataset):
    assert run_query(dataset, "ASK { ?e a kg:Agreement ; kg:date ?d FILTER(datatype(?d) = xsd:gYearMonth) }") == (
        QueryResult(["ask"], [(True,)])
    )
    assert run_query(dataset, "ASK { ?e a kg:Visit ; kg:status 'cancelled' }").rows == [(False,)]


def test_construct_and_describe_give_sorted_triples(dataset):
    text = "CONSTRUCT { ?p kg:leads ?c } WHERE { ?p kg:leaderOf ?c . ?c a kg:Country }"
    result = run_query(dataset, text)
    leads = "https://w3id.org/kg-news/ontology#leads"
    assert result.columns == ["subject", "predicate", "object"]
    assert result.rows == [
        (KGR + "person/narendra-modi", leads, KGR + "country/in"),
        (KGR + "person/vladimir-putin", leads, KGR + "country/ru"),
    ]
    described = run_query(dataset, "DESCRIBE kgr:place\\/hyderabad-house").rows
    assert (KGR + "place/hyderabad-house", "http://www.w3.org/2000/01/rdf-schema#label", "Hyderabad House") in described


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("SELECT ?x WHERE { ?x a kg:Visit", "line 1, column"),
        ("SELECT ?x\nWHERE {\n  ?x a kg:Visit .\n  FILTER( }", "line 4, column"),
        ("PREFIX kg: <urn:x#>\nSELECT ?x\nWHERE { ?x ?p }", "line 3, column"),
        ("SELEC ?x WHERE { ?x ?p ?o }", "line 1, column 1"),
        ("SELECT ?x WHERE {\n ?x foo:bar ?o }", "line 2: unknown prefix 'foo:'"),
    ],
)
def test_malformed_query_is_E010_with_line(dataset, text, where):
    with pytest.raises(KgError) as caught:
        run_query(dataset, text)
    message = str(caught.value)
    assert message.startswith("[E010] Invalid SPARQL query: ")
    assert where in message
    assert "\n" not in message


# --- read_query, to_csv, to_json -----------------------------------------------------------


def test_read_query(tmp_path, queries):
    path = tmp_path / "q.rq"
    path.write_text("ASK {}", encoding="utf-8")
    assert read_query(path) == read_query(str(path)) == "ASK {}"
    assert read_query("SELECT * WHERE { ?s ?p ?o }") == "SELECT * WHERE { ?s ?p ?o }"
    assert read_query("visits") == queries["visits"]
    with pytest.raises(KgError, match=r"\[E001\]"):
        read_query(tmp_path / "missing.sparql")


def test_to_csv_and_to_json():
    result = QueryResult(["name", "n", "flag", "gone"], [("Putin, Vladimir", 2, True, None), ('a "b"', 1.5, False, "x")])
    rows = list(csv.reader(io.StringIO(to_csv(result))))
    assert rows == [["name", "n", "flag", "gone"], ["Putin, Vladimir", "2", "true", ""], ['a "b"', "1.5", "false", "x"]]
    assert json.loads(to_json(result)) == [
        {"name": "Putin, Vladimir", "n": 2, "flag": True, "gone": None},
        {"name": 'a "b"', "n": 1.5, "flag": False, "gone": "x"},
    ]
    assert json.loads(to_json(QueryResult(["ask"], [(True,)]))) == [{"ask": True}]


def test_sample_graph_conforms_to_the_shapes(dataset):
    """tests/data/sample.trig is a valid kg graph, so other tests may rely on it."""
    from rdflib import Graph

    from kg.validate import validate

    union = Graph()
    for triple in dataset.triples((None, None, None)):
        union.add(triple)
    conforms, report = validate(union)
    assert conforms, report
