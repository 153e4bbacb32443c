"""Tests of the clean stage, on articles written for these tests."""
from __future__ import annotations

import pytest

from lagebild.document import Document
from lagebild.stages.clean import REASONS, clean, find_date


def run(text: str, **fields) -> Document:
    return clean(Document(raw=text, source_text=text, **fields))


def reasons(doc: Document) -> list[tuple[str, str]]:
    return [(r.text, r.reason) for r in doc.removed]


# A republished wire story with the structure of typical input: title, empty metadata
# line, body, agency tag, a lone ".", a source tag and a comment widget.
REPUBLISHED = """Scholz kündigt in Regierungserklärung neue Gespräche mit Polen über Grenzschutz an

Ausgegeben am:

Bundeskanzler Olaf Scholz will am Freitag mit dem polnischen Ministerpräsidenten über gemeinsame Kontrollen an der Oder sprechen.

Das Gespräch soll in Frankfurt an der Oder stattfinden, teilte ein Regierungssprecher in Berlin mit.

\u201eWir brauchen eine europäische Lösung\u201c, sagte Scholz im Bundestag.

(AFP)

.
source site-41

Leave a Reply"""

REPUBLISHED_TEXT = (
    "Scholz kündigt in Regierungserklärung neue Gespräche mit Polen über Grenzschutz an\n\n"
    "Bundeskanzler Olaf Scholz will am Freitag mit dem polnischen Ministerpräsidenten über "
    "gemeinsame Kontrollen an der Oder sprechen.\n\n"
    "Das Gespräch soll in Frankfurt an der Oder stattfinden, teilte ein Regierungssprecher in Berlin mit.\n\n"
    "\u201eWir brauchen eine europäische Lösung\u201c, sagte Scholz im Bundestag."
)


def test_republished_story_cleaned_exactly():
    doc = run(REPUBLISHED)
    assert doc.text == REPUBLISHED_TEXT
    assert doc.title == "Scholz kündigt in Regierungserklärung neue Gespräche mit Polen über Grenzschutz an"
    assert doc.agency == "AFP"
    assert doc.dateline is None
    assert doc.published is None
    assert doc.source == "site-41"
    assert reasons(doc) == [
        ("Ausgegeben am:", "metadata"),
        ("(AFP)", "agency"),
        (".", "separator"),
        ("source site-41", "source-tag"),
        ("Leave a Reply", "comment"),
    ]


# --- 1/8: normalisation, robustness -------------------------------------------------------

@pytest.mark.parametrize("source, text", [
    ("", ""),
    ("   \n\n\t \n", ""),
    ("Der Landtag tagt am Mittwoch.", "Der Landtag tagt am Mittwoch."),
    ("Der Landtag tagt am Mittwoch.   \n\n\n\n\nDie Opposition kündigte Widerstand an.  ",
     "Der Landtag tagt am Mittwoch.\n\nDie Opposition kündigte Widerstand an."),
    ("Der Landtag tagt am Mittwoch.\r\n\r\nDie Opposition kündigte Widerstand an.\r\n",
     "Der Landtag tagt am Mittwoch.\n\nDie Opposition kündigte Widerstand an."),
    ("\ufeffDer Landtag tagt am Mittwoch.\nDie Opposition kündigte Widerstand an.",
     "Der Landtag tagt am Mittwoch.\n\nDie Opposition kündigte Widerstand an."),
    # a hard-wrapped sentence is joined with a space
    ("Die Feuerwehr war mit mehr als hundert Einsatzkräften\nvor Ort und löschte den Brand.",
     "Die Feuerwehr war mit mehr als hundert Einsatzkräften vor Ort und löschte den Brand."),
])
def test_whitespace_normalised(source, text):
    doc = run(source)
    assert doc.text == text
    assert doc.removed == []
    assert doc.title is None and doc.agency is None and doc.dateline is None


def test_long_single_line_kept():
    line = "Die Verhandlungen in Genf dauerten bis in die Nacht. " * 2000
    doc = run(line)
    assert doc.text == line.strip()
    assert doc.removed == []


# --- 2: titles ----------------------------------------------------------------------------

