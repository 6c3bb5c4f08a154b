"""Data files shipped with kg (gazetteer tables, titles, trigger patterns, viewer assets).

The readers live here, not in :mod:`kg.nlp`, so that modules which only need a
word list (:mod:`kg.resolve`) do not import spaCy: the main process of
``kg build --workers N`` hands documents to workers and never parses.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["data_lines", "data_text"]


def data_text(name: str) -> str:
    """The text of a data file shipped in ``kg/data``."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file in ``kg/data``."""
    lines = (line.strip() for line in data_text(name).splitlines())
    return [line for line in lines if line and not line.startswith("#")]
