"""Generate ``kg/ontology.py`` from ``ontology/kg.ttl``.

Like rdflib's ``defined_namespace_creator``: every term of the ``kg`` namespace
that the ontology types becomes one annotated line of a ``DefinedNamespace``.
The output has no timestamp, so regenerating an unchanged ontology gives the
same file and ``tests/test_ontology.py`` can diff it.

Usage::

    python -m kg.tools.gen_ontology          # rewrite kg/ontology.py
    python -m kg.tools.gen_ontology --check  # exit 1 if kg/ontology.py is stale
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

__all__ = ["KG_NAMESPACE", "ONTOLOGY_FILE", "MODULE_FILE", "render", "main"]

KG_NAMESPACE = "https://w3id.org/kg-news/ontology#"
# Resolved without importing kg.ontology: the generator must work when that module is stale.
_ROOT = Path(__file__).resolve().parent.parent.parent
ONTOLOGY_FILE = _ROOT / "ontology" / "kg.ttl"
MODULE_FILE = _ROOT / "kg" / "ontology.py"

_HEADER = '''"""The kg vocabulary ``KG``, the resource namespace ``KGR`` and the other namespaces kg uses.

Generated from ontology/kg.ttl by ``python -m kg.tools.gen_ontology``: edit the
ontology and rerun the generator instead of editing this file.
"""

from pathlib import Path

from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD, DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["KG", "KGR", "SCHEMA", "SEM", "PREFIXES", "ontology_dir"]

KGR = Namespace("https://w3id.org/kg-news/id/")
SCHEMA = SDO
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")


def ontology_dir() -> Path:
    """The top-level ``ontology/`` folder (kg.ttl, shapes.ttl, queries/)."""
    return Path(__file__).resolve().parent.parent / "ontology"


class KG(DefinedNamespace):
    """
{description}

    Generated from ontology/kg.ttl
    """

    _fail = True
    _NS = Namespace("{namespace}")
'''

_FOOTER = '''

# Prefixes bound in every graph kg writes.
PREFIXES: dict[str, object] = {
    "kg": KG,
    "kgr": KGR,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "schema": SCHEMA,
    "sem": SEM,
    "time": TIME,
}
'''


def _terms(graph: Graph, namespace: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """``(name, label)`` of the classes and of the other terms typed in ``graph``."""
    classes, properties = [], []
    for term in sorted({s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}):
        name = str(term)[len(namespace) :]
        if not str(term).startswith(namespace) or not name.isidentifier():
            continue
        label = " ".join(str(graph.value(term, RDFS.label, default=name)).split())
        is_class = (term, RDF.type, OWL.Class) in graph or (term, RDF.type, RDFS.Class) in graph
        (classes if is_class else properties).append((name, label))
    return classes, properties


def render(ontology_file: Path = ONTOLOGY_FILE, namespace: str = KG_NAMESPACE) -> str:
    """The text of ``kg/ontology.py`` for the ontology in ``ontology_file``."""
    graph = Graph().parse(ontology_file, format="turtle")
    ontology = next(graph.subjects(RDF.type, OWL.Ontology), None)
    title = str(graph.value(ontology, DCTERMS.title, default="kg ontology"))
    about = " ".join(str(graph.value(ontology, DCTERMS.description, default="")).split())
    paragraphs = (textwrap.indent(textwrap.fill(text, width=84), "    ") for text in (title, about) if text)
    description = "\n\n".join(paragraphs)
    classes, properties = _terms(graph, namespace)
    lines = [_HEADER.format(description=description, namespace=namespace)]
    for heading, terms in (("Classes", classes), ("Properties", properties)):
        lines.append(f"\n    # {heading}\n")
        lines.extend(f"    {name}: URIRef  # {label}\n" for name, label in terms)
    lines.append(_FOOTER)
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) ``kg/ontology.py``; the exit code."""
    parser = argparse.ArgumentParser(prog="python -m kg.tools.gen_ontology", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether kg/ontology.py is up to date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        stale = MODULE_FILE.read_text(encoding="utf-8") != text
        if stale:
            print(f"{MODULE_FILE} is stale; run python -m kg.tools.gen_ontology", file=sys.stderr)
        return int(stale)
    MODULE_FILE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
