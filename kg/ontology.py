"""The kg vocabulary ``KG``, the resource namespace ``KGR`` and the other namespaces kg uses.

Generated from ontology/kg.ttl by ``python -m kg.tools.gen_ontology``: edit the
ontology and rerun the generator instead of editing this file.
"""

from pathlib import Path

from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD, DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["KG", "KGR", "SCHEMA", "SEM", "PREFIXES", "ontology_dir"]

KGR = Namespace("https://w3id.org/kg-news/id/")
SCHEMA = SDO
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")


def ontology_dir() -> Path:
    """The top-level ``ontology/`` folder (kg.ttl, shapes.ttl, queries/)."""
    return Path(__file__).resolve().parent.parent / "ontology"


class KG(DefinedNamespace):
    """
    kg news ontology

    People, organisations, places, diplomatic events and their relations as read from
    news articles, with the provenance of every statement.

    Generated from ontology/kg.ttl
    """

    _fail = True
    _NS = Namespace("https://w3id.org/kg-news/ontology#")

    # Classes
    Agreement: URIRef  # Agreement
    City: URIRef  # City
    Country: URIRef  # Country
    Document: URIRef  # Document
    Entity: URIRef  # Entity
    Event: URIRef  # Event
    Meeting: URIRef  # Meeting
    Organization: URIRef  # Organization
    Person: URIRef  # Person
    PhoneCall: URIRef  # Phone call
    Place: URIRef  # Place
    Statement: URIRef  # Statement
    TextSpan: URIRef  # Text span
    Visit: URIRef  # Visit

    # Properties
    agent: URIRef  # agent
    capitalOf: URIRef  # capital of
    date: URIRef  # date
    documentCount: URIRef  # document count
    endDate: URIRef  # end date
    endOffset: URIRef  # end offset
    evidence: URIRef  # evidence
    evidenceSpan: URIRef  # evidence span
    geonamesId: URIRef  # GeoNames id
    iso3166: URIRef  # ISO 3166 code
    leaderOf: URIRef  # leader of
    locatedIn: URIRef  # located in
    memberOf: URIRef  # member of
    mentions: URIRef  # mentions
    method: URIRef  # method
    name: URIRef  # name
    participant: URIRef  # participant
    place: URIRef  # place
    role: URIRef  # role
    startOffset: URIRef  # start offset
    status: URIRef  # status
    suppliesTo: URIRef  # supplies to
    text: URIRef  # text


# Prefixes bound in every graph kg writes.
PREFIXES: dict[str, object] = {
    "kg": KG,
    "kgr": KGR,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "schema": SCHEMA,
    "sem": SEM,
    "time": TIME,
}
