"""The Oxigraph store on disk: incremental builds, remove, export, the SPARQL endpoint and push.

The shared store tests (tests/test_store.py) run on this backend too; these
cover what only a persistent store does.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from typer.testing import CliRunner

from kg import api
from kg.cli import app
from kg.errors import KgError
from kg.keys import LEADER_OF
from kg.model import Document, Entity, Event, Extraction, Relation
from kg.ontology import KG, KGR
from kg.rdf import ENTITIES_GRAPH, corpus_to_dataset, document_iri, load_dataset
from kg.store import open_dataset
from kg.store.incremental import StoreWriter, export_store, remove_document
from kg.store.oxigraph import OxigraphStore, is_store_dir
from kg.store.push import push_store
from kg.store.serve import Limits, make_server
from kg.validate import validate

ARTICLES = {
    "visit": "date 2025-03-10\nPresident Emmanuel Macron will visit Nairobi on March 20, the Elysee said. "
    "He will meet President William Ruto of Kenya there.\n",
    "call": "date 2025-03-12\nChancellor Olaf Scholz called Emmanuel Macron on Tuesday to discuss Ukraine.\n",
}
SURNAME_ONLY = "date 2025-03-21\nMacron met Ruto in Nairobi on Thursday, officials said.\n"
MACRON, SURNAME = KGR["person/emmanuel-macron"], KGR["person/macron"]
runner = CliRunner()


def quads(store_dir) -> set[tuple[str, ...]]:
    """Every quad of the store at ``store_dir`` as strings."""
    with OxigraphStore.open(store_dir, read_only=True) as store:
        return {tuple(str(t) for t in (q.subject, q.predicate, q.object, q.graph_name)) for q in store.native}


def graph_quads(store_dir, name: URIRef) -> set[tuple[str, ...]]:
    return {q for q in quads(store_dir) if q[3] == f"<{name}>"}


def entity_iris(store_dir) -> set[str]:
    return {q[0] for q in quads(store_dir) if q[3] == f"<{ENTITIES_GRAPH}>"}


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


# -- incremental builds ------------------------------------------------------


def test_the_same_build_twice_leaves_the_same_quads(articles, tmp_path):
    store = tmp_path / "store"
    first = api.build_into_store([articles], store)
    before = quads(store)
    second = api.build_into_store([articles], store)
    assert (first.added, first.replaced, second.added, second.replaced) == (2, 0, 0, 2)
    assert first.triples == second.triples == len(before)
    assert quads(store) == before
    assert first.documents == 2 and is_store_dir(store)


def test_a_store_build_is_the_file_build(articles, tmp_path):
    store = tmp_path / "store"
    api.build_into_store([articles / "visit.txt"], store)  # two batches: one document at a time
    api.build_into_store([articles / "call.txt"], store)
    dataset = corpus_to_dataset(api.build_corpus([articles]))
    assert quads(store) == {tuple(t.n3() for t in quad) for quad in dataset.quads((None, None, None, None))}


def test_a_new_article_naming_only_a_surname_joins_the_stored_person(articles, tmp_path):
    store = tmp_path / "store"
    api.build_into_store([articles], store)
    visit_graph = graph_quads(store, document_iri("visit"))
    (articles / "later.txt").write_text(SURNAME_ONLY, encoding="utf-8")
    summary = api.build_into_store([articles / "later.txt"], store)
    assert (summary.added, summary.replaced, summary.documents) == (1, 0, 3)
    later = graph_quads(store, document_iri("later"))
    assert (f"<{document_iri('later')}>", f"<{KG.mentions}>", f"<{MACRON}>", f"<{document_iri('later')}>") in later
    assert f"<{SURNAME}>" not in {part for quad in quads(store) for part in quad}
    assert graph_quads(store, document_iri("visit")) == visit_graph  # other documents are not touched
    with OxigraphStore.open(store, read_only=True) as opened:
        (macron,) = [e for e in opened.entities() if e.key == "person:emmanuel-macron"]
    assert macron.label == "Emmanuel Macron" and "Macron" in macron.aliases


def test_a_changed_article_replaces_its_graph(articles, tmp_path):
    store = tmp_path / "store"
    api.build_into_store([articles], store)
    visit_graph = graph_quads(store, document_iri("visit"))
    assert f"<{KGR['country/ua']}>" in entity_iris(store)
    (articles / "call.txt").write_text("date 2025-03-14\nChancellor Olaf Scholz visited Madrid on Friday.\n")
    summary = api.build_into_store([articles / "call.txt"], store)
    assert (summary.added, summary.replaced) == (0, 1)
    call_graph = graph_quads(store, document_iri("call"))
    types = {q[2] for q in call_graph if q[1] == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"}
    assert f"<{KG.Visit}>" in types and f"<{KG.PhoneCall}>" not in types
    assert f"<{KGR['country/ua']}>" not in entity_iris(store)  # only the old version mentioned Ukraine
    assert graph_quads(store, document_iri("visit")) == visit_graph


def test_remove_drops_the_graph_and_orphan_entities(articles, tmp_path):
    store = tmp_path / "store"
    api.build_into_store([articles], store)
    dropped = remove_document(store, "call")
    assert dropped == ["country:ua", "person:olaf-scholz"]
    with OxigraphStore.open(store, read_only=True) as opened:
        assert opened.document_ids() == ["visit"]
        assert str(document_iri("call")) not in {str(g) for g in opened.graph_names()}
    assert f"<{MACRON}>" in entity_iris(store)  # still mentioned by the visit
    with pytest.raises(KgError, match=r"\[E017\] Document 'call' is not in the store"):
        remove_document(store, "call")


def stored_counts(store_dir) -> tuple[dict[str, int], dict[str, int]]:
    """The store's ``kg:documentCount`` values, and the same counted from its document graphs."""
    with OxigraphStore.open(store_dir, read_only=True) as store:
        return store.document_counts(), store.count_documents()


