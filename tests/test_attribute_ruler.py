"""kg's IndexedAttributeRuler finds exactly the matches of spaCy's AttributeRuler."""

from __future__ import annotations

import doctest

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

import kg.attribute_ruler
from kg.attribute_ruler import IndexedAttributeRuler
from kg.nlp import load_pipeline
from kg.settings import model_name

TEXTS = [
    # what the model's exceptions are about: contractions, slang, "there is", pronouns, spaces
    "I ain't gonna wait, y'all. Let's go: c'mon! She's gotta see 'em, nothin' else.\n\nThere are two of them.",
    "He said it was his and theirs, not ours; whom did they mean? There is no one there  who knows.",
    "The minister gets the report on Tuesday and got it signed. Who's in charge? It isn't clear.",
    "  \n  Ministers met in the capital.\n\n\n- They agreed to talk again.\t(Photo: agency)",
]


@pytest.fixture(scope="module")
def stock():
    nlp = spacy.load(model_name(), exclude=["textcat"])
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = [nlp(text) for text in TEXTS]
    return nlp, docs


def test_the_models_rules_give_the_same_matches(stock):
    nlp, docs = stock
    spacy_ruler = nlp.get_pipe("attribute_ruler")
    assert type(spacy_ruler) is AttributeRuler and len(spacy_ruler.patterns) > 100
    indexed = IndexedAttributeRuler(nlp.vocab, "indexed")
    indexed.add_patterns(spacy_ruler.patterns)
    special = 0
    for doc in docs:
        expected = spacy_ruler.match(doc)
        assert indexed.match(doc) == expected
        special += sum(1 for number, _, start, end in expected if number >= 56 or end - start > 1)
    assert special > 20  # the texts reach the exceptions, not only the tag table


def test_kg_pipeline_runs_it_in_the_models_place_with_the_models_rules(stock):
    nlp, _ = stock
    kg_nlp = load_pipeline()
    ruler = kg_nlp.get_pipe("attribute_ruler")
    assert type(ruler) is IndexedAttributeRuler
    assert ruler.patterns == nlp.get_pipe("attribute_ruler").patterns
    assert kg_nlp.pipe_names.index("attribute_ruler") == kg_nlp.pipe_names.index("parser") + 1


def _hand_made(nlp, words, tags, deps=None, spaces=None):
    doc = Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, deps=deps or ["dep"] * len(words),
              heads=list(range(len(words))))  # fmt: skip
    return doc


@pytest.mark.parametrize("patterns", [
    [[{"TAG": "NN"}]],                                      # filed under a tag, nothing else to test
    [[{"LOWER": {"IN": ["zorb", "quax"]}, "TAG": {"NOT_IN": ["VB", ""]}}]],
    [[{"LOWER": {"REGEX": "^z.r"}}]],                       # no value to file it under: tried everywhere
    [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]],  # two tokens, filed under the second's word
    [[{"LOWER": {"REGEX": "^q"}}, {"LOWER": "zorb"}]],
    [[{"IS_SPACE": True}]],
    [[{"LOWER": "zorb"}], [{"LOWER": {"IN": ["zorb"]}}]],   # two patterns matching the same token: one match
    [[{"LOWER": "zorb", "OP": "+"}]],                       # an operator: left to spaCy's Matcher
    [[{"ORTH": "Zorb"}]],                                   # an attribute it does not read: the same
])
def test_hand_made_rules_give_the_same_matches(patterns):
    nlp = spacy.blank("en")
    words = ["Zorb", "quax", "there", "is", "a", "zorb", " ", "Quax", "zorb", "zorb", "."]
    tags = ["NNP", "NN", "EX", "VBZ", "DT", "NN", "_SP", "VB", "NN", "NN", "."]
    deps = ["nsubj", "dobj", "expl", "ROOT", "det", "attr", "dep", "ROOT", "dobj", "dobj", "punct"]
    doc = _hand_made(nlp, words, tags, deps, spaces=[True] * 5 + [False] * 6)
    spacy_ruler, indexed = AttributeRuler(nlp.vocab), IndexedAttributeRuler(nlp.vocab)
    for ruler in (spacy_ruler, indexed):
        ruler.add([[{"TAG": "DT"}]], {"POS": "DET"})  # a rule before, so the numbers are not all 0
        ruler.add(patterns, {"LEMMA": "zorb"}, index=-1)
    expected = spacy_ruler.match(doc)
    assert len(expected) > 1
    assert indexed.match(doc) == expected


def test_a_rule_added_after_matching_is_used():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("kg_attribute_ruler")
    ruler.add([[{"LOWER": "zorb"}]], {"LEMMA": "zorb"})
    assert [t.lemma_ for t in nlp("zorb quax")] == ["zorb", ""]
    ruler.add([[{"LOWER": "quax"}]], {"LEMMA": "quax"})
    assert [t.lemma_ for t in nlp("zorb quax")] == ["zorb", "quax"]
    ruler.clear()
    assert [t.lemma_ for t in nlp("zorb quax")] == ["", ""]


def test_doctests():
    result = doctest.testmod(kg.attribute_ruler)
    assert result.attempted > 0 and result.failed == 0
