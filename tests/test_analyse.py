"""kg.analyse on small graphs laid out by hand as docs/graph.md describes."""

import doctest

import networkx as nx
import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

import kg.analyse
from kg.analyse import (
    centrality,
    communities,
    count_by_class,
    interaction_graph,
    shortest_path,
    summary,
    to_networkx,
)
from kg.errors import KgError
from kg.ontology import KG, KGR
from kg.rdf import load_dataset


PUTIN, MODI = KGR["person/vladimir-putin"], KGR["person/narendra-modi"]
INDIA, DELHI, KREMLIN = KGR["country/in"], KGR["city/1261481"], KGR["place/kremlin"]
VISIT, CALL, MEETING = KGR["event/a1"], KGR["event/b2"], KGR["event/c3"]
DOC4, DOC1 = KGR["doc/004-acbfd2107952de65"], KGR["doc/001-cad0c3fdfa389879"]
VISIT_LABEL = "Vladimir Putin visits New Delhi (2025-12-04)"
CALL_LABEL = "Narendra Modi calls Vladimir Putin (2025-08-08)"
MEETING_LABEL = "Vladimir Putin meets Narendra Modi (--07-08)"


def add_entity(ds, node, cls, label, *aliases):
    g = ds.graph(KGR["graph/entities"])
    g.add((node, RDF.type, KG[cls]))
    g.add((node, RDFS.label, Literal(label)))
    for alias in aliases:
        g.add((node, SKOS.altLabel, Literal(alias)))


def add_document(ds, doc, doc_id, *mentions):
    g = ds.graph(doc)
    g.add((doc, RDF.type, KG.Document))
    g.add((doc, DCTERMS.identifier, Literal(doc_id)))
    g.add((doc, DCTERMS.title, Literal(f"Title of {doc_id}")))
    for entity in mentions:
        g.add((doc, KG.mentions, entity))


def add_event(ds, doc, node, cls, label, *, agent=None, participants=(), place=None, date=None,
              date_type=XSD.date, end_date=None, status="occurred", evidence=None):
    g = ds.graph(doc)
    g.add((node, RDF.type, KG[cls]))
    g.add((node, RDFS.label, Literal(label)))
    g.add((node, KG.status, Literal(status)))
    g.add((node, PROV.wasDerivedFrom, doc))
    if agent is not None:
        g.add((node, KG.agent, agent))
    for participant in participants:
        g.add((node, KG.participant, participant))
    if place is not None:
        g.add((node, KG.place, place))
    if date is not None:
        g.add((node, KG.date, Literal(date, datatype=date_type)))
    if end_date is not None:
        g.add((node, KG.endDate, Literal(end_date, datatype=XSD.date)))
    if evidence is not None:
        g.add((node, KG.evidence, Literal(evidence)))


def news_graph():
    """5 entities, 2 relations, 3 events (the agents are participants too), 2 documents."""
    ds = Dataset(default_union=True)
    add_entity(ds, PUTIN, "Person", "Vladimir Putin", "Putin", "President Vladimir Putin")
    add_entity(ds, MODI, "Person", "Narendra Modi", "Modi")
    add_entity(ds, INDIA, "Country", "India")
    add_entity(ds, DELHI, "City", "New Delhi")
    add_entity(ds, KREMLIN, "Place", "Kremlin")
    add_document(ds, DOC4, "004_acbfd2107952de65", PUTIN, MODI, INDIA, DELHI)
    add_document(ds, DOC1, "001_cad0c3fdfa389879", PUTIN, MODI)
    ds.graph(DOC4).add((MODI, KG.leaderOf, INDIA))
    ds.graph(DOC4).add((DELHI, KG.capitalOf, INDIA))
    add_event(ds, DOC4, VISIT, "Visit", VISIT_LABEL, agent=PUTIN, participants=(PUTIN, MODI), place=DELHI,
              date="2025-12-04", end_date="2025-12-05", status="planned",
              evidence="The Kremlin confirmed that Putin will visit New Delhi.")
    add_event(ds, DOC1, CALL, "PhoneCall", CALL_LABEL, agent=MODI, participants=(MODI, PUTIN),
              date="2025-08-08")
    add_event(ds, DOC1, MEETING, "Meeting", MEETING_LABEL, participants=(PUTIN, MODI), place=KREMLIN,
              date="--07-08", date_type=XSD.gMonthDay)
    return ds


@pytest.fixture
def G():
    return to_networkx(news_graph())


def test_nodes_and_edges_counted_exactly(G):
    assert G.is_directed() and G.is_multigraph()
    assert G.number_of_nodes() == 8  # 5 entities + 3 events; documents are not nodes
    assert G.number_of_edges() == 12  # 4 + 3 + 3 role edges, 2 relations
    assert sorted(G.edges(str(VISIT), keys=True)) == [
        (str(VISIT), str(DELHI), "place"),
        (str(VISIT), str(MODI), "participant"),
        (str(VISIT), str(PUTIN), "agent"),
        (str(VISIT), str(PUTIN), "participant"),
    ]


