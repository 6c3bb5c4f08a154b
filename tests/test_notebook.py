"""notebooks/explore_seeds.ipynb runs top to bottom on the seeds in a fresh kernel.

The kernel is ipykernel's ``python3`` for the Python running the tests: its
kernelspec is written to a temporary ``JUPYTER_PATH`` (which wins over any
user or system ``python3`` kernel), so the test needs nothing but
``pip install -e '.[test]'``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from ipykernel.kernelspec import write_kernel_spec
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "explore_seeds.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The notebook after running every cell, with the notebook folder as working directory."""
    home = tmp_path_factory.mktemp("jupyter")
    write_kernel_spec(home / "kernels" / "python3")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JUPYTER_PATH", str(home))
        env.setenv("JUPYTER_RUNTIME_DIR", str(home / "runtime"))
        env.setenv("IPYTHONDIR", str(home / "ipython"))  # no user profile or startup files
        env.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(NOTEBOOK.parent)}})
        client.execute()  # raises CellExecutionError on the first failing cell
    return notebook


def test_kernelspec_is_this_python(tmp_path):
    write_kernel_spec(tmp_path / "python3")
    spec = json.loads((tmp_path / "python3" / "kernel.json").read_text(encoding="utf-8"))
    assert spec["argv"][0] == sys.executable


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert notebook.metadata.kernelspec.name == "python3"


def test_every_cell_runs_without_errors(executed):
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code)
    errors = [out for cell in code for out in cell.outputs if out.output_type == "error"]
    assert errors == []


def test_known_outputs(executed):
    assert "KnowledgeGraph: " in _text(executed, "build", "text/plain")
    visits = _text(executed, "visits", "text/html")
    assert "<table" in visits and "Vladimir Putin" in visits and "New Delhi" in visits
    assert "Narendra Modi" in _text(executed, "leaders", "text/html")
    assert "Vladimir Putin" in _text(executed, "centrality", "text/html")
    assert "2025-12-04" in _text(executed, "timeline", "text/html")
    assert "Vladimir Putin" in _text(executed, "path", "text/html")
    assert _text(executed, "show", "text/html").startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')


def _text(notebook, tag: str, mime: str) -> str:
    """The ``mime`` output of the cell tagged ``tag``."""
    (cell,) = [c for c in notebook.cells if tag in c.metadata.get("tags", [])]
    found = [out.data[mime] for out in cell.outputs if mime in out.get("data", {})]
    assert found, f"cell {tag!r} has no {mime} output"
    return found[0]