@pytest.mark.parametrize("source, title, text", [
    ("Erdbeben erschüttert Westtürkei\n\nEin Erdbeben der Stärke 5,8 hat am Morgen die Provinz Izmir erschüttert.",
     "Erdbeben erschüttert Westtürkei",
     "Erdbeben erschüttert Westtürkei\n\nEin Erdbeben der Stärke 5,8 hat am Morgen die Provinz Izmir erschüttert."),
    # title followed directly by body text (no blank line)
    ("Wahl in Finnland: Konservative knapp vorn\nDie Konservativen haben die Parlamentswahl knapp gewonnen.",
     "Wahl in Finnland: Konservative knapp vorn",
     "Wahl in Finnland: Konservative knapp vorn\n\nDie Konservativen haben die Parlamentswahl knapp gewonnen."),
    # a question as title
    ("Kommt die Maut zurück?\n\nDer Verkehrsminister prüft eine neue Abgabe für Lastwagen.",
     "Kommt die Maut zurück?",
     "Kommt die Maut zurück?\n\nDer Verkehrsminister prüft eine neue Abgabe für Lastwagen."),
    # title and body run together, a dateline after the first sentence
    ("Rebellen melden Einnahme von Grenzstadt – Regierung dementiert. Khartum – Rebellen im "
     "Sudan haben nach eigenen Angaben die Stadt Al-Dschunaina eingenommen.",
     "Rebellen melden Einnahme von Grenzstadt – Regierung dementiert",
     "Rebellen melden Einnahme von Grenzstadt – Regierung dementiert. Khartum – Rebellen im "
     "Sudan haben nach eigenen Angaben die Stadt Al-Dschunaina eingenommen."),
    # a first line ending in a period is body text, not a title
    ("Die Regierung ist zurückgetreten.\n\nNeuwahlen sollen im Mai stattfinden.",
     None,
     "Die Regierung ist zurückgetreten.\n\nNeuwahlen sollen im Mai stattfinden."),
    # a single line is no title
    ("Waldbrände in Kanada", None, "Waldbrände in Kanada"),
    # an English title
    ("Flooding forces thousands to leave homes in Pakistan\n\nMore than 20,000 people were "
     "evacuated on Monday.",
     "Flooding forces thousands to leave homes in Pakistan",
     "Flooding forces thousands to leave homes in Pakistan\n\nMore than 20,000 people were evacuated on Monday."),
])
def test_title_detected(source, title, text):
    doc = run(source)
    assert doc.title == title
    assert doc.text == text


def test_title_given_by_caller_kept():
    source = "Streik legt Flughäfen lahm\n\nVerdi hat das Bodenpersonal zum Warnstreik aufgerufen."
    doc = run(source, title="Warnstreik: Flughäfen lahmgelegt")
    assert doc.title == "Warnstreik: Flughäfen lahmgelegt"
    assert doc.text == source


def test_title_given_by_caller_matches_first_line_that_ends_with_period():
    source = "Der Streik geht weiter.\nVerdi hat das Bodenpersonal erneut zum Warnstreik aufgerufen."
    doc = run(source, title="Der Streik geht weiter.")
    assert doc.title == "Der Streik geht weiter."
    assert doc.text == "Der Streik geht weiter.\n\nVerdi hat das Bodenpersonal erneut zum Warnstreik aufgerufen."


def test_title_label_removed():
    doc = run("EIL: Zentralbank senkt Leitzins\n\nDie Zentralbank hat den Leitzins um 0,25 Punkte gesenkt.")
    assert doc.title == "Zentralbank senkt Leitzins"
    assert doc.text == "Zentralbank senkt Leitzins\n\nDie Zentralbank hat den Leitzins um 0,25 Punkte gesenkt."
    assert reasons(doc) == [("EIL:", "label")]


# --- 3: metadata lines and the publication date ------------------------------------------

BODY = "Die Stadtwerke erhöhen zum 1. Januar die Preise für Fernwärme."
TITLE = "Fernwärme wird teurer"


@pytest.mark.parametrize("line, reason, published", [
    ("Ausgegeben am:", "metadata", None),
    ("Ausgegeben am: 30.12.2021", "metadata", "2021-12-30"),
    ("Veröffentlicht am 12. März 2022", "metadata", "2022-03-12"),
    ("Stand: 30.12.2021, 14:05 Uhr", "metadata", "2021-12-30"),
    ("Von Redaktion | 30.12.2021", "byline", "2021-12-30"),
    ("Von Anna Berger und Tim Roth", "byline", None),
    ("Published on December 30, 2021", "metadata", "2021-12-30"),
    ("Updated: 2021-12-30 09:15", "metadata", "2021-12-30"),
    ("By Jane Doe", "byline", None),
    ("Lesezeit: 3 Minuten", "reading-time", None),
    ("Nachrichten » Politik » Ausland", "breadcrumb", None),
    ("Startseite / Welt", "breadcrumb", None),
    ("site-12 – Aktuelle Nachrichten", "metadata", None),
    ("Donnerstag, 30. Dezember 2021", "metadata", "2021-12-30"),
])
def test_metadata_line_removed(line, reason, published):
    doc = run(f"{TITLE}\n\n{line}\n\n{BODY}")
    assert doc.text == f"{TITLE}\n\n{BODY}"
    assert doc.title == TITLE
    assert reasons(doc) == [(line, reason)]
    assert doc.published == published
    assert doc.published_from == ("metadata" if published else None)