def test_agent_and_participant_edges_are_kept_apart(G):
    edges = G.get_edge_data(str(VISIT), str(PUTIN))
    assert edges == {"agent": {"label": "agent"}, "participant": {"label": "participant"}}


def test_relations_are_edges_labelled_by_predicate(G):
    assert G.get_edge_data(str(MODI), str(INDIA)) == {"leaderOf": {"label": "leaderOf"}}
    assert G.get_edge_data(str(DELHI), str(INDIA)) == {"capitalOf": {"label": "capitalOf"}}


def test_node_attributes(G):
    assert G.nodes[str(PUTIN)] == {
        "kind": "entity",
        "type": "Person",
        "label": "Vladimir Putin",
        "aliases": ["President Vladimir Putin", "Putin"],
    }
    assert G.nodes[str(VISIT)] == {
        "kind": "event",
        "type": "Visit",
        "label": VISIT_LABEL,
        "aliases": [],
        "date": "2025-12-04",
        "end_date": "2025-12-05",
        "status": "planned",
        "evidence": ["The Kremlin confirmed that Putin will visit New Delhi."],
        "documents": ["004_acbfd2107952de65"],
    }
    assert G.nodes[str(MEETING)]["date"] == "--07-08"
    assert G.nodes[str(MEETING)]["end_date"] is None


def test_documents_option_adds_mentions():
    G = to_networkx(news_graph(), documents=True)
    assert G.number_of_nodes() == 10
    assert G.number_of_edges() == 18  # 12 + 6 mentions
    assert G.nodes[str(DOC1)] == {
        "kind": "document", "type": "Document", "aliases": [], "id": "001_cad0c3fdfa389879",
        "label": "Title of 001_cad0c3fdfa389879", "date": None,
    }
    assert sorted(v for _, v in G.out_edges(str(DOC1))) == sorted([str(MODI), str(PUTIN)])


def test_finer_event_subclass_keeps_its_name():
    ds = news_graph()
    state_visit = URIRef(f"{KG}StateVisit")  # a finer class declared by the graph itself
    ds.add((state_visit, RDFS.subClassOf, KG.Visit))
    ds.graph(DOC4).add((VISIT, RDF.type, state_visit))
    G = to_networkx(ds)
    assert (G.nodes[str(VISIT)]["kind"], G.nodes[str(VISIT)]["type"]) == ("event", "StateVisit")


def test_same_counts_after_a_trig_round_trip(tmp_path):
    path = tmp_path / "graph.trig"
    news_graph().serialize(destination=str(path), format="trig")
    G = to_networkx(load_dataset(path))
    assert (G.number_of_nodes(), G.number_of_edges()) == (8, 12)
    assert G.nodes[str(MEETING)]["date"] == "--07-08"


def test_interaction_graph(G):
    H = interaction_graph(G)
    assert not H.is_directed() and not H.is_multigraph()
    assert sorted(H.nodes) == sorted(map(str, (PUTIN, MODI, INDIA, DELHI, KREMLIN)))
    assert H.number_of_edges() == 7
    assert H.edges[str(PUTIN), str(MODI)] == {
        "weight": 3, "events": [VISIT_LABEL, CALL_LABEL, MEETING_LABEL], "relations": []
    }
    assert H.edges[str(MODI), str(INDIA)] == {"weight": 1, "events": [], "relations": ["leaderOf"]}
    assert H.nodes[str(MODI)] == {"type": "Person", "label": "Narendra Modi", "aliases": ["Modi"]}


def test_interaction_graph_needs_the_directed_graph():
    with pytest.raises(nx.NetworkXNotImplemented):
        interaction_graph(nx.Graph())


def test_count_by_class(G):
    assert count_by_class(G) == {
        "Person": 2, "City": 1, "Country": 1, "Meeting": 1, "PhoneCall": 1, "Place": 1, "Visit": 1
    }
    assert list(count_by_class(G))[0] == "Person"


def test_centrality_degrees_and_order(G):
    rows = centrality(G, top=10)
    assert {row["label"]: row["degree"] for row in rows} == {
        "Narendra Modi": 4, "Vladimir Putin": 3, "New Delhi": 3, "Kremlin": 2, "India": 2
    }
    assert [row["label"] for row in rows][:2] == ["Narendra Modi", "Vladimir Putin"]
    assert set(rows[0]) == {"label", "type", "degree", "pagerank", "betweenness"}
    assert sum(row["pagerank"] for row in rows) == pytest.approx(1.0, abs=1e-6)
    betweenness = {row["label"]: row["betweenness"] for row in rows}
    # through Modi: Kremlin-India, half of Putin-India (New Delhi has the other half),
    # half of Kremlin-New Delhi (Putin has the other half); normalised by 2 / (4 * 3)
    assert betweenness == pytest.approx(
        {"Narendra Modi": 2 / 6, "Vladimir Putin": 0.5 / 6, "New Delhi": 0.5 / 6, "Kremlin": 0.0, "India": 0.0}
    )
    assert [row["label"] for row in centrality(G, top=2)] == ["Narendra Modi", "Vladimir Putin"]


