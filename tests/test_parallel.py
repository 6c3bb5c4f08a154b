"""Distributed extraction (kg.parallel) and the benchmark corpus generator.

Two tests start a local dask cluster (a few seconds each); the back-pressure
logic is tested with a fake executor.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg import parallel
from kg.cli import app
from kg.errors import KgError
from kg.ingest import read_documents
from kg.model import Document, Extraction
from kg.parallel import count_documents, extract_parallel

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/ is not an installed package
from bench.corpus import generate, write_corpus  # noqa: E402

TEXTS = (
    "President Anna Kowalski of Poland will visit Madrid on March 3 for talks with Pedro Sanchez.",
    "Chancellor Olaf Scholz called Emmanuel Macron on Monday to discuss energy security.",
    "Japan and India signed the Agreement on Trade and Investment in Tokyo in October 2021.",
    "Russia supplies oil to India. Vladimir Putin is the President of Russia.",
    "Prime Minister Narendra Modi met Lula in Brasilia on 4 May 2024.",
    "The Kremlin said the talks in Moscow would go on next week.",
)


def _documents() -> list[Document]:
    return [Document(f"doc-{i}", text, published="2025-01-15") for i, text in enumerate(TEXTS)]


# --------------------------------------------------------------------------
# extract_parallel
# --------------------------------------------------------------------------


def test_two_workers_give_the_same_extractions_in_the_same_order():
    serial = list(extract_parallel(_documents(), workers=1))
    seen: list[int] = []
    problems: list[str] = []
    spread = list(extract_parallel(_documents(), workers=2, chunk_size=2, progress=seen.append,
                                   on_problem=problems.append))  # fmt: skip
    assert [x.document.id for x in spread] == [f"doc-{i}" for i in range(6)]
    assert spread == serial
    assert any(x.events for x in spread)
    assert seen == [2, 4, 6]
    assert problems == []


@pytest.mark.parametrize(
    "options",
    [{"workers": 0}, {"workers": 2, "chunk_size": 0}, {"batch_size": -1}, {"scheduler": "localhost:8786"}],
)
def test_bad_options_raise_before_any_work(options):
    with pytest.raises(KgError, match=r"\[E014\]"):
        extract_parallel(iter(()), **options)


def test_a_failing_document_costs_only_itself(monkeypatch):
    def fake_extract_documents(documents, **options):
        for document in documents:
            if document.id == "doc-1":
                raise ValueError("boom")
            yield Extraction(document)

    monkeypatch.setattr("kg.api.extract_documents", fake_extract_documents)
    extractions, problems = parallel._extract_chunk(_documents()[:3], "any-model", 16)
    assert [x.document.id for x in extractions] == ["doc-0", "doc-2"]
    assert problems == ["[W016] Skipped 1 document(s) 'doc-1': extraction failed (ValueError: boom)"]


class _FakeFuture:
    def __init__(self, chunk):
        self.chunk = chunk


class _LastFirst:
    """An ``as_completed`` stand-in where the newest future finishes first (the worst case for order)."""

    running = 0  # submitted, not finished yet
    peak = 0

    def __init__(self):
        self.pending: list[_FakeFuture] = []

    def add(self, future):
        self.pending.append(future)
        _LastFirst.running += 1
        _LastFirst.peak = max(_LastFirst.peak, _LastFirst.running)

    def __iter__(self):
        while self.pending:
            _LastFirst.running -= 1
            yield self.pending.pop()


def test_in_order_keeps_order_and_bounds_what_is_in_flight(monkeypatch):
    monkeypatch.setattr(_LastFirst, "running", 0)
    monkeypatch.setattr(_LastFirst, "peak", 0)
    pulled = []

    def chunks():
        for i in range(10):
            pulled.append(i)
            yield [i]

    out = []
    for chunk, future in parallel._in_order(chunks(), _FakeFuture, _LastFirst, window=3):
        assert future.chunk is chunk
        assert len(pulled) - len(out) <= 2 * 3  # finished chunks waiting to be handed back count too
        out.append(chunk[0])
    assert out == list(range(10))
    assert _LastFirst.peak == 3


def test_in_order_with_nothing_to_do():
    assert list(parallel._in_order(iter(()), _FakeFuture, _LastFirst, window=4)) == []


def test_count_documents(tmp_path):
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n', encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.md").write_text("# Two", encoding="utf-8")
    assert count_documents([tmp_path]) == 5
    assert count_documents([tmp_path / "b.jsonl", tmp_path / "missing.txt"]) == 3


# --------------------------------------------------------------------------
# the CLI
# --------------------------------------------------------------------------


def test_build_with_two_workers_writes_the_same_bytes(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in _documents()), "utf-8")
    runner = CliRunner()
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"graph-{workers}.trig"
        result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--workers", workers])
        assert result.exit_code == 0, result.stderr
        assert "6 documents" in result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_the_main_process_of_a_build_with_workers_does_not_import_spacy(tmp_path):
    # it only reads, resolves and writes: importing spaCy there cost ~0.7 s of a
    # multi-worker build's fixed cost (kg.resolve once did, for a word list)
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in _documents()[:2]), "utf-8")
    out = tmp_path / "graph.nq"
    code = ("import sys; from kg.cli import app; "
            f"app(['build', {str(corpus)!r}, '--out', {str(out)!r}, '--workers', '2'], standalone_mode=False); "
            "assert 'spacy' not in sys.modules, 'spacy imported'")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0


def _spacy_imported() -> bool:
    return "spacy" in sys.modules


def test_local_workers_are_forked_with_the_pipeline_loaded():
    from distributed import Client, LocalCluster

    from kg.settings import model_name

    with parallel.preload_workers(model_name()):
        cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address="127.0.0.1:0")  # fmt: skip
    with cluster, Client(cluster) as client:
        imported = list(client.run(_spacy_imported).values())
        loaded = list(client.run(_pipelines_loaded).values())
        blas_threads = list(client.run(os.environ.get, "OPENBLAS_NUM_THREADS").values())
        log_levels = list(client.run(_dask_log_level).values())
    assert imported == [True] and loaded == [1]
    assert log_levels == [logging.CRITICAL]  # kg reports failures itself, one line each
    assert blas_threads == ["1"]  # dask's environment for workers, given to the server they fork from
    assert "KG_WORKER_MODEL" not in os.environ  # the server's environment only


def test_a_missing_model_with_workers_is_one_error_line(tmp_path):
    # in a new process, so that the server the workers fork from fails to load it
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": _documents()[0].text}) + "\n", "utf-8")
    command = [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(tmp_path / "g.nq"),
               "--workers", "2", "--model", "no_such_model"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: [E008]") and "Traceback" not in result.stderr, result.stderr


def test_the_environment_for_workers_is_read_without_importing_distributed():
    # the server the workers fork from starts before distributed is imported (~0.3 s sooner),
    # with the environment dask would give each worker process
    code = ("import sys, dask; from kg.parallel import _spawn_environment; found = _spawn_environment(); "
            "assert 'distributed' not in sys.modules; import distributed; "
            "expected = {k: str(v) for k, v in dask.config.get('distributed.nanny.pre-spawn-environ').items()}; "
            "assert found == expected, (found, expected); assert found['OPENBLAS_NUM_THREADS'] == '1'; "
            "dask.config.set({'distributed.nanny.pre-spawn-environ.OMP_NUM_THREADS': None}); "
            "assert _spawn_environment()['OMP_NUM_THREADS'] is None")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _dask_log_level() -> int:
    return logging.getLogger("distributed.worker").getEffectiveLevel()


def test_dask_log_lines_stay_off_the_terminal_while_a_local_cluster_runs(tmp_path):
    # dask logged closing races of a build that succeeded, traceback and all; an error
    # logged in the main process while the cluster runs stands for them (in a new
    # process: dask's log handler writes to the terminal's stderr, which pytest replaces)
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in _documents()[:2]), "utf-8")
    code = ("import logging, sys; from pathlib import Path; from kg.ingest import read_documents; "
            "from kg.parallel import extract_parallel\n"
            "def progress(done): logging.getLogger('distributed.scheduler').error('a closing race')\n"
            "if __name__ == '__main__':\n"
            "    docs = read_documents([Path(sys.argv[1])])\n"
            "    print(len(list(extract_parallel(docs, workers=2, chunk_size=1, progress=progress))))\n")  # fmt: skip
    script = tmp_path / "build.py"
    script.write_text(code, "utf-8")
    result = subprocess.run([sys.executable, str(script), str(corpus)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "2", result.stderr
    assert "a closing race" not in result.stderr, result.stderr


def _pipelines_loaded() -> int:
    from kg.nlp import load_pipeline

    return load_pipeline.cache_info().currsize


def test_output_bytes_do_not_depend_on_the_hash_seed(tmp_path):
    # rdflib keeps graphs and triples in sets; kg writes them sorted, so two processes agree
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in _documents()), "utf-8")
    script = ("import sys; from kg import api; corpus = api.build_corpus([sys.argv[1]]); "
              "[api.write(corpus, sys.argv[2] + suffix) for suffix in ('.nq', '.nt', '.trig', '.ttl', '.jsonld')]")
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", script, str(corpus), str(tmp_path / f"seed{seed}")],
                              env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True,
                              timeout=300)  # fmt: skip
        assert done.returncode == 0, done.stderr
    for suffix in (".nq", ".nt", ".trig", ".ttl", ".jsonld"):
        assert (tmp_path / f"seed1{suffix}").read_bytes() == (tmp_path / f"seed2{suffix}").read_bytes(), suffix
    lines = (tmp_path / "seed1.nq").read_text("utf-8").splitlines()
    names = [line.rsplit(" ", 2)[-2] for line in lines]
    assert len(set(names)) == 7  # six documents and the entities
    assert list(dict.fromkeys(names)) == sorted(set(names))  # graph by graph, in order
    for name in set(names):
        in_graph = [line for line in lines if line.rsplit(" ", 2)[-2] == name]
        assert in_graph == sorted(in_graph)


def test_build_rejects_a_bad_scheduler_address(tmp_path):
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "g.nq"),
                                      "--scheduler", "somewhere"])  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [E014] Invalid scheduler address 'somewhere'")


# --------------------------------------------------------------------------
# bench/corpus.py
# --------------------------------------------------------------------------


def test_corpus_is_deterministic_for_a_seed(tmp_path):
    first = write_corpus(tmp_path / "a.jsonl", 25, seed=7).read_bytes()
    again = write_corpus(tmp_path / "b.jsonl", 25, seed=7).read_bytes()
    other = write_corpus(tmp_path / "c.jsonl", 25, seed=8).read_bytes()
    assert first == again
    assert first != other


def test_corpus_is_jsonl_that_kg_reads(tmp_path):
    path = write_corpus(tmp_path / "c.jsonl", 30, seed=3)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [r["id"] for r in generate(30, seed=3)]
    problems: list[str] = []
    documents = list(read_documents([path], on_problem=problems.append))
    assert problems == []
    assert [d.id for d in documents] == [r["id"] for r in records]
    assert all(len(d.text.split()) > 100 for d in documents)
    assert sum(d.published is not None for d in documents) > 20


def test_fewer_gc_passes_raises_the_threshold_and_restores_it():
    import gc

    from kg.parallel import fewer_gc_passes

    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_gc_passes(young=12_345):
        assert gc.get_threshold() == (12_345, *before[1:])
        raise RuntimeError("a failing build")
    assert gc.get_threshold() == before


def test_release_memory_collects_cycles_and_trims_the_heap(monkeypatch):
    import weakref

    from kg.parallel import fewer_gc_passes, release_memory

    class Node:
        pass

    trims = []
    if sys.platform == "linux":  # glibc: the heap is trimmed (CI runs on Linux)
        assert parallel._LIBC is not None
        monkeypatch.setattr(parallel, "_LIBC", type("Libc", (), {"malloc_trim": staticmethod(trims.append)})())
    with fewer_gc_passes(young=10**9):  # no automatic collection meanwhile
        node = Node()
        node.me = node  # a cycle: reference counting alone never frees it
        alive = weakref.ref(node)
        del node
        release_memory()
    assert alive() is None
    assert trims == ([0] if sys.platform == "linux" else [])
