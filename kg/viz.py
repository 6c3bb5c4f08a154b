"""One self-contained, interactive HTML page showing a knowledge graph.

The page draws the graph with vis-network (vendored in ``kg/data``), with every
script and style inlined: it opens from disk with no network and references no
other file. Its own code (``kg/data/viz.js``) adds a legend that filters by
class, a date range for events, a search box and tooltips.

Safety: graph text comes from news articles, so none of it is ever parsed as
HTML. The data travels as JSON in a ``<script type="application/json">``
block with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, the page's script
builds tooltips with ``textContent``, and a Content-Security-Policy allows only
the page's own scripts (by hash), no network and no links.
"""

from __future__ import annotations

__all__ = ["VizSummary", "render_html", "write_html"]

import base64
import hashlib
import html
import json
import math
import random
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template

import networkx as nx

from . import __version__
from .analyse import find_nodes, to_networkx
from .data import data_text
from .errors import Errors, KgError
from .formats import atomic_write

# class -> (colour, shape, legend glyph); events share one shape
_STYLE = {
    "Person": ("#4e79a7", "dot", "\u25cf"),
    "Organization": ("#f28e2b", "square", "\u25a0"),
    "Country": ("#e15759", "hexagon", "\u2b22"),
    "City": ("#76b7b2", "triangle", "\u25b2"),
    "Place": ("#59a14f", "triangleDown", "\u25bc"),
    "Entity": ("#9d9690", "dot", "\u25cf"),  # a role filler the graph does not type
    "Visit": ("#d4a017", "diamond", "\u25c6"),
    "Meeting": ("#b07aa1", "diamond", "\u25c6"),
    "PhoneCall": ("#e8739e", "diamond", "\u25c6"),
    "Agreement": ("#9c755f", "diamond", "\u25c6"),
    "Event": ("#9d9690", "diamond", "\u25c6"),
}
_TITLES = {"PhoneCall": "Phone call", "Entity": "Other entity", "Event": "Other event"}
_EDGE_ORDER = {"agent": 0, "participant": 1, "place": 2}
_PHYSICS_LIMIT = 300  # above this many nodes: no physics, a precomputed layout
_SPRING_LIMIT = 500  # networkx's spring layout needs scipy from 500 nodes on
_LABEL_CHARS = 48

_PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="$csp">
<meta name="generator" content="kg $version">
<title>$title</title>
<style>$vis_css</style>
<style>$app_css</style>
</head>
<body>
<div id="kg-graph"></div>
<aside id="kg-panel">
<h1>$title</h1>
<p id="kg-notice"$notice_hidden>$notice</p>
<p id="kg-stats"></p>
<div class="kg-search"><input id="kg-search" type="search" list="kg-labels" placeholder="Find a name or alias" \
aria-label="Find a node" autocomplete="off"><button id="kg-find" type="button">Find</button></div>
<datalist id="kg-labels"></datalist>
<p id="kg-status" role="status"></p>
<fieldset id="kg-legend"><legend>Classes</legend></fieldset>
<fieldset><legend>Event dates</legend><input id="kg-from" placeholder="from YYYY[-MM[-DD]]" aria-label="Events from">
<input id="kg-to" placeholder="to YYYY[-MM[-DD]]" aria-label="Events until"></fieldset>
<div id="kg-details"></div>
</aside>
<script type="application/json" id="kg-data">$data</script>
<script>$vis_js</script>
<script>$app_js</script>
</body>
</html>
""")


@dataclass(frozen=True)
class VizSummary:
    """What :func:`write_html` drew: node and edge counts and the cut notice."""

    nodes: int
    edges: int
    total_nodes: int
    notice: str | None


def render_html(dataset, *, focus=None, hops=1, max_nodes=500, title="kg graph", seed=0):
    """The graph as one self-contained interactive HTML document.

    Parameters
    ----------
    dataset : rdflib.Graph
        A graph laid out as ``kg build`` writes it, e.g. from
        :func:`kg.rdf.load_dataset`.
    focus : str, optional
        Only show the neighbourhood of the node(s) with this label or alias
        (matched like :func:`kg.analyse.find_nodes`).
    hops : int, optional (default=1)
        The radius of the neighbourhood around ``focus``, edge directions ignored.
    max_nodes : int or None, optional (default=500)
        Keep at most this many nodes, the most connected ones (``focus`` nodes
        first); the page then says "showing N of M nodes (most connected)".
        ``None`` keeps every node.
    title : str, optional (default="kg graph")
        The page title.
    seed : int, optional (default=0)
        Seed of the layout precomputed for graphs above 300 nodes.

    Returns
    -------
    page : str
        A complete HTML document that needs no network and no other file.

    Raises
    ------
    KgError
        When ``focus`` matches no node, or ``hops``/``max_nodes`` are out of range.

    Examples
    --------
    >>> import rdflib
    >>> page = render_html(rdflib.Graph(), title="<empty>")
    >>> page.startswith("<!DOCTYPE html>"), "<title>&lt;empty&gt;</title>" in page
    (True, True)
    """
    return _page(_view(dataset, focus=focus, hops=hops, max_nodes=max_nodes, seed=seed), title)


def write_html(dataset, path, *, title="kg graph", **kw):
    """Write :func:`render_html` to ``path`` atomically; returns a :class:`VizSummary`.

    Keyword arguments are those of :func:`render_html`. Missing parent
    directories are created; a failed write leaves no partial file.
    """
    view = _view(dataset, **kw)
    page = _page(view, title)
    with atomic_write(path) as tmp:
        Path(tmp).write_text(page, encoding="utf-8")
    return VizSummary(nodes=len(view["nodes"]), edges=len(view["edges"]),
                      total_nodes=view["total"], notice=view["notice"])


def _view(dataset, *, focus=None, hops=1, max_nodes=500, seed=0):
    """The page's data: vis-network nodes, edges and options, plus the notice."""
    if hops < 0:
        raise KgError(Errors.E014.format(name="hops", value=hops, rule="0 or more"))
    if max_nodes is not None and max_nodes < 1:
        raise KgError(Errors.E014.format(name="max_nodes", value=max_nodes, rule="1 or more (or None for all)"))
    G = to_networkx(dataset)
    total = len(G)
    notices = []
    centres = []
    if focus is not None:
        centres = find_nodes(G, focus)
        U = G.to_undirected(as_view=True)
        near = set()
        for centre in centres:
            near.update(nx.single_source_shortest_path_length(U, centre, cutoff=hops))
        G = G.subgraph(near)
        names = ", ".join(sorted({str(G.nodes[c]["label"]) for c in centres}))
        notices.append(f"{len(G)} of {total} nodes within {hops} hop{'s' * (hops != 1)} of {names}")
    if max_nodes is not None and len(G) > max_nodes:
        first = set(centres)
        ranked = sorted(G, key=lambda n: (n not in first, -G.degree(n), str(G.nodes[n].get("label")), n))
        notices.append(f"showing {max_nodes} of {len(G)} nodes (most connected)")
        G = G.subgraph(ranked[:max_nodes])
    physics = 0 < len(G) <= _PHYSICS_LIMIT
    positions = {} if physics else _layout(G, seed=seed)
    classes = _class_names(dataset)
    nodes = [_node(G, n, classes, positions.get(n)) for n in sorted(G)]
    return {
        "nodes": nodes,
        "edges": _edges(G),
        "classes": _legend(nodes),
        "options": _options(physics),
        "physics": physics,
        "notice": "; ".join(notices) or None,
        "total": total,
    }


def _node(G, n, classes, xy):
    attrs = G.nodes[n]
    kind = attrs.get("kind", "entity")
    group = classes.get(attrs.get("type")) or ("Event" if kind == "event" else "Entity")
    colour, shape, _ = _STYLE[group]
    label = str(attrs.get("label") or n)
    kind_title = _TITLES.get(attrs["type"], attrs["type"]) if attrs.get("type") else _TITLES.get(group, group)
    info = {key: attrs[key] for key in ("type", "aliases", "date", "end_date", "status", "evidence", "documents")
            if attrs.get(key)}
    node = {"id": n, "label": _short(label), "group": group, "kind": kind, "shape": shape, "color": colour,
            "info": {"label": label, "typeTitle": kind_title, **info}}
    if kind == "event":
        node |= {"size": 12, "font": {"size": 11}, "widthConstraint": {"maximum": 170}}
    else:
        node["value"] = G.degree(n)
    if xy is not None:
        node |= {"x": xy[0], "y": xy[1]}
    return node


def _edges(G):
    """One vis edge per ordered node pair; an agent's "participant" edge is implied."""
    labels = {}
    for u, v, key, data in G.edges(keys=True, data=True):
        labels.setdefault((u, v), set()).add(str(data.get("label", key)))
    edges = []
    for (u, v), names in sorted(labels.items()):
        if "agent" in names:
            names.discard("participant")
        ordered = sorted(names, key=lambda name: (_EDGE_ORDER.get(name, -1), name))
        edge = {"id": len(edges), "from": u, "to": v, "label": ", ".join(ordered)}
        if names <= set(_EDGE_ORDER):
            edge["color"] = {"color": "#a8a8a8", "highlight": "#555555"}
            edge["dashes"] = names == {"place"}
        edges.append(edge)
    return edges


