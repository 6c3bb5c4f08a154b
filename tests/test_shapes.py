"""SHACL: built graphs conform to ontology/shapes.ttl; broken ones do not."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from kg.ontology import KG, KGR
from kg.rdf import corpus_to_dataset, load_dataset, union_graph
from kg.validate import validate

PUTIN = KGR["person/vladimir-putin"]
DOC = KGR["doc/004-acbfd2107952de65"]
SAMPLE = Path(__file__).parent / "data" / "sample.trig"


def _visit(graph):
    return next(graph.subjects(RDF.type, KG.Visit))


def _meeting(graph):
    return next(graph.subjects(RDF.type, KG.Meeting))


def _span(graph):
    return graph.value(_visit(graph), KG.evidenceSpan)


def _statement(graph):
    return graph.value(predicate=RDF.predicate, object=KG.leaderOf)


def _reified(graph):
    """The triple the leaderOf statement describes."""
    statement = _statement(graph)
    return graph.value(statement, RDF.subject), KG.leaderOf, graph.value(statement, RDF.object)


def test_fixture_conforms(corpus):
    conforms, report = validate(corpus_to_dataset(corpus))
    assert conforms, report


@pytest.mark.skipif(not SAMPLE.is_file(), reason="no sample graph")
def test_sample_graph_conforms():
    conforms, report = validate(load_dataset(SAMPLE))
    assert conforms, report


# name -> (how to break the fixture's graph, a fragment of the expected message)
BREAKAGES = {
    "entity with two classes": (lambda g: g.add((PUTIN, RDF.type, KG.Country)), "exactly one of the classes"),
    "entity without class": (lambda g: g.remove((PUTIN, RDF.type, None)), "exactly one of the classes"),
    "entity with two labels": (lambda g: g.add((PUTIN, RDFS.label, Literal("Putin V."))), "one non-empty rdfs:label"),
    "entity without label": (lambda g: g.remove((PUTIN, RDFS.label, None)), "one non-empty rdfs:label"),
    "undescribed entity": (lambda g: g.add((DOC, KG.mentions, KGR["person/nobody"])), "exactly one of the classes"),
    "no participant": (lambda g: g.remove((_visit(g), KG.participant, None)), "at least one kg:participant"),
    "two agents": (lambda g: g.add((_visit(g), KG.agent, KGR["person/narendra-modi"])), "at most one kg:agent"),
    "agent not a participant": (lambda g: g.add((_meeting(g), KG.agent, KGR["country/in"])), "is not a kg:participant"),
    "unknown status": (lambda g: g.set((_visit(g), KG.status, Literal("rumoured"))), "kg:status is"),
    "date as a plain string": (lambda g: g.set((_visit(g), KG.date, Literal("2025-12-04"))), "kg:date is one"),
    "ill-formed date": (lambda g: g.set((_visit(g), KG.endDate, Literal("2025-13", datatype=XSD.date))), "kg:endDate"),
    "no evidence": (lambda g: g.remove((_visit(g), KG.evidence, None)), "at least one kg:evidence"),
    "no document": (lambda g: g.remove((_visit(g), PROV.wasDerivedFrom, None)), "prov:wasDerivedFrom a kg:Document"),
    "two identifiers": (lambda g: g.add((DOC, DCTERMS.identifier, Literal("x"))), "exactly one dcterms:identifier"),
    "statement without object": (lambda g: g.remove((_statement(g), RDF.object, None)), "rdf:object"),
    "statement of a missing triple": (lambda g: g.remove(_reified(g)), "a triple that is not in the graph"),
    "span ends before it starts": (lambda g: g.set((_span(g), KG.endOffset, Literal(0))), "kg:endOffset"),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_broken_graph_fails(corpus, breakage):
    graph = union_graph(corpus_to_dataset(corpus))
    breaks, message = BREAKAGES[breakage]
    breaks(graph)
    conforms, report = validate(graph)
    assert not conforms
    assert "Violation" in report
    assert message in report


def test_relation_with_unexpected_ends_is_only_a_warning(corpus):
    graph = union_graph(corpus_to_dataset(corpus))
    graph.add((KGR["country/in"], KG.leaderOf, KGR["country/ru"]))
    conforms, report = validate(graph)
    assert conforms
    assert "Warning" in report
