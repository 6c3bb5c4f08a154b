"""The knowledge graph as one Python object, for notebooks and scripts.

:class:`KnowledgeGraph` wraps the ``rdflib.Dataset`` that ``kg build`` writes
(layout in ``docs/graph.md``) and puts the rest of kg behind a few methods:
SPARQL as :class:`pandas.DataFrame`, the timeline, graph statistics, a
networkx view and an interactive drawing that shows inline in Jupyter,
VS Code and Colab.

>>> import kg                                             # doctest: +SKIP
>>> g = kg.build(["seeds/"])                              # doctest: +SKIP
>>> g = kg.load("graph.trig")                             # doctest: +SKIP
>>> g.query("visits")                                     # doctest: +SKIP

In the examples below ``g`` is the small graph of ``tests/data/sample.trig``
(two documents, nine entities, five events).
"""

from __future__ import annotations

__all__ = ["GraphView", "KnowledgeGraph", "build", "load"]

import html
from collections import Counter
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path

import pandas as pd

from . import analyse
from .api import BuildReport, build_corpus
from .errors import Errors, KgError
from .query import read_query, run_query
from .rdf import corpus_to_dataset, write_dataset
from .timeline import TimelineRow, timeline
from .viz import render_html

ENTITY_COLUMNS = ["label", "type", "aliases"]
EVENT_COLUMNS = ["type", "label", "date", "end_date", "status", "agent", "participants", "place", "documents"]
TIMELINE_COLUMNS = [f.name for f in fields(TimelineRow)]


