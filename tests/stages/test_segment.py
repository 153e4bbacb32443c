"""Tests for lagebild.stages.segment: sentences and tokens of German (and English) news."""
from __future__ import annotations

import pytest

from lagebild.datafiles import read_table
from lagebild.document import Document
from lagebild.pipeline import Pipeline
from lagebild.stages.segment import segment


def run(text: str, language: str | None = "de") -> Document:
    return segment(Document(raw=text, text=text, language=language))


def sentences(text: str, language: str | None = "de") -> list[str]:
    doc = run(text, language)
    return [doc.text[s.start:s.end] for s in doc.sentences]


def tokens(text: str, language: str | None = "de") -> list[str]:
    doc = run(text, language)
    return [doc.text[t.start:t.end] for t in doc.tokens]


def kinds(text: str, language: str | None = "de") -> list[tuple[str, str]]:
    doc = run(text, language)
    return [(doc.text[t.start:t.end], t.kind) for t in doc.tokens]


# ------------------------------------------------------------------ sentences

ORDINALS_AND_DATES = [
    (
        "Der Gipfel beginnt am 10. Januar in Brüssel. Die Minister reisen früher an.",
        ["Der Gipfel beginnt am 10. Januar in Brüssel.", "Die Minister reisen früher an."],
    ),
    (
        "Die Einheit wurde am 3. Oktober 1990 vollendet. Seitdem wird gefeiert.",
        ["Die Einheit wurde am 3. Oktober 1990 vollendet.", "Seitdem wird gefeiert."],
    ),
    (
        "Nach dem 2. Weltkrieg wurde die Stadt neu aufgebaut. Heute leben dort 80.000 Menschen.",
        [
            "Nach dem 2. Weltkrieg wurde die Stadt neu aufgebaut.",
            "Heute leben dort 80.000 Menschen.",
        ],
    ),
    (
        "Die Kirche stammt aus dem 13. Jahrhundert. Sie wird gerade saniert.",
        ["Die Kirche stammt aus dem 13. Jahrhundert.", "Sie wird gerade saniert."],
    ),
    (
        "Im 20. Jahrhundert wuchs die Bevölkerung stark.",
        ["Im 20. Jahrhundert wuchs die Bevölkerung stark."],
    ),
    (
        "Die Kanzlerin besuchte das Werk zum 1. Mal. Die Belegschaft applaudierte.",
        ["Die Kanzlerin besuchte das Werk zum 1. Mal.", "Die Belegschaft applaudierte."],
    ),
    (
        "Die Zahl der Toten stieg auf 25. Am Abend meldeten die Behörden weitere Opfer.",
        [
            "Die Zahl der Toten stieg auf 25.",
            "Am Abend meldeten die Behörden weitere Opfer.",
        ],
    ),
    (
        "Die Zahl der Verletzten stieg auf 14. Polizisten sperrten das Gelände weiträumig ab.",
        [
            "Die Zahl der Verletzten stieg auf 14.",
            "Polizisten sperrten das Gelände weiträumig ab.",
        ],
    ),
    (
        "Die Mannschaft landete auf Platz 3. Der Trainer zeigte sich zufrieden.",
        ["Die Mannschaft landete auf Platz 3.", "Der Trainer zeigte sich zufrieden."],
    ),
    (
        "Der Verein feiert seinen 75. Geburtstag mit einem Fest.",
        ["Der Verein feiert seinen 75. Geburtstag mit einem Fest."],
    ),
    (
        "Die Parlamentarier trafen sich zur 37. Sitzung. Es ging um den Haushalt.",
        ["Die Parlamentarier trafen sich zur 37. Sitzung.", "Es ging um den Haushalt."],
    ),
    (
        "Der 1. FC Köln verlor am Samstag deutlich.",
        ["Der 1. FC Köln verlor am Samstag deutlich."],
    ),
    (
        "Das Gesetz gilt seit 2021. Kritiker halten es für wirkungslos.",
        ["Das Gesetz gilt seit 2021.", "Kritiker halten es für wirkungslos."],
    ),
    (
        "Das Treffen ist vom 10. bis 12. März geplant. Die Polizei bereitet sich vor.",
        ["Das Treffen ist vom 10. bis 12. März geplant.", "Die Polizei bereitet sich vor."],
    ),
    (
        "Die Frist endet am 30.12. in allen Bundesländern.",
        ["Die Frist endet am 30.12. in allen Bundesländern."],
    ),
    (
        "Die Frist endet am 30.12. Danach drohen Strafen.",
        ["Die Frist endet am 30.12.", "Danach drohen Strafen."],
    ),
    (
        "Wien, 5. Jänner – Die Regierung hat sich auf ein Budget geeinigt.",
        ["Wien, 5. Jänner – Die Regierung hat sich auf ein Budget geeinigt."],
    ),
    (
        "Der Radprofi gewann die 4. Etappe. Im Ziel jubelte er ausgelassen.",
        ["Der Radprofi gewann die 4. Etappe.", "Im Ziel jubelte er ausgelassen."],
    ),
    (
        "Der Stürmer traf in der 78. Minute zum Ausgleich.",
        ["Der Stürmer traf in der 78. Minute zum Ausgleich."],
    ),
    (
        "Papst Benedikt XVI. hat sich dazu nie geäußert.",
        ["Papst Benedikt XVI. hat sich dazu nie geäußert."],
    ),
    (
        "Die Zahl der Anträge lag zuletzt bei 3.000. Das Ministerium erwartet mehr.",
        ["Die Zahl der Anträge lag zuletzt bei 3.000.", "Das Ministerium erwartet mehr."],
    ),
    (
        "Die Regeln im Überblick: 1. Abstand halten. 2. Maske tragen.",
        ["Die Regeln im Überblick: 1. Abstand halten.", "2. Maske tragen."],
    ),
]

