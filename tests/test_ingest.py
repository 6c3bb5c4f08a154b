"""Reading files into clean Documents: one small input per rule."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

import doctest
import importlib
import random

import ftfy

from kg.ingest import clean_text, find_published, find_title, fix_encoding, read_documents

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BODY = "Vladimir Putin met Narendra Modi in New Delhi on Thursday to discuss trade and energy."


def read(paths):
    problems: list[str] = []
    docs = list(read_documents([paths] if isinstance(paths, (str, Path)) else paths, problems.append))
    return docs, problems


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- clean_text


def test_clean_text_repairs_mojibake_and_keeps_curly_quotes():
    assert clean_text("The cafÃ© opened. Itâ€™s new.") == "The café opened. It’s new."
    assert clean_text("“India’s” partner.") == "“India’s” partner."


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("India9s plan.", "India's plan."),
        ("Modi9s visit and Russia9s view.", "Modi's visit and Russia's view."),
        ("They don9t know; they9re sure we9ll see.", "They don't know; they're sure we'll see."),
        ("I9m sure I9ve said it.", "I'm sure I've said it."),
        ("The leaders9 summit.", "The leaders' summit."),
        ("Putin?s visit and India\ufffds view.", "Putin's visit and India's view."),
        ("What? so be it.", "What? so be it."),
        ("The 1990s and 2019s and G9s and A9s.", "The 1990s and 2019s and G9s and A9s."),
        ("Call 555-0199 now.", "Call 555-0199 now."),
    ],
)
def test_clean_text_restores_digit_apostrophes(raw, expected):
    assert clean_text(raw) == expected


def test_clean_text_repaired_apostrophe_follows_the_text_style():
    assert clean_text("India’s and Modi9s view.") == "India’s and Modi’s view."


def test_clean_text_normalises_line_endings_and_spaces():
    text = clean_text("First  line\u00a0here.\r\nSecond\tline\u200b here.\rThird line.")
    assert text == "First line here.\n\nSecond line here.\n\nThird line."


def test_clean_text_collapses_runs_of_dots_but_keeps_ellipsis():
    assert clean_text("Before the conflict........") == "Before the conflict."
    assert clean_text("He paused... then spoke.") == "He paused... then spoke."


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies to provide some features and experiences in QOSHE",
        "This website uses cookies to improve your experience. By continuing to browse you accept our use of cookies.",
        "More information . Close",
        "Accept",
        "Accept all cookies",
        "menu_open Columnists",
        "Home > World > Asia",
        "Home / News",
        "News | Politics | Business | Sports",
        "Subscribe to our newsletter",
        "Sign up",
        "Share on Facebook",
        "Tweet",
        "WhatsApp",
        "Facebook Twitter LinkedIn Email",
        "© Blitz",
        "Copyright 2025 Daily News. All rights reserved.",
        "Photo: Reuters",
        "Image credit: Getty Images",
        "(AP Photo/Evan Vucci)",
        "38 1",
        "1.2K 35",
        "Read more",
        "Also read: Putin to visit India next week",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "By Jane Doe",
        "5 min read",
        "Tags: India, Russia, Diplomacy",
        "• • •",
        "(With inputs from agencies)",
    ],
)
def test_clean_text_drops_boilerplate_lines(line):
    assert clean_text(f"{BODY}\n{line}\n{BODY.replace('Thursday', 'Friday')}") == (
        f"{BODY}\n\n{BODY.replace('Thursday', 'Friday')}"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement spending in India rose by ten percent last year, the ministry said in a statement.",
        "India and Russia signed up to a new framework on energy cooperation that covers oil, gas and "
        "nuclear power, officials said after the talks, which ran late.",
        "Home to over a billion people, India is a market Russia cannot ignore.",
        "By the numbers",
        "India and Russia",
        "Sanctions > tariffs, the minister argued, in a speech to parliament on Tuesday.",
        "30.11.2025",
    ],
)
def test_clean_text_keeps_content_lines(line):
    assert clean_text(line) == line


def test_clean_text_strips_photo_credit_from_caption():
    caption = "Putin and Modi shake hands in Moscow. (AP Photo/Alexander Zemlianichenko)"
    assert clean_text(caption) == "Putin and Modi shake hands in Moscow."


def test_clean_text_separates_headings_and_strips_bullets():
    raw = (
        "Trade Is Surging\n"
        "Bilateral trade has grown.\n"
        "Highlights:\n"
        "- Oil imports rose\n"
        "• Gas talks advanced\n"
        "* Fertiliser sales grew\n"
        "1. Nuclear Power\n"
        "2) Green Energy\n"
        "Work continues on reactors."
    )
    assert clean_text(raw).split("\n\n") == [
        "Trade Is Surging",
        "Bilateral trade has grown.",
        "Highlights:",
        "Oil imports rose",
        "Gas talks advanced",
        "Fertiliser sales grew",
        "Nuclear Power",
        "Green Energy",
        "Work continues on reactors.",
    ]


def test_clean_text_joins_soft_wrapped_lines():
    raw = (
        "Prime Minister Narendra Modi travelled to Moscow on Monday\n"
        "for two days of talks with President Vladimir Putin, his\n"
        "first visit to Russia since the war in Ukraine began in\n"
        "2022.\n"
        "\n"
        "Officials said the talks would cover\n"
        "energy and defence."
    )
    assert clean_text(raw).split("\n\n") == [
        "Prime Minister Narendra Modi travelled to Moscow on Monday for two days of talks with "
        "President Vladimir Putin, his first visit to Russia since the war in Ukraine began in 2022.",
        "Officials said the talks would cover energy and defence.",
    ]


def test_clean_text_drops_repeated_lines():
    assert clean_text("Putin visits India\nPutin visits India\nHe arrived.") == "Putin visits India\n\nHe arrived."


def test_clean_text_of_nothing_is_empty():
    assert clean_text("") == ""
    assert clean_text(" \n\t\n") == ""


# ---------------------------------------------------------------- find_published


@pytest.mark.parametrize(
    "text, date, rest",
    [
        (" date 2025-10-09 Prime Minister Modi called.", "2025-10-09", "Prime Minister Modi called."),
        ("date 2025-10-09\n\nModi called.", "2025-10-09", "Modi called."),
        ("Title\nDate: 2025-10-09\nModi called.", "2025-10-09", "Title\nModi called."),
        ("Headline here\n\n30.11.2025\n\nBody.", "2025-11-30", "Headline here\n\nBody."),
        ("Nov 30, 2025\nBody.", "2025-11-30", "Body."),
        ("30 November 2025\nBody.", "2025-11-30", "Body."),
        ("2025-11-30\nBody.", "2025-11-30", "Body."),
        ("November 30, 2025 10:31 IST\nBody.", "2025-11-30", "Body."),
        ("Published: Sunday, 30 Nov 2025, 10:31 am\nBody.", "2025-11-30", "Body."),
        ("By Jane Doe | Nov. 30th, 2025\nBody.", "2025-11-30", "Body."),
        ("Updated: Dec 1, 2025\nPublished: Nov 30, 2025\nBody.", "2025-11-30", "Body."),
        ("11/30/2025\nBody.", "2025-11-30", "Body."),
        ("By Staff | Updated: Dec 3, 2025, 9:15 PM IST\nBody.\nPublished on: Dec 2, 2025", "2025-12-02", "Body."),
        ("Headline Here\n" + "Body.\n" * 12 + "First published on: Dec 3, 2025", "2025-12-03", "Headline Here\n" + "Body.\n" * 11 + "Body."),
    ],
)
def test_find_published_reads_and_removes_header_dates(text, date, rest):
    assert find_published(text) == (date, rest)


@pytest.mark.parametrize(
    "text",
    [
        "Putin will visit India on December 4, 2025, the Kremlin said.\nBody.",
        "Putin to visit India on 4 December 2025\nBody.",
        "November 2025\nBody.",
        "date 2025-13-45 Body.",
        "Body one.\n" * 12 + "30.11.2025\nBody.",
        "No date at all.",
    ],
)
def test_find_published_ignores_dates_in_sentences_and_late_or_bad_dates(text):
    assert find_published(text) == (None, text)


# ---------------------------------------------------------------- find_title


@pytest.mark.parametrize(
    "text, title",
    [
        ("India and Russia: A Sustained Alignment\n\nRussia continues to matter.", "India and Russia: A Sustained Alignment"),
        ("Opinion\n\nPutin visits India\n\nHe arrived.", "Putin visits India"),
        ("Is India drifting from the West?\n\nMaybe.", "Is India drifting from the West?"),
        ("Russian President Vladimir Putin arrived in New Delhi on Thursday.", None),
        ("Nov 30, 2025\n\nPutin visits India", "Putin visits India"),
        ("the talks went on\n\nBody.", None),
        ("", None),
    ],
)
def test_find_title(text, title):
    assert find_title(text) == title


# ---------------------------------------------------------------- text files and decoding


def test_txt_document_has_id_source_title_and_date(tmp_path):
    path = write(tmp_path / "a.b.txt", f"Putin Visits India\n30.11.2025\n{BODY}\n")
    (doc,), problems = read(path)
    assert (doc.id, doc.source, doc.title, doc.published, doc.url) == ("a.b", str(path), "Putin Visits India", "2025-11-30", None)
    assert doc.text == f"Putin Visits India\n\n{BODY}"
    assert problems == []


def test_crlf_file(tmp_path):
    (doc,), problems = read(write(tmp_path / "crlf.txt", f"Headline Of The Day\r\n{BODY}\r\n".encode()))
    assert "\r" not in doc.text and doc.text == f"Headline Of The Day\n\n{BODY}"
    assert problems == []


def test_utf8_bom_file(tmp_path):
    (doc,), problems = read(write(tmp_path / "bom.txt", codecs.BOM_UTF8 + "India’s view.".encode()))
    assert doc.text == "India’s view." and problems == []


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_file(tmp_path, codec):
    data = "India’s view on Moscow.".encode(codec)
    if codec != "utf-16":
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    (doc,), problems = read(write(tmp_path / "u16.txt", data))
    assert doc.text == "India’s view on Moscow."
    assert problems == [f"[W006] {tmp_path / 'u16.txt'}: decoded as UTF-16 (not UTF-8)"]  # a note, not a skip


def test_utf16_without_bom_is_decoded_with_a_warning(tmp_path):
    (doc,), problems = read(write(tmp_path / "u16.txt", "Moscow and New Delhi.".encode("utf-16-le")))
    assert doc.text == "Moscow and New Delhi."
    assert problems == [f"[W006] {tmp_path / 'u16.txt'}: decoded as UTF-16-LE (not UTF-8)"]


def test_cp1252_file_is_decoded_with_a_warning(tmp_path):
    path = write(tmp_path / "old.txt", "India’s café – “quoted”.".encode("cp1252"))
    (doc,), problems = read(path)
    assert doc.text == "India’s café – “quoted”."
    assert problems == [f"[W006] {path}: decoded as cp1252 (not UTF-8)"]


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"plain start \x00\x01\x02\x03 then binary", "NUL"),
    ],
)
def test_binary_file_is_skipped(tmp_path, data, kind):
    path = write(tmp_path / "fake.txt", data)
    docs, problems = read(path)
    assert docs == []
    assert len(problems) == 1 and problems[0].startswith(f"[W001] Skipped {path}: binary file") and kind in problems[0]


@pytest.mark.parametrize("content, reason", [("", "empty file"), ("  \n\t\n  ", "empty file")])
def test_empty_and_whitespace_files_are_skipped(tmp_path, content, reason):
    path = write(tmp_path / "empty.txt", content)
    assert read(path) == ([], [f"[W001] Skipped {path}: {reason}"])


def test_file_with_only_boilerplate_is_skipped(tmp_path):
    path = write(tmp_path / "junk.txt", "We use cookies to improve your experience\nAccept\n38 1\n")
    assert read(path) == ([], [f"[W003] {path}: no text left after cleaning; skipped"])


def test_nonexistent_path_is_reported_not_raised(tmp_path):
    missing = tmp_path / "nope.txt"
    assert read(missing) == ([], [f"[W008] Skipped {missing}: no such file or directory"])


def test_unsupported_explicit_file_is_reported(tmp_path):
    path = write(tmp_path / "report.pdf", b"%PDF-1.4")
    docs, problems = read(path)
    assert docs == [] and problems[0].startswith(f"[W009] Skipped {path}: unsupported input format '.pdf'")


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b.txt", f"B text. {BODY}")
    write(tmp_path / "a.md", f"# A Heading Here\n\n{BODY}")
    write(tmp_path / "sub" / "c.html", f"<html><body><p>{BODY}</p></body></html>")
    write(tmp_path / "sub" / "deeper" / "d.htm", f"<html><body><p>{BODY}</p></body></html>")
    write(tmp_path / "sub" / "e.jsonl", json.dumps({"id": "e1", "text": BODY}) + "\n")
    write(tmp_path / "sub" / "f.markdown", BODY)
    write(tmp_path / "z.TXT", BODY)
    write(tmp_path / "gold.json", "{}")
    write(tmp_path / "notes.csv", "a,b")
    write(tmp_path / ".hidden.txt", BODY)
    write(tmp_path / ".git" / "x.txt", BODY)
    docs, problems = read(tmp_path)
    assert [d.id for d in docs] == ["a", "b", "c", "d", "e1", "f", "z"]
    assert problems == []


def test_a_single_path_string_is_one_path(tmp_path):
    write(tmp_path / "a.txt", BODY)
    assert [d.id for d in read_documents(str(tmp_path), [].append)] == ["a"]


def test_problems_default_to_python_warnings(tmp_path):
    with pytest.warns(UserWarning, match=r"\[W008\]"):
        assert list(read_documents([tmp_path / "missing.txt"])) == []


def test_same_file_given_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", BODY)
    docs, problems = read([tmp_path, path])
    assert [d.id for d in docs] == ["a"] and problems == []


def test_duplicate_file_ids_later_wins(tmp_path):
    first = write(tmp_path / "x" / "doc.txt", "First version. " + BODY)
    second = write(tmp_path / "y" / "doc.txt", "Second version. " + BODY)
    docs, problems = read(tmp_path)
    assert [(d.id, d.source) for d in docs] == [("doc", str(second))]
    assert problems == [f"[W010] Duplicate document id 'doc': {second} replaces {first} (the later one wins)"]


def test_duplicate_id_whose_later_copy_is_unusable_keeps_the_earlier(tmp_path):
    first = write(tmp_path / "x" / "doc.txt", BODY)
    second = write(tmp_path / "y" / "doc.txt", b"%PDF-1.4")
    docs, problems = read(tmp_path)
    assert [d.source for d in docs] == [str(first)]
    assert problems == [f"[W001] Skipped {second}: binary file (PDF)"]


# ---------------------------------------------------------------- JSONL


def test_jsonl_records(tmp_path):
    lines = [
        {"id": "r1", "text": BODY, "title": " Putin in Delhi ", "published": "2025-12-04", "url": "https://example.org/a"},
        {"id": 7, "text": BODY},
        {"text": "date 2025-10-09 " + BODY},
        {"id": "r4", "text": BODY, "published": "2025-12-04T10:31:00+05:30"},
    ]
    path = write(tmp_path / "news.jsonl", "\n".join(json.dumps(r) for r in lines) + "\n\n")
    docs, problems = read(path)
    assert problems == []
    assert [(d.id, d.source, d.title, d.published, d.url) for d in docs] == [
        ("r1", f"{path}:1", "Putin in Delhi", "2025-12-04", "https://example.org/a"),
        ("7", f"{path}:2", None, None, None),
        ("news-3", f"{path}:3", None, "2025-10-09", None),
        ("r4", f"{path}:4", None, "2025-12-04", None),
    ]
    assert docs[2].text == BODY


def test_jsonl_bad_records_are_skipped_with_line_numbers(tmp_path):
    lines = [
        json.dumps({"id": "ok", "text": BODY}),
        '{"id": "broken", "text": ',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "num-text", "text": 42}),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": "junk", "text": "Accept\n38 1"}),
        json.dumps({"id": "ok2", "text": BODY}),
    ]
    path = write(tmp_path / "bad.jsonl", "\n".join(lines))
    docs, problems = read(path)
    assert [d.id for d in docs] == ["ok", "ok2"]
    assert [p.split(":")[0] for p in problems] == [f"[W002] Skipped {path} line {n}" for n in range(2, 8)]
    assert "malformed JSON" in problems[0] and "not a JSON object" in problems[1]
    assert "no 'text' field" in problems[2] and "'text' is not a string" in problems[3]
    assert "empty 'text'" in problems[4] and "no text left after cleaning" in problems[5]


def test_jsonl_bad_published_date_is_ignored_with_a_warning(tmp_path):
    lines = [{"id": "a", "text": BODY, "published": "30/11/2025"}, {"id": "b", "text": BODY, "published": "2025-02-30"}]
    path = write(tmp_path / "d.jsonl", "\n".join(json.dumps(r) for r in lines))
    docs, problems = read(path)
    assert [d.published for d in docs] == [None, None]
    assert problems == [
        f"[W005] {path} line 1: bad 'published' date '30/11/2025'; ignored",
        f"[W005] {path} line 2: bad 'published' date '2025-02-30'; ignored",
    ]


def test_jsonl_non_string_fields_and_bad_ids(tmp_path):
    lines = [{"id": 1.5, "text": BODY, "title": ["x"]}, {"id": True, "text": BODY}]
    path = write(tmp_path / "f.jsonl", "\n".join(json.dumps(r) for r in lines))
    docs, problems = read(path)
    assert [(d.id, d.title) for d in docs] == [("f-1", None), ("f-2", None)]
    assert problems == [
        f"[W012] {path} line 1: unusable 'id' 1.5; using 'f-1'",
        f"[W011] {path} line 1: 'title' is not a string; ignored",
        f"[W012] {path} line 2: unusable 'id' True; using 'f-2'",
    ]


def test_jsonl_duplicate_ids_later_wins(tmp_path):
    lines = [{"id": "a", "text": "First. " + BODY}, {"id": "b", "text": BODY}, {"id": "a", "text": "Second. " + BODY}]
    path = write(tmp_path / "dup.jsonl", "\n".join(json.dumps(r) for r in lines))
    docs, problems = read(path)
    assert [(d.id, d.text.split(".")[0]) for d in docs] == [("b", BODY.split(".")[0]), ("a", "Second")]
    assert problems == [f"[W007] {path} line 1: duplicate id 'a'; the later record wins"]


def test_jsonl_html_text_is_extracted(tmp_path):
    record = {"id": "h", "text": f"<div><script>var a = 1;</script><p>{BODY}</p></div>"}
    (doc,), problems = read(write(tmp_path / "h.jsonl", json.dumps(record)))
    assert doc.text == BODY and problems == []


# ---------------------------------------------------------------- HTML


def test_html_with_script_style_and_entities(tmp_path):
    html = (
        "<html><head><title>Putin &amp; Modi meet | Daily</title><style>p { color: red }</style>"
        "<script>document.write('We use cookies')</script></head>"
        "<body><p>Putin &amp; Modi met in New Delhi &ndash; the talks &quot;went well&quot;.</p></body></html>"
    )
    (doc,), problems = read(write(tmp_path / "page.html", html))
    assert doc.text == "Putin & Modi met in New Delhi – the talks \"went well\"."
    assert doc.title == "Putin & Modi meet"
    assert problems == []


def test_html_article_uses_main_text_metadata_and_drops_navigation(tmp_path):
    paragraph = (
        "<p>Russian President Vladimir Putin arrived in New Delhi on Thursday for a two-day visit, his first "
        "since 2021. He was received by Prime Minister Narendra Modi at the airport and later held talks.</p>"
    )
    html = f"""<!DOCTYPE html><html><head><title>Putin arrives | The Paper</title>