class KnowledgeGraph:
    """A knowledge graph built by kg, ready to query, analyse and draw.

    Parameters
    ----------
    dataset : rdflib.Dataset or rdflib.Graph
        A graph laid out as ``docs/graph.md`` describes, e.g. from
        :func:`kg.rdf.corpus_to_dataset`. It is used as is, not copied; a
        dataset needs ``default_union=True`` (as :func:`kg.rdf.new_dataset`
        makes them) so that queries and counts see every named graph.
    report : kg.api.BuildReport, optional
        What happened while building it (set by :func:`build`).

    Attributes
    ----------
    dataset : rdflib.Dataset
        The RDF behind the graph; its default graph is the union of all named graphs.
    report : kg.api.BuildReport or None
        The build report, ``None`` for a graph read from a file.

    Examples
    --------
    >>> g
    <KnowledgeGraph: 9 entities, 5 events, 2 documents, 175 triples>
    >>> len(g)
    175
    """

    def __init__(self, dataset, *, report: BuildReport | None = None):
        self.dataset = dataset
        self.report = report

    @classmethod
    def load(cls, path: str | Path) -> KnowledgeGraph:
        """Read a graph that kg wrote.

        Parameters
        ----------
        path : str or Path
            A ``.trig``, ``.nq``, ``.jsonld``, ``.ttl`` or ``.nt`` file.

        Returns
        -------
        graph : KnowledgeGraph

        Raises
        ------
        KgError
            When the file is missing (E001), has another extension (E003) or
            cannot be parsed (E005).

        Examples
        --------
        >>> KnowledgeGraph.load("tests/data/sample.trig")
        <KnowledgeGraph: 9 entities, 5 events, 2 documents, 175 triples>
        """
        return cls(_read(path))

    def query(self, sparql: str) -> pd.DataFrame:
        """Run a SPARQL query; one DataFrame column per projected variable.

        Parameters
        ----------
        sparql : str
            The query text, a path to a ``.rq`` file, or the name of a
            competency query bundled with kg (``"visits"``, ``"leaders"``,
            ``"entity_rank"``, ``"person_events"``, ``"co_mentions"``,
            ``"planned_vs_occurred"``). The prefixes ``kg:``, ``kgr:``,
            ``rdfs:``, ``skos:``, ``xsd:``, ``dcterms:``, ``prov:`` … are
            declared already.

        Returns
        -------
        table : pandas.DataFrame
            Columns in the query's order: IRIs and literals as strings (dates
            keep their lexical form, e.g. ``"--07-08"``), numbers as numbers,
            unbound values missing. ASK gives one column ``ask``; CONSTRUCT
            and DESCRIBE give ``subject``, ``predicate``, ``object``.

        Raises
        ------
        KgError
            E010 when the query is malformed, with line and column.

        Examples
        --------
        >>> g.query("visits")[["visitor", "place", "date", "status"]]
                  visitor      place        date    status
        0  Vladimir Putin  New Delhi  2025-12-04   planned
        1   Narendra Modi     Moscow        2024  occurred
        >>> g.query("SELECT (COUNT(?e) AS ?n) WHERE { ?e a kg:Person }")["n"].item()
        3
        """
        result = run_query(self.dataset, read_query(sparql))
        return pd.DataFrame(result.rows, columns=result.columns)

    def to_networkx(self, **kw):
        """The graph as a :class:`networkx.MultiDiGraph` of entities and events.

        Keyword arguments go to :func:`kg.analyse.to_networkx` (``documents=True``
        adds the documents). Node ids are IRIs; nodes carry ``kind``, ``type``,
        ``label`` and ``aliases``.

        Examples
        --------
        >>> G = g.to_networkx()
        >>> len(G), G.nodes["https://w3id.org/kg-news/id/person/vladimir-putin"]["label"]
        (14, 'Vladimir Putin')
        >>> from kg.analyse import shortest_path
        >>> [step["label"] for step in shortest_path(G, "Alexei Miller", "India")]
        ['Alexei Miller', 'Gazprom', 'India']
        """
        return analyse.to_networkx(self.dataset, **kw)

    def timeline(self, entity: str | None = None) -> pd.DataFrame:
        """The events in date order (see :mod:`kg.timeline` for the order of partial dates).

        Parameters
        ----------
        entity : str, optional
            Only the events this entity (label or alias, any case) takes part in.

        Returns
        -------
        table : pandas.DataFrame
            Columns ``date``, ``end_date``, ``type``, ``label``, ``status``,
            ``place``, ``participants`` (a list, the agent first),
            ``documents`` (a list of document ids) and ``evidence``.

        Raises
        ------
        KgError
            E013 when ``entity`` names no entity.

        Examples
        --------
        >>> g.timeline("Gazprom")[["date", "label"]]
              date                           label
        0  2025-11  Gas supply agreement (2025-11)
        """
        rows = [
            {**{f: getattr(row, f) for f in TIMELINE_COLUMNS},
             "participants": list(row.participants), "documents": list(row.documents)}
            for row in timeline(self.to_networkx(), entity=entity)
        ]  # fmt: skip
        return pd.DataFrame(rows, columns=TIMELINE_COLUMNS)

    def stats(self, *, top: int = 10, seed: int = 0) -> dict:
        """Counts by class, the most central entities and the communities (as ``kg stats``).

        Parameters
        ----------
        top : int, optional (default=10)
            How many central entities to list.
        seed : int, optional (default=0)
            Seed of the community detection.

        Returns
        -------
        report : dict
            ``counts`` (class name → nodes, documents included), ``centrality``
            (a list of ``{label, type, degree, pagerank, betweenness}``) and
            ``communities`` (lists of entity labels, two or more each); see
            :func:`kg.analyse.summary`.

        Examples
        --------
        >>> report = g.stats(top=2)
        >>> report["counts"]["Person"], [row["label"] for row in report["centrality"]]
        (3, ['Narendra Modi', 'Vladimir Putin'])
        """
        report = analyse.summary(self.to_networkx(documents=True), top=top, seed=seed)
        return {key: report[key] for key in ("counts", "centrality", "communities")}

    def show(self, focus: str | None = None, hops: int = 1, max_nodes: int | None = 300,
             height: int = 600) -> GraphView:
        """The interactive drawing of ``kg viz``, to display inline in a notebook.

        Parameters
        ----------
        focus : str, optional
            Only the neighbourhood of the node(s) with this label or alias.
        hops : int, optional (default=1)
            The radius of that neighbourhood.
        max_nodes : int or None, optional (default=300)
            Keep at most this many nodes, the most connected ones.
        height : int, optional (default=600)
            The height of the frame in pixels.

        Returns
        -------
        view : GraphView
            Shown by Jupyter, VS Code and Colab as a sandboxed ``<iframe>``
            holding the whole page: no file server, no network.

        Raises
        ------
        KgError
            When ``focus`` matches nothing (E013) or a number is out of range (E014).

        Examples
        --------
        >>> view = g.show(focus="Gazprom")
        >>> view._repr_html_().startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
        True
        """
        if isinstance(height, bool) or not isinstance(height, int) or height < 1:
            raise KgError(Errors.E014.format(name="height", value=height, rule="a whole number of pixels, 1 or more"))
        page = render_html(self.dataset, focus=focus, hops=hops, max_nodes=max_nodes)
        return GraphView(page, height=height)

    def save(self, path: str | Path) -> Path:
        """Write the graph; the extension picks the format (as for ``kg build --out``).

        ``.trig``, ``.nq`` and ``.jsonld`` keep the named graphs, ``.ttl`` and
        ``.nt`` get their union. The file is replaced atomically.

        Returns
        -------
        path : Path
            The file written.

        Examples
        --------
        >>> g.save("graph.trig")                                # doctest: +SKIP
        PosixPath('graph.trig')
        """
        return write_dataset(self.dataset, path)

    @property
    def entities(self) -> pd.DataFrame:
        """The entities, by label: columns ``label``, ``type``, ``aliases`` (a list); the index is the IRI.

        Examples
        --------
        >>> g.entities.loc[g.entities["type"] == "Person", ["label", "aliases"]].to_numpy().tolist()
        [['Alexei Miller', ['Miller']], ['Narendra Modi', ['Modi', 'Prime Minister Narendra Modi']], \
['Vladimir Putin', ['President Vladimir Putin', 'Putin']]]
        """
        G = self.to_networkx()
        rows = {n: [a["label"], a["type"], list(a["aliases"])] for n, a in G.nodes(data=True) if a["kind"] == "entity"}
        table = pd.DataFrame.from_dict(rows, orient="index", columns=ENTITY_COLUMNS)
        table.index.name = "iri"
        return table.sort_values(["label", "type"], kind="stable")

    @property
    def events(self) -> pd.DataFrame:
        """The events, by type and label; the index is the IRI.

        Columns ``type``, ``label``, ``date``, ``end_date``, ``status``,
        ``agent``, ``participants`` (a list, the agent first), ``place`` and
        ``documents`` (a list of document ids); entities appear by label.

        Examples
        --------
        >>> g.events[["type", "agent", "place", "date"]].reset_index(drop=True).head(2)
                type agent   place     date
        0  Agreement   NaN     NaN  2025-11
        1    Meeting   NaN  Moscow  --07-08
        """
        G = self.to_networkx()
        rows = {}
        for node, attrs in G.nodes(data=True):
            if attrs["kind"] != "event":
                continue
            roles = {role: _labels(G, node, role) for role in analyse.ROLES}
            agents = roles["agent"]
            rows[node] = [
                attrs["type"], attrs["label"], attrs.get("date"), attrs.get("end_date"), attrs.get("status"),
                " / ".join(agents) or None, agents + [p for p in roles["participant"] if p not in agents],
                " / ".join(roles["place"]) or None, list(attrs.get("documents") or []),
            ]  # fmt: skip
        table = pd.DataFrame.from_dict(rows, orient="index", columns=EVENT_COLUMNS)
        table.index.name = "iri"
        return table.sort_values(["type", "label"], kind="stable")

    def __len__(self) -> int:
        """The number of distinct triples over all named graphs."""
        return len(self.dataset)

    def __repr__(self) -> str:
        G = self.to_networkx(documents=True)
        kinds = Counter(attrs.get("kind") for _, attrs in G.nodes(data=True))
        return (f"<KnowledgeGraph: {kinds['entity']} entities, {kinds['event']} events, "
                f"{kinds['document']} documents, {len(self)} triples>")