ABBREVIATIONS = [
    (
        "Einige Länder, z. B. Polen und Ungarn, lehnen den Plan ab. Die Kommission prüft.",
        [
            "Einige Länder, z. B. Polen und Ungarn, lehnen den Plan ab.",
            "Die Kommission prüft.",
        ],
    ),
    (
        "Das Verfahren ist eingestellt, d. h. Anklage wird nicht erhoben.",
        ["Das Verfahren ist eingestellt, d. h. Anklage wird nicht erhoben."],
    ),
    (
        "Zu den Gästen zählten u. a. Vertreter der Kirchen. Sie mahnten zur Ruhe.",
        ["Zu den Gästen zählten u. a. Vertreter der Kirchen.", "Sie mahnten zur Ruhe."],
    ),
    (
        "Der Bericht stammt von Dr. Anna Weber. Sie leitet das Institut.",
        ["Der Bericht stammt von Dr. Anna Weber.", "Sie leitet das Institut."],
    ),
    (
        "Die Linie Nr. 5 fällt am Montag aus.",
        ["Die Linie Nr. 5 fällt am Montag aus."],
    ),
    (
        "Die Delegation reiste weiter nach St. Petersburg. Dort wartete der Gouverneur.",
        ["Die Delegation reiste weiter nach St. Petersburg.", "Dort wartete der Gouverneur."],
    ),
    (
        "Prof. Klaus Berger warnte vor voreiligen Schlüssen.",
        ["Prof. Klaus Berger warnte vor voreiligen Schlüssen."],
    ),
    (
        "Gemeint ist der Bund bzw. Die Länder sind nicht zuständig.",
        ["Gemeint ist der Bund bzw. Die Länder sind nicht zuständig."],
    ),
    (
        "Bei dem Brand entstand ein Schaden von ca. 300.000 Euro.",
        ["Bei dem Brand entstand ein Schaden von ca. 300.000 Euro."],
    ),
    (
        "Ca. 200 Menschen demonstrierten vor dem Rathaus.",
        ["Ca. 200 Menschen demonstrierten vor dem Rathaus."],
    ),
    (
        "US-Präsident Joe R. Biden empfing den Gast im Weißen Haus.",
        ["US-Präsident Joe R. Biden empfing den Gast im Weißen Haus."],
    ),
    (
        "Das Attentat auf J. F. Kennedy jährt sich zum 60. Mal.",
        ["Das Attentat auf J. F. Kennedy jährt sich zum 60. Mal."],
    ),
    (
        "Angeklagt ist der 34-jährige Markus K. Der Prozess beginnt im Mai.",
        ["Angeklagt ist der 34-jährige Markus K.", "Der Prozess beginnt im Mai."],
    ),
    (
        "Die Förderung beträgt 2,5 Mio. Euro pro Jahr.",
        ["Die Förderung beträgt 2,5 Mio. Euro pro Jahr."],
    ),
    (
        "Das regelt Art. 5 des Grundgesetzes. Die Richter sahen keinen Verstoß.",
        ["Das regelt Art. 5 des Grundgesetzes.", "Die Richter sahen keinen Verstoß."],
    ),
    (
        "Der Streit war persönlicher Art. Beide Seiten schweigen.",
        ["Der Streit war persönlicher Art.", "Beide Seiten schweigen."],
    ),
    (
        "Gefordert werden Masken, Tests usw. Die Schulen sind skeptisch.",
        ["Gefordert werden Masken, Tests usw.", "Die Schulen sind skeptisch."],
    ),
    (
        "Die Stadt wurde im Jahr 15 v. Chr. gegründet. Sie ist eine der ältesten.",
        ["Die Stadt wurde im Jahr 15 v. Chr. gegründet.", "Sie ist eine der ältesten."],
    ),
    (
        "Der Zug fuhr mit 300 km/h. Das ist Rekord.",
        ["Der Zug fuhr mit 300 km/h.", "Das ist Rekord."],
    ),
    (
        "Der Wagen hat z.B. Sitzheizung und kostet inkl. Steuer 40.000 Euro.",
        ["Der Wagen hat z.B. Sitzheizung und kostet inkl. Steuer 40.000 Euro."],
    ),
]

