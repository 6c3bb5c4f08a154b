"""Measure kg on this machine and write ``bench/results.json`` and the table in ``bench/README.md``.

    python -m bench.run            # the full run (about 15-20 minutes on 2 cores)
    python -m bench.run --quick    # a smoke run (about 2 minutes); writes bench/results-quick.json only

What is measured (one run, one machine; see README.md for the targets):

a. ``nlp.pipe`` words/s of the configured spaCy model: stock, and with kg's
   components (and ``kg.extract``); plus where the time of a document goes
   (per component, unbatched).
b. ``kg build`` words/s at 1 and 2 workers on the same corpus (subprocesses,
   alternating with raw ``nlp.pipe`` of the stock model over the same texts;
   the output bytes of every run are compared), and the fixed cost of a build
   (a 2-document corpus).
c. Peak RSS (the process and all its children) of a streamed ``kg build
   --store`` at two corpus sizes.
d. Load rate (triples/s) of the same N-Triples file into rdflib and Oxigraph.
e. p50/p95 latency of the competency queries on graphs of 10^4, 10^5, 10^6
   triples (a built corpus replicated with distinct document, event and person
   ids), rdflib against Oxigraph; an rdflib query is stopped after a timeout.

Words are whitespace-separated tokens of the cleaned document texts, the same
count for every rate. Wall time is what a user waits for; CPU time (user +
sys, children included) is given too because other jobs may share the machine
(the load average at start and end is recorded).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import itertools
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
START, END = "<!-- bench:results:start -->", "<!-- bench:results:end -->"

KGR = "https://w3id.org/kg-news/id/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
DCT_ID = "http://purl.org/dc/terms/identifier"
KG_MENTIONS = "https://w3id.org/kg-news/ontology#mentions"
KG_DOCUMENT_COUNT = "https://w3id.org/kg-news/ontology#documentCount"
ENTITIES_GRAPH = KGR + "graph/entities"
# resources that get a new id in every copy of the corpus; countries, cities, organisations and places are shared
COPIED = ("doc/", "event/", "statement/", "span/", "person/")


@dataclass
class Config:
    docs: int = 400  # corpus for (b)
    pipe_docs: int = 200  # its first documents, for (a)
    build_repeats: int = 3  # (b) runs raw, 1, 2, raw, 1, 2 … and keeps the fastest of each (the host is noisy)
    rss_docs: tuple[int, ...] = (300, 1200)  # sizes of a corpus of short articles for (c)
    rss_workers: int = 1
    sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000)  # graph sizes for (d) and (e)
    profile_docs: int = 40
    oxigraph_runs: int = 15
    rdflib_runs: int = 2
    rdflib_timeout: float = 20.0  # seconds per rdflib query
    rdflib_budget: float = 40.0  # seconds of rdflib querying per query and size at most
    seed: int = 0

    @classmethod
    def quick(cls) -> Config:
        return cls(docs=16, pipe_docs=16, build_repeats=1, rss_docs=(20, 60), sizes=(10_000, 30_000), profile_docs=4,
                   oxigraph_runs=5, rdflib_runs=1, rdflib_timeout=3.0, rdflib_budget=6.0)  # fmt: skip


@dataclass
class Results:
    machine: dict = field(default_factory=dict)
    config: dict = field(default_factory=dict)
    pipe: dict = field(default_factory=dict)
    profile: dict = field(default_factory=dict)
    build: dict = field(default_factory=dict)
    rss: dict = field(default_factory=dict)
    load: list = field(default_factory=list)
    queries: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# the machine
# --------------------------------------------------------------------------


def machine() -> dict:
    import distributed
    import psutil
    import pyoxigraph
    import rdflib
    import spacy

    from kg.nlp import model_name

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    model = model_name()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "physical_cores": psutil.cpu_count(logical=False),
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": model,
        "model_version": spacy.util.get_package_version(model) or "?",
        "rdflib": rdflib.__version__,
        "pyoxigraph": pyoxigraph.__version__,
        "distributed": distributed.__version__,
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
    }


# --------------------------------------------------------------------------
# (a) nlp.pipe, and where the time goes
# --------------------------------------------------------------------------


def bench_pipe(documents: list, results: Results, rounds: int = 2) -> None:
    """``nlp.pipe`` over the texts; for kg's pipeline also ``kg.extract`` on every parsed doc.

    Both pipelines are loaded first and run alternately, ``rounds`` times each;
    the fastest run of each counts (the shared host's speed swings between minutes).
    """
    import spacy

    from kg.extract import extract
    from kg.nlp import load_pipeline, model_name

    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    labels = {"stock": "stock model, no kg components", "kg": "with kg's components (what kg build runs)"}
    pipelines = {"stock": spacy.load(model_name(), exclude=["textcat"]), "kg": load_pipeline(None)}
    for nlp in pipelines.values():
        list(nlp.pipe(texts[:4]))  # warm up
    runs: dict[str, list[dict]] = {key: [] for key in pipelines}
    for _ in range(rounds):
        for key, nlp in pipelines.items():
            extracting = 0.0
            wall, cpu = time.perf_counter(), time.process_time()
            for doc, document in nlp.pipe(zip(texts, documents), as_tuples=True, batch_size=16):
                if key != "stock":
                    start = time.perf_counter()
                    extract(doc, document)
                    extracting += time.perf_counter() - start
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            row = {"label": labels[key], "words": words, "seconds": round(wall - extracting, 2),
                   "words_per_s": round(words / (wall - extracting)), "words_per_cpu_s": round(words / (cpu - extracting))}
            if key != "stock":
                row.update(extract_seconds=round(extracting, 2), with_extract_words_per_s=round(words / wall),
                           with_extract_words_per_cpu_s=round(words / cpu))  # fmt: skip
            runs[key].append(row)
            say(f"nlp.pipe {key}: {row['words_per_s']:,} words/s")
    for key, rows in runs.items():
        results.pipe[key] = max(rows, key=lambda row: row["words_per_cpu_s"])


def bench_profile(documents: list, results: Results) -> None:
    """Seconds per stage over a few documents, one at a time (no batching)."""
    from kg.extract import extract
    from kg.nlp import load_pipeline
    from kg.formats import FORMATS
    from kg.rdf import write_corpus
    from kg.resolve import resolve

    nlp = load_pipeline(None)
    stages: dict[str, float] = collections.defaultdict(float)
    extractions = []
    for document in documents:
        t = time.perf_counter()
        doc = nlp.make_doc(document.text)
        stages["tokenizer"] += time.perf_counter() - t
        for name, component in nlp.pipeline:
            t = time.perf_counter()
            doc = component(doc)
            stages[f"{name}"] += time.perf_counter() - t
        t = time.perf_counter()
        extractions.append(extract(doc, document))
        stages["kg.extract"] += time.perf_counter() - t
    t = time.perf_counter()
    corpus = resolve(extractions)
    stages["kg.resolve"] += time.perf_counter() - t
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(corpus, Path(tmp, "g.nq"))  # what kg build --out x.nq does
    stages["kg.rdf.write_corpus (.nq)"] += time.perf_counter() - t
    total = sum(stages.values())
    writes = {}
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in FORMATS:  # what each --out format costs, on the same corpus
            t = time.perf_counter()
            write_corpus(corpus, Path(tmp, f"g{suffix}"))
            writes[suffix] = round(time.perf_counter() - t, 3)
    results.profile = {
        "documents": len(documents),
        "stages": {k: {"seconds": round(v, 3), "share": round(v / total, 3)} for k, v in stages.items()},
        "write_seconds": writes,
    }
    top = max(stages, key=stages.get)
    say(f"profile: {top} takes {stages[top] / total:.0%} of the time")


# --------------------------------------------------------------------------
# (b), (c) kg build in a subprocess
# --------------------------------------------------------------------------


#: run_measured samples the processes' PSS once every this many samples (of 0.1 s)
PSS_EVERY = 10


def run_measured(command: list[str], env: dict | None = None) -> dict:
    """Run ``command``; wall and CPU seconds and peak RSS (the process and all processes under it).

    CPU seconds are what the system accounts to the finished process and the
    children it waited for or, when larger, the sum of every process's own
    CPU time sampled every 0.1 s: the workers of a local cluster are forked by
    a forkserver, which waits for them itself, so their time never reaches
    the command's account. Memory is sampled every 0.1 s too, but the
    proportional set size (PSS) only every :data:`PSS_EVERY` samples: the
    kernel walks every page of a process to count it, and at 10 Hz over the
    five processes of a two-worker build that took enough of the two cores
    to slow the build it measured (see ``bench/README.md``).
    """
    import psutil

    before = os.times()
    wall = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = {"tree": 0, "main": 0, "pss": 0}
    sampled_cpu: dict[int, float] = {}
    done = threading.Event()

    def watch() -> None:
        try:
            root = psutil.Process(process.pid)
            for sample in itertools.count():
                if done.is_set():
                    break
                try:
                    main = root.memory_info().rss
                    tree = main
                    pss = 0
                    for member in [root, *root.children(recursive=True)]:
                        try:
                            if member is not root:
                                tree += member.memory_info().rss
                            if sample % PSS_EVERY == 0:
                                pss += _pss(member)
                            times = member.cpu_times()
                            sampled_cpu[member.pid] = times.user + times.system
                        except psutil.Error:
                            pass
                except psutil.Error:
                    break
                peak["main"], peak["tree"] = max(peak["main"], main), max(peak["tree"], tree)
                peak["pss"] = max(peak["pss"], pss)
                done.wait(0.1)
        except psutil.Error:
            pass

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, stderr = process.communicate()
    wall = time.perf_counter() - wall
    done.set()
    watcher.join()
    after = os.times()
    if process.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{stderr.decode()[-3000:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    cpu = max(cpu, sum(sampled_cpu.values()))
    return {"seconds": round(wall, 2), "cpu_seconds": round(cpu, 2), "peak_rss_mb": round(peak["tree"] / 2**20),
            "peak_rss_main_mb": round(peak["main"] / 2**20), "peak_pss_mb": round(peak["pss"] / 2**20), "stderr": stderr.decode().strip().splitlines()[-1:]}


def _pss(process) -> int:
    """Proportional set size: the process's memory with each shared page split among its sharers.

    Summed over processes it is their real footprint; RSS counts a page once per
    process (forked workers share the model with the server they came from).
    Falls back to RSS where the system does not tell.
    """
    try:
        return process.memory_full_info().pss
    except (AttributeError, OSError):
        return process.memory_info().rss


def kg_command() -> list[str]:
    script = Path(sys.executable).with_name("kg")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from kg.cli import app; app()"]


def raw_pipe(nlp, texts: list[str]) -> dict:
    """One timed ``nlp.pipe`` over ``texts`` (batch size 16, as kg build): seconds and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return {"seconds": round(time.perf_counter() - wall, 2), "cpu_seconds": round(time.process_time() - cpu, 2)}


def _raw_pipe_share(model: str, texts: list[str], barrier) -> tuple[float, float]:
    """In a child process: load ``model``, wait for the others, parse ``texts``; when it started and ended."""
    import spacy

    nlp = spacy.load(model, exclude=["textcat"])
    list(nlp.pipe(texts[:4]))  # warm up
    barrier.wait()
    start = time.time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return start, time.time()


def raw_pipe_parallel(model: str, texts: list[str], processes: int) -> dict:
    """Raw ``nlp.pipe`` over ``texts`` split between ``processes`` processes started at once.

    The machine's own ceiling for a speed-up: no kg, no dask, models loaded
    before the clock starts; only the parsing runs in parallel.
    """
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(processes) as pool:
        barrier = manager.Barrier(processes)
        spans = pool.starmap(_raw_pipe_share, [(model, texts[i::processes], barrier) for i in range(processes)])
    return {"seconds": round(max(e for _, e in spans) - min(s for s, _ in spans), 2), "processes": processes}


def bench_build(corpus: Path, tiny: Path, texts: list[str], repeats: int, work: Path, results: Results) -> Path:
    """``kg build`` at 1 and 2 workers, alternating, ``repeats`` times each; the fastest run of each counts.

    Before each pair of builds the stock model's raw ``nlp.pipe`` runs over the
    same texts, so the target's two sides are measured on the same documents
    and, as far as a shared machine allows, under the same load.
    """
    import spacy

    from kg.nlp import model_name

    words = sum(len(t.split()) for t in texts)
    stock = spacy.load(model_name(), exclude=["textcat"])
    list(stock.pipe(texts[:4]))  # warm up
    env = dict(os.environ)
    runs: dict[int, list[dict]] = {1: [], 2: []}
    raw_runs: list[dict] = []
    outputs = {1: work / "build-1.nq", 2: work / "build-2.nq"}
    raw_two: list[dict] = []
    for repeat in range(repeats):
        raw_runs.append(raw_pipe(stock, texts))
        say(f"raw nlp.pipe (run {repeat + 1}): {words / raw_runs[-1]['seconds']:,.0f} words/s")
        raw_two.append(raw_pipe_parallel(model_name(), texts, 2))
        say(f"raw nlp.pipe in 2 processes (run {repeat + 1}): {words / raw_two[-1]['seconds']:,.0f} words/s")
        for workers in (1, 2):
            load = [round(x, 2) for x in os.getloadavg()]
            run = run_measured([*kg_command(), "build", str(corpus), "--out", str(outputs[workers]),
                                "--workers", str(workers)], env)  # fmt: skip
            run.update(load_average_before=load, sha256=hashlib.sha256(outputs[workers].read_bytes()).hexdigest())
            runs[workers].append(run)
            say(f"kg build --workers {workers} (run {repeat + 1}): {words / run['seconds']:,.0f} words/s, "
                f"{run['seconds']} s, load average before {load[0]}")
    for workers in (1, 2):
        fixed = run_measured([*kg_command(), "build", str(tiny), "--out", str(work / f"tiny-{workers}.nq"),
                              "--workers", str(workers)], env)  # fmt: skip
        best = dict(min(runs[workers], key=lambda r: r["seconds"]))
        best.update(words=words, words_per_s=round(words / best["seconds"]), fixed_cost_seconds=fixed["seconds"],
                    words_per_s_after_fixed_cost=round(words / max(0.01, best["seconds"] - fixed["seconds"])),
                    all_seconds=[r["seconds"] for r in runs[workers]])  # fmt: skip
        results.build[str(workers)] = best
    best_raw = dict(min(raw_runs, key=lambda r: r["seconds"]))
    best_raw.update(words=words, words_per_s=round(words / best_raw["seconds"]),
                    words_per_cpu_s=round(words / best_raw["cpu_seconds"]), all_seconds=[r["seconds"] for r in raw_runs])
    results.build["raw_pipe"] = best_raw
    best_two = dict(min(raw_two, key=lambda r: r["seconds"]))
    best_two.update(words=words, words_per_s=round(words / best_two["seconds"]), all_seconds=[r["seconds"] for r in raw_two],
                    speedup=round(best_raw["seconds"] / best_two["seconds"], 2))  # fmt: skip
    results.build["raw_pipe_2"] = best_two
    results.build["identical_output"] = len({r["sha256"] for rs in runs.values() for r in rs}) == 1
    one, two = results.build["1"], results.build["2"]
    results.build["speedup"] = round(one["seconds"] / two["seconds"], 2)
    results.build["speedup_after_fixed_cost"] = round(
        (one["seconds"] - one["fixed_cost_seconds"]) / (two["seconds"] - two["fixed_cost_seconds"]), 2)
    return outputs[1]


def bench_rss(corpora: dict[int, Path], workers: int, work: Path, results: Results) -> None:
    from kg import api

    streamed = hasattr(api, "build_into_store")
    results.rss["mode"] = f"kg build --store DIR --workers {workers}" if streamed else f"kg build --out FILE --workers {workers}"
    if not streamed:
        results.notes.append("kg build --store was not available: (c) measures the file build, which is not streamed.")
    for n, corpus in corpora.items():
        target = ["--store", str(work / f"store-{n}")] if streamed else ["--out", str(work / f"rss-{n}.nq")]
        run = run_measured([*kg_command(), "build", str(corpus), *target, "--workers", str(workers)])
        results.rss[str(n)] = run
        say(f"{results.rss['mode']} on {n} documents: peak RSS {run['peak_rss_mb']} MB "
            f"(main process {run['peak_rss_main_mb']} MB)")


# --------------------------------------------------------------------------
# (d), (e) stores
# --------------------------------------------------------------------------


def synthetic_graph(base: Path, triples: int, out: Path, quads_out: Path) -> dict:
    """Write ``out``: N-Triples of ``base`` (N-Quads from kg build) copied until ``triples`` distinct triples.

    Every copy ``k`` gives documents, events, statements, spans and people new
    IRIs (``…-c{k}``), people new labels (``"Name {k}"``) and documents new
    identifiers; countries, cities, organisations and places stay shared, as
    in a bigger corpus about the same world. Whole documents are added (with
    the entities they mention) until the size is reached. ``quads_out`` gets
    the same as N-Quads, in kg's named graphs (one per document copy, and
    ``kgr:graph/entities``). Returns the two people most mentioned together in
    copy 0 (for the queries' BIND names).
    """
    import pyoxigraph as ox

    entity_triples: dict[str, list] = collections.defaultdict(list)
    graphs: dict[str, list] = {}
    for quad in ox.parse(path=base, format=ox.RdfFormat.N_QUADS):
        graph = getattr(quad.graph_name, "value", "")
        triple = (quad.subject, quad.predicate, quad.object)
        if graph == ENTITIES_GRAPH:
            if quad.predicate.value != KG_DOCUMENT_COUNT:  # counted again below, over the copies
                entity_triples[quad.subject.value].append(triple)
        else:
            graphs.setdefault(graph, []).append(triple)

    def copied(iri: str) -> bool:
        return iri.startswith(KGR) and iri[len(KGR):].startswith(COPIED)

    def rewrite(triple: tuple, k: int) -> str:
        s, p, o = triple
        person = copied(s.value) and s.value[len(KGR):].startswith("person/")
        terms = []
        for term in (s, p, o):
            if k and isinstance(term, ox.NamedNode) and copied(term.value):
                term = ox.NamedNode(f"{term.value}-c{k}")
            elif k and isinstance(term, ox.Literal) and (p.value == DCT_ID or (person and p.value in (RDFS_LABEL, SKOS_ALT))):
                term = ox.Literal(f"{term.value}-c{k}" if p.value == DCT_ID else f"{term.value} {k}")
            terms.append(str(term))
        return " ".join(terms)

    lines: dict[str, None] = {}  # distinct triples, in order
    quads: dict[tuple[str, str], None] = {}
    entities = f"<{ENTITIES_GRAPH}>"
    counts: collections.Counter[str] = collections.Counter()  # entity -> documents, its kg:documentCount
    copies = 0
    while len(lines) + len(counts) < triples:
        for graph, doc_triples in graphs.items():
            name = f"<{graph}-c{copies}>" if copies else f"<{graph}>"
            for triple in doc_triples:
                spo = rewrite(triple, copies)
                lines[spo] = quads[spo, name] = None
                if triple[1].value == KG_MENTIONS:
                    counts[spo.split(" ", 2)[2]] += 1
                    for entity_triple in entity_triples.get(triple[2].value, ()):
                        spo = rewrite(entity_triple, copies)
                        lines[spo] = quads[spo, entities] = None
            if len(lines) + len(counts) >= triples:
                break
        copies += 1
    integer = "<http://www.w3.org/2001/XMLSchema#integer>"
    for entity, count in counts.items():
        spo = f'{entity} <{KG_DOCUMENT_COUNT}> "{count}"^^{integer}'
        lines[spo] = quads[spo, entities] = None
    out.write_text("".join(f"{spo} .\n" for spo in lines), encoding="utf-8")
    quads_out.write_text("".join(f"{spo} {g} .\n" for spo, g in quads), encoding="utf-8")

    mentions = collections.defaultdict(set)
    for graph, doc_triples in graphs.items():
        for s, p, o in doc_triples:
            if p.value == KG_MENTIONS and o.value.startswith(KGR + "person/"):
                mentions[o.value].add(graph)
    label = {s: next((o.value for _, p, o in ts if p.value == RDFS_LABEL), s) for s, ts in entity_triples.items()}
    ranked = sorted(mentions, key=lambda e: (-len(mentions[e]), e))
    x = ranked[0]
    y = max(ranked[1:] or ranked, key=lambda e: (len(mentions[e] & mentions[x]), -ranked.index(e)))
    return {"triples": len(lines), "quads": len(quads), "copies": copies, "x": label[x], "y": label[y]}


def with_names(query: str, x: str, y: str) -> str:
    """The query with its BIND names (``?nameY`` gets ``y``, other ``?name…`` get ``x``)."""

    def swap(match: re.Match) -> str:
        return f'BIND({json.dumps(y if match.group(1) == "nameY" else x)} AS ?{match.group(1)})'

    return re.sub(r'BIND\("[^"]*"\s+AS\s+\?(name\w*)\)', swap, query)


class _Timeout(BaseException):
    """Raised in the main thread when an rdflib query runs out of time (not an Exception: nothing swallows it)."""


def _alarm(signum, frame):
    raise _Timeout


def time_rdflib(graph, query: str, runs: int, timeout: float, budget: float) -> dict:
    samples: list[float] = []
    rows = None
    spent = 0.0
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for _ in range(runs + 1):  # the first run warms up (and is kept when it is the only one)
            start = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                rows = len(list(graph.query(query)))
            except _Timeout:
                return {"timeout": timeout, "runs": len(samples)}
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            elapsed = time.perf_counter() - start
            samples.append(elapsed)
            spent += elapsed
            if spent > budget:
                break
    finally:
        signal.signal(signal.SIGALRM, previous)
    kept = samples[1:] or samples
    return {"p50": statistics.median(kept), "p95": _p95(kept), "runs": len(kept), "rows": rows}


def time_oxigraph(store, query: str, runs: int, union: bool = False) -> dict:
    samples = []
    rows = None
    for _ in range(runs + 1):
        start = time.perf_counter()
        rows = sum(1 for solution in store.query(query, use_default_graph_as_union=union) for _ in [list(solution)])
        samples.append(time.perf_counter() - start)
    kept = samples[1:]
    return {"p50": statistics.median(kept), "p95": _p95(kept), "runs": len(kept), "rows": rows}


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def bench_stores(base: Path, cfg: Config, work: Path, results: Results) -> None:
    import gc

    import pyoxigraph as ox
    import rdflib

    from kg.query import competency_queries
    from kg.store.serve import in_memory

    queries = competency_queries()
    for size in cfg.sizes:
        path, quads_path = work / f"graph-{size}.nt", work / f"graph-{size}.nq"
        made = synthetic_graph(base, size, path, quads_path)
        triples = made["triples"]
        say(f"graph of {triples:,} triples, {made['quads']:,} quads ({made['copies']} copies); "
            f"names {made['x']!r}, {made['y']!r}")

        graph = rdflib.Graph()
        start = time.perf_counter()
        graph.parse(path, format="nt")
        rdflib_load = time.perf_counter() - start
        memory = ox.Store()
        start = time.perf_counter()
        memory.load(path=path, format=ox.RdfFormat.N_TRIPLES)
        oxigraph_load = time.perf_counter() - start
        start = time.perf_counter()
        ox.Store(str(work / f"oxigraph-nt-{size}")).bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES)
        oxigraph_bulk = time.perf_counter() - start
        disk = ox.Store(str(work / f"oxigraph-{size}"))  # as kg build --store keeps it: named graphs
        disk.bulk_load(path=quads_path, format=ox.RdfFormat.N_QUADS)
        del memory  # the store the queries run on in memory is the one kg serve --memory makes:
        start = time.perf_counter()
        memory = in_memory(disk)  # the named graphs and their merge as the default graph
        serve_copy = time.perf_counter() - start
        results.load.append({
            "triples": triples, "rdflib_seconds": round(rdflib_load, 2), "rdflib_triples_per_s": round(triples / rdflib_load),
            "oxigraph_seconds": round(oxigraph_load, 2), "oxigraph_triples_per_s": round(triples / oxigraph_load),
            "oxigraph_bulk_seconds": round(oxigraph_bulk, 2), "oxigraph_bulk_triples_per_s": round(triples / oxigraph_bulk),
            "serve_memory_seconds": round(serve_copy, 2),
        })  # fmt: skip
        say(f"load {triples:,}: rdflib {triples / rdflib_load:,.0f}/s, oxigraph {triples / oxigraph_load:,.0f}/s, "
            f"bulk {triples / oxigraph_bulk:,.0f}/s")

        for name, text in queries.items():
            query = with_names(text, made["x"], made["y"])
            ox_times = time_oxigraph(disk, query, cfg.oxigraph_runs, union=True)
            memory_times = time_oxigraph(memory, query, cfg.oxigraph_runs)
            rdf_times = time_rdflib(graph, query, cfg.rdflib_runs, cfg.rdflib_timeout, cfg.rdflib_budget)
            row = {"triples": triples, "query": name, "oxigraph": _ms(ox_times), "oxigraph_memory": _ms(memory_times),
                   "rdflib": _ms(rdf_times)}  # fmt: skip
            if "rows" in rdf_times and rdf_times["rows"] != ox_times["rows"]:
                results.notes.append(f"{name} on {triples:,} triples: rdflib gave {rdf_times['rows']} rows, "
                                     f"Oxigraph {ox_times['rows']}")  # fmt: skip
            results.queries.append(row)
            say(f"{name} on {triples:,}: oxigraph p50 {row['oxigraph']['p50_ms']} ms, rdflib {_fmt_latency(row['rdflib'])}")
        del graph, disk, memory
        gc.collect()