def test_published_given_by_caller_kept():
    doc = run(f"{TITLE}\n\nVeröffentlicht am 12. März 2022\n\n{BODY}", published="2022-03-11",
              published_from="input")
    assert (doc.published, doc.published_from) == ("2022-03-11", "input")


def test_published_prefers_publication_over_update_line():
    doc = run(f"{TITLE}\n\nAktualisiert am 14.03.2022\n\nVeröffentlicht am 12.03.2022\n\n{BODY}")
    assert doc.published == "2022-03-12"


def test_date_heading_inside_body_kept():
    source = ("Als die Mauer fiel\n\nDie Grenzöffnung kam für viele überraschend.\n\n"
              "9. November 1989\n\nAm Abend drängten Tausende an die Übergänge.")
    doc = run(source)
    assert doc.text == source
    assert doc.removed == []


@pytest.mark.parametrize("text, iso", [
    ("30.12.2021", "2021-12-30"),
    ("30. Dezember 2021", "2021-12-30"),
    ("3. Jänner 2016", "2016-01-03"),
    ("2021-12-30", "2021-12-30"),
    ("December 30, 2021", "2021-12-30"),
    ("30 December 2021", "2021-12-30"),
    ("31.02.2021", None),
    ("keine Angabe", None),
])
def test_find_date_formats(text, iso):
    assert find_date(text) == iso


# --- 4: agency tags -------------------------------------------------------------------------

STORY = "Minenräumer im Hafen\n\nTaucher haben im Hafen von Odessa drei Seeminen entschärft."
STORY_TEXT = STORY


@pytest.mark.parametrize("tag, agency", [
    ("(AFP)", "AFP"),
    ("(dpa)", "dpa"),
    ("(dpa/AFP)", "dpa/AFP"),
    ("APA/Reuters", "APA/Reuters"),
    ("AFP/jub", "AFP"),
    ("(Reuters)", "Reuters"),
    ("(dpa, rtr)", "dpa/Reuters"),
    ("Keystone-SDA", "Keystone-SDA"),
])
def test_agency_tag_line_removed(tag, agency):
    doc = run(f"{STORY}\n\n{tag}")
    assert doc.text == STORY_TEXT
    assert doc.agency == agency
    assert reasons(doc) == [(tag, "agency")]


@pytest.mark.parametrize("ending, agency, reason, published", [
    (" (AFP)", "AFP", "agency", None),
    (" (dpa/AFP)", "dpa/AFP", "agency", None),
    (" AFP/jub", "AFP", "agency", None),
    (" (APA, 12.9.2015)", "APA", "agency", "2015-09-12"),
    (" (kre)", None, "byline", None),
])
def test_agency_tag_at_end_of_last_paragraph_removed(ending, agency, reason, published):
    doc = run(STORY + ending)
    assert doc.text == STORY_TEXT
    assert doc.agency == agency
    assert reasons(doc) == [(ending.strip(), reason)]
    assert doc.published == published


def test_parenthesis_in_ordinary_sentence_kept():
    source = "Minenräumer im Hafen\n\nDie Marine setzte dafür Taucher ein (rund 40 Soldaten)."
    doc = run(source)
    assert doc.text == source
    assert doc.agency is None and doc.removed == []


# --- 5: datelines -------------------------------------------------------------------------

@pytest.mark.parametrize("opening, dateline, agency", [
    ("Damaskus – ", "Damaskus", None),
    ("BERLIN (dpa) – ", "BERLIN", "dpa"),
    ("Moskau (Reuters) - ", "Moskau", "Reuters"),
    ("Washington/Moskau – ", "Washington/Moskau", None),
    ("KIEW, 3. März (Reuters) – ", "KIEW", "Reuters"),
    ("Frankfurt am Main – ", "Frankfurt am Main", None),
    ("WASHINGTON (AP) — ", "WASHINGTON", "AP"),
])
def test_dateline_recognised_and_kept_in_text(opening, dateline, agency):
    body = "Die Behörden meldeten am Dienstag neue Zahlen zur Lage an der Front."
    doc = run(f"Neue Zahlen zur Lage\n\n{opening}{body}")
    assert doc.text == f"Neue Zahlen zur Lage\n\n{opening}{body}"
    assert doc.dateline == dateline
    assert doc.agency == agency
    assert reasons(doc) == []


