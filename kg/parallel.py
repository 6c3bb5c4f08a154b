"""Extraction spread over worker processes, or over a dask cluster.

:func:`extract_parallel` is :func:`kg.api.extract_documents` with workers:
documents stream in, are cut into chunks (:data:`CHUNK_SIZE` documents, so the
cost of a task is small next to the parsing it does) and sent to
``dask.distributed`` workers, each of which has the spaCy pipeline loaded
once (:func:`kg.nlp.load_pipeline` is cached per process; the workers of a
local cluster are forked with it already loaded, see :func:`preload_workers`).
At most two chunks per worker thread are submitted and not yet handed back, so
memory stays bounded however long the input is; results come back in the order of the input, so
the merged graph is the same whatever the number of workers.

>>> from kg.ingest import read_documents                          # doctest: +SKIP
>>> docs = read_documents(["corpus.jsonl"])                       # doctest: +SKIP
>>> extractions = list(extract_parallel(docs, workers=2))         # doctest: +SKIP
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import itertools
import logging
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from .errors import Errors, KgError, Warnings
from .ingest import SUFFIXES
from .model import Document, Extraction

__all__ = ["CHUNK_SIZE", "extract_parallel", "count_documents", "preload_workers", "release_memory"]

#: Documents per task sent to a worker. Smaller chunks even out the end of a run, when
#: one worker still parses the last chunk and the other has nothing left: 400 long
#: articles on 2 workers took 24.1-24.6 s in chunks of 8, 24.8-25.0 s in chunks of 16,
#: and no less in chunks of 4 (more tasks).
CHUNK_SIZE = 8

Report = Callable[[str], None]
Progress = Callable[[int], None]

_ADDRESS = re.compile(r"(tcp|tls)://[^\s/:]+:\d{1,5}")

T = TypeVar("T")


def extract_parallel(
    documents: Iterable[Document],
    *,
    workers: int = 1,
    scheduler: str | None = None,
    model: str | None = None,
    batch_size: int = 16,
    chunk_size: int = CHUNK_SIZE,
    progress: Progress | None = None,
    on_problem: Report | None = None,
) -> Iterator[Extraction]:
    """Extract from every document, in input order, on ``workers`` processes.

    Parameters
    ----------
    documents : iterable of Document
        Read lazily, at most ``2 × workers × chunk_size`` documents ahead.
    workers : int
        With 1 and no ``scheduler``, documents are parsed in this process
        (:func:`kg.api.extract_documents`). Otherwise a local dask cluster of
        ``workers`` single-threaded processes is started, and closed at the end.
    scheduler : str, optional
        Address of a running dask scheduler (``tcp://HOST:PORT``); its workers,
        which need kg and the spaCy model installed, do the work (``workers``
        is then ignored). Connecting fails with :class:`KgError` (E025).
    model : str, optional
        spaCy pipeline (see :func:`kg.settings.model_name`); resolved here, so
        remote workers use the same one whatever their environment.
    batch_size : int
        ``nlp.pipe`` batch size within a chunk.
    chunk_size : int
        Documents per task.
    progress : callable, optional
        Called with the number of documents done so far.
    on_problem : callable, optional
        Called with one warning line naming the documents left out when
        extraction fails on them (a worker error or a worker that died); the
        other documents go on. A :class:`KgError` (a missing model) stops all.

    Yields
    ------
    Extraction
        One per document that could be extracted, in the order of ``documents``.
    """
    for name, value in (("worker count", workers), ("batch size", batch_size), ("chunk size", chunk_size)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise KgError(Errors.E014.format(name=name, value=value, rule="a whole number of at least 1"))
    if scheduler is not None and not _ADDRESS.fullmatch(scheduler):
        raise KgError(Errors.E014.format(name="scheduler address", value=scheduler, rule="like tcp://HOST:PORT"))
    if workers == 1 and scheduler is None:
        return _in_process(documents, model, batch_size, progress)
    from .settings import model_name

    return _distributed(documents, workers, scheduler, model_name(model), batch_size, chunk_size,
                        progress, on_problem or _ignore)  # fmt: skip


def count_documents(paths: Iterable[str | Path]) -> int:
    """How many documents ``paths`` hold, cheaply: one per file, one per non-blank JSONL line.

    Meant for a progress bar's total, so it is an upper bound: records that
    turn out unusable are counted, unreadable paths are not.
    """
    total = 0
    for given in paths:
        path = Path(given)
        files = [path] if path.is_file() else sorted(_walk(path)) if path.is_dir() else []
        for file in files:
            if file.suffix.lower() != ".jsonl":
                total += file.suffix.lower() in SUFFIXES
                continue
            try:
                with open(file, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                continue
    return total


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        yield from (Path(folder, n) for n in filenames if not n.startswith("."))


def _ignore(message: str) -> None:
    """The default ``on_problem``: nothing to tell."""


@contextmanager
def fewer_gc_passes(young: int = 50_000) -> Iterator[None]:
    """Run the cyclic garbage collector less often while parsing, then as before.

    Parsing allocates millions of short-lived objects that reference counting
    alone frees; with Python's default threshold (a young-generation pass every
    700 allocations) the collector took 3-6 % of a build's CPU, measured on the
    bench corpus. Cycles are still collected, every ``young`` allocations.
    """
    before = gc.get_threshold()
    gc.set_threshold(young, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def release_memory() -> None:
    """Collect garbage and hand the heap's free pages back to the system (glibc only).

    A streamed store build calls this after each batch. Without it, the peak
    memory of a build grew with the corpus: each batch's objects are freed,
    but cycles wait for a full collection (rarer under :func:`fewer_gc_passes`)
    and glibc keeps the freed pages; measured on 1,200 short bench articles,
    peak RSS 425 MB with the main process growing ~40 MB a batch, against
    349 MB and flat (295-320 MB) with it. A call costs well under a second.
    """
    gc.collect()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _libc() -> Any:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:  # no C library to load (not Linux, or a static build)
        return None


_LIBC = _libc()


def _in_process(
    documents: Iterable[Document], model: str | None, batch_size: int, progress: Progress | None
) -> Iterator[Extraction]:
    from .api import extract_documents

    with fewer_gc_passes():
        for done, extraction in enumerate(extract_documents(documents, model=model, batch_size=batch_size), 1):
            yield extraction
            if progress is not None:
                progress(done)


def _distributed(
    documents: Iterable[Document],
    workers: int,
    scheduler: str | None,
    model: str,
    batch_size: int,
    chunk_size: int,
    progress: Progress | None,
    on_problem: Report,
) -> Iterator[Extraction]:
    import dask

    cluster = client = None
    chunks: Iterator[list[Document]] = _chunks(documents, chunk_size)
    try:
        if scheduler is None:
            # Everything on loopback: the scheduler, and its HTTP server on a free port.
            # Without dask's MALLOC_TRIM_THRESHOLD_=65536: glibc then gives memory back
            # to the system after every free, and spaCy spends 25-30 % more CPU per
            # document (measured per task); the workers keep a little more memory.
            # Without the workers' statistical profiler (a stack sample every 10 ms, for
            # the dashboard's profile page): spaCy's deep stacks made it cost 5-10 % of a
            # worker's CPU (48 documents per task, alternated with and without, 8 of 8
            # rounds lower without). Event-loop ticks and monitors made no difference.
            # dask's own log lines stay off the terminal while the cluster lives (its
            # workers': see kg.worker): kg reports what fails itself, one line each, and
            # closing races printed tracebacks ("Failed to communicate with scheduler").
            environ = {"MALLOC_TRIM_THRESHOLD_": None}
            with preload_workers(model, environ), dask.config.set({"distributed.worker.profile.enabled": False}):
                # the first tasks are read while the server loads the model: reading them
                # first thing (and the readers' own imports) held up the first task ~0.4 s
                ahead = list(itertools.islice(chunks, 2 * workers))
                chunks = itertools.chain(ahead, chunks)
                from distributed import LocalCluster

                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                       silence_logs=logging.CRITICAL)
        from distributed import Client, as_completed

        if cluster is not None:
            client = Client(cluster)
        else:
            try:
                client = Client(scheduler, timeout=10)
            except (OSError, TimeoutError) as exc:
                raise KgError(Errors.E025.format(address=scheduler, reason=exc)) from None
        window = 2 * max(1, sum(client.nthreads().values()))

        def submit(chunk: list[Document]) -> Any:
            return client.submit(_extract_chunk, chunk, model, batch_size, pure=False)

        done = 0
        for chunk, future in _in_order(chunks, submit, as_completed, window):
            try:
                outcome = future.result()
            except Exception as exc:  # the task failed as a whole: its worker died or the chunk could not be sent
                outcome = [], [_failed(chunk, exc)]
            finally:
                future.release()
            if isinstance(outcome, KgError):
                raise outcome
            extractions, problems = outcome
            for problem in problems:
                on_problem(problem)
            yield from extractions
            done += len(chunk)
            if progress is not None:
                progress(done)
    finally:
        # Closing a local cluster waits about a second for its workers to stop: that
        # happens beside the resolving and writing that follow, not before them. The
        # thread is not a daemon, so the interpreter waits for it before exiting.
        threading.Thread(target=_close, args=(client, cluster), name="kg-close-dask").start()


@contextmanager
def preload_workers(model: str, environ: dict[str, str | None] | None = None) -> Iterator[None]:
    """Have a local dask cluster started in this block fork its workers from a process that loaded ``model``.

    Dask starts worker processes with multiprocessing's *forkserver* method
    here, and the server imports :mod:`kg.worker` before it forks, which loads
    spaCy and the pipeline once for all workers: each worker starts with them
    in memory (shared until written) instead of importing spaCy and loading
    the model itself, about 2.5 CPU-seconds a worker. The server starts now,
    so it loads while the cluster starts; it lives as long as this process,
    and later clusters fork from it too. Where there is no forkserver
    (Windows), workers are spawned as dask does by default.

    ``environ`` changes dask's environment for worker processes
    (``distributed.nanny.pre-spawn-environ``; ``None`` removes a variable).
    Set it here, not with ``dask.config.set`` around this block: forked
    workers get the server's environment, which is fixed when it starts.
    """
    import multiprocessing

    import dask

    environ = environ or {}
    forking = "forkserver" in multiprocessing.get_all_start_methods()
    if forking:
        from multiprocessing import forkserver

        from .settings import WORKER_MODEL_ENV

        multiprocessing.get_context("forkserver").set_forkserver_preload(["distributed", "kg.worker"])
        # The server starts before this process imports distributed (~0.3 s), which
        # then happens while the server loads the model.
        spawn = {name: value for name, value in {**_spawn_environment(), **environ}.items() if value is not None}
        with _environment({**spawn, WORKER_MODEL_ENV: model}):
            forkserver.ensure_running()
    import distributed.utils

    # When a nanny first asks for a process, dask imports every package it knows of
    # (numpy, pandas, …: ~0.3 s in this process) to preload them in the server; the
    # server runs already, with kg's list, so that list would not be used.
    if forking and hasattr(distributed.utils, "_forkserver_preload_set"):
        distributed.utils._forkserver_preload_set = True
    config: dict[str, Any] = {f"distributed.nanny.pre-spawn-environ.{name}": v for name, v in environ.items()}
    if forking:
        config["distributed.worker.multiprocessing-method"] = "forkserver"
    # (distributed is imported by now: a dask.config.set of its keys before that would
    # drop its defaults when the block ends)
    with dask.config.set(config):
        yield


def _spawn_environment() -> dict[str, str | None]:
    """The variables dask sets for a worker process (``distributed.nanny.pre-spawn-environ``).

    Read without importing distributed: its defaults from the package's
    ``distributed.yaml``, with the configuration's own values over them
    (``None``: the variable is removed).
    """
    import importlib.util

    import dask
    import yaml

    spec = importlib.util.find_spec("distributed")
    defaults: dict[str, Any] = {}
    if spec is not None and spec.origin is not None:
        config = yaml.safe_load(Path(spec.origin).with_name("distributed.yaml").read_text("utf-8"))
        defaults = config["distributed"]["nanny"]["pre-spawn-environ"]
    values = {**defaults, **dask.config.get("distributed.nanny.pre-spawn-environ", default={})}
    return {name: None if value is None else str(value) for name, value in values.items()}


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """``os.environ`` with ``values`` set, as it was after."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _close(client: Any, cluster: Any) -> None:
    if client is not None:
        client.close()
    if cluster is not None:
        cluster.close()


