"""Incremental builds into a persistent Oxigraph store.

The store keeps its own resolution state: ``kgr:graph/entities`` holds every
entity's key (its IRI), type, label, aliases and external ids, and the
document graphs hold the ``kg:leaderOf`` statements. Each batch of new
extractions is resolved together with those (:func:`kg.resolve.resolve` with
``known=``), so a new article that names only "Putin" maps to the stored
"Vladimir Putin", and only what changed is written:

- the graph of each document in the batch (replacing an older version; the
  entities only that older version mentioned are dropped first);
- the descriptions of the entities the batch mentions or changes;
- when a stored entity merges into a new one (a stored "Putin" once
  "Vladimir Putin" appears), its IRI is renamed in every graph.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..errors import Errors, KgError
from ..keys import LEADER_OF, slug
from ..model import Corpus, Entity, Extraction
from ..rdf import _ID_PROPERTIES, ENTITIES_GRAPH, corpus_graphs, document_counts
from ..resolve import key_mapping, resolve
from .oxigraph import OxigraphStore

__all__ = ["StoreWriter", "export_store", "remove_document"]


class StoreWriter:
    """Adds batches of extractions to ``store``, resolving entities against what it holds.

    The entities are read once and then kept up to date in memory: they are
    the whole resolution state, small next to the documents.
    """

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store
        self.known: dict[str, Entity] = {e.key: e for e in store.entities()}
        self.counts: Counter[str] = Counter(store.document_counts())
        if self.known.keys() - self.counts.keys():  # a store written before kg:documentCount existed
            self.counts = Counter(store.count_documents())
            store.set_document_counts({key: self.counts[key] for key in self.known})

    def add(self, extractions: list[Extraction]) -> tuple[int, int]:
        """Write ``extractions`` (distinct document ids); how many documents were new and replaced."""
        doc_ids = [x.document.id for x in extractions]
        present = [d for d in doc_ids if self.store.has_document(d)]
        dropped = self.store.drop_documents(present)
        self.counts.subtract(dropped)
        for key in self.store.prune_entities(dropped):
            self.known.pop(key, None)
            self.counts.pop(key, None)
        known = self._votes(extractions)
        mapping = key_mapping([*known, *(e for x in extractions for e in x.entities)])
        leaders = self.store.leader_relations(_placeholder_countries(extractions))
        corpus = resolve(extractions, known=known, known_relations=leaders)
        renames = {key: mapping[key] for key in self.known if key in mapping}
        self.store.rename_entities(renames)
        for old, new in renames.items():  # a document may name both: count them again, not add up
            self.counts.pop(old, None)
            self.counts[new] = self.store.mention_count(new)
        self.counts.update(document_counts(corpus.extractions))
        merged = {e.key: e for e in corpus.entities}
        wanted = {k for k, e in merged.items() if _canonical(self.known.get(k)) != _canonical(e)}
        wanted |= {k for x in corpus.extractions for k in _referenced(x) if k}
        written = Corpus(entities=tuple(merged[k] for k in sorted(wanted) if k in merged),
                         extractions=corpus.extractions)  # fmt: skip
        graphs = dict(corpus_graphs(written, counts=self.counts))
        entity_triples = graphs.pop(ENTITIES_GRAPH)
        self.store.replace_graphs(graphs.items())  # the batch's documents
        self.store.put_entities(entity_triples)
        recounted = (dropped.keys() | renames.values()) - wanted
        self.store.set_document_counts({key: self.counts[key] for key in recounted if key in merged})
        self.known = merged
        return len(doc_ids) - len(present), len(present)

    def _votes(self, extractions: list[Extraction]) -> list[Entity]:
        """The stored entities as :func:`kg.resolve.resolve` should count them.

        A batch's entities vote on a name's type one record per document; a
        stored entity whose name a new entity of another key shares gets one
        record per document that mentions it, so a batch does not outvote the
        whole store.
        """
        names: dict[str, set[str]] = defaultdict(set)
        for entity in (e for x in extractions for e in x.entities):
            names[slug(entity.label)].add(entity.key)
        out = []
        for entity in self.known.values():
            if names.get(slug(entity.label), set()) - {entity.key}:
                out.extend([entity] * max(1, self.counts[entity.key]))
            else:
                out.append(entity)
        return out


def remove_document(store_dir: str | Path, doc_id: str) -> list[str]:
    """Drop the graph of document ``doc_id`` and the entities no other document mentions.

    Returns the keys of the entities dropped. Raises :class:`KgError` E015
    (no store there) or E017 (no such document).
    """
    with OxigraphStore.open(store_dir) as store:
        if not store.has_document(doc_id):
            raise KgError(Errors.E017.format(id=doc_id, path=store_dir))
        counts = store.document_counts()
        dropped = store.drop_documents([doc_id])
        orphans = store.prune_entities(dropped)
        left = {key: counts[key] - n if key in counts else store.mention_count(key) for key, n in dropped.items()}
        store.set_document_counts({key: n for key, n in left.items() if key not in orphans})
        return sorted(orphans)


def export_store(store_dir: str | Path, out: str | Path) -> Path:
    """Write the whole store to ``out`` (any contract format, atomically)."""
    with OxigraphStore.open(store_dir, read_only=True) as store:
        return store.dump(out)


def _canonical(entity: Entity | None) -> tuple | None:
    """What an entity contributes to the entities graph, whatever the order of its aliases and ids."""
    if entity is None:
        return None
    ids = frozenset((str(_ID_PROPERTIES.get(name, name)), value) for name, value in entity.ids)
    return entity.type, entity.label, frozenset(entity.aliases) - {entity.label}, ids


def _placeholder_countries(extractions: list[Extraction]) -> set[str]:
    """The countries whose unnamed leader takes part in an event of ``extractions``."""
    keys = (k for x in extractions for ev in x.events for k in (ev.agent, *ev.participants) if k)
    return {k[len(LEADER_OF) :] for k in keys if k.startswith(LEADER_OF)}


def _referenced(extraction: Extraction) -> Iterable[str | None]:
    """The entity keys a resolved extraction's graph refers to (labels of its events need them)."""
    yield from (e.key for e in extraction.entities)
    yield from (m.key for m in extraction.mentions)
    for event in extraction.events:
        yield from (event.agent, event.place, *event.participants)
    for relation in extraction.relations:
        yield relation.subject
        yield relation.object
