"""Graph stores behind a name: ``get_store("memory")``.

Like rdflib's plugin registry, a name maps to ``"module:Class"`` and the
module is imported only when that store is asked for, so an optional backend's
dependency is needed only by those who use it.

>>> store = get_store("memory")
>>> store.context_aware
True
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from ..errors import Errors, KgError
from .base import Store

__all__ = ["Store", "get_store", "register", "store_names"]

_REGISTRY: dict[str, str] = {
    "memory": "kg.store.memory:MemoryStore",
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
