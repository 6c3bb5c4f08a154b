"""The events of a knowledge graph in date order.

Dates keep the lexical form the graph stores (``xsd:date`` "2025-12-04",
``xsd:gYearMonth`` "2000-10", ``xsd:gYear`` "2021", ``xsd:gMonthDay``
"--07-08"); no year is ever invented. The order is:

1. dated events, full dates, year-months and years interleaved by the day they
   start ("2000-10" < "2021" < "2025-12-04"); at the same start the coarser
   date comes first ("2025" < "2025-01" < "2025-01-01");
2. events with a month and day but no year, by month and day;
3. events whose date kg cannot read, by their text;
4. undated events.

Ties are broken by label.
"""

from __future__ import annotations

__all__ = ["TimelineRow", "timeline"]

import re
from dataclasses import dataclass

from .analyse import ROLES, find_nodes, to_networkx

_DATE = re.compile(r"^(-?\d{4,})(?:-(\d{2}))?(?:-(\d{2}))?(?:Z|[+-]\d{2}:\d{2})?$")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$")


@dataclass(frozen=True)
class TimelineRow:
    """One event on the timeline; entity references are labels."""

    date: str | None
    end_date: str | None
    type: str
    label: str
    status: str | None
    place: str | None
    participants: tuple[str, ...]
    documents: tuple[str, ...]
    evidence: str | None


def timeline(graph, entity: str | None = None) -> list[TimelineRow]:
    """The events of ``graph`` sorted by date (see the module docstring).

    Parameters
    ----------
    graph : rdflib.Graph or networkx.MultiDiGraph
        A graph as ``kg build`` writes it, or one from :func:`kg.analyse.to_networkx`.
    entity : str, optional
        Only events this entity (label or alias, any case) takes part in as
        agent, participant or place.

    Returns
    -------
    rows : list of TimelineRow
        ``participants`` lists the agent first; ``evidence`` is the first
        evidence sentence.

    Raises
    ------
    KgError
        When ``entity`` names no entity in the graph.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", kind="event", type="Visit", label="A", date="2021")
    >>> G.add_node("b", kind="event", type="Meeting", label="B", date="2000-10")
    >>> G.add_node("c", kind="event", type="PhoneCall", label="C", date="--07-08")
    >>> [(row.date, row.label) for row in timeline(G)]
    [('2000-10', 'B'), ('2021', 'A'), ('--07-08', 'C')]
    """
    if not hasattr(graph, "nodes"):
        graph = to_networkx(graph)
    wanted = set(find_nodes(graph, entity, kinds=("entity",))) if entity is not None else None
    rows = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != "event":
            continue
        roles = {role: [v for _, v, k in graph.out_edges(node, keys=True) if k == role] for role in ROLES}
        if wanted is not None and not wanted & {v for members in roles.values() for v in members}:
            continue
        rows.append(_row(graph, attrs, roles))
    return sorted(rows, key=_order)


def _row(graph, attrs, roles) -> TimelineRow:
    def labels(nodes):
        return sorted({str(graph.nodes[n].get("label") or n) for n in nodes})

    agents = labels(roles["agent"])
    place = labels(roles["place"])
    evidence = attrs.get("evidence") or []
    return TimelineRow(
        date=attrs.get("date"),
        end_date=attrs.get("end_date"),
        type=attrs.get("type") or "Event",
        label=attrs.get("label") or "",
        status=attrs.get("status"),
        place=" / ".join(place) or None,
        participants=tuple(agents + [p for p in labels(roles["participant"]) if p not in agents]),
        documents=tuple(attrs.get("documents") or ()),
        evidence=evidence[0] if evidence else None,
    )


def _order(row: TimelineRow) -> tuple:
    """Sort key: (group, position within the group, label)."""
    date = row.date
    if date is None:
        return (3, (), row.label)
    if match := _DATE.match(date):
        year, month, day = match.groups()
        start = (int(year), int(month or 1), int(day or 1))
        precision = (month is not None) + (day is not None)
        return (0, (*start, precision), row.label)
    if match := _MONTH_DAY.match(date):
        return (1, tuple(map(int, match.groups())), row.label)
    return (2, (date,), row.label)
