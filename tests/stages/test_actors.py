"""The actors stage on sentences written for these tests."""
import pytest

from lagebild import analyze
from lagebild.stages.actors import actor_at


def actors(text, published="2021-12-30"):
    doc = analyze(text, published=published)
    return [(a["text"], a["code"], a["sector"], a["kind"]) for a in doc.actors]


def find(text, surface, published="2021-12-30"):
    for a in analyze(text, published=published).actors:
        if a["text"] == surface:
            return a["code"], a["sector"], a["kind"]
    raise AssertionError(f"{surface!r} not found among {actors(text, published)}")


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        ("US-Präsident Joe Biden telefonierte am Donnerstag mit Putin.", "Joe Biden", ("USA", "GOV", "PER")),
        ("Der russische Außenminister Sergej Lawrow reiste nach Genf.", "Sergej Lawrow", ("RUS", "GOV", "PER")),
        ("Kreml-Sprecher Dmitri Peskow bestätigte das Gespräch.", "Kreml-Sprecher", ("RUS", "GOV", "ROLE")),
        ("Moskau wies die Vorwürfe zurück.", "Moskau", ("RUS", "GOV", "GPE")),
        ("Der Kreml wies die Vorwürfe zurück.", "Kreml", ("RUS", "GOV", "GPE")),
        ("Das Weiße Haus kündigte neue Sanktionen an.", "Weiße Haus", ("USA", "GOV", "GPE")),
        ("Die Nato verstärkt ihre Ostflanke.", "Nato", ("NATO", "IGO", "ORG")),
        ("Russische Truppen zogen sich aus der Region zurück.", "Truppen", ("RUS", "MIL", "NOM")),
        ("Die Armee der Ukraine meldete Geländegewinne.", "Armee", ("UKR", "MIL", "NOM")),
        ("Der türkische Präsident Recep Tayyip Erdoğan empfing den Gast.", "Recep Tayyip Erdoğan", ("TUR", "GOV", "PER")),
        ("Russlands Armee rückte weiter vor.", "Armee", ("RUS", "MIL", "NOM")),
        ("Die Regierung sprach mit den Palästinensern über Hilfen.", "Palästinensern", ("PSE", "CVL", "NOM")),
        ("Die Familie des Ukrainers wartet auf eine Antwort.", "Ukrainers", ("UKR", "CVL", "NOM")),
        ("Papst Franziskus rief zu Friedensgesprächen auf.", "Franziskus", ("VAT", "GOV", "PER")),
        # a company whose name holds a place's ("America", "Rio"), and brands that look like surnames
        ("Die Bank of America senkte ihre Prognose.", "Bank of America", ("USA", "BUS", "ORG")),
        ("Der Bergbaukonzern Rio Tinto kauft in Chile zu.", "Rio Tinto", ("GBR", "BUS", "ORG")),
        ("Nintendo meldete am Dienstag einen Rekordumsatz.", "Nintendo", ("JPN", "BUS", "ORG")),
        ("Der Ölkonzern Petrobras steckt in einer Krise.", "Petrobras", ("BRA", "BUS", "ORG")),
        ("Die ISAF übergab die Verantwortung an die afghanische Armee.", "ISAF", ("NATO", "MIL", "ORG")),
        ("Der Verein spielt nächste Saison in der Champions League.", "Champions League", ("UEFA", "BUS", "ORG")),
    ],
)
def test_actors_known_mentions_are_coded(text, surface, expected):
    assert find(text, surface) == expected


def test_actors_surname_alone_is_the_person_though_a_town_has_that_name():
    doc = analyze("Der Nothilfekoordinator Martin Griffiths warnte vor einer Hungersnot. Die Welt dürfe nicht "
                  "wegsehen, mahnte Griffiths. Griffiths reist am Montag weiter.", published="2024-03-05")
    later = [(a["text"], a["name"], a["kind"]) for a in doc.actors if a["text"] == "Griffiths"]
    assert later == [("Griffiths", "Martin Griffiths", "PER")] * 2


def test_actors_person_code_follows_the_office_on_the_date():
    text = "Donald Trump sprach in Washington vor Anhängern."
    assert find(text, "Donald Trump", "2018-05-01") == ("USA", "GOV", "PER")
    assert find(text, "Donald Trump", "2022-05-01")[1] is None   # out of office then


