"""``kg build``: articles in, one RDF graph out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import api
from ..errors import Errors, KgError
from ..formats import rdf_format
from ..ingest import DEFAULT_MAX_CHARS
from ._app import app, err, handle_errors, warn
from ._progress import document_progress

Model = Annotated[
    Optional[str],
    typer.Option("--model", envvar="KG_MODEL", help="spaCy pipeline to use (default: en_core_web_sm 3.8.0)."),
]


@app.command("build")
@handle_errors
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Files (.txt .md .html .jsonl) or directories.")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output file; .trig .nq .ttl .nt or .jsonld. "
                                                "With --store: the whole store, after the build.")] = None,
    store: Annotated[Optional[Path], typer.Option("--store", metavar="DIR", help="Add the documents to this "
                                                  "Oxigraph store (created if needed); a document already "
                                                  "there is replaced.")] = None,
    model: Model = None,
    max_chars: Annotated[int, typer.Option("--max-chars", min=1, help="Skip any document longer than this "
                                           "many characters (it is named on stderr).")] = DEFAULT_MAX_CHARS,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Worker processes for the extraction "
                                         "(a local dask cluster); 1 works in this process.")] = 1,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="tcp://HOST:PORT", help="A running "
                                                     "dask scheduler whose workers do the extraction.")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="With --store: skip documents the store already "
                                         "holds (continue an interrupted build).")] = False,
) -> None:
    """Build one merged RDF graph from news articles: a file (--out), or into a store (--store) that later
    builds add to.

    Exit codes: 0 all inputs used, 1 nothing could be built, 3 built, but some inputs were skipped.
    Every skipped file or record is named in a "Warning:" line on stderr.
    """
    if out is None and store is None:
        raise KgError(Errors.E018)
    if out is not None:
        rdf_format(out)  # a bad suffix fails now, not after the build
    report = api.BuildReport()
    options = dict(model=model, report=report, max_chars=max_chars, workers=workers, scheduler=scheduler)
    try:
        with document_progress(inputs) as progress:
            if store is not None:
                summary = api.build_into_store(inputs, store, progress=progress, resume=resume, **options)
            else:
                corpus = api.build_corpus(inputs, progress=progress, **options)
    finally:
        for problem in report.problems:
            warn(problem)
    if store is not None:
        _stored(summary, out)
    else:
        api.write(corpus, out)
        err.print(f"Wrote {out}: {report.documents} documents, {len(corpus.entities)} entities, "
                  f"{sum(len(x.events) for x in corpus.extractions)} events.", markup=False)
    if report.skipped:
        raise typer.Exit(code=3)


def _stored(summary: api.StoreSummary, out: Optional[Path]) -> None:
    """Say what ``kg build --store`` did; with ``--out``, export the whole store."""
    if summary.resumed:
        err.print(f"Resumed: {summary.resumed} documents already in the store were skipped.", markup=False)
    err.print(f"Stored in {summary.store}: {summary.added} documents added, {summary.replaced} replaced; "
              f"it holds {summary.documents} documents, {summary.entities} entities, {summary.triples} triples.",
              markup=False)  # fmt: skip
    if out is not None:
        from ..store.incremental import export_store

        err.print(f"Wrote {export_store(summary.store, out)} (the whole store).", markup=False)
