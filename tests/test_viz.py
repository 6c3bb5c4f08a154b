"""kg viz: one self-contained, offline, injection-safe HTML page."""

from __future__ import annotations

import json
import re

import pytest
import rdflib
from rdflib import Literal, Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from typer.testing import CliRunner

from kg.errors import KgError
from kg.viz import render_html, write_html

KG = Namespace("https://w3id.org/kg-news/ontology#")
KGR = Namespace("https://w3id.org/kg-news/id/")

SCRIPT_LABEL = "<script>alert(1)</script>"
IMG_LABEL = "<img src=x onerror=alert(1)>"
JS_URL = "javascript:alert(1)"
EVIL_EVIDENCE = "He said </script><script>alert(2)</script> & left \u2028 at <b>dawn</b>"


def make_dataset(*, evil=True, extra_people=0):
    """The layout of docs/graph.md, by hand: Putin visits New Delhi, meets Modi.

    ``evil`` adds an Organization whose label, aliases and evidence are
    injection attempts; ``extra_people`` adds people who each meet Putin once.
    """
    ds = rdflib.Dataset(default_union=True)
    ents = ds.graph(KGR["graph/entities"])
    doc = KGR["doc/004-acbfd2107952de65"]
    g = ds.graph(doc)

    def entity(iri, cls, label, *aliases):
        ents.add((iri, RDF.type, cls))
        ents.add((iri, RDFS.label, Literal(label)))
        for alias in aliases:
            ents.add((iri, SKOS.altLabel, Literal(alias)))
        g.add((doc, KG.mentions, iri))
        return iri

    putin = entity(KGR["person/vladimir-putin"], KG.Person, "Vladimir Putin", "Putin", "President Vladimir Putin")
    modi = entity(KGR["person/narendra-modi"], KG.Person, "Narendra Modi", "Modi")
    russia = entity(KGR["country/ru"], KG.Country, "Russia")
    india = entity(KGR["country/in"], KG.Country, "India")
    delhi = entity(KGR["city/1261481"], KG.City, "New Delhi")
    brics = entity(KGR["organization/brics"], KG.Organization, "BRICS")
    kremlin = entity(KGR["place/kremlin"], KG.Place, "Kremlin")

    g.add((doc, RDF.type, KG.Document))
    g.add((doc, DCTERMS.identifier, Literal("004_acbfd2107952de65")))
    g.add((doc, DCTERMS.title, Literal("Putin to visit India")))
    g.add((doc, DCTERMS.date, Literal("2025-11-30", datatype=XSD.date)))

    def event(digest, cls, label, agent, participants, place, date, end, status, evidence):
        ev = KGR[f"event/{digest}"]
        for triple in [(ev, RDF.type, cls), (ev, RDFS.label, Literal(label)), (ev, KG.status, Literal(status)),
                       (ev, KG.evidence, Literal(evidence)), (ev, PROV.wasDerivedFrom, doc)]:
            g.add(triple)
        if agent is not None:
            g.add((ev, KG.agent, agent))
        for p in participants:
            g.add((ev, KG.participant, p))
        if place is not None:
            g.add((ev, KG.place, place))
        g.add((ev, KG.date, Literal(date, datatype=XSD.date if len(date) == 10 else XSD.gYearMonth)))
        if end:
            g.add((ev, KG.endDate, Literal(end, datatype=XSD.date)))
        return ev

    event("3f2a", KG.Visit, "Vladimir Putin visits New Delhi (2025-12-04)", putin, [putin, modi], delhi,
          "2025-12-04", "2025-12-05", "planned",
          "President Vladimir Putin will visit New Delhi on December 4-5, the Kremlin said.")
    event("9b1c", KG.PhoneCall, "Narendra Modi calls Vladimir Putin (2021-03)", modi, [modi, putin], None,
          "2021-03", None, "occurred", "Prime Minister Narendra Modi called Vladimir Putin in 2021.")
    event("77aa", KG.Agreement, "India and Russia sign a declaration (2000-10)", None, [india, russia], None,
          "2000-10", None, "occurred", "India and Russia signed the Declaration on Strategic Partnership.")
    for s, p, o in [(putin, KG.leaderOf, russia), (modi, KG.leaderOf, india), (delhi, KG.capitalOf, india),
                    (india, KG.memberOf, brics), (russia, KG.memberOf, brics), (kremlin, KG.locatedIn, russia),
                    (russia, KG.suppliesTo, india)]:
        g.add((s, p, o))
    if evil:
        bad = entity(KGR["organization/evil"], KG.Organization, SCRIPT_LABEL, IMG_LABEL, JS_URL)
        event("e1e1", KG.Meeting, f"{IMG_LABEL} meets Putin", putin, [putin, bad], kremlin,
              "2025-01-02", None, "occurred", EVIL_EVIDENCE)
    for i in range(extra_people):
        person = entity(KGR[f"person/p{i:04d}"], KG.Person, f"Person {i:04d}")
        event(f"x{i:04d}", KG.Meeting, f"Person {i:04d} meets Vladimir Putin", putin, [putin, person], None,
              "2024-05-01", None, "occurred", f"Person {i:04d} met Putin.")
    return ds