def _legend(nodes):
    counts = {}
    for node in nodes:
        counts[node["group"]] = counts.get(node["group"], 0) + 1
    return [{"name": name, "title": _TITLES.get(name, name), "color": colour, "glyph": glyph, "count": counts[name]}
            for name, (colour, _, glyph) in _STYLE.items() if name in counts]


def _class_names(dataset):
    """Class local name -> the styled class it is (or is a subclass of)."""
    from rdflib.namespace import RDFS

    from .ontology import KG

    names = {name: name for name in _STYLE}
    for name in _STYLE:
        for sub in dataset.transitive_subjects(RDFS.subClassOf, KG[name]):
            if str(sub).startswith(str(KG)):
                names.setdefault(str(sub)[len(str(KG)):], name)
    return names


def _options(physics):
    """vis-network options: pyvis's defaults with the look and physics set here."""
    from pyvis.network import Network

    net = Network(directed=True)
    if physics:
        net.barnes_hut(gravity=-9000, central_gravity=0.25, spring_length=150, spring_strength=0.03,
                       damping=0.2, overlap=0.3)
    else:
        net.toggle_physics(False)
    options = json.loads(net.options.to_json())
    options["physics"]["stabilization"] |= {"iterations": 600, "updateInterval": 100}
    options["edges"] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#6b6b6b", "highlight": "#222222", "inherit": False},
        "font": {"size": 10, "color": "#444444", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "horizontal"},
        "smooth": {"enabled": physics, "type": "continuous"},
        "width": 1.2,
    }
    options["nodes"] = {
        "font": {"size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
        "scaling": {"min": 10, "max": 30, "label": {"enabled": False}},
        "borderWidth": 1,
    }
    options["interaction"] |= {"hover": True, "tooltipDelay": 150, "keyboard": False, "multiselect": False}
    options["layout"] = {"randomSeed": 1, "improvedLayout": physics}
    return options


def _layout(G, *, seed):
    """x/y in pixels: a spring layout; past 500 nodes the 499 best connected are laid
    out and the others placed next to an already placed neighbour (no scipy needed)."""
    H = nx.Graph(G.to_undirected(as_view=True))
    if len(H) == 0:
        return {}
    scale = 60.0 * math.sqrt(len(H))
    core = sorted(H, key=lambda n: (-H.degree(n), n))[: _SPRING_LIMIT - 1]
    pos = {n: tuple(xy) for n, xy in nx.spring_layout(H.subgraph(core), seed=seed, scale=scale).items()}
    rng = random.Random(seed)
    step = scale / math.sqrt(len(core))
    queue = deque(core)
    while queue:
        here = queue.popleft()
        for n in sorted(H[here]):
            if n not in pos:
                angle, radius = rng.uniform(0, 2 * math.pi), step * rng.uniform(0.5, 1.5)
                pos[n] = (pos[here][0] + radius * math.cos(angle), pos[here][1] + radius * math.sin(angle))
                queue.append(n)
    for i, n in enumerate(sorted(n for n in H if n not in pos)):  # not connected to the core: a spiral outside
        angle, radius = i * 2.39996, scale * 1.15 + step * math.sqrt(i)
        pos[n] = (radius * math.cos(angle), radius * math.sin(angle))
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in pos.items()}


def _page(view, title):
    vis_js, vis_css, app_js, app_css = (_asset(name) for name in
                                        ("vis-network.min.js", "vis-network.min.css", "viz.js", "viz.css"))
    data = {key: view[key] for key in ("nodes", "edges", "classes", "options", "physics")}
    notice = view["notice"]
    return _PAGE.substitute(
        csp=_csp(vis_js, app_js),
        version=__version__,
        title=html.escape(title),
        notice=html.escape(notice or ""),
        notice_hidden="" if notice else " hidden",
        data=_script_json(data),
        vis_css=vis_css,
        app_css=app_css,
        vis_js=vis_js,
        app_js=app_js,
    )


def _csp(*scripts):
    """Only these inline scripts may run; nothing is fetched, nothing is a link target."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def _script_json(value):
    """JSON that cannot end its ``<script>`` block or be read as markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


@lru_cache(maxsize=None)
def _asset(name):
    return data_text(name)


def _short(text):
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "\u2026"
