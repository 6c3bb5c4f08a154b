"""kg build through the command line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()

ARTICLE = (
    "Chancellor Olaf Scholz will visit Madrid on March 3 for talks with "
    "Spanish Prime Minister Pedro Sanchez, officials in Berlin said.\n"
)


def test_build_writes_graph_and_reports_on_stderr(tmp_path):
    (tmp_path / "a.txt").write_text("date 2025-02-20\n" + ARTICLE, encoding="utf-8")
    out = tmp_path / "g.jsonld"
    result = runner.invoke(app, ["build", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "Wrote" in result.stderr and "1 documents" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "Olaf Scholz" in json.dumps(data)


def test_build_skips_bad_input_and_exits_3(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(tmp_path), str(tmp_path / "missing.txt"), "--out", str(out)])
    assert result.exit_code == 3
    assert "empty.txt" in result.stderr and "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Olaf Scholz" in out.read_text(encoding="utf-8")


def test_build_with_nothing_readable_fails(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "g.trig")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("Error: [E004]")
    assert not (tmp_path / "g.trig").exists()


def test_build_rejects_unknown_output_format(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "g.xml")])
    assert result.exit_code == 1
    assert "Error: [E003]" in result.stderr


def test_unknown_model_is_one_error_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(
        app, ["build", str(tmp_path), "--out", str(tmp_path / "g.trig"), "--model", "no_such_model"]
    )
    assert result.exit_code == 1
    assert "Error: [E008]" in result.stderr and "Traceback" not in result.stderr