def test_document_counts_follow_adds_replacements_and_removals(articles, tmp_path):
    store = tmp_path / "store"
    api.build_into_store([articles / "visit.txt"], store)
    kept, counted = stored_counts(store)
    assert kept == counted and kept["person:emmanuel-macron"] == 1
    api.build_into_store([articles / "call.txt"], store)  # a second document naming Macron
    kept, counted = stored_counts(store)
    assert kept == counted and kept["person:emmanuel-macron"] == 2
    (articles / "call.txt").write_text("date 2025-03-14\nChancellor Olaf Scholz visited Madrid on Friday.\n")
    api.build_into_store([articles / "call.txt"], store)  # replaced: no longer names Macron
    kept, counted = stored_counts(store)
    assert kept == counted and kept["person:emmanuel-macron"] == 1 and kept["person:olaf-scholz"] == 1
    (articles / "later.txt").write_text(SURNAME_ONLY, encoding="utf-8")
    api.build_into_store([articles / "later.txt"], store)  # "Macron" joins the stored person
    kept, counted = stored_counts(store)
    assert kept == counted and kept["person:emmanuel-macron"] == 2
    remove_document(store, "visit")
    kept, counted = stored_counts(store)
    assert kept == counted and kept["person:emmanuel-macron"] == 1


def test_a_surname_renamed_to_the_full_name_is_counted_once_per_document(articles, tmp_path):
    store = tmp_path / "store"
    (articles / "first.txt").write_text(SURNAME_ONLY, encoding="utf-8")
    api.build_into_store([articles / "first.txt"], store)
    assert stored_counts(store)[0]["person:macron"] == 1
    api.build_into_store([articles / "visit.txt"], store)  # the full name arrives: person:macron is renamed
    kept, counted = stored_counts(store)
    assert kept == counted and kept["person:emmanuel-macron"] == 2 and "person:macron" not in kept


