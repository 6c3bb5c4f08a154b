"""Input files and JSONL records to :class:`~kg.model.Document` objects.

Finds the files under the given paths, decodes their bytes (BOMs, declared
charsets, UTF-16 without a BOM, binary files refused), and makes one document
per file or JSONL record; every problem is reported as one warning line
naming the file or record, and that input is skipped.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import Warnings
from ..model import Document
from .clean import _fix_digit_apostrophes, clean_text, fix_encoding
from .header import _iso_date, find_published, find_title
from .html import _from_html, _looks_like_html
from .markdown import _from_markdown

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
_MARKDOWN = (".md", ".markdown")
_HTML = (".html", ".htm")
_JSONL_FIELDS = ("id", "text", "title", "published", "url")

DEFAULT_MAX_CHARS = 1_000_000  # the default of spaCy's nlp.max_length

Report = Callable[[str], None]


def _warn(message: str) -> None:
    warnings.warn(message, UserWarning, stacklevel=3)


def _guarded(path: Path, documents: Iterator, report: Report) -> Iterator:
    """``documents`` of ``path``; an unexpected error skips the rest of that file, not the build."""
    try:
        yield from documents
    except Exception as error:  # noqa: BLE001 - a bug met on one input must not stop the others
        reason = " ".join(f"{type(error).__name__}: {error}".split())[:300]
        report(Warnings.W001.format(path=path, reason=f"cannot process ({reason})"))


def _input_files(paths: Iterable[str | Path], report: Report) -> list[Path]:
    files: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as error:
            report(Warnings.W001.format(path=path, reason=f"cannot read ({error.strerror or error})"))
            continue
        if is_dir:
            found = _walk(path, report)
        elif exists:
            if path.suffix.lower() not in SUFFIXES:
                report(Warnings.W009.format(path=path, suffix=path.suffix or "(none)", suffixes=", ".join(SUFFIXES)))
                continue
            found = [path]
        elif os.path.islink(path):  # a dangling link or a link loop
            report(Warnings.W001.format(path=path, reason=f"cannot read ({_stat_error(path)})"))
            continue
        else:
            report(Warnings.W008.format(path=path))
            continue
        for file in found:
            resolved = Path(os.path.realpath(file))  # never raises, even on a symlink loop
            if resolved not in seen:
                seen.add(resolved)
                files.append(file)
    return files


def _stat_error(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as error:
        return error.strerror or str(error)
    return "unknown error"


def _walk(root: Path, report: Report) -> list[Path]:
    def unreadable(error: OSError) -> None:
        report(Warnings.W001.format(path=error.filename, reason=f"cannot read ({error.strerror or error})"))

    found = []
    visited: dict[str, str] = {}  # real path -> the folder first read there
    for folder, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=True):
        real = os.path.realpath(folder)
        if real in visited:  # a second way into a folder: its files are read once
            if folder.startswith(visited[real] + os.sep):  # a link back to a folder it is in
                report(Warnings.W015.format(path=folder, target=visited[real]))
            dirnames[:] = []
            continue
        visited[real] = folder
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                found.append(Path(folder, name))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _planned_ids(index: int, path: Path) -> Iterator[tuple[tuple[int, int], str]]:
    """The id (and position) of every document ``path`` should yield; silent."""
    if path.suffix.lower() != ".jsonl":
        yield (index, 0), _scrub(path.stem)
        return
    text = _read_text(path, lambda message: None)
    for line_no, record in _jsonl_records(text or ""):
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            yield (index, line_no), _scrub(_record_id(record, path, line_no, lambda message: None))


def _file_documents(
    index: int, path: Path, report: Report, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[tuple[tuple[int, int], Document]]:
    suffix = path.suffix.lower()
    plain = suffix not in _HTML and suffix != ".jsonl"
    text = _read_text(path, report, max_bytes=4 * max_chars + 4 if plain else None, max_chars=max_chars)
    if text is None:
        return
    if not text.strip():
        report(Warnings.W001.format(path=path, reason="empty file"))
        return
    if suffix == ".jsonl":
        yield from _jsonl_documents(index, path, text, report, max_chars)
        return
    if plain and len(text) > max_chars:
        report(Warnings.W013.format(path=path, size=f"{len(text):,} characters", limit=max_chars))
        return
    if suffix in _MARKDOWN:
        body, title, published, url = _from_markdown(text)
    elif suffix in _HTML or _looks_like_html(text):
        body, title, published, url = _from_html(text)
    else:
        body, title, published, url = text, None, None, None
    if len(body) > max_chars:
        report(Warnings.W013.format(path=path, size=f"{len(body):,} characters of text", limit=max_chars))
        return
    doc = _make_document(path.stem, body, str(path), title=title, published=published, url=url)
    if doc is None:
        report(Warnings.W003.format(path=path))
        return
    yield (index, 0), doc


def _jsonl_documents(
    index: int, path: Path, text: str, report: Report, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[tuple[tuple[int, int], Document]]:
    unknown: set[str] = set()
    for line_no, record in _jsonl_records(text):
        where = {"path": path, "line": line_no}
        if isinstance(record, Exception):
            report(Warnings.W002.format(**where, reason=f"malformed JSON ({record})"))
            continue
        if not isinstance(record, dict):
            report(Warnings.W002.format(**where, reason="the record is not a JSON object"))
            continue
        unknown.update(name for name in record if name not in _JSONL_FIELDS)
        body = record.get("text")
        if not isinstance(body, str):
            reason = "no 'text' field" if body is None else "'text' is not a string"
            report(Warnings.W002.format(**where, reason=reason))
            continue
        if not body.strip():
            report(Warnings.W002.format(**where, reason="empty 'text'"))
            continue
        if len(body) > max_chars:
            size = f"'text' has {len(body):,} characters"
            report(Warnings.W013.format(path=f"{path} line {line_no}", size=size, limit=max_chars))
            continue
        doc_id = _record_id(record, path, line_no, report)
        fields = {}
        for name in ("title", "url", "published"):
            value = record.get(name)
            if value is not None and not isinstance(value, str):
                report(Warnings.W011.format(**where, field=name))
            fields[name] = value.strip() or None if isinstance(value, str) else None
        published = fields["published"]
        if published is not None and not (published := _iso_date(published, strict_iso=True)):
            report(Warnings.W005.format(**where, value=fields["published"]))
        title = fields["title"]
        if _looks_like_html(body):
            body, html_title, html_date, html_url = _from_html(body)
            title, published = title or html_title, published or html_date
            fields["url"] = fields["url"] or html_url
        doc = _make_document(
            doc_id, body, f"{path}:{line_no}", title=title, published=published, url=fields["url"]
        )
        if doc is None:
            report(Warnings.W002.format(**where, reason="no text left after cleaning"))
            continue
        yield (index, line_no), doc
    if unknown:
        fields = ", ".join(repr(_scrub(name)) for name in sorted(unknown))
        report(Warnings.W014.format(path=path, fields=fields))


def _jsonl_records(text: str) -> Iterator[tuple[int, object]]:
    for line_no, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                yield line_no, json.loads(line)
            except ValueError as error:
                yield line_no, error


def _record_id(record: dict, path: Path, line_no: int, report: Report) -> str:
    fallback = f"{path.stem}-{line_no}"
    value = record.get("id")
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is not None and value != "":
        report(Warnings.W012.format(path=path, line=line_no, value=value, id=fallback))
    return fallback


def _make_document(
    doc_id: str,
    raw: str,
    source: str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> Document | None:
    text = clean_text(raw)
    header_date, text = find_published(text)
    if not text.strip():
        return None
    title = _clean_title(title) if title else None
    return Document(
        id=_scrub(doc_id),
        text=_scrub(text),
        title=_scrub(title or find_title(text)),
        published=published or header_date,
        url=_scrub(url),
        source=_scrub(source),
    )


def _scrub(value: str | None) -> str | None:
    """``value`` with lone surrogates (unencodable in UTF-8) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", value) if value else value


