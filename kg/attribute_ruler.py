"""The model's ``attribute_ruler``, with its rules looked up instead of scanned.

spaCy's :class:`~spacy.pipeline.AttributeRuler` runs all its rules through one
:class:`~spacy.matcher.Matcher`, which tries every rule at every token. The
English pipelines have 179 rules (tag → POS and morphology, then exceptions for
particular words: "'s", pronouns, "gonna" …), and that scan took 13-15 % of the
stock pipeline's time on the bench corpus, more than kg's own components.
Every pattern of those rules names a value some token must have (a tag, a
lowercase form, a dependency), so :class:`IndexedAttributeRuler` files each
pattern under that value and, at a token, tries only the patterns filed under
the token's values: 5-6× less time for the same matches. Patterns it cannot
read (operators, other attributes or predicates) still go through a
:class:`~spacy.matcher.Matcher`. The matches, and so the annotations, are
spaCy's (``tests/test_attribute_ruler.py`` compares them; a build of 436
bench, dev and seed articles writes the same bytes either way).
:func:`kg.nlp.load_pipeline` puts it in the model's ``attribute_ruler`` place.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> ruler = nlp.add_pipe("kg_attribute_ruler")
>>> ruler.add([[{"LOWER": "minister"}]], {"LEMMA": "minister"})
>>> [t.lemma_ for t in nlp("Minister Ana Ruiz")]
['minister', '', '']
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

__all__ = ["IndexedAttributeRuler"]

# The token attributes a rule may test here, as columns of Doc.to_array; a rule
# pattern is filed under the first of them it gives a value (or values) for.
_COLUMNS = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
_FLAGS = {"IS_SPACE"}

# A test on one token: (column, allowed values or None, refused values or None, regex or None)
_Test = tuple[int, "frozenset[int] | None", "frozenset[int] | None", "re.Pattern[str] | None"]
# A rule pattern: (rule number, match id, offset of the token it is filed under, tests per
# token, or None for one token with nothing to test beyond the value it is filed under)
_Entry = tuple[int, int, int, "tuple[tuple[_Test, ...], ...] | None"]


class IndexedAttributeRuler(AttributeRuler):
    """An :class:`~spacy.pipeline.AttributeRuler` that finds the same matches faster."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._index: _Index | None = None

    def add(self, patterns: Any, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._index = None  # built again, with the new rule, at the next match

    def clear(self) -> None:
        super().clear()
        self._index = None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``(rule number, match id, start, end)`` sorted, as :meth:`AttributeRuler.match`."""
        if self._index is None:
            self._index = _Index(self)
        return self._index.match(doc)


class _Index:
    """The rules' patterns filed by a value one of their tokens must have."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.strings = ruler.vocab.strings
        self.columns = list(_COLUMNS.values())
        filed: dict[int, dict[int, list[_Entry]]] = {c: defaultdict(list) for c in range(len(self.columns))}
        self.everywhere: list[_Entry] = []  # patterns with no value to file them under: tried at every token
        self.rest = Matcher(ruler.vocab, validate=False)  # patterns this index cannot read
        for number, rule in enumerate(ruler.patterns):
            key = self.strings.add(str(number))
            read = [_read_pattern(pattern, self.strings) for pattern in rule["patterns"]]
            if any(tests is None for tests in read):
                self.rest.add(key, rule["patterns"])
                continue
            for tests in read:
                filed_under = _filed_under(tests)
                if filed_under is None:
                    self.everywhere.append((number, key, 0, tests))
                else:
                    offset, column, values = filed_under
                    # the value it is filed under need not be tested again; nothing left to test
                    # for a one-token pattern that only names the value (most of them: tag → POS)
                    left = tuple(tuple(t for t in token if token_at != offset or t[0] != column)
                                 for token_at, token in enumerate(tests))  # fmt: skip
                    entry = (number, key, offset, left if len(left) > 1 or left[0] else None)
                    for value in values:
                        filed[column][value].append(entry)
        self.filed = [(column, entries) for column, entries in filed.items() if entries]
        self.regex_results: dict[tuple[re.Pattern[str], int], bool] = {}

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        found: set[tuple[int, int, int, int]] = set()
        if len(self.rest):
            found.update((int(self.strings[key]), key, start, end) for key, start, end in self.rest(doc, allow_missing=True))
        rows = doc.to_array(self.columns).tolist()
        for i, row in enumerate(rows):
            for column, entries in self.filed:
                for number, key, offset, tests in entries.get(row[column], ()):
                    if tests is None:
                        found.add((number, key, i, i + 1))
                        continue
                    start = i - offset
                    if start >= 0 and self._fits(rows, start, tests):
                        found.add((number, key, start, start + len(tests)))
            for number, key, _, tests in self.everywhere:
                if self._fits(rows, i, tests):
                    found.add((number, key, i, i + len(tests)))
        return sorted(found)

    def _fits(self, rows: list[list[int]], start: int, tests: tuple[tuple[_Test, ...], ...]) -> bool:
        if start + len(tests) > len(rows):
            return False
        for row, token_tests in zip(rows[start:], tests):
            for column, allowed, refused, regex in token_tests:
                value = row[column]
                if allowed is not None and value not in allowed:
                    return False
                if refused is not None and value in refused:
                    return False
                if regex is not None and not self._search(regex, value):
                    return False
        return True

    def _search(self, regex: re.Pattern[str], value: int) -> bool:
        result = self.regex_results.get((regex, value))
        if result is None:
            result = self.regex_results[(regex, value)] = regex.search(self.strings[value]) is not None
        return result


def _read_pattern(pattern: list, strings: Any) -> tuple[tuple[_Test, ...], ...] | None:
    """The tests of a Matcher pattern, token by token, or None if this index cannot read it.

    It reads patterns without operators whose tokens test only the attributes
    in :data:`_COLUMNS`, with a value, ``IN``, ``NOT_IN`` or ``REGEX``.
    """
    read = []
    for token in pattern:
        if not token or any(name not in _COLUMNS for name in token):
            return None
        tests = []
        for name, spec in token.items():
            test = _read_value(spec, strings, flag=name in _FLAGS)
            if test is None:
                return None
            tests.append((list(_COLUMNS).index(name), *test))
        read.append(tuple(tests))
    return tuple(read) or None


def _read_value(spec: Any, strings: Any, flag: bool) -> tuple[Any, Any, Any] | None:
    """``(allowed, refused, regex)`` for a pattern value, or None for one not handled here.

    A flag (``IS_SPACE``) takes True or False (1 or 0 in its column); the
    other attributes take strings (their hashes in the column, "" being 0).
    """
    if flag:
        return (frozenset({int(spec)}), None, None) if isinstance(spec, bool) else None
    if isinstance(spec, str):
        return frozenset({strings.add(spec)}), None, None
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, values),) = spec.items()
        if op in ("IN", "NOT_IN") and isinstance(values, list) and all(isinstance(v, str) for v in values):
            hashes = frozenset(strings.add(v) for v in values)
            return (hashes, None, None) if op == "IN" else (None, hashes, None)
        if op == "REGEX" and isinstance(values, str):
            return None, None, re.compile(values)
    return None


def _filed_under(tests: tuple[tuple[_Test, ...], ...]) -> tuple[int, int, frozenset[int]] | None:
    """``(token offset, column, values)``: the first token test that names the values allowed."""
    for column in range(len(_COLUMNS)):
        for offset, token_tests in enumerate(tests):
            for test in token_tests:
                if test[0] == column and test[1] is not None:
                    return offset, column, test[1]
    return None


@Language.factory(
    "kg_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Any) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)
