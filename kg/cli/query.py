"""``kg query``: SPARQL over a built graph, as a table, CSV or JSON."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ._app import app, handle_errors

if TYPE_CHECKING:  # kg.query (rdflib's SPARQL engine) is imported by the command that needs it
    from ..query import QueryResult


class OutputFormat(str, Enum):
    auto = "auto"
    table = "table"
    csv = "csv"
    json = "json"


@app.command("query")
@handle_errors
def query(
    graph: Annotated[Path, typer.Argument(metavar="GRAPH", help="The built graph (.ttl, .trig, .nq, .nt or .jsonld) "
                                          "or a store directory (kg build --store).")],
    sparql: Annotated[
        str,
        typer.Argument(
            metavar="QUERY",
            help="SPARQL text, a .rq/.sparql file, or a bundled query name "
            "(visits, person_events, planned_vs_occurred, leaders, co_mentions, entity_rank).",
        ),
    ],
    fmt: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="Output format; auto is a table on a terminal, CSV otherwise."),
    ] = OutputFormat.auto,
) -> None:
    """Run a SPARQL query on GRAPH and print the answer.

    The kg, kgr, rdf, rdfs, skos, xsd, dcterms, prov, schema and owl prefixes are
    declared for you, and the query sees the union of all named graphs.
    """
    from ..query import read_query, run_query, to_csv, to_json
    from ..store import open_source

    result = run_query(open_source(graph), read_query(sparql))
    if fmt is OutputFormat.auto:
        fmt = OutputFormat.table if sys.stdout.isatty() else OutputFormat.csv
    if fmt is OutputFormat.table:
        Console(highlight=False).print(_table(result))
    else:
        typer.echo(to_json(result) if fmt is OutputFormat.json else to_csv(result), nl=fmt is OutputFormat.json)


def _table(result: QueryResult) -> Table:
    table = Table(*result.columns, caption=f"{len(result.rows)} rows")
    for row in result.rows:
        table.add_row(*(Text("" if value is None else str(value)) for value in row))
    return table
