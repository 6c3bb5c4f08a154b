"""``kg viz``: the graph as one interactive HTML page that works offline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ._app import app, err, handle_errors
from .stats import GraphArg


@app.command()
@handle_errors
def viz(
    graph: GraphArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.", show_default=False)],
    focus: Annotated[
        Optional[str], typer.Option(help="Only the neighbourhood of this name (label or alias, any case).")
    ] = None,
    hops: Annotated[int, typer.Option(min=0, help="Radius of the --focus neighbourhood, in edges.")] = 1,
    max_nodes: Annotated[
        int, typer.Option(min=0, help="Keep this many most connected nodes; 0 keeps all.")
    ] = 500,
) -> None:
    """Write GRAPH as one self-contained HTML page: search, filters, tooltips; no network needed."""
    from ..store import open_dataset
    from ..viz import write_html

    drawn = write_html(open_dataset(graph), out, focus=focus, hops=hops, max_nodes=max_nodes or None,
                       title=f"kg: {graph.name}")
    cut = f" ({drawn.notice})" if drawn.notice else ""
    err.print(f"Wrote {out}: {drawn.nodes} nodes, {drawn.edges} edges{cut}", markup=False)
