import sqlite3

import pytest

from lagebild.document import Document, Sentence
from lagebild.sources import Failure
from lagebild.store import StoreError, open_store
from lagebild.store.schema import SCHEMA_VERSION
from lagebild.store.sqlite import SchemaVersionError, SQLiteStore

TEXT = "Polen und Litauen vereinbarten am Freitag eine engere Zusammenarbeit beim Grenzschutz."


def make_doc(raw=TEXT, id="pl-1", origin="feed.jsonl:1", language="de"):
    doc = Document(raw=raw, id=id, origin=origin, source_text=raw, text=raw, language=language,
                   title="Grenzschutz", published="2023-08-04", agency="PAP")
    doc.sentences = [Sentence(0, len(raw))]
    return doc


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "test.db") as opened:
        yield opened


def test_store_records_schema_version_and_uses_wal(store):
    assert store.schema_version == SCHEMA_VERSION
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_same_content_is_stored_once_and_every_input_is_kept(store):
    assert store.add(make_doc(id="pl-1")) is True
    # The same article again, with other white space and another id: a duplicate.
    assert store.add(make_doc(raw="  " + TEXT.replace(" ", "  ") + "\n", id="pl-2", origin="b.txt")) is False
    stats = store.stats()
    assert (stats["documents"], stats["inputs"], stats["duplicates"]) == (1, 2, 1)
    assert store.get("pl-2")["id"] == "pl-1"


def test_store_get_by_input_id_key_and_prefix(store):
    doc = make_doc()
    store.add(doc)
    assert store.get("pl-1")["text"] == TEXT
    assert store.get(doc.key)["title"] == "Grenzschutz"
    assert store.get(doc.key[:8])["published"] == "2023-08-04"
    assert store.get("gibt-es-nicht") is None
    assert store.get(doc.key[:3]) is None


def test_store_failures_and_stats(store):
    store.add(make_doc())
    store.add(make_doc(raw="The leaders met in Vilnius.", id="en-1", language="en"))
    store.add_failure(Failure("feed.jsonl:3", "not valid JSON"))
    stats = store.stats()
    assert stats["failures"] == 1
    assert stats["languages"] == {"de": 1, "en": 1}
    assert stats["agencies"] == {"PAP": 2}
    assert stats["layers"]["sentences"] == 2
    assert store.failures()[0]["origin"] == "feed.jsonl:3"


def test_store_persists_across_reopen(tmp_path):
    path = tmp_path / "nested" / "lagebild.db"
    with open_store(path) as store:
        store.add(make_doc())
    with open_store(f"sqlite:///{path}") as store:
        assert store.stats()["documents"] == 1


def test_store_refuses_newer_schema(tmp_path):
    path = tmp_path / "future.db"
    open_store(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE name = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(SchemaVersionError, match="newer"):
        open_store(path)


@pytest.mark.parametrize(
    "url, problem",
    [("postgresql://user:secret@db.example.org/news", "PostgreSQL is not supported yet"),
     ("mysql://localhost/news", "unknown database URL")],
)
def test_open_store_rejects_unsupported_urls(url, problem):
    with pytest.raises(StoreError, match=problem) as caught:
        open_store(url)
    assert "secret" not in str(caught.value)


def test_open_store_reads_lagebild_db_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("LAGEBILD_DB", str(tmp_path / "env.db"))
    open_store().close()
    assert (tmp_path / "env.db").exists()


def test_store_migrates_version_1_by_filling_the_events_table(tmp_path):
    from lagebild import analyze

    path = tmp_path / "old.db"
    with SQLiteStore(path) as store:
        store.add(analyze("Die EU verhängte neue Sanktionen gegen Russland.", published="2023-03-15"))
        store.connection.execute("DELETE FROM events")
        store.connection.execute("UPDATE meta SET value = '1' WHERE name = 'schema_version'")
    with SQLiteStore(path) as store:
        rows = store.connection.execute("SELECT type, source_code, target_code FROM events").fetchall()
        assert [tuple(row) for row in rows] == [("SANCTION", "EU", "RUS")]
        assert store.schema_version == SCHEMA_VERSION
