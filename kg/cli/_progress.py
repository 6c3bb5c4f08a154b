"""A progress bar on stderr for commands that go through documents."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn
from rich.text import Text

from ..parallel import count_documents
from ._app import err


class _RateColumn(ProgressColumn):
    """Documents per second since the start (model loading included: what a user waits for)."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        return Text(f"{rate:.1f} docs/s" if rate else "", style="progress.data.speed")


class _EtaColumn(ProgressColumn):
    """Time left at the average rate so far."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        if not rate or task.total is None:
            return Text("-:--:--", style="progress.remaining")
        seconds = int(max(0.0, task.total - task.completed) / rate)
        return Text(f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}", style="progress.remaining")


def _rate(task: Task) -> float | None:
    return task.completed / task.elapsed if task.completed and task.elapsed else None


@contextmanager
def document_progress(inputs: Iterable[Path]) -> Iterator[Callable[[int], None]]:
    """A ``progress(done)`` callback drawing documents done, rate and ETA on stderr.

    The total (for the bar and the ETA) is counted from the input files first
    (:func:`kg.parallel.count_documents`). Nothing is drawn when stderr is not
    a terminal, and the bar is gone once the block ends.
    """
    if not err.is_terminal:
        yield lambda done: None
        return
    total = count_documents(inputs) or None
    counter = MofNCompleteColumn() if total else TextColumn("{task.completed} documents")
    columns = [TextColumn("Extracting"), BarColumn(), counter, _RateColumn()]
    with Progress(*columns, *([_EtaColumn()] if total else []), console=err, transient=True) as bar:
        task = bar.add_task("extract", total=total)
        yield lambda done: bar.update(task, completed=done)
