"""kg.KnowledgeGraph: the Python API for notebooks, on tiny graphs with exact answers."""

from __future__ import annotations

import dataclasses
import doctest
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import kg
import kg.graph
from kg.errors import KgError
from kg.graph import EVENT_COLUMNS, TIMELINE_COLUMNS, GraphView, KnowledgeGraph
from kg.model import Corpus
from kg.rdf import corpus_to_dataset
from kg.viz import render_html

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "sample.trig"
EVIL_LABEL = 'Vladimir "Vova" Putin <script>alert(1)</script>'
CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")


def plain(frame: pd.DataFrame) -> list[list]:
    """The cells of ``frame`` row by row, missing values as ``None``."""
    frame = frame.astype(object)
    return frame.where(frame.notna(), None).to_numpy().tolist()


@pytest.fixture
def sample() -> KnowledgeGraph:
    return KnowledgeGraph.load(SAMPLE)


class IframeParser(HTMLParser):
    """Every tag and text node of an HTML fragment, attributes unescaped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.starts, self.ends, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.starts.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self.ends.append(tag)

    def handle_data(self, data):
        self.text.append(data)


# --- query ------------------------------------------------------------------


def test_query_by_name_gives_the_exact_table(sample):
    table = sample.query("visits")
    assert list(table.columns) == ["visitor", "place", "date", "endDate", "status", "document"]
    assert table.shape == (2, 6)
    assert plain(table) == [
        ["Vladimir Putin", "New Delhi", "2025-12-04", "2025-12-05", "planned", "001_india_visit"],  # newest first
        ["Narendra Modi", "Moscow", "2024", None, "occurred", "002_energy_talks"],
    ]


def test_query_text_has_the_prefixes_and_numbers_stay_numbers(sample):
    table = sample.query("SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a ?c . FILTER(?c IN (kg:Person, kg:City)) "
                         'BIND(STRAFTER(STR(?c), "#") AS ?type) } GROUP BY ?type ORDER BY ?type')
    assert plain(table) == [["City", 2], ["Person", 3]]
    assert table["n"].dtype.kind == "i"
    assert plain(sample.query("ASK { ?v a kg:Visit ; kg:status 'planned' }")) == [[True]]


def test_query_without_answers_keeps_its_columns(sample):
    table = sample.query("SELECT ?x ?label WHERE { ?x a kg:Nothing ; rdfs:label ?label }")
    assert table.shape == (0, 2)
    assert list(table.columns) == ["x", "label"]


def test_query_from_a_file(sample, tmp_path):
    path = tmp_path / "leaders.rq"
    path.write_text("SELECT ?leader WHERE { ?p kg:leaderOf kgr:country\\/in ; rdfs:label ?leader }", encoding="utf-8")
    assert plain(sample.query(str(path))) == [["Narendra Modi"]]


def test_malformed_query_raises_e010(sample):
    with pytest.raises(KgError, match=r"\[E010\]"):
        sample.query("SELECT ?x WHERE { ?x a }")


# --- timeline, entities, events, stats ----------------------------------------


def test_timeline_is_in_date_order(sample):
    table = sample.timeline()
    assert list(table.columns) == TIMELINE_COLUMNS
    assert table["date"].tolist() == ["2024", "2025-10-14", "2025-11", "2025-12-04", "--07-08"]
    first = table.iloc[0]
    assert first["label"] == "Narendra Modi visits Moscow (2024)"
    assert first["participants"] == ["Narendra Modi", "Vladimir Putin"]
    assert first["documents"] == ["002_energy_talks"]


def test_timeline_of_the_corpus_fixture(corpus):
    table = KnowledgeGraph(corpus_to_dataset(corpus)).timeline()
    assert table["date"].tolist() == ["2000-10", "2021", "2025-12-04", "--07-08"]
    assert table["type"].tolist() == ["Agreement", "PhoneCall", "Visit", "Meeting"]


def test_timeline_of_one_entity(sample):
    assert plain(sample.timeline("gazprom pjsc")[["date", "label", "status"]]) == [
        ["2025-11", "Gas supply agreement (2025-11)", "planned"]
    ]
    with pytest.raises(KgError, match=r"\[E013\]"):
        sample.timeline("Nobody")


def test_an_empty_graph_gives_empty_tables_with_their_columns():
    graph = KnowledgeGraph(corpus_to_dataset(Corpus(entities=(), extractions=())))
    assert repr(graph) == "<KnowledgeGraph: 0 entities, 0 events, 0 documents, 0 triples>"
    assert list(graph.timeline().columns) == TIMELINE_COLUMNS and graph.timeline().empty
    assert list(graph.entities.columns) == ["label", "type", "aliases"] and graph.entities.empty
    assert list(graph.events.columns) == EVENT_COLUMNS and graph.events.empty
    assert graph.stats() == {"counts": {}, "centrality": [], "communities": []}


def test_entities(sample):
    table = sample.entities
    assert table.shape == (9, 3)
    assert list(table.columns) == ["label", "type", "aliases"]
    assert table.index.name == "iri"
    assert table["label"].tolist() == ["Alexei Miller", "Gazprom", "Hyderabad House", "India", "Moscow",
                                       "Narendra Modi", "New Delhi", "Russia", "Vladimir Putin"]
    assert table.loc["https://w3id.org/kg-news/id/person/vladimir-putin"].tolist() == [
        "Vladimir Putin", "Person", ["President Vladimir Putin", "Putin"]]


def test_events(sample):
    table = sample.events
    assert table.shape == (5, len(EVENT_COLUMNS))
    assert list(table.columns) == EVENT_COLUMNS
    assert plain(table) == [
        ["Agreement", "Gas supply agreement (2025-11)", "2025-11", None, "planned", None,
         ["Gazprom", "India"], None, ["002_energy_talks"]],
        ["Meeting", "Vladimir Putin meets Narendra Modi in Moscow (--07-08)", "--07-08", None, "occurred", None,
         ["Narendra Modi", "Vladimir Putin"], "Moscow", ["001_india_visit"]],
        ["PhoneCall", "Vladimir Putin calls Narendra Modi (2025-10-14)", "2025-10-14", None, "occurred",
         "Vladimir Putin", ["Vladimir Putin", "Narendra Modi"], None, ["002_energy_talks"]],
        ["Visit", "Narendra Modi visits Moscow (2024)", "2024", None, "occurred", "Narendra Modi",
         ["Narendra Modi", "Vladimir Putin"], "Moscow", ["002_energy_talks"]],
        ["Visit", "Vladimir Putin visits New Delhi (2025-12-04)", "2025-12-04", "2025-12-05", "planned",
         "Vladimir Putin", ["Vladimir Putin", "Narendra Modi"], "New Delhi", ["001_india_visit"]],
    ]  # fmt: skip
    assert table.index[-1] == "https://w3id.org/kg-news/id/event/a1b2c3d4e5f60001"


def test_stats(sample):
    report = sample.stats(top=3)
    assert set(report) == {"counts", "centrality", "communities"}
    assert report["counts"] == {"Person": 3, "City": 2, "Country": 2, "Document": 2, "Visit": 2, "Agreement": 1,
                                "Meeting": 1, "Organization": 1, "PhoneCall": 1, "Place": 1}
    assert [row["label"] for row in report["centrality"]] == ["Narendra Modi", "Vladimir Putin", "India"]
    assert report["communities"] == [["Alexei Miller", "Gazprom", "India", "New Delhi"],
                                     ["Moscow", "Narendra Modi", "Russia", "Vladimir Putin"]]


def test_to_networkx_passes_options(sample):
    assert len(sample.to_networkx()) == 14
    assert len(sample.to_networkx(documents=True)) == 16


def test_len_and_repr(sample, corpus):
    assert len(sample) == 175  # 166 + a kg:documentCount for each of the 9 entities
    assert repr(sample) == "<KnowledgeGraph: 9 entities, 5 events, 2 documents, 175 triples>"
    assert repr(KnowledgeGraph(corpus_to_dataset(corpus))).startswith(
        "<KnowledgeGraph: 8 entities, 4 events, 2 documents, ")


# --- save and load -----------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".trig", ".nt", ".nq", ".ttl", ".jsonld"])
def test_save_load_round_trip(corpus, tmp_path, suffix):
    graph = KnowledgeGraph(corpus_to_dataset(corpus))
    path = graph.save(tmp_path / "out" / f"graph{suffix}")
    assert path == tmp_path / "out" / f"graph{suffix}" and path.is_file()
    again = kg.load(path)
    assert isinstance(again, KnowledgeGraph) and again.report is None
    assert set(again.dataset.triples((None, None, None))) == set(graph.dataset.triples((None, None, None)))
    assert len(again) == len(graph)
    assert plain(again.query("visits")) == plain(graph.query("visits"))
    if suffix in (".trig", ".nq", ".jsonld"):  # these keep one named graph per document
        assert set(again.dataset.quads()) == set(graph.dataset.quads())


def test_load_errors(tmp_path):
    with pytest.raises(KgError, match=r"\[E001\]"):
        KnowledgeGraph.load(tmp_path / "missing.trig")
    with pytest.raises(KgError, match=r"\[E003\]"):
        KnowledgeGraph.load(tmp_path / "graph.csv")


# --- show ---------------------------------------------------------------------------


def evil_graph(corpus) -> KnowledgeGraph:
    entities = tuple(dataclasses.replace(e, label=EVIL_LABEL) if e.key == "person:vladimir-putin" else e
                     for e in corpus.entities)
    return KnowledgeGraph(corpus_to_dataset(dataclasses.replace(corpus, entities=entities)))


def test_show_is_one_iframe_holding_the_page(corpus):
    graph = evil_graph(corpus)
    fragment = graph.show()._repr_html_()
    parser = IframeParser()
    parser.feed(fragment)
    parser.close()
    assert [tag for tag, _ in parser.starts] == ["iframe"]
    assert parser.ends == ["iframe"] and parser.text == []
    attrs = parser.starts[0][1]
    assert set(attrs) == {"srcdoc", "sandbox", "width", "height", "style", "title"}
    assert attrs["sandbox"] == "allow-scripts"
    assert (attrs["width"], attrs["height"]) == ("100%", "600")
    assert attrs["srcdoc"] == render_html(graph.dataset, max_nodes=300)
    # the label reaches the page (as escaped JSON), and no raw markup or quote reaches the fragment
    assert 'Vladimir \\"Vova\\" Putin \\u003cscript\\u003ealert(1)' in attrs["srcdoc"]
    assert "<script" not in fragment and fragment.count("<") == 2
    assert fragment.count('"') == 2 * len(attrs)


def test_show_options(sample):
    view = sample.show(focus="Gazprom", hops=1, max_nodes=3, height=420)
    assert isinstance(view, GraphView)
    assert view.page == render_html(sample.dataset, focus="Gazprom", hops=1, max_nodes=3)
    assert 'height="420"' in view._repr_html_()
    assert "showing 3 of" in view.page
    with pytest.raises(KgError, match=r"\[E013\]"):
        sample.show(focus="Nobody")
    with pytest.raises(KgError, match=r"\[E014\]"):
        sample.show(height=0)
    with pytest.raises(KgError, match=r"\[E014\]"):
        sample.show(max_nodes=0)


def test_show_draws_inside_the_iframe_offline(corpus, tmp_path):
    """In headless Chromium the srcdoc frame draws every node and fetches nothing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed")
    if not Path(CHROMIUM).is_file():
        _missing(f"no chromium at {CHROMIUM}")
    graph = evil_graph(corpus)
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body><p>cell</p>{graph.show()._repr_html_()}</body></html>",
                    encoding="utf-8")
    requests, dialogs, errors = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.route("**/*", lambda route: (requests.append(route.request.url),
                                              route.continue_() if route.request.url.startswith("file:")
                                              else route.abort()))
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(host.as_uri())
            frame = page.frames[1]
            frame.wait_for_function("window.kgReady === true", timeout=60_000)
            drawn = frame.evaluate("kgNetwork.body.nodeIndices.length")
            box = page.locator("iframe").bounding_box()
        finally:
            browser.close()
    assert drawn == len(graph.to_networkx())
    assert box["height"] == pytest.approx(600, abs=4) and box["width"] > 1000
    assert requests == [host.as_uri()] and dialogs == [] and errors == []


