"""SPARQL over a graph kg built, with plain Python values out.

Every query gets the prefixes in :data:`PREFIXES` (``kg:``, ``kgr:``, ``rdfs:``,
``skos:``, ``xsd:``, ``dcterms:``, ``prov:``, ``schema:``, ``owl:`` …) declared for
free; a ``PREFIX`` line in the query itself wins. Queries run over the union of
all named graphs of the dataset :func:`kg.rdf.load_dataset` returns. kg
resource IRIs hold a "/" after ``kgr:``, which SPARQL writes escaped:
``kgr:country\\/in`` (or in full, ``<https://w3id.org/kg-news/id/country/in>``).

>>> from rdflib import Dataset
>>> run_query(Dataset(default_union=True), "ASK { ?s a kg:Visit }")
QueryResult(columns=['ask'], rows=[(False,)])
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Literal
from rdflib.plugins.sparql.algebra import translateQuery, traverse
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from .errors import Errors, KgError
from .ontology import PREFIXES as _NAMESPACES
from .ontology import ontology_dir
from .store.base import Store

__all__ = [
    "PREFIXES",
    "QueryResult",
    "competency_queries",
    "read_query",
    "run_query",
    "to_csv",
    "to_json",
    "with_prefixes",
]

#: prefix -> namespace IRI, declared for every query.
PREFIXES: dict[str, str] = {name: str(ns) for name, ns in _NAMESPACES.items()}

QUERY_SUFFIXES = (".rq", ".sparql")
TRIPLE_COLUMNS = ["subject", "predicate", "object"]

_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)
_LOCAL_ESCAPE = re.compile(r"\\([_~.\-!$&'()*+,;=/?#@%])")
_UNKNOWN_PREFIX = re.compile(r"Unknown namespace prefix\s*:\s*(\S+)")
_NUMERIC = {
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte", "decimal", "float", "double",
}  # fmt: skip
_XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class QueryResult:
    """A query's answer as plain values.

    ``columns`` are the projected variable names (``["ask"]`` for ASK,
    ``["subject", "predicate", "object"]`` for CONSTRUCT and DESCRIBE); each row
    holds one value per column: ``str`` for IRIs and literals (dates keep their
    lexical form, e.g. ``"--07-08"``), ``int``/``float`` for numbers, ``bool`` for
    booleans and ASK, ``None`` for an unbound variable.
    """

    columns: list[str]
    rows: list[tuple]

    def records(self) -> list[dict]:
        """The rows as dicts ``column -> value``."""
        return [dict(zip(self.columns, row)) for row in self.rows]


def with_prefixes(sparql: str) -> str:
    """``sparql`` with one first line declaring every :data:`PREFIXES` entry it lacks.

    >>> with_prefixes("PREFIX kg: <urn:x#> ASK {}").count("PREFIX kg:")
    1
    """
    declared = {m.group(1) or "" for m in _DECLARED.finditer(sparql)}
    missing = [f"PREFIX {name}: <{iri}>" for name, iri in PREFIXES.items() if name not in declared]
    return " ".join(missing) + "\n" + sparql if missing else sparql


def run_query(dataset, sparql: str) -> QueryResult:
    """Run ``sparql`` on ``dataset`` (an ``rdflib`` graph or dataset, or a :class:`kg.store.Store`,
    which evaluates the query itself: Oxigraph is much faster than rdflib).

    Raises :class:`KgError` ``E010`` with the parser's message, line and column
    when the query is malformed (or fails while being evaluated).
    """
    text = with_prefixes(sparql)
    shift = 0 if text is sparql else 1
    native = isinstance(dataset, Store)  # it parses the query itself; rdflib only explains its errors
    prepared = None if native else _parse(text, sparql, shift)
    try:
        result = dataset.query(text) if native else dataset.query(prepared)
        if result.type == "ASK":
            return QueryResult(["ask"], [(bool(result.askAnswer),)])
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            rows = sorted((tuple(_plain(t) for t in triple) for triple in result.graph), key=_sort_key)
            return QueryResult(list(TRIPLE_COLUMNS), rows)
        columns = [str(v) for v in result.vars]
        rows = [tuple(_plain(row[i]) for i in range(len(columns))) for row in result]
    except KgError:
        if native:
            _parse(text, sparql, shift)  # rdflib's message names the line and column of a syntax error
        raise
    except Exception as exc:  # rdflib evaluation errors (its own bugs included)
        raise KgError(Errors.E010.format(reason=f"evaluation failed: {_one_line(exc)}")) from None
    return QueryResult(columns, rows)


def read_query(text_or_path: str | Path) -> str:
    """The query text behind ``text_or_path``.

    A path to an existing ``.rq``/``.sparql`` file is read; the bare name of a
    query in ``ontology/queries`` (``"visits"``) gives that query; anything else is
    the query text itself. A ``.rq``/``.sparql`` path that does not exist raises
    ``E001`` rather than being parsed as SPARQL.
    """
    text = str(text_or_path)
    if "\n" not in text and "{" not in text:
        path = Path(text)
        if path.suffix.lower() in QUERY_SUFFIXES:
            if not path.is_file():
                raise KgError(Errors.E001.format(path=path))
            try:
                return path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise KgError(Errors.E002.format(path=path, reason=_one_line(exc))) from None
        bundled = competency_queries()
        if text in bundled:
            return bundled[text]
    return text


def competency_queries() -> dict[str, str]:
    """The competency questions in ``ontology/queries/*.rq``, name (file stem) -> text."""
    folder = ontology_dir() / "queries"
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.rq"))}


def to_csv(result: QueryResult) -> str:
    """``result`` as CSV text with a header row; unbound values are empty cells."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(["" if v is None else str(v).lower() if isinstance(v, bool) else v for v in row])
    return out.getvalue()


def to_json(result: QueryResult) -> str:
    """``result`` as a JSON list of objects ``column -> value`` (``null`` when unbound)."""
    return json.dumps(result.records(), ensure_ascii=False, indent=2)


def _prepare(text: str):
    """Parse and translate ``text``, unescaping prefixed names such as ``kgr:city\\/524901``.

    SPARQL allows ``\\/`` in a prefixed name (kg IRIs hold a "/" after the
    ``kgr:`` namespace), but rdflib keeps the backslash in the IRI.
    """
    tree = parseQuery(text)
    traverse(tree, visitPost=_unescape_local_name)
    return translateQuery(tree)


def _parse(text: str, sparql: str, shift: int):
    """:func:`_prepare`; E010 with the parser's message when ``text`` (``sparql`` with prefixes) is malformed."""
    try:
        return _prepare(text)
    except Exception as exc:  # pyparsing and rdflib raise many types; the user needs one line
        raise KgError(Errors.E010.format(reason=_reason(exc, sparql, shift))) from None


def _unescape_local_name(node) -> None:
    if isinstance(node, CompValue) and node.name == "pname" and "\\" in (node.get("localname") or ""):
        node["localname"] = _LOCAL_ESCAPE.sub(r"\1", node["localname"])


def _plain(term):
    """A SPARQL term as a plain Python value (see :class:`QueryResult`)."""
    if term is None:
        return None
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal) and term.datatype is not None:
        local = str(term.datatype).removeprefix(_XSD)
        value = term.toPython()
        if local == "boolean" and isinstance(value, bool):
            return value
        if local in _NUMERIC and isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        if local == "decimal" and not isinstance(value, Literal):
            return float(value)
    return str(term)


def _sort_key(row: tuple) -> tuple:
    return tuple("" if v is None else str(v) for v in row)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__


def _reason(exc: Exception, sparql: str, shift: int) -> str:
    """The parser's message with the line and column in the user's own query text."""
    lineno = getattr(exc, "lineno", None)
    col = getattr(exc, "col", None)
    message = _one_line(exc).split(" (at char")[0].strip()
    if lineno is not None:
        return f"line {lineno - shift}, column {col}: {message}"
    unknown = _UNKNOWN_PREFIX.search(message)
    if unknown:
        prefix = unknown.group(1)
        for number, line in enumerate(sparql.splitlines(), start=1):
            if re.search(rf"(?<![\w:]){re.escape(prefix)}:", line):
                return f"line {number}: unknown prefix '{prefix}:' (declare it with PREFIX {prefix}: <…>)"
        return f"unknown prefix '{prefix}:'"
    return message
