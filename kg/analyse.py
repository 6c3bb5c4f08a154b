"""Graph analytics over a built knowledge graph, with networkx.

The RDF graph written by ``kg build`` (see ``docs/graph.md``) becomes a
:class:`networkx.MultiDiGraph` with :func:`to_networkx`; every other function
takes that graph first and returns plain dicts and lists, so the CLI can print
them as tables or JSON. networkx appears only here and in :mod:`kg.viz`.

Node ids are IRI strings. Node attributes: ``kind`` ("entity", "event" or
"document"), ``type`` (the class local name: "Person", "Visit", …), ``label``
and ``aliases``; events also carry ``date``, ``end_date``, ``status``,
``evidence`` and ``documents``. Edge keys and ``label`` attributes are the
predicate local names ("leaderOf", …) or the event roles "agent",
"participant" and "place" (event → entity).
"""

__all__ = [
    "to_networkx",
    "interaction_graph",
    "count_by_class",
    "centrality",
    "communities",
    "shortest_path",
    "find_nodes",
    "summary",
]

import difflib
from collections import Counter

import networkx as nx
from rdflib import URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from .errors import Errors, KgError
from .model import ENTITY_TYPES, EVENT_TYPES
from .ontology import KG

_KG_NS = str(KG)

ROLES = ("agent", "participant", "place")
# which edge label names a step when two nodes are joined by several edges
_EDGE_PREFERENCE = {"agent": 0, "place": 1, "participant": 2}


def to_networkx(dataset, *, documents=False):
    """The knowledge graph as a directed multigraph of entities and events.

    Parameters
    ----------
    dataset : rdflib.Graph
        A graph or dataset laid out as ``kg build`` writes it (``docs/graph.md``),
        e.g. from :func:`kg.rdf.load_dataset`.
    documents : bool, optional (default=False)
        Also add one node per ``kg:Document`` (``kind="document"``) with a
        "mentions" edge to every entity it mentions.

    Returns
    -------
    G : networkx.MultiDiGraph
        Entities and events as nodes keyed by IRI; relations as entity → entity
        edges and roles as event → entity edges. An agent that is also listed
        as a participant gets both edges, kept apart by their keys.

    Examples
    --------
    >>> import rdflib
    >>> g = rdflib.Graph().parse(format="turtle", data=f'''
    ...     @prefix kg: <{_KG_NS}> .
    ...     @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ...     <urn:putin> a kg:Person ; rdfs:label "Vladimir Putin" ; kg:leaderOf <urn:ru> .
    ...     <urn:ru> a kg:Country ; rdfs:label "Russia" .
    ... ''')
    >>> G = to_networkx(g)
    >>> G.nodes["urn:putin"]["label"], G.nodes["urn:ru"]["type"], list(G.edges(keys=True))
    ('Vladimir Putin', 'Country', [('urn:putin', 'urn:ru', 'leaderOf')])
    """
    entity_classes = _subclasses(dataset, {KG[t] for t in ENTITY_TYPES})
    event_classes = _subclasses(dataset, {KG.Event} | {KG[t] for t in EVENT_TYPES})
    doc_ids = {doc: _first(dataset.objects(doc, DCTERMS.identifier)) or _tail(doc)
               for doc in dataset.subjects(RDF.type, KG.Document)}

    G = nx.MultiDiGraph()
    for node, kind, classes in _typed_nodes(dataset, entity_classes, event_classes):
        attrs = {
            "kind": kind,
            "type": _local(_most_specific(dataset, classes)),
            "label": _first(dataset.objects(node, RDFS.label)) or _tail(node),
            "aliases": sorted({str(a) for a in dataset.objects(node, SKOS.altLabel)}),
        }
        if kind == "event":
            attrs |= {
                "date": _first(dataset.objects(node, KG.date)),
                "end_date": _first(dataset.objects(node, KG.endDate)),
                "status": _first(dataset.objects(node, KG.status)),
                "evidence": sorted({str(e) for e in dataset.objects(node, KG.evidence)}),
                "documents": sorted({doc_ids.get(d) or _tail(d)
                                     for d in dataset.objects(node, PROV.wasDerivedFrom)}),
            }
        G.add_node(str(node), **attrs)

    for node, attrs in list(G.nodes(data=True)):
        if attrs["kind"] == "event":
            for role in ROLES:
                for obj in dataset.objects(URIRef(node), KG[role]):
                    if isinstance(obj, URIRef):
                        _ensure_entity(G, obj)
                        G.add_edge(node, str(obj), key=role, label=role)
        else:
            for pred, obj in dataset.predicate_objects(URIRef(node)):
                name = _local(pred)
                if str(pred).startswith(_KG_NS) and G.nodes.get(str(obj), {}).get("kind") == "entity":
                    G.add_edge(node, str(obj), key=name, label=name)

    if documents:
        for doc, doc_id in doc_ids.items():
            G.add_node(str(doc), kind="document", type="Document", aliases=[], id=doc_id,
                       label=_first(dataset.objects(doc, DCTERMS.title)) or doc_id,
                       date=_first(dataset.objects(doc, DCTERMS.date)))
            for obj in dataset.objects(doc, KG.mentions):
                if G.nodes.get(str(obj), {}).get("kind") == "entity":
                    G.add_edge(str(doc), str(obj), key="mentions", label="mentions")
    return G


