"""Stories beyond copies: reports of one event in other words, on story pairs written
for these tests, and the hard negatives (the same actors on the same day doing
something else; the same call a week later)."""
import json

import pytest
from typer.testing import CliRunner

from lagebild import analyze
from lagebild.cli import app
from lagebild.store.sqlite import SQLiteStore
from lagebild.stories import copy_groups, stories

CALL_DPA = """Scholz telefoniert mit Putin über Getreideexporte

BERLIN (dpa) – Bundeskanzler Olaf Scholz hat am Freitag mit dem russischen Präsidenten Wladimir Putin telefoniert. Im Mittelpunkt des einstündigen Gesprächs standen nach Angaben eines Regierungssprechers die blockierten Getreideexporte aus den ukrainischen Schwarzmeerhäfen. Scholz habe Putin aufgefordert, die Blockade des Hafens Odessa aufzuheben, damit Weizen nach Afrika geliefert werden könne.

Der Kanzler drängte zudem auf eine Waffenruhe und direkte Verhandlungen mit Kiew. Putin habe die westlichen Sanktionen für die Engpässe bei Getreide und Dünger verantwortlich gemacht, hieß es aus dem Kreml. Beide Seiten vereinbarten, in Kontakt zu bleiben."""

CALL_AFP = """Kreml: Putin und Scholz sprechen über Weizen und Häfen

MOSKAU (AFP) – Der russische Staatschef Wladimir Putin und der deutsche Kanzler Olaf Scholz haben in einem Telefonat über die Lage in der Ukraine und die Getreideexporte gesprochen. Putin habe dem Kanzler erklärt, Russland sei bereit, die Ausfuhr von Weizen und Dünger über die Schwarzmeerhäfen zu ermöglichen, wenn die Sanktionen aufgehoben würden, teilte der Kreml am Freitag mit.

Nach Angaben der Bundesregierung forderte Scholz in dem Gespräch eine Waffenruhe und das Ende der Blockade von Odessa. Das Telefonat dauerte demnach rund eine Stunde. Die Getreideexporte aus der Ukraine sind seit Kriegsbeginn fast vollständig zum Erliegen gekommen."""

SAME_ACTORS_OTHER_EVENT = """Scholz kündigt neue Waffenlieferungen an Kiew an

BERLIN (dpa) – Bundeskanzler Olaf Scholz hat am Freitag weitere Waffenlieferungen an die Ukraine angekündigt. Deutschland werde der ukrainischen Armee in den kommenden Wochen zusätzliche Flugabwehrsysteme vom Typ Iris-T und Munition zur Verfügung stellen, sagte Scholz bei einer Pressekonferenz im Kanzleramt. Russland kritisierte die Entscheidung scharf.

Kremlsprecher Dmitri Peskow sagte, die Lieferungen verlängerten den Krieg nur. Die Opposition im Bundestag begrüßte die Ankündigung, forderte aber auch Kampfpanzer für die ukrainischen Streitkräfte."""

CALL_WEEK_LATER = """Scholz und Putin telefonieren erneut über Getreide

BERLIN (dpa) – Eine Woche nach ihrem letzten Gespräch haben Bundeskanzler Olaf Scholz und der russische Präsident Wladimir Putin erneut telefoniert. Wieder ging es um die Getreideexporte aus den ukrainischen Schwarzmeerhäfen und die Blockade von Odessa. Scholz forderte Putin nach Angaben eines Regierungssprechers auf, den Weizen aus der Ukraine ausfahren zu lassen.

Putin machte erneut die Sanktionen für die Engpässe verantwortlich. Ein Durchbruch wurde nicht erzielt, beide Seiten wollen aber in Kontakt bleiben."""

DAY, WEEK_LATER = "2022-05-27", "2022-06-03"


def _store(path, texts: dict[str, tuple[str, str | None]]) -> SQLiteStore:
    store = SQLiteStore(path)
    for input_id, (text, published) in texts.items():
        doc = analyze(text, published=published)
        doc.id = input_id
        store.add(doc)
    store.commit()
    return store


def _grouped(found):
    return sorted(sorted(story["documents"]) for story in found)