def _extract_chunk(
    chunk: list[Document], model: str, batch_size: int
) -> tuple[list[Extraction], list[str]] | KgError:
    """The worker's task: the chunk's extractions and a warning per document that failed.

    The pipeline is loaded on the first task a worker runs and cached for the
    next ones. When the chunk fails, its documents are tried one by one, so a
    bad document costs only itself. A :class:`KgError` (a missing model),
    which stops the build, is returned rather than raised: dask's worker logs
    a task that raises, traceback and all, on the user's terminal.
    """
    from .api import extract_documents

    try:
        with fewer_gc_passes():
            return list(extract_documents(chunk, model=model, batch_size=batch_size)), []
    except KgError as exc:
        return exc
    except Exception:
        extractions, problems = [], []
        for document in chunk:
            try:
                extractions.extend(extract_documents([document], model=model))
            except Exception as exc:
                problems.append(_failed([document], exc))
        return extractions, problems


def _failed(documents: list[Document], exc: BaseException) -> str:
    ids = ", ".join(repr(d.id) for d in documents)
    reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    return Warnings.W016.format(count=len(documents), ids=ids, reason=reason)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _in_order(
    chunks: Iterable[T],
    submit: Callable[[T], Any],
    as_completed: Callable[[], Any],
    window: int,
) -> Iterator[tuple[T, Any]]:
    """Submit ``chunks`` and yield ``(chunk, finished future)`` in submission order.

    At most ``window`` chunks are submitted and not yet yielded: a new one is
    taken from ``chunks`` only when an earlier one is handed back, so a slow
    chunk holds back the submissions, not the memory. ``as_completed()`` makes
    a queue like :class:`distributed.as_completed`: ``add(future)``, and
    iteration yields futures as they finish until none is left.
    """
    source = iter(chunks)
    queue = as_completed()
    inputs: dict[int, T] = {}
    index: dict[int, tuple[int, Any]] = {}  # id(future) -> (position, future)
    finished: dict[int, Any] = {}
    submitted = handed_back = 0

    def top_up() -> None:
        nonlocal submitted
        while submitted - handed_back < window:
            chunk = next(source, _END)
            if chunk is _END:
                return
            future = submit(chunk)
            inputs[submitted] = chunk
            index[id(future)] = (submitted, future)
            submitted += 1
            queue.add(future)

    top_up()
    for future in queue:
        position, _ = index.pop(id(future))
        finished[position] = future
        ready = []
        while handed_back in finished:
            ready.append((inputs.pop(handed_back), finished.pop(handed_back)))
            handed_back += 1
        top_up()  # before handing back, so the workers stay busy meanwhile
        yield from ready


_END: Any = object()
