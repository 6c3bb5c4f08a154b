"""A read-only SPARQL 1.1 Protocol endpoint over a store directory (``kg serve``).

``GET /sparql?query=…``, ``POST /sparql`` with a form (``query=…``) or with an
``application/sparql-query`` body. The answer's format follows the ``Accept``
header (or a ``format=`` parameter): SPARQL results as JSON (the default),
XML, CSV or TSV; CONSTRUCT/DESCRIBE graphs as Turtle (the default),
N-Triples, JSON-LD or RDF/XML. ``GET /`` is a small HTML form.

Limits: SPARQL Update is refused (403), the query runs in a worker process
that is killed when it takes longer than ``timeout`` seconds (503), and an
answer of more than ``max_rows`` rows or triples is refused (400) rather than
cut, so no client mistakes part of an answer for all of it. Each worker opens
the store read-only; do not build into it while serving.

``memory=True`` (``kg serve --memory``) has each worker copy the store into
memory when it starts: the named graphs as they are, and their merge (each
triple once) as the default graph, which queries without a dataset clause
then read instead of the union of the graphs on disk. On a 10^6-triple store
the competency queries that look things up answer 2-8× faster (the counts
about as fast); the price is a start-up of about 20 s per 10^6 triples and a
copy of the store in each worker's memory, and a later build is seen after a
restart. The server listens
on 127.0.0.1 unless told otherwise, and sends no CORS header, so web pages
from elsewhere cannot read the graph through a visitor's browser.

Only the standard library and pyoxigraph: worker processes import this
module, not rdflib or spaCy.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

from ..errors import Errors, KgError

__all__ = ["DEFAULT_PORT", "Limits", "SparqlServer", "make_server"]

DEFAULT_PORT = 7070

_JSON, _XML = "application/sparql-results+json", "application/sparql-results+xml"
_CSV, _TSV = "text/csv", "text/tab-separated-values"
_TURTLE, _NTRIPLES, _JSONLD, _RDFXML = "text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"
_RESULT_TYPES = {_JSON: _JSON, "application/json": _JSON, _XML: _XML, "application/xml": _XML, "text/xml": _XML,
                 _CSV: _CSV, _TSV: _TSV}  # fmt: skip
_GRAPH_TYPES = {_TURTLE: _TURTLE, _NTRIPLES: _NTRIPLES, "text/plain": _NTRIPLES, _JSONLD: _JSONLD,
                "application/json": _JSONLD, _RDFXML: _RDFXML, "application/xml": _RDFXML}  # fmt: skip
_FORMAT_PARAM = {"json": _JSON, "xml": _XML, "csv": _CSV, "tsv": _TSV, "ttl": _TURTLE, "turtle": _TURTLE,
                 "nt": _NTRIPLES, "ntriples": _NTRIPLES, "jsonld": _JSONLD, "rdfxml": _RDFXML}  # fmt: skip
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# what an update starts with, once comments and PREFIX/BASE declarations are gone
_COMMENT = re.compile(r"(?:^|(?<=\s))#[^\n]*", re.MULTILINE)  # not the "#" of an IRI
_PROLOGUE = re.compile(r"^\s*((PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", re.IGNORECASE)
_UPDATE = re.compile(r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_READY = b"ready\n"


@dataclass(frozen=True)
class Limits:
    """What one request may cost."""

    timeout: float = 30.0  # seconds for a query, its answer included
    max_rows: int = 10_000  # rows of a SELECT, triples of a CONSTRUCT/DESCRIBE
    workers: int = 2  # queries answered at the same time (one process each)
    max_body: int = 1 << 20  # bytes of a POST body


def make_server(
    store_dir: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    limits: Limits = Limits(),
    log: Callable[[str], None] | None = None,
    memory: bool = False,
) -> SparqlServer:
    """A started (listening) but not yet serving endpoint over the store at ``store_dir``.

    Call ``serve_forever()`` on it, and ``server_close()`` at the end (it stops
    the workers). ``port=0`` picks a free port (see ``server.url``). ``log``
    gets one line per request. ``memory``: answer from a copy of the store in
    memory (see the module's docstring); returns once the workers hold it.
    Raises :class:`KgError` E015 (no store),
    E014 (a bad limit) or E020 (the address cannot be used).
    """
    from .oxigraph import SPARQL_PREFIXES, OxigraphStore

    for name, value in (("timeout", limits.timeout), ("max rows", limits.max_rows), ("workers", limits.workers)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise KgError(Errors.E014.format(name=name, value=value, rule="a positive number"))
    OxigraphStore.open(store_dir, read_only=True).close()  # E015 / E016 now, not in a worker
    try:
        return SparqlServer((host, port), Path(store_dir), limits, dict(SPARQL_PREFIXES), log, memory)
    except OSError as exc:
        raise KgError(Errors.E020.format(host=host, port=port, reason=exc.strerror or exc)) from None


class SparqlServer(ThreadingHTTPServer):
    """The HTTP side: parses requests, hands queries to the worker pool."""

    daemon_threads = True

    def __init__(self, address, store_dir: Path, limits: Limits, prefixes: dict[str, str], log, memory: bool) -> None:
        self.store_dir, self.limits, self.log, self.memory = store_dir, limits, log, memory
        super().__init__(address, _Handler)  # binds first: a busy port fails before workers start
        try:
            self.pool = _Pool(store_dir, prefixes, memory, limits.workers)
        except BaseException:
            super().server_close()
            raise

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", _page(self.server).encode("utf-8"), html_page=True)
        elif url.path == "/sparql":
            self._sparql(parse_qs(url.query, keep_blank_values=True), None)
        else:
            self._error(404, f"Not found: {url.path} (the endpoint is /sparql)")

    def do_HEAD(self) -> None:
        self._error(405, "Use GET or POST")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._error(404, f"Not found: {url.path} (the endpoint is /sparql)")
            return
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._error(411, "A POST needs a Content-Length")
            return
        if int(length) > self.server.limits.max_body:
            self._error(413, f"The request body is over {self.server.limits.max_body:,} bytes")
            return
        body = self.rfile.read(int(length)).decode("utf-8", "replace")
        params = parse_qs(url.query, keep_blank_values=True)
        kind = self.headers.get_content_type()
        if kind == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
            self._sparql(params, None)
        elif kind == "application/sparql-query":
            self._sparql(params, body)
        elif kind == "application/sparql-update":
            self._error(403, Errors.E021)
        else:
            self._error(415, f"Unsupported Content-Type {kind}: send a form or application/sparql-query")

    def do_PUT(self) -> None:
        self._error(405, Errors.E021)

    do_DELETE = do_PATCH = do_PUT

    def _sparql(self, params: dict[str, list[str]], body: str | None) -> None:
        if "update" in params:
            self._error(403, Errors.E021)
            return
        query = body if body is not None else (params.get("query") or [""])[0]
        if not query.strip():
            self._error(400, Errors.E024)
            return
        fmt = (params.get("format") or [""])[0].lower()
        request = (query, _FORMAT_PARAM.get(fmt) or self.headers.get("Accept", ""), self.server.limits.max_rows,
                   params.get("default-graph-uri", []), params.get("named-graph-uri", []))  # fmt: skip
        status, content_type, payload = self.server.pool.run(request, self.server.limits.timeout)
        self._send(status, content_type, payload)

    def _error(self, status: int, message: str) -> None:
        self.close_connection = True  # a body may be left unread
        self._send(status, "text/plain; charset=utf-8", f"Error: {message}\n".encode("utf-8"))

    def _send(self, status: int, content_type: str, payload: bytes, *, html_page: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if html_page:
            self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
        if status in (405,):
            self.send_header("Allow", "GET, POST")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        if self.server.log is not None:
            self.server.log(f"{self.address_string()} {format % args}")


def _page(server: SparqlServer) -> str:
    """The HTML form at ``/``."""
    example = "SELECT ?visitor ?place ?date WHERE {\n  ?v a kg:Visit ; kg:agent/rdfs:label ?visitor ;\n" \
              "     kg:place/rdfs:label ?place .\n  OPTIONAL { ?v kg:date ?date }\n} ORDER BY ?date LIMIT 20"  # fmt: skip
    options = "".join(f'<option value="{v}">{v}</option>' for v in ("json", "xml", "csv", "tsv", "ttl", "nt", "jsonld"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<style>body{{font:15px system-ui,sans-serif;margin:2em;max-width:60em}}textarea{{width:100%;font:14px monospace}}</style>
</head><body>
<h1>kg SPARQL endpoint</h1>
<p>Read-only, over <code>{html.escape(server.store_dir.name)}</code>. The kg, kgr, rdfs, skos, xsd, dcterms, prov
and schema prefixes are declared; the default graph is the union of all graphs. At most
{server.limits.max_rows:,} rows, {server.limits.timeout:g} s per query.</p>
<form method="get" action="/sparql">
<textarea name="query" rows="12">{html.escape(example)}</textarea>
<p><label>Format <select name="format">{options}</select></label> <button type="submit">Run</button></p>
</form></body></html>
"""


# -- worker processes --------------------------------------------------------


class _Worker:
    """One process (``python -m kg.store.serve DIR``) holding the store open read-only.

    Once the store is open (or copied into memory), the process writes
    ``ready``; then requests go to its stdin as JSON lines, and each answer
    comes back on its stdout as a JSON header line ``[status, content type,
    length]`` and the body.
    """

    def __init__(self, store_dir: Path, prefixes: dict[str, str], memory: bool) -> None:
        import kg

        env = dict(os.environ)
        root = str(Path(kg.__file__).resolve().parent.parent)  # kg importable however this process found it
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.store.serve", str(store_dir), json.dumps(prefixes), *(["memory"] if memory else [])],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
        )  # fmt: skip
        self.store_dir = store_dir
        self.answers: queue.Queue = queue.Queue()

    def wait_ready(self) -> _Worker:
        """Wait until the store is open (or loaded); :class:`KgError` E016 when the process could not open it."""
        if self.process.stdout.readline() != _READY:  # its own message is on stderr
            self.stop(kill=True)
            raise KgError(Errors.E016.format(path=self.store_dir, reason="a query worker could not open it"))
        threading.Thread(target=self._read, daemon=True).start()
        return self

    def _read(self) -> None:
        try:
            while header := self.process.stdout.readline():
                status, content_type, length = json.loads(header)
                self.answers.put((status, content_type, self.process.stdout.read(length)))
        except (OSError, ValueError):
            pass
        self.answers.put(None)  # the process is gone

    def ask(self, request: tuple, timeout: float) -> tuple[int, str, bytes] | None:
        """The answer, or None when it took longer than ``timeout``; EOFError when the process died."""
        self.process.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
        self.process.stdin.flush()
        try:
            answer = self.answers.get(timeout=timeout)
        except queue.Empty:
            return None
        if answer is None:
            raise EOFError
        return answer

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        try:
            self.process.stdin.close()  # the worker sees the end of its input and returns
        except OSError:
            pass
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