class GraphView:
    """An interactive graph drawing that notebooks show inline (see :meth:`KnowledgeGraph.show`).

    Attributes
    ----------
    page : str
        The complete HTML page, as :func:`kg.viz.render_html` makes it.
    height : int
        The frame height in pixels.
    """

    def __init__(self, page: str, *, height: int = 600):
        self.page = page
        self.height = height

    def _repr_html_(self) -> str:
        """An ``<iframe>`` with the page in ``srcdoc``, escaped so no graph text can leave the attribute.

        ``sandbox="allow-scripts"`` lets the drawing run but gives it no
        access to the notebook; the page's own Content-Security-Policy still
        allows only its inline scripts and no network.
        """
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
                f'width="100%" height="{self.height}" style="width: 100%; border: 1px solid #ddd;" '
                f'title="kg graph"></iframe>')

    def __repr__(self) -> str:
        return f"<GraphView: {len(self.page):,} characters of HTML; display it in a notebook>"


def build(paths: str | Path | Iterable[str | Path], model: str | None = None, **options) -> KnowledgeGraph:
    """Build a knowledge graph from news articles, as ``kg build`` does.

    Parameters
    ----------
    paths : str, Path or list of them
        ``.txt``/``.md``/``.html`` files, directories (read recursively) and
        ``.jsonl`` files with one article per line.
    model : str, optional
        The spaCy model to use instead of the default one.
    **options
        Passed on to :func:`kg.api.build_corpus` (e.g. ``max_chars``, ``workers``).

    Returns
    -------
    graph : KnowledgeGraph
        Its ``report`` lists the documents read and the inputs skipped (one
        line each), since library code never prints.

    Raises
    ------
    KgError
        E004 when no input gave a readable document.

    Examples
    --------
    >>> g = build(["seeds/"])                                  # doctest: +SKIP
    >>> g.report.documents, g.report.problems                   # doctest: +SKIP
    (5, [])
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    report = BuildReport()
    corpus = build_corpus(paths, model=model, report=report, **options)
    return KnowledgeGraph(corpus_to_dataset(corpus), report=report)


def load(path: str | Path) -> KnowledgeGraph:
    """Read a graph that kg wrote; the same as :meth:`KnowledgeGraph.load`.

    Examples
    --------
    >>> load("tests/data/sample.trig")
    <KnowledgeGraph: 9 entities, 5 events, 2 documents, 175 triples>
    """
    return KnowledgeGraph.load(path)


def _read(path: str | Path):
    """The one place a path becomes a dataset: a graph file or a store directory."""
    from .store import open_dataset

    return open_dataset(path)


def _labels(G, node, role) -> list[str]:
    return sorted({str(G.nodes[v].get("label") or v) for _, v, k in G.out_edges(node, keys=True) if k == role})
