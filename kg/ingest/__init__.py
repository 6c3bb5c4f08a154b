"""Read input files into clean :class:`kg.model.Document` objects.

Supported inputs are ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm`` and
``.jsonl`` files, and directories (read recursively, in sorted order, hidden
entries and other suffixes ignored). Nothing here raises on bad content: a
path, file or record that cannot be used is reported through ``on_problem``
with one message from :class:`kg.errors.Warnings` naming it, and skipped.

Every text goes through the same steps:

1. format-specific extraction (:mod:`.files`, :mod:`.html`, :mod:`.markdown`):
   HTML main text via trafilatura (plain-text strip as a fallback), Markdown
   markup stripped, JSONL fields read;
2. :func:`clean_text` (:mod:`.clean`): encoding repair, broken apostrophes, whitespace,
   boilerplate lines (cookie banners, share/subscribe lines, navigation,
   credits, counters), bullet markers; every kept line becomes its own
   paragraph, paragraphs are separated by exactly one blank line;
3. :func:`find_published` (:mod:`.header`): a ``date YYYY-MM-DD`` header or a date standing
   alone on a line near the top gives the publication date and is removed;
4. :func:`find_title`: a headline-like first paragraph gives the title. The
   title line stays in the text: it is content, and it may mention entities.

Size is bounded: a document whose text (as read, before cleaning) is longer
than ``max_chars`` (:data:`DEFAULT_MAX_CHARS`, spaCy's own default limit) is
skipped with a warning giving its size, and a paragraph longer than
:data:`PARAGRAPH_CHARS` is cut into paragraphs at sentence ends or spaces
(:func:`split_paragraph`), so the parser never sees an endless sentence.
Lone surrogates (from a non-UTF-8 file name or a ``"\\ud800"`` escape in
JSON) become U+FFFD in every field, so every output format can encode them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Warnings
from ..keys import document_key
from ..model import Document
from .clean import PARAGRAPH_CHARS, clean_text, fix_encoding, split_paragraph
from .files import (
    DEFAULT_MAX_CHARS,
    SUFFIXES,
    Report,
    _file_documents,
    _guarded,
    _input_files,
    _planned_ids,
    _warn,
)
from .header import find_published, find_title

__all__ = [
    "SUFFIXES",
    "DEFAULT_MAX_CHARS",
    "PARAGRAPH_CHARS",
    "read_documents",
    "clean_text",
    "fix_encoding",
    "split_paragraph",
    "find_published",
    "find_title",
]


def read_documents(
    paths: Iterable[str | Path], on_problem: Report | None = None, *, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Document]:
    """Yield one clean :class:`Document` per readable input document.

    Parameters
    ----------
    paths : iterable of str or Path (a single str or Path is accepted too)
        Files and directories. Directories are read recursively in sorted
        order; only files with a suffix in :data:`SUFFIXES` are read there.
    on_problem : callable, optional
        Called with one line (a :class:`kg.errors.Warnings` message) for each
        missing path, unreadable/binary/empty/too long file, bad JSONL record,
        duplicate id or id clash. Defaults to :func:`warnings.warn`.
    max_chars : int, optional
        A document whose text is longer than this (before cleaning; for HTML
        the extracted text, for JSONL the ``text`` field) is skipped. A
        ``.txt``/``.md`` file of more than four bytes per allowed character is
        skipped without being read.

    Notes
    -----
    Documents are streamed. When two documents share an id the later one
    wins: an earlier occurrence is held back until the later one is read, and
    is yielded after all if the later one turns out to be unusable. Of two
    different ids that would give one document IRI (:func:`kg.keys.document_key`:
    "Report 1" and "report-1"), the first read is kept and the other skipped.
    """
    report: Report = on_problem or _warn
    files = _input_files([paths] if isinstance(paths, (str, Path)) else paths, report)
    owners: dict[str, tuple[str, str | None]] = {}  # document key -> (the id that has it, its source)
    for doc in _latest_documents(files, report, max_chars):
        owner, owner_source = owners.setdefault(document_key(doc.id), (doc.id, doc.source))
        if owner != doc.id:
            report(Warnings.W017.format(source=doc.source, id=doc.id, other=owner, other_source=owner_source))
            continue
        yield doc


def _latest_documents(files: list[Path], report: Report, max_chars: int) -> Iterator[Document]:
    """The documents of ``files``; of several with one id, the later (see :func:`read_documents`)."""
    last: dict[str, tuple[int, int]] = {}
    for index, path in enumerate(files):
        for position, doc_id in _planned_ids(index, path):
            last[doc_id] = position
    pending: dict[str, tuple[tuple[int, int], Document]] = {}
    for index, path in enumerate(files):
        for position, doc in _guarded(path, _file_documents(index, path, report, max_chars), report):
            if doc.id in pending:
                earlier_position, earlier = pending.pop(doc.id)
                if earlier_position[0] == index and earlier_position[1]:
                    report(Warnings.W007.format(path=path, line=earlier_position[1], id=doc.id))
                else:
                    report(Warnings.W010.format(id=doc.id, source=doc.source, previous=earlier.source))
            if last.get(doc.id, position) > position:
                pending[doc.id] = (position, doc)
            else:
                yield doc
        # a held-back document whose later occurrence yielded nothing after all
        for doc_id in [d for d in pending if last[d][0] <= index]:
            yield pending.pop(doc_id)[1]
