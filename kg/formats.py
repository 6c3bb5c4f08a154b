"""RDF file formats by extension (the contract's list)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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



@contextmanager
def atomic_write(path: str | Path) -> Iterator[str]:
    """Yield a temporary file name beside ``path``; when the block succeeds it replaces ``path``.

    An interrupted or failed write leaves the previous file as it was. Raises
    :class:`KgError` (E009) when the file cannot be written.
    """
    path = Path(path)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(handle)
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        raise KgError(Errors.E009.format(path=path, reason=exc.strerror or exc)) from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.remove(tmp)
