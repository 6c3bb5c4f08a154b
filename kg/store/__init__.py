"""Graph stores behind a name: ``get_store("memory")``, ``get_store("oxigraph", path="store/")``.

Like rdflib's plugin registry, a name maps to ``"module:Class"`` and the
module is imported only when that store is asked for, so an optional backend's
dependency is needed only by those who use it.

>>> store = get_store("memory")
>>> store.context_aware
True
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

from ..errors import Errors, KgError
from .base import Store

__all__ = ["Store", "get_store", "open_dataset", "open_source", "register", "store_names"]

_REGISTRY: dict[str, str] = {
    "memory": "kg.store.memory:MemoryStore",
    "oxigraph": "kg.store.oxigraph:OxigraphStore",
}


def register(name: str, target: str) -> None:
    """Make the class at ``target`` (``"package.module:Class"``) available as ``name``."""
    _REGISTRY[name] = target


def store_names() -> list[str]:
    """The names :func:`get_store` accepts."""
    return sorted(_REGISTRY)


def get_store(name: str = "memory", **kwargs: Any) -> Store:
    """A new store of the backend called ``name``; ``kwargs`` go to its constructor.

    Raises :class:`KgError` (E012) for an unknown name. A known backend whose
    dependency is missing raises the ``ImportError``.
    """
    if name not in _REGISTRY:
        raise KgError(Errors.E012.format(name=name, names=", ".join(store_names())))
    module_name, _, class_name = _REGISTRY[name].partition(":")
    return getattr(import_module(module_name), class_name)(**kwargs)


def open_source(path: str | Path) -> Any:
    """What :func:`kg.query.run_query` runs on: a graph file as an rdflib ``Dataset``, a
    store directory (``kg build --store``) as a read-only Oxigraph store, which
    answers SPARQL itself. Raises :class:`KgError` E001/E003/E005 for a bad
    file, E015 for a directory that holds no store.
    """
    if Path(path).is_dir():
        from .oxigraph import OxigraphStore

        return OxigraphStore.open(path, read_only=True)
    from ..rdf import load_dataset

    return load_dataset(path)


def open_dataset(path: str | Path) -> Any:
    """A graph file or a store directory as an rdflib ``Dataset`` (union default graph).

    For code that walks the graph in Python (``kg viz``, analytics); a store is
    read through one N-Quads dump, so this holds it all in memory.
    """
    source = open_source(path)
    if not isinstance(source, Store):
        return source
    import pyoxigraph
    import rdflib

    dataset = rdflib.Dataset(default_union=True)
    with source:
        dataset.parse(data=source.native.dump(format=pyoxigraph.RdfFormat.N_QUADS), format="nquads")
    return dataset