QUOTES = [
    (
        "„Wir sind bereit.“ Er verließ den Saal.",
        ["„Wir sind bereit.“", "Er verließ den Saal."],
    ),
    (
        "„Wir sind bereit“, sagte der Minister.",
        ["„Wir sind bereit“, sagte der Minister."],
    ),
    (
        "„Das ist falsch!“, rief die Abgeordnete. Der Saal tobte.",
        ["„Das ist falsch!“, rief die Abgeordnete.", "Der Saal tobte."],
    ),
    (
        '"Kommt er?" fragte sie. Niemand antwortete.',
        ['"Kommt er?" fragte sie.', "Niemand antwortete."],
    ),
    (
        'Der Sprecher sagte: "Das prüfen wir." Weitere Details nannte er nicht.',
        ['Der Sprecher sagte: "Das prüfen wir."', "Weitere Details nannte er nicht."],
    ),
    (
        "Die Lage ist ernst. »Wir brauchen Hilfe«, sagte die Bürgermeisterin.",
        ["Die Lage ist ernst.", "»Wir brauchen Hilfe«, sagte die Bürgermeisterin."],
    ),
    (
        "«Das kommt nicht in Frage.» Der Bundesrat lehnte ab.",
        ["«Das kommt nicht in Frage.»", "Der Bundesrat lehnte ab."],
    ),
    (
        "Sie nannte das Angebot ‚unverschämt‘. Die Gespräche wurden vertagt.",
        ["Sie nannte das Angebot ‚unverschämt‘.", "Die Gespräche wurden vertagt."],
    ),
    (
        "Er sprach von einem „historischen Tag“. Dann ging er.",
        ["Er sprach von einem „historischen Tag“.", "Dann ging er."],
    ),
    (
        "„Warum jetzt?“, fragte der Reporter. „Weil es Zeit ist.“",
        ["„Warum jetzt?“, fragte der Reporter.", "„Weil es Zeit ist.“"],
    ),
    (
        "'Wir gehen nicht', sagte der Streikführer.",
        ["'Wir gehen nicht', sagte der Streikführer."],
    ),
]

