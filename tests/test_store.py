"""Every store test runs on every registered backend (the ``store`` fixture)."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.errors import KgError
from kg.formats import FORMATS
from kg.ontology import KGR
from kg.rdf import ENTITIES_GRAPH, corpus_to_dataset, load_dataset, union_graph
from kg.store import Store, get_store, register, store_names

PREFIX = "PREFIX kg: <https://w3id.org/kg-news/ontology#>\n"
COUNT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
DOCS = {ENTITIES_GRAPH, KGR["doc/004-acbfd2107952de65"], KGR["doc/003-5583154d1a544c15"]}


def scalar(store: Store, sparql: str):
    (row,) = list(store.query(sparql))
    return row[0].toPython()


def graph_names(store: Store) -> set[URIRef]:
    return {row[0] for row in store.query(GRAPHS)}


def test_registry():
    assert "memory" in store_names()
    with pytest.raises(KgError, match=r"\[E012\] Unknown store backend 'nope'; available: .*memory"):
        get_store("nope")


def test_register_makes_a_backend_available():
    register("memory-again", "kg.store.memory:MemoryStore")
    try:
        assert get_store("memory-again").name == "memory"
    finally:
        from kg import store as registry

        del registry._REGISTRY["memory-again"]


def test_base_store_says_what_it_cannot_do(tmp_path):
    base = Store()
    with pytest.raises(NotImplementedError):
        base.query("ASK {}")
    with pytest.raises(NotImplementedError):
        base.dump(tmp_path / "x.ttl")


def test_query_sees_every_graph(store, corpus):
    store.add_corpus(corpus)
    assert scalar(store, COUNT_TRIPLES) == len(union_graph(corpus_to_dataset(corpus)))
    events = PREFIX + "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:status ?s }"
    assert scalar(store, events) == 4
    assert store.query(PREFIX + "ASK { ?p kg:leaderOf ?c }").askAnswer is True


def test_named_graphs_are_kept(store, corpus):
    if not store.context_aware:
        pytest.skip("store has no named graphs")
    store.add_corpus(corpus)
    assert graph_names(store) == DOCS


def test_adding_a_rebuilt_corpus_replaces_its_graphs(store, corpus):
    store.add_corpus(corpus)
    before = scalar(store, COUNT_TRIPLES)
    store.add_corpus(corpus)
    assert scalar(store, COUNT_TRIPLES) == before


def test_invalid_query(store):
    with pytest.raises(KgError, match=r"\[E010\]"):
        store.query("SELECT WHERE {")


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_dump_and_load_round_trip(store, corpus, tmp_path, suffix):
    store.add_corpus(corpus)
    path = store.dump(tmp_path / f"graph{suffix}")
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    assert set(union_graph(load_dataset(path))) == set(union_graph(corpus_to_dataset(corpus)))
    with get_store(store.name) as loaded:
        loaded.load(path)
        assert scalar(loaded, COUNT_TRIPLES) == scalar(store, COUNT_TRIPLES)
        keeps_graphs = FORMATS[suffix][1]
        if loaded.context_aware:
            assert graph_names(loaded) == (DOCS if keeps_graphs else set())


def test_load_bad_file(store, tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> { <b> <c> ", encoding="utf-8")
    with pytest.raises(KgError, match=r"\[E005\] Cannot parse graph"):
        store.load(bad)
    with pytest.raises(KgError, match=r"\[E001\]"):
        store.load(tmp_path / "missing.nq")
