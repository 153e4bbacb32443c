"""The organization and role-noun tables of lagebild/knowledge/: well-formed, codes and
sectors from the codebook, one organization per written name, and the entries the actor
coding relies on."""
from __future__ import annotations

import collections

import pytest

from lagebild.datafiles import read_table

ORGANIZATIONS = "knowledge/organizations.tsv"
ROLES = "knowledge/roles.tsv"

# CODEBOOK.md section 3
SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "MED", "BUS", "CVL", "NGO", "REL", "IGO"}


def organizations():
    return read_table(ORGANIZATIONS, 5)


def roles():
    return read_table(ROLES, 4)


def names_of(row):
    name, _code, _sector, _kind, names = row
    return [name] + ([] if names == "-" else [n.strip() for n in names.split("|")])


def organization_for(form):
    found = [row for row in organizations() if form in names_of(row)]
    assert len(found) == 1, f"{form!r} names {len(found)} organizations"
    return found[0]


def test_tables_are_large_enough():
    assert len(organizations()) >= 150
    assert len(roles()) >= 200


def test_organization_fields():
    for row in organizations():
        name, code, sector, kind, names = row
        assert sector in SECTORS, row
        assert kind in ("ORG", "NOM"), row  # NOM: a body named by a common noun ("Bundesregierung")
        assert code and code == code.upper() and code.isalnum(), row
        assert names == "-" or all(n.strip() for n in names.split("|")), row


def test_no_name_in_two_organizations():
    owners = collections.defaultdict(set)
    for row in organizations():
        forms = names_of(row)
        assert len(forms) == len(set(forms)), f"{row[0]}: a name repeated in its own row"
        for form in forms:
            owners[form].add(row[0])
    shared = {form: sorted(rows) for form, rows in owners.items() if len(rows) > 1}
    assert not shared, f"names in more than one row: {shared}"


def test_role_fields():
    for word, sector, kind, gloss in roles():
        assert sector in SECTORS, word
        assert kind in {"PER", "ORG"}, word
        assert gloss, word
        assert word[:1].isupper() or word == word.lower() or word.isupper(), word


@pytest.mark.parametrize(
    "form, code, sector",
    [
        ("NATO", "NATO", "IGO"),
        ("Nato", "NATO", "IGO"),
        ("Nato-Bündnis", "NATO", "IGO"),
        ("Europäische Union", "EU", "IGO"),
        ("EU-Kommission", "EU", "IGO"),
        ("Europäisches Parlament", "EU", "LEG"),
        ("Vereinten Nationen", "UN", "IGO"),
        ("UN-Sicherheitsrat", "UN", "IGO"),
        ("OSZE", "OSCE", "IGO"),
        ("Internationale Atomenergiebehörde", "IAEA", "IGO"),
        ("IWF", "IMF", "IGO"),
        ("Internationalen Strafgerichtshof", "ICC", "JUD"),
        ("Arabische Liga", "ARL", "IGO"),
        ("Europarat", "COE", "IGO"),
        ("Bundeswehr", "DEU", "MIL"),
        ("Bundestag", "DEU", "LEG"),
        ("BND", "DEU", "SPY"),
        ("Bundesverfassungsgericht", "DEU", "JUD"),
        ("SPD", "DEU", "PTY"),
        ("Bündnis 90/Die Grünen", "DEU", "PTY"),
        ("Pentagon", "USA", "MIL"),
        ("Republikaner", "USA", "PTY"),
        ("Staatsduma", "RUS", "LEG"),
        ("Knesset", "ISR", "LEG"),
        ("Hamas", "PSE", "REB"),
        ("Hisbollah", "LBN", "REB"),
        ("Huthi-Miliz", "YEM", "REB"),
        ("PKK", "TUR", "REB"),
        ("Al Jazeera", "QAT", "MED"),
    ],
)
def test_required_organizations(form, code, sector):
    row = organization_for(form)
    assert (row[1], row[2]) == (code, sector)


def test_kreml_is_not_an_organization():
    assert not [row for row in organizations() if "Kreml" in names_of(row)]


@pytest.mark.parametrize(
    "word, sector, kind",
    [
        ("Außenminister", "GOV", "PER"),
        ("Außenministerin", "GOV", "PER"),
        ("Präsident", "GOV", "PER"),
        ("Regierung", "GOV", "ORG"),
        ("Armee", "MIL", "ORG"),
        ("Soldaten", "MIL", "PER"),
        ("Streitkräften", "MIL", "ORG"),
        ("Polizei", "COP", "ORG"),
        ("Geheimdienst", "SPY", "ORG"),
        ("Demonstranten", "CVL", "ORG"),
        ("Staatsanwaltschaft", "JUD", "ORG"),
        ("Parlament", "LEG", "ORG"),
        ("Rebellen", "REB", "ORG"),
        ("Opposition", "OPP", "ORG"),
        ("foreign minister", "GOV", "PER"),
        ("protesters", "CVL", "ORG"),
    ],
)
def test_required_roles(word, sector, kind):
    found = [row for row in roles() if row[0] == word]
    assert len(found) == 1, word
    assert found[0][1:3] == (sector, kind)


@pytest.mark.parametrize(
    "form, code, sector",
    [
        ("FC Bayern München", "DEU", "BUS"),
        ("Bayern München", "DEU", "BUS"),
        ("BVB", "DEU", "BUS"),
        ("Deutsche Telekom", "DEU", "BUS"),
        ("VW", "DEU", "BUS"),
        ("Red Bull Salzburg", "AUT", "BUS"),
        ("Real Madrid", "ESP", "BUS"),
        ("DFB", "DEU", "NGO"),
        ("Fifa", "FIFA", "NGO"),
        ("NZZ", "CHE", "MED"),
        ("RTL", "DEU", "MED"),
        ("„Welt“", "DEU", "MED"),
        ("NEOS", "AUT", "PTY"),
        ("Fünf-Sterne-Bewegung", "ITA", "PTY"),
        ("EVP", "EU", "PTY"),
        ("RKI", "DEU", "GOV"),
        ("Max-Planck-Gesellschaft", "DEU", "CVL"),
    ],
)
def test_companies_media_clubs_parties_research(form, code, sector):
    row = organization_for(form)
    assert (row[1], row[2]) == (code, sector)


@pytest.mark.parametrize(
    "word", ["Bayern", "Welt", "Die Welt", "Die Zeit", "Zeit", "Stern", "Presse", "Post", "Bahn", "Sky",
             "Premiere", "Arena", "Safran", "Ergo", "Borussia", "Eintracht", "Fortuna"])
def test_common_words_name_no_organization(word):
    assert not [row for row in organizations() if word in names_of(row)]


def test_no_organization_is_named_by_a_place_name():
    """A club or company is named by its own form ("Bayern München"), never by the bare
    name of its town or state, which places.tsv already claims."""
    places = set()
    for name, _kind, _code, variants in read_table("knowledge/places.tsv", 4):
        places.add(name)
        places.update(v.strip() for v in variants.split("|") if variants != "-")
    shared = sorted({form for row in organizations() for form in names_of(row)} & places)
    assert not shared, shared