def test_dateline_and_agency_tag_together():
    doc = run("Waffenruhe hält\n\nBEIRUT (dpa) – Die Waffenruhe im Südlibanon hält seit drei Tagen.\n\n(dpa/AFP)")
    assert doc.text == "Waffenruhe hält\n\nBEIRUT (dpa) – Die Waffenruhe im Südlibanon hält seit drei Tagen."
    assert doc.dateline == "BEIRUT"
    assert doc.agency == "dpa/AFP"
    assert reasons(doc) == [("(dpa/AFP)", "agency")]


def test_dateline_with_year_gives_published():
    doc = run("Neues Werk eröffnet\n\nZwickau, 4. Mai 2023 - Der Autobauer hat sein neues Werk eröffnet.")
    assert doc.dateline == "Zwickau"
    assert (doc.published, doc.published_from) == ("2023-05-04", "metadata")


@pytest.mark.parametrize("source", [
    "Haushalt beschlossen\n\nDie Regierung – so hieß es am Abend – will den Haushalt nachbessern.",
    "Haushalt beschlossen\n\nNach Angaben des Ministeriums – das die Zahlen vorlegte – fehlen Milliarden.",
    "Haushalt beschlossen\n\nFinanzminister Lindner – der lange gezögert hatte – stimmte zu.",
    "Haushalt beschlossen\n\nDer Bundestag hat den Haushalt beschlossen. Berlin – so die Opposition – verschwendet Geld.",
])
def test_ordinary_dash_sentence_is_not_a_dateline(source):
    doc = run(source)
    assert doc.text == source
    assert doc.dateline is None
    assert doc.removed == []


# --- 6: boilerplate lines -----------------------------------------------------------------

@pytest.mark.parametrize("line, reason", [
    ("Leave a Reply", "comment"),
    ("source site-27", "source-tag"),
    ("Quelle: site-3", "source-tag"),
    ("Teilen: Facebook Twitter WhatsApp E-Mail", "share"),
    ("Diesen Artikel teilen", "share"),
    ("Share this article", "share"),
    ("Kommentar schreiben", "comment"),
    ("Kommentare", "comment"),
    ("0 Kommentare", "comment"),
    ("Newsletter abonnieren", "newsletter"),
    ("Mehr zum Thema", "related"),
    ("Lesen Sie auch: Minister reist nach Kiew", "related"),
    ("Weiterlesen nach der Anzeige", "advert"),
    ("Anzeige", "advert"),
    ("Advertisement", "advert"),
    ("© 2021 site-9. Alle Rechte vorbehalten.", "copyright"),
    ("Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.", "cookie"),
    ("We use cookies to improve your experience.", "cookie"),
    ("Foto: dpa", "credit"),
    (".", "separator"),
    ("-", "separator"),
    ("*", "separator"),
])
def test_boilerplate_line_removed(line, reason):
    source = f"Brücke gesperrt\n\nDie Autobahnbrücke bei Lüdenscheid bleibt bis Ende Juni gesperrt.\n\n{line}\n\nAuch die Umleitung ist überlastet."
    doc = run(source)
    assert doc.text == ("Brücke gesperrt\n\nDie Autobahnbrücke bei Lüdenscheid bleibt bis Ende Juni gesperrt."
                        "\n\nAuch die Umleitung ist überlastet.")
    assert reasons(doc) == [(line, reason)]


@pytest.mark.parametrize("line", [
    "Die Polizei erstattete Anzeige gegen den Mann.",
    "Anzeige erstattet",
    "Kommentare in sozialen Netzwerken hatten die Debatte angeheizt.",
    "Von Berlin aus reiste die Delegation nach Warschau weiter.",
    "By Tuesday, the troops had left the town.",
    "Quelle der Unruhe sei die hohe Inflation, sagte der Ökonom.",
    "Mehr zum Thema Sicherheit will die Ministerin im Herbst vorlegen.",
    "Die Webseite der Behörde war nach dem Angriff stundenlang nicht erreichbar.",
    "Teilen wollte er die Macht nicht.",
    "Copyright-Streit: EU-Parlament stimmt Reform zu",
])
def test_ordinary_line_kept(line):
    source = f"Brücke gesperrt\n\nDie Autobahnbrücke bleibt gesperrt.\n\n{line}\n\nAuch die Umleitung ist überlastet."
    doc = run(source)
    assert doc.text == source
    assert doc.removed == []


