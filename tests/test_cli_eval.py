"""``kg eval`` through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from typer.testing import CliRunner

from kg.cli import app
from kg.ontology import KG
from kg.ontology import KGR as ID


def invoke(*args: str):
    """Run ``kg eval ARGS``."""
    return CliRunner().invoke(app, ["eval", *args])


@pytest.fixture
def paths(tmp_path: Path) -> tuple[str, str]:
    gold = tmp_path / "gold"
    gold.mkdir()
    entities = [{"label": "India", "type": "Country", "aliases": []}, {"label": "Moscow", "type": "City"}]
    (gold / "d1.json").write_text(json.dumps({"doc": "d1.txt", "entities": entities}))
    graph = Graph()
    graph.add((ID["country/in"], RDF.type, KG.Country))
    graph.add((ID["country/in"], RDFS.label, Literal("India")))
    graph.add((ID["city/paris"], RDF.type, KG.City))
    graph.add((ID["city/paris"], RDFS.label, Literal("Paris")))
    graph.serialize(tmp_path / "graph.ttl", format="turtle")
    return str(gold), str(tmp_path / "graph.ttl")


def test_table(paths):
    result = invoke(*paths)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "TP" in line)
    assert [cell.strip() for cell in header.split("┃")[1:-1]] == ["task", "P", "R", "F1", "TP", "FP", "FN"]
    entities = next(line for line in lines if "entities" in line)
    cells = [cell.strip() for cell in entities.split("│")[1:-1]]
    assert cells == ["entities", "0.500", "0.500", "0.500", "1", "1", "1"]
    for row in ("relations", "events (relaxed)", "events (strict)"):
        assert any(row in line for line in lines)
    assert "Moscow" not in result.stdout
    assert result.stderr == ""


def test_misses(paths):
    result = invoke(*paths, "--misses")
    assert result.exit_code == 0, result.output
    assert "entities, missed (1):\n  - City 'Moscow'" in result.stdout
    assert f"entities, extra (1):\n  - City 'Paris' <{ID['city/paris']}>" in result.stdout


def test_json(paths):
    result = invoke(*paths, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"entities", "relations", "events_relaxed", "events_strict"} <= set(data)
    assert data["entities"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert "misses" not in data
    with_misses = json.loads(invoke(*paths, "--json", "--misses").stdout)
    assert with_misses["misses"]["entities"]["missed"] == ["City 'Moscow'"]


def test_missing_gold_dir(paths, tmp_path):
    result = invoke(str(tmp_path / "nope"), paths[1])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [E0")
    assert result.stdout == ""


def test_bad_graph(paths, tmp_path):
    (tmp_path / "bad.ttl").write_text("not turtle at all")
    result = invoke(paths[0], str(tmp_path / "bad.ttl"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [E005]")