def test_actors_surname_alone_points_to_the_full_name():
    doc = analyze("Außenministerin Annalena Baerbock reiste nach Kiew. Baerbock traf dort Kuleba.",
                  published="2022-05-10")
    baerbock = [a for a in doc.actors if a["text"] == "Baerbock"]
    assert baerbock and baerbock[0]["name"] == "Annalena Baerbock" and baerbock[0]["code"] == "DEU"


@pytest.mark.parametrize(
    "text",
    [
        "Die Kosten für die neue Linie sind gestiegen.",
        "Mir wurde gesagt, dass der Gang gesperrt ist.",
        "Bei dem Treffen ging es um die Zukunft.",
        "Die Mark war einst die Währung des Landes.",
    ],
)
def test_actors_common_words_are_no_actors(text):
    assert [a for a in actors(text) if a[3] in ("PER", "ORG", "GPE", "LOC")] == []


def test_actors_unknown_person_after_a_role_gets_the_role_code():
    found = find("Der ukrainische Botschafter Oleksij Makejew sprach in Berlin.", "Oleksij Makejew")
    assert found == ("UKR", "GOV", "PER")


def test_actor_at_prefers_the_named_actor():
    doc = analyze("Der russische Außenminister Sergej Lawrow reiste nach Genf.", published="2021-12-30")
    start = doc.text.index("Lawrow")
    assert actor_at(doc, start, start + 6)["name"] == "Sergej Lawrow"