@nx.utils.not_implemented_for("undirected")
def interaction_graph(G):
    """Who deals with whom: an entity-only weighted graph.

    Two entities are linked when they take part in the same event (as agent,
    participant or place; weight +1 per event) or when a relation joins them
    (weight +1 per relation).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`to_networkx`.

    Returns
    -------
    H : networkx.Graph
        One node per entity (attributes ``type``, ``label``, ``aliases``); edge
        attributes ``weight``, ``events`` (event labels) and ``relations``
        (predicate names).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", kind="entity", type="Person", label="A", aliases=[])
    >>> G.add_node("b", kind="entity", type="Person", label="B", aliases=[])
    >>> G.add_node("e", kind="event", type="Meeting", label="A meets B", aliases=[])
    >>> G.add_edges_from([("e", "a", "participant"), ("e", "b", "participant")])
    ['participant', 'participant']
    >>> H = interaction_graph(G)
    >>> H.edges["a", "b"]
    {'weight': 1, 'events': ['A meets B'], 'relations': []}
    """
    H = nx.Graph()
    for node, attrs in G.nodes(data=True):
        if attrs.get("kind") == "entity":
            H.add_node(node, type=attrs.get("type"), label=attrs.get("label"), aliases=attrs.get("aliases", []))
    for node, attrs in G.nodes(data=True):
        if attrs.get("kind") == "event":
            members = sorted({v for _, v, k in G.out_edges(node, keys=True) if k in ROLES and v in H})
            for i, u in enumerate(members):
                for v in members[i + 1:]:
                    _link(H, u, v)["events"].append(attrs.get("label"))
    for u, v, key in G.edges(keys=True):
        if u != v and u in H and v in H:
            _link(H, u, v)["relations"].append(key)
    return H


def count_by_class(G):
    """The number of nodes of each type, most frequent first.

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`to_networkx` (or :func:`interaction_graph`).

    Returns
    -------
    counts : dict
        Type name → number of nodes, ordered by count then name.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([(1, {"type": "Person"}), (2, {"type": "Country"}), (3, {"type": "Person"})])
    >>> count_by_class(G)
    {'Person': 2, 'Country': 1}
    """
    counts = Counter(attrs.get("type") or "(untyped)" for _, attrs in G.nodes(data=True))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def centrality(G, *, top=10):
    """The most central entities of the interaction graph.

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`to_networkx` (its :func:`interaction_graph` is used)
        or an interaction graph.
    top : int, optional (default=10)
        How many entities to return.

    Returns
    -------
    rows : list of dict
        ``{label, type, degree, pagerank, betweenness}`` by descending PageRank
        (weighted), then degree, then label. ``degree`` counts distinct
        neighbours; ``betweenness`` is normalised. Empty for 0 or 1 entity.

    Examples
    --------
    >>> H = nx.Graph()
    >>> H.add_nodes_from((n, {"label": n, "type": "Person"}) for n in "abc")
    >>> H.add_edges_from([("a", "b"), ("a", "c")])
    >>> [(row["label"], row["degree"], row["betweenness"]) for row in centrality(H, top=2)]
    [('a', 2, 1.0), ('b', 1, 0.0)]
    """
    H = _entity_view(G)
    if len(H) <= 1:
        return []
    pagerank = _pagerank(H, weight="weight")
    betweenness = nx.betweenness_centrality(H, normalized=True)
    rows = [
        {"label": H.nodes[n].get("label", str(n)), "type": H.nodes[n].get("type"),
         "degree": H.degree(n), "pagerank": pagerank[n], "betweenness": betweenness[n]}
        for n in H
    ]
    rows.sort(key=lambda row: (-row["pagerank"], -row["degree"], str(row["label"])))
    return rows[:top]