class _Pool:
    """A fixed number of workers; a query that overruns its time has its worker killed and replaced."""

    def __init__(self, store_dir: Path, prefixes: dict[str, str], memory: bool, size: int) -> None:
        self._args = store_dir, prefixes, memory
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        started = [_Worker(*self._args) for _ in range(size)]  # they open (or load) the store side by side
        try:
            for worker in started:
                self._enlist(worker.wait_ready())
        except KgError:
            for worker in started:
                worker.stop(kill=True)
            raise

    def _enlist(self, worker: _Worker) -> None:
        with self._lock:
            if not self._closed:
                self._all.add(worker)
                self._idle.put(worker)
                return
        worker.stop()  # a replacement that finished loading after close()

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop(kill=True)
        if not self._closed:  # a new worker may take seconds to load: not on the time of the request
            threading.Thread(target=self._replace, daemon=True).start()

    def _replace(self) -> None:
        try:
            self._enlist(_Worker(*self._args).wait_ready())
        except KgError:  # the store went away; the other workers answer, or every request gets a 503
            pass

    def run(self, request: tuple, timeout: float) -> tuple[int, str, bytes]:
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:  # every worker busy all that time
            return _text(503, Errors.E023.format(seconds=timeout))
        try:
            answer = worker.ask(request, max(0.0, deadline - time.monotonic()))
        except (EOFError, OSError, ValueError):  # the worker died, or the pool is closing
            self._retire(worker)
            return _text(500, "The query worker stopped unexpectedly; try again")
        if answer is None:
            self._retire(worker)
            return _text(503, Errors.E023.format(seconds=timeout))
        self._idle.put(worker)
        return answer

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()


