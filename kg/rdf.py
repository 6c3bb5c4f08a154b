"""Turn a resolved :class:`kg.model.Corpus` into RDF, and read and write graph files.

The layout follows ``docs/graph.md``: entity descriptions go to the named graph
``kgr:graph/entities``; each document, its events, relation statements and
evidence spans go to a named graph whose name is the document IRI. Every IRI
is built here from normalised keys or from :func:`kg.keys.digest` over stable
fields, so building the same input twice gives the same IRIs.

>>> entity_iri("person:vladimir-putin")
rdflib.term.URIRef('https://w3id.org/kg-news/id/person/vladimir-putin')
>>> date_literal("--07-08").datatype == XSD.gMonthDay
True
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.serializers.nt import _nt_row

from .errors import Errors, KgError
from .formats import atomic_write, rdf_format
from .keys import digest, document_key, slug
from .model import (
    ENTITY_TYPES, EVENT_TYPES, RELATION_TYPES, STATUSES, Corpus, Entity, Event, Extraction, Relation, Span,
)  # fmt: skip
from .ontology import KG, KGR, PREFIXES, SCHEMA

Triple = tuple[URIRef, URIRef, URIRef | Literal]

__all__ = [
    "ENTITIES_GRAPH",
    "document_counts",
    "entity_iri",
    "document_iri",
    "event_iri",
    "statement_iri",
    "span_iri",
    "date_literal",
    "event_label",
    "corpus_to_dataset",
    "corpus_graphs",
    "write_corpus",
    "new_dataset",
    "union_graph",
    "write_dataset",
    "load_dataset",
    "parse_into",
]

ENTITIES_GRAPH = KGR["graph/entities"]

# Entity.ids names -> property; both spellings of the GeoNames id are accepted.
_ID_PROPERTIES = {"iso3166": KG.iso3166, "iso3166-2": KG.iso3166, "geonamesId": KG.geonamesId, "geonames": KG.geonamesId}

# Lexical form -> datatype, most specific first; the calendar check happens in date_literal.
_DATE_FORMS = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), XSD.date),
    (re.compile(r"(\d{4})-(\d{2})"), XSD.gYearMonth),
    (re.compile(r"(\d{4})"), XSD.gYear),
    (re.compile(r"--(\d{2})-(\d{2})"), XSD.gMonthDay),
)


def entity_iri(key: str) -> URIRef:
    """The IRI of the entity with key ``"kind:slug"``, e.g. ``kgr:person/vladimir-putin``.

    Both parts go through :func:`kg.keys.slug` again (a no-op on a well-formed
    key), so no user string ever reaches an IRI unescaped.
    """
    kind, sep, rest = key.partition(":")
    if not sep or not kind or not rest:
        raise ValueError(f"Not an entity key (expected 'kind:slug'): {key!r}")
    return KGR[f"{slug(kind)}/{slug(rest)}"]


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a document (and of its named graph), e.g. ``kgr:doc/004-acbfd2107952de65``."""
    return KGR[f"doc/{document_key(doc_id)}"]


def event_iri(event: Event) -> URIRef:
    """``kgr:event/{digest}`` over the fields that identify an event within its document."""
    key = digest(
        event.doc_id, event.type, event.agent, *sorted(event.participants), event.place,
        event.date, event.end_date, event.status, event.name,
    )  # fmt: skip
    return KGR[f"event/{key}"]


def statement_iri(relation: Relation) -> URIRef:
    """``kgr:statement/{digest}`` over the relation triple, its document, role and method."""
    key = digest(relation.doc_id, relation.subject, relation.predicate, relation.object, relation.role, relation.method)
    return KGR[f"statement/{key}"]


def span_iri(span: Span) -> URIRef:
    """``kgr:span/{digest}``: a span is identified by its document and offsets."""
    return KGR[f"span/{digest(span.doc_id, span.start, span.end)}"]


