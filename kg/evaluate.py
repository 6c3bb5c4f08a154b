"""Score a built graph against gold annotations (what ``kg eval`` runs).

The graph is read only through the terms the public contract
(``shared/CONTRACT.md``) names, so any graph that follows the contract can be
scored, and kg's extra terms cannot change a score.

Scoring, as the contract's "Scoring" section asks:

- Labels are compared after :func:`normalise_label`. A system entity matches a
  gold entity of the same type when any of its labels (``rdfs:label`` and every
  ``skos:altLabel``) equals the gold label or one of its aliases.
- Entities and relations are scored over the corpus: gold entities with the
  same type and label are merged across files (aliases unioned), gold relations
  are a set of ``(s, p, o)``. Relation ends match through labels as entities do
  (their types are scored under entities, not again here). Every entity node
  in the graph counts, so score a graph built from the gold documents only.
- Events are scored per document: a system event counts for every gold
  document it was derived from (``prov:wasDerivedFrom`` → ``dcterms:identifier``
  equal to the gold file's ``doc`` without extension). Events from documents
  without a gold file are not scored; events from no document are false
  positives. The agent counts as a participant; a missing ``kg:status`` means
  "occurred"; ``kg:endDate`` is not scored (the contract does not ask for it).
- Matching is one to one: a maximum bipartite matching that first maximises
  required gold items matched, then optional ones. A system item matched to an
  optional gold item counts nowhere; an optional gold item left unmatched is no
  miss. A second system item for one gold item is a false positive.

Use::

    report = evaluate("shared/gold", "out/graph.trig")
    report.entities.f1, report.misses["entities"].missed
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Dataset, Graph
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from .errors import Errors, KgError
from .formats import rdf_format
from .ontology import KG

__all__ = ["TASKS", "EvalReport", "Misses", "Score", "date_agrees", "evaluate", "normalise_label"]

ENTITY_TYPES = ("Person", "Organization", "Country", "City", "Place")
EVENT_TYPES = ("Visit", "Meeting", "PhoneCall", "Agreement")
RELATION_TYPES = ("leaderOf", "capitalOf", "locatedIn", "memberOf", "suppliesTo")
TASKS = ("entities", "relations", "events_relaxed", "events_strict")

_DROPPED = frozenset(".'’‘ʼ`´")  # marks inside a word: "U.S." is "US", "Xi's" is "Xis"
_DATE = re.compile(r"--\d\d-\d\d|\d{4}(?:-\d\d(?:-\d\d)?)?")


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Score:
    """Counts for one task; precision, recall and F1 derive from them.

    Nothing to find and nothing found scores 1.0; otherwise an empty
    denominator gives 0.0.

    >>> Score(tp=3, fp=1, fn=2).precision, Score(tp=3, fp=1, fn=2).recall
    (0.75, 0.6)
    >>> round(Score(tp=3, fp=1, fn=2).f1, 4)
    0.6667
    """

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self._ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return self._ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return self._ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def _ratio(self, part: int, whole: int) -> float:
        if whole:
            return part / whole
        return 1.0 if self.tp + self.fp + self.fn == 0 else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class Misses:
    """Readable descriptions of the required gold items not found and the system items matching nothing."""

    missed: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()


@dataclass(frozen=True)
class EvalReport:
    """The scores of one graph against one gold directory."""

    entities: Score
    relations: Score
    events_relaxed: Score
    events_strict: Score
    misses: Mapping[str, Misses] = field(default_factory=dict)  # task -> misses
    documents: tuple[str, ...] = ()  # gold document ids
    missing_documents: tuple[str, ...] = ()  # gold document ids with no kg:Document in the graph

    def scores(self) -> dict[str, Score]:
        """Task name -> score, in the order of :data:`TASKS`."""
        return {task: getattr(self, task) for task in TASKS}

    def to_dict(self, misses: bool = True) -> dict[str, Any]:
        """A JSON-ready dict: one entry per task, the documents, and (optionally) the misses."""
        out: dict[str, Any] = {task: score.to_dict() for task, score in self.scores().items()}
        out["documents"] = {"gold": list(self.documents), "missing_from_graph": list(self.missing_documents)}
        if misses:
            out["misses"] = {
                task: {"missed": list(m.missed), "extra": list(m.extra)} for task, m in self.misses.items()
            }
        return out


# --------------------------------------------------------------------------- normalisation


def normalise_label(text: str) -> str:
    """The form labels are compared in.

    NFKC, case folding; full stops and apostrophes are deleted (so "U.S." is
    "US"), every other punctuation mark becomes a space (so "Novo-Ogarevo" is
    "Novo Ogarevo"), runs of spaces collapse, and a leading "the" is dropped
    when a word follows it. Diacritics are kept.

    >>> normalise_label("the U.S.")
    'us'
    >>> normalise_label("Novo-Ogarevo") == normalise_label("Novo  Ogarevo")
    True
    >>> normalise_label("People’s Republic of China")
    'peoples republic of china'
    >>> normalise_label("The")
    'the'
    """
    chars = []
    for char in unicodedata.normalize("NFKC", text).casefold():
        if char in _DROPPED:
            continue
        chars.append(" " if unicodedata.category(char).startswith("P") else char)
    words = "".join(chars).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def date_agrees(gold: str | None, system: Iterable[str]) -> bool:
    """Whether any of the system dates falls within the gold date.

    A gold year or year-month covers every date inside it; a gold month-day
    ("--07-08") matches that day in any year; no gold date matches anything;
    a gold date and no system date do not match.

    >>> date_agrees("2025", ["2025-12-04"]), date_agrees("2025-12", ["2025"])
    (True, False)
    >>> date_agrees("--07-08", ["2024-07-08"]), date_agrees("--07-08", ["--07-08"])
    (True, True)
    >>> date_agrees(None, []), date_agrees("2025", [])
    (True, False)
    """
    if gold is None:
        return True
    for date in system:
        if gold.startswith("--"):
            if date == gold or (not date.startswith("--") and len(date) == 10 and date[4:] == gold[1:]):
                return True
        elif not date.startswith("--") and (date == gold or date.startswith(gold + "-")):
            return True
    return False


def _date(text: object) -> str | None:
    """The ISO date-ish prefix of ``text`` ("2025-12-04T10:00Z" -> "2025-12-04"), or None."""
    found = _DATE.match(str(text).strip()) if text is not None else None
    return found.group(0) if found else None


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class _GoldEntity:
    type: str
    label: str
    names: frozenset[str]  # normalised label and aliases
    optional: bool


@dataclass(frozen=True)
class _GoldEvent:
    doc: str
    type: str
    agent: str | None
    participants: tuple[str, ...]
    place: str | None
    date: str | None
    status: str
    optional: bool


@dataclass(frozen=True)
class _GoldDoc:
    id: str
    entities: tuple[_GoldEntity, ...]
    events: tuple[_GoldEvent, ...]
    relations: tuple[tuple[str, str, str, bool], ...]  # (s, p, o, optional)


def _read_gold_dir(gold_dir: str | Path) -> list[_GoldDoc]:
    path = Path(gold_dir)
    if not path.exists():
        raise KgError(Errors.E001.format(path=path))
    files = sorted(path.glob("*.json")) if path.is_dir() else []
    if not files:
        raise KgError(Errors.E006.format(path=path))
    return [_read_gold_file(file) for file in files]


def _read_gold_file(path: Path) -> _GoldDoc:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("top level is not an object")
        return _gold_doc(data, default_id=path.stem)
    except KeyError as exc:
        raise KgError(Errors.E007.format(path=path, reason=f"missing field {exc}")) from exc
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise KgError(Errors.E007.format(path=path, reason=exc)) from exc


def _gold_doc(data: dict, default_id: str) -> _GoldDoc:
    doc = Path(data["doc"]).stem if data.get("doc") else default_id
    entities = tuple(
        _GoldEntity(
            type=_check(item["type"], ENTITY_TYPES, "entity type"),
            label=item["label"],
            names=frozenset(normalise_label(n) for n in [item["label"], *(item.get("aliases") or [])]),
            optional=bool(item.get("optional")),
        )
        for item in data.get("entities") or []
    )
    events = tuple(
        _GoldEvent(
            doc=doc,
            type=_check(item["type"], EVENT_TYPES, "event type"),
            agent=item.get("agent"),
            participants=tuple(item.get("participants") or ()),
            place=item.get("place"),
            date=_checked_date(item.get("date")),
            status=(item.get("status") or "occurred").casefold(),
            optional=bool(item.get("optional")),
        )
        for item in data.get("events") or []
    )
    relations = tuple(
        (item["s"], _check(item["p"], RELATION_TYPES, "relation"), item["o"], bool(item.get("optional")))
        for item in data.get("relations") or []
    )
    return _GoldDoc(id=doc, entities=entities, events=events, relations=relations)


def _check(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; expected one of {', '.join(allowed)}")
    return value


def _checked_date(value: str | None) -> str | None:
    if value is not None and _date(value) != value:
        raise ValueError(f"bad date {value!r}; use YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD")
    return value


def _merge_entities(docs: Sequence[_GoldDoc]) -> list[_GoldEntity]:
    """One gold entity per (type, normalised label): aliases unioned, required if required anywhere."""
    merged: dict[tuple[str, str], _GoldEntity] = {}
    for entity in (e for doc in docs for e in doc.entities):
        key = (entity.type, normalise_label(entity.label))
        seen = merged.get(key)
        if seen is None:
            merged[key] = entity
        else:
            merged[key] = _GoldEntity(
                seen.type, seen.label, seen.names | entity.names, seen.optional and entity.optional
            )
    return list(merged.values())


class _Names:
    """Gold label -> every normalised name of the gold entities it names."""

    def __init__(self, entities: Iterable[_GoldEntity]) -> None:
        self._index: dict[str, set[str]] = {}
        for entity in entities:
            for name in entity.names:
                self._index.setdefault(name, set()).update(entity.names)

    def __call__(self, label: str) -> frozenset[str]:
        norm = normalise_label(label)
        return frozenset(self._index.get(norm, {norm}))


# --------------------------------------------------------------------------- system


@dataclass(frozen=True)
class _SysEntity:
    node: Node
    types: frozenset[str]
    label: str  # the one shown: rdfs:label, else an altLabel, else the IRI
    names: frozenset[str]  # normalised rdfs:label and skos:altLabel values


@dataclass(frozen=True)
class _SysEvent:
    node: Node
    types: frozenset[str]
    agent: frozenset[str] | None  # names of the agent(s); None without one
    participants: tuple[frozenset[str], ...]  # names of each participant (agent included)
    places: tuple[frozenset[str], ...]
    dates: tuple[str, ...]
    status: str
    text: str  # readable description without the document


def _load_graph(graph_path: str | Path) -> Graph:
    path = Path(graph_path)
    if not path.is_file():
        raise KgError(Errors.E001.format(path=path))
    rdflib_format, _ = rdf_format(path)
    dataset = Dataset()
    try:
        dataset.parse(str(path), format=rdflib_format)
    except Exception as exc:  # rdflib's parsers raise anything from SyntaxError to JSONDecodeError
        raise KgError(Errors.E005.format(path=path, reason=exc)) from exc
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _system_entities(graph: Graph) -> dict[Node, _SysEntity]:
    types: dict[Node, set[str]] = {}
    for name in ENTITY_TYPES:
        for node in graph.subjects(RDF.type, KG[name]):
            types.setdefault(node, set()).add(name)
    out = {}
    for node, node_types in types.items():
        labels = sorted(str(v) for v in graph.objects(node, RDFS.label))
        alt = sorted(str(v) for v in graph.objects(node, SKOS.altLabel))
        shown = (labels or alt or [str(node)])[0]
        names = frozenset(map(normalise_label, labels + alt))
        out[node] = _SysEntity(node, frozenset(node_types), shown, names)
    return out


def _event_classes(graph: Graph) -> dict[Node, str]:
    """Event class -> the contract's event type, following declared rdfs:subClassOf."""
    classes = {}
    for name in EVENT_TYPES:
        for cls in graph.transitive_subjects(RDFS.subClassOf, KG[name]):
            classes.setdefault(cls, name)
    return classes