def _ms(times: dict) -> dict:
    if "timeout" in times:
        return {"timeout_s": times["timeout"]}
    return {"p50_ms": round(times["p50"] * 1000, 1), "p95_ms": round(times["p95"] * 1000, 1),
            "runs": times["runs"], "rows": times["rows"]}  # fmt: skip


# --------------------------------------------------------------------------
# targets and the report
# --------------------------------------------------------------------------


def judge(results: Results) -> None:
    stock, kg, raw = results.pipe["stock"], results.pipe["kg"], results.build["raw_pipe"]
    build = results.build["1"]
    build_cpu = build["words"] / build["cpu_seconds"]
    results.targets.append({
        "target": "kg build ≥ 0.8× raw nlp.pipe words/s (stock model, same documents)",
        "measured": f"{build['words_per_s'] / raw['words_per_s']:.2f}× ({build['words_per_s']:,} vs "
                    f"{raw['words_per_s']:,} words/s); per CPU-second {build_cpu / raw['words_per_cpu_s']:.2f}×. "
                    f"kg's pipeline is {kg['words_per_cpu_s'] / stock['words_per_cpu_s']:.2f}× the stock model, "
                    f"with kg.extract {kg['with_extract_words_per_cpu_s'] / stock['words_per_cpu_s']:.2f}× (per CPU-second)",
        "met": build["words_per_s"] / raw["words_per_s"] >= 0.8,
    })  # fmt: skip
    speedup = results.build["speedup"]
    results.targets.append({
        "target": "near-linear speed-up 1→2 workers (≥ 1.8×)",
        "measured": f"{speedup:.2f}× end to end, {results.build['speedup_after_fixed_cost']:.2f}× without the fixed cost; "
                    f"raw `nlp.pipe` itself gains {results.build['raw_pipe_2']['speedup']:.2f}× from a second process here",
        "met": speedup >= 1.8,
    })
    biggest = max(q["triples"] for q in results.queries)
    largest = [q for q in results.queries if q["triples"] == biggest]
    slow = {store: [q for q in largest if q[store]["p50_ms"] >= 50] for store in ("oxigraph", "oxigraph_memory")}
    measured = "; ".join(
        f"{where}: " + ("all below" if not slow[store] else f"{len(largest) - len(slow[store])} of {len(largest)} below; over: "
                        + ", ".join(f"{q['query']} {q[store]['p50_ms']:,} ms" for q in slow[store]))
        for store, where in (("oxigraph", "disk (kg's store, kg query --store, kg serve)"),
                             ("oxigraph_memory", "memory (kg serve --memory)"))
    )  # fmt: skip
    results.targets.append({
        "target": f"competency queries on {biggest:,} triples in Oxigraph: p50 < 50 ms",
        "measured": measured,
        "met": not slow["oxigraph"] and biggest >= 1_000_000,
    })


