"""Plain frozen dataclasses that cross module boundaries.

Nothing here knows about spaCy or rdflib: ``kg.extract`` produces these from
parsed text, ``kg.resolve`` merges them across documents and ``kg.rdf`` turns
them into triples.

Entity references inside events and relations are *keys*: short stable
strings such as ``"country:IN"``, ``"city:524901"`` or
``"person:vladimir-putin"`` (see :func:`kg.keys.entity_key`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("Person", "Organization", "Country", "City", "Place")
EVENT_TYPES = ("Visit", "Meeting", "PhoneCall", "Agreement")
RELATION_TYPES = ("leaderOf", "capitalOf", "locatedIn", "memberOf", "suppliesTo")
STATUSES = ("planned", "occurred")


@dataclass(frozen=True)
class Document:
    """One input article after ingestion and cleaning."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO "YYYY-MM-DD" when known
    url: str | None = None
    source: str | None = None  # file path (and line for JSONL records)


@dataclass(frozen=True)
class Span:
    """A piece of a document's text with character offsets into ``Document.text``."""

    doc_id: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """One real-world entity: a node of the graph."""

    key: str
    type: str  # one of ENTITY_TYPES
    label: str  # canonical name
    aliases: tuple[str, ...] = ()  # other surface forms seen
    ids: tuple[tuple[str, str], ...] = ()  # external ids, e.g. (("iso3166", "IN"),)


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in a document."""

    key: str
    text: str
    span: Span


@dataclass(frozen=True)
class Event:
    """A visit, meeting, phone call or agreement read from one document.

    ``date``/``end_date`` are lexical forms of xsd:date ("2025-12-04"),
    xsd:gYearMonth ("2025-12"), xsd:gYear ("2025") or xsd:gMonthDay ("--07-08").
    """

    type: str  # one of EVENT_TYPES
    doc_id: str
    agent: str | None = None
    participants: tuple[str, ...] = ()
    place: str | None = None
    date: str | None = None
    end_date: str | None = None
    status: str = "occurred"
    name: str | None = None  # e.g. the title of an agreement
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Relation:
    """A direct relation between two entities, with where it was read."""

    subject: str
    predicate: str  # one of RELATION_TYPES
    object: str
    doc_id: str
    role: str | None = None  # e.g. "President" for leaderOf
    method: str = "text"  # "text" (read from a sentence) or "gazetteer"
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything read from one document."""

    document: Document
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True)
class Corpus:
    """The resolved corpus: one entity per real-world thing, ready for RDF."""

    entities: tuple[Entity, ...] = ()
    extractions: tuple[Extraction, ...] = field(default=())
