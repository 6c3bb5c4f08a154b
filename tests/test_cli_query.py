"""``kg query`` through typer's CliRunner, on tests/data/sample.trig."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app
from kg.query import competency_queries

SAMPLE = str(Path(__file__).parent / "data" / "sample.trig")
VISITS = "SELECT ?name ?date WHERE { ?v a kg:Visit ; kg:agent/rdfs:label ?name ; kg:date ?date } ORDER BY ?name"


def invoke(*args: str):
    """Run ``kg query ARGS``."""
    return CliRunner().invoke(app, ["query", *args])


def test_json_is_a_list_of_objects():
    result = invoke(SAMPLE, VISITS, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"name": "Narendra Modi", "date": "2024"},
        {"name": "Vladimir Putin", "date": "2025-12-04"},
    ]
    assert result.stderr == ""


def test_csv_has_a_header_row():
    result = invoke(SAMPLE, VISITS, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["name", "date"],
        ["Narendra Modi", "2024"],
        ["Vladimir Putin", "2025-12-04"],
    ]


def test_csv_is_the_default_when_stdout_is_not_a_terminal():
    assert invoke(SAMPLE, VISITS).stdout == invoke(SAMPLE, VISITS, "--format", "csv").stdout


def test_table():
    result = invoke(SAMPLE, VISITS, "--format", "table")
    assert result.exit_code == 0, result.stderr
    for text in ("name", "date", "Narendra Modi", "2025-12-04", "2 rows"):
        assert text in result.stdout


def test_query_from_a_rq_file(tmp_path):
    path = tmp_path / "visits.rq"
    path.write_text(competency_queries()["visits"], encoding="utf-8")
    result = invoke(SAMPLE, str(path), "-f", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(row["visitor"], row["place"], row["date"], row["endDate"]) for row in rows] == [
        ("Vladimir Putin", "New Delhi", "2025-12-04", "2025-12-05"),  # newest first
        ("Narendra Modi", "Moscow", "2024", None),
    ]


def test_bundled_query_by_name():
    result = invoke(SAMPLE, "entity_rank", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0] == {
        "label": "India", "type": "Country", "documents": 2, "entity": "https://w3id.org/kg-news/id/country/in",
    }  # fmt: skip


def test_ask_and_construct():
    assert json.loads(invoke(SAMPLE, "ASK { ?e a kg:PhoneCall }", "-f", "json").stdout) == [{"ask": True}]
    result = invoke(SAMPLE, "CONSTRUCT { ?c kg:capitalOf ?x } WHERE { ?c kg:capitalOf ?x }", "-f", "csv")
    assert result.stdout.splitlines()[0] == "subject,predicate,object"
    assert len(result.stdout.splitlines()) == 3


def test_malformed_query_is_one_error_line():
    result = invoke(SAMPLE, "SELECT ?x\nWHERE { ?x a kg:Visit", "-f", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: [E010] Invalid SPARQL query: line 2, column ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_missing_graph():
    result = invoke("no/such/graph.trig", VISITS)
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: [E001] No such file or directory: no/such/graph.trig"
    assert "Traceback" not in result.stderr


def test_missing_query_file(tmp_path):
    result = invoke(SAMPLE, str(tmp_path / "nope.rq"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [E001] No such file or directory: ")


def test_unknown_format_is_a_usage_error():
    result = invoke(SAMPLE, VISITS, "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr
