"""The gazetteer: countries, cities, subdivisions, regions and organisations."""

from __future__ import annotations

import pycountry
import pytest
import spacy

from kg import gazetteer
from kg.gazetteer import GazEntry, _read_tsv, load_gazetteer
from kg.keys import entity_key


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_load_is_cached(gaz):
    assert load_gazetteer() is gaz
    assert len(gaz) > 10_000


@pytest.mark.parametrize("surface", ["Russia", "Russian Federation", "russia", "RUSSIA", "Russia's"])
def test_russia(gaz, surface):
    entry = gaz.lookup(surface)
    assert entry.key == "country:ru"
    assert (entry.type, entry.label) == ("Country", "Russia")
    assert entry.ids[0] == ("iso3166", "RU")


@pytest.mark.parametrize(
    "surface", ["U.S.", "US", "USA", "U.S.A.", "United States", "the United States", "The United States", "America"]
)
def test_united_states_forms(gaz, surface):
    assert gaz.lookup(surface).key == entity_key("Country", "United States", external_id="US") == "country:us"


@pytest.mark.parametrize("surface", ["us", "Us", "who", "it", "IT", "", "   "])
def test_words_are_not_acronyms(gaz, surface):
    assert gaz.lookup(surface) is None


def test_acronyms_match_in_capitals(gaz):
    assert gaz.lookup("UK").key == gaz.lookup("Britain").key == "country:gb"
    assert gaz.lookup("WHO").label == "World Health Organization"
    assert gaz.lookup("EU").label == "European Union"
    assert gaz.lookup("Nato").key == gaz.lookup("NATO").key  # title case from four letters on


def test_news_short_names(gaz):
    assert gaz.lookup("South Korea").key == "country:kr"
    assert gaz.lookup("North Korea").key == gaz.lookup("DPRK").key == "country:kp"
    assert gaz.lookup("Iran").label == "Iran"
    assert gaz.lookup("Türkiye").key == gaz.lookup("Turkey").key == "country:tr"
    assert gaz.lookup("Côte d'Ivoire").label == "Ivory Coast"
    assert gaz.lookup("Czechia").key == gaz.lookup("Czech Republic").key
    assert gaz.lookup("Holland").label == "Netherlands"
    assert gaz.lookup("Congo").key == "country:cd"
    assert gaz.lookup("Kosovo").type == "Country"
    assert gaz.lookup("Korea") is None  # ambiguous


def test_washington_is_the_capital(gaz):
    entry = gaz.lookup("Washington")
    assert (entry.key, entry.type, entry.label) == ("city:4140963", "City", "Washington")
    assert entry.capital_of == "US" and entry.country == "US"
    assert gaz.lookup("Washington, D.C.") == entry
    assert gaz.capital("US") == entry
    assert gaz.lookup("Washington", types={"Place"}).key == "place:us-wa"


def test_new_delhi_and_delhi(gaz):
    new_delhi = gaz.lookup("New Delhi")
    assert new_delhi.capital_of == "IN" and new_delhi.key == "city:1261481"
    assert gaz.capital("in") == new_delhi
    delhi = gaz.lookup("Delhi")
    assert delhi.type == "City" and delhi.key != new_delhi.key


def test_cities_win_over_subdivisions(gaz):
    moscow = gaz.lookup("Moscow")
    assert (moscow.type, moscow.key, moscow.capital_of) == ("City", "city:524901", "RU")
    assert gaz.lookup("Moscow Oblast").type == "Place"
    assert gaz.lookup("New York").type == "City"
    assert gaz.lookup("Georgia").type == "Country"


def test_city_aliases(gaz):
    assert gaz.lookup("Kiev").label == "Kyiv"
    assert gaz.lookup("Bombay").label == "Mumbai"
    assert gaz.lookup("St. Petersburg").country == "RU"
    assert gaz.lookup("Odessa").country == "UA"
    assert gaz.lookup("Islamabad").country == "PK"


def test_tamil_nadu(gaz):
    entry = gaz.lookup("Tamil Nadu")
    assert (entry.type, entry.label, entry.country, entry.key) == ("Place", "Tamil Nadu", "IN", "place:in-tn")
    assert gaz.lookup("Tamil Nādu") == entry
    assert gaz.country_of(entry).label == "India"
    assert gaz.lookup("Punjab").country == "IN"  # the more populous country's


def test_generic_subdivision_names_are_left_out(gaz):
    assert gaz.lookup("Central") is None
    assert gaz.lookup("Northern") is None


def test_regions(gaz):
    europe = gaz.lookup("Europe")
    assert (europe.type, europe.key) == ("Place", "place:europe")
    assert ("geonames", "6255148") in europe.ids
    assert gaz.lookup("the Arctic").label == "Arctic"
    assert gaz.lookup("the Global South").label == "Global South"
    assert gaz.lookup("Eurasia").type == "Place"
    assert gaz.lookup("Gaza Strip").country == "PS"


def test_nato_members(gaz):
    nato = gaz.lookup("NATO")
    assert (nato.type, nato.label) == ("Organization", "NATO")
    assert {"US", "GB", "TR", "FI", "SE"} <= gaz.members(nato.key)
    assert "RU" not in gaz.members(nato.key)
    assert len(gaz.members(nato.key)) == 32
    assert nato.key in gaz.memberships("us")
    assert gaz.members("organization:kremlin") == frozenset()


