"""kg stats and kg timeline through the Typer app."""

import json

import pytest
from rdflib.namespace import DCTERMS, PROV, RDFS, SKOS, XSD
from typer.testing import CliRunner

from kg.cli import app
from kg.ontology import KG, KGR

KINDS = ("person", "country", "city", "place", "doc", "event", "graph")
PREFIXES = {
    "kg": KG, "rdfs": RDFS, "skos": SKOS, "dcterms": DCTERMS, "prov": PROV, "xsd": XSD,
    **{kind: f"{KGR}{kind}/" for kind in KINDS},  # docs/graph.md's kgr:{kind}/{slug} IRIs
}
GRAPH = "".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in PREFIXES.items()) + """
graph:entities {
    person:vladimir-putin a kg:Person ; rdfs:label "Vladimir Putin" ; skos:altLabel "Putin" .
    person:narendra-modi a kg:Person ; rdfs:label "Narendra Modi" ; skos:altLabel "Modi" .
    country:in a kg:Country ; rdfs:label "India" .
    city:1261481 a kg:City ; rdfs:label "New Delhi" .
    place:kremlin a kg:Place ; rdfs:label "Kremlin" .
}

doc:004-acbfd2107952de65 {
    doc:004-acbfd2107952de65 a kg:Document ; dcterms:identifier "004_acbfd2107952de65" ;
        kg:mentions person:vladimir-putin, person:narendra-modi, country:in, city:1261481 .
    person:narendra-modi kg:leaderOf country:in .
    event:a1 a kg:Visit ; rdfs:label "Vladimir Putin visits New Delhi (2025-12-04)" ;
        kg:agent person:vladimir-putin ;
        kg:participant person:vladimir-putin, person:narendra-modi ;
        kg:place city:1261481 ; kg:date "2025-12-04"^^xsd:date ; kg:endDate "2025-12-05"^^xsd:date ;
        kg:status "planned" ; kg:evidence "The Kremlin confirmed the visit." ;
        prov:wasDerivedFrom doc:004-acbfd2107952de65 .
    event:c3 a kg:Meeting ; rdfs:label "Vladimir Putin meets Narendra Modi (--07-08)" ;
        kg:participant person:vladimir-putin, person:narendra-modi ;
        kg:place place:kremlin ; kg:date "--07-08"^^xsd:gMonthDay ; kg:status "occurred" ;
        prov:wasDerivedFrom doc:004-acbfd2107952de65 .
}
"""


@pytest.fixture
def graph_file(tmp_path):
    path = tmp_path / "graph.trig"
    path.write_text(GRAPH, encoding="utf-8")
    return str(path)


def run(*args, columns=80):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns)})


def test_stats_json(graph_file):
    result = run("stats", graph_file, "--json", "--top", "2")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["counts"] == {"Person": 2, "City": 1, "Country": 1, "Meeting": 1, "Place": 1, "Visit": 1, "Document": 1}
    assert [row["label"] for row in report["centrality"]] == ["Narendra Modi", "Vladimir Putin"]
    assert {row["label"]: row["degree"] for row in report["centrality"]} == {"Narendra Modi": 4,
                                                                             "Vladimir Putin": 3}
    assert sorted(label for group in report["communities"] for label in group) == [
        "India", "Kremlin", "Narendra Modi", "New Delhi", "Vladimir Putin"
    ]
    assert report["path"] is None
    assert result.stderr == ""


def test_stats_json_path(graph_file):
    result = run("stats", graph_file, "--json", "--path", "narendra modi", "Kremlin")
    assert result.exit_code == 0, result.output
    steps = json.loads(result.stdout)["path"]
    assert [(step["label"], step["kind"], step["edge"]) for step in steps] == [
        ("Narendra Modi", "entity", "participant"),
        ("Vladimir Putin meets Narendra Modi (--07-08)", "event", "place"),
        ("Kremlin", "entity", None),
    ]


def test_stats_tables_and_path_line(graph_file):
    result = run("stats", graph_file, "--path", "Narendra Modi", "Kremlin")
    assert result.exit_code == 0, result.output
    assert "Nodes by class" in result.stdout
    assert "Central entities" in result.stdout
    assert "Community 1:" in result.stdout
    assert (
        "Narendra Modi —participant→ Vladimir Putin meets Narendra Modi (--07-08) —place→ Kremlin"
        in result.stdout
    )


def test_stats_no_connection_is_a_message(graph_file, tmp_path):
    path = tmp_path / "islands.trig"
    path.write_text(GRAPH.replace("graph:entities {", "graph:entities {\n"
                                  "    country:tv a kg:Country ; rdfs:label \"Tuvalu\" ."), encoding="utf-8")
    result = run("stats", str(path), "--path", "Tuvalu", "Kremlin")
    assert result.exit_code == 0, result.output
    assert "No connection between 'Tuvalu' and 'Kremlin'." in result.stderr
    assert "—" not in result.stdout.split("Community")[-1]


def test_stats_unknown_name_in_path(graph_file):
    result = run("stats", graph_file, "--path", "Narendra Modi", "Atlantis")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [E013] ")
    assert "'Atlantis'" in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_stats_missing_file(tmp_path):
    result = run("stats", str(tmp_path / "nope.trig"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [E001] ")


def test_timeline_json(graph_file):
    result = run("timeline", graph_file, "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(row["date"], row["type"]) for row in rows] == [("2025-12-04", "Visit"), ("--07-08", "Meeting")]
    assert rows[0] == {
        "date": "2025-12-04",
        "end_date": "2025-12-05",
        "type": "Visit",
        "label": "Vladimir Putin visits New Delhi (2025-12-04)",
        "status": "planned",
        "place": "New Delhi",
        "participants": ["Vladimir Putin", "Narendra Modi"],
        "documents": ["004_acbfd2107952de65"],
        "evidence": "The Kremlin confirmed the visit.",
    }


def test_timeline_table_shows_year_less_dates(graph_file):
    result = run("timeline", graph_file)
    assert result.exit_code == 0, result.output
    assert "--07-08" in result.stdout
    assert "2025-12-04" in result.stdout and "– 2025-12-05" in result.stdout
    result = run("timeline", graph_file, columns=200)
    assert "Vladimir Putin meets Narendra Modi (--07-08)" in result.stdout
    for column in ("date", "type", "label", "status", "place", "participants", "source"):
        assert column in result.stdout


def test_timeline_entity_filter(graph_file):
    result = run("timeline", graph_file, "--entity", "new delhi", "--json")
    assert result.exit_code == 0, result.output
    assert [row["type"] for row in json.loads(result.stdout)] == ["Visit"]


def test_timeline_unknown_entity(graph_file):
    result = run("timeline", graph_file, "--entity", "Atlantis")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [E013] ")
    assert "Traceback" not in result.output
