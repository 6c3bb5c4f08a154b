"""The Oxigraph store: a persistent (RocksDB) or in-memory ``pyoxigraph.Store``.

It keeps the layout of ``docs/graph.md``: ``kgr:graph/entities`` plus one
named graph per document. Besides the :class:`~kg.store.base.Store` interface
it offers what incremental builds need (:mod:`kg.store.incremental`): read the
entities back, rename an entity everywhere, replace or drop the graph of one
document, and prune entities no document mentions any more.

>>> store = OxigraphStore()
>>> store.query("ASK { ?s ?p ?o }").askAnswer
False
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from rdflib.query import Result

from ..errors import Errors, KgError
from ..formats import atomic_write, rdf_format
from ..model import ENTITY_TYPES, Corpus, Entity, Relation
from ..ontology import KG, KGR, PREFIXES
from ..rdf import _ID_PROPERTIES, ENTITIES_GRAPH, corpus_graphs, document_iri, entity_iri
from .base import Store

__all__ = ["OxigraphStore", "is_store_dir", "to_oxigraph", "to_rdflib"]

#: kg's prefixes as plain strings: declared for every query, used in Turtle/TriG output.
SPARQL_PREFIXES: dict[str, str] = {name: str(ns) for name, ns in PREFIXES.items()}

_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
_XSD_STRING = str(XSD.string)
_SURROGATE = re.compile("[\ud800-\udfff]")
_BULK = 20_000  # more quads than this go through bulk_extend (writes files directly, no transaction)
_BULK_FILE = 64 * 1024 * 1024  # bigger files go through bulk_load (streamed, not transactional)
_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o }"

# property IRI -> Entity.ids name, the inverse of kg.rdf's table (one name per property)
_ID_NAMES = {str(prop): name for name, prop in reversed(list(_ID_PROPERTIES.items()))}
_ENTITIES = ox.NamedNode(str(ENTITIES_GRAPH))
_MENTIONS = ox.NamedNode(str(KG.mentions))
_DOCUMENT_COUNT = ox.NamedNode(str(KG.documentCount))
_INTEGER = ox.NamedNode(str(XSD.integer))
_TYPE, _LABEL, _ALT = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)


def is_store_dir(path: str | Path) -> bool:
    """Whether ``path`` is a directory holding an Oxigraph (RocksDB) store."""
    return (Path(path) / "CURRENT").is_file()


def to_rdflib(term):
    """An Oxigraph term as an rdflib term (``None`` for the default graph or an unbound value)."""
    if term is None or isinstance(term, ox.DefaultGraph):
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"Unsupported RDF term {term!r} (RDF-star triples are not used by kg)")


def to_oxigraph(term):
    """An rdflib term as an Oxigraph term (``None`` becomes the default graph)."""
    if term is None:
        return ox.DefaultGraph()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        value = _SURROGATE.sub("\ufffd", str(term))  # UTF-8 (and Oxigraph) cannot hold a lone surrogate
        if term.language:
            return ox.Literal(value, language=term.language)
        if term.datatype is not None:
            return ox.Literal(value, datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(value)
    raise TypeError(f"Unsupported RDF term {term!r}")


def _quads(triples: Iterable[tuple], name) -> Iterator[ox.Quad]:
    context = ox.NamedNode(str(name))
    for s, p, o in triples:
        yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), context)


class OxigraphStore(Store):
    """Named graphs in Oxigraph; queries see the union of all graphs.

    ``path`` is the store directory (created when missing) or ``None`` for a
    store in memory. ``read_only=True`` opens an existing directory without
    taking its lock, so several readers (``kg query``, ``kg serve``) can share
    it; do not write to it from another process meanwhile.
    """

    name = "oxigraph"
    context_aware = True

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.persistent = path is not None
        self.read_only = read_only
        try:
            if path is None:
                self.native = ox.Store()
            elif read_only:
                self.native = ox.Store.read_only(str(path))
            else:
                self.native = ox.Store(str(path))
        except FileNotFoundError:
            raise KgError(Errors.E015.format(path=path)) from None
        except OSError as exc:  # another process holds the lock, bad permissions, damaged files
            reason = "another writer has it open (a kg build or kg remove?)" if "LOCK" in str(exc) else _one_line(exc)
            raise KgError(Errors.E016.format(path=path, reason=reason)) from None

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> OxigraphStore:
        """An existing store directory; :class:`KgError` E015 when ``path`` holds none."""
        if not is_store_dir(path):
            raise KgError(Errors.E015.format(path=path))
        return cls(path, read_only=read_only)

    # -- the Store interface -------------------------------------------------

    def add_corpus(self, corpus: Corpus) -> None:
        self.replace_graphs(corpus_graphs(corpus))

    def query(self, sparql: str) -> Result:
        try:
            answer = self.native.query(sparql, prefixes=SPARQL_PREFIXES, use_default_graph_as_union=True)
            return _result(answer)
        except (SyntaxError, OSError, ValueError, RuntimeError) as exc:  # parse or evaluation error
            raise KgError(Errors.E010.format(reason=_one_line(exc))) from None

    def load(self, path: str | Path) -> None:
        path = Path(path)
        rdf_format(path)  # E003 for a suffix kg does not write
        fmt = _FORMATS[path.suffix.lower()]
        if not path.is_file():
            raise KgError(Errors.E001.format(path=path))
        try:
            if path.stat().st_size > _BULK_FILE:
                self.native.bulk_load(path=str(path), format=fmt)
            else:
                self.native.load(path=str(path), format=fmt)
        except (SyntaxError, ValueError) as exc:
            raise KgError(Errors.E005.format(path=path, reason=_one_line(exc))) from None
        except OSError as exc:
            raise KgError(Errors.E002.format(path=path, reason=_one_line(exc))) from None

    def dump(self, path: str | Path) -> Path:
        path = Path(path)
        _, keeps_graphs = rdf_format(path)
        fmt = _FORMATS[path.suffix.lower()]
        with atomic_write(path) as tmp, open(tmp, "wb") as out:
            self._write(out, fmt, keeps_graphs)
        return path

    def close(self) -> None:
        # pyoxigraph has no close(): RocksDB releases the directory when the object goes
        self.native = None

    # -- incremental builds --------------------------------------------------

    def __len__(self) -> int:
        """The number of quads (a triple in two graphs counts twice)."""
        return len(self.native)

    def document_ids(self) -> list[str]:
        """The ``dcterms:identifier`` of every document in the store, sorted."""
        rows = self.query("SELECT DISTINCT ?id WHERE { GRAPH ?g { ?g a kg:Document ; dcterms:identifier ?id } }")
        return sorted(str(row[0]) for row in rows)

    def has_document(self, doc_id: str) -> bool:
        return self.native.contains_named_graph(ox.NamedNode(str(document_iri(doc_id))))

    def replace_graphs(self, graphs: Iterable[tuple[URIRef, Iterable[tuple]]]) -> None:
        """Each non-empty graph of ``graphs`` (``(name, triples)``, as :func:`kg.rdf.corpus_graphs` gives
        them) replaces its namesake.

        The triples go in as Oxigraph terms directly, not through an rdflib graph
        first: that took half the time of writing a batch of a store build.
        """
        quads: list[ox.Quad] = []
        for name, triples in graphs:
            new = list(_quads(triples, name))
            if new:
                node = ox.NamedNode(str(name))
                if self.native.contains_named_graph(node):
                    self.native.remove_graph(node)
                quads.extend(new)
        self._extend(quads)

    def entities(self) -> list[Entity]:
        """Every entity of ``kgr:graph/entities`` as an :class:`Entity` (aliases and ids sorted)."""
        found: dict[str, dict] = {}
        for quad in self.native.quads_for_pattern(None, None, None, _ENTITIES):
            if not isinstance(quad.subject, ox.NamedNode):
                continue
            item = found.setdefault(quad.subject.value, {"types": [], "labels": [], "aliases": [], "ids": []})
            predicate, value = quad.predicate.value, quad.object
            if predicate == _TYPE and value.value.startswith(str(KG)):
                item["types"].append(value.value[len(str(KG)) :])
            elif predicate == _LABEL:
                item["labels"].append(value.value)
            elif predicate == _ALT:
                item["aliases"].append(value.value)
            elif predicate in _ID_NAMES:
                item["ids"].append((_ID_NAMES[predicate], value.value))
        entities = []
        for iri, item in found.items():
            key = entity_key_of(iri)
            types = [t for t in item["types"] if t in ENTITY_TYPES]
            if key is None or not types or not item["labels"]:
                continue
            label = min(item["labels"])
            entities.append(Entity(key, types[0], label, aliases=tuple(sorted(set(item["aliases"]) - {label})),
                                   ids=tuple(sorted(set(item["ids"])))))  # fmt: skip
        return sorted(entities, key=lambda e: e.key)

    def put_entities(self, triples: Iterable[tuple]) -> None:
        """Each subject of ``triples`` gets exactly its triples there in ``kgr:graph/entities``."""
        quads = list(_quads(triples, ENTITIES_GRAPH))
        for subject in {q.subject for q in quads}:
            self._drop_subject(subject)
        self._extend(quads)

    def drop_entities(self, keys: Iterable[str]) -> None:
        """Remove the description of each entity key from ``kgr:graph/entities``."""
        for key in keys:
            self._drop_subject(ox.NamedNode(str(entity_iri(key))))

    def rename_entities(self, renames: dict[str, str]) -> None:
        """Replace each old entity key's IRI by the new key's IRI in every graph.

        The old description leaves ``kgr:graph/entities``; the caller writes the merged one.
        """
        for old, new in renames.items():
            before, after = ox.NamedNode(str(entity_iri(old))), ox.NamedNode(str(entity_iri(new)))
            self._drop_subject(before)
            changed = [*self.native.quads_for_pattern(before, None, None), *self.native.quads_for_pattern(None, None, before)]
            for quad in changed:
                self.native.remove(quad)
            self.native.extend([
                ox.Quad(after if q.subject == before else q.subject, q.predicate,
                        after if q.object == before else q.object, q.graph_name)
                for q in changed
            ])  # fmt: skip

    def leader_relations(self, countries: Iterable[str]) -> list[Relation]:
        """The ``kg:leaderOf`` statements read from text whose object is one of ``countries`` (keys).

        ``Relation.doc_id`` holds the IRI of the document graph the statement is in.
        """
        values = " ".join(f"<{entity_iri(key)}>" for key in sorted(set(countries)))
        if not values:
            return []
        answer = self.native.query(
            f"SELECT ?s ?o ?doc WHERE {{ VALUES ?o {{ {values} }} GRAPH ?doc {{ ?st a kg:Statement ; "
            'rdf:subject ?s ; rdf:predicate kg:leaderOf ; rdf:object ?o ; kg:method "text" } }',
            prefixes=SPARQL_PREFIXES,
        )
        out = []
        for row in answer:
            subject, obj = entity_key_of(row["s"].value), entity_key_of(row["o"].value)
            if subject and obj:
                out.append(Relation(subject, "leaderOf", obj, row["doc"].value, method="text"))
        return out

    def drop_documents(self, doc_ids: Iterable[str]) -> Counter[str]:
        """Remove the graphs of the documents ``doc_ids``; how many of them mentioned each entity key.

        The entities' ``kg:documentCount`` is left to the caller (see :meth:`set_document_counts`).
        """
        mentioned: Counter[str] = Counter()
        for doc_id in doc_ids:
            graph = ox.NamedNode(str(document_iri(doc_id)))
            for quad in self.native.quads_for_pattern(None, _MENTIONS, None, graph):
                key = entity_key_of(quad.object.value)
                if key:
                    mentioned[key] += 1
            self.native.remove_graph(graph)
        return mentioned

    def prune_entities(self, keys: Iterable[str] | None = None) -> set[str]:
        """Drop the entities (of ``keys``, or all) that no document mentions; their keys."""
        if keys is None:
            candidates = {q.subject for q in self.native.quads_for_pattern(None, None, None, _ENTITIES)}
        else:
            candidates = {ox.NamedNode(str(entity_iri(k))) for k in keys}
        orphans = set()
        for node in candidates:
            if isinstance(node, ox.NamedNode) and next(self.native.quads_for_pattern(None, _MENTIONS, node), None) is None:
                self._drop_subject(node)
                orphans.add(entity_key_of(node.value) or node.value)
        return orphans

    def mention_count(self, key: str) -> int:
        """How many document graphs mention the entity ``key`` (counted, not read from ``kg:documentCount``)."""
        node = ox.NamedNode(str(entity_iri(key)))
        return len({q.graph_name for q in self.native.quads_for_pattern(None, _MENTIONS, node)})

    def document_counts(self) -> dict[str, int]:
        """Entity key -> its ``kg:documentCount`` in ``kgr:graph/entities``, for the entities that have one."""
        counts = {}
        for quad in self.native.quads_for_pattern(None, _DOCUMENT_COUNT, None, _ENTITIES):
            key = entity_key_of(quad.subject.value) if isinstance(quad.subject, ox.NamedNode) else None
            if key:
                counts[key] = int(quad.object.value)
        return counts

    def set_document_counts(self, counts: dict[str, int]) -> None:
        """Give each described entity of ``counts`` (key -> documents) that ``kg:documentCount``."""
        removed, added = [], []
        for key, count in counts.items():
            node = ox.NamedNode(str(entity_iri(key)))
            if next(self.native.quads_for_pattern(node, None, None, _ENTITIES), None) is None:
                continue  # no description (pruned, or never written): nothing to count
            removed.extend(self.native.quads_for_pattern(node, _DOCUMENT_COUNT, None, _ENTITIES))
            added.append(ox.Quad(node, _DOCUMENT_COUNT, ox.Literal(str(count), datatype=_INTEGER), _ENTITIES))
        for quad in removed:
            self.native.remove(quad)
        self._extend(added)

    def count_documents(self) -> dict[str, int]:
        """Entity key -> how many document graphs mention it, counted over the whole store."""
        answer = self.native.query(
            "SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g kg:mentions ?e } } GROUP BY ?e",
            prefixes=SPARQL_PREFIXES,
        )
        counts = {}
        for row in answer:
            key = entity_key_of(row["e"].value)
            if key:
                counts[key] = int(row["n"].value)
        return counts

    def graph_names(self) -> list[URIRef]:
        """The named graphs, sorted."""
        return sorted(URIRef(g.value) for g in self.native.named_graphs() if isinstance(g, ox.NamedNode))

    def dump_graph(self, name: URIRef | None = None, out=None, fmt: ox.RdfFormat = ox.RdfFormat.N_TRIPLES):
        """The triples of the named graph ``name``, or of the union of all graphs when it is None.

        Written to the binary file ``out``, or returned as bytes when ``out`` is None.
        """
        prefixes = SPARQL_PREFIXES if fmt is ox.RdfFormat.TURTLE else None
        if name is None:
            triples = self.native.query(_UNION, use_default_graph_as_union=True)
            return ox.serialize(triples, out, fmt, prefixes=prefixes)
        return self.native.dump(out, fmt, from_graph=ox.NamedNode(str(name)), prefixes=prefixes)

    # -- helpers ---------------------------------------------------------------

    def _write(self, out, fmt: ox.RdfFormat, keeps_graphs: bool) -> None:
        if keeps_graphs:
            self.native.dump(out, fmt, prefixes=SPARQL_PREFIXES if fmt is not ox.RdfFormat.N_QUADS else None)
        else:
            self.dump_graph(None, out, fmt)

    def _extend(self, quads: list[ox.Quad]) -> None:
        if len(quads) > _BULK:
            self.native.bulk_extend(quads)
        elif quads:
            self.native.extend(quads)

    def _drop_subject(self, node) -> None:
        for quad in list(self.native.quads_for_pattern(node, None, None, _ENTITIES)):
            self.native.remove(quad)


def entity_key_of(iri: str) -> str | None:
    """The key ``kind:slug`` of an entity IRI ``kgr:kind/slug`` (``None`` for other IRIs).

    >>> entity_key_of("https://w3id.org/kg-news/id/person/vladimir-putin")
    'person:vladimir-putin'
    """
    base = str(KGR)
    if not iri.startswith(base):
        return None
    kind, sep, rest = iri[len(base) :].partition("/")
    if not sep or kind.capitalize() not in ENTITY_TYPES or not rest or "/" in rest:
        return None
    return f"{kind}:{rest}"


def _result(answer) -> Result:
    """A pyoxigraph answer as an :class:`rdflib.query.Result` (what every kg store returns)."""
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, ox.QueryTriples):
        result = Result("CONSTRUCT")
        graph = Graph()
        for prefix, namespace in SPARQL_PREFIXES.items():
            graph.bind(prefix, namespace)
        for triple in answer:
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        result.graph = graph
        return result
    result = Result("SELECT")
    names = [v.value for v in answer.variables]
    result.vars = [Variable(n) for n in names]
    result.bindings = [
        {Variable(n): to_rdflib(solution[n]) for n in names if solution[n] is not None} for solution in answer
    ]
    return result


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__
