"""The ontology file, the generated ``kg.ontology`` module and the terms kg writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

import kg.rdf
from kg.model import ENTITY_TYPES, EVENT_TYPES, RELATION_TYPES
from kg.ontology import KG, ontology_dir
from kg.rdf import corpus_to_dataset, union_graph
from kg.tools import gen_ontology

KG_NS = str(KG._NS)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


@pytest.fixture(scope="module")
def declared(ontology) -> set[str]:
    """Local names of the kg: terms kg.ttl types."""
    return {str(s)[len(KG_NS) :] for s in ontology.subjects(RDF.type, None) if str(s).startswith(KG_NS)}


def test_module_is_generated_from_ttl():
    assert gen_ontology.render() == gen_ontology.MODULE_FILE.read_text(encoding="utf-8"), (
        "kg/ontology.py is stale: run python -m kg.tools.gen_ontology"
    )


def test_generator_check_mode_passes():
    assert gen_ontology.main(["--check"]) == 0


def test_ontology_dir_holds_the_ontology_and_shapes():
    assert (ontology_dir() / "kg.ttl").is_file()
    assert (ontology_dir() / "shapes.ttl").is_file()


def test_unknown_term_fails():
    with pytest.raises(AttributeError):
        KG.Persn  # noqa: B018


def test_module_declares_exactly_the_ttl_terms(declared):
    assert set(KG.__annotations__) == declared


def test_every_term_has_label_and_comment(ontology, declared):
    for name in declared:
        assert ontology.value(KG[name], RDFS.label), name
        assert ontology.value(KG[name], RDFS.comment), name


def test_every_kg_term_in_rdf_module_is_declared(declared):
    source = Path(kg.rdf.__file__).read_text(encoding="utf-8")
    used = set(re.findall(r"\bKG\.(\w+)", source))
    assert used, "expected kg.rdf to use KG terms"
    # KG[...] is looked up with the model's type names.
    assert used | set(ENTITY_TYPES) | set(EVENT_TYPES) | set(RELATION_TYPES) <= declared


def test_every_kg_term_in_a_built_graph_is_declared(corpus, declared):
    graph = union_graph(corpus_to_dataset(corpus))
    used = set(graph.predicates()) | set(graph.objects(None, RDF.type)) | set(graph.objects(None, RDF.predicate))
    kg_terms = {str(t)[len(KG_NS) :] for t in used if str(t).startswith(KG_NS)}
    assert kg_terms <= declared
    assert {"Person", "Visit", "Statement", "TextSpan", "agent", "evidenceSpan"} <= kg_terms


def test_entity_classes_are_siblings(ontology):
    for name in ENTITY_TYPES:
        parents = set(ontology.objects(KG[name], RDFS.subClassOf))
        assert KG.Entity in parents
        assert not parents & {KG[other] for other in ENTITY_TYPES}, name


def test_event_classes_and_property_hierarchy(ontology):
    for name in EVENT_TYPES:
        assert (KG[name], RDFS.subClassOf, KG.Event) in ontology
    assert (KG.agent, RDFS.subPropertyOf, KG.participant) in ontology
    assert (KG.capitalOf, RDFS.subPropertyOf, KG.locatedIn) in ontology
    assert (KG.locatedIn, RDF.type, OWL.TransitiveProperty) in ontology