def test_stories_two_agencies_reports_of_one_call_are_one_story(tmp_path):
    with _store(tmp_path / "s.db", {"dpa": (CALL_DPA, DAY), "afp": (CALL_AFP, DAY)}) as store:
        (story,) = stories(store)
    assert sorted(story["documents"]) == ["afp", "dpa"]
    assert story["copies"] == [["dpa"], ["afp"]]          # two reports, neither a copy
    assert story["first_seen"] == story["last_seen"] == DAY
    assert story["title"] == "Scholz telefoniert mit Putin über Getreideexporte"


@pytest.mark.parametrize("other, published", [
    (SAME_ACTORS_OTHER_EVENT, DAY),
    (CALL_WEEK_LATER, WEEK_LATER),
], ids=["same actors, same day, another event", "the same kind of call a week later"])
def test_stories_hard_negatives_stay_apart(tmp_path, other, published):
    with _store(tmp_path / "s.db", {"dpa": (CALL_DPA, DAY), "other": (other, published)}) as store:
        found = stories(store)
    assert _grouped(found) == [["dpa"], ["other"]]


def test_stories_join_copies_and_other_reports_and_keep_the_rest_apart(tmp_path):
    texts = {
        "dpa": (CALL_DPA, DAY),
        "dpa-copy": ("Veröffentlicht am 28.05.2022\n\n" + CALL_DPA.replace("–", "-") + "\n\nKommentar schreiben", "2022-05-28"),
        "afp": (CALL_AFP, DAY),
        "arms": (SAME_ACTORS_OTHER_EVENT, DAY),
        "week": (CALL_WEEK_LATER, WEEK_LATER),
    }
    with _store(tmp_path / "s.db", texts) as store:
        found = stories(store)
        groups = copy_groups(store)
    assert _grouped(found) == [["afp", "dpa", "dpa-copy"], ["arms"], ["week"]]
    (call,) = [s for s in found if "dpa" in s["documents"]]
    assert call["copies"] == [["dpa", "dpa-copy"], ["afp"]]
    assert (call["first_seen"], call["last_seen"]) == (DAY, "2022-05-28")
    assert sorted(len(g["members"]) for g in groups) == [1, 1, 1, 2]


def test_stories_without_publication_dates_are_not_joined(tmp_path):
    # No time window can be drawn, so only copies are grouped.
    with _store(tmp_path / "s.db", {"dpa": (CALL_DPA, None), "afp": (CALL_AFP, None)}) as store:
        assert _grouped(stories(store)) == [["afp"], ["dpa"]]


def test_stories_link_false_gives_copy_groups(tmp_path):
    with _store(tmp_path / "s.db", {"dpa": (CALL_DPA, DAY), "afp": (CALL_AFP, DAY)}) as store:
        assert _grouped(stories(store, link=False)) == [["afp"], ["dpa"]]


def test_stories_since_leaves_out_older_stories(tmp_path):
    with _store(tmp_path / "s.db", {"dpa": (CALL_DPA, DAY), "week": (CALL_WEEK_LATER, WEEK_LATER)}) as store:
        assert _grouped(stories(store, since="2022-06-01")) == [["week"]]


def test_stories_command_formats_and_every_input_once(tmp_path):
    with _store(tmp_path / "s.db", {"dpa": (CALL_DPA, DAY), "afp": (CALL_AFP, DAY), "arms": (SAME_ACTORS_OTHER_EVENT, DAY)}) as store:
        again = analyze(CALL_AFP, published=DAY)
        again.id = "afp-again"                 # the same content delivered twice
        store.add(again)
    runner = CliRunner()
    db = str(tmp_path / "s.db")
    lines = [json.loads(line) for line in runner.invoke(app, ["stories", "--db", db, "--format", "jsonl"]).stdout.splitlines()]
    assert sorted(sorted(line["documents"]) for line in lines) == [["afp", "afp-again", "dpa"], ["arms"]]
    assert all(set(line) == {"story", "documents"} for line in lines)
    full = json.loads(runner.invoke(app, ["stories", "--db", db, "--format", "json"]).stdout)
    assert {"story", "title", "first_seen", "last_seen", "documents", "copies", "sources"} == set(full[0])
    table = runner.invoke(app, ["stories", "--db", db]).stdout
    assert "Scholz telefoniert mit Putin" in table and "2 reports" in table
    copies = runner.invoke(app, ["copies", "--db", db]).stdout
    assert "afp-again" in copies and "dpa" not in copies      # the same article delivered twice
    assert "articles that ran more than once: 1" in copies
