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


# Sentences that show every pattern of the start column with its longest lead-in.
LEAD_INS = """Am Montag, den 14. März 2022 abends trafen sich die Minister; Freitag, den 3.4.2020, nicht.
Die Messe lief vom 18. bis 23. September, am späten Abend des 3. Mai 2019 brannte es. Am Abend desselben
Tages und am gleichen Abend kam die Polizei, in der Nacht zum Dienstag auch, in der Nacht vom 3. auf den
4. Oktober erneut (Meldung vom 2021-05-03). Ende Mai 2019, im Januar des kommenden Jahres, im vergangenen Juni und von Juli bis
August 2020 wurde verhandelt, bis in den Oktober hinein. Seit Anfang dieses Sommers und bis Mitte des
Winters 2020/21 gilt die Regel, im dritten Quartal 2021 wird sie geprüft. Das geht auf das Ende des
19. Jahrhunderts zurück, die Mitte der 1990er Jahre, ja auf das Jahr 44 v. Chr.; im Vorjahr und zum
Jahreswechsel 2020 stieg die Zahl. Ende des kommenden Jahres, Mitte dieser Woche, Anfang nächsten
Monats und über das Wochenende wird gezählt. Genau vor zwei Jahren, drei Tage später, in zwei Wochen
und nach knapp drei Monaten geschah es, im März desselben Jahres, im Laufe des Tages, an diesem Tag und
am Ende des Tages. Am nächsten Morgen, am folgenden Tag, tags darauf und am Vortag kam er, kommenden
Freitag und am Montagabend auch, heute und gestern Abend nicht. Morgen wird gewählt. Im Laufe des
späten Abends, kurz nach 9 Uhr, um 15.30 Uhr, um 14:00 MEZ und um 10:45 fiel der Strom aus. Im Jahre
1989, Ende 2020 und in der Saison 2019/20 war das anders, seit mehr als drei Wochen und seit 20 Jahren
auch. Jeden Montag und sonntags, am zweiten Weihnachtstag, zu Silvester und in Zukunft bleibt es so."""

# Where the start column's claim is easy to get wrong: lead-ins after quotes, brackets and hyphens,
# upper case, words run together.
ODD_STARTS = """„Im Jahr 2020" sagte er, (seit 2014) und Mitte-2020; IM LAUFE DES JAHRES, vor-3 Tagen.
Mitte2020 und Ende  des   kommenden
Jahres, am_nächsten Tag, »gegen 12 Uhr«, Jan.Feb. 2021 und 3.-4. Mai."""


def _without_starts(language: str) -> tuple:
    """The patterns of a language as if none had a start column: tried at every position."""
    from dataclasses import replace

    return tuple(replace(pattern, starts=()) for pattern in patterns.__wrapped__(language))


def test_find_candidates_near_triggers_finds_what_a_full_scan_finds(monkeypatch):
    for text in (ARTICLE, LEAD_INS, ODD_STARTS):
        windowed = [(c.start, c.end, c.pattern.name) for c in find_candidates(text)]
        everywhere = {kind: [(0, len(text))] for kind in ("digit", "extra", *grammar.TRIGGER_CLASSES)}
        with monkeypatch.context() as patched:
            patched.setattr(grammar, "_windows", lambda triggers, start, end: everywhere)
            patched.setattr(grammar, "patterns", _without_starts)
            full = [(c.start, c.end, c.pattern.name) for c in find_candidates(text)]
        assert windowed == full
    assert len(full) >= 5


def test_start_column_holds_every_match_begins_where_it_says():
    import re

    names = set()
    for text in (ARTICLE, LEAD_INS, ODD_STARTS):
        triggers = grammar._triggers(text, 0, len(text), "de")
        reverse = text[::-1]
        for pattern in patterns("de"):
            if not pattern.starts:
                continue
            assert re._parser.parse(pattern.regex.pattern, pattern.regex.flags).getwidth()[0] > 0, pattern.name
            allowed = set()
            for kind, before in pattern.starts:
                kind_starts = [start for start, _, kinds in triggers if kind in kinds]
                allowed.update(grammar._start_positions(kind_starts, reverse, before))
            lower = grammar._lowered(text, "de")
            for regex, subject in ((pattern.regex, text), (pattern.lower_regex, lower)):
                if regex is None or subject is None:
                    continue
                # a lookahead finds every position where a match begins, overlapping ones too
                for match in re.compile(f"(?=(?:{regex.pattern}))", regex.flags).finditer(subject):
                    assert match.start() in allowed, (pattern.name, text[match.start():match.start() + 40])
                    names.add(pattern.name)
    assert names == {pattern.name for pattern in patterns("de") if pattern.starts}


def test_start_column_reads_kinds_and_words_before():
    assert grammar._starts("*") == ()
    assert grammar._starts("extra,unit-2") == (("extra", 0), ("unit", 2))
    text = "Er kam „im Jahr 2020“ an."
    reverse = text[::-1]
    positions = grammar._start_positions([text.index("2020")], reverse, 3)
    assert [text[p:].split()[0] for p in positions] == ["2020“", "Jahr", "im", "kam"]
    assert grammar._start_positions([text.index("Er")], reverse, 2) == [0]


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
