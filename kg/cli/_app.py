"""The Typer app and the helpers every command shares."""

from __future__ import annotations

import functools
from typing import Callable

import typer
from rich.console import Console

from ..errors import KgError

app = typer.Typer(
    name="kg",
    help="Turn news articles into an RDF knowledge graph you can query, analyse and look at.",
    epilog="Exit codes: 0 done; 1 error (one 'Error:' line on stderr); 3 kg build wrote the graph but "
    "skipped some inputs (each named in a 'Warning:' line).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

err = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> None:
    """Print ``Error: message`` to stderr and stop with ``code``."""
    err.print(f"Error: {message}", markup=False)
    raise typer.Exit(code=code)


def warn(message: str) -> None:
    err.print(f"Warning: {message}", markup=False)


def handle_errors(func: Callable) -> Callable:
    """Turn library errors into one ``Error:`` line; never show a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except KgError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted", code=130)
        except (OSError, ValueError, RuntimeError) as exc:  # last line of defence
            fail(f"{type(exc).__name__}: {exc}")

    return wrapper
