"""Imported once by the process kg's local dask cluster forks its workers from.

``kg build --workers N`` starts its workers with multiprocessing's
*forkserver* method and has the server import this module first (see
:func:`kg.parallel.preload_workers`): spaCy, kg's extraction code and the
pipeline named in ``$KG_WORKER_MODEL`` are loaded there once, and every
worker forked from it starts with them in memory, instead of importing spaCy
and loading the model itself (about 2.5 CPU-seconds a worker).
"""

from __future__ import annotations

import logging
import os

from .settings import WORKER_MODEL_ENV

# A worker's log lines go to the user's terminal, and kg says itself what went wrong,
# one line each (a document that failed, a missing model). dask's workers also log
# races of a closing cluster, traceback and all ("Failed to communicate with scheduler
# during heartbeat"), which were seen at the end of builds that had succeeded.
logging.getLogger("distributed").setLevel(logging.CRITICAL)


def _preload(model: str | None) -> None:
    from . import api  # noqa: F401  (the workers' task runs kg.api.extract_documents)

    if model:
        from .nlp import load_pipeline

        load_pipeline(model)


try:
    _preload(os.environ.get(WORKER_MODEL_ENV))
except Exception:  # noqa: BLE001  (a missing model is reported by the first task, with kg's message)
    pass