MARKS_AND_LINES = [
    (
        "Was bedeutet das für die Pendler? Die Bahn schweigt bisher.",
        ["Was bedeutet das für die Pendler?", "Die Bahn schweigt bisher."],
    ),
    (
        "Das ist ein Skandal! Die Opposition fordert Aufklärung.",
        ["Das ist ein Skandal!", "Die Opposition fordert Aufklärung."],
    ),
    (
        "Und dann … kam die Nachricht aus Berlin.",
        ["Und dann … kam die Nachricht aus Berlin."],
    ),
    (
        "Die Verhandlungen zogen sich hin... Am Ende gab es keine Einigung.",
        ["Die Verhandlungen zogen sich hin...", "Am Ende gab es keine Einigung."],
    ),
    (
        "Die Frage bleibt offen … Niemand will sich festlegen.",
        ["Die Frage bleibt offen …", "Niemand will sich festlegen."],
    ),
    (
        "US-Unterstützung für die Ukraine\nWashington sagt weitere Waffen zu.",
        ["US-Unterstützung für die Ukraine", "Washington sagt weitere Waffen zu."],
    ),
    (
        "Der erste Absatz endet ohne Punkt\n\nder zweite beginnt klein.",
        ["Der erste Absatz endet ohne Punkt", "der zweite beginnt klein."],
    ),
    (
        "Die Regierung will die Steuern senken,\nobwohl die Kassen leer sind.",
        ["Die Regierung will die Steuern senken,\nobwohl die Kassen leer sind."],
    ),
    (
        "Berlin (AFP) Die Polizei hat am Montag eine Razzia durchgeführt.",
        ["Berlin (AFP) Die Polizei hat am Montag eine Razzia durchgeführt."],
    ),
    (
        "Das Spiel beginnt um 21 Uhr (20.30 Uhr GMT). Tickets gibt es noch.",
        ["Das Spiel beginnt um 21 Uhr (20.30 Uhr GMT).", "Tickets gibt es noch."],
    ),
    (
        "Die Sitzung beginnt um 15.30 Uhr. Danach folgt die Abstimmung.",
        ["Die Sitzung beginnt um 15.30 Uhr.", "Danach folgt die Abstimmung."],
    ),
    (
        "Die Ergebnisse (siehe Grafik) überraschten. Die Partei verlor deutlich.",
        ["Die Ergebnisse (siehe Grafik) überraschten.", "Die Partei verlor deutlich."],
    ),
    (
        "Die Inflation lag bei 2,5 Prozent. 2022 waren es noch 7,9 Prozent.",
        ["Die Inflation lag bei 2,5 Prozent.", "2022 waren es noch 7,9 Prozent."],
    ),
    (
        "Wer zahlt? Wer haftet? Das ist ungeklärt.",
        ["Wer zahlt?", "Wer haftet?", "Das ist ungeklärt."],
    ),
    (
        "Das Dokument liegt der Redaktion vor (Stand: 3. März). Es ist vertraulich.",
        ["Das Dokument liegt der Redaktion vor (Stand: 3. März).", "Es ist vertraulich."],
    ),
]

ENGLISH = [
    (
        "Mr. Smith met Gen. Miller in Washington. They talked for an hour.",
        ["Mr. Smith met Gen. Miller in Washington.", "They talked for an hour."],
    ),
    (
        "The U.S. Senate voted on Jan. 5 on the bill. It passed.",
        ["The U.S. Senate voted on Jan. 5 on the bill.", "It passed."],
    ),
    (
        "The death toll rose to 25. Rescue teams are still searching.",
        ["The death toll rose to 25.", "Rescue teams are still searching."],
    ),
    (
        "Shares of Acme Inc. The company said nothing.",
        ["Shares of Acme Inc.", "The company said nothing."],
    ),
    (
        '"We are ready," she said. "Are you?"',
        ['"We are ready," she said.', '"Are you?"'],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ORDINALS_AND_DATES)
def test_sentences_ordinals_and_dates_split_only_at_real_ends(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS)
def test_sentences_abbreviations_do_not_end_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), QUOTES)
def test_sentences_quotes_end_or_continue(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), MARKS_AND_LINES)
def test_sentences_marks_and_lines_split(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_sentences_english_uses_english_abbreviations(text, expected):
    assert sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Dr. Weber kam. Mr. Smith ging.", None, ["Dr. Weber kam.", "Mr. Smith ging."]),
        ("Die Zahl stieg auf 25. Am Abend kam er.", None, ["Die Zahl stieg auf 25.", "Am Abend kam er."]),
        ("Gen. Miller arrived. He spoke.", "de", ["Gen.", "Miller arrived.", "He spoke."]),
    ],
)
def test_sentences_language_selects_abbreviation_list(text, language, expected):
    assert sentences(text, language) == expected


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t "])
def test_segment_empty_text_gives_empty_lists(text):
    doc = run(text)
    assert doc.sentences == []
    assert doc.tokens == []


