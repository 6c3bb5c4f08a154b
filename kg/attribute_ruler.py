"""The model's ``attribute_ruler``, with its rules looked up instead of scanned.

spaCy's :class:`~spacy.pipeline.AttributeRuler` runs all its rules through one
:class:`~spacy.matcher.Matcher`, which tries every rule at every token. The
English pipelines have 179 rules (tag → POS and morphology, then exceptions for
particular words: "'s", pronouns, "gonna" …), and that scan took 13-15 % of the
stock pipeline's time on the bench corpus, more than kg's own components.
:class:`IndexedAttributeRuler` finds the same matches with an
:class:`~kg.matcher.IndexedMatcher`, which tries at a token only the rules
filed under its tag, word or dependency: 5-6× less time. The annotations are
spaCy's (``tests/test_attribute_ruler.py`` compares the matches; a build of
436 bench, dev and seed articles writes the same bytes either way).
:func:`kg.nlp.load_pipeline` puts it in the model's ``attribute_ruler`` place.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> ruler = nlp.add_pipe("kg_attribute_ruler")
>>> ruler.add([[{"LOWER": "minister"}]], {"LEMMA": "minister"})
>>> [t.lemma_ for t in nlp("Minister Ana Ruiz")]
['minister', '', '']
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from .matcher import IndexedMatcher

__all__ = ["IndexedAttributeRuler"]


class IndexedAttributeRuler(AttributeRuler):
    """An :class:`~spacy.pipeline.AttributeRuler` that finds the same matches faster."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._index: IndexedMatcher | None = None

    def add(self, patterns: Any, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._index = None  # built again, with the new rule, at the next match

    def clear(self) -> None:
        super().clear()
        self._index = None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``(rule number, match id, start, end)`` sorted, as :meth:`AttributeRuler.match`."""
        if self._index is None:
            self._index = IndexedMatcher(self.vocab)
            for number, rule in enumerate(self.patterns):
                self._index.add(str(number), rule["patterns"])
        strings = self.vocab.strings
        return sorted((int(strings[key]), key, start, end) for key, start, end in self._index(doc))


@Language.factory(
    "kg_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Any) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)
