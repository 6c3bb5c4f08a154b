"""Bad input never loses good data, crashes the build or reaches the viewer as code.

Every test writes a small corpus into ``tmp_path``: one good article beside
the bad input of one row of the README's "When input is bad" table, runs
``kg build`` through the CLI and checks the exit code, the one-line stderr
message naming the bad file or record, and that the good document is in the
graph with its entities.
"""

from __future__ import annotations

import codecs
import json
import os
import zipfile
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest import PARAGRAPH_CHARS, read_documents, split_paragraph
from kg.ontology import KG, SCHEMA
from kg.rdf import load_dataset, union_graph

runner = CliRunner()

GOOD = "Chancellor Olaf Scholz visited Madrid on March 3.\n"
OTHER = "Prime Minister Pedro Sanchez met Chancellor Olaf Scholz in Berlin on Friday.\n"


# -- helpers ---------------------------------------------------------------------------------


def corpus(tmp_path: Path) -> Path:
    """A folder holding the good article ``good.txt``."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def build(tmp_path: Path, *inputs: Path | str, options: tuple[str, ...] = (), out: str = "graph.trig"):
    result = runner.invoke(app, ["build", *map(str, inputs), "--out", str(tmp_path / out), *options])
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == ""
    return result


def warnings_of(result) -> list[str]:
    lines = result.stderr.splitlines()
    # every message is one line: a warning, the summary, or one error
    assert all(line.startswith(("Warning: [W", "Wrote ", "Error: ")) for line in lines), result.stderr
    return [line for line in lines if line.startswith("Warning:")]


def graph(tmp_path: Path, out: str = "graph.trig"):
    return union_graph(load_dataset(tmp_path / out))


def identifiers(g) -> set[str]:
    return {str(o) for o in g.objects(None, DCTERMS.identifier)}


def labels(g) -> set[str]:
    return {str(o) for o in g.objects(None, RDFS.label)}


def assert_good_kept(g, *ids: str) -> None:
    assert {"good", *ids} <= identifiers(g)
    assert {"Olaf Scholz", "Madrid"} <= labels(g)


# -- empty, whitespace, binary, line endings -------------------------------------------------


def test_empty_and_whitespace_only_files_are_skipped(tmp_path):
    folder = corpus(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\t\n   \r\n", encoding="utf-8")
    (folder / "nul.jsonl").write_text("\n\n", encoding="utf-8")
    result = build(tmp_path, folder)
    assert result.exit_code == 3
    assert sorted(warnings_of(result)) == sorted(
        f"Warning: [W001] Skipped {folder / name}: empty file" for name in ("empty.txt", "blank.md", "nul.jsonl")
    )
    g = graph(tmp_path)
    assert identifiers(g) == {"good"}
    assert_good_kept(g)


def test_binary_files_are_skipped(tmp_path):
    folder = corpus(tmp_path)
    (folder / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "picture.md").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    with zipfile.ZipFile(folder / "archive.txt", "w") as archive:  # a zip renamed .txt
        archive.writestr("article.txt", GOOD)
    (folder / "raw.html").write_bytes(b"<p>text</p>\x00\x01\x02\x03\x04" * 50)
    given_pdf = tmp_path / "scan.pdf"
    given_pdf.write_bytes(b"%PDF-1.4")
    result = build(tmp_path, folder, given_pdf)
    assert result.exit_code == 3
    assert sorted(warnings_of(result)) == sorted([
        f"Warning: [W001] Skipped {folder / 'archive.txt'}: binary file (ZIP)",
        f"Warning: [W001] Skipped {folder / 'photo.txt'}: binary file (PNG)",
        f"Warning: [W001] Skipped {folder / 'picture.md'}: binary file (JPEG)",
        f"Warning: [W001] Skipped {folder / 'raw.html'}: binary file (contains NUL bytes)",
        f"Warning: [W001] Skipped {folder / 'report.txt'}: binary file (PDF)",
        f"Warning: [W009] Skipped {given_pdf}: unsupported input format '.pdf'; use one of "
        ".txt, .md, .markdown, .html, .htm, .jsonl",
    ])
    assert_good_kept(graph(tmp_path))


def test_windows_line_endings_are_normal_input(tmp_path):
    folder = corpus(tmp_path)
    crlf = b"Scholz And Sanchez Meet In Berlin\r\n\r\n" + OTHER.encode().replace(b"\n", b"\r\n")
    (folder / "crlf.txt").write_bytes(crlf)
    (folder / "cr.md").write_bytes(b"# Old Mac Line Endings Here\r\rPresident Emmanuel Macron visited Rome.\r")
    result = build(tmp_path, folder)
    assert result.exit_code == 0, result.stderr
    assert warnings_of(result) == []
    g = graph(tmp_path)
    assert_good_kept(g, "crlf", "cr")
    assert {"Pedro Sanchez", "Berlin", "Emmanuel Macron", "Rome"} <= labels(g)
    assert not [o for o in g.objects() if isinstance(o, Literal) and "\r" in o]
    assert Literal("Scholz And Sanchez Meet In Berlin") in set(g.objects(None, DCTERMS.title))


# -- encodings -------------------------------------------------------------------------------


def test_cp1252_latin1_and_utf16_are_decoded_with_a_note(tmp_path):
    folder = corpus(tmp_path)
    french = "President Emmanuel Macron met Prime Minister François Bayrou in Paris on Monday – “talks”.\n"
    (folder / "cp1252.txt").write_bytes(french.encode("cp1252"))
    latin1 = "Chancellor Olaf Scholz met José Manuel Albares in Düsseldorf.\n".encode("latin-1")
    (folder / "latin1.md").write_bytes(latin1)
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + OTHER.encode("utf-16-le"))
    (folder / "utf8bom.txt").write_bytes(codecs.BOM_UTF8 + "Olaf Scholz flew to Lisbon.\n".encode())
    result = build(tmp_path, folder)
    assert result.exit_code == 0, result.stderr  # decoded, so nothing was skipped
    assert sorted(warnings_of(result)) == [
        f"Warning: [W006] {folder / 'cp1252.txt'}: decoded as cp1252 (not UTF-8)",
        f"Warning: [W006] {folder / 'latin1.md'}: decoded as cp1252 (not UTF-8)",
        f"Warning: [W006] {folder / 'utf16.txt'}: decoded as UTF-16 (not UTF-8)",
    ]
    g = graph(tmp_path)
    assert_good_kept(g, "cp1252", "latin1", "utf16", "utf8bom")
    assert {"Emmanuel Macron", "François Bayrou", "Düsseldorf", "Pedro Sanchez", "Lisbon"} <= labels(g)


def test_text_in_no_known_encoding_is_skipped(tmp_path):
    folder = corpus(tmp_path)
    (folder / "sjis.txt").write_bytes(bytes(range(0x80, 0xA0)) * 20 + b" Tokyo")  # C1 controls everywhere
    (folder / "broken16.txt").write_bytes(codecs.BOM_UTF16_LE + "Scholz".encode("utf-16-le") + b"\x00\xd8")
    result = build(tmp_path, folder)
    assert result.exit_code == 3
    assert sorted(warnings_of(result)) == [
        f"Warning: [W001] Skipped {folder / 'broken16.txt'}: invalid UTF-16 text",
        f"Warning: [W001] Skipped {folder / 'sjis.txt'}: binary file (not text in any known encoding)",
    ]
    assert_good_kept(graph(tmp_path))


# -- size --------------------------------------------------------------------------------------


def test_a_50_mb_single_line_is_refused_without_being_read(tmp_path):
    folder = corpus(tmp_path)
    big = folder / "huge.txt"
    with big.open("wb") as handle:
        chunk = b"Olaf Scholz and Pedro Sanchez talked about trade " * 20_000  # 980 kB, no line break
        for _ in range(54):
            handle.write(chunk)
    size = big.stat().st_size
    assert size > 50 * 2**20
    result = build(tmp_path, folder)  # the default limit: 1,000,000 characters
    assert result.exit_code == 3
    assert warnings_of(result) == [
        f"Warning: [W013] Skipped {big}: too long ({size:,} bytes; the limit is 1,000,000 characters, "
        "see --max-chars)"
    ]
    assert identifiers(graph(tmp_path)) == {"good"}


def test_max_chars_refuses_long_files_and_records(tmp_path):
    folder = corpus(tmp_path)
    long_text = "Olaf Scholz talked. " * 300  # 6,000 characters, under 4 bytes per allowed character
    (folder / "long.txt").write_text(long_text, encoding="utf-8")
    (folder / "long.html").write_text(f"<html><body><p>{long_text}</p></body></html>", encoding="utf-8")
    records = [{"id": "short", "text": OTHER}, {"id": "long", "text": long_text}]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = build(tmp_path, folder, options=("--max-chars", "5000"))
    assert result.exit_code == 3
    limit = "the limit is 5,000 characters, see --max-chars"
    assert sorted(warnings_of(result)) == sorted([
        f"Warning: [W013] Skipped {folder / 'feed.jsonl'} line 2: too long ('text' has 6,000 characters; {limit})",
        f"Warning: [W013] Skipped {folder / 'long.html'}: too long (5,999 characters of text; {limit})",
        f"Warning: [W013] Skipped {folder / 'long.txt'}: too long (6,000 characters; {limit})",
    ])
    assert identifiers(graph(tmp_path)) == {"good", "short"}


def test_max_chars_must_be_positive(tmp_path):
    result = runner.invoke(app, ["build", str(corpus(tmp_path)), "--out", str(tmp_path / "g.ttl"), "--max-chars", "0"])
    assert result.exit_code == 2 and "--max-chars" in result.stderr


def test_a_long_paragraph_without_sentence_breaks_is_parsed_in_pieces(tmp_path):
    folder = corpus(tmp_path)
    words = "and the ministers kept talking about energy prices with officials from Berlin".split()
    run_on = " ".join(words[i % len(words)] for i in range(3_000))  # ~19,000 characters, no period
    (folder / "runon.txt").write_text(f"Olaf Scholz said {run_on} until Pedro Sanchez left\n", encoding="utf-8")
    result = build(tmp_path, folder)
    assert result.exit_code == 0, result.stderr
    g = graph(tmp_path)
    assert_good_kept(g, "runon")
    assert {"Pedro Sanchez", "Berlin"} <= labels(g)


def test_a_1_mb_paragraph_becomes_bounded_paragraphs(tmp_path):
    words = "officials said talks on trade and energy would continue next week in".split()
    text = " ".join(words[i % len(words)] for i in range(180_000))[:1_000_000]
    (tmp_path / "para.txt").write_text(text, encoding="utf-8")
    problems = []
    (doc,) = read_documents([tmp_path / "para.txt"], on_problem=problems.append)
    assert problems == []
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) >= 100 and max(map(len, paragraphs)) <= PARAGRAPH_CHARS
    assert doc.text.split() == text.split()  # only whitespace changed


def test_split_paragraph_on_2_mb():
    sentence = "Chancellor Olaf Scholz met officials in Madrid to discuss energy and trade "
    text = (sentence * 27_000)[:2_000_000]  # no sentence end at all
    pieces = split_paragraph(text)
    assert max(map(len, pieces)) <= PARAGRAPH_CHARS and min(map(len, pieces[:-1])) > PARAGRAPH_CHARS // 2
    assert " ".join(pieces) == text.rstrip()
    with_stops = text.replace("trade ", "trade. ", 300)
    pieces = split_paragraph(with_stops)
    assert pieces[0].endswith(".") and " ".join(pieces) == with_stops.rstrip()
    word = "x" * 25_000  # one "word" longer than the limit is cut hard
    assert split_paragraph(word) == [word[:10_000], word[10_000:20_000], word[20_000:]]


def test_spacy_length_limit_never_reaches_the_user():
    from kg import api
    from kg.model import Document
    from kg.nlp import load_pipeline

    nlp = load_pipeline()
    saved, nlp.max_length = nlp.max_length, 100  # as if this document were over spaCy's default limit
    try:
        text = "Olaf Scholz visited Madrid. " * 20
        (extraction,) = api.extract_documents([Document("long", text)])
    finally:
        nlp.max_length = saved
    assert {m.text for m in extraction.mentions} >= {"Olaf Scholz", "Madrid"}


# -- JSONL ---------------------------------------------------------------------------------------


def test_bad_jsonl_records_are_skipped_one_by_one(tmp_path):
    folder = corpus(tmp_path)
    lines = [
        json.dumps({"id": "a1", "text": OTHER, "title": "First version"}),
        '{"id": "broken", "text": "Olaf Scholz',  # malformed
        json.dumps({"id": "no-text", "title": "Nothing here"}),
        json.dumps({"id": "number", "text": 42}),
        json.dumps({"id": "list", "text": ["Olaf", "Scholz"]}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a1", "text": GOOD.replace("Madrid", "Lisbon"), "title": "Second version"}),
        json.dumps({"id": "dated", "text": "Olaf Scholz visited Warsaw.", "published": "next Tuesday"}),
        json.dumps({"id": "extra", "text": "Olaf Scholz visited Vienna.", "author": "A. Writer", "lang": "en"}),
        "",
    ]
    feed = folder / "feed.jsonl"
    feed.write_text("\n".join(lines), encoding="utf-8")
    result = build(tmp_path, folder)
    assert result.exit_code == 3
    found = warnings_of(result)
    expected_prefixes = [
        f"Warning: [W002] Skipped {feed} line 2: malformed JSON (",
        f"Warning: [W002] Skipped {feed} line 3: no 'text' field",
        f"Warning: [W002] Skipped {feed} line 4: 'text' is not a string",
        f"Warning: [W002] Skipped {feed} line 5: 'text' is not a string",
        f"Warning: [W002] Skipped {feed} line 6: the record is not a JSON object",
        f"Warning: [W007] {feed} line 1: duplicate id 'a1'; the later record wins",
        f"Warning: [W005] {feed} line 8: bad 'published' date 'next Tuesday'; ignored",
        f"Warning: [W014] {feed}: unknown field(s) 'author', 'lang' ignored",
    ]
    assert len(found) == len(expected_prefixes)
    for prefix in expected_prefixes:
        assert sum(line.startswith(prefix) for line in found) == 1, prefix
    g = graph(tmp_path)
    assert_good_kept(g, "a1", "dated", "extra")
    assert Literal("Second version") in set(g.objects(None, DCTERMS.title))  # the later record won
    assert Literal("First version") not in set(g.objects(None, DCTERMS.title))
    assert {"Lisbon", "Warsaw", "Vienna"} <= labels(g) and "Pedro Sanchez" not in labels(g)


def test_notes_alone_do_not_change_the_exit_code(tmp_path):
    folder = corpus(tmp_path)
    record = {"id": 7, "text": OTHER, "published": "2025-13-45", "title": ["x"], "source": "wire"}
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = build(tmp_path, folder)
    assert result.exit_code == 0, result.stderr  # the record was used: these are notes
    assert len(warnings_of(result)) == 3
    assert_good_kept(graph(tmp_path), "7")


def test_duplicate_ids_across_files_keep_the_later(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    (first / "good.txt").write_text(OTHER, encoding="utf-8")
    (second / "good.txt").write_text(GOOD, encoding="utf-8")
    result = build(tmp_path, first, second)
    assert result.exit_code == 3
    assert warnings_of(result) == [
        f"Warning: [W010] Duplicate document id 'good': {second / 'good.txt'} replaces {first / 'good.txt'} "
        "(the later one wins)"
    ]
    g = graph(tmp_path)
    assert_good_kept(g)
    assert "Pedro Sanchez" not in labels(g)


def test_ids_that_would_share_an_iri(tmp_path):
    folder = corpus(tmp_path)
    long_id = "https://news.example.org/world/europe/2024/03/chancellor-scholz-visits-madrid-for-talks-with-sanchez"
    records = [
        {"id": "Report 1", "text": OTHER},
        {"id": "report-1", "text": "President Emmanuel Macron visited Rome."},  # same IRI as "Report 1"
        {"id": long_id + "-day-1", "text": "Olaf Scholz visited Lisbon."},
        {"id": long_id + "-day-2", "text": "Olaf Scholz visited Porto."},  # differs after 80 characters
    ]
    feed = folder / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = build(tmp_path, folder)
    assert result.exit_code == 3
    assert warnings_of(result) == [
        f"Warning: [W017] Skipped {feed}:2: its id 'report-1' gives the same IRI as 'Report 1' ({feed}:1); rename one"
    ]
    g = graph(tmp_path)
    assert_good_kept(g, "Report 1", long_id + "-day-1", long_id + "-day-2")
    assert len(set(g.subjects(RDF.type, KG.Document))) == 4 and "Rome" not in labels(g)


# -- HTML and Markdown ----------------------------------------------------------------------------


def test_html_scripts_styles_iframes_and_entities(tmp_path):
    folder = corpus(tmp_path)
    (folder / "page.html").write_text(
        """<!DOCTYPE html><html><head><title>Scholz &amp; S&aacute;nchez meet in Berlin</title>
        <style>p { color: red } .secret { content: "Hidden Style Text" }</style>
        <script>document.write("Injected Script Text"); var x = "<p>Olaf</p>";</script></head>
        <body><iframe src="https://ads.example/"><p>Iframe Fallback Text</p></iframe>
        <noscript>Enable Noscript Text</noscript>
        <article><p>Prime Minister Pedro S&aacute;nchez met Chancellor Olaf Scholz in Berlin on Friday
        &ndash; &ldquo;a good meeting&rdquo;, he said &amp; left.</p></article></body></html>""",
        encoding="utf-8",
    )
    result = build(tmp_path, folder)
    assert result.exit_code == 0, result.stderr
    g = graph(tmp_path)
    assert_good_kept(g, "page")
    assert "Berlin" in labels(g) and "Pedro Sánchez" in labels(g)
    text = " ".join(str(o) for o in g.objects() if isinstance(o, Literal))
    for leaked in ("Hidden Style Text", "Injected Script Text", "Iframe Fallback Text", "Noscript", "<p>", "&amp;"):
        assert leaked not in text
    assert Literal("Scholz & Sánchez meet in Berlin") in set(g.objects(None, DCTERMS.title))


def test_markdown_front_matter_and_tables(tmp_path):
    folder = corpus(tmp_path)
    (folder / "post.md").write_text(
        "---\ntitle: \"Sánchez meets Scholz\"\ndate: 2025-03-07\ntags: [politics]\n---\n\n"
        "# A heading\n\n**Prime Minister** Pedro Sánchez met [Olaf Scholz](https://example.org) in Berlin.\n\n"
        "| country | capital |\n|---|---|\n| Tableland | Tablecity |\n\n```\ncode Fenced Text\n```\n",
        encoding="utf-8",
    )
    result = build(tmp_path, folder)
    assert result.exit_code == 0, result.stderr
    g = graph(tmp_path)
    assert_good_kept(g, "post")
    assert Literal("Sánchez meets Scholz") in set(g.objects(None, DCTERMS.title))
    assert Literal("2025-03-07", datatype=XSD.date) in set(g.objects(None, DCTERMS.date))
    text = " ".join(str(o) for o in g.objects() if isinstance(o, Literal))
    for leaked in ("Tableland", "Tablecity", "Fenced Text", "**", "https://example.org", "---"):
        assert leaked not in text


# -- no entities, other languages -------------------------------------------------------------


def test_text_without_entities_or_in_another_language_is_an_empty_document(tmp_path):
    folder = corpus(tmp_path)
    (folder / "weather.txt").write_text("the weather was mild and the rain stopped after lunch.\n", encoding="utf-8")
    (folder / "russian.txt").write_text("Погода была тёплой весь день, и дождь прекратился.\n", encoding="utf-8")
    (folder / "chinese.txt").write_text("今天天气很好，我们去公园散步了。\n", encoding="utf-8")
    result = build(tmp_path, folder)
    assert result.exit_code == 0, result.stderr
    assert warnings_of(result) == []
    data = load_dataset(tmp_path / "graph.trig")
    assert_good_kept(union_graph(data), "weather", "russian", "chinese")
    for name in ("weather", "russian", "chinese"):
        (doc,) = union_graph(data).subjects(DCTERMS.identifier, Literal(name))
        assert (doc, RDF.type, KG.Document) in data
        assert union_graph(data).value(doc, DCTERMS.title) is not None
        assert list(union_graph(data).objects(doc, KG.mentions)) == []


# -- paths ---------------------------------------------------------------------------------------


def test_missing_paths_are_named(tmp_path):
    folder = corpus(tmp_path)
    result = build(tmp_path, folder, tmp_path / "nope.txt", tmp_path / "no-folder")
    assert result.exit_code == 3
    assert warnings_of(result) == [
        f"Warning: [W008] Skipped {tmp_path / 'nope.txt'}: no such file or directory",
        f"Warning: [W008] Skipped {tmp_path / 'no-folder'}: no such file or directory",
    ]
    assert_good_kept(graph(tmp_path))


def test_unreadable_files_and_folders_are_named(tmp_path, monkeypatch):
    folder = corpus(tmp_path)
    locked_file = folder / "locked.txt"
    locked_file.write_text(OTHER, encoding="utf-8")
    locked_dir = folder / "private"
    locked_dir.mkdir()
    (locked_dir / "inside.txt").write_text(OTHER, encoding="utf-8")
    if os.geteuid() == 0:  # root reads anything: make the reads fail as chmod 000 would
        read_bytes, scandir = Path.read_bytes, os.scandir

        def denied(path):
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(Path, "read_bytes", lambda p: denied(p) if p == locked_file else read_bytes(p))
        monkeypatch.setattr(os, "scandir", lambda p=".": denied(p) if Path(p) == locked_dir else scandir(p))
    else:
        locked_file.chmod(0)
        locked_dir.chmod(0)
    try:
        result = build(tmp_path, folder)
    finally:
        locked_file.chmod(0o644), locked_dir.chmod(0o755)
    assert result.exit_code == 3
    assert sorted(warnings_of(result)) == [
        f"Warning: [W001] Skipped {locked_file}: cannot read (Permission denied)",
        f"Warning: [W001] Skipped {locked_dir}: cannot read (Permission denied)",
    ]
    g = graph(tmp_path)
    assert identifiers(g) == {"good"}
    assert_good_kept(g)


def test_a_directory_with_thousands_of_files(tmp_path):
    folder = corpus(tmp_path)
    for i in range(2_000):
        sub = folder / f"part{i // 250}"
        sub.mkdir(exist_ok=True)
        if i % 100 == 0:  # 20 real articles
            (sub / f"real{i:04d}.txt").write_text(f"Olaf Scholz visited Madrid on March {i // 100 + 1}.\n")
        elif i % 10 == 0:  # 180 empty ones
            (sub / f"empty{i:04d}.txt").write_text("")
        else:  # and 1,800 files kg does not read
            (sub / f"data{i:04d}.csv").write_text("a,b\n")
    result = build(tmp_path, folder)
    assert result.exit_code == 3
    found = warnings_of(result)
    assert len(found) == 180 and all(line.endswith(": empty file") for line in found)
    assert "21 documents" in result.stderr
    g = graph(tmp_path)
    assert identifiers(g) == {"good", *(f"real{i:04d}" for i in range(0, 2_000, 100))}
    assert_good_kept(g)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_loops_do_not_hang_or_crash(tmp_path):
    folder = corpus(tmp_path)
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.symlink("gone.txt", folder / "dangling.txt")
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")  # a folder that contains itself
    (folder / "sub" / "other.txt").write_text(OTHER, encoding="utf-8")
    os.symlink(folder / "sub", tmp_path / "linked")
    os.symlink("self.txt", tmp_path / "self.txt")
    result = build(tmp_path, folder, tmp_path / "linked", tmp_path / "self.txt")
    assert result.exit_code == 3
    loop = "cannot read (Too many levels of symbolic links)"
    assert sorted(warnings_of(result)) == sorted([
        f"Warning: [W001] Skipped {folder / 'dangling.txt'}: cannot read (No such file or directory)",
        f"Warning: [W001] Skipped {folder / 'loop-a.txt'}: {loop}",
        f"Warning: [W001] Skipped {folder / 'loop-b.txt'}: {loop}",
        f"Warning: [W001] Skipped {tmp_path / 'self.txt'}: {loop}",
        f"Warning: [W015] {folder / 'sub' / 'up'}: symbolic link loop back to {folder}; not followed",
        f"Warning: [W015] {tmp_path / 'linked' / 'up' / 'sub'}: symbolic link loop back to {tmp_path / 'linked'}; "
        "not followed",
    ])
    g = graph(tmp_path)
    assert identifiers(g) == {"good", "other"}  # each file read once, whichever way it was reached
    assert len(set(g.subjects(RDF.type, KG.Document))) == 2
    assert_good_kept(g)


def test_nothing_readable_names_every_input_then_fails(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = build(tmp_path, tmp_path / "empty.txt", tmp_path / "missing.md")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Warning: [W008] Skipped {tmp_path / 'missing.md'}: no such file or directory",
        f"Warning: [W001] Skipped {tmp_path / 'empty.txt'}: empty file",
        "Error: [E004] Nothing to build: none of the inputs yielded a readable document",
    ]
    assert not (tmp_path / "graph.trig").exists()


def test_an_unexpected_error_on_one_file_skips_only_that_file(tmp_path, monkeypatch):
    import kg.ingest.files

    folder = corpus(tmp_path)
    (folder / "page.html").write_text("<p>Olaf Scholz</p>", encoding="utf-8")

    def boom(html):
        raise RuntimeError("parser exploded\non two lines")

    monkeypatch.setattr(kg.ingest.files, "_from_html", boom)
    result = build(tmp_path, folder)
    assert result.exit_code == 3
    assert warnings_of(result) == [
        f"Warning: [W001] Skipped {folder / 'page.html'}: cannot process (RuntimeError: parser exploded on two lines)"
    ]
    assert_good_kept(graph(tmp_path))


def test_unencodable_names_and_escapes_still_give_a_parsable_graph(tmp_path):
    folder = corpus(tmp_path)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w", encoding="utf-8") as handle:
        handle.write(OTHER)  # a Latin-1 file name: Python sees a lone surrogate in it
    (folder / "feed.jsonl").write_text(
        '{"id": "x\\ud800", "text": "Olaf Scholz met \\udfff Pedro Sanchez in Lisbon.", '
        '"title": "T\\ud83d", "url": "https://example.org/\\udc00"}\n',
        encoding="utf-8",
    )
    for out in ("graph.nt", "graph.trig", "graph.jsonld"):
        result = build(tmp_path, folder, out=out)
        assert result.exit_code == 0, result.stderr
        g = graph(tmp_path, out)
        assert_good_kept(g, "caf\ufffd", "x\ufffd")
        assert Literal("T\ufffd") in set(g.objects(None, DCTERMS.title))


# -- safe output -----------------------------------------------------------------------------------


def test_a_failed_write_keeps_the_previous_graph(tmp_path, monkeypatch):
    import pyoxigraph
    from rdflib import Dataset, Graph

    folder = corpus(tmp_path)
    written = {"in"}
    for out in ("graph.trig", "graph.ttl", "graph.jsonld"):
        assert build(tmp_path, folder, out=out).exit_code == 0
        written.add(out)
        before = (tmp_path / out).read_bytes()

        def broken(self, destination=None, **kw):  # rdflib's Graph.serialize
            if destination is not None:  # (JSON-LD is serialised to a string first)
                Path(destination).write_text("@prefix half-written")  # the temporary file, half-written
            raise ValueError("serialiser crashed")

        def broken_oxigraph(terms, output=None, **kw):  # pyoxigraph.serialize
            broken(None, output)

        with monkeypatch.context() as patch:
            patch.setattr(Dataset, "serialize", broken)
            patch.setattr(Graph, "serialize", broken)
            patch.setattr(pyoxigraph, "serialize", broken_oxigraph)
            (folder / "more.txt").write_text(OTHER, encoding="utf-8")
            result = build(tmp_path, folder, out=out)
        (folder / "more.txt").unlink()
        assert result.exit_code == 1
        assert result.stderr.splitlines()[-1] == "Error: ValueError: serialiser crashed"
        assert (tmp_path / out).read_bytes() == before
        assert {p.name for p in tmp_path.iterdir()} == written  # no temporary file left


def test_document_strings_stay_literals_and_never_reach_the_viewer_as_code(tmp_path):
    from kg.viz import _asset, render_html

    folder = corpus(tmp_path)
    evil = {
        "id": "<script>alert(1)</script>",
        "title": '"""<img src=x onerror=alert(1)>\'\'\' \n "quoted" \x07',
        "url": "javascript:alert(document.cookie)",
        "text": 'Chancellor Olaf Scholz said "<script>alert(2)</script>" in Berlin.\n<b>bold</b> """ end',
    }
    (folder / "evil.jsonl").write_text(json.dumps(evil) + "\n", encoding="utf-8")
    for out in ("graph.trig", "graph.nq", "graph.ttl", "graph.nt", "graph.jsonld"):
        result = build(tmp_path, folder, out=out)
        assert result.exit_code == 0, result.stderr
        g = graph(tmp_path, out)
        assert_good_kept(g, evil["id"])
        (doc,) = g.subjects(DCTERMS.identifier, Literal(evil["id"]))
        assert str(doc).endswith("/doc/script-alert-1-script")  # the IRI comes from the normalised id
        assert g.value(doc, SCHEMA.url) == Literal(evil["url"], datatype=XSD.anyURI)  # a literal, not a link
        assert str(g.value(doc, DCTERMS.title)).startswith('"""<img src=x onerror=alert(1)>')
    page = render_html(load_dataset(tmp_path / "graph.trig"))
    for vendored in ("vis-network.min.js", "vis-network.min.css"):  # third-party code, not ours
        page = page.replace(_asset(vendored), "")
    assert "javascript:" not in page
    data = page.split('<script type="application/json" id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data
    assert page.count("<script") == 3 and page.count("</script>") == 3
    assert "onerror=alert(1)>" not in page and "<b>bold" not in page