def _clean_title(title: str) -> str | None:
    title = " ".join(_fix_digit_apostrophes(fix_encoding(title)).split())
    return title or None


# --------------------------------------------------------------------------
# decoding
# --------------------------------------------------------------------------

_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG", "PNG"),
    (b"GIF8", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ", "xz"),
    (b"7z\xbc\xaf", "7z"),
    (b"Rar!", "RAR"),
    (b"\x7fELF", "ELF"),
    (b"\xd0\xcf\x11\xe0", "OLE/MS Office"),
    (b"RIFF", "RIFF"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
    (b"SQLite format 3", "SQLite"),
    (b"%!PS", "PostScript"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _read_text(path: Path, report: Report, *, max_bytes: int | None = None, max_chars: int = 0) -> str | None:
    try:
        if max_bytes is not None and (size := path.stat().st_size) > max_bytes:
            report(Warnings.W013.format(path=path, size=f"{size:,} bytes", limit=max_chars))
            return None
        data = path.read_bytes()
    except OSError as error:
        report(Warnings.W001.format(path=path, reason=f"cannot read ({error.strerror or error})"))
        return None
    if not data:
        report(Warnings.W001.format(path=path, reason="empty file"))
        return None
    text, encoding, problem = _decode(data, html=path.suffix.lower() in _HTML)
    if text is None:
        report(Warnings.W001.format(path=path, reason=problem))
        return None
    if encoding:
        report(Warnings.W006.format(path=path, encoding=encoding))
    return text


def _decode(data: bytes, *, html: bool = False) -> tuple[str | None, str | None, str | None]:
    """``(text, unexpected_encoding, problem)`` for the bytes of one file."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), None if codec == "utf-8-sig" else codec.upper(), None
            except UnicodeDecodeError:
                return None, None, f"invalid {codec.split('-sig')[0].upper()} text"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return None, None, f"binary file ({kind})"
    if data[4:8] == b"ftyp":
        return None, None, "binary file (MP4/QuickTime)"
    head = data[:8192]
    if b"\x00" in head:
        guessed = _utf16_without_bom(head)
        if guessed:
            try:
                return data.decode(guessed), guessed.upper(), None
            except UnicodeDecodeError:
                pass
        return None, None, "binary file (contains NUL bytes)"
    try:
        return data.decode("utf-8"), None, None
    except UnicodeDecodeError:
        pass
    if html and (declared := _CHARSET.search(data[:4096])):
        try:
            return data.decode(declared.group(1).decode("ascii")), None, None
        except (LookupError, UnicodeDecodeError):
            pass
    for codec in ("cp1252", "latin-1"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
        if controls <= len(text) / 200:
            return text, codec, None
        return None, None, "binary file (not text in any known encoding)"
    return None, None, "binary file (not text in any known encoding)"


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without a BOM has NULs in every other byte (for ASCII text)."""
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if len(head) >= 4 and even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None