@pytest.mark.parametrize(
    "text, surface, kind",
    [
        ("Am Samstag empfängt der VfL Osnabrück den SC Paderborn im eigenen Stadion.", "VfL Osnabrück", "ORG"),
        ("Am Samstag empfängt der VfL Osnabrück den SC Paderborn im eigenen Stadion.", "SC Paderborn", "ORG"),
        ("Der Stürmer wechselt zu Real Madrid. Die Ablöse ist hoch.", "Real Madrid", "ORG"),
        ("Der FC St. Pauli gewann das Derby.", "FC St. Pauli", "ORG"),
        ("Das meldete das Bundesamt für Statistik. Die Zahl stieg.", "Bundesamt für Statistik", "ORG"),
        ("Das Bundesamt für Gesundheit warnt vor der Grippewelle.", "Bundesamt für Gesundheit", "ORG"),
        ("Das sagte der Minister dem „Kölner Tageblatt“ am Montag.", "Kölner Tageblatt", "ORG"),
        # a first name before a word the knowledge knows otherwise makes a person
        ("Der Dirigent Wolfgang Wagner leitete das Festival zwanzig Jahre lang.", "Wolfgang Wagner", "PER"),
        # a town after "in" is the town, whatever the tagger makes of the unknown word
        ("Der Verein wurde vor hundert Jahren in Dormagen gegründet.", "Dormagen", "LOC"),
        # a point of the compass before a country names its region
        ("Kampfjets bombardierten Stellungen im Nordirak.", "Nordirak", "LOC"),
        # a name after a role and its complement
        ("Das sagte der Sondergesandte für Burundi, Ibrahima Fall, dem Rundfunk.", "Ibrahima Fall", "PER"),
        # a word no lexicon holds and that looks like no noun: a person, a place after "in",
        # a firm after a firm's noun
        ("Im Finale unterlag die Titelverteidigerin klar gegen Wosniak.", "Wosniak", "PER"),
        ("Die Feuerwehr rückte am Abend in Oberkleinau aus.", "Oberkleinau", "LOC"),
        ("Der Maschinenbauer Krendtec streicht dreihundert Stellen.", "Krendtec", "ORG"),
        # listed with places, an unknown name is a place too
        ("Der Zug hält in Dormagen, Pruvenau und Kelsfeld.", "Pruvenau", "LOC"),
        # two first names joined by a hyphen open a person's name
        ("Das bestätigte Vorstandschef Hans-Jochen Brandler am Mittwoch.", "Hans-Jochen Brandler", "PER"),
        # a capitalised adjective before an institution's noun inside a sentence: its name
        ("Der Streit in der Evangelischen Kirche hält an.", "Evangelischen Kirche", "ORG"),
        ("Das Urteil stützt sich auf ein Gutachten des Mitteldeutschen Verlages.", "Mitteldeutschen Verlages", "ORG"),
        # a country's capitalised adjective inside a sentence opens an institution's name
        ("Er sprach darüber mit der Deutschen Presse-Agentur.", "Deutschen Presse-Agentur", "ORG"),
        ("Das meldete die Französische Nachrichtenagentur am Abend.", "Französische Nachrichtenagentur", "ORG"),
        # titles that are part of a name
        ("Auf der Bühne stand Popstar Lady Gaga.", "Lady Gaga", "PER"),
        # a dateline in capitals
        ("BOCHUM Die Stadt hat den Haushalt beschlossen.", "BOCHUM", "LOC"),
        # an unknown name opening a sentence before its verb; a genitive before a noun
        ("Wosniak war bis zuletzt im Verein aktiv.", "Wosniak", "PER"),
        ("Der Vorstand stimmte Krendals Vorschlag am Montag zu.", "Krendals", "PER"),
        # nouns before a name that say what it names
        ("Die Stadt Oberkleinau hat einen neuen Bürgermeister.", "Oberkleinau", "LOC"),
        ("Das Konzert eröffnete Sängerin Mirabel mit einem Lied.", "Mirabel", "PER"),
        ("Die Klinik liegt in Bad Pruvenau am Waldrand.", "Bad Pruvenau", "LOC"),
        # a first name alone is a person; a word in capitals opening the text before a dash, the dateline
        ("Gewonnen hat am Ende Annika vor ihrer Schwester.", "Annika", "PER"),
        # a surname's particle belongs to it
        ("Im Tor stand wieder van Brakel, der Kapitän.", "van Brakel", "PER"),
        ("Das bestätigte Bürgermeister Jan ter Wessel am Abend.", "Jan ter Wessel", "PER"),
        ("OBERKLEINAU - Der Gemeinderat tagt am Montag.", "OBERKLEINAU", "LOC"),
        ("HALLENBERG - Die Feuerwehr rückte aus.", "HALLENBERG", "LOC"),
        # the speaker's name before a colon in an interview
        ("Wosniak: Wir haben das Spiel verdient gewonnen.", "Wosniak", "PER"),
        # a firm's legal form belongs to its name; names joined by a slash are one
        ("Die Krendtec AG streicht Stellen.", "Krendtec AG", "ORG"),
        ("Der Auftrag ging an die Steinbach AG in Kassel.", "Steinbach AG", "ORG"),
        ("Der Zug fährt weiter nach München/Hamburg.", "München/Hamburg", "LOC"),
        # a city that is a first name too is a person outside a place's phrase
        ("Beim Abendessen erzählte Selma von ihrer Reise.", "Selma", "PER"),
    ],
)
def test_actors_names_found_by_shape_and_context(text, surface, kind):
    assert find(text, surface)[2] == kind


@pytest.mark.parametrize(
    "text",
    [
        "Der Anteil des Gesamtvermögens ist gesunken.",      # genitive of a common noun
        "Das ist ein cooles Gimmick und nicht mehr.",         # a noun after an adjective
        "Die Forscher wiesen anhand des Schädels nach, dass es eine neue Art ist.",
        # a compound role noun after a speech verb, which the lexicon knows only by its head
        "„Wir machen weiter“, sagte Kommissionspräsidentin am Montag.",
        # inflected plurals, compounds, old spelling, nominalised participles, abbreviations
        "Am Ende fehlten die Parkplätze und die Hilferufe blieben ungehört, sagte Kompromisse ab.",
        "Unter den Verletzten waren auch zwei Angestellten der Bahn und mehrere Beschäftigte.",
        "Kurz vor Schluss fuhr ein Lkw über den Radweg.",
        # abbreviations of things and quoted compound nouns
        "Das BIP wuchs um zwei Prozent, das EBIT um fünf.",
        "Die Gemeinde startete eine „Spendenaktion“ für den Kindergarten.",
        # a plural noun that is a first name somewhere too ("Tage")
        "Die Gespräche dauerten lange. Vier Tage später kam es zum Streit.",
    ],
)
def test_actors_common_nouns_in_sentences_are_no_names(text):
    assert [a for a in actors(text) if a[3] in ("PER", "ORG", "GPE", "LOC")] == []


