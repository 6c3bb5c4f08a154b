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

