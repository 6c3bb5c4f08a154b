"""kg.timeline: events in date order, with mixed date forms."""

import dataclasses
import doctest

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

import kg.timeline
from kg.analyse import to_networkx
from kg.errors import KgError
from kg.ontology import KG, KGR
from kg.timeline import TimelineRow, timeline


PUTIN, MODI, XI = KGR["person/vladimir-putin"], KGR["person/narendra-modi"], KGR["person/xi-jinping"]
DELHI = KGR["city/1261481"]
DOC = KGR["doc/004-acbfd2107952de65"]


def dated_graph():
    ds = Dataset(default_union=True)
    entities = ds.graph(KGR["graph/entities"])
    for node, cls, label in [(PUTIN, "Person", "Vladimir Putin"), (MODI, "Person", "Narendra Modi"),
                             (XI, "Person", "Xi Jinping"), (DELHI, "City", "New Delhi")]:
        entities.add((node, RDF.type, KG[cls]))
        entities.add((node, RDFS.label, Literal(label)))
    entities.add((MODI, SKOS.altLabel, Literal("Modi")))
    g = ds.graph(DOC)
    g.add((DOC, RDF.type, KG.Document))
    g.add((DOC, DCTERMS.identifier, Literal("004_acbfd2107952de65")))
    events = [  # (id, type, label, date, datatype, participants)
        ("e1", "Visit", "Putin visits New Delhi", "2025-12-04", XSD.date, (PUTIN, MODI)),
        ("e2", "Meeting", "Putin meets Xi", "2000-10", XSD.gYearMonth, (PUTIN, XI)),
        ("e3", "PhoneCall", "Modi calls Xi", "2021", XSD.gYear, (MODI, XI)),
        ("e4", "Meeting", "Modi meets Putin", "--07-08", XSD.gMonthDay, (MODI, PUTIN)),
        ("e5", "Agreement", "Undated agreement", None, None, (XI,)),
        ("e6", "Meeting", "A meeting in 2025", "2025", XSD.gYear, (MODI,)),
        ("e7", "Meeting", "Another meeting on the same day", "2025-12-04", XSD.date, (XI,)),
    ]
    for key, cls, label, date, datatype, participants in events:
        node = KGR[f"event/{key}"]
        g.add((node, RDF.type, KG[cls]))
        g.add((node, RDFS.label, Literal(label)))
        g.add((node, KG.status, Literal("occurred")))
        g.add((node, PROV.wasDerivedFrom, DOC))
        for participant in participants:
            g.add((node, KG.participant, participant))
        if date:
            g.add((node, KG.date, Literal(date, datatype=datatype)))
    visit = KGR["event/e1"]
    g.set((visit, KG.status, Literal("planned")))
    g.add((visit, KG.agent, PUTIN))
    g.add((visit, KG.place, DELHI))
    g.add((visit, KG.endDate, Literal("2025-12-05", datatype=XSD.date)))
    g.add((visit, KG.evidence, Literal("Putin will visit New Delhi.")))
    g.add((visit, KG.evidence, Literal("The Kremlin confirmed the visit.")))
    return ds


def test_order_with_mixed_date_forms():
    assert [(row.date, row.label) for row in timeline(dated_graph())] == [
        ("2000-10", "Putin meets Xi"),
        ("2021", "Modi calls Xi"),
        ("2025", "A meeting in 2025"),
        ("2025-12-04", "Another meeting on the same day"),
        ("2025-12-04", "Putin visits New Delhi"),
        ("--07-08", "Modi meets Putin"),
        (None, "Undated agreement"),
    ]


def test_row_fields():
    rows = {row.label: row for row in timeline(dated_graph())}
    assert rows["Putin visits New Delhi"] == TimelineRow(
        date="2025-12-04",
        end_date="2025-12-05",
        type="Visit",
        label="Putin visits New Delhi",
        status="planned",
        place="New Delhi",
        participants=("Vladimir Putin", "Narendra Modi"),
        documents=("004_acbfd2107952de65",),
        evidence="Putin will visit New Delhi.",
    )
    year_less = rows["Modi meets Putin"]
    assert (year_less.date, year_less.place, year_less.evidence) == ("--07-08", None, None)
    assert year_less.participants == ("Narendra Modi", "Vladimir Putin")


def test_rows_are_frozen():
    row = timeline(dated_graph())[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.label = "changed"


def test_entity_filter_by_alias_any_case():
    assert [row.label for row in timeline(dated_graph(), entity="modi")] == [
        "Modi calls Xi", "A meeting in 2025", "Putin visits New Delhi", "Modi meets Putin"
    ]
    assert [row.label for row in timeline(dated_graph(), entity="NEW DELHI")] == ["Putin visits New Delhi"]


def test_entity_filter_unknown_name():
    with pytest.raises(KgError, match=r"^\[E013\] .*'Atlantis'"):
        timeline(dated_graph(), entity="Atlantis")


def test_networkx_graph_gives_the_same_rows():
    ds = dated_graph()
    assert timeline(to_networkx(ds)) == timeline(ds)


def test_no_events():
    assert timeline(Dataset(default_union=True)) == []


@pytest.mark.parametrize(
    "dates,expected",
    [
        (["2025-01-01", "2025-01", "2025"], ["2025", "2025-01", "2025-01-01"]),
        (["--12-01", "--01-31", "1999"], ["1999", "--01-31", "--12-01"]),
        (["2025-12-04Z", "2025-12-03"], ["2025-12-03", "2025-12-04Z"]),
        (["sometime", "--07-08", "2020"], ["2020", "--07-08", "sometime"]),
    ],
)
def test_sort_key(dates, expected):
    rows = [TimelineRow(d, None, "Meeting", "m", None, None, (), (), None) for d in dates]
    assert [row.date for row in sorted(rows, key=kg.timeline._order)] == expected


def test_doctests():
    result = doctest.testmod(kg.timeline)
    assert result.attempted > 0 and result.failed == 0