def _system_events(graph: Graph, entities: Mapping[Node, _SysEntity]) -> list[tuple[_SysEvent, list[str]]]:
    """Every event with the ids of the documents it was derived from."""
    classes = _event_classes(graph)
    found: dict[Node, set[str]] = {}
    for cls, name in classes.items():
        for node in graph.subjects(RDF.type, cls):
            found.setdefault(node, set()).add(name)

    def names(node: Node) -> frozenset[str]:
        entity = entities.get(node)
        return entity.names if entity else frozenset({normalise_label(str(node))})

    def shown(node: Node | None) -> str | None:
        return None if node is None else (entities[node].label if node in entities else str(node))

    out = []
    for node, types in sorted(found.items(), key=lambda item: str(item[0])):
        agents = sorted(graph.objects(node, KG.agent))
        agent = agents[0] if agents else None
        participants = set(graph.objects(node, KG.participant)) | set(agents)
        places = sorted(graph.objects(node, KG.place))
        dates = tuple(sorted(d for d in (_date(v) for v in graph.objects(node, KG.date)) if d))
        status = str(graph.value(node, KG.status) or "occurred").casefold()
        text = _describe(
            "/".join(sorted(types)),
            shown(agent),
            sorted(shown(p) for p in participants if p not in agents),
            shown(places[0]) if places else None,
            dates[0] if dates else None,
            status,
        )
        event = _SysEvent(
            node,
            frozenset(types),
            frozenset().union(*map(names, agents)) if agents else None,
            tuple(names(p) for p in sorted(participants)),
            tuple(names(p) for p in places),
            dates,
            status,
            text,
        )
        sources = graph.objects(node, PROV.wasDerivedFrom)
        docs = sorted({str(i) for d in sources for i in graph.objects(d, DCTERMS.identifier)})
        out.append((event, docs))
    return out