def communities(G, *, seed=0, min_size=1):
    """Groups of entities that deal mostly with each other (Louvain).

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`to_networkx` (its :func:`interaction_graph` is used)
        or an interaction graph.
    seed : int, optional (default=0)
        Random seed of :func:`networkx.community.louvain_communities`.
    min_size : int, optional (default=1)
        Leave out smaller communities (2 hides isolated entities).

    Returns
    -------
    groups : list of list of str
        Entity labels, each group sorted, largest group first. Empty for 0 or
        1 entity.

    Examples
    --------
    >>> H = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    >>> communities(H, seed=1)
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    H = _entity_view(G)
    if len(H) <= 1:
        return []
    found = nx.community.louvain_communities(H, weight="weight", seed=seed)
    groups = [sorted(str(H.nodes[n].get("label", n)) for n in group) for group in found]
    groups = [group for group in groups if len(group) >= min_size]
    return sorted(groups, key=lambda group: (-len(group), group))


def shortest_path(G, source_name, target_name):
    """The shortest connection between two named nodes, events included.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`to_networkx`; edge directions are ignored.
    source_name, target_name : str
        Names matched case-insensitively against labels and aliases (see
        :func:`find_nodes`).

    Returns
    -------
    steps : list of dict
        One ``{id, label, type, kind, edge}`` per node from source to target;
        ``edge`` names the edge to the next step (``None`` on the last). Empty
        when no path exists or the graph has 0 or 1 node.

    Raises
    ------
    KgError
        When a name matches no node.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", kind="entity", type="Person", label="A", aliases=[])
    >>> G.add_node("b", kind="entity", type="Place", label="B", aliases=[])
    >>> G.add_node("e", kind="event", type="Visit", label="A visits B", aliases=[])
    >>> G.add_edges_from([("e", "a", "agent"), ("e", "b", "place")])
    ['agent', 'place']
    >>> [(step["label"], step["edge"]) for step in shortest_path(G, "a", "b")]
    [('A', 'agent'), ('A visits B', 'place'), ('B', None)]
    """
    if len(G) <= 1:
        return []
    sources, targets = find_nodes(G, source_name), find_nodes(G, target_name)
    U = G.to_undirected(as_view=True)
    best = None
    for source in sources:
        lengths = nx.single_source_shortest_path_length(U, source)
        for target in targets:
            if target in lengths and (best is None or lengths[target] < best[0]):
                best = (lengths[target], source, target)
    if best is None:
        return []
    nodes = nx.shortest_path(U, best[1], best[2])
    edges = [_edge_label(U, u, v) for u, v in zip(nodes, nodes[1:])] + [None]
    return [
        {"id": n, "label": G.nodes[n].get("label"), "type": G.nodes[n].get("type"),
         "kind": G.nodes[n].get("kind"), "edge": edge}
        for n, edge in zip(nodes, edges)
    ]


def find_nodes(G, name, *, kinds=("entity", "event")):
    """The nodes whose label or an alias is ``name``, ignoring case and spacing.

    Entities are preferred: events are only searched when no entity matches.

    Raises
    ------
    KgError
        When nothing matches; the message names ``name`` and close labels.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:putin", kind="entity", label="Vladimir Putin", aliases=["Putin"])
    >>> find_nodes(G, "  PUTIN ")
    ['urn:putin']
    """
    wanted = _fold(name)
    for kind in kinds:
        found = [n for n, attrs in G.nodes(data=True) if attrs.get("kind") == kind
                 and wanted in {_fold(x) for x in [attrs.get("label") or "", *attrs.get("aliases", [])]}]
        if found:
            return found
    labels = sorted({str(attrs.get("label")) for _, attrs in G.nodes(data=True) if attrs.get("kind") in kinds})
    close = difflib.get_close_matches(name, labels, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    raise KgError(Errors.E013.format(name=name, hint=hint))


def summary(G, *, top=10, seed=0, path=None):
    """Everything ``kg stats`` shows, as one dict.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`to_networkx`.
    top : int, optional (default=10)
        Rows of :func:`centrality`.
    seed : int, optional (default=0)
        Seed of :func:`communities`.
    path : tuple of (str, str), optional
        Two names for :func:`shortest_path`.

    Returns
    -------
    report : dict
        ``counts``, ``centrality``, ``communities`` (size 2 and up) and ``path``
        (``None`` when no names were given).
    """
    H = interaction_graph(G)
    return {
        "counts": count_by_class(G),
        "centrality": centrality(H, top=top),
        "communities": communities(H, seed=seed, min_size=2),
        "path": shortest_path(G, *path) if path else None,
    }


def _typed_nodes(dataset, entity_classes, event_classes):
    """(node, kind, classes) for every entity and event, in a stable order."""
    typed = {}
    for node, cls in dataset.subject_objects(RDF.type):
        if isinstance(node, URIRef) and (cls in entity_classes or cls in event_classes):
            typed.setdefault(node, set()).add(cls)
    for node in sorted(typed):
        classes = typed[node]
        kind = "event" if classes & event_classes else "entity"
        yield node, kind, classes & (event_classes if kind == "event" else entity_classes)


def _subclasses(dataset, roots):
    """``roots`` and every class declared a subclass of one of them, transitively."""
    found, frontier = set(roots), list(roots)
    while frontier:
        for sub in dataset.subjects(RDFS.subClassOf, frontier.pop()):
            if sub not in found:
                found.add(sub)
                frontier.append(sub)
    return found


def _most_specific(dataset, classes):
    """The class in ``classes`` that none of the others is a subclass of."""
    supers = {sup for cls in classes for sup in dataset.transitive_objects(cls, RDFS.subClassOf) if sup != cls}
    return min((classes - supers) or classes)


def _ensure_entity(G, iri):
    """Add an untyped entity node for a role filler the graph does not describe."""
    if str(iri) not in G:
        G.add_node(str(iri), kind="entity", type=None, label=_tail(iri), aliases=[])


def _link(H, u, v):
    if not H.has_edge(u, v):
        H.add_edge(u, v, weight=0, events=[], relations=[])
    data = H.edges[u, v]
    data["weight"] += 1
    return data


def _entity_view(G):
    return interaction_graph(G) if G.is_directed() else G


def _edge_label(U, u, v):
    labels = [data.get("label", key) for key, data in U.get_edge_data(u, v).items()]
    return min(labels, key=lambda label: (_EDGE_PREFERENCE.get(label, -1), str(label)))


def _pagerank(H, *, weight="weight", alpha=0.85, max_iter=100, tol=1.0e-6):
    """networkx's PageRank; a pure-Python power iteration when scipy is missing."""
    try:
        return nx.pagerank(H, alpha=alpha, weight=weight, max_iter=max_iter, tol=tol)
    except ImportError:
        return _pagerank_power(H, weight=weight, alpha=alpha, max_iter=max_iter, tol=tol)


def _pagerank_power(H, *, weight="weight", alpha=0.85, max_iter=100, tol=1.0e-6):
    """PageRank of an undirected graph by power iteration (same result as ``nx.pagerank``)."""
    n = len(H)
    out = {u: sum(d.get(weight, 1) for d in H[u].values()) for u in H}
    dangling = [u for u in H if out[u] == 0]
    x = dict.fromkeys(H, 1.0 / n)
    for _ in range(max_iter):
        last = x
        spread = (alpha * sum(last[u] for u in dangling) + 1.0 - alpha) / n
        x = dict.fromkeys(H, spread)
        for u in H:
            for v, d in H[u].items():
                x[v] += alpha * last[u] * d.get(weight, 1) / out[u]
        if sum(abs(x[u] - last[u]) for u in H) < n * tol:
            return x
    raise nx.PowerIterationFailedConvergence(max_iter)


def _first(values):
    """The smallest value as a string (RDF has no order), or ``None``."""
    found = sorted(str(v) for v in values)
    return found[0] if found else None


def _local(iri):
    text = str(iri)
    if text.startswith(_KG_NS):
        return text[len(_KG_NS):]
    return text.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _tail(iri):
    return str(iri).rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _fold(text):
    return " ".join(str(text).casefold().split())
