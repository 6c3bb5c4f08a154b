"""RDF file formats by extension (the contract's list)."""

from __future__ import annotations

from pathlib import Path

from .errors import Errors, KgError

# suffix -> (rdflib format name, keeps named graphs)
FORMATS: dict[str, tuple[str, bool]] = {
    ".trig": ("trig", True),
    ".nq": ("nquads", True),
    ".ttl": ("turtle", False),
    ".nt": ("nt", False),
    ".jsonld": ("json-ld", True),
}


def rdf_format(path: str | Path) -> tuple[str, bool]:
    """The rdflib format name for ``path`` and whether it keeps named graphs.

    >>> rdf_format("out/graph.trig")
    ('trig', True)
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise KgError(Errors.E003.format(suffix=suffix or "(none)", path=path, formats=", ".join(FORMATS)))
    return FORMATS[suffix]


def load_dataset(path: str | Path):
    """Parse a graph file written by ``kg build`` into an ``rdflib.Dataset``.

    Formats without named graphs (.ttl, .nt) land in the default graph; use
    ``dataset`` with ``default_union=True`` semantics via the returned object.
    """
    import rdflib  # rdflib only appears from the RDF layer on

    path = Path(path)
    fmt, _ = rdf_format(path)
    if not path.is_file():
        raise KgError(Errors.E001.format(path=path))
    dataset = rdflib.Dataset(default_union=True)
    try:
        dataset.parse(str(path), format=fmt)
    except Exception as exc:  # rdflib raises many types; the user needs one line
        reason = " ".join(str(exc).split())[:300] or type(exc).__name__
        raise KgError(Errors.E005.format(path=path, reason=reason)) from None
    return dataset
