"""Development and held-out sets: articles that are not the seeds, with their own gold files.

The seeds score 1.0 and say little about other news. ``tests/data/dev/`` (53
articles; 015–053 were annotated before kg was run on them) is what rules are
developed against; ``tests/data/holdout/`` (4
articles, annotated by someone who had not seen the extractor's output) is
not looked at while developing, so its score is the honest estimate for
unseen news. The floors sit just under what each set measures (README,
"Quality on other news"), so a rule that helps one set but hurts the other
shows up here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import api
from kg.evaluate import evaluate

DATA = Path(__file__).resolve().parent / "data"
FLOORS = {
    # the measured scores rounded down to two decimals; how they moved, round by round, is in docs/quality.md.
    # Dev (59 articles) measured 0.897, 0.923, 0.769 / 0.763 after the rounds on articles 048–053 and 054–059.
    "dev": {"entities": 0.89, "relations": 0.92, "events_relaxed": 0.76, "events_strict": 0.76},
    "holdout": {"entities": 0.89, "relations": 0.69, "events_relaxed": 0.54, "events_strict": 0.54},
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scores(request, tmp_path_factory):
    folder = DATA / request.param
    out = tmp_path_factory.mktemp(request.param) / "graph.trig"
    api.write(api.build_corpus([folder]), out)
    return request.param, evaluate(folder / "gold", out).scores()


@pytest.mark.parametrize("task", ["entities", "relations", "events_relaxed", "events_strict"])
def test_floor(scores, task):
    name, measured = scores
    assert measured[task].f1 >= FLOORS[name][task], (name, measured[task].to_dict())
