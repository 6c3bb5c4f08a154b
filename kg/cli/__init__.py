"""The ``kg`` command line: a thin layer over :mod:`kg.api`.

Each command lives in its own module under ``kg/cli/`` and registers itself on
the one :data:`app`. Data goes to stdout, messages to stderr; a
:class:`kg.errors.KgError` becomes ``Error: …`` and exit code 1.
"""

from ._app import app  # noqa: F401
from . import build, evaluate, query, stats, store, viz  # noqa: F401,E402  (each registers its commands)