def _describe(
    kind: str, agent: str | None, others: Sequence[str], place: str | None, date: str | None, status: str
) -> str:
    parts = [kind]
    if agent:
        parts.append(f"agent={agent}")
    if others:
        parts.append(f"participants={', '.join(others)}")
    if place:
        parts.append(f"place={place}")
    if date:
        parts.append(f"date={date}")
    if status != "occurred":
        parts.append(f"status={status}")
    return " ".join(parts)


def _document_ids(graph: Graph) -> set[str]:
    documents = graph.subjects(RDF.type, KG.Document)
    return {str(i) for d in documents for i in graph.objects(d, DCTERMS.identifier)}


# --------------------------------------------------------------------------- matching


def _match(
    system: Sequence[Any],
    gold: Sequence[Any],
    fits: Callable[[Any, Any], bool],
    optional: Callable[[Any], bool],
    bonus: Callable[[Any, Any], int] = lambda s, g: 0,
) -> dict[int, int]:
    """A one-to-one matching system index -> gold index.

    It has the most required gold items matched, then the most optional ones,
    then the most ``bonus`` pairs (0 or 1 each), so ties resolve the way a
    reader expects. The weights make that order strict: with K = min(n, m) + 1,
    a required pair weighs K² (+ bonus), an optional one K (+ bonus).
    """
    k = min(len(system), len(gold)) + 1
    graph = nx.Graph()
    for i, sys_item in enumerate(system):
        for j, gold_item in enumerate(gold):
            if fits(sys_item, gold_item):
                weight = (k if optional(gold_item) else k * k) + bonus(sys_item, gold_item)
                graph.add_edge(("s", i), ("g", j), weight=weight)
    pairs = nx.max_weight_matching(graph) if graph.number_of_edges() else set()
    matched = {}
    for a, b in pairs:
        (_, i), (_, j) = (a, b) if a[0] == "s" else (b, a)
        matched[i] = j
    return matched


