import pytest

from lagebild.temporal.tense import clause_bounds, clause_tense


@pytest.mark.parametrize(
    "clause, tense",
    [
        ("Die Außenminister werden am Donnerstag in Wien sprechen", "future"),
        ("Der Gipfel soll am Freitag beginnen", "future"),
        ("Xi wolle am Freitag ein neues System verkünden", "future"),
        ("Die Gruppe wollte ursprünglich am Freitag zusammenkommen", "future"),
        ("Sollten die Briten am 23. Juni für den Austritt stimmen", "future"),
        ("Die Verteidigungsminister wollen am Donnerstag in Brüssel beraten", "future"),
        ("Blinken sprach am Mittwoch mit Selenskyj", "past"),
        ("Die Regierung hatte am Montag erklärt", "past"),
        ("Der Minister hat am Dienstag die Pläne bestätigt", "past"),
        ("Die Polizei nahm am Sonntag zwei Männer fest", "past"),
        ("Die Demonstranten blockierten am Samstag die Straße", "past"),
        ("weil er im Herbst Demonstranten aufgehetzt haben soll", "past"),
        ("Weil die Gebiete seit Dezember unter einer Ausgangssperre stehen", None),
        ("können die Angaben nicht unabhängig überprüft werden", None),
        ("Die Türken wählen am Sonntag ein neues Parlament", None),
        ("Die Regierung ist zu Gesprächen bereit", None),
        ("die letzte Sitzung am Montag", None),
    ],
)
def test_clause_tense_reads_german_verb_forms(clause, tense):
    assert clause_tense(clause) == tense


def test_clause_bounds_stop_at_commas_and_quotes():
    text = "Peskow bestätigte den Anruf und sagte, er würde Donnerstagabend stattfinden."
    start = text.index("Donnerstagabend")
    left, right = clause_bounds(text, start, start + 15, 0, len(text))
    assert text[left:right].strip() == "er würde Donnerstagabend stattfinden."
