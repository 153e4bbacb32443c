"""Checks of knowledge/office_holders.tsv: well-formed rows and a sample of facts."""
import datetime

import pycountry
import pytest

from lagebild.datafiles import read_table

PATH = "knowledge/office_holders.tsv"
IGO_CODES = {"UN", "NATO", "EU", "IMF", "WHO", "IAEA"}
SECTORS = {"GOV", "MIL", "IGO"}
# Feminine office nouns whose masculine form is not simply the noun without "-in".
FEMININE = {
    "Hohe Vertreterin": "Hoher Vertreter",
    "Geschäftsführende Direktorin": "Geschäftsführender Direktor",
    "Präsidentin (kommissarisch)": "Präsident (kommissarisch)",
    "Sprecherin des Außenministeriums": "Sprecher des Außenministeriums",
}


def rows():
    return read_table(PATH, 8)


def parse_date(text):
    return datetime.date.fromisoformat(text.removesuffix("~"))


def masculine(office):
    if office in FEMININE:
        return FEMININE[office]
    return office[:-2] if office.endswith("in") else office


def holders(code, office, on):
    """Names of the persons holding `office` (masculine or feminine noun) of `code` on date `on`."""
    day = datetime.date.fromisoformat(on)
    found = []
    for _id, name, _variants, row_code, _sector, row_office, start, end in rows():
        if row_code != code or masculine(row_office) != masculine(office):
            continue
        if parse_date(start) <= day and (end == "-" or day < parse_date(end)):
            found.append(name)
    return found


def test_rows_are_well_formed():
    assert len(rows()) > 700
    for row in rows():
        row_id, name, variants, code, sector, office, start, end = row
        assert name and office, row
        assert variants == "-" or all(v.strip() for v in variants.split("|")), row
        assert row_id == name or row_id.startswith(name) or "(" in row_id, row
        assert code in IGO_CODES or pycountry.countries.get(alpha_3=code) is not None, row
        assert sector in SECTORS, row
        begin = parse_date(start)
        if end != "-":
            assert begin <= parse_date(end), row


def test_ids_are_unique():
    ids = [row[0] for row in rows()]
    assert len(ids) == len(set(ids))


def test_a_person_has_one_name_and_one_variant_list():
    seen = {}
    for row_id, name, variants, *_ in rows():
        person = row_id.split("#")[0]
        assert seen.setdefault(person, (name, variants)) == (name, variants), row_id


