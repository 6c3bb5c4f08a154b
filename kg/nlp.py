"""The spaCy pipeline: a trained English model plus kg's own components.

Components (registered here, added by :func:`load_pipeline`):

- ``kg_line_breaks`` (stateless): a line break always ends a sentence, so a
  heading or a bullet is never glued onto the next sentence.
- ``kg_gazetteer`` (factory): an EntityRuler before the statistical NER, with
  patterns from :mod:`kg.gazetteer` (countries, regions, organisations, big
  cities), so the small model's known mistakes on those names are fixed.
- ``kg_entity_rules`` (stateless): rules after NER for what the small model
  gets wrong: a title before a name makes a Person; facilities are places;
  possessives and a leading "the" are trimmed; fragments of title-case
  headings are dropped unless the gazetteer knows them.
- ``kg_triggers`` (factory): token patterns over lemmas that mark event triggers
  (visit, meet, call, sign, …) in ``doc.spans["kg_triggers"]``; patterns are
  data in ``kg/data/event_triggers.json``.
"""

from __future__ import annotations

import json
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .data import data_lines, data_text
from .errors import Errors, KgError
from .matcher import IndexedMatcher
from .settings import DEFAULT_MODEL, MODEL_ENV, model_name  # noqa: F401  (kg.nlp.model_name is public)

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}


@lru_cache(maxsize=1)
def titles() -> tuple[frozenset[str], frozenset[str]]:
    """(all title words/phrases in lower case, the leader titles among them)."""
    everything, leaders = set(), set()
    for line in data_lines("titles.tsv"):
        phrase, _, kind = line.partition("\t")
        everything.add(phrase.lower())
        if kind.strip() == "leader":
            leaders.add(phrase.lower())
    return frozenset(everything), frozenset(leaders)


@Language.component("kg_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text or token.text.endswith("\n"):
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory("kg_gazetteer")
def make_gazetteer_ruler(nlp: Language, name: str):
    """An EntityRuler filled from :mod:`kg.gazetteer` (see its ``patterns``)."""
    from spacy.pipeline import EntityRuler

    from .gazetteer import load_gazetteer

    ruler = EntityRuler(nlp, name=name, overwrite_ents=True)
    # Phrase patterns go through spaCy's PhraseMatcher, several times faster than
    # thousands of token patterns; a name's tokens joined by spaces re-tokenise to
    # the same ORTH sequence, so the matches are the same.
    # add_patterns runs the phrases through the pipeline's components (all but
    # the last, as the ruler is not in the pipeline yet); matching on ORTH needs
    # only the tokenizer, and this takes start-up from 1.3 s to 0.04 s.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(
            [{**p, "pattern": " ".join(t["ORTH"] for t in p["pattern"])} for p in load_gazetteer().patterns()]
        )
    return ruler


def _is_heading(sent: Span) -> bool:
    """Title-case lines without final punctuation (headings, bullets, menus)."""
    words = [t for t in sent if t.is_alpha]
    if not words or sent.text.rstrip()[-1:] in ".!?\"”’":
        return False
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return len(words) <= 14 and capitalised / len(words) >= 0.6


@Language.component(
    "kg_entity_rules", requires=["doc.ents", "token.dep"], assigns=["doc.ents"]
)
def entity_rules(doc: Doc) -> Doc:
    from .extract.entities import fix_entities

    doc.ents = fix_entities(doc, is_heading=_is_heading)
    return doc


class TriggerMatcher:
    """Marks event triggers: ``doc.spans["kg_triggers"]`` labelled by event type."""

    def __init__(self, nlp: Language, name: str, patterns_file: str):
        self.name = name
        # (spaCy's Matcher tried every pattern at every token: 8× the time, the same matches)
        self.matcher = IndexedMatcher(nlp.vocab)
        for event_type, patterns in json.loads(data_text(patterns_file)).items():
            self.matcher.add(event_type, patterns)

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        spans = spacy.util.filter_spans(spans)
        doc.spans["kg_triggers"] = sorted(spans, key=lambda s: s.start)
        return doc


@Language.factory(
    "kg_triggers",
    default_config={"patterns_file": "event_triggers.json"},
    requires=["token.lemma", "token.pos"],
    assigns=["doc.spans"],
)
def make_trigger_matcher(nlp: Language, name: str, patterns_file: str) -> TriggerMatcher:
    return TriggerMatcher(nlp, name, patterns_file)


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load the spaCy model and add kg's components (cached per model name)."""
    name = model_name(model)
    try:
        nlp = spacy.load(name, exclude=["textcat"])
    except OSError:
        raise KgError(Errors.E008.format(model=name)) from None
    _index_attribute_rules(nlp)
    nlp.add_pipe("kg_line_breaks", before="parser")
    nlp.add_pipe("kg_gazetteer", before="ner")
    nlp.add_pipe("kg_entity_rules", after="ner")
    nlp.add_pipe("kg_triggers", last=True)
    return nlp


def _index_attribute_rules(nlp: Language) -> None:
    """Swap the model's AttributeRuler for kg's, which gives the same matches faster.

    See :mod:`kg.attribute_ruler`: the same rules, looked up by tag and word
    instead of scanned at every token (15 % of the stock pipeline's time).
    """
    from spacy.pipeline import AttributeRuler

    from . import attribute_ruler  # noqa: F401  (registers the kg_attribute_ruler factory)

    for name, component in list(nlp.pipeline):
        if type(component) is AttributeRuler:
            patterns = component.patterns
            nlp.replace_pipe(name, "kg_attribute_ruler").add_patterns(patterns)