@pytest.mark.parametrize(
    "text, surface, code",
    [
        ("Der frühere Ministerpräsident Ahmet Davutoğlu sprach in Ankara.", "Ahmet Davutoğlu", "TUR"),
        ("MOSKAU (dpa) – Der Kreml hat die Vorwürfe zurückgewiesen.", "Kreml", "RUS"),
        ("Ein NATO-Sprecher bestätigte den Vorfall.", "NATO-Sprecher", "NATO"),
        ("US-Außenminister Antony Blinken reiste nach Kiew.", "US-Außenminister", "USA"),
    ],
)
def test_actors_odd_unicode_datelines_and_compounds(text, surface, code):
    assert find(text, surface, "2015-06-01" if "Davutoğlu" in text else "2022-05-01")[0] == code


def test_actors_unknown_organization_takes_the_code_of_its_short_name():
    text = "Die Partei sprach mit der Sozialistischen Arbeiterpartei (PSOE) über den Haushalt."
    assert find(text, "Sozialistischen Arbeiterpartei", "2023-03-15")[0] == "ESP"


def test_actors_person_name_ends_before_a_noun_after_a_genitive():
    names = [a[0] for a in actors("Unter Johanna Weitkamps Leitung probt der Chor jeden Montag.")]
    assert "Johanna Weitkamps" in names


@pytest.mark.parametrize("text, surface, code", [
    ("Die Brüsseler Staatsanwaltschaft ermittelt gegen den Minister.", "Brüsseler Staatsanwaltschaft", "BEL"),
    ("Die Münchner Polizei nahm zwei Männer fest.", "Münchner Polizei", "DEU"),
    ("In Hama griffen Regierungstruppen die Stellungen an.", "Hama", "SYR"),
    # Fribourg is "Freiburg" in German too; the larger Freiburg is meant
    ("Die Polizei in Freiburg sucht Zeugen.", "Freiburg", "DEU"),
])
def test_actors_town_and_its_adjective_give_the_country(text, surface, code):
    assert find(text, surface)[0] == code


def test_actors_word_opening_a_sentence_is_a_name_unless_shaped_like_an_adjective():
    names = [a[0] for a in actors("Auffallend ist, wer fehlt. Wosniak will das Amt behalten.")]
    assert "Wosniak" in names and "Auffallend" not in names


def test_actors_hyphenated_surname_repeated_alone_is_the_person():
    text = "Innenministerin Johanna Mikl-Leitner sprach in Wien. Später bekräftigte Mikl-Leitner ihre Haltung."
    found = [a for a in analyze(text, published="2016-01-10").actors if a["text"] == "Mikl-Leitner"]
    assert found and found[0]["name"] == "Johanna Mikl-Leitner"


def test_actors_namesake_with_another_first_name_is_another_person():
    found = {a[0]: a[1] for a in actors("Der Schweizer Bundesrat Hans-Rudolf Merz sprach in Bern.")}
    assert "Hans-Rudolf Merz" in found and found["Hans-Rudolf Merz"] is None


def test_actors_parties_listed_with_und_are_two_names():
    names = [a[0] for a in actors("Im Bundestag stimmten CDU und CSU gegen den Antrag.")]
    assert "CDU" in names and "CSU" in names


def test_actors_name_before_a_noun_is_no_city():
    # "Iglesias" is a town in Sardinia too; before a noun it is a genitive, a person's
    kinds = {a[0]: a[3] for a in actors("Die Regierung lehnte Iglesias Forderung am Montag ab.")}
    assert kinds.get("Iglesias") == "PER"


def test_actors_lone_known_surname_is_a_person():
    # "Schulz" is a proper noun in HanTa's lexicon; after "mit" and no article it is a person
    assert find("Der Trainer sprach lange mit Schulz über die neue Saison.", "Schulz")[2] == "PER"


def test_known_name_lookup_needs_no_tagger_run():
    from lagebild.actors.names import known_name
    assert known_name("Schulz") and not known_name("Haus") and not known_name("Linie")


def spans(text):
    from lagebild.actors.lexicon import find_matches
    return [(text[m.start:m.end], m.before_hyphen, m.after_hyphen) for m in find_matches(text)]