def test_a_store_without_counts_gets_them_on_the_next_build(articles, tmp_path):
    store = tmp_path / "store"
    api.build_into_store([articles / "visit.txt"], store)
    with OxigraphStore.open(store) as opened:  # as a store written before kg:documentCount existed
        for quad in list(opened.native.quads_for_pattern(None, ox.NamedNode(str(KG.documentCount)), None)):
            opened.native.remove(quad)
        assert opened.document_counts() == {}
    api.build_into_store([articles / "call.txt"], store)
    kept, counted = stored_counts(store)
    assert kept == counted and kept["person:emmanuel-macron"] == 2


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl", ".jsonld"])
def test_export_parses_back(articles, tmp_path, suffix):
    store = tmp_path / "store"
    api.build_into_store([articles], store)
    out = export_store(store, tmp_path / "out" / f"graph{suffix}")
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # atomic: no temporary file left
    dataset = load_dataset(out)
    if suffix in (".trig", ".nq", ".jsonld"):
        assert len(dataset) == len(quads(store))  # every quad, in its graph
        assert {str(g.identifier) for g in dataset.graphs() if len(g)} >= {str(ENTITIES_GRAPH)}
    else:
        assert len(dataset) == len({q[:3] for q in quads(store)})


def test_an_incrementally_built_store_conforms_to_the_shapes(articles, tmp_path):
    store = tmp_path / "store"
    api.build_into_store([articles / "visit.txt"], store)
    api.build_into_store([articles / "call.txt"], store)
    (articles / "later.txt").write_text(SURNAME_ONLY, encoding="utf-8")
    api.build_into_store([articles / "later.txt"], store)
    remove_document(store, "call")
    conforms, report = validate(open_dataset(store))
    assert conforms, report


# -- resolution against the store, without spaCy -----------------------------


def _doc(doc_id: str) -> Document:
    return Document(doc_id, f"Text of {doc_id}.")


def _person(key: str, label: str) -> Entity:
    return Entity(key, "Person", label)


RUSSIA = Entity("country:ru", "Country", "Russia", ids=(("iso3166", "RU"),))


def test_a_stored_surname_is_renamed_when_the_full_name_arrives():
    store = OxigraphStore()
    writer = StoreWriter(store)
    short = Extraction(_doc("first"), entities=(_person("person:putin", "Putin"),),
                       events=(Event("Visit", "first", agent="person:putin", participants=("person:putin",)),))
    full = Extraction(_doc("second"), entities=(_person("person:vladimir-putin", "Vladimir Putin"),))  # fmt: skip
    writer.add([short])
    writer.add([full])
    putin = URIRef(KGR["person/putin"])
    assert store.query(f"ASK {{ {{ <{putin}> ?p ?o }} UNION {{ ?s ?p <{putin}> }} }}").askAnswer is False
    rows = store.query("SELECT ?doc WHERE { GRAPH ?doc { ?e kg:agent kgr:person\\/vladimir-putin } }")
    assert [str(row[0]) for row in rows] == [str(document_iri("first"))]
    labels = store.query("SELECT ?alt WHERE { kgr:person\\/vladimir-putin skos:altLabel ?alt }")
    assert [str(row[0]) for row in labels] == ["Putin"]


def test_a_leader_placeholder_sees_leaders_already_stored():
    store = OxigraphStore()
    writer = StoreWriter(store)
    putin = _person("person:vladimir-putin", "Vladimir Putin")
    leader = Extraction(_doc("leader"), entities=(putin, RUSSIA),
                        relations=(Relation(putin.key, "leaderOf", RUSSIA.key, "leader"),))  # fmt: skip
    modi = _person("person:narendra-modi", "Narendra Modi")
    meeting = Event("Meeting", "meeting", participants=(modi.key, LEADER_OF + RUSSIA.key))
    writer.add([leader])
    writer.add([Extraction(_doc("meeting"), entities=(modi, RUSSIA), events=(meeting,))])
    rows = store.query("SELECT ?who WHERE { ?e a kg:Meeting ; kg:participant ?who } ORDER BY ?who")
    assert [str(row[0]) for row in rows] == [str(KGR["person/narendra-modi"]), str(KGR["person/vladimir-putin"])]


def test_unchanged_entities_are_not_rewritten(corpus):
    store = OxigraphStore()
    writer = StoreWriter(store)
    writer.add(list(corpus.extractions[:1]))
    entities_before = {q for q in store.native.quads_for_pattern(None, None, None, None) if "entities" in str(q)}
    other = replace(corpus.extractions[1], entities=(), mentions=(), events=(), relations=())
    writer.add([other])
    after = {q for q in store.native.quads_for_pattern(None, None, None, None) if "entities" in str(q)}
    assert after == entities_before


