"""Copy detection and stories, on story pairs written for these tests."""
import json

import pytest

from lagebild import analyze
from lagebild.cli import app
from lagebild.copies import CopyIndex, containment, shingles, signature
from lagebild.store.sqlite import SQLiteStore
from lagebild.stories import stories

ORIGINAL = """Außenminister beraten in Wien über Waffenruhe

WIEN (dpa) – Die Außenminister Russlands und der Ukraine sind am Dienstag in Wien zu ersten direkten Gesprächen seit Monaten zusammengekommen. Vermittelt hatte das Treffen die österreichische Regierung, die seit dem Frühjahr zwischen beiden Seiten Botschaften überbringt.

„Wir sind nicht hier, um Geschenke zu verteilen, sondern um eine Lösung für die Menschen im Donbass zu finden“, sagte der ukrainische Außenminister nach dem ersten Gesprächstag. Sein russischer Kollege erklärte, Moskau sei zu einer Waffenruhe bereit, wenn Kiew seine Angriffe auf die Grenzregion Belgorod einstelle.

Beobachter in Wien zeigten sich vorsichtig. Ein Diplomat sagte, die Positionen lägen weiterhin weit auseinander, ein Abkommen sei vor dem Winter kaum zu erwarten. Die Gespräche sollen am Mittwoch fortgesetzt werden.

Die Vereinten Nationen begrüßten das Treffen und boten an, eine mögliche Waffenruhe mit Beobachtern zu überwachen."""

OTHER_EVENT_SAME_ACTORS = """Russland und Ukraine tauschen Gefangene aus

KIEW (AFP) – Russland und die Ukraine haben am Dienstag jeweils 90 Kriegsgefangene ausgetauscht. Der Austausch fand an der Grenze zu Belarus statt, teilte das ukrainische Verteidigungsministerium mit. Unter den Freigelassenen seien auch Verwundete, die sofort in Krankenhäuser gebracht worden seien.

Der Menschenrechtsbeauftragte des ukrainischen Parlaments dankte den Vereinigten Arabischen Emiraten für ihre Vermittlung. Es war bereits der dritte Austausch in diesem Jahr. Beide Seiten hatten zuletzt angekündigt, weitere Gefangene freizulassen."""

A_WEEK_LATER = """Gespräche in Wien ohne Ergebnis beendet

WIEN (dpa) – Eine Woche nach ihrem ersten Treffen sind die Außenminister Russlands und der Ukraine in Wien erneut ohne Einigung auseinandergegangen. Eine Waffenruhe sei in weite Ferne gerückt, sagte ein Sprecher der österreichischen Regierung am Dienstag.

Kiew warf Moskau vor, seine Truppen im Osten des Landes zu verstärken. Das russische Außenministerium wies das zurück und sprach von Propaganda. Ein neuer Termin für Gespräche wurde nicht vereinbart."""


def _paragraphs(text):
    return text.split("\n\n")


# Each transformation of the original that a republishing site makes.
COPIES = {
    "boilerplate": "Ausgegeben am: 12.09.2023\n\n" + ORIGINAL + "\n\nLeave a Reply\n\nsource site-12",
    "truncated": "\n\n".join(_paragraphs(ORIGINAL)[:3]),
    "retitled": "Russland und Ukraine sprechen wieder miteinander\n\n" + "\n\n".join(_paragraphs(ORIGINAL)[1:]),
    "retypeset": ORIGINAL.replace("„", '"').replace("“", '"').replace("–", "-"),
    "dropped_sentence": ORIGINAL.replace(" Die Gespräche sollen am Mittwoch fortgesetzt werden.", ""),
    "teaser": ORIGINAL.replace("\n\n", "\n\nLesen Sie auch: Was Sie über die Lage im Donbass wissen müssen\n\n", 1),
}


def _store(tmp_path, texts: dict[str, str]) -> SQLiteStore:
    store = SQLiteStore(tmp_path / "copies.db")
    for input_id, text in texts.items():
        doc = analyze(text, published="2023-09-12")
        doc.id = input_id
        store.add(doc)
    store.commit()
    return store


@pytest.mark.parametrize("kind", sorted(COPIES))
def test_copies_found_for_every_transformation(tmp_path, kind):
    with _store(tmp_path, {"original": ORIGINAL, kind: COPIES[kind]}) as store:
        found = stories(store)
    assert [sorted(s["documents"]) for s in found] == [sorted(["original", kind])]


@pytest.mark.parametrize("other", [OTHER_EVENT_SAME_ACTORS, A_WEEK_LATER], ids=["same actors, same day", "a week later"])
def test_copies_hard_negatives_stay_apart(tmp_path, other):
    with _store(tmp_path, {"original": ORIGINAL, "other": other}) as store:
        found = stories(store)
    assert sorted(len(s["documents"]) for s in found) == [1, 1]


def test_copies_the_earliest_is_the_original_and_the_index_survives_a_restart(tmp_path):
    with _store(tmp_path, {"original": ORIGINAL, "copy-1": COPIES["boilerplate"]}):
        pass
    with SQLiteStore(tmp_path / "copies.db") as store:       # reopened: the index is in the file
        doc = analyze(COPIES["retitled"], published="2023-09-13")
        doc.id = "copy-2"
        store.add(doc)
        (story,) = stories(store)
        original_key = store.connection.execute(
            "SELECT key FROM documents WHERE input_id = 'original'").fetchone()[0]
    assert story["story"] == original_key[:16]
    assert story["documents"] == ["original", "copy-1", "copy-2"]


def test_copies_exact_duplicate_input_keeps_its_id(tmp_path):
    with _store(tmp_path, {"first": ORIGINAL}) as store:
        doc = analyze(ORIGINAL, published="2023-09-12")
        doc.id = "second"
        store.add(doc)                       # same content: one document, two inputs
        (story,) = stories(store)
    assert story["documents"] == ["first", "second"]


def test_containment_estimate_follows_the_sets():
    a, b = shingles(ORIGINAL), shingles(COPIES["truncated"])
    estimate = containment(signature(a), len(a), signature(b), len(b))
    assert abs(estimate - len(a & b) / len(b)) < 0.25 and estimate > 0.8


def test_copy_index_answers_the_same_for_a_key_twice(tmp_path):
    with SQLiteStore(tmp_path / "x.db") as store:
        index = CopyIndex(store.connection)
        assert index.add("k1", ORIGINAL) == "k1"
        assert index.add("k1", "ganz anderer Text") == "k1"


def test_stories_command_prints_jsonl_with_every_input_once(tmp_path):
    from typer.testing import CliRunner

    with _store(tmp_path, {"original": ORIGINAL, "copy": COPIES["teaser"], "other": OTHER_EVENT_SAME_ACTORS}):
        pass
    result = CliRunner().invoke(app, ["stories", "--db", str(tmp_path / "copies.db"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    ids = [i for line in lines for i in line["documents"]]
    assert sorted(ids) == ["copy", "original", "other"] and len(lines) == 2


def test_copies_a_store_with_the_first_index_is_migrated_to_buckets(tmp_path):
    with _store(tmp_path, {"original": ORIGINAL}) as store:
        # What a store of the first version held: bands in their own table, no buckets.
        store.connection.execute("CREATE TABLE copy_bands (band INTEGER, bucket INTEGER, copy INTEGER)")
        store.connection.execute("DELETE FROM copy_buckets")
    with SQLiteStore(tmp_path / "copies.db") as store:
        tables = {row[0] for row in store.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        doc = analyze(COPIES["retypeset"], published="2023-09-12")
        doc.id = "copy"
        store.add(doc)
        (story,) = stories(store, link=False)
    assert "copy_bands" not in tables
    assert story["documents"] == ["original", "copy"]
