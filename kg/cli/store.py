"""``kg remove``, ``kg export``, ``kg serve`` and ``kg push``: working with a store directory."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ._app import app, err, handle_errors, warn

StoreArg = Annotated[Path, typer.Argument(metavar="DIR", help="A store directory (kg build --store DIR).")]


@app.command()
@handle_errors
def remove(
    store: StoreArg,
    doc_id: Annotated[str, typer.Argument(metavar="DOC_ID", help="The document id (file name without extension).")],
) -> None:
    """Drop one document's graph, and the entities no other document mentions."""
    from ..store.incremental import remove_document

    dropped = remove_document(store, doc_id)
    err.print(f"Removed {doc_id} from {store}; {len(dropped)} entities no longer mentioned were dropped.",
              markup=False)  # fmt: skip


@app.command()
@handle_errors
def export(
    store: StoreArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file; .trig .nq .ttl .nt or .jsonld.")],
) -> None:
    """Write the whole store to one graph file (.trig/.nq/.jsonld keep the graphs; .ttl/.nt get the union)."""
    from ..store.incremental import export_store

    err.print(f"Wrote {export_store(store, out)}.", markup=False)


@app.command()
@handle_errors
def serve(
    store: StoreArg,
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port; 0 picks a free one.")] = 7070,
    host: Annotated[str, typer.Option(help="Address to listen on; anything but 127.0.0.1 exposes the graph.")]
    = "127.0.0.1",
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds a query may take.")] = 30.0,
    max_rows: Annotated[int, typer.Option(min=1, help="Largest answer, in rows or triples.")] = 10_000,
    workers: Annotated[int, typer.Option(min=1, help="Queries answered at the same time.")] = 2,
    memory: Annotated[bool, typer.Option("--memory", help="Answer from a copy of the store in memory: faster on a "
                      "large store; each worker holds a copy, loads it at start and sees later builds after a restart.")]
    = False,
) -> None:
    """Answer SPARQL queries on DIR over HTTP (SPARQL 1.1 Protocol, read-only) until Ctrl-C."""
    from ..store.serve import Limits, make_server

    if memory:
        err.print(f"Loading {store} into memory ({workers} worker{'s' * (workers > 1)})…", markup=False)
    server = make_server(store, host=host, port=port, limits=Limits(timeout, max_rows, workers),
                         log=lambda line: err.print(line, markup=False), memory=memory)
    if host not in ("127.0.0.1", "localhost", "::1"):
        warn(f"listening on {host}: anyone who can reach this address can read the graph")
    err.print(f"Serving {store} read-only at {server.url} (a query form at /); Ctrl-C stops.", markup=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@app.command()
@handle_errors
def push(
    store: StoreArg,
    url: Annotated[str, typer.Argument(help="A SPARQL 1.1 Graph Store endpoint, e.g. http://localhost:3030/ds/data.")],
    graph_per_document: Annotated[bool, typer.Option("--graph-per-document", help="Send every named graph "
                                                     "(entities, each document) as itself.")] = False,
    graph: Annotated[Optional[str], typer.Option(metavar="IRI", help="Put the union in this named graph, "
                                                 "not in the default graph.")] = None,
    param: Annotated[str, typer.Option(help="Query parameter naming the graph (graph-uri for old Virtuoso).")]
    = "graph",
) -> None:
    """Copy the store to another triple store: one HTTP PUT per graph, replacing it there."""
    from ..store.push import push_store

    sent = push_store(store, url, graph_per_document=graph_per_document, graph=graph, param=param)
    err.print(f"Pushed {len(sent.graphs)} graphs, {sent.triples} triples, to {sent.url}.", markup=False)