def _work(store_dir: str, prefixes: dict[str, str], memory: bool = False) -> None:
    """The worker process: open the store read-only (or copy it), answer requests until stdin ends."""
    import signal

    import pyoxigraph

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which then closes our stdin
    store = pyoxigraph.Store.read_only(store_dir)
    if memory:
        store = in_memory(store)
    out = sys.stdout.buffer
    out.write(_READY)
    out.flush()
    for line in sys.stdin.buffer:
        try:
            status, content_type, body = _answer(store, prefixes, not memory, *json.loads(line))
        except Exception as exc:  # never let one query take the worker down
            status, content_type, body = _text(500, f"{type(exc).__name__}: {exc}")
        out.write(json.dumps([status, content_type, len(body)]).encode("utf-8") + b"\n")
        out.write(body)
        out.flush()


def in_memory(store):
    """A copy in memory of the ``pyoxigraph.Store`` ``store``, plus the merge of its graphs as the default graph.

    The default graph holds each triple of any graph once, so a query without
    a dataset clause reads it as it would read one graph, instead of the
    union of every named graph (which Oxigraph walks graph by graph, and
    where a triple of two graphs comes twice).
    """
    import pyoxigraph as ox

    # through N-Quads bytes and one update, not quad by quad in Python: 10^6 quads copy in
    # about 20 s instead of 25-33 s, most of it reading RocksDB
    copy = ox.Store()
    copy.load(store.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    copy.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return copy


def _answer(store, prefixes, union: bool, query: str, accept: str, max_rows: int, default_graphs, named_graphs):
    import pyoxigraph as ox

    options = {"prefixes": prefixes}
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    elif union:
        options["use_default_graph_as_union"] = True
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        result = store.query(query, **options)
        if isinstance(result, ox.QueryBoolean):
            kind = _negotiate(accept, _RESULT_TYPES, _JSON)
            return 200, _charset(kind), _boolean(bool(result), kind)
        items = list(islice(result, max_rows + 1))
    except SyntaxError as exc:
        if _UPDATE.match(_PROLOGUE.sub("", _COMMENT.sub("", query))):
            return _text(403, Errors.E021)
        return _text(400, Errors.E010.format(reason=" ".join(str(exc).split())[:500]))
    except (OSError, ValueError, RuntimeError) as exc:
        return _text(400, Errors.E010.format(reason=f"evaluation failed: {' '.join(str(exc).split())[:500]}"))
    if len(items) > max_rows:
        unit = "triples" if isinstance(result, ox.QueryTriples) else "rows"
        return _text(400, Errors.E022.format(limit=max_rows, unit=unit))
    if isinstance(result, ox.QueryTriples):
        kind = _negotiate(accept, _GRAPH_TYPES, _TURTLE)
        fmt = ox.RdfFormat.from_media_type(kind)
        extra = {"prefixes": prefixes} if kind in (_TURTLE, _RDFXML) else {}
        return 200, _charset(kind), ox.serialize(items, format=fmt, **extra)
    kind = _negotiate(accept, _RESULT_TYPES, _JSON)
    names = [v.value for v in result.variables]
    return 200, _charset(kind), _SOLUTIONS[kind](names, items)


def _negotiate(accept: str, known: dict[str, str], default: str) -> str:
    """The best media type of ``known`` for an Accept header (``default`` for */* or no match)."""
    ranked = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, position, media.lower()))
    for quality, _, media in sorted(ranked):
        if quality == 0:
            break
        if media in known:
            return known[media]
        if media in ("*/*", "application/*", "text/*"):
            return default
    return default


