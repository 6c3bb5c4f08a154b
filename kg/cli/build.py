"""``kg build``: articles in, one RDF graph out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import api
from ._app import app, err, handle_errors, warn

Model = Annotated[
    Optional[str],
    typer.Option("--model", envvar="KG_MODEL", help="spaCy pipeline to use (default: en_core_web_sm 3.8.0)."),
]


@app.command("build")
@handle_errors
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Files (.txt .md .html .jsonl) or directories.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file; .trig .nq .ttl .nt or .jsonld.")],
    model: Model = None,
) -> None:
    """Build one merged RDF graph from news articles.

    Exit codes: 0 all inputs used, 1 nothing could be built, 3 built, but some inputs were skipped.
    """
    report = api.BuildReport()
    corpus = api.build_corpus(inputs, model=model, report=report)
    for problem in report.problems:
        warn(problem)
    api.write(corpus, out)
    err.print(f"Wrote {out}: {report.documents} documents, {len(corpus.entities)} entities, "
              f"{sum(len(x.events) for x in corpus.extractions)} events.", markup=False)
    if report.problems:
        raise typer.Exit(code=3)
