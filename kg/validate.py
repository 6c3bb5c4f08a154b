"""Check a built graph against the SHACL shapes in ``ontology/shapes.ttl``.

>>> from rdflib import Graph
>>> validate(Graph())[0]
True
"""

from __future__ import annotations

from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import RDFS

from .ontology import ontology_dir
from .rdf import union_graph

__all__ = ["validate", "shapes_graph"]


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The parsed ``ontology/shapes.ttl`` (read once)."""
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


@lru_cache(maxsize=1)
def _class_hierarchy() -> Graph:
    """The ``rdfs:subClassOf`` axioms of ``ontology/kg.ttl``."""
    ontology = Graph().parse(ontology_dir() / "kg.ttl", format="turtle")
    hierarchy = Graph()
    for triple in ontology.triples((None, RDFS.subClassOf, None)):
        hierarchy.add(triple)
    return hierarchy


def validate(data: Graph) -> tuple[bool, str]:
    """Whether ``data`` (a graph or a dataset) conforms to the shapes, and pyshacl's report.

    All named graphs are validated together as one union graph, with no
    inference; only the class hierarchy of ``kg.ttl`` is added, so shapes that
    target ``kg:Event`` also reach its subclasses. Warnings (e.g. a relation
    whose ends have unexpected types) appear in the report but do not make the
    graph non-conformant.
    """
    union = union_graph(data)
    union += _class_hierarchy()
    conforms, _, text = shacl_validate(
        union,
        shacl_graph=shapes_graph(),
        inference="none",
        allow_warnings=True,
        abort_on_first=False,
    )
    return bool(conforms), str(text)