def _charset(kind: str) -> str:
    return f"{kind}; charset=utf-8"


def _text(status: int, message: str) -> tuple[int, str, bytes]:
    return status, "text/plain; charset=utf-8", f"Error: {message}\n".encode("utf-8")


def _boolean(value: bool, kind: str) -> bytes:
    if kind == _JSON:
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if kind == _XML:
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{str(value).lower()}</boolean></sparql>\n").encode("utf-8")  # fmt: skip
    return f"{'?' if kind == _TSV else ''}_askResult\r\n{str(value).lower()}\r\n".encode("utf-8")


def _json_term(term) -> dict:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def _solutions_json(names: list[str], rows) -> bytes:
    bindings = [{n: _json_term(row[n]) for n in names if row[n] is not None} for row in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode("utf-8")


def _xml_term(term) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _solutions_xml(names: list[str], rows) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    out.extend(f"<variable name={quoteattr(n)}/>" for n in names)
    out.append("</head>\n<results>\n")
    for row in rows:
        cells = (f"<binding name={quoteattr(n)}>{_xml_term(row[n])}</binding>" for n in names if row[n] is not None)
        out.append(f"<result>{''.join(cells)}</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out).encode("utf-8")


def _csv_value(term) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)


def _solutions_csv(names: list[str], rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    writer.writerows([_csv_value(row[n]) for n in names] for row in rows)
    return out.getvalue().encode("utf-8")


def _solutions_tsv(names: list[str], rows) -> bytes:
    lines = ["\t".join(f"?{n}" for n in names)]
    lines.extend("\t".join("" if row[n] is None else str(row[n]) for n in names) for row in rows)
    return ("\n".join(lines) + "\n").encode("utf-8")


_SOLUTIONS = {_JSON: _solutions_json, _XML: _solutions_xml, _CSV: _solutions_csv, _TSV: _solutions_tsv}


if __name__ == "__main__":
    _work(sys.argv[1], json.loads(sys.argv[2]), memory=sys.argv[3:] == ["memory"])