<meta property="og:title" content="Putin arrives in New Delhi">
<meta property="article:published_time" content="2025-12-04T10:00:00+05:30">
<link rel="canonical" href="https://example.org/putin"></head>
<body><nav><a href="/">Home</a> &gt; <a href="/world">World</a></nav><article><h1>Putin arrives in New Delhi</h1>
{paragraph}<h2>Defence ties</h2>{paragraph.replace("Thursday", "Friday")}</article>
<footer>&copy; 2025 The Paper</footer></body></html>"""
    (doc,), problems = read(write(tmp_path / "a.htm", html))
    assert (doc.title, doc.published, doc.url) == ("Putin arrives in New Delhi", "2025-12-04", "https://example.org/putin")
    assert "Defence ties\n\n" in doc.text and "Home" not in doc.text and "©" not in doc.text
    assert problems == []


def test_html_date_from_text_header_when_no_meta(tmp_path):
    html = f"<html><body><h1>Putin Arrives In Delhi</h1><p>December 4, 2025</p><p>{BODY}</p></body></html>"
    (doc,), _ = read(write(tmp_path / "b.html", html))
    assert doc.published == "2025-12-04" and "December 4, 2025" not in doc.text


def test_html_with_xml_declaration_and_declared_charset(tmp_path):
    html = (
        '<?xml version="1.0" encoding="iso-8859-1"?><html><head><meta charset="iso-8859-1">'
        '<meta name="date" content="2025-11-30"></head><body><p>Caf\xe9 talks in Moscow went well.</p></body></html>'
    ).encode("latin-1")
    (doc,), problems = read(write(tmp_path / "x.html", html))
    assert (doc.text, doc.published, problems) == ("Café talks in Moscow went well.", "2025-11-30", [])


def test_html_without_text_is_skipped(tmp_path):
    path = write(tmp_path / "blank.html", "<html><head><script>x()</script></head><body> </body></html>")
    assert read(path) == ([], [f"[W003] {path}: no text left after cleaning; skipped"])


# ---------------------------------------------------------------- Markdown


def test_markdown_front_matter_and_markup(tmp_path):
    md = """---
