"""The in-memory store: an rdflib :class:`~rdflib.Dataset`."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset
from rdflib.query import Result

from ..errors import Errors, KgError
from ..model import Corpus
from ..rdf import corpus_to_dataset, load_dataset, new_dataset, parse_into, write_dataset
from .base import Store

__all__ = ["MemoryStore", "load_dataset"]


class MemoryStore(Store):
    """Everything in one rdflib dataset; queries see the union of all graphs.

    Pass ``dataset`` to wrap an existing one (e.g. from :func:`load_dataset`);
    it is used as is, with ``default_union`` switched on.
    """

    name = "memory"
    context_aware = True

    def __init__(self, dataset: Dataset | None = None) -> None:
        self.dataset = dataset if dataset is not None else new_dataset()
        self.dataset.default_union = True

    def add_corpus(self, corpus: Corpus) -> None:
        for graph in corpus_to_dataset(corpus).graphs():
            if len(graph):
                self.dataset.remove_graph(graph.identifier)
                target = self.dataset.graph(graph.identifier)
                target += graph

    def query(self, sparql: str) -> Result:
        try:
            return self.dataset.query(sparql)
        except Exception as exc:  # pyparsing and rdflib raise many unrelated types
            raise KgError(Errors.E010.format(reason=" ".join(str(exc).split())[:300])) from exc

    def load(self, path: str | Path) -> None:
        parse_into(self.dataset, path)

    def dump(self, path: str | Path) -> Path:
        return write_dataset(self.dataset, path)

    def close(self) -> None:
        self.dataset.close()