def _fmt_latency(cell: dict) -> str:
    if "timeout_s" in cell:
        return f"> {cell['timeout_s']:g} s"
    return f"{cell['p50_ms']:,} / {cell['p95_ms']:,}"


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:,}"


def markdown(results: Results) -> str:
    m = results.machine
    lines = [
        f"Measured {m['date']} on {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM; {m['os']}; Python {m['python']}, "
        f"spaCy {m['spacy']} with {m['model']} {m['model_version']}, rdflib {m['rdflib']}, pyoxigraph {m['pyoxigraph']}, "
        f"dask.distributed {m['distributed']}. Load average {m['load_average_start']} at the start, "
        f"{m.get('load_average_end')} at the end (other jobs shared the machine when it is above 0).",
        "",
        "### Targets",
        "",
        "| target | measured | met |",
        "|---|---|---|",
        *(f"| {t['target']} | {t['measured']} | {'yes' if t['met'] else '**no**'} |" for t in results.targets),
        "",
        f"### (a) `nlp.pipe`, {results.pipe['stock']['words']:,} words ({results.config['pipe_docs']} documents, batch size 16; the two pipelines alternate, the fastest of two runs of each counts)",
        "",
        "| pipeline | words/s | words per CPU-second | with `kg.extract`: words/s | per CPU-second |",
        "|---|---:|---:|---:|---:|",
        *(f"| {v['label']} | {v['words_per_s']:,} | {v['words_per_cpu_s']:,} | "
          f"{_num(v.get('with_extract_words_per_s'))} | {_num(v.get('with_extract_words_per_cpu_s'))} |"
          for v in results.pipe.values()),
        "",
        f"Where the time goes ({results.profile['documents']} documents one by one, no batching):",
        "",
        "| stage | seconds | share |",
        "|---|---:|---:|",
        *(f"| {k} | {v['seconds']:.2f} | {v['share']:.0%} |"
          for k, v in sorted(results.profile["stages"].items(), key=lambda kv: -kv[1]["seconds"])),
        "",
        "Writing the graph of these documents (`kg.rdf.write_corpus`), by output format: "
        + ", ".join(f"`{k}` {v:.2f} s" for k, v in results.profile.get("write_seconds", {}).items()) + ".",
        "",
        f"### (b) `kg build`, {results.config['docs']} documents, {results.build['1']['words']:,} words, output `.nq`",
        "",
        f"Runs alternate raw `nlp.pipe`, 1, 2 workers, raw, 1, 2… ({results.config['build_repeats']} each); the fastest "
        "of each counts. Raw `nlp.pipe` is the stock model over the same cleaned texts in the bench process (model "
        "already loaded); `kg build` is the whole command. The fixed cost is a build of 2 documents (start-up, model "
        "loading, and for 2 workers the local cluster).",
        "",
        "| run | seconds (all runs) | CPU seconds | words/s | fixed cost | words/s without it | peak RSS | peak PSS |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        (lambda r: f"| raw `nlp.pipe` | {r['seconds']} ({', '.join(map(str, r['all_seconds']))}) | {r['cpu_seconds']} | "
                   f"{r['words_per_s']:,} | – | – | – | – |")(results.build["raw_pipe"]),
        (lambda r: f"| raw `nlp.pipe`, 2 processes (half the texts each) | {r['seconds']} ({', '.join(map(str, r['all_seconds']))}) | – | "
                   f"{r['words_per_s']:,} | – | – | – | – |")(results.build["raw_pipe_2"]),
        *(f"| kg build, {w} worker{'s' if w != '1' else ''} | {r['seconds']} ({', '.join(map(str, r['all_seconds']))}) | {r['cpu_seconds']} | {r['words_per_s']:,} | "
          f"{r['fixed_cost_seconds']} s | {r['words_per_s_after_fixed_cost']:,} | {r['peak_rss_mb']} MB | {r.get('peak_pss_mb', '–')} MB |"
          for w, r in results.build.items() if w in ("1", "2")),
        "",
        f"Speed-up 1→2 workers: {results.build['speedup']}× ({results.build['speedup_after_fixed_cost']}× without the fixed cost); "
        f"raw `nlp.pipe` in 2 processes against 1: {results.build['raw_pipe_2']['speedup']}× (the machine's ceiling). "
        f"Output files of all runs byte-identical: {'yes' if results.build['identical_output'] else 'NO'}.",
        "",
        f"### (c) Peak RSS, `{results.rss['mode']}`, short articles (process and children, sampled every 0.1 s)",
        "",
        "| documents | seconds | peak RSS, all processes | main process |",
        "|---:|---:|---:|---:|",
        *(f"| {n} | {r['seconds']} | {r['peak_rss_mb']} MB | {r['peak_rss_main_mb']} MB |"
          for n, r in results.rss.items() if n != "mode"),
        "",
        "### (d) Loading the same N-Triples file",
        "",
        "The last column is the start-up of a `kg serve --memory` worker: copying the store on disk into memory, "
        "with the merge of its graphs as the default graph (`kg.store.serve.in_memory`).",
        "",
        "| triples | rdflib `Graph.parse` | Oxigraph `Store.load` (memory) | Oxigraph `bulk_load` (disk) | disk store → memory |",
        "|---:|---:|---:|---:|---:|",
        *(f"| {r['triples']:,} | {r['rdflib_triples_per_s']:,} /s ({r['rdflib_seconds']} s) | "
          f"{r['oxigraph_triples_per_s']:,} /s ({r['oxigraph_seconds']} s) | "
          f"{r['oxigraph_bulk_triples_per_s']:,} /s ({r['oxigraph_bulk_seconds']} s) | "
          f"{r.get('serve_memory_seconds', '–')} s |" for r in results.load),
        "",
        f"### (e) Competency queries, p50 / p95 in ms (Oxigraph {results.config['oxigraph_runs']} runs after a warm-up; "
        f"rdflib up to {results.config['rdflib_runs']} runs after a warm-up, a run stopped after {results.config['rdflib_timeout']:g} s)",
        "",
        "Oxigraph on disk is laid out as `kg build --store` keeps it (RocksDB; one named graph per document, queried "
        "as their union, like `kg query --store` and `kg serve`); Oxigraph in memory is what `kg serve --memory` answers "
        "from (the same named graphs, and their merge as the default graph, which the queries read); rdflib holds the "
        "triples in one default graph (`rdflib.Graph()`: the optimistic case for rdflib).",
        "",
        "| query | triples | rows | Oxigraph, disk | Oxigraph, memory (`--memory`) | rdflib |",
        "|---|---:|---:|---:|---:|---:|",
        *(f"| {q['query']} | {q['triples']:,} | {q['oxigraph']['rows']:,} | {_fmt_latency(q['oxigraph'])} | "
          f"{_fmt_latency(q['oxigraph_memory'])} | {_fmt_latency(q['rdflib'])} |"
          for q in sorted(results.queries, key=lambda q: (q["query"], q["triples"]))),
    ]
    if results.notes:
        lines += ["", "Notes:", "", *(f"- {note}" for note in results.notes)]
    return "\n".join(lines)