def _tally(
    system: Sequence[Any],
    gold: Sequence[Any],
    matched: Mapping[int, int],
    optional: Callable[[Any], bool],
    show_system: Callable[[Any], str],
    show_gold: Callable[[Any], str],
) -> tuple[Score, list[str], list[str]]:
    hit = set(matched.values())
    required = [j for j, g in enumerate(gold) if not optional(g)]
    tp = sum(1 for j in required if j in hit)
    missed = [show_gold(gold[j]) for j in required if j not in hit]
    extra = [show_system(s) for i, s in enumerate(system) if i not in matched]
    return Score(tp=tp, fp=len(extra), fn=len(missed)), missed, extra


# --------------------------------------------------------------------------- tasks


def _score_entities(
    gold: Sequence[_GoldEntity], system: Sequence[_SysEntity]
) -> tuple[Score, list[str], list[str]]:
    def fits(s: _SysEntity, g: _GoldEntity) -> bool:
        return g.type in s.types and not s.names.isdisjoint(g.names)

    def canonical(s: _SysEntity, g: _GoldEntity) -> int:
        return int(normalise_label(s.label) == normalise_label(g.label))

    def optional(g: _GoldEntity) -> bool:
        return g.optional

    matched = _match(system, gold, fits, optional, canonical)
    return _tally(
        system,
        gold,
        matched,
        optional,
        lambda s: f"{'/'.join(sorted(s.types))} {s.label!r} {s.node.n3()}",
        lambda g: f"{g.type} {g.label!r}",
    )


