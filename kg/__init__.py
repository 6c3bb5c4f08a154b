"""kg: turn news articles into an RDF knowledge graph.

>>> import kg                                   # doctest: +SKIP
>>> g = kg.build(["seeds/"])                    # doctest: +SKIP
>>> g.query("visits")                           # doctest: +SKIP

``build``, ``load`` and ``KnowledgeGraph`` (from :mod:`kg.graph`) are imported
on first use, so ``import kg`` stays cheap and loads neither spaCy nor pandas.
"""

__version__ = "0.1.0"

__all__ = ["KnowledgeGraph", "build", "load", "__version__"]

_LAZY = {"KnowledgeGraph": "kg.graph", "build": "kg.graph", "load": "kg.graph"}


def __getattr__(name):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted({*globals(), *_LAZY})