def test_known_forms_are_found_after_punctuation_and_line_breaks():
    assert spans("(Moskau) und „Putin“ sowie #Nato/Kiew") == [
        ("Moskau", False, False), ("Putin", False, False), ("Nato", False, False), ("Kiew", False, False)]
    assert spans("Gespräche mit\nMoskau") == [("Moskau", False, False)]
    assert spans("Gespräche mit\u202fMoskau und\u2003Kiew") == [("Moskau", False, False), ("Kiew", False, False)]
    assert spans("Kreml-Sprecher") == [("Kreml-Sprecher", False, False)]


def test_known_forms_are_not_found_inside_words_or_addresses():
    assert spans("Die Moskauer Linie") == []
    assert spans("Mehr auf moskau.example.org") == []


def test_a_known_form_matches_only_as_written():
    # "Saudi-Arabien" is known; "Saudi Arabien" reads the same to the scanner, but only
    # its first word is a known form
    assert spans("Saudi Arabien und Saudi-Arabien") == [("Saudi", False, False), ("Saudi-Arabien", False, False)]


@pytest.mark.parametrize("word, noun", [
    ("Verteidigungsministeriums", True),   # a compound in the genitive
    ("Kommissionspräsidentin", True),      # "Präsident" as "-präsidentin"
    ("Autofirmen", True),                  # "Firma" as "Firmen"
    ("Zentren", True),                     # "Zentrum"
    ("Plätze", True),                      # without the umlaut: "Platz"
    ("Finanzamt", True),                   # a short head after a known first part
    ("Hohmann", False),                    # a surname's ending after no known word
    ("Friesinger", False),
])
def test_noun_shape_of_a_capitalised_word(word, noun):
    from lagebild.actors.names import noun_shaped, unknown_word
    assert noun_shaped(word) is noun
    assert unknown_word(word) is not noun


def test_adjective_shape_of_a_capitalised_word():
    from lagebild.actors.names import adjective_shaped
    assert adjective_shaped("Mitteldeutschen")   # a compound ending in "deutsch"
    assert adjective_shaped("Marburger")
    assert not adjective_shaped("Friesinger")


@pytest.mark.parametrize("text, club", [
    ("Der Trainer von RB Leipzig lobte sein Team.", "RB Leipzig"),
    ("Galatasaray Istanbul verlor das Spiel.", "Galatasaray Istanbul"),
])
def test_a_club_word_before_a_town_makes_the_club(text, club):
    assert find(text, club)[1:] == ("BUS", "ORG")
    assert find("Sie lebt in Leipzig.", "Leipzig")[2] == "LOC"


def test_actors_word_after_a_company_is_its_product_not_a_person():
    found = actors("Der neue Subaru Ascent und der Skoda Octavia kommen im Herbst zu den Händlern.")
    assert ("Subaru", "JPN", "BUS", "ORG") in found and ("Skoda", "CZE", "BUS", "ORG") in found
    assert [a for a in found if a[3] == "PER"] == []


def test_actors_city_ending_a_sentence_is_found():
    assert find("Der Lokführer wohnt seit Jahren in Düren.", "Düren") == ("DEU", None, "LOC")


@pytest.mark.parametrize("text, word", [
    ("Der Deal mit dem Investor ist geplatzt.", "Deal"),
    ("Wir bestellten das Essen beim Lieferdienst.", "Essen"),
    ("Er lobte die Konstanz der Mannschaft.", "Konstanz"),
    ("Die Sonde erreichte den Jupiter nach fünf Jahren.", "Jupiter"),
])
def test_actors_town_name_after_an_article_is_no_town(text, word):
    assert word not in [a[0] for a in actors(text)]


@pytest.mark.parametrize("text, person", [
    ("Hamburgs Bürgermeister war damals Ole von Beust.", "Ole von Beust"),
    ("Im Finale schwamm Pieter van den Hoogenband allen davon.", "Pieter van den Hoogenband"),
    ("Er kam mit Tobias Werner von Zweitligist Aue.", "Tobias Werner"),   # "von" the preposition
    ("Damit fiel auch Ferrari-Technikchef Ross Brawn aus.", "Ross Brawn"),   # a first name that is a noun too
    ("Das Tor schoss Kai Havertz in der Nachspielzeit.", "Kai Havertz"),
])
def test_actors_full_name_with_particle_or_noun_like_first_name(text, person):
    assert find(text, person)[2] == "PER"