title: "Putin to visit India"
date: 2025-11-30
tags: [india, russia]
---
# Putin To Visit India

The **Kremlin** confirmed that [Vladimir Putin](https://example.org/putin) will visit *New Delhi*.
![photo](https://example.org/p.jpg)

## Agenda

| item | note |
|------|------|
| oil  | big  |

- Defence `talks`
- Energy deals

```
code = 1
```
> Modi said ties were "time-tested".
"""
    (doc,), problems = read(write(tmp_path / "note.md", md))
    assert (doc.title, doc.published) == ("Putin to visit India", "2025-11-30")
    assert doc.text.split("\n\n") == [
        "Putin To Visit India",
        "The Kremlin confirmed that Vladimir Putin will visit New Delhi.",
        "Agenda",
        "Defence talks",
        "Energy deals",
        'Modi said ties were "time-tested".',
    ]
    assert problems == []


def test_markdown_title_from_first_heading(tmp_path):
    (doc,), _ = read(write(tmp_path / "t.markdown", f"Putin Visits India\n==================\n\n{BODY}\n"))
    assert doc.title == "Putin Visits India" and doc.text == f"Putin Visits India\n\n{BODY}"


# ---------------------------------------------------------------- real seeds


def test_seed_articles():
    docs, problems = read(SEEDS)
    assert problems == []
    assert len(docs) == 5
    by_prefix = {d.id[:3]: d for d in docs}
    assert all("9s" not in d.text for d in docs)
    assert "cookies" not in by_prefix["004"].text.lower()
    assert "menu_open" not in by_prefix["004"].text and "© Blitz" not in by_prefix["004"].text
    assert by_prefix["004"].text.endswith("before the Ukraine conflict.")
    assert {k: d.published for k, d in by_prefix.items()} == {
        "000": None,
        "001": None,
        "002": None,
        "003": "2025-10-09",
        "004": "2025-11-30",
    }
    assert by_prefix["003"].text.startswith("Prime Minister Narendra Modi’s phone call")
    assert by_prefix["001"].title == "India and Russia: A Sustained Strategic Alignment"
    assert all(d.source and d.source.endswith(".txt") for d in docs)


@pytest.mark.parametrize("text", [
    "plain ASCII line\nand another\n",
    "Caf\u00c3\u00a9 & bar &amp; baz\n",  # mojibake, a bare "&", an entity
    "&lt;b&gt; first\n<p>a tag</p>\n&amp; not unescaped after a tag\n",
    "control\x00char \x1b[31mred\x1b[0m\r\nCRLF\u2028sep\x85next\rCR",
    "\ufb02ubberi\ufb01c \uff2c\uff2f\uff35\uff24 \u201cquoted\u201d\n",
    "", "\n\n", "no newline at the end &hellip;",
])
def test_fix_encoding_is_ftfy_with_curly_quotes_kept(text):
    assert fix_encoding(text) == ftfy.fix_text(text, uncurl_quotes=False)


def test_fix_encoding_is_ftfy_on_random_text():
    rng = random.Random(7)
    alphabet = list("ab &<>;#\n\r\t\x00\x1b\u00c3\u00a9\u2019\u201c\u2028\x85\ufb01") + ["&amp;", "&eacute;"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert fix_encoding(text) == ftfy.fix_text(text, uncurl_quotes=False), repr(text)


@pytest.mark.parametrize("module", ["clean", "header"])
def test_ingest_doctests(module):
    result = doctest.testmod(importlib.import_module(f"kg.ingest.{module}"))
    assert result.attempted > 0 and result.failed == 0