def _score_relations(
    docs: Sequence[_GoldDoc], names: _Names, graph: Graph, entities: Mapping[Node, _SysEntity]
) -> tuple[Score, list[str], list[str]]:
    merged: dict[tuple[frozenset[str], str, frozenset[str]], tuple[str, str, str, bool]] = {}
    for s, p, o, optional in (r for doc in docs for r in doc.relations):
        key = (names(s), p, names(o))
        seen = merged.get(key)
        merged[key] = (s, p, o, optional and (seen is None or seen[3]))
    gold = list(merged.items())
    system = sorted(
        (
            (entities[s], p, entities[o])
            for p in RELATION_TYPES
            for s, o in graph.subject_objects(KG[p])
            if s in entities and o in entities
        ),
        key=lambda r: (str(r[0].node), r[1], str(r[2].node)),
    )

    def fits(rel: tuple[_SysEntity, str, _SysEntity], item: tuple[tuple, tuple]) -> bool:
        (s_names, p, o_names), _ = item
        return rel[1] == p and not rel[0].names.isdisjoint(s_names) and not rel[2].names.isdisjoint(o_names)

    def optional(item: tuple[tuple, tuple]) -> bool:
        return item[1][3]

    matched = _match(system, gold, fits, optional)
    return _tally(
        system,
        gold,
        matched,
        optional,
        lambda r: f"{r[0].label} {r[1]} {r[2].label}",
        lambda item: f"{item[1][0]} {item[1][1]} {item[1][2]}",
    )


def _score_events(
    docs: Sequence[_GoldDoc], names: _Names, events: Sequence[tuple[_SysEvent, list[str]]], strict: bool
) -> tuple[Score, list[str], list[str]]:
    by_doc: dict[str | None, list[_SysEvent]] = {doc.id: [] for doc in docs}
    for event, doc_ids in events:
        if not doc_ids:
            by_doc.setdefault(None, []).append(event)
        for doc_id in doc_ids:
            if doc_id in by_doc:
                by_doc[doc_id].append(event)

    def fits(s: _SysEvent, g: _GoldEvent) -> bool:
        if g.type not in s.types or not date_agrees(g.date, s.dates):
            return False
        if not all(any(not p.isdisjoint(names(want)) for p in s.participants) for want in g.participants):
            return False
        if g.place is not None and not any(not p.isdisjoint(names(g.place)) for p in s.places):
            return False
        if strict and g.agent is not None and (s.agent is None or s.agent.isdisjoint(names(g.agent))):
            return False
        return not strict or s.status == g.status

    def optional(g: _GoldEvent) -> bool:
        return g.optional

    def show_gold(g: _GoldEvent) -> str:
        others = [p for p in g.participants if p != g.agent]
        return f"{_describe(g.type, g.agent, others, g.place, g.date, g.status)} [doc {g.doc}]"

    golds: dict[str | None, list[_GoldEvent]] = {}
    for doc in docs:
        golds.setdefault(doc.id, []).extend(doc.events)
    total, missed, extra = Score(0, 0, 0), [], []
    for doc_id, system in by_doc.items():
        gold = golds.get(doc_id, ())
        matched = _match(system, gold, fits, optional)
        score, doc_missed, doc_extra = _tally(
            system, gold, matched, optional, lambda s: f"{s.text} [doc {doc_id or '(none)'}]", show_gold
        )
        total = Score(total.tp + score.tp, total.fp + score.fp, total.fn + score.fn)
        missed += doc_missed
        extra += doc_extra
    return total, missed, extra


# --------------------------------------------------------------------------- entry point


def evaluate(gold_dir: str | Path, graph_path: str | Path) -> EvalReport:
    """Score the graph in ``graph_path`` against every ``*.json`` gold file in ``gold_dir``.

    Parameters
    ----------
    gold_dir
        A directory of gold files in the contract's format, one per document.
    graph_path
        A graph file; its extension picks the format (see :mod:`kg.formats`).

    Returns
    -------
    EvalReport
        Entity, relation and event (relaxed and strict) scores with the missed
        and extra items of each task.

    Raises
    ------
    KgError
        E001 if a path does not exist, E006 if the directory has no gold files,
        E007 for an unreadable gold file, E003/E005 for a graph of unknown
        format or one that does not parse.
    """
    docs = _read_gold_dir(gold_dir)
    graph = _load_graph(graph_path)
    gold_entities = _merge_entities(docs)
    names = _Names(gold_entities)
    entities = _system_entities(graph)
    events = _system_events(graph, entities)

    results = {
        "entities": _score_entities(gold_entities, sorted(entities.values(), key=lambda e: str(e.node))),
        "relations": _score_relations(docs, names, graph, entities),
        "events_relaxed": _score_events(docs, names, events, strict=False),
        "events_strict": _score_events(docs, names, events, strict=True),
    }
    known = _document_ids(graph)
    return EvalReport(
        **{task: score for task, (score, _, _) in results.items()},
        misses={task: Misses(tuple(sorted(m)), tuple(sorted(e))) for task, (_, m, e) in results.items()},
        documents=tuple(doc.id for doc in docs),
        missing_documents=tuple(doc.id for doc in docs if doc.id not in known),
    )
