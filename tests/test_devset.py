"""Development and held-out sets: articles that are not the seeds, with their own gold files.

The seeds score 1.0 and say little about other news. ``tests/data/dev/`` (25
articles; 015–025 were annotated before kg was run on them) is what rules are
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
    # the six newest articles (020–025: a tour, an arms deal, a video-call readout, a visit recap, a bloc summit,
    # a leadership change) pull the whole set down (25 articles: entities 0.912, relations 0.919, events 0.781 / 0.781);
    # the first 19 alone rose to entities 0.923, relations 0.937, events 0.851
    "dev": {"entities": 0.91, "relations": 0.91, "events_relaxed": 0.77, "events_strict": 0.77},
    "holdout": {"entities": 0.89, "relations": 0.66, "events_relaxed": 0.44, "events_strict": 0.40},
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