def embedded(page):
    """The JSON data block of a page."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


def without_data(page):
    """The page minus its JSON data block's content."""
    return re.sub(r'(<script type="application/json" id="kg-data">).*?(</script>)', r"\1\2", page, flags=re.S)


def our_markup(page):
    """The page minus the vendored vis-network script and style (which we do not write)."""
    from kg.viz import _asset

    for name in ("vis-network.min.js", "vis-network.min.css"):
        assert page.count(_asset(name)) == 1
        page = page.replace(_asset(name), "")
    return page


@pytest.fixture(scope="module")
def page():
    return render_html(make_dataset(), title="News <graph>")


def test_page_is_self_contained(page):
    from kg.viz import _asset

    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"\b(href|src)\s*=", without_data(our_markup(page)), re.I)
    assert "lib/bindings/utils.js" not in page and "node_modules" not in page and "cdnjs" not in page
    assert "sourceMappingURL" not in page
    assert _asset("vis-network.min.js") in page and "@version 9.1.2" in page
    assert "@license" in _asset("vis-network.min.js") and "@license" in _asset("vis-network.min.css")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_vendored_script_cannot_end_its_block():
    from kg.viz import _asset

    for name in ("vis-network.min.js", "viz.js"):
        assert "</script" not in _asset(name).lower() and "<!--" not in _asset(name)
    for name in ("vis-network.min.css", "viz.css"):
        assert "</style" not in _asset(name).lower()


def test_every_node_and_edge_is_embedded(page):
    data = embedded(page)
    assert len(data["nodes"]) == 8 + 4  # 7 entities + the evil one, 4 events
    assert {n["group"] for n in data["nodes"]} == {
        "Person", "Organization", "Country", "City", "Place", "Visit", "Meeting", "PhoneCall", "Agreement"}
    shapes = {n["group"]: n["shape"] for n in data["nodes"]}
    assert {shapes[c] for c in ("Visit", "Meeting", "PhoneCall", "Agreement")} == {"diamond"}
    assert "diamond" not in {shapes[c] for c in ("Person", "Organization", "Country", "City", "Place")}
    edges = {(e["from"].rsplit("/", 1)[1], e["label"], e["to"].rsplit("/", 1)[1]) for e in data["edges"]}
    assert ("vladimir-putin", "leaderOf", "ru") in edges
    assert ("3f2a", "agent", "vladimir-putin") in edges  # the agent's participant edge is implied
    assert ("3f2a", "participant", "narendra-modi") in edges
    assert ("3f2a", "place", "1261481") in edges
    assert len(data["edges"]) == 7 + 3 + 2 + 2 + 3  # relations, visit, call, agreement, evil meeting
    assert data["physics"] is True and "x" not in data["nodes"][0]
    assert [c["name"] for c in data["classes"]][:2] == ["Person", "Organization"]