def date_literal(value: str | None) -> Literal | None:
    """A typed literal for an ISO date or partial date, ``None`` for anything else.

    >>> [str(date_literal(v).datatype).split("#")[1] for v in ("2025-12-04", "2000-10", "2021", "--07-08")]
    ['date', 'gYearMonth', 'gYear', 'gMonthDay']
    >>> date_literal("2025-02-30") is None, date_literal("next week") is None
    (True, True)
    """
    if not value:
        return None
    value = value.strip()
    for pattern, datatype in _DATE_FORMS:
        match = pattern.fullmatch(value)
        if match:
            return Literal(value, datatype=datatype) if _valid_date(datatype, match.groups()) else None
    return None


def _valid_date(datatype: URIRef, parts: tuple[str, ...]) -> bool:
    if datatype == XSD.gYear:
        return True
    numbers = [int(p) for p in parts]
    if datatype == XSD.gMonthDay:
        numbers = [2000, *numbers]  # a leap year, so "--02-29" is allowed
    numbers += [1] * (3 - len(numbers))  # a gYearMonth is checked as its first day
    try:
        dt.date(*numbers)
    except ValueError:
        return False
    return True


def _join(names: list[str]) -> str:
    """``""``, ``"A"``, ``"A and B"``, ``"A, B and C"``."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _of(noun: str, names: list[str], word: str = "of") -> str:
    """``"Meeting of A and B"``; "between" reads better than "of" for pairs of callers or parties."""
    if not names:
        return noun
    return f"{noun} {word if len(names) > 1 else 'of'} {_join(names)}"


def event_label(event: Event, labels: dict[str, str]) -> str:
    """A readable name for ``event``; ``labels`` maps entity keys to canonical names.

    Names are sorted so the label does not depend on the extraction order.

    >>> from kg.model import Event
    >>> labels = {"person:a": "Ann", "person:b": "Bob", "city:1": "Rome"}
    >>> event_label(Event("Visit", "d", agent="person:a", participants=("person:a", "person:b"),
    ...                   place="city:1", date="2025-12-04"), labels)
    'Ann visits Rome (2025-12-04)'
    >>> event_label(Event("PhoneCall", "d", agent="person:b", participants=("person:a", "person:b")), labels)
    'Bob calls Ann'
    """

    def name(key: str) -> str:
        return labels.get(key) or key.partition(":")[2] or key

    keys = {*event.participants, *filter(None, [event.agent])}
    everyone = sorted(name(k) for k in keys)
    others = sorted(name(k) for k in keys - {event.agent})
    agent = name(event.agent) if event.agent else ""
    place = name(event.place) if event.place else ""
    if event.type == "Visit":
        who = agent or _join(everyone)
        if who and place:
            text = f"{who} visits {place}"
        elif who:
            text = f"Visit by {who}"
        else:
            text = f"Visit to {place}" if place else "Visit"
    elif event.type == "PhoneCall":
        text = f"{agent} calls {_join(others)}" if agent and others else _of("Phone call", everyone, "between")
    elif event.type == "Agreement":
        text = event.name or _of("Agreement", everyone, "between")
    else:
        text = _of(event.type, everyone) + (f" at {place}" if place else "")
    return f"{text} ({event.date})" if event.date else text


def new_dataset() -> Dataset:
    """An empty dataset with kg's prefixes bound; the default graph is the union of all graphs."""
    dataset = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, replace=True)
    return dataset


def corpus_to_dataset(corpus: Corpus, counts: Mapping[str, int] | None = None) -> Dataset:
    """The RDF dataset of ``corpus``, laid out as in ``docs/graph.md`` (``counts``: see :func:`corpus_graphs`)."""
    dataset = new_dataset()
    for name, triples in corpus_graphs(corpus, counts):
        graph = dataset.graph(name)
        for triple in triples:
            graph.add(triple)
    return dataset


