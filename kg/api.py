"""The Python API: what the CLI calls, and what a notebook user imports.

>>> from kg import api                                  # doctest: +SKIP
>>> corpus = api.build_corpus(["seeds/"])               # doctest: +SKIP
>>> api.write(corpus, "graph.trig")                     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Errors, KgError
from .ingest import read_documents
from .model import Corpus, Document, Extraction

Report = Callable[[str], None]


@dataclass
class BuildReport:
    """What happened during a build: counts and the problems met (one line each)."""

    documents: int = 0
    problems: list[str] = field(default_factory=list)

    def problem(self, message: str) -> None:
        self.problems.append(message)


def extract_documents(
    documents: Iterable[Document], *, model: str | None = None, batch_size: int = 16
) -> Iterator[Extraction]:
    """Parse documents with the spaCy pipeline and extract from each (streaming)."""
    from .extract import extract
    from .nlp import load_pipeline

    nlp = load_pipeline(model)
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract(doc, document)


def build_corpus(
    paths: Iterable[str | Path], *, model: str | None = None, report: BuildReport | None = None
) -> Corpus:
    """Read every input, extract, and resolve entities across documents.

    Problems with single files or records go to ``report`` and are skipped;
    :class:`KgError` is raised only when nothing at all could be read.
    """
    from .resolve import resolve

    report = report if report is not None else BuildReport()
    documents = read_documents([Path(p) for p in paths], on_problem=report.problem)
    extractions = list(extract_documents(documents, model=model))
    report.documents = len(extractions)
    if not extractions:
        raise KgError(Errors.E004)
    return resolve(extractions)


def write(corpus: Corpus, out: str | Path) -> Path:
    """Write the corpus as RDF; the extension of ``out`` picks the format."""
    from .rdf import corpus_to_dataset, write_dataset

    return write_dataset(corpus_to_dataset(corpus), out)