def test_tooltips_carry_type_dates_status_evidence_and_document(page):
    visit = next(n for n in embedded(page)["nodes"] if n["group"] == "Visit")
    assert visit["info"] == {
        "label": "Vladimir Putin visits New Delhi (2025-12-04)", "typeTitle": "Visit", "type": "Visit",
        "date": "2025-12-04", "end_date": "2025-12-05", "status": "planned",
        "evidence": ["President Vladimir Putin will visit New Delhi on December 4-5, the Kremlin said."],
        "documents": ["004_acbfd2107952de65"]}
    putin = next(n for n in embedded(page)["nodes"] if n["label"] == "Vladimir Putin")
    assert putin["info"]["aliases"] == ["President Vladimir Putin", "Putin"]


def test_document_text_is_escaped(page):
    ours = our_markup(page)
    # the only tags are ours: no injected <script>, <img>, <b>, no second data block end
    assert re.findall(r"<script\b[^>]*>", ours) == ['<script type="application/json" id="kg-data">', "<script>",
                                                    "<script>"]
    assert ours.count("</script>") == 3
    for raw in ("<img", "<b>", "alert(1)</script>", "<script>alert", "onerror=alert(1)>"):
        assert raw not in ours
    assert "\u2028" not in page and "\u2029" not in page
    assert "<title>News &lt;graph&gt;</title>" in page and "<h1>News &lt;graph&gt;</h1>" in page
    # …yet the data round-trips exactly, for the page script to show as text
    labels = {n["info"]["label"] for n in embedded(page)["nodes"]}
    assert SCRIPT_LABEL in labels and f"{IMG_LABEL} meets Putin" in labels
    evil = next(n for n in embedded(page)["nodes"] if n["info"]["label"] == SCRIPT_LABEL)
    assert evil["info"]["aliases"] == [IMG_LABEL, JS_URL]
    meeting = next(n for n in embedded(page)["nodes"] if n["group"] == "Meeting")
    assert meeting["info"]["evidence"] == [EVIL_EVIDENCE]


def test_javascript_urls_never_become_links(page):
    ours = our_markup(page)
    assert "<a" not in ours.replace("<aside", "")
    assert JS_URL not in without_data(ours)  # only inside the JSON data
    from kg.viz import _asset

    assert "href" not in _asset("viz.js") and "innerHTML" not in _asset("viz.js")  # no links, no markup


def test_focus_keeps_the_ego_graph():
    data = embedded(render_html(make_dataset(), focus="putin", hops=1))
    assert {n["info"]["label"] for n in data["nodes"]} == {
        "Vladimir Putin", "Russia", "Vladimir Putin visits New Delhi (2025-12-04)",
        "Narendra Modi calls Vladimir Putin (2021-03)", f"{IMG_LABEL} meets Putin"}
    hop0 = render_html(make_dataset(), focus="Vladimir Putin", hops=0)
    assert [n["label"] for n in embedded(hop0)["nodes"]] == ["Vladimir Putin"]
    assert "1 of 12 nodes within 0 hops of Vladimir Putin" in hop0
    two = embedded(render_html(make_dataset(), focus="New Delhi", hops=2))
    assert {n["info"]["label"] for n in two["nodes"]} == {
        "New Delhi", "India", "Vladimir Putin visits New Delhi (2025-12-04)", "Vladimir Putin", "Narendra Modi",
        "BRICS", "Russia", "India and Russia sign a declaration (2000-10)"}
    assert all(e["from"] in {n["id"] for n in two["nodes"]} and e["to"] in {n["id"] for n in two["nodes"]}
               for e in two["edges"])


def test_unknown_focus_is_an_error_naming_it():
    with pytest.raises(KgError, match=r"\[E013\].*'Vladimir Pootin'.*did you mean 'Vladimir Putin'"):
        render_html(make_dataset(), focus="Vladimir Pootin")


@pytest.mark.parametrize("kw", [{"hops": -1}, {"max_nodes": 0}])
def test_bad_numbers_are_errors(kw):
    with pytest.raises(KgError, match=r"\[E014\]"):
        render_html(make_dataset(), **kw)


