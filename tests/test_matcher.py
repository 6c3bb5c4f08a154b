"""kg's IndexedMatcher finds exactly the matches of spaCy's Matcher."""

from __future__ import annotations

import doctest
import json

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

import kg.matcher
from kg.data import data_text
from kg.matcher import IndexedMatcher
from kg.nlp import load_pipeline

WORDS = ["Ana", "visited", "Zorbia", "and", "met", "the", "minister", ";", "the", "visit", "ended", " ", "."]
LEMMAS = ["Ana", "visit", "Zorbia", "and", "meet", "the", "minister", ";", "the", "visit", "end", " ", "."]
POS = ["PROPN", "VERB", "PROPN", "CCONJ", "VERB", "DET", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "SPACE", "PUNCT"]


@pytest.fixture(scope="module")
def doc():
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=WORDS, lemmas=LEMMAS, pos=POS, spaces=[True] * 10 + [False] * 3)


@pytest.mark.parametrize("patterns", [
    [[{"LEMMA": {"IN": ["visit", "meet"]}, "POS": "VERB"}]],
    [[{"LEMMA": "visit", "POS": {"NOT_IN": ["VERB"]}}]],
    [[{"POS": "DET"}, {"LOWER": {"REGEX": "^(minister|visit)$"}}]],  # filed under the second token's word
    [[{"ORTH": "Zorbia"}], [{"LOWER": "zorbia"}]],                    # two patterns, one match
    [[{"POS": "PROPN"}, {"LEMMA": "visit"}, {"POS": "PROPN"}]],
    [[{"LOWER": {"REGEX": "^[a-z]+ed$"}}]],                          # no value to file it under
    [[{"IS_SPACE": True}]],
    [[{"LOWER": "the"}, {"LOWER": "visit"}, {"LOWER": "ended"}, {"LOWER": "again"}]],  # runs past the end
    [[{"LEMMA": "visit", "OP": "?"}, {"POS": "PROPN"}]],              # an operator: spaCy's Matcher does it
    [[{"ENT_TYPE": "GPE"}]],                                          # an attribute it does not read: the same
])
def test_the_same_matches_as_spacys_matcher(doc, patterns):
    spacy_matcher, indexed = Matcher(doc.vocab), IndexedMatcher(doc.vocab)
    for matcher in (spacy_matcher, indexed):
        matcher.add("FIRST", [[{"LOWER": "the"}]])
        matcher.add("SECOND", patterns)
    assert sorted(indexed(doc)) == sorted(spacy_matcher(doc))


def test_matches_come_by_start_end_and_the_order_keys_were_added(doc):
    matcher = IndexedMatcher(doc.vocab)
    matcher.add("B", [[{"LEMMA": "visit"}]])
    matcher.add("A", [[{"LOWER": "visit"}], [{"POS": "DET"}, {"LEMMA": "visit"}]])
    found = [(doc.vocab.strings[key], start, end) for key, start, end in matcher(doc)]
    assert found == [("B", 1, 2), ("A", 8, 10), ("B", 9, 10), ("A", 9, 10)]
    assert len(matcher) == 2


def test_the_event_trigger_patterns_give_the_same_matches_on_parsed_text():
    nlp = load_pipeline()
    text = ("The president will travel to Zorbia next week and meet its prime minister. "
            "The two leaders spoke by phone on Monday; a phone call followed the talks. "
            "She headed to the summit, where ministers signed an agreement at a signing ceremony.")  # fmt: skip
    with nlp.select_pipes(disable=["kg_triggers"]):
        parsed = nlp(text)
    spacy_matcher, indexed = Matcher(nlp.vocab), IndexedMatcher(nlp.vocab)
    for event_type, patterns in json.loads(data_text("event_triggers.json")).items():
        spacy_matcher.add(event_type, patterns)
        indexed.add(event_type, patterns)
    expected = spacy_matcher(parsed)
    assert len(expected) >= 8
    assert sorted(indexed(parsed)) == sorted(expected)


def test_doctests():
    result = doctest.testmod(kg.matcher)
    assert result.attempted > 0 and result.failed == 0