def _missing(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; the browser tests must run in CI")
    pytest.skip(reason)


# --- build and the package -------------------------------------------------------------


def test_build_end_to_end(tmp_path):
    article = tmp_path / "putin_beijing.txt"
    article.write_text(
        "Putin visits Beijing\n\nRussian President Vladimir Putin visited Beijing on May 16, 2024, "
        "where he met Chinese President Xi Jinping.\n", encoding="utf-8")  # fmt: skip
    graph = kg.build([article])
    assert isinstance(graph, KnowledgeGraph)
    assert graph.report.documents == 1 and graph.report.problems == []
    people = graph.entities.set_index("label")["type"]
    assert people["Vladimir Putin"] == "Person" and people["Beijing"] == "City"
    visits = plain(graph.query("visits")[["visitor", "place", "date", "document"]])
    assert visits == [["Vladimir Putin", "Beijing", "2024-05-16", "putin_beijing"]]
    assert kg.build(article).query("visits").shape == (1, 6)  # one path needs no list


def test_build_with_nothing_readable_raises_e004(tmp_path):
    with pytest.raises(KgError, match=r"\[E004\]"):
        kg.build([tmp_path])


def test_import_kg_is_cheap():
    code = ("import kg, sys; assert 'spacy' not in sys.modules and 'pandas' not in sys.modules; "
            "kg.load; kg.KnowledgeGraph; assert 'spacy' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_lazy_exports():
    assert kg.KnowledgeGraph is KnowledgeGraph
    assert kg.build is kg.graph.build and kg.load is kg.graph.load
    assert {"KnowledgeGraph", "build", "load"} <= set(dir(kg))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        kg.nothing  # noqa: B018


def test_doctests(sample, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = doctest.testmod(kg.graph, extraglobs={"g": sample}, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 10