@pytest.mark.parametrize(
    "code, office, on, name",
    [
        ("USA", "Präsident", "2022-03-01", "Joe Biden"),
        ("USA", "Präsident", "2018-06-01", "Donald Trump"),
        ("USA", "Präsident", "2025-06-01", "Donald Trump"),
        ("USA", "Präsident", "2025-01-20", "Donald Trump"),
        ("USA", "Präsident", "2025-01-19", "Joe Biden"),
        ("USA", "Vizepräsident", "2015-01-01", "Joe Biden"),
        ("USA", "Außenminister", "2021-01-26", "Antony Blinken"),
        ("USA", "Außenminister", "2025-01-19", "Antony Blinken"),
        ("USA", "Außenminister", "2021-01-25", None),
        ("USA", "Sprecher des Außenministeriums", "2022-01-10", "Ned Price"),
        ("DEU", "Bundeskanzler", "2022-06-01", "Olaf Scholz"),
        ("DEU", "Bundeskanzler", "2025-06-01", "Friedrich Merz"),
        ("DEU", "Bundeskanzler", "2025-05-06", "Friedrich Merz"),
        ("DEU", "Bundeskanzler", "2025-05-05", "Olaf Scholz"),
        ("DEU", "Bundeskanzler", "2005-11-22", "Angela Merkel"),
        ("DEU", "Bundeskanzler", "2021-12-07", "Angela Merkel"),
        ("DEU", "Bundeskanzler", "2005-11-21", "Gerhard Schröder"),
        ("DEU", "Außenminister", "2021-12-08", "Annalena Baerbock"),
        ("DEU", "Außenminister", "2025-05-05", "Annalena Baerbock"),
        ("DEU", "Außenminister", "2025-05-06", "Johann Wadephul"),
        ("DEU", "Sprecher", "2015-01-01", "Steffen Seibert"),
        ("RUS", "Außenminister", "2004-03-09", "Sergej Lawrow"),
        ("RUS", "Außenminister", "2004-03-08", "Igor Iwanow"),
        ("RUS", "Außenminister", "2024-01-01", "Sergej Lawrow"),
        ("RUS", "Präsident", "2010-01-01", "Dmitri Medwedew"),
        ("RUS", "Präsident", "2014-01-01", "Wladimir Putin"),
        ("RUS", "Sprecher", "2022-03-01", "Dmitri Peskow"),
        ("UKR", "Präsident", "2019-05-20", "Wolodymyr Selenskyj"),
        ("UKR", "Präsident", "2019-05-19", "Petro Poroschenko"),
        ("GBR", "Premierminister", "2022-10-25", "Rishi Sunak"),
        ("GBR", "Premierminister", "2024-07-04", "Rishi Sunak"),
        ("GBR", "Premierminister", "2024-07-05", "Keir Starmer"),
        ("GBR", "Premierminister", "2022-10-01", "Liz Truss"),
        ("GBR", "König", "2022-09-09", "Charles III"),
        ("GBR", "König", "2010-01-01", "Elizabeth II"),
        ("FRA", "Präsident", "2017-05-14", "Emmanuel Macron"),
        ("FRA", "Präsident", "2017-05-13", "François Hollande"),
        ("TUR", "Präsident", "2014-08-28", "Recep Tayyip Erdoğan"),
        ("TUR", "Ministerpräsident", "2003-03-14", "Recep Tayyip Erdoğan"),
        ("TUR", "Ministerpräsident", "2014-08-27", "Recep Tayyip Erdoğan"),
        ("TUR", "Ministerpräsident", "2003-03-13", "Abdullah Gül"),
        ("ISR", "Ministerpräsident", "2009-03-31", "Benjamin Netanjahu"),
        ("ISR", "Ministerpräsident", "2021-06-12", "Benjamin Netanjahu"),
        ("ISR", "Ministerpräsident", "2021-06-13", "Naftali Bennett"),
        ("ISR", "Ministerpräsident", "2022-12-29", "Benjamin Netanjahu"),
        ("ISR", "Ministerpräsident", "1998-01-01", "Benjamin Netanjahu"),
        ("NATO", "Generalsekretär", "2024-10-01", "Mark Rutte"),
        ("NATO", "Generalsekretär", "2014-10-01", "Jens Stoltenberg"),
        ("NATO", "Generalsekretär", "2024-09-30", "Jens Stoltenberg"),
        ("UN", "Generalsekretär", "2017-01-01", "António Guterres"),
        ("UN", "Generalsekretär", "2016-12-31", "Ban Ki-moon"),
        ("EU", "Kommissionspräsident", "2019-12-01", "Ursula von der Leyen"),
        ("EU", "Kommissionspräsident", "2019-11-30", "Jean-Claude Juncker"),
        ("EU", "Hoher Vertreter", "2025-01-01", "Kaja Kallas"),
        ("CHN", "Präsident", "2020-01-01", "Xi Jinping"),
        ("JPN", "Ministerpräsident", "2015-01-01", "Shinzō Abe"),
        ("IND", "Premierminister", "2020-01-01", "Narendra Modi"),
        ("SAU", "König", "2020-01-01", "Salman bin Abdul Aziz"),
        ("SAU", "Kronprinz", "2020-01-01", "Mohammed bin Salman"),
        ("IRN", "Präsident", "2010-01-01", "Mahmud Ahmadinedschad"),
        ("SYR", "Präsident", "2015-01-01", "Baschar al-Assad"),
        ("POL", "Ministerpräsident", "2024-06-01", "Donald Tusk"),
        ("BRA", "Präsident", "2024-06-01", "Luiz Inácio Lula da Silva"),
    ],
)
def test_office_holder_on_date(code, office, on, name):
    assert holders(code, office, on) == ([name] if name else [])


def test_one_holder_per_head_of_state_or_government_office():
    """No two persons hold the same head-of-state/government office on the same day."""
    offices = {"Präsident", "Bundeskanzler", "Premierminister", "Ministerpräsident", "König"}
    for row in rows():
        code, office, start = row[3], masculine(row[5]), row[6]
        if office in offices:
            assert len(holders(code, office, start.removesuffix("~"))) == 1, row
