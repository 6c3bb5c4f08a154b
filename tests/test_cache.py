"""kg.cache: values derived from the packaged datasets, kept on disk between processes."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

from kg import cache
from kg.cache import cached


def _counting_build(calls: list[int], value):
    def build():
        calls.append(1)
        return value

    return build


def test_second_call_reads_what_the_first_built(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    assert cached("thing", ["v1"], _counting_build(calls, {"a": (1, 2)})) == {"a": (1, 2)}
    assert cached("thing", ["v1"], _counting_build(calls, "other")) == {"a": (1, 2)}
    assert len(calls) == 1
    assert [p.name.startswith("thing-") for p in tmp_path.iterdir()] == [True]


def test_anything_it_depends_on_changing_builds_again(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    cached("thing", ["v1", b"data"], _counting_build(calls, 1))
    assert cached("thing", ["v1", b"data changed"], _counting_build(calls, 2)) == 2
    assert cached("thing", ["v2", b"data"], _counting_build(calls, 3)) == 3
    assert len(calls) == 3


def test_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    calls: list[int] = []
    cached("thing", ["v1"], _counting_build(calls, 1))
    cached("thing", ["v1"], _counting_build(calls, 1))
    assert len(calls) == 2 and cache.cache_dir() is None
    assert list(tmp_path.iterdir()) == []


def test_default_folder_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "kg"


def test_a_damaged_file_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    cached("thing", ["v1"], lambda: [1, 2, 3])
    (stored,) = tmp_path.iterdir()
    stored.write_bytes(b"\x80\x05not a pickle")
    assert cached("thing", ["v1"], lambda: [4]) == [4]
    assert pickle.loads(stored.read_bytes()) == [4]  # and stored again


def test_an_unwritable_folder_costs_nothing_but_the_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "kg"))
    assert cached("thing", ["v1"], lambda: "built") == "built"


def test_gazetteer_from_the_cache_is_the_built_one(tmp_path):
    # two fresh processes: the first builds and stores, the second reads the pickle
    script = (
        "import time; from kg.gazetteer import load_gazetteer as g; t = time.perf_counter(); gaz = g(); "
        "print(round(time.perf_counter() - t, 3), gaz.lookup('Paris').key, gaz.lookup('United Nations').key, "
        "len(gaz.patterns()))"
    )
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path)}
    outputs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout.split()
               for _ in range(2)]  # fmt: skip
    assert outputs[0][1:] == outputs[1][1:]
    # one gazetteer and one list of its spaCy patterns, written by the first process only
    assert sorted(p.name.rsplit("-", 1)[0] for p in tmp_path.glob("*.pickle")) == ["gazetteer", "gazetteer-patterns"]
