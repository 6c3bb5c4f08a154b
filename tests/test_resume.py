"""kg build --store --resume continues an interrupted build without duplicating or losing documents."""

from __future__ import annotations

import pyoxigraph as ox
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()

ARTICLES = {
    "a.txt": "Chancellor Olaf Scholz visited Madrid on March 3 for talks with Pedro Sanchez.\n",
    "b.txt": "President Emmanuel Macron will travel to Tokyo in April, officials in Paris said.\n",
    "c.txt": "Scholz later met President Emmanuel Macron in Berlin.\n",
}


def _quads(store_dir) -> set[str]:
    store = ox.Store.read_only(str(store_dir))
    return {str(q) for q in store}


def _write(folder, names):
    folder.mkdir()
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder


def test_resume_adds_only_what_is_missing(tmp_path):
    everything = _write(tmp_path / "all", ARTICLES)
    clean = tmp_path / "clean"
    assert runner.invoke(app, ["build", str(everything), "--store", str(clean)]).exit_code == 0

    # an interrupted build: only the first document made it into the store
    partial = tmp_path / "partial"
    assert runner.invoke(app, ["build", str(everything / "a.txt"), "--store", str(partial)]).exit_code == 0

    result = runner.invoke(app, ["build", str(everything), "--store", str(partial), "--resume"])
    assert result.exit_code == 0, result.stderr
    assert "1 documents already in the store were skipped" in result.stderr
    assert "2 documents added" in result.stderr
    assert _quads(partial) == _quads(clean)


def test_resume_when_everything_is_there_changes_nothing(tmp_path):
    everything = _write(tmp_path / "all", ARTICLES)
    store = tmp_path / "store"
    assert runner.invoke(app, ["build", str(everything), "--store", str(store)]).exit_code == 0
    before = _quads(store)
    result = runner.invoke(app, ["build", str(everything), "--store", str(store), "--resume"])
    assert result.exit_code == 0, result.stderr
    assert "3 documents already in the store were skipped" in result.stderr
    assert _quads(store) == before
