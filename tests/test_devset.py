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
    # the six newest articles (026–031: a call readout, a minister's tour, a battery contract, a SADC summit, an
    # announced royal visit, a new prime minister called by title) pull the whole set down: 31 articles measured
    # entities 0.886, relations 0.880, events 0.707 / 0.695 with them, and 0.890, 0.891, 0.727 / 0.721 after
    # the rules written for them and the older misses; the round on recurring miss classes (titled leaders,
    # next summits, split names, short company names, last legs of trips) took them to 0.899, 0.912, 0.795 / 0.789;
    # the round on relation recall (trade told by shares, participles and nouns; site descriptions; deputies
    # standing in for leaders) to 0.904, 0.941, events unchanged. Six more articles (032–037: a three-country
    # tour, a call told by both sides, a bloc summit with new members, a chip supply deal, a trip announced for
    # next month, a new chancellor) pulled the 37 down to 0.893, 0.905, 0.741 / 0.731; the round on their misses
    # and the older ones (trips made for talks, second legs, summits in a city of the destination, sidelines,
    # datelines from two places, headline dates, short names in brackets, "headed by", bodies approving
    # members, regions in a country, places with particles, lunches attended, signings at the day's summit,
    # places near a city) took them to 0.898, 0.925, 0.801 / 0.796 (the first 31: 0.906, 0.944, 0.828 / 0.822).
    # Four more (038–041: a country joining NATO, an EU gas deal, an LNG deal, a frigate contract, written for
    # relations told in varied ways) measured 0.896, 0.902, 0.780 / 0.775 on all 41; the round on relation recall
    # (titles referring back to a bloc, conjoined titles, members listed without their bloc, places on or near
    # another, leaders a visitor meets at home, firms trading for their country, chosen builders) took relations
    # to 0.928, the rest unchanged. Six more (042–047: an African Union summit, a minister's visit told in the past
    # tense, a call told by one side, jets bought through companies, a postponed visit, a visit told by titles)
    # measured 0.908, 0.747, 0.667 / 0.617 alone and pulled all 47 to 0.892, 0.902, 0.762 / 0.750; the round on
    # their misses and the older ones (talks "discussed with" a visitor, a trip's purpose, "due in", invitations,
    # returns home, "the visitor", "the bloc's summit", deal partners, blocs that include, places of events) took
    # all 47 to 0.892, 0.909, 0.778 / 0.774 (042–047 alone 0.908, 0.795, 0.738 / 0.738); names ending in "House" as
    # sites, not the city they start with, to 0.895, 0.911, 0.789 / 0.785. Six more (048–053: a Gulf summit, jets
    # "agreed to buy from", a visitor named first by office, a call told by one side with a visit moved, frigates
    # and palaces, a border meeting told by offices) measured 0.904, 0.667, 0.265 / 0.261 alone and pulled all 53
    # to 0.893, 0.884, 0.729 / 0.724; the round on their misses (foreign site words, trade verbs read as nouns,
    # honorifics, offices named in the next sentence, purchases agreed, "whose leaders will meet", "was due to",
    # sidelines, "the Ruritanian leader", sites in a fronted city, rescheduled visits, states and their cities,
    # "both countries", leaders met at home, towns taken for people, "it" opening a sentence, passive sales,
    # memberships in conjoined clauses, "not invited but is due in", calls "by telephone with", later titles of
    # those offices, presidents where a prime minister is known) took all 53 to 0.897, 0.914, 0.783 / 0.780
    # (048–053 alone 0.930, 0.895, 0.727 / 0.727;
    # the first 47 0.895, 0.913, 0.792 / 0.788)
    "dev": {"entities": 0.89, "relations": 0.91, "events_relaxed": 0.78, "events_strict": 0.78},
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