def test_pagerank_fallback_matches_networkx():
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    H = nx.Graph()
    H.add_weighted_edges_from([("a", "b", 3), ("b", "c", 1), ("a", "c", 1), ("c", "d", 2)])
    H.add_node("lonely")
    ours = kg.analyse._pagerank_power(H)
    assert ours == pytest.approx(_pagerank_python(H, weight="weight"), abs=1e-6)


def two_clusters():
    ds = Dataset(default_union=True)
    people = {name: KGR[f"person/{name}"] for name in "abcxyz"}
    for name, node in people.items():
        add_entity(ds, node, "Person", name.upper())
    doc = KGR["doc/d"]
    for i, (u, v) in enumerate(["ab", "bc", "ca", "xy", "yz", "zx"]):
        add_event(ds, doc, KGR[f"event/{i}"], "Meeting", f"{u} meets {v}", participants=(people[u], people[v]))
    ds.graph(doc).add((people["c"], KG.leaderOf, people["x"]))
    return ds


def test_communities_two_clusters():
    G = to_networkx(two_clusters())
    assert communities(G, seed=0) == [["A", "B", "C"], ["X", "Y", "Z"]]
    assert communities(G, seed=0) == communities(G, seed=0)


def test_communities_min_size_hides_isolated_entities():
    ds = two_clusters()
    add_entity(ds, KGR["country/tv"], "Country", "Tuvalu")
    G = to_networkx(ds)
    assert ["Tuvalu"] in communities(G, seed=0)
    assert communities(G, seed=0, min_size=2) == [["A", "B", "C"], ["X", "Y", "Z"]]


def test_shortest_path_through_an_event(G):
    assert shortest_path(G, "Narendra Modi", "Kremlin") == [
        {"id": str(MODI), "label": "Narendra Modi", "type": "Person", "kind": "entity", "edge": "participant"},
        {"id": str(MEETING), "label": MEETING_LABEL, "type": "Meeting", "kind": "event", "edge": "place"},
        {"id": str(KREMLIN), "label": "Kremlin", "type": "Place", "kind": "entity", "edge": None},
    ]


def test_shortest_path_names_by_alias_any_case_and_prefers_agent(G):
    steps = shortest_path(G, "  PUTIN", "new delhi")
    assert [(s["label"], s["edge"]) for s in steps] == [
        ("Vladimir Putin", "agent"), (VISIT_LABEL, "place"), ("New Delhi", None)
    ]
    assert [s["label"] for s in shortest_path(G, "Modi", "india")] == ["Narendra Modi", "India"]
    assert shortest_path(G, "Modi", "Modi") == [
        {"id": str(MODI), "label": "Narendra Modi", "type": "Person", "kind": "entity", "edge": None}
    ]


def test_shortest_path_none_and_unknown():
    ds = news_graph()
    add_entity(ds, KGR["country/tv"], "Country", "Tuvalu")
    G = to_networkx(ds)
    assert shortest_path(G, "Tuvalu", "Kremlin") == []
    with pytest.raises(KgError) as info:
        shortest_path(G, "Narendra Modi", "Atlantis")
    assert str(info.value).startswith("[E013] ")
    assert "'Atlantis'" in str(info.value)
    with pytest.raises(KgError, match="did you mean 'Vladimir Putin'"):
        shortest_path(G, "Vladimir Putn", "Kremlin")


@pytest.mark.parametrize("nodes", [0, 1])
def test_trivial_graphs_give_empty_results(nodes):
    G = nx.MultiDiGraph()
    if nodes:
        G.add_node("urn:x", kind="entity", type="Person", label="X", aliases=[])
    assert centrality(G) == []
    assert communities(G, seed=0) == []
    assert shortest_path(G, "X", "Y") == []
    assert interaction_graph(G).number_of_nodes() == nodes
    assert summary(G) == {
        "counts": {"Person": 1} if nodes else {}, "centrality": [], "communities": [], "path": None
    }


def test_empty_rdf_graph():
    assert to_networkx(Dataset(default_union=True)).number_of_nodes() == 0


def test_summary(G):
    report = summary(G, top=1, path=("Modi", "Kremlin"))
    assert report["counts"] == count_by_class(G)
    assert [row["label"] for row in report["centrality"]] == ["Narendra Modi"]
    assert report["communities"] == communities(G, seed=0, min_size=2)
    assert [step["label"] for step in report["path"]] == ["Narendra Modi", MEETING_LABEL, "Kremlin"]


def test_doctests():
    result = doctest.testmod(kg.analyse, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
