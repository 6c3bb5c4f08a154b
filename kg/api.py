"""The Python API: what the CLI calls, and what a notebook user imports.

>>> from kg import api                                  # doctest: +SKIP
>>> corpus = api.build_corpus(["seeds/"])               # doctest: +SKIP
>>> api.write(corpus, "graph.trig")                     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SKIP_WARNINGS, Errors, KgError
from .ingest import DEFAULT_MAX_CHARS, read_documents
from .model import Corpus, Document, Extraction

Report = Callable[[str], None]


@dataclass
class BuildReport:
    """What happened during a build: counts and the problems met (one line each)."""

    documents: int = 0
    problems: list[str] = field(default_factory=list)

    def problem(self, message: str) -> None:
        self.problems.append(message)

    @property
    def skipped(self) -> list[str]:
        """The problems that left an input out of the graph (the others are notes on used inputs)."""
        return [message for message in self.problems if message[1:5] in SKIP_WARNINGS]


def extract_documents(
    documents: Iterable[Document], *, model: str | None = None, batch_size: int = 16
) -> Iterator[Extraction]:
    """Parse documents with the spaCy pipeline and extract from each (streaming)."""
    from .extract import extract
    from .nlp import load_pipeline

    nlp = load_pipeline(model)

    def pairs() -> Iterator[tuple[str, Document]]:
        # Size is the reader's business (read_documents' max_chars); spaCy's own
        # limit is lifted to fit, so its E088 "text too long" never reaches a user.
        for document in documents:
            nlp.max_length = max(nlp.max_length, len(document.text) + 1)
            yield document.text, document

    for doc, document in nlp.pipe(pairs(), as_tuples=True, batch_size=batch_size):
        yield extract(doc, document)


def build_corpus(
    paths: Iterable[str | Path],
    *,
    model: str | None = None,
    report: BuildReport | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> Corpus:
    """Read every input, extract, and resolve entities across documents.

    Problems with single files or records go to ``report`` and are skipped;
    :class:`KgError` is raised only when nothing at all could be read. A
    document longer than ``max_chars`` characters is skipped (see
    :func:`kg.ingest.read_documents`). ``workers``, ``scheduler`` and
    ``progress`` spread the extraction (see :func:`kg.parallel.extract_parallel`);
    the corpus is the same whatever the number of workers.
    """
    from .parallel import extract_parallel
    from .resolve import resolve

    report = report if report is not None else BuildReport()
    documents = read_documents([Path(p) for p in paths], on_problem=report.problem, max_chars=max_chars)
    extractions = list(extract_parallel(documents, workers=workers, scheduler=scheduler, model=model,
                                        progress=progress, on_problem=report.problem))
    report.documents = len(extractions)
    if not extractions:
        raise KgError(Errors.E004)
    return resolve(extractions)


def write(corpus: Corpus, out: str | Path) -> Path:
    """Write the corpus as RDF; the extension of ``out`` picks the format."""
    from .rdf import write_corpus

    return write_corpus(corpus, out)


@dataclass
class StoreSummary:
    """What :func:`build_into_store` did, and what the store holds afterwards."""

    store: Path
    added: int = 0  # documents new to the store
    replaced: int = 0  # documents whose graph was rebuilt
    documents: int = 0  # documents in the store
    entities: int = 0  # entities in the store
    triples: int = 0  # statements in all graphs (a triple in two graphs counts twice)
    resumed: int = 0  # documents skipped by --resume because the store already had them


def build_into_store(
    paths: Iterable[str | Path],
    store_dir: str | Path,
    *,
    model: str | None = None,
    report: BuildReport | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 256,
    resume: bool = False,
) -> StoreSummary:
    """Add every input to the Oxigraph store in ``store_dir`` (created if needed).

    Each document is its own named graph: adding a document again replaces its
    graph, so the same build twice leaves the same triples. Entities are
    resolved against those already in the store (see
    :mod:`kg.store.incremental`). Documents are extracted and written
    ``batch_size`` at a time, so memory does not grow with the input; other
    arguments are as for :func:`build_corpus`. Raises :class:`KgError` E004
    when nothing could be read (the store is then left untouched).

    ``resume=True`` skips documents the store already holds: after an
    interrupted build, running it again with ``resume`` adds only what is
    missing (a document is written whole, with its batch, or not at all from
    the reader's point of view: re-adding replaces, so nothing is duplicated).
    """
    from itertools import islice

    from .parallel import extract_parallel, release_memory
    from .store.incremental import StoreWriter
    from .store.oxigraph import OxigraphStore, is_store_dir

    report = report if report is not None else BuildReport()
    summary = StoreSummary(Path(store_dir))
    documents = read_documents([Path(p) for p in paths], on_problem=report.problem, max_chars=max_chars)
    if resume and is_store_dir(store_dir):
        stored = OxigraphStore.open(store_dir, read_only=True)
        done = set(stored.document_ids())
        stored.close()
        summary.resumed = 0

        def missing(docs: Iterable[Document]) -> Iterator[Document]:
            for document in docs:
                if document.id in done:
                    summary.resumed += 1
                else:
                    yield document

        documents = missing(documents)
    extractions = extract_parallel(documents, workers=workers, scheduler=scheduler, model=model,
                                   progress=progress, on_problem=report.problem)  # fmt: skip
    writer = None
    try:
        while batch := list({x.document.id: x for x in islice(extractions, batch_size)}.values()):
            writer = writer or StoreWriter(OxigraphStore(store_dir))
            added, replaced = writer.add(batch)
            summary.added, summary.replaced = summary.added + added, summary.replaced + replaced
            report.documents += len(batch)
            del batch
            release_memory()
        if writer is None and not summary.resumed:
            raise KgError(Errors.E004)
        writer = writer or StoreWriter(OxigraphStore(store_dir))
        summary.documents = len(writer.store.document_ids())
        summary.entities, summary.triples = len(writer.known), len(writer.store)
    finally:
        if writer is not None:
            writer.store.close()
    return summary