# -- the SPARQL endpoint ------------------------------------------------------


@pytest.fixture(scope="module", params=[False, True], ids=["disk", "memory"])
def served(request, tmp_path_factory):
    """A store built from the hand-made corpus, served on an ephemeral port of 127.0.0.1 (from disk, from memory)."""
    from conftest import make_corpus

    path = tmp_path_factory.mktemp("served") / "store"
    with OxigraphStore(path) as store:
        store.add_corpus(make_corpus())
    with serving(path, limits=Limits(timeout=1.0, max_rows=5, workers=2), memory=request.param) as server:
        yield server


@contextmanager
def serving(path, **options):
    server = make_server(path, port=0, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def call(server, *, query=None, accept=None, data=None, content_type=None, path="/sparql", params=None):
    """One request; ``(status, content type, body text)``."""
    fields = dict(params or {})
    if query is not None:
        fields["query"] = query
    host, port = server.server_address[:2]
    url = f"http://{host}:{port}{path}" + (f"?{urllib.parse.urlencode(fields)}" if fields else "")
    request = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET")
    if accept:
        request.add_header("Accept", accept)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get_content_type(), response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_content_type(), exc.read().decode("utf-8")


COUNTRIES = "SELECT ?name WHERE { ?c a kg:Country ; rdfs:label ?name } ORDER BY ?name"


def test_server_binds_loopback(served):
    assert served.server_address[0] == "127.0.0.1"
    assert served.url.startswith("http://127.0.0.1:")


def test_select_as_json(served):
    status, kind, body = call(served, query=COUNTRIES)
    assert (status, kind) == (200, "application/sparql-results+json")
    answer = json.loads(body)
    assert answer["head"]["vars"] == ["name"]
    assert [b["name"]["value"] for b in answer["results"]["bindings"]] == ["India", "Russia"]


def test_select_as_csv_and_xml_by_accept(served):
    status, kind, body = call(served, query=COUNTRIES, accept="text/csv")
    assert (status, kind, body) == (200, "text/csv", "name\r\nIndia\r\nRussia\r\n")
    status, kind, body = call(served, query=COUNTRIES, accept="application/sparql-results+xml, */*;q=0.1")
    assert (status, kind) == (200, "application/sparql-results+xml")
    assert "<literal>India</literal>" in body


def test_post_form_and_query_body(served):
    form = urllib.parse.urlencode({"query": COUNTRIES}).encode()
    status, _, body = call(served, data=form, content_type="application/x-www-form-urlencoded", accept="text/csv")
    assert (status, body) == (200, "name\r\nIndia\r\nRussia\r\n")
    status, _, body = call(served, data=COUNTRIES.encode(), content_type="application/sparql-query", accept="text/csv")
    assert (status, body) == (200, "name\r\nIndia\r\nRussia\r\n")


def test_ask_and_construct(served):
    status, _, body = call(served, query="ASK { ?v a kg:Visit }")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, kind, body = call(served, query="CONSTRUCT WHERE { ?c kg:capitalOf ?x }", accept="application/n-triples")
    assert (status, kind) == (200, "application/n-triples")
    assert len(Graph().parse(data=body, format="nt")) == 1


def test_updates_are_refused(served):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    form = urllib.parse.urlencode({"update": update}).encode()
    for status, _, body in (
        call(served, data=form, content_type="application/x-www-form-urlencoded"),
        call(served, data=update.encode(), content_type="application/sparql-update"),
        call(served, query="PREFIX a: <urn:a#>\n" + update),
    ):
        assert status == 403
        assert body == "Error: [E021] This SPARQL endpoint is read-only: SPARQL Update is not accepted\n"
    assert json.loads(call(served, query="ASK { <urn:a> ?p ?o }")[2])["boolean"] is False


def test_too_many_rows_is_refused_with_a_message(served):
    status, kind, body = call(served, query="SELECT ?s WHERE { ?s ?p ?o }")
    assert (status, kind) == (400, "text/plain")
    assert body.startswith("Error: [E022] The answer has more than 5 rows")


def test_a_slow_query_times_out_and_the_server_goes_on(served):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    status, _, body = call(served, query=slow)
    assert status == 503 and body.startswith("Error: [E023] The query did not finish within 1 s")
    assert call(served, query="ASK { ?s ?p ?o }")[0] == 200


def test_bad_requests(served):
    status, _, body = call(served, query="SELECT ?x WHERE {")
    assert status == 400 and body.startswith("Error: [E010] Invalid SPARQL query")
    assert call(served)[:2] == (400, "text/plain")
    assert call(served, path="/nope")[0] == 404
    assert call(served, data=b"x", content_type="text/plain")[0] == 415


def test_the_form_page(served):
    status, kind, body = call(served, path="/")
    assert (status, kind) == (200, "text/html")
    assert '<form method="get" action="/sparql">' in body


def test_in_memory_the_default_graph_is_the_merge_of_the_graphs(tmp_path):
    path = tmp_path / "store"
    with OxigraphStore(path) as store:  # one triple read from two documents
        triple = (ox.NamedNode("urn:kg:putin"), ox.NamedNode(str(KG.leaderOf)), ox.NamedNode("urn:kg:russia"))
        store.native.extend([ox.Quad(*triple, ox.NamedNode(f"urn:kg:doc{i}")) for i in (1, 2)])
    links = "SELECT ?s WHERE { ?s kg:leaderOf ?o }"
    in_graphs = "SELECT ?g WHERE { GRAPH ?g { ?s kg:leaderOf ?o } } ORDER BY ?g"
    with serving(path, memory=True) as server:
        assert call(server, query=links, accept="text/csv")[2] == "s\r\nurn:kg:putin\r\n"
        assert call(server, query=in_graphs, accept="text/csv")[2] == "g\r\nurn:kg:doc1\r\nurn:kg:doc2\r\n"
        only = call(server, query=links, accept="text/csv", params={"default-graph-uri": "urn:kg:doc2"})
        assert only[2] == "s\r\nurn:kg:putin\r\n"
    with serving(path) as server:  # on disk, the union of the graphs: the triple once per graph
        assert call(server, query=links, accept="text/csv")[2] == "s\r\nurn:kg:putin\r\nurn:kg:putin\r\n"


def test_serve_needs_a_store(tmp_path):
    with pytest.raises(KgError, match=r"\[E015\]"):
        make_server(tmp_path / "nothing")


# -- push -----------------------------------------------------------------------


class _GraphStore(BaseHTTPRequestHandler):
    """A Graph Store stub: records every PUT; answers 500 for graphs whose IRI contains "fail"."""

    received: list[tuple[str, str, str, str | None]] = []

    def do_PUT(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
        self.received.append((self.path, self.headers.get_content_type(), body, self.headers.get("Authorization")))
        status = 500 if "fail" in urllib.parse.unquote(self.path) else 204
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def graph_store():
    _GraphStore.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _GraphStore)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/ds/data", _GraphStore.received
    server.shutdown()
    server.server_close()


@pytest.fixture
def small_store(tmp_path, corpus):
    path = tmp_path / "store"
    with OxigraphStore(path) as store:
        store.add_corpus(corpus)
    return path


def test_push_one_put_per_graph(small_store, graph_store):
    url, received = graph_store
    sent = push_store(small_store, url, graph_per_document=True)
    with OxigraphStore.open(small_store, read_only=True) as store:
        names = [str(g) for g in store.graph_names()]
    assert [path for path, *_ in received] == [f"/ds/data?graph={urllib.parse.quote(n, safe='')}" for n in names]
    assert {kind for _, kind, _, _ in received} == {"text/turtle"}
    assert sum(len(Graph().parse(data=body, format="turtle")) for _, _, body, _ in received) == len(quads(small_store))
    assert sent.triples == len(quads(small_store)) and len(sent.graphs) == 3


def test_push_the_union_to_the_default_graph_with_credentials(small_store, graph_store):
    url, received = graph_store
    push_store(small_store, url.replace("http://", "http://ann:s%40cret@"))
    ((path, _, body, auth),) = received
    assert path == "/ds/data?default"
    assert auth == "Basic YW5uOnNAY3JldA=="  # ann:s@cret
    assert len(Graph().parse(data=body, format="turtle")) == len({q[:3] for q in quads(small_store)})


def test_push_failure_is_a_clear_error(small_store, graph_store):
    url, _ = graph_store
    with pytest.raises(KgError, match=r"\[E019\] Cannot push graph urn:fail to .*: HTTP 500"):
        push_store(small_store, url, graph="urn:fail")
    with pytest.raises(KgError, match=r"\[E019\]"):
        push_store(small_store, "http://127.0.0.1:9/ds/data")  # discard port: nothing listens


# -- the command line -------------------------------------------------------------


def test_cli_build_query_remove_export(articles, tmp_path):
    store, out = tmp_path / "store", tmp_path / "all.trig"
    result = runner.invoke(app, ["build", str(articles), "--store", str(store), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "2 documents added, 0 replaced" in result.stderr and out.is_file()
    people = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"
    result = runner.invoke(app, ["query", str(store), people, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [{"name": n} for n in ("Emmanuel Macron", "Olaf Scholz", "William Ruto")]
    result = runner.invoke(app, ["remove", str(store), "call"])
    assert result.exit_code == 0, result.stderr
    assert "2 entities no longer mentioned" in result.stderr
    result = runner.invoke(app, ["export", str(store), "--out", str(tmp_path / "after.nq")])
    assert result.exit_code == 0, result.stderr
    assert "Olaf Scholz" not in (tmp_path / "after.nq").read_text(encoding="utf-8")


def test_cli_serve_from_memory_until_ctrl_c(small_store):
    import re
    import signal
    import subprocess
    import sys

    command = [sys.executable, "-c", "from kg.cli import app; app()", "serve", str(small_store), "--port", "0", "--memory"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        lines = [process.stderr.readline(), process.stderr.readline()]
        assert lines[0].startswith(f"Loading {small_store} into memory (2 workers)")
        url = re.search(r"http://127\.0\.0\.1:\d+/sparql", lines[1]).group(0)
        query = urllib.parse.urlencode({"query": COUNTRIES})
        with urllib.request.urlopen(f"{url}?{query}", timeout=30) as response:
            names = [b["name"]["value"] for b in json.loads(response.read())["results"]["bindings"]]
        assert names == ["India", "Russia"]
        process.send_signal(signal.SIGINT)
        assert process.wait(30) == 0
    finally:
        process.kill()
        process.wait()


def test_cli_viz_reads_a_store(small_store, tmp_path):
    result = runner.invoke(app, ["viz", str(small_store), "--out", str(tmp_path / "g.html")])
    assert result.exit_code == 0, result.stderr
    assert "Vladimir Putin" in (tmp_path / "g.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ["remove", "{missing}", "doc"],
        ["export", "{missing}", "--out", "{tmp}/x.trig"],
        ["push", "{missing}", "http://127.0.0.1:9/ds"],
        ["query", "{empty}", "visits"],
    ],
)
def test_cli_missing_store_is_one_error_line(tmp_path, args):
    (tmp_path / "empty").mkdir()
    values = {"missing": str(tmp_path / "missing"), "empty": str(tmp_path / "empty"), "tmp": str(tmp_path)}
    result = runner.invoke(app, [a.format(**values) for a in args])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [E015] No kg store at ")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "missing").exists()


def test_cli_errors(small_store, tmp_path):
    result = runner.invoke(app, ["remove", str(small_store), "nope"])
    assert (result.exit_code, result.stderr.strip()) == (1, f"Error: [E017] Document 'nope' is not in the store {small_store}")
    result = runner.invoke(app, ["build", str(tmp_path)])
    assert result.exit_code == 1 and result.stderr.startswith("Error: [E018]")
    result = runner.invoke(app, ["push", str(small_store), "http://127.0.0.1:9/ds"])
    assert result.exit_code == 1 and result.stderr.startswith("Error: [E019] Cannot push graph (default graph)")
    with OxigraphStore(small_store):  # another writer holds the store's lock
        result = runner.invoke(app, ["remove", str(small_store), "003_5583154d1a544c15"])
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: [E016] Cannot open the store {small_store}: ")
    assert "Traceback" not in result.stderr