def test_max_nodes_keeps_the_most_connected_and_says_so():
    page = render_html(make_dataset(evil=False), max_nodes=3)
    data = embedded(page)
    # degrees (parallel edges count): India 5, Russia 5, then Narendra Modi, Vladimir Putin and
    # the visit 4 each; ties go by label
    assert len(data["nodes"]) == 3
    assert {n["info"]["label"] for n in data["nodes"]} == {"India", "Russia", "Narendra Modi"}
    assert re.search(r'<p id="kg-notice">showing 3 of 10 nodes \(most connected\)</p>', page)
    assert len(embedded(render_html(make_dataset(evil=False), max_nodes=None))["nodes"]) == 10
    assert '<p id="kg-notice" hidden></p>' in render_html(make_dataset(evil=False))


def test_focus_nodes_survive_the_cut():
    page = render_html(make_dataset(), focus="BRICS", hops=3, max_nodes=2)
    labels = {n["info"]["label"] for n in embedded(page)["nodes"]}
    assert "BRICS" in labels and len(labels) == 2
    assert "within 3 hops of BRICS; showing 2 of" in page


def test_large_graphs_get_a_fixed_layout_without_physics():
    data = embedded(render_html(make_dataset(evil=False, extra_people=200), max_nodes=None))
    assert len(data["nodes"]) == 10 + 400
    assert data["physics"] is False and data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    again = embedded(render_html(make_dataset(evil=False, extra_people=200), max_nodes=None))
    assert [(n["x"], n["y"]) for n in again["nodes"]] == [(n["x"], n["y"]) for n in data["nodes"]]  # seeded


def test_layout_beyond_500_nodes_needs_no_scipy():
    data = embedded(render_html(make_dataset(evil=False, extra_people=300), max_nodes=None))
    xy = [(n["x"], n["y"]) for n in data["nodes"]]
    assert len(xy) == 10 + 600 and len(set(xy)) == 610


def test_empty_graph_renders():
    data = embedded(render_html(rdflib.Dataset()))
    assert data["nodes"] == [] and data["edges"] == []


def test_write_html_is_atomic_and_summarises(tmp_path):
    out = tmp_path / "sub" / "graph.html"
    summary = write_html(make_dataset(), out, focus="Modi", hops=1, max_nodes=2)
    assert (summary.nodes, summary.total_nodes) == (2, 12)
    assert summary.notice == "4 of 12 nodes within 1 hop of Narendra Modi; showing 2 of 4 nodes (most connected)"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.parent.iterdir()] == ["graph.html"]


def test_write_html_error_names_the_path(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(KgError, match=r"\[E009\] Cannot write .*file/graph.html"):
        write_html(make_dataset(), blocker / "graph.html")


def test_cli_writes_the_page_and_summarises(tmp_path):
    from kg.cli import app

    graph = tmp_path / "graph.trig"
    make_dataset().serialize(graph, format="trig")
    out = tmp_path / "graph.html"
    result = CliRunner().invoke(app, ["viz", str(graph), "--out", str(out), "--focus", "Putin", "--max-nodes", "3"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.strip() == (f"Wrote {out}: 3 nodes, 2 edges (5 of 12 nodes within 1 hop of Vladimir Putin; "
                                      "showing 3 of 5 nodes (most connected))")
    assert len(embedded(out.read_text(encoding="utf-8"))["nodes"]) == 3


def test_cli_reports_errors_without_traceback(tmp_path):
    from kg.cli import app

    graph = tmp_path / "graph.ttl"
    make_dataset().serialize(graph, format="turtle")
    result = CliRunner().invoke(app, ["viz", str(graph), "--out", str(tmp_path / "g.html"), "--focus", "Nobody"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [E013] No entity or event named 'Nobody' in the graph")
    assert "Traceback" not in result.output
    result = CliRunner().invoke(app, ["viz", str(tmp_path / "missing.trig"), "--out", str(tmp_path / "g.html")])
    assert result.exit_code == 1 and result.stderr.startswith("Error: [E001]")