def test_metonymic_institutions(gaz):
    kremlin = gaz.lookup("the Kremlin")
    assert (kremlin.type, kremlin.label, kremlin.country) == ("Organization", "Kremlin", "RU")
    assert gaz.lookup("White House").country == "US"
    assert gaz.lookup("Reuters").type == "Organization"


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Russian", "Russia"),
        ("Indian", "India"),
        ("Indians", "India"),
        ("American", "United States"),
        ("Americans", "United States"),
        ("British", "United Kingdom"),
        ("Chinese", "China"),
        ("French", "France"),
        ("Saudi", "Saudi Arabia"),
    ],
)
def test_demonyms(gaz, word, country):
    assert gaz.demonym(word).label == country


def test_unknown_demonyms(gaz):
    assert gaz.demonym("European") is None
    assert gaz.demonym("Korean") is None


def test_country_helpers(gaz):
    india = gaz.country_by_iso2("in")
    assert india.label == "India" and india.key == "country:in"
    assert gaz.country_of(india) is None
    assert gaz.is_country_name("India") and gaz.is_country_name("the U.S.")
    assert not gaz.is_country_name("Moscow")
    assert gaz.get("country:in") is india
    assert gaz.get("country:zz") is None
    assert gaz.country_by_iso2("ZZ") is None


def test_candidates_are_ranked(gaz):
    found = gaz.candidates("Washington")
    assert found[0].key == "city:4140963"
    assert len({e.key for e in found}) == len(found) > 1
    assert gaz.candidates("Washington", types={"Country"}) == ()


def test_module_functions_use_the_shared_gazetteer(gaz):
    assert gazetteer.lookup("Russia") is gaz.lookup("Russia")
    assert gazetteer.demonym("Indian").key == "country:in"
    assert gazetteer.capital("RU").label == "Moscow"
    assert gazetteer.country_by_iso2("RU").label == "Russia"
    assert gazetteer.country_of(gaz.lookup("Moscow")).label == "Russia"
    assert gazetteer.is_country_name("Russia")
    assert "RU" in gazetteer.members("organization:brics")


def test_entries_are_frozen(gaz):
    entry = gaz.lookup("India")
    assert isinstance(entry, GazEntry)
    with pytest.raises(AttributeError):
        entry.label = "Bharat"


def test_patterns_shape(gaz):
    patterns = gaz.patterns()
    assert len(patterns) > 1000
    assert {p["label"] for p in patterns} <= {"GPE", "LOC", "ORG", "FAC"}
    for p in patterns:
        assert p["id"] and gaz.get(p["id"]) is not None
        assert all(set(tok) == {"ORTH"} for tok in p["pattern"])
    texts = {tuple(t["ORTH"] for t in p["pattern"]) for p in patterns}
    assert ("Jordan",) not in texts  # also a given name
    assert ("Tamil", "Nadu") in texts


def test_patterns_tag_a_blank_pipeline(gaz):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(gaz.patterns())
    doc = nlp("The Kremlin said NATO met in Tamil Nadu.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Kremlin", "ORG", "organization:kremlin"),
        ("NATO", "ORG", "organization:nato"),
        ("Tamil Nadu", "GPE", "place:in-tn"),
    ]
    doc = nlp("Officials from the U.S. and Russia met in New Delhi and the Arctic.")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [
        ("U.S.", "country:us"),
        ("Russia", "country:ru"),
        ("New Delhi", "city:1261481"),
        ("Arctic", "place:arctic"),
    ]


# --- the curated data files ---------------------------------------------------


def _names(row, *columns):
    return [row[columns[0]], *[a for c in columns[1:] for a in (row[c] or "").split("|") if a]]


def test_curated_country_names_resolve(gaz):
    for row in _read_tsv("country_aliases.tsv"):
        key = "country:" + row["iso2"].lower()
        for name in _names(row, "label", "aliases"):
            assert gaz.lookup(name).key == key, name
        for word in (row["demonyms"] or "").split("|"):
            if word:
                assert gaz.demonym(word).key == key, word


def test_curated_organisations_and_regions_resolve(gaz):
    for file, type_ in (("organizations.tsv", "Organization"), ("regions.tsv", "Place")):
        for row in _read_tsv(file):
            for name in _names(row, "label", "aliases"):
                entry = gaz.lookup(name)
                assert (entry.type, entry.label) == (type_, row["label"]), name
            if row.get("country"):
                assert gaz.country_by_iso2(row["country"]) is not None, row


def test_members_are_known_countries(gaz):
    for row in _read_tsv("organizations.tsv"):
        for code in (row["members"] or "").split("|"):
            if code:
                assert gaz.country_by_iso2(code) is not None, (row["label"], code)
    assert gaz.members("organization:european-union") <= gaz.members("organization:nato") | {
        "AT", "CY", "IE", "MT",
    }  # fmt: skip
    assert len(gaz.members("organization:european-union")) == 27


def test_curated_cities_exist(gaz):
    for row in _read_tsv("city_aliases.tsv"):
        entry = gaz.get("city:" + row["geonameid"])
        assert entry is not None and entry.label == row["label"], row
        for name in _names(row, "label", "aliases"):
            assert gaz.lookup(name) == entry, name


def test_curated_subdivisions_exist(gaz):
    codes = {s.code for s in pycountry.subdivisions}
    for row in _read_tsv("subdivision_aliases.tsv"):
        assert row["code"] in codes, row
        if row["label"] != "-":
            assert gaz.get(entity_key("Place", row["label"], external_id=row["code"])) is not None, row


def test_keys_are_entity_keys(gaz):
    for entry in gaz:
        if entry.type == "City":
            assert entry.key == entity_key("City", entry.label, external_id=entry.ids[0][1])
        elif entry.type == "Country":
            assert entry.key == entity_key("Country", entry.label, external_id=entry.ids[0][1])
