"""A token Matcher that files its patterns by the values they name, instead of trying each at every token.

spaCy's :class:`~spacy.matcher.Matcher` tries every pattern at every token, so
its cost grows with the number of patterns: the model's attribute ruler (179
patterns) took 13-15 % of the stock pipeline's time on the bench corpus. Most
patterns name a value some token must have ("the lemma is one of visit, tour,
trip", "the tag is NN"): :class:`IndexedMatcher` files each pattern under
those values and, at a token, tries only the patterns filed under the token's
own values. It finds the same matches as spaCy's Matcher for the patterns it
reads (no operators; the attributes in :data:`COLUMNS`; a value, ``IN``,
``NOT_IN`` or ``REGEX``) and hands the others to a spaCy Matcher.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> matcher = IndexedMatcher(nlp.vocab)
>>> matcher.add("VISIT", [[{"LOWER": {"IN": ["visit", "trip"]}}], [{"LOWER": "state"}, {"LOWER": "visit"}]])
>>> doc = nlp("A state visit and a trip")
>>> [(nlp.vocab.strings[key], doc[start:end].text) for key, start, end in matcher(doc)]
[('VISIT', 'state visit'), ('VISIT', 'visit'), ('VISIT', 'trip')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["COLUMNS", "IndexedMatcher"]

#: The token attributes a pattern read here may test, as columns of ``Doc.to_array``,
#: in the order a pattern is filed under them (the most telling value first).
COLUMNS = {"LOWER": LOWER, "LEMMA": LEMMA, "ORTH": ORTH, "TAG": TAG, "DEP": DEP, "POS": POS, "IS_SPACE": IS_SPACE}
_FLAGS = {"IS_SPACE"}

# A test on one token: (column, allowed values or None, refused values or None, regex or None)
_Test = tuple[int, "frozenset[int] | None", "frozenset[int] | None", "re.Pattern[str] | None"]
# A filed pattern: (match id, offset of the token it is filed under, tests per token,
# or None for one token with nothing to test beyond the value it is filed under)
_Entry = tuple[int, int, "tuple[tuple[_Test, ...], ...] | None"]


class IndexedMatcher:
    """Token patterns filed by the values they name; called on a Doc, the matches of spaCy's Matcher."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._filed: list[dict[int, list[_Entry]]] = [defaultdict(list) for _ in COLUMNS]
        self._everywhere: list[_Entry] = []  # patterns naming no value: tried at every token
        self._rest = Matcher(vocab, validate=False)  # patterns not read here
        self._order: dict[int, int] = {}  # match id -> when it was first added
        self._regex_results: dict[tuple[re.Pattern[str], int], bool] = {}

    def __len__(self) -> int:
        return len(self._order)

    def add(self, key: str | int, patterns: list[list[dict[str, Any]]]) -> None:
        """Add ``patterns`` (spaCy Matcher patterns) under ``key``, as ``Matcher.add``."""
        match_id = self.vocab.strings.add(key) if isinstance(key, str) else key
        self._order.setdefault(match_id, len(self._order))
        read = [_read_pattern(pattern, self.vocab.strings) for pattern in patterns]
        if any(tests is None for tests in read):
            self._rest.add(match_id, patterns)
            return
        for tests in read:
            filed_under = _filed_under(tests)
            if filed_under is None:
                self._everywhere.append((match_id, 0, tests))
                continue
            offset, column, values = filed_under
            # the value a pattern is filed under need not be tested again; a one-token
            # pattern that only names that value has nothing left to test
            left = tuple(tuple(t for t in token if at != offset or t[0] != column) for at, token in enumerate(tests))
            entry = (match_id, offset, left if len(left) > 1 or left[0] else None)
            for value in values:
                self._filed[column][value].append(entry)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(match id, start, end)`` of every match, by start, end and the order keys were added."""
        found: set[tuple[int, int, int]] = set()
        if len(self._rest):
            found.update(self._rest(doc, allow_missing=True))
        filed = [(column, entries) for column, entries in enumerate(self._filed) if entries]
        rows = doc.to_array(list(COLUMNS.values())).tolist()
        for i, row in enumerate(rows):
            for column, entries in filed:
                for match_id, offset, tests in entries.get(row[column], ()):
                    if tests is None:
                        found.add((match_id, i, i + 1))
                        continue
                    start = i - offset
                    if start >= 0 and self._fits(rows, start, tests):
                        found.add((match_id, start, start + len(tests)))
            for match_id, _, tests in self._everywhere:
                if self._fits(rows, i, tests):
                    found.add((match_id, i, i + len(tests)))
        return sorted(found, key=lambda m: (m[1], m[2], self._order[m[0]]))

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
        result = self._regex_results.get((regex, value))
        if result is None:
            result = self._regex_results[(regex, value)] = regex.search(self.vocab.strings[value]) is not None
        return result


def _read_pattern(pattern: list, strings: Any) -> tuple[tuple[_Test, ...], ...] | None:
    """The tests of a Matcher pattern, token by token, or None if it is not read here."""
    read = []
    for token in pattern:
        if not token or any(name not in COLUMNS for name in token):
            return None
        tests = []
        for name, spec in token.items():
            test = _read_value(spec, strings, flag=name in _FLAGS)
            if test is None:
                return None
            tests.append((list(COLUMNS).index(name), *test))
        read.append(tuple(tests))
    return tuple(read) or None


def _read_value(spec: Any, strings: Any, flag: bool) -> tuple[Any, Any, Any] | None:
    """``(allowed, refused, regex)`` for a pattern value, or None for one not read here.

    A flag (``IS_SPACE``) takes True or False (1 or 0 in its column); the
    other attributes take strings (their hashes in the column, "" being 0;
    a part of speech's hash is its symbol, as in the column).
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
    """``(token offset, column, values)``: the first test, by column, that names the values allowed."""
    for column in range(len(COLUMNS)):
        for offset, token_tests in enumerate(tests):
            for test in token_tests:
                if test[0] == column and test[1] is not None:
                    return offset, column, test[1]
    return None
