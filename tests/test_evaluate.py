"""kg.evaluate: tiny hand-built graphs and gold directories, exact counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, XSD

from kg.errors import KgError
from kg.evaluate import Score, date_agrees, evaluate, normalise_label
from kg.ontology import KG
from kg.ontology import KGR as ID

STATE_VISIT = ID["class/StateVisit"]  # a finer event class a graph may declare


def entity(graph: Graph, key: str, type_: str, label: str, *alt: str) -> URIRef:
    node = ID[key]
    graph.add((node, RDF.type, KG[type_]))
    graph.add((node, RDFS.label, Literal(label)))
    for name in alt:
        graph.add((node, SKOS.altLabel, Literal(name)))
    return node


def document(graph: Graph, doc_id: str) -> URIRef:
    node = ID[f"doc/{doc_id}"]
    graph.add((node, RDF.type, KG.Document))
    graph.add((node, DCTERMS.identifier, Literal(doc_id)))
    return node


def typed_date(text: str) -> Literal:
    """A date literal with the datatype the contract gives its lexical form."""
    kinds = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}
    return Literal(text, datatype=XSD.gMonthDay if text.startswith("--") else kinds[len(text)])


def event(graph: Graph, key: str, type_: str | URIRef, doc: URIRef | None, *, agent=None, participants=(),
          place=None, date=None, status=None) -> URIRef:
    node = ID[f"event/{key}"]
    graph.add((node, RDF.type, type_ if isinstance(type_, URIRef) else KG[type_]))
    if doc is not None:
        graph.add((node, PROV.wasDerivedFrom, doc))
    for who in {*participants, *([agent] if agent else [])}:
        graph.add((node, KG.participant, who))
    if agent is not None:
        graph.add((node, KG.agent, agent))
    if place is not None:
        graph.add((node, KG.place, place))
    if date is not None:
        graph.add((node, KG.date, typed_date(date)))
    if status is not None:
        graph.add((node, KG.status, Literal(status)))
    return node


def gold_entity(label: str, type_: str, *aliases: str, optional: bool = False) -> dict:
    item = {"label": label, "type": type_, "aliases": list(aliases)}
    return {**item, "optional": True} if optional else item


def write_gold(gold_dir: Path, doc: str, entities=(), events=(), relations=()) -> None:
    gold_dir.mkdir(exist_ok=True)
    data = {"doc": f"{doc}.txt", "published": None, "entities": list(entities), "events": list(events),
            "relations": list(relations)}
    (gold_dir / f"{doc}.json").write_text(json.dumps(data), encoding="utf-8")


def score(tmp_path: Path, graph: Graph, task: str, name: str = "graph.trig"):
    path = tmp_path / name
    dataset = Dataset()
    named = dataset.graph(ID["graph/test"])
    for triple in graph:
        named.add(triple)
    dataset.serialize(path, format="trig")
    report = evaluate(tmp_path / "gold", path)
    got = getattr(report, task)
    return (got.tp, got.fp, got.fn), report


@pytest.fixture
def graph() -> Graph:
    return Graph()


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    return tmp_path / "gold"


# --------------------------------------------------------------------------- labels and dates


@pytest.mark.parametrize(
    "a, b",
    [
        ("U.S.", "US"),
        ("the United States", "United States"),
        ("The  Kremlin", "kremlin"),
        ("Novo-Ogarevo", "Novo Ogarevo"),
        ("People’s Republic", "Peoples Republic"),
        ("“Global South”", "global south"),
    ],
)
def test_normalise_label_equal(a, b):
    assert normalise_label(a) == normalise_label(b)


@pytest.mark.parametrize("a, b", [("Theodore", "odore"), ("US", "U S"), ("Kraków", "Krakow")])
def test_normalise_label_different(a, b):
    assert normalise_label(a) != normalise_label(b)


@pytest.mark.parametrize(
    "gold_date, system, expected",
    [
        (None, [], True),
        ("2025", [], False),
        ("2025", ["2025-12-04"], True),
        ("2025", ["2025"], True),
        ("2025", ["2024-12-04"], False),
        ("2025-12", ["2025-12-04"], True),
        ("2025-12", ["2025-12"], True),
        ("2025-12", ["2025"], False),
        ("2025-12", ["2025-11-30"], False),
        ("2025-12-04", ["2025-12-04"], True),
        ("2025-12-04", ["2025-12"], False),
        ("2025-12-04", ["--12-04"], False),
        ("--07-08", ["--07-08"], True),
        ("--07-08", ["2024-07-08"], True),
        ("--07-08", ["2024-07-09"], False),
        ("--07-08", ["2024-07"], False),
        ("2024", ["--07-08"], False),
        ("2025", ["2019", "2025-01-01"], True),
    ],
)
def test_date_agrees(gold_date, system, expected):
    assert date_agrees(gold_date, system) is expected


def test_score_ratios():
    assert (Score(3, 1, 2).precision, Score(3, 1, 2).recall) == (0.75, 0.6)
    assert Score(0, 0, 0).f1 == 1.0
    assert Score(0, 0, 4).precision == 0.0 and Score(0, 0, 4).f1 == 0.0
    assert Score(2, 0, 0).to_dict() == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}


# --------------------------------------------------------------------------- entities


def test_entity_alias_matches(tmp_path, graph, gold):
    putin, russia = gold_entity("Vladimir Putin", "Person", "Putin"), gold_entity("Russia", "Country")
    write_gold(gold, "d1", [putin, russia])
    entity(graph, "person/putin", "Person", "Putin")
    entity(graph, "country/ru", "Country", "Russian Federation", "Russia")
    counts, report = score(tmp_path, graph, "entities")
    assert counts == (2, 0, 0)
    assert report.misses["entities"].missed == ()


def test_entity_the_and_punctuation_dropped(tmp_path, graph, gold):
    us, novo = gold_entity("United States", "Country", "U.S."), gold_entity("Novo-Ogarevo", "Place")
    write_gold(gold, "d1", [us, novo])
    entity(graph, "country/us", "Country", "The US")
    entity(graph, "place/novo", "Place", "Novo Ogarevo")
    assert score(tmp_path, graph, "entities")[0] == (2, 0, 0)


def test_duplicate_node_is_false_positive(tmp_path, graph, gold):
    write_gold(gold, "d1", [gold_entity("Vladimir Putin", "Person", "Putin")])
    entity(graph, "person/vladimir-putin", "Person", "Vladimir Putin")
    entity(graph, "person/putin", "Person", "Putin")
    counts, report = score(tmp_path, graph, "entities")
    assert counts == (1, 1, 0)
    # the node carrying the canonical label is the one matched
    assert report.misses["entities"].extra == (f"Person 'Putin' <{ID['person/putin']}>",)


def test_wrong_type_is_false_positive_and_false_negative(tmp_path, graph, gold):
    write_gold(gold, "d1", [gold_entity("Moscow", "City")])
    entity(graph, "place/moscow", "Place", "Moscow")
    counts, report = score(tmp_path, graph, "entities")
    assert counts == (0, 1, 1)
    assert report.misses["entities"].missed == ("City 'Moscow'",)


def test_optional_entity_neither_rewarded_nor_penalised(tmp_path, graph, gold):
    qoshe = gold_entity("QOSHE", "Organization", optional=True)
    write_gold(gold, "d1", [gold_entity("India", "Country"), qoshe])
    entity(graph, "country/in", "Country", "India")
    assert score(tmp_path, graph, "entities")[0] == (1, 0, 0)
    entity(graph, "organization/qoshe", "Organization", "QOSHE")
    assert score(tmp_path, graph, "entities")[0] == (1, 0, 0)


def test_gold_entities_merge_across_files(tmp_path, graph, gold):
    kremlin = gold_entity("Kremlin", "Organization")
    write_gold(gold, "d1", [gold_entity("Ukraine", "Country", optional=True), kremlin])
    the_kremlin = gold_entity("Kremlin", "Organization", "the Kremlin")
    write_gold(gold, "d2", [gold_entity("Ukraine", "Country"), the_kremlin])
    counts, report = score(tmp_path, graph, "entities")
    assert counts == (0, 0, 2)  # one Ukraine, required because d2 requires it; one Kremlin
    assert report.misses["entities"].missed == ("Country 'Ukraine'", "Organization 'Kremlin'")


def test_entity_matching_is_one_to_one_and_maximal(tmp_path, graph, gold):
    john, jane = gold_entity("John Smith", "Person", "Smith"), gold_entity("Jane Smith", "Person", "Smith")
    write_gold(gold, "d1", [john, jane])
    entity(graph, "person/a-smith", "Person", "Smith")  # fits both; a greedy first pick would take John
    entity(graph, "person/b-john-smith", "Person", "John Smith")
    assert score(tmp_path, graph, "entities")[0] == (2, 0, 0)


def test_required_gold_wins_over_optional(tmp_path, graph, gold):
    write_gold(gold, "d1", [gold_entity("Global South", "Place", "South", optional=True),
                            gold_entity("South Africa", "Place", "South")])
    entity(graph, "place/south", "Place", "South")
    assert score(tmp_path, graph, "entities")[0] == (1, 0, 0)


# --------------------------------------------------------------------------- relations


def test_relations_match_through_labels(tmp_path, graph, gold):
    write_gold(
        gold,
        "d1",
        [gold_entity("Vladimir Putin", "Person", "Putin"), gold_entity("Russia", "Country"),
         gold_entity("India", "Country"), gold_entity("New Delhi", "City")],
        relations=[
            {"s": "Vladimir Putin", "p": "leaderOf", "o": "Russia"},
            {"s": "Russia", "p": "suppliesTo", "o": "India"},
            {"s": "New Delhi", "p": "capitalOf", "o": "India", "optional": True},
        ],
    )
    write_gold(gold, "d2", relations=[{"s": "Putin", "p": "leaderOf", "o": "Russia"}])  # the same relation
    putin = entity(graph, "person/putin", "Person", "Putin")
    putin2 = entity(graph, "person/vladimir-putin", "Person", "Vladimir Putin")
    russia = entity(graph, "country/ru", "Country", "Russia")
    india = entity(graph, "country/in", "Country", "India")
    delhi = entity(graph, "city/delhi", "City", "New Delhi")
    graph.add((putin, KG.leaderOf, russia))
    graph.add((putin2, KG.leaderOf, russia))  # duplicate node, duplicate relation
    graph.add((india, KG.suppliesTo, russia))  # wrong direction
    graph.add((delhi, KG.capitalOf, india))  # optional
    graph.add((russia, KG.leaderOf, Literal("x")))  # not between entities: not read
    counts, report = score(tmp_path, graph, "relations")
    assert counts == (1, 2, 1)
    assert report.misses["relations"].missed == ("Russia suppliesTo India",)
    assert set(report.misses["relations"].extra) == {"India suppliesTo Russia", "Putin leaderOf Russia"}


# --------------------------------------------------------------------------- events


@pytest.fixture
def people(graph):
    return {
        "modi": entity(graph, "person/modi", "Person", "Narendra Modi", "Modi"),
        "putin": entity(graph, "person/putin", "Person", "Vladimir Putin"),
        "moscow": entity(graph, "city/moscow", "City", "Moscow"),
        "india": entity(graph, "country/in", "Country", "India"),
    }


GOLD_PEOPLE = [
    gold_entity("Narendra Modi", "Person", "Modi"),
    gold_entity("Vladimir Putin", "Person", "Putin"),
    gold_entity("Moscow", "City"),
    gold_entity("India", "Country"),
]


def visit(**fields) -> dict:
    item = {"type": "Visit", "agent": "Narendra Modi", "participants": ["Narendra Modi"], "place": "Moscow",
            "date": "--07-08"}
    return {**item, **fields}


@pytest.mark.parametrize(
    "date, expected",
    [("--07-08", (1, 0, 0)), ("2024-07-08", (1, 0, 0)), ("2024-07-09", (0, 1, 1)), (None, (0, 1, 1))],
)
def test_event_month_day_date(tmp_path, graph, gold, people, date, expected):
    write_gold(gold, "d1", GOLD_PEOPLE, [visit()])
    doc = document(graph, "d1")
    event(graph, "e1", "Visit", doc, agent=people["modi"], place=people["moscow"], date=date)
    assert score(tmp_path, graph, "events_relaxed")[0] == expected


@pytest.mark.parametrize(
    "date, expected", [("2025-12-04", (1, 0, 0)), ("2025", (0, 1, 1)), ("2026-12", (0, 1, 1))]
)
def test_event_partial_gold_date(tmp_path, graph, gold, people, date, expected):
    write_gold(gold, "d1", GOLD_PEOPLE, [visit(date="2025-12")])
    doc = document(graph, "d1")
    event(graph, "e1", "Visit", doc, agent=people["modi"], place=people["moscow"], date=date)
    assert score(tmp_path, graph, "events_relaxed")[0] == expected


def test_event_place_required_only_when_gold_has_one(tmp_path, graph, gold, people):
    write_gold(gold, "d1", GOLD_PEOPLE, [visit(), visit(type="Meeting", agent=None, place=None, date=None,
                                                      participants=["Modi", "Vladimir Putin"])])
    doc = document(graph, "d1")
    wrong_place = people["india"]
    event(graph, "e1", "Visit", doc, agent=people["modi"], place=wrong_place, date="--07-08")
    event(graph, "e2", "Meeting", doc, participants=[people["modi"], people["putin"]], place=people["india"])
    counts, report = score(tmp_path, graph, "events_relaxed")
    assert counts == (1, 1, 1)
    missed = ("Visit agent=Narendra Modi place=Moscow date=--07-08 [doc d1]",)
    assert report.misses["events_relaxed"].missed == missed


def test_event_needs_every_gold_participant(tmp_path, graph, gold, people):
    meeting = visit(type="Meeting", participants=["Narendra Modi", "Vladimir Putin"])
    write_gold(gold, "d1", GOLD_PEOPLE, [meeting])
    event(graph, "e1", "Meeting", document(graph, "d1"), agent=people["modi"], place=people["moscow"],
          date="--07-08")
    assert score(tmp_path, graph, "events_relaxed")[0] == (0, 1, 1)


def test_event_type_must_agree_and_subclasses_count(tmp_path, graph, gold, people):
    write_gold(gold, "d1", GOLD_PEOPLE, [visit(), visit(type="PhoneCall", place=None, date=None)])
    doc = document(graph, "d1")
    graph.add((STATE_VISIT, RDFS.subClassOf, KG.Visit))
    event(graph, "e1", STATE_VISIT, doc, agent=people["modi"], place=people["moscow"], date="--07-08")
    event(graph, "e2", "Meeting", doc, agent=people["modi"])  # not a PhoneCall
    assert score(tmp_path, graph, "events_relaxed")[0] == (1, 1, 1)


@pytest.mark.parametrize(
    "agent, status, relaxed, strict",
    [
        ("modi", None, (1, 0, 0), (1, 0, 0)),
        ("modi", "occurred", (1, 0, 0), (1, 0, 0)),
        ("modi", "planned", (1, 0, 0), (0, 1, 1)),
        ("putin", None, (1, 0, 0), (0, 1, 1)),  # Modi still among the participants
        (None, None, (1, 0, 0), (0, 1, 1)),
    ],
)
def test_strict_needs_agent_and_status(tmp_path, graph, gold, people, agent, status, relaxed, strict):
    write_gold(gold, "d1", GOLD_PEOPLE, [visit()])
    event(graph, "e1", "Visit", document(graph, "d1"), agent=people[agent] if agent else None,
          participants=[people["modi"]], place=people["moscow"], date="--07-08", status=status)
    assert score(tmp_path, graph, "events_relaxed")[0] == relaxed
    assert score(tmp_path, graph, "events_strict")[0] == strict


def test_strict_planned_status_and_no_gold_agent(tmp_path, graph, gold, people):
    write_gold(gold, "d1", GOLD_PEOPLE, [visit(type="Meeting", agent=None, participants=["Modi", "Putin"],
                                               status="planned")])
    event(graph, "e1", "Meeting", document(graph, "d1"), agent=people["putin"],
          participants=[people["modi"]], place=people["moscow"], date="2025-07-08", status="planned")
    assert score(tmp_path, graph, "events_strict")[0] == (1, 0, 0)


def test_events_are_scored_per_document(tmp_path, graph, gold, people):
    write_gold(gold, "d1", GOLD_PEOPLE, [visit()])
    write_gold(gold, "d2", GOLD_PEOPLE, [])
    document(graph, "d1")
    event(graph, "e1", "Visit", document(graph, "d2"), agent=people["modi"], place=people["moscow"],
          date="--07-08")
    event(graph, "e2", "Visit", None, agent=people["modi"], place=people["moscow"], date="--07-08")
    event(graph, "e3", "Visit", document(graph, "unscored"), agent=people["modi"], place=people["moscow"])
    counts, report = score(tmp_path, graph, "events_relaxed")
    assert counts == (0, 2, 1)  # e1 is extra in d2, e2 has no document; d3 has no gold file
    assert report.misses["events_relaxed"].extra == (
        "Visit agent=Narendra Modi place=Moscow date=--07-08 [doc (none)]",
        "Visit agent=Narendra Modi place=Moscow date=--07-08 [doc d2]",
    )


def test_event_from_two_documents_counts_in_each(tmp_path, graph, gold, people):
    write_gold(gold, "d1", GOLD_PEOPLE, [visit()])
    write_gold(gold, "d2", GOLD_PEOPLE, [visit(), visit(date="--07-09")])
    node = event(graph, "e1", "Visit", document(graph, "d1"), agent=people["modi"], place=people["moscow"],
                 date="--07-08")
    graph.add((node, PROV.wasDerivedFrom, document(graph, "d2")))
    assert score(tmp_path, graph, "events_relaxed")[0] == (2, 0, 1)


def test_optional_and_one_to_one_events(tmp_path, graph, gold, people):
    write_gold(gold, "d1", GOLD_PEOPLE, [visit(), visit(place=None, date="--07-08", optional=True)])
    doc = document(graph, "d1")
    for key in ("e1", "e2", "e3"):  # all three fit both gold visits
        event(graph, key, "Visit", doc, agent=people["modi"], place=people["moscow"], date="--07-08")
    assert score(tmp_path, graph, "events_relaxed")[0] == (1, 1, 0)


# --------------------------------------------------------------------------- files and errors


@pytest.mark.parametrize("name, fmt", [("g.ttl", "turtle"), ("g.nt", "nt"), ("g.nq", "nquads"),
                                       ("g.jsonld", "json-ld")])
def test_every_format_reads_the_union(tmp_path, gold, name, fmt):
    write_gold(gold, "d1", [gold_entity("India", "Country")])
    dataset = Dataset()
    keeps_graphs = fmt in ("nquads", "json-ld")
    for graph_name, triple in (
        ("entities", (ID["country/in"], RDF.type, KG.Country)),
        ("other", (ID["country/in"], RDFS.label, Literal("India"))),
    ):
        (dataset.graph(ID[f"graph/{graph_name}"]) if keeps_graphs else dataset).add(triple)
    path = tmp_path / name
    dataset.serialize(path, format=fmt)
    assert evaluate(gold, path).entities == Score(1, 0, 0)


def test_report_to_dict(tmp_path, graph, gold):
    write_gold(gold, "d1", [gold_entity("India", "Country")])
    _, report = score(tmp_path, graph, "entities")
    data = report.to_dict()
    assert data["entities"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 1}
    assert data["documents"] == {"gold": ["d1"], "missing_from_graph": ["d1"]}
    assert data["misses"]["entities"] == {"missed": ["Country 'India'"], "extra": []}
    assert "misses" not in report.to_dict(misses=False)
    json.dumps(data)


def test_missing_paths(tmp_path, gold):
    write_gold(gold, "d1")
    (tmp_path / "g.ttl").write_text("")
    with pytest.raises(KgError, match=r"^\[E001\]"):
        evaluate(tmp_path / "nope", tmp_path / "g.ttl")
    with pytest.raises(KgError, match=r"^\[E001\]"):
        evaluate(gold, tmp_path / "nope.ttl")


def test_empty_gold_dir(tmp_path):
    (tmp_path / "g.ttl").write_text("")
    with pytest.raises(KgError, match=r"^\[E006\]"):
        evaluate(tmp_path, tmp_path / "g.ttl")


@pytest.mark.parametrize(
    "content, reason",
    [
        ("{", "Expecting"),
        ("[]", "not an object"),
        ('{"entities": [{"type": "Person"}]}', "missing field 'label'"),
        ('{"entities": [{"label": "X", "type": "Thing"}]}', "unknown entity type 'Thing'"),
        ('{"events": [{"type": "Visit", "date": "July 8"}]}', "bad date 'July 8'"),
        ('{"relations": [{"s": "a", "p": "knows", "o": "b"}]}', "unknown relation 'knows'"),
    ],
)
def test_bad_gold_file(tmp_path, gold, content, reason):
    gold.mkdir()
    (gold / "bad.json").write_text(content)
    (tmp_path / "g.ttl").write_text("")
    with pytest.raises(KgError, match=r"^\[E007\]") as info:
        evaluate(gold, tmp_path / "g.ttl")
    assert "bad.json" in str(info.value) and reason in str(info.value)


def test_unparsable_graph(tmp_path, gold):
    write_gold(gold, "d1")
    (tmp_path / "g.ttl").write_text("this is not turtle")
    with pytest.raises(KgError, match=r"^\[E005\]"):
        evaluate(gold, tmp_path / "g.ttl")