def test_segment_leading_and_trailing_space_is_not_in_spans():
    doc = run("  \n Die Lage ist ruhig.  \n\n Die Polizei zieht ab. \n")
    assert [doc.text[s.start:s.end] for s in doc.sentences] == [
        "Die Lage ist ruhig.",
        "Die Polizei zieht ab.",
    ]
    assert doc.sentences[0].start == 4


# --------------------------------------------------------------------- tokens

TOKENS = [
    (
        "Der Kreml-Sprecher und der US-Außenminister kritisierten das NATO-Bündnis.",
        ["Der", "Kreml-Sprecher", "und", "der", "US-Außenminister", "kritisierten", "das", "NATO-Bündnis", "."],
    ),
    (
        "Die Covid-19-Pandemie traf die 35-Jährige hart.",
        ["Die", "Covid-19-Pandemie", "traf", "die", "35-Jährige", "hart", "."],
    ),
    (
        "Erdoğan traf Łukaszenka in Straßburg.",
        ["Erdoğan", "traf", "Łukaszenka", "in", "Straßburg", "."],
    ),
    (
        "Geht's noch? fragte O'Brien.",
        ["Geht's", "noch", "?", "fragte", "O'Brien", "."],
    ),
    (
        "Am 10. Januar um 15.30 Uhr kamen 3.000 Menschen.",
        ["Am", "10.", "Januar", "um", "15.30", "Uhr", "kamen", "3.000", "Menschen", "."],
    ),
    (
        "Der Preis stieg um 2,5 % auf 1.5 Mio. €.",
        ["Der", "Preis", "stieg", "um", "2,5", "%", "auf", "1.5", "Mio.", "€", "."],
    ),
    (
        "Die Frist lief am 30.12.2021 ab, nicht am 30.12. wie geplant.",
        ["Die", "Frist", "lief", "am", "30.12.2021", "ab", ",", "nicht", "am", "30.12.", "wie", "geplant", "."],
    ),
    (
        "Das regelt z. B. § 5 bzw. Dr. Müllers Vertrag Nr. 7.",
        ["Das", "regelt", "z.", "B.", "§", "5", "bzw.", "Dr.", "Müllers", "Vertrag", "Nr.", "7", "."],
    ),
    (
        "Mehr unter https://www.example.org/artikel?id=5 oder per Mail an presse@example.de.",
        ["Mehr", "unter", "https://www.example.org/artikel?id=5", "oder", "per", "Mail", "an", "presse@example.de", "."],
    ),
    (
        "„Nein“, sagte sie. »Nie!«",
        ["„", "Nein", "“", ",", "sagte", "sie", ".", "»", "Nie", "!", "«"],
    ),
    (
        "Die Ein- und Ausreise kostet 40 $ (etwa 37 Euro)...",
        ["Die", "Ein-", "und", "Ausreise", "kostet", "40", "$", "(", "etwa", "37", "Euro", ")", "..."],
    ),
    (
        "Der 1,6-Liter-Motor lief 10-15 Minuten im 2000er-Jahre-Stil.",
        ["Der", "1,6-Liter-Motor", "lief", "10-15", "Minuten", "im", "2000er-Jahre-Stil", "."],
    ),
    (
        "Mehr auf tagesschau.de. Dort steht alles.",
        ["Mehr", "auf", "tagesschau.de", ".", "Dort", "steht", "alles", "."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_tokens_tricky_inputs_are_cut_right(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Am 10. Januar stieg der Wert auf 25.",
            [
                ("Am", "word"), ("10.", "number"), ("Januar", "word"), ("stieg", "word"),
                ("der", "word"), ("Wert", "word"), ("auf", "word"), ("25", "number"), (".", "punct"),
            ],
        ),
        (
            "„Ja“, sagte Dr. Kim: 5 % mehr für § 3!",
            [
                ("„", "quote"), ("Ja", "word"), ("“", "quote"), (",", "punct"), ("sagte", "word"),
                ("Dr.", "word"), ("Kim", "word"), (":", "punct"), ("5", "number"), ("%", "symbol"),
                ("mehr", "word"), ("für", "word"), ("§", "symbol"), ("3", "number"), ("!", "punct"),
            ],
        ),
        (
            "Infos: info@example.com, www.example.de",
            [
                ("Infos", "word"), (":", "punct"), ("info@example.com", "symbol"), (",", "punct"),
                ("www.example.de", "symbol"),
            ],
        ),
    ],
)
def test_tokens_kinds_are_assigned(text, expected):
    assert kinds(text) == expected


# ------------------------------------------------------------ offset invariants

INVARIANT_TEXTS = [
    "Die Zahl der Toten stieg auf 25. Am Abend kam der Kreml-Sprecher.\n\n„Wir sind bereit.“ Er ging.",
    "US-Unterstützung für die Ukraine\nWashington (AFP) - Am 3. Oktober 2020 um 20.30 Uhr, z. B. in St. Petersburg...",
    "  Der 1. FC   Köln\u00a0verlor 0:3!!  \n  Mehr auf www.example.de  ",
    "Joe R. Biden sagte: »Nie wieder.« Dann … nichts. (dpa)\n",
    "Am 30.12. Danach? Kosten: 3.000 € bzw. 2,5 %; Art. 5; usw. Ende",
    "Felix' Mutter sagte 'Nein'. Geht's? Ja\u200b! O'Brien kam (!) spät.",
]


@pytest.mark.parametrize("text", INVARIANT_TEXTS)
def test_spans_tokens_lie_inside_sentences(text):
    doc = run(text)
    for token in doc.tokens:
        assert any(s.start <= token.start and token.end <= s.end for s in doc.sentences), token


@pytest.mark.parametrize("text", INVARIANT_TEXTS)
def test_spans_do_not_overlap_and_keep_order(text):
    doc = run(text)
    for spans in (doc.tokens, doc.sentences):
        for before, after in zip(spans, spans[1:]):
            assert before.start < before.end <= after.start < after.end


@pytest.mark.parametrize("text", INVARIANT_TEXTS)
def test_spans_text_has_no_surrounding_white_space(text):
    doc = run(text)
    for span in [*doc.sentences, *doc.tokens]:
        piece = doc.text[span.start:span.end]
        assert piece and piece == piece.strip()


@pytest.mark.parametrize("text", INVARIANT_TEXTS)
def test_spans_tokens_cover_all_visible_characters(text):
    doc = run(text)
    covered = set()
    for token in doc.tokens:
        covered.update(range(token.start, token.end))
    visible = {i for i, c in enumerate(text) if not c.isspace() and c != "\u200b"}
    assert visible == covered
    assert {t.kind for t in doc.tokens} <= {"word", "number", "punct", "quote", "symbol"}


# ------------------------------------------------------------------ the stage

def test_segment_fits_a_pipeline_after_language():
    info = segment.stage_info
    assert info.requires == frozenset({"text", "language"})
    assert info.provides == frozenset({"sentences", "tokens"})
    with pytest.raises(ValueError):
        Pipeline([segment])


@pytest.mark.parametrize("language", ["de", "en"])
def test_abbreviations_file_has_unique_keys_with_periods(language):
    rows = read_table(f"lang/{language}/abbreviations.tsv")
    keys = [row[0] for row in rows]
    assert len(keys) == len(set(keys))
    assert all(key.endswith(".") for key in keys)
    assert all(len(row) == 2 and row[1] in {"mid", "may-end", "before-number"} for row in rows)