def update_readme(table: str) -> None:
    text = README.read_text(encoding="utf-8")
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    README.write_text(f"{before}{START}\n{table}\n{END}{after}", encoding="utf-8")


# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: small corpus, no 10^6 graph (~2 min)")
    parser.add_argument("--out", type=Path, help="results JSON (default bench/results.json, or results-quick.json)")
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite the table in bench/README.md")
    args = parser.parse_args(argv)
    cfg = Config.quick() if args.quick else Config()
    out = args.out or HERE / ("results-quick.json" if args.quick else "results.json")

    from bench.corpus import write_corpus
    from kg.ingest import read_documents

    results = Results(config=asdict(cfg))
    results.machine = machine()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    started = time.perf_counter()
    try:
        records = write_corpus(work / "all.jsonl", cfg.docs, seed=cfg.seed).read_text("utf-8").splitlines(True)
        corpora = {n: work / f"corpus-{n}.jsonl" for n in (cfg.docs, 2)}
        for n, path in corpora.items():
            path.write_text("".join(records[:n]), encoding="utf-8")
        short_records = write_corpus(work / "short.jsonl", max(cfg.rss_docs), seed=cfg.seed, short=True)
        short_records = short_records.read_text("utf-8").splitlines(True)
        short = {n: work / f"short-{n}.jsonl" for n in cfg.rss_docs}
        for n, path in short.items():
            path.write_text("".join(short_records[:n]), encoding="utf-8")
        documents = list(read_documents([corpora[cfg.docs]]))
        words = sum(len(d.text.split()) for d in documents)
        say(f"corpus: {len(documents)} documents, {words:,} words")

        bench_pipe(documents[: cfg.pipe_docs], results)
        bench_profile(documents[: cfg.profile_docs], results)
        base = bench_build(corpora[cfg.docs], corpora[2], [d.text for d in documents], cfg.build_repeats, work, results)
        bench_rss(short, cfg.rss_workers, work, results)
        bench_stores(base, cfg, work, results)
        judge(results)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results.machine["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    results.machine["bench_seconds"] = round(time.perf_counter() - started)
    out.write_text(json.dumps(asdict(results), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    table = markdown(results)
    if not args.quick and not args.no_readme:
        update_readme(table)
    print(table)
    say(f"done in {results.machine['bench_seconds']} s; wrote {out}")


if __name__ == "__main__":
    main()
