from lagebild.temporal import grammar
from lagebild.temporal.grammar import find_candidates, patterns

ARTICLE = """Die Außenminister der EU beraten am Montag, 14. März 2022, in Brüssel über neue Sanktionen.
Bereits Anfang März hatten sie ein viertes Paket beschlossen; das erste war am 23. Februar in Kraft getreten.
Der Gipfel soll um 15.30 Uhr beginnen und bis in die Nacht zum Dienstag dauern. Seit 2014 gelten
Strafmaßnahmen gegen Russland, die seither alle sechs Monate verlängert werden. Im vergangenen Jahr und im
Frühjahr 2021 hatte es Streit gegeben; nach drei Wochen einigte man sich. Vorgestern sagte ein Diplomat,
man rechne frühestens Ende des Monats mit einer Einigung, spätestens im dritten Quartal."""


def test_patterns_compile_and_name_a_rule():
    from lagebild.temporal.resolve import RULES

    for pattern in patterns("de"):
        assert pattern.rule in RULES or pattern.rule in {"day_before", "month_before", "night_from"}, pattern.name


def test_find_candidates_near_triggers_finds_what_a_full_scan_finds(monkeypatch):
    windowed = [(c.start, c.end, c.pattern.name) for c in find_candidates(ARTICLE)]
    everywhere = {kind: [(0, len(ARTICLE))] for kind in ("digit", "extra", *grammar.TRIGGER_CLASSES)}
    monkeypatch.setattr(grammar, "_windows", lambda text, start, end, language: everywhere)
    full = [(c.start, c.end, c.pattern.name) for c in find_candidates(ARTICLE)]
    assert windowed == full
    assert len(full) >= 12


def test_find_candidates_prefers_the_longest_match():
    text = "Die Waffenruhe gilt seit dem 18. Januar 2015 um 12 Uhr."
    names = {text[c.start:c.end]: c.pattern.name for c in find_candidates(text)}
    assert names["18. Januar 2015"] == "date_full"
    assert "Januar 2015" not in names and "2015" not in names


def test_trigger_spans_match_the_case_insensitive_trigger_regex():
    texts = [ARTICLE, "Im JANUAR 2020Jahr, Jan.Feb. und Jh.; 19Jahrhundert", "İm ſommer, İnzwischen", "ΣΟΜΜΕΡ Mai"]
    for text in texts:
        expected = [m.span() for m in grammar._trigger("de").finditer(text)]
        assert grammar._trigger_spans(text, 0, len(text), "de") == expected
        assert grammar._trigger_spans(text, 3, len(text) - 2, "de") == [
            m.span() for m in grammar._trigger("de").finditer(text, 3, len(text) - 2)]


def test_alternation_tries_the_longest_word_first():
    import re

    regex = re.compile(grammar._alternation(["in", "in zukunft", "inzwischen", "jahr", "jahres"]) + "$")
    assert regex.match("in  zukunft") and regex.match("inzwischen") and regex.match("jahres")
    assert re.match(grammar._alternation(["jahr", "jahres"]), "jahresende").group() == "jahres"
