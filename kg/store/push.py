"""Copy a store to another triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

Each graph goes out as one ``PUT URL?graph=IRI`` (``?default`` for the default
graph) whose body is N-Triples, sent as ``text/turtle`` (N-Triples is Turtle,
and every Graph Store implementation reads Turtle). A PUT replaces the
target graph, so pushing again leaves no stale triples there.

Endpoints: Fuseki ``http://HOST:3030/DATASET/data``, GraphDB
``http://HOST:7200/repositories/REPO/rdf-graphs/service``, Virtuoso
``http://HOST:8890/sparql-graph-crud`` (or ``…-auth``; Virtuoso also accepts
``graph-uri=`` in place of ``graph=``). User and password go in the URL
(``http://user:pass@host/…``) and are sent with HTTP basic authentication.
"""

from __future__ import annotations

import base64
import os
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from ..errors import Errors, KgError
from .oxigraph import OxigraphStore

__all__ = ["PushSummary", "push_store"]

_CONTENT_TYPE = "text/turtle; charset=utf-8"


@dataclass
class PushSummary:
    """What :func:`push_store` sent: one entry per graph, ``(graph IRI or "default", triples)``."""

    url: str
    graphs: list[tuple[str, int]] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(n for _, n in self.graphs)


def push_store(
    store_dir: str | Path,
    url: str,
    *,
    graph_per_document: bool = False,
    graph: str | None = None,
    param: str = "graph",
    timeout: float = 300.0,
) -> PushSummary:
    """PUT the store at ``store_dir`` to the Graph Store endpoint ``url``.

    By default the union of all graphs replaces the target's default graph
    (or the named graph ``graph``): plain queries see it at once, whatever the
    target's union-graph setting. With ``graph_per_document`` every named
    graph of the store (``kgr:graph/entities`` and one per document) replaces
    its namesake there. ``param`` names the query parameter carrying the graph
    IRI (``graph-uri`` for an older Virtuoso). Raises :class:`KgError` E015
    (no store) or E019 (the endpoint refused or could not be reached; graphs
    sent before stay there).
    """
    if graph_per_document and graph is not None:
        raise KgError(Errors.E014.format(name="target graph", value=graph, rule="left out with --graph-per-document"))
    target, auth = _split_credentials(url)
    if urlsplit(target).scheme not in ("http", "https"):
        raise KgError(Errors.E014.format(name="Graph Store URL", value=target, rule="an http:// or https:// URL"))
    summary = PushSummary(target)
    with OxigraphStore.open(store_dir, read_only=True) as store:
        if graph_per_document:
            for name in store.graph_names():
                body = store.dump_graph(name)
                _put(target, auth, param, str(name), body, len(body), timeout)
                summary.graphs.append((str(name), body.count(b"\n")))
            return summary
        handle, tmp = tempfile.mkstemp(prefix="kg-push-", suffix=".nt")
        try:
            with os.fdopen(handle, "wb") as out:
                store.dump_graph(None, out)
            with open(tmp, "rb") as body:
                size = os.fstat(body.fileno()).st_size
                _put(target, auth, param, graph, body, size, timeout)
            with open(tmp, "rb") as body:
                summary.graphs.append((graph or "default", sum(1 for _ in body)))
        finally:
            os.remove(tmp)
    return summary


def _put(url: str, auth: str | None, param: str, graph: str | None, body, size: int, timeout: float) -> None:
    separator = "&" if urlsplit(url).query else "?"
    where = f"{param}={quote(graph, safe='')}" if graph else "default"
    request = urllib.request.Request(f"{url}{separator}{where}", data=body, method="PUT")
    request.add_header("Content-Type", _CONTENT_TYPE)
    request.add_header("Content-Length", str(size))
    if auth:
        request.add_header("Authorization", auth)
    shown = graph or "(default graph)"
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
        reason = f"HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
        raise KgError(Errors.E019.format(graph=shown, url=url, reason=reason)) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise KgError(Errors.E019.format(graph=shown, url=url, reason=reason)) from None


def _split_credentials(url: str) -> tuple[str, str | None]:
    """``url`` without ``user:password@``, and the basic ``Authorization`` header for them."""
    parts = urlsplit(url)
    if parts.username is None:
        return url, None
    netloc = f"[{parts.hostname}]" if ":" in (parts.hostname or "") else parts.hostname or ""
    if parts.port is not None:
        netloc += f":{parts.port}"
    token = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode("utf-8")
    return urlunsplit(parts._replace(netloc=netloc)), "Basic " + base64.b64encode(token).decode("ascii")