def corpus_graphs(corpus: Corpus, counts: Mapping[str, int] | None = None) -> Iterator[tuple[URIRef, Iterator[Triple]]]:
    """The triples of ``corpus``, graph by graph: ``(graph name, its triples)``.

    Each entity's ``kg:documentCount`` is its number in ``counts`` (entity key ->
    documents), by default :func:`document_counts` of the corpus itself; a store
    passes the counts over all the documents it holds.

    The entities graph comes first, then one graph per document. A triple may
    come more than once within a graph (a graph is a set: adding it again is a
    no-op). :func:`corpus_to_dataset` collects these into an rdflib dataset;
    :func:`write_corpus` writes the line formats straight from them.
    """
    if counts is None:
        counts = document_counts(corpus.extractions)
    yield ENTITIES_GRAPH, (t for entity in corpus.entities for t in _entity_triples(entity, counts.get(entity.key, 0)))
    labels = {entity.key: entity.label for entity in corpus.entities}
    for extraction in corpus.extractions:
        doc = document_iri(extraction.document.id)
        yield doc, _document_triples(extraction, doc, labels)


def _document_triples(extraction: Extraction, doc: URIRef, labels: dict[str, str]) -> Iterator[Triple]:
    document = extraction.document
    yield doc, RDF.type, KG.Document
    yield doc, DCTERMS.identifier, Literal(document.id)
    yield from _optional(doc, DCTERMS.title, _text(document.title or _excerpt(document.text) or document.id))
    yield from _optional(doc, DCTERMS.date, date_literal(document.published))
    yield from _optional(doc, DCTERMS.source, _text(document.source))
    yield from _optional(doc, SCHEMA.url, Literal(document.url, datatype=XSD.anyURI) if document.url else None)
    for event in extraction.events:
        yield from _event_triples(event, doc, labels)
    for relation in extraction.relations:
        yield from _relation_triples(relation, doc)
    for key in sorted(mentioned_keys(extraction)):
        yield doc, KG.mentions, entity_iri(key)


def mentioned_keys(extraction: Extraction) -> set[str]:
    """The entities a document's graph ``kg:mentions``: its mentions, event roles and relation ends."""
    mentioned = {m.key for m in extraction.mentions}
    for event in extraction.events:
        mentioned.update(_event_keys(event))
    for relation in extraction.relations:
        mentioned.update((relation.subject, relation.object))
    return mentioned


def document_counts(extractions: Iterable[Extraction]) -> Counter[str]:
    """Entity key -> how many of ``extractions`` mention it (``kg:documentCount``).

    >>> from kg.model import Document, Mention, Span
    >>> doc = Document(id="d1", text="Putin spoke.")
    >>> mention = Mention("person:putin", "Putin", Span("d1", "Putin", 0, 5))
    >>> document_counts([Extraction(document=doc, mentions=(mention,))])
    Counter({'person:putin': 1})
    """
    return Counter(key for extraction in extractions for key in mentioned_keys(extraction))


def _optional(subject: URIRef, predicate: URIRef, value: URIRef | Literal | None) -> Iterator[Triple]:
    # "is not None", not truthiness: some typed Literals (e.g. 0) are falsy.
    if value is not None:
        yield subject, predicate, value