def test_trailing_related_link_and_agency_in_last_paragraph():
    doc = run("Hitzewelle in Spanien\nIn Sevilla wurden 44 Grad gemessen. (dpa) Mehr auf MSN")
    assert doc.text == "Hitzewelle in Spanien\n\nIn Sevilla wurden 44 Grad gemessen."
    assert doc.agency == "dpa"
    assert reasons(doc) == [("(dpa)", "agency"), ("Mehr auf MSN", "related")]


def test_end_tags_of_a_long_last_paragraph_are_found():
    body = " ".join(f"Am {day} blieben die Schulen im Landkreis geschlossen." for day in
                    ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag") * 2)
    doc = run(f"Schulen bleiben zu\n{body} dpa/AFP")
    assert len(body) > 600 and doc.text == f"Schulen bleiben zu\n\n{body}"
    assert reasons(doc) == [("dpa/AFP", "agency")]


ENGLISH = """Home » World » Europe

Ceasefire talks resume in Cairo

By Jane Doe and John Smith
Published on March 4, 2024
4 min read

CAIRO (Reuters) - Negotiators from both sides returned to Cairo on Monday for a new round of talks.

"We are cautiously optimistic," an Egyptian official said.

Reporting by Jane Doe; Editing by John Smith

Share this article
© 2024 Example News. All rights reserved."""


def test_english_page_cleaned():
    doc = run(ENGLISH)
    assert doc.text == ("Ceasefire talks resume in Cairo\n\nCAIRO (Reuters) - Negotiators from both sides returned to Cairo "
                        "on Monday for a new round of talks.\n\n\"We are cautiously optimistic,\" an "
                        "Egyptian official said.")
    assert doc.title == "Ceasefire talks resume in Cairo"
    assert doc.dateline == "CAIRO"
    assert doc.agency == "Reuters"
    assert (doc.published, doc.published_from) == ("2024-03-04", "metadata")
    assert [r for _, r in reasons(doc)] == ["breadcrumb", "byline", "metadata", "reading-time",
                                            "byline", "share", "copyright"]


GERMAN_PAGE = """Startseite / Politik

Koalition einigt sich auf Heizungsgesetz

Von Anna Berger | 05.07.2023
Lesezeit: 2 Minuten

Berlin – Nach wochenlangem Streit haben sich die Koalitionspartner auf einen Kompromiss geeinigt.

Anzeige

Die Opposition kündigte an, das Gesetz in Karlsruhe prüfen zu lassen. (epd)

Teilen: Facebook Twitter WhatsApp E-Mail
Newsletter abonnieren
0 Kommentare"""


def test_german_page_cleaned():
    doc = run(GERMAN_PAGE)
    assert doc.text == ("Koalition einigt sich auf Heizungsgesetz\n\nBerlin – Nach wochenlangem Streit haben sich die "
                        "Koalitionspartner auf einen Kompromiss geeinigt.\n\nDie Opposition kündigte an, "
                        "das Gesetz in Karlsruhe prüfen zu lassen.")
    assert doc.title == "Koalition einigt sich auf Heizungsgesetz"
    assert doc.dateline == "Berlin"
    assert doc.agency == "epd"
    assert doc.published == "2023-07-05"
    assert [r for _, r in reasons(doc)] == ["breadcrumb", "byline", "reading-time",
                                            "advert", "agency", "share", "newsletter", "comment"]


# --- 7: offsets and reasons ---------------------------------------------------------------

@pytest.mark.parametrize("source", [REPUBLISHED, ENGLISH, GERMAN_PAGE,
                                    "EIL: Zentralbank senkt Leitzins\r\n\r\nWIEN (APA) – Die Notenbank handelt. (APA/Reuters)"])
def test_removed_spans_point_into_source_text(source):
    doc = run(source)
    assert doc.removed
    for r in doc.removed:
        assert source[r.start:r.end] == r.text
        assert r.reason in REASONS
    assert [r.start for r in doc.removed] == sorted(r.start for r in doc.removed)


@pytest.mark.parametrize("source", [REPUBLISHED, ENGLISH, GERMAN_PAGE])
def test_nothing_lost_but_whitespace(source):
    doc = run(source)
    kept = "".join(doc.text.split())
    dropped = "".join("".join(r.text for r in doc.removed).split())
    assert sorted(kept + dropped) == sorted("".join(source.split()))
