"""The one interface every graph store implements (like rdflib's ``Store``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model import Corpus

__all__ = ["Store"]


class Store:
    """A place to put built graphs and ask SPARQL questions.

    A backend overrides what it supports; everything else raises
    :class:`NotImplementedError`. Flags say what a backend can do, so callers
    and tests can check instead of trying.
    """

    #: The registry name, e.g. ``"memory"``.
    name: str = ""
    #: Keeps named graphs (one per document plus ``kgr:graph/entities``).
    context_aware: bool = False
    #: Survives ``close()`` (data lives on disk, not in memory).
    persistent: bool = False

    def add_corpus(self, corpus: Corpus) -> None:
        """Add the RDF of ``corpus`` (see :func:`kg.rdf.corpus_to_dataset`).

        Each named graph the corpus yields (``kgr:graph/entities`` and one per
        document) replaces the graph of the same name, so adding a rebuilt
        document leaves no stale events behind.
        """
        raise NotImplementedError(f"{type(self).__name__} cannot add a corpus")

    def query(self, sparql: str) -> Any:
        """Run a SPARQL query over the union of all graphs.

        Returns an :class:`rdflib.query.Result`: iterate it for the rows of a
        SELECT (tuples of rdflib terms), read ``askAnswer`` for an ASK and
        ``graph`` for a CONSTRUCT or DESCRIBE. A malformed query raises
        :class:`kg.errors.KgError` (E010).
        """
        raise NotImplementedError(f"{type(self).__name__} cannot run SPARQL")

    def load(self, path: str | Path) -> None:
        """Add the graph file at ``path`` (format from the extension)."""
        raise NotImplementedError(f"{type(self).__name__} cannot load files")

    def dump(self, path: str | Path) -> Path:
        """Write everything to ``path`` (format from the extension), atomically."""
        raise NotImplementedError(f"{type(self).__name__} cannot write files")

    def close(self) -> None:
        """Release resources; the store is unusable afterwards."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
