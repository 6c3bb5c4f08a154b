"""End to end on seeds/: build, score against the gold files, validate the shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import api
from kg.evaluate import evaluate
from kg.rdf import load_dataset
from kg.ingest import read_documents
from kg.validate import validate

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Quality floors of the build issue; the README shows the measured scores.
FLOORS = {"entities": 0.90, "relations": 0.80, "events_relaxed": 0.80, "events_strict": 0.70}


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds") / "seeds.trig"
    report = api.BuildReport()
    api.write(api.build_corpus([SEEDS], report=report), out)
    assert report.documents == 5
    assert report.problems == []
    return out


@pytest.mark.parametrize("task", sorted(FLOORS))
def test_quality_floor(seed_graph, task):
    score = evaluate(SEEDS / "gold", seed_graph).scores()[task]
    assert score.f1 >= FLOORS[task], f"{task}: {score.to_dict()}"


def test_output_conforms_to_shapes(seed_graph):
    conforms, report = validate(load_dataset(seed_graph))
    assert conforms, report


def test_every_event_has_document_sentence_and_offsets(seed_graph):
    dataset = load_dataset(seed_graph)
    rows = dataset.query(
        """
        PREFIX kg: <https://w3id.org/kg-news/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?e ?id ?text ?start ?end WHERE {
          VALUES ?t { kg:Visit kg:Meeting kg:PhoneCall kg:Agreement }
          ?e a ?t ; prov:wasDerivedFrom/dcterms:identifier ?id ; kg:evidenceSpan ?s .
          ?s kg:text ?text ; kg:startOffset ?start ; kg:endOffset ?end .
        }"""
    )
    rows = list(rows)
    assert rows
    # offsets point into the cleaned document text that ingest produces
    texts = {d.id: d.text for d in read_documents([SEEDS])}
    for _, doc_id, text, start, end in rows:
        assert texts[str(doc_id)][int(start) : int(end)] == str(text)


def test_rebuild_gives_identical_graph(seed_graph, tmp_path):
    again = tmp_path / "again.nq"
    api.write(api.build_corpus([SEEDS]), again)
    first = {(s, p, o, g) for s, p, o, g in load_dataset(seed_graph).quads()}
    second = {(s, p, o, g) for s, p, o, g in load_dataset(again).quads()}
    assert first == second


def _answer(seed_graph, name: str) -> list[dict]:
    from kg.query import competency_queries, run_query

    return run_query(load_dataset(seed_graph), competency_queries()[name]).records()


def test_competency_who_visited_where_and_when(seed_graph):
    rows = {(r["visitor"], r["place"], r["date"], r["status"]) for r in _answer(seed_graph, "visits")}
    assert ("Vladimir Putin", "New Delhi", "2025-12-04", "planned") in rows
    assert ("Narendra Modi", "Moscow", "--07-08", "occurred") in rows


def test_competency_leaders_of_each_country(seed_graph):
    rows = {(r["leader"], r["organisation"]) for r in _answer(seed_graph, "leaders")}
    assert {("Vladimir Putin", "Russia"), ("Narendra Modi", "India")} <= rows


def test_competency_events_of_one_person_in_date_order(seed_graph):
    rows = _answer(seed_graph, "person_events")
    dated = [r["date"] for r in rows if r["date"] and not str(r["date"]).startswith("--")]
    assert dated == sorted(dated) and "2000-10" in dated and "2025-12-04" in dated
    assert all(r["evidence"] and r["document"] for r in rows)


def test_competency_planned_versus_occurred(seed_graph):
    counts = {(r["status"], r["type"]): r["events"] for r in _answer(seed_graph, "planned_vs_occurred")}
    assert counts[("planned", "Visit")] == 2
    assert counts[("occurred", "Agreement")] == 1


def test_competency_documents_mentioning_both(seed_graph):
    assert len({r["document"] for r in _answer(seed_graph, "co_mentions")}) == 5


def test_competency_entities_ranked_by_documents(seed_graph):
    rows = _answer(seed_graph, "entity_rank")
    assert rows[0]["documents"] == 5
    assert [r["documents"] for r in rows] == sorted((r["documents"] for r in rows), reverse=True)
