"""The store's read-side tables and queries (lagebild/store/queries.py)."""
import pytest

from lagebild import analyze
from lagebild.store import queries
from lagebild.store.queries import EventFilter, Page
from lagebild.store.schema import SCHEMA_VERSION
from lagebild.store.sqlite import SQLiteStore

TEXT = ("Die EU verhängte am Montag neue Sanktionen gegen Russland. „Wir lassen nicht nach“, sagte "
        "Bundeskanzler Olaf Scholz in Berlin.")


@pytest.mark.parametrize("text, expected", [
    ("Sanktionen", '"Sanktionen"*'),
    ("neue  Sanktionen!", '"neue"* "Sanktionen"*'),
    ('" OR NEAR( * -', '"OR"* "NEAR"*'),      # FTS5 operators become plain words
    ('"( * -)', None),                         # nothing but syntax: no query
    ("Straße über", '"Straße"* "über"*'),
])
def test_fts_query_keeps_only_words(text, expected):
    assert queries.fts_query(text) == expected


def test_store_add_fills_quotes_actors_and_search(tmp_path):
    with SQLiteStore(tmp_path / "q.db") as store:
        store.add(analyze(TEXT, published="2023-03-13"))
        db = store.connection
        assert len(queries.documents(db, Page(), q="sanktion")) == 1
        assert queries.documents(db, Page(), q="Panzer") == []
        quotes = queries.quotes(db, Page(), speaker="Scholz")
        assert [(q["text"], q["speaker_code"]) for q in quotes] == [("Wir lassen nicht nach", "DEU")]
        codes = {a["code"] for a in queries.actors(db, Page())}
        assert {"EU", "RUS", "DEU"} <= codes


def test_store_migrates_version_2_by_filling_quotes_actors_and_search(tmp_path):
    path = tmp_path / "v2.db"
    with SQLiteStore(path) as store:
        store.add(analyze(TEXT, published="2023-03-13"))
        for table in ("quotes", "actors", "documents_fts"):
            store.connection.execute(f"DROP TABLE {table}")
        store.connection.execute("UPDATE meta SET value = '2' WHERE name = 'schema_version'")
    with SQLiteStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        db = store.connection
        assert len(queries.documents(db, Page(), q="Sanktionen")) == 1
        assert queries.quotes(db, Page(), code="DEU")[0]["speaker"] == "Olaf Scholz"
        russia = queries.actors(db, Page(), code="RUS")
        assert [(a["name"], a["mentions"], a["documents"]) for a in russia] == [("Russland", 1, 1)]
        events = queries.events(db, Page(), EventFilter(actor="RUS", since="2023-03-01", until="2023-03-31"))
        assert [(e["type"], e["source"]["code"]) for e in events] == [("SANCTION", "EU")]


EVENTS = [
    {"type": "SANCTION", "source": {"code": "EU"}, "target": {"code": "RUS"}, "date": "2023-03-13",
     "status": "asserted", "reports": [{"key": "a"}]},
    {"type": "CONSULT", "source": {"code": "DEU"}, "target": {"code": "FRA"}, "date": "2023-03", "status": "planned",
     "reports": [{"key": "b"}, {"key": "c"}]},
    {"type": "ACCUSE", "source": {"code": "RUS"}, "target": None, "date": None, "status": "asserted",
     "reports": [{"key": "c"}]},
]
SENTENCES = ["die eu verhängte neue sanktionen gegen russland.", "scholz reist nach paris.", "moskau protestierte."]


@pytest.mark.parametrize("where, expected", [
    (EventFilter(), ["SANCTION", "CONSULT", "ACCUSE"]),
    (EventFilter(actor="RUS"), ["SANCTION", "ACCUSE"]),
    (EventFilter(source="DEU", target="FRA"), ["CONSULT"]),
    (EventFilter(dyad=("RUS", "EU"), type="SANCTION"), ["SANCTION"]),
    (EventFilter(status="planned"), ["CONSULT"]),
    (EventFilter(since="2023-03-01"), ["SANCTION"]),           # as SQL compares: "2023-03" < "2023-03-01"
    (EventFilter(until="2023-03-31"), ["SANCTION", "CONSULT"]),   # undated events pass no date filter
    (EventFilter(q="Sanktionen"), ["SANCTION"]),                # any case
    (EventFilter(document="c"), ["CONSULT", "ACCUSE"]),          # any of its reports
])
def test_event_filter_matches_an_event_as_where_matches_a_row(where, expected):
    assert [e["type"] for e, said in zip(EVENTS, SENTENCES) if where.matches(e, said)] == expected
