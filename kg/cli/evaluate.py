"""``kg eval``: score a built graph against gold files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Column, Table

from ._app import app, handle_errors

if TYPE_CHECKING:  # kg.evaluate (networkx, rdflib) is imported by the command that needs it
    from ..evaluate import EvalReport

_ROWS = {
    "entities": "entities",
    "relations": "relations",
    "events_relaxed": "events (relaxed)",
    "events_strict": "events (strict)",
}


@app.command("eval")
@handle_errors
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Directory of gold *.json files, one per document.")],
    graph: Annotated[Path, typer.Argument(help="The built graph (.ttl, .trig, .nq, .nt or .jsonld).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON, not a table.")] = False,
    misses: Annotated[bool, typer.Option("--misses", help="Also list missed and extra items.")] = False,
) -> None:
    """Score GRAPH against the gold files in GOLD_DIR: precision, recall and F1 for
    entities, relations and events (relaxed and strict)."""
    from ..evaluate import evaluate

    report = evaluate(gold_dir, graph)
    if as_json:
        typer.echo(json.dumps(report.to_dict(misses=misses), indent=2, ensure_ascii=False))
        return
    out = Console(highlight=False, soft_wrap=True)
    out.print(_table(report))
    if misses:
        for line in _miss_lines(report):
            out.print(line, markup=False)


def _table(report: EvalReport) -> Table:
    caption = f"{len(report.documents)} gold documents"
    if report.missing_documents:
        caption += f"; not in the graph: {', '.join(report.missing_documents)}"
    numbers = (Column(name, justify="right") for name in ("P", "R", "F1", "TP", "FP", "FN"))
    table = Table("task", *numbers, caption=caption)
    for task, score in report.scores().items():
        table.add_row(
            _ROWS[task],
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.tp),
            str(score.fp),
            str(score.fn),
        )
    return table


def _miss_lines(report: EvalReport) -> list[str]:
    lines = []
    for task, label in _ROWS.items():
        found = report.misses.get(task)
        if found is None:
            continue
        lines.append("")
        for kind, items in (("missed", found.missed), ("extra", found.extra)):
            lines.append(f"{label}, {kind} ({len(items)}):")
            lines.extend(f"  - {item}" for item in items)
    return lines
