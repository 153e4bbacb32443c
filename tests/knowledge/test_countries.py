"""Checks of the country and place tables under lagebild/knowledge/."""
from __future__ import annotations

import collections
import re

import pycountry
import pytest

from lagebild.datafiles import read_table

COUNTRIES = "knowledge/countries.tsv"
PLACES = "knowledge/places.tsv"
EXTRA_CODES = {"XKX"}  # Kosovo: user-assigned, not in ISO 3166-1
NAME_COLUMNS = {1: "name_de", 2: "name_en", 3: "names", 4: "adjectives", 5: "demonyms", 6: "seats"}


def countries():
    return read_table(COUNTRIES, 7)


def places():
    return read_table(PLACES, 4)


def split(field):
    return [] if field == "-" else field.split("|")


def is_valid_code(code):
    return code in EXTRA_CODES or pycountry.countries.get(alpha_3=code) is not None


def country_names():
    """Every string in columns 2-7 of countries.tsv, mapped to the set of codes it names."""
    owners = collections.defaultdict(set)
    for row in countries():
        for column in NAME_COLUMNS:
            for name in split(row[column]):
                owners[name].add(row[0])
    return owners


def test_countries_codes_are_valid_iso_alpha3():
    invalid = [row[0] for row in countries() if not is_valid_code(row[0])]
    assert not invalid, f"not ISO 3166-1 alpha-3: {invalid}"


def test_countries_cover_un_members_and_extras():
    codes = {row[0] for row in countries()}
    assert len(codes) >= 197
    assert {"XKX", "PSE", "TWN", "VAT", "DEU", "USA", "RUS", "UKR"} <= codes


def test_countries_fields_are_never_empty():
    empty = [(row[0], i) for row in countries() for i, field in enumerate(row) if not field]
    assert not empty, f"empty fields (write '-'): {empty}"


def test_countries_names_map_to_one_code_only():
    duplicates = {name: sorted(codes) for name, codes in country_names().items() if len(codes) > 1}
    assert not duplicates, f"names mapping to more than one country: {duplicates}"


def test_countries_names_column_does_not_repeat_main_names():
    repeated = [(row[0], name) for row in countries() for name in split(row[3]) if name in (row[1], row[2])]
    assert not repeated, f"names repeating name_de/name_en: {repeated}"


def test_countries_alternatives_have_no_stray_whitespace():
    bad = [
        (row[0], name)
        for row in countries()
        for column in NAME_COLUMNS
        for name in split(row[column])
        if not name or name != name.strip() or "  " in name
    ]
    assert not bad, f"empty or badly spaced alternatives: {bad}"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russland", "RUS"),
        ("Russlands", "RUS"),
        ("Vereinigten Staaten", "USA"),
        ("USA", "USA"),
        ("Kreml", "RUS"),
        ("Weißen Haus", "USA"),
        ("Kyjiw", "UKR"),
        ("Downing Street", "GBR"),
        ("Élysée", "FRA"),
        ("Peking", "CHN"),
        ("Teheran", "IRN"),
        ("Türkei", "TUR"),
        ("Belarus", "BLR"),
        ("Weißrussland", "BLR"),
        ("Nordkorea", "PRK"),
        ("Kongo", "COD"),
        ("Republik Kongo", "COG"),
        ("Georgia", "GEO"),
        ("russisch", "RUS"),
        ("Ukrainer", "UKR"),
        ("Deutsche", "DEU"),
    ],
)
def test_countries_required_entry_maps_to_code(name, code):
    assert country_names().get(name) == {code}


def test_countries_bare_korea_is_left_out():
    assert "Korea" not in country_names()


# A German adjective stem: lower case (after an optional acronym prefix such as "US-"),
# ending in -sch (every German country adjective does), so no inflection ending.
GERMAN_STEM = re.compile(r"^(?:[A-Z]{2,3}-)?[a-zäöüßéèáíóúãõç-]+sch$")


def test_countries_adjective_stems_are_lower_case_without_ending():
    bad = []
    for row in countries():
        for adjective in split(row[4]):
            if adjective[0].isupper() and not re.match(r"^[A-Z]{2,3}-[a-zäöü]", adjective):
                continue  # an English adjective, capitalised
            if not GERMAN_STEM.match(adjective) or adjective.endswith(("e", "en", "er", "es", "em")):
                bad.append((row[0], adjective))
    assert not bad, f"German adjective stems must be lower case and end without inflection: {bad}"


def test_countries_english_adjectives_are_capitalised():
    bad = [
        (row[0], adjective)
        for row in countries()
        for adjective in split(row[4])
        if not adjective[0].isupper() and not GERMAN_STEM.match(adjective)
    ]
    assert not bad, f"adjectives neither a German stem nor a capitalised English word: {bad}"


def test_places_codes_are_valid_iso_alpha3():
    # "-" marks a region of several states (a continent, "Nahost"): no code
    invalid = [(row[0], row[2]) for row in places() if not is_valid_code(row[2])
               and not (row[2] == "-" and row[1] == "REGION")]
    assert not invalid, f"not ISO 3166-1 alpha-3: {invalid}"


def test_places_kinds_are_region_or_city():
    bad = [(row[0], row[1]) for row in places() if row[1] not in {"REGION", "CITY"}]
    assert not bad, f"kind must be REGION or CITY: {bad}"


def test_places_has_enough_rows():
    assert len(places()) >= 250


def test_places_variants_do_not_repeat_other_keys():
    keys = {row[0] for row in places()}
    bad = [(row[0], v) for row in places() for v in split(row[3]) if v in keys and v != row[0]]
    assert not bad, f"variants repeating another row's key: {bad}"


def test_places_names_map_to_one_code_only():
    owners = collections.defaultdict(set)
    for row in places():
        for name in [row[0], *split(row[3])]:
            owners[name].add(row[2])
    duplicates = {name: sorted(codes) for name, codes in owners.items() if len(codes) > 1}
    assert not duplicates, f"place names mapping to more than one country: {duplicates}"


def test_places_do_not_contradict_countries():
    known = country_names()
    clashes = {
        name: (row[2], sorted(known[name]))
        for row in places()
        for name in [row[0], *split(row[3])]
        if name in known and known[name] != {row[2]}
    }
    assert not clashes, f"place names that countries.tsv gives to another country: {clashes}"


@pytest.mark.parametrize(
    ("name", "code"),
    [("Bayern", "DEU"), ("Krim", "UKR"), ("Gazastreifen", "PSE"), ("Bergkarabach", "AZE"), ("Charkiw", "UKR")],
)
def test_places_required_entry_maps_to_code(name, code):
    assert {row[0]: row[2] for row in places()}.get(name) == code