def _excerpt(text: str, limit: int = 80) -> str:
    """The first line of an untitled article, cut at a word, as a stand-in title."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _text(value: str | None) -> Literal | None:
    """A plain literal, or None for a missing or empty string."""
    return Literal(value) if value else None


def _node(key: str | None) -> URIRef | None:
    return entity_iri(key) if key else None


def _entity_triples(entity: Entity, documents: int) -> Iterator[Triple]:
    if entity.type not in ENTITY_TYPES:
        raise ValueError(f"Entity {entity.key!r} has type {entity.type!r}; expected one of {ENTITY_TYPES}")
    node = entity_iri(entity.key)
    yield node, RDF.type, KG[entity.type]
    yield node, RDFS.label, Literal(entity.label)
    for alias in entity.aliases:
        if alias != entity.label:
            yield node, SKOS.altLabel, Literal(alias)
    for name, value in entity.ids:
        if name not in _ID_PROPERTIES:
            raise ValueError(f"Entity {entity.key!r} has an unknown id kind {name!r}; known: {sorted(_ID_PROPERTIES)}")
        yield node, _ID_PROPERTIES[name], Literal(value)
    yield node, KG.documentCount, Literal(documents)


def _evidence_triples(node: URIRef, spans: tuple[Span, ...]) -> Iterator[Triple]:
    for span in spans:
        span_node = span_iri(span)
        yield node, KG.evidence, Literal(span.text)
        yield node, KG.evidenceSpan, span_node
        yield span_node, RDF.type, KG.TextSpan
        yield span_node, KG.text, Literal(span.text)
        yield span_node, KG.startOffset, Literal(span.start)
        yield span_node, KG.endOffset, Literal(span.end)
        yield span_node, PROV.wasDerivedFrom, document_iri(span.doc_id)


def _event_keys(event: Event) -> set[str]:
    """The keys of the entities an event refers to (the agent counts as a participant)."""
    return {*event.participants, *filter(None, [event.agent, event.place])}


def _event_triples(event: Event, doc: URIRef, labels: dict[str, str]) -> Iterator[Triple]:
    if event.type not in EVENT_TYPES:
        raise ValueError(f"Event type {event.type!r}; expected one of {EVENT_TYPES}")
    if event.status not in STATUSES:
        raise ValueError(f"Event status {event.status!r}; expected one of {STATUSES}")
    node = event_iri(event)
    # The contract lists the agent among the participants even when the extractor did not.
    participants = {*event.participants, *filter(None, [event.agent])}
    yield node, RDF.type, KG[event.type]
    yield node, RDFS.label, Literal(event_label(event, labels))
    yield from _optional(node, KG.agent, _node(event.agent))
    for key in sorted(participants):
        yield node, KG.participant, entity_iri(key)
    yield from _optional(node, KG.place, _node(event.place))
    yield from _optional(node, KG.date, date_literal(event.date))
    yield from _optional(node, KG.endDate, date_literal(event.end_date))
    yield node, KG.status, Literal(event.status)
    yield from _optional(node, KG.name, _text(event.name))
    yield from _evidence_triples(node, event.evidence)
    yield node, PROV.wasDerivedFrom, doc


def _relation_triples(relation: Relation, doc: URIRef) -> Iterator[Triple]:
    """The direct triple and its provenance statement."""
    if relation.predicate not in RELATION_TYPES:
        raise ValueError(f"Relation {relation.predicate!r}; expected one of {RELATION_TYPES}")
    subject, predicate, obj = entity_iri(relation.subject), KG[relation.predicate], entity_iri(relation.object)
    yield subject, predicate, obj
    node = statement_iri(relation)
    yield node, RDF.type, KG.Statement
    yield node, RDF.subject, subject
    yield node, RDF.predicate, predicate
    yield node, RDF.object, obj
    yield from _optional(node, KG.role, _text(relation.role))
    yield node, KG.method, Literal(relation.method)
    yield from _evidence_triples(node, relation.evidence)
    yield node, PROV.wasDerivedFrom, doc


def union_graph(data: Graph) -> Graph:
    """A plain graph with every triple of ``data`` (all named graphs merged), prefixes kept."""
    union = Graph()
    for prefix, namespace in data.namespaces():
        union.bind(prefix, namespace, override=True, replace=True)
    quads = data.quads((None, None, None, None)) if isinstance(data, Dataset) else ((*t, None) for t in data)
    for s, p, o, _ in quads:
        union.add((s, p, o))
    return union


def write_corpus(corpus: Corpus, path: str | Path) -> Path:
    """Write the RDF of ``corpus`` to ``path``, like ``write_dataset(corpus_to_dataset(corpus), path)``.

    The line formats (``.nq``, ``.nt``) are written straight from
    :func:`corpus_graphs`, with the same bytes but without filling an rdflib
    dataset first (a third of the time, and less memory, on a large corpus).
    """
    path = Path(path)
    fmt, keeps_graphs = rdf_format(path)
    if fmt not in _LINE_FORMATS and fmt not in _PRETTY:
        return write_dataset(corpus_to_dataset(corpus), path)
    rows: dict[URIRef | None, set[str]] = {}
    for name, triples in corpus_graphs(corpus):
        rows.setdefault(name if keeps_graphs else None, set()).update(_row((s, p, _encodable_term(o))) for s, p, o in triples)
    if fmt in _PRETTY:
        return _write_pretty(rows, fmt, path)
    with atomic_write(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as out:
        out.writelines(_ordered_lines(rows))
    return path


def write_dataset(dataset: Dataset, path: str | Path) -> Path:
    """Write ``dataset`` to ``path`` in the format its extension names, atomically.

    ``.trig``, ``.nq`` and ``.jsonld`` keep the named graphs; ``.ttl`` and ``.nt``
    get the union. The same graph gives the same bytes in every process: graphs
    come in the order of their names, N-Triples and N-Quads lines sorted within
    a graph, JSON-LD arrays sorted (rdflib's in-memory store keeps graphs and
    triples in sets, whose order changes with the process's hash seed). The file
    appears complete or not at all: it is written to a temporary file next to it
    and renamed. Lone surrogates in literals are written as U+FFFD (see
    :func:`_encodable`).
    """
    path = Path(path)
    fmt, keeps_graphs = rdf_format(path)
    data = _encodable(dataset if keeps_graphs else union_graph(dataset))
    if isinstance(data, Dataset):
        data = _NamedGraphsInOrder(store=data.store)
    if fmt in _PRETTY:
        return _write_pretty(_rows(data), fmt, path)
    with atomic_write(path) as tmp:
        if fmt in _LINE_FORMATS:
            with open(tmp, "w", encoding="utf-8", newline="\n") as out:
                out.writelines(_ordered_lines(_rows(data)))
        elif fmt == "json-ld":
            # kg's prefixes as the context, not the dozens rdflib binds by default
            context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
            tree = json.loads(data.serialize(format=fmt, context=context))
            Path(tmp).write_text(json.dumps(_sorted_json(tree), indent=2, ensure_ascii=False) + "\n", "utf-8")
        else:
            data.serialize(destination=tmp, format=fmt, encoding="utf-8")
    return path


_LINE_FORMATS = ("nquads", "nt")
_PRETTY = ("trig", "turtle")


def _write_pretty(rows: Mapping[URIRef | None, Iterable[str]], fmt: str, path: Path) -> Path:
    """Write TriG or Turtle from N-Triples rows (see :func:`_ordered_lines`) with Oxigraph's serialiser.

    rdflib's took 6-9 CPU-seconds for the graph of 400 bench articles (a sixth
    of the build); Oxigraph reads the same rows as N-Quads and writes them in
    0.3 s. Subjects come in the order of the sorted rows, so the same graph
    gives the same bytes. kg's prefixes are declared when the graph uses them,
    except ``kgr:`` (kg's ids hold slashes, which a prefixed name would have
    to escape: ``kgr:doc\\/a``).
    """
    import pyoxigraph as ox

    text = "".join(_ordered_lines(rows)).encode("utf-8")
    graphs = fmt == "trig"
    terms = ox.parse(text, format=ox.RdfFormat.N_QUADS if graphs else ox.RdfFormat.N_TRIPLES)
    used = {prefix: str(iri) for prefix, iri in PREFIXES.items() if prefix != "kgr" and f"<{iri}".encode() in text}
    with atomic_write(path) as tmp:
        ox.serialize(terms, tmp, format=ox.RdfFormat.TRIG if graphs else ox.RdfFormat.TURTLE, prefixes=used)
    return path


def _row(triple: Triple) -> str:
    """A triple in N-Triples, without the final " .\n" (rdflib's own N-Triples writer does the escaping)."""
    return _nt_row(triple)[: -len(" .\n")]


def _rows(data: Graph) -> dict[URIRef | None, list[str]]:
    """The N-Triples rows of each graph of ``data`` (one graph, ``None``, when it is not a dataset)."""
    out: dict[URIRef | None, list[str]] = {}
    for graph in data.graphs() if isinstance(data, Dataset) else (data,):
        named = isinstance(data, Dataset) and graph.identifier != DATASET_DEFAULT_GRAPH_ID
        # split on "\n" alone: literals may hold U+2028, U+0085… (splitlines would cut them)
        lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").split("\n")
        out.setdefault(graph.identifier if named else None, []).extend(line[: -len(" .")] for line in lines if line)
    return out


def _ordered_lines(rows: dict[URIRef | None, Iterable[str]]) -> Iterator[str]:
    """N-Quads (named graphs) or N-Triples (``None``) lines, graphs in name order, rows sorted within each."""
    for name in sorted(rows, key=lambda name: "" if name is None else str(name)):
        suffix = " .\n" if name is None else f" {name.n3()} .\n"
        yield from (row + suffix for row in sorted(set(rows[name])))


def _sorted_json(node):
    """A JSON-LD tree with its arrays sorted (they are sets of values; ``@list`` arrays are kept)."""
    if isinstance(node, dict):
        return {key: value if key == "@list" else _sorted_json(value) for key, value in node.items()}
    if isinstance(node, list):
        return sorted((_sorted_json(item) for item in node), key=lambda item: json.dumps(item, sort_keys=True))
    return node


class _NamedGraphsInOrder(Dataset):
    """A view of a dataset's store whose graphs come sorted by name.

    rdflib's in-memory store keeps its graphs in a ``set``, so the serialisers
    would write them in an order that changes with the process's hash seed:
    the same graph would give different bytes from one run to the next.
    """

    def contexts(self, triple=None):
        return iter(sorted(super().graphs(triple), key=lambda graph: str(graph.identifier)))

    graphs = contexts


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(data: Graph) -> Graph:
    """``data``, or a copy of it whose literals have lone surrogates replaced by U+FFFD.

    UTF-8 cannot encode a lone surrogate: rdflib would write "?" in its place,
    or stop half-way through an N-Triples file. Every other character is
    escaped or written as it is by rdflib's serialisers and parses back.
    """
    if not any(isinstance(o, Literal) and _SURROGATE.search(o) for o in data.objects()):
        return data
    if not isinstance(data, Dataset):
        copy = Graph()
        for prefix, namespace in data.namespaces():
            copy.bind(prefix, namespace, override=True, replace=True)
        for s, p, o in data:
            copy.add((s, p, _encodable_term(o)))
        return copy
    copy = new_dataset()
    for s, p, o, g in data.quads((None, None, None, None)):
        copy.add((s, p, _encodable_term(o), g))
    return copy


def _encodable_term(term):
    """``term``, or for a literal holding lone surrogates a copy with U+FFFD in their place."""
    if not isinstance(term, Literal) or not _SURROGATE.search(term):
        return term
    return Literal(_SURROGATE.sub("\ufffd", term), lang=term.language, datatype=term.datatype)


def load_dataset(path: str | Path) -> Dataset:
    """Read a graph file written by kg (any of the five formats) into a new dataset.

    Named graphs are kept for ``.trig``/``.nq``/``.jsonld``; ``.ttl``/``.nt`` go
    to the default graph. Raises :class:`KgError` (E001, E003, E005).
    """
    dataset = new_dataset()
    parse_into(dataset, path)
    return dataset


def parse_into(dataset: Dataset, path: str | Path) -> None:
    """Parse the graph file at ``path`` into ``dataset`` (see :func:`load_dataset`)."""
    path = Path(path)
    fmt, keeps_graphs = rdf_format(path)
    if not path.is_file():
        raise KgError(Errors.E001.format(path=path))
    target = dataset if keeps_graphs else dataset.default_graph
    try:
        target.parse(path, format=fmt)
    except Exception as exc:  # rdflib parsers raise many unrelated types
        reason = " ".join(str(exc).split())[:300] or type(exc).__name__
        raise KgError(Errors.E005.format(path=path, reason=reason)) from exc
