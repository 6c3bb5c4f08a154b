"""``kg stats`` and ``kg timeline``: what is in a built graph."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ._app import app, err, handle_errors

out = Console(highlight=False, soft_wrap=True)

GraphArg = Annotated[
    Path, typer.Argument(help="A graph written by kg build (.trig, .nq, .ttl, .nt, .jsonld).", show_default=False)
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON to stdout instead of tables.")]


@app.command()
@handle_errors
def stats(
    graph: GraphArg,
    top: Annotated[int, typer.Option(min=1, help="How many central entities to list.")] = 10,
    path: Annotated[
        Optional[tuple[str, str]],
        typer.Option(metavar="A B", help="Also show the shortest connection between two names."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Count nodes by class, rank central entities, list communities and connect two names."""
    from ..analyse import summary, to_networkx
    from ..store import open_dataset

    report = summary(to_networkx(open_dataset(graph), documents=True), top=top, path=path)
    if as_json:
        _print_json(report)
        return
    out.print(_counts_table(report["counts"]))
    out.print(_central_table(report["centrality"]))
    for number, members in enumerate(report["communities"], 1):
        out.print(f"Community {number}: {', '.join(members)}", markup=False)
    if report["path"]:
        out.print(_path_line(report["path"]), markup=False)
    elif path:
        err.print(f"No connection between {path[0]!r} and {path[1]!r}.", markup=False)


@app.command("timeline")
@handle_errors
def timeline_command(
    graph: GraphArg,
    entity: Annotated[
        Optional[str], typer.Option(help="Only events this entity (label or alias, any case) takes part in.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """List the events of a graph in date order: date, type, label, status, place, participants, source."""
    from ..store import open_dataset
    from ..timeline import timeline

    rows = timeline(open_dataset(graph), entity=entity)
    if as_json:
        _print_json([asdict(row) for row in rows])
    elif rows:
        out.print(_timeline_table(rows))
    else:
        err.print("No events.", markup=False)


def _print_json(data) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _table(title: str, columns: list[str], rows: list[list]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text("" if value is None else str(value)) for value in row))
    return table


def _counts_table(counts: dict[str, int]) -> Table:
    return _table("Nodes by class", ["class", "count"], [[name, n] for name, n in counts.items()])


def _central_table(rows: list[dict]) -> Table:
    cells = [
        [r["label"], r["type"], r["degree"], f"{r['pagerank']:.3f}", f"{r['betweenness']:.3f}"] for r in rows
    ]
    return _table("Central entities", ["entity", "type", "degree", "pagerank", "betweenness"], cells)


def _path_line(steps: list[dict]) -> str:
    line = str(steps[0]["label"])
    for step, following in zip(steps, steps[1:]):
        line += f" —{step['edge']}→ {following['label']}"
    return line


def _timeline_table(rows) -> Table:
    cells = [
        [_when(r.date, r.end_date), r.type, r.label, r.status, r.place, "\n".join(r.participants),
         "\n".join(r.documents)]
        for r in rows
    ]
    table = _table("Timeline", ["date", "type", "label", "status", "place", "participants", "source"], cells)
    for column in (0, 1, 3):  # date, type, status: short and unreadable when broken
        table.columns[column].no_wrap = True
    return table


def _when(date: str | None, end_date: str | None) -> str:
    if date and end_date and end_date != date:
        return f"{date}\n– {end_date}"
    return date or "undated"
