"""The SQLite store (WAL mode): documents, inputs and failures."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import orjson

from lagebild.copies import CopyIndex
from lagebild.document import Document
from lagebild.sources.raw import Failure
from lagebild.store.schema import SCHEMA_VERSION, SQLITE_TABLES, TABLES


class SchemaVersionError(RuntimeError):
    """The database was written by a newer lagebild."""


def _json(value: dict) -> str:
    """`value` as compact JSON text (orjson: several times faster than json.dumps on big records)."""
    return orjson.dumps(value).decode()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class SQLiteStore:
    """A lagebild database in one SQLite file. Use as a context manager, or call close()."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(self.path)
        self.connection.row_factory = sqlite3.Row
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self._create_schema()
        self.copy_index = CopyIndex(self.connection)
        with self.connection:
            self.copy_index.migrate()

    def _create_schema(self) -> None:
        with self.connection:
            for statement in TABLES + SQLITE_TABLES:
                self.connection.execute(statement)
            row = self.connection.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
            if row is None:
                self.connection.execute(
                    "INSERT INTO meta (name, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
            elif int(row["value"]) > SCHEMA_VERSION:
                raise SchemaVersionError(
                    f"{self.path}: the database has schema version {row['value']}, newer than this "
                    f"lagebild's {SCHEMA_VERSION}; upgrade lagebild"
                )
            elif int(row["value"]) < SCHEMA_VERSION:
                self._migrate(int(row["value"]))

    def _migrate(self, version: int) -> None:
        """Fill the read-side tables that `version` lacked from the stored records."""
        if version < 3:
            self.connection.execute("DELETE FROM quotes")
            self.connection.execute("DELETE FROM actors")
        for key, record in self.connection.execute("SELECT key, record FROM documents").fetchall():
            record = json.loads(record)
            if version < 2:
                self._add_events(key, record["events"])
            if version < 3:
                self._add_layers(key, record)
        if version < 3:
            self.connection.execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')")
        self.connection.execute("UPDATE meta SET value = ? WHERE name = 'schema_version'", (str(SCHEMA_VERSION),))

    @property
    def schema_version(self) -> int:
        row = self.connection.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
        return int(row["value"])

    def add(self, doc: Document) -> bool:
        """Store `doc` and record its input; False when the same content was stored before."""
        record, now = doc.to_record(), _now()
        key = record["key"]
        cursor = self.connection.execute(
            """INSERT OR IGNORE INTO documents (key, input_id, origin, source, url, title, language,
                   published, genre, agency, dateline, text, raw, raw_format, record, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                key, doc.id, doc.origin, doc.source, doc.url, doc.title, doc.language, doc.published,
                doc.genre, doc.agency, doc.dateline, doc.text, doc.raw, doc.raw_format,
                _json(record), now,
            ),
        )
        self.connection.execute(
            "INSERT INTO inputs (key, input_id, origin, ingested_at) VALUES (?, ?, ?, ?)",
            (key, doc.id, doc.origin or "", now),
        )
        if cursor.rowcount == 1:
            self._add_events(key, doc.events)
            self._add_layers(key, {"quotes": doc.quotes, "actors": doc.actors})
            self.connection.execute("INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)",
                                    (cursor.lastrowid, doc.title or "", doc.text))
            self.copy_index.add(key, doc.text)
        return cursor.rowcount == 1

    def _add_events(self, key: str, events: list[dict]) -> None:
        self.connection.executemany(
            "INSERT INTO events (key, type, source_code, target_code, date, status, event) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(key, e["type"], e["source"]["code"], (e["target"] or {}).get("code"), e["date"], e["status"],
              _json(e)) for e in events])

    def _add_layers(self, key: str, record: dict) -> None:
        """The quotes of one document into their table, its actors into the actor counts."""
        self.connection.executemany(
            """INSERT INTO quotes (key, span_start, span_end, kind, speaker, speaker_code, addressee, text)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [(key, q["start"], q["end"], q["kind"], q.get("speaker"), q.get("speaker_code"), q.get("addressee"),
              q["text"]) for q in record.get("quotes", [])])
        mentions: dict[tuple[str, str, str], int] = {}
        for actor in record.get("actors", []):
            name = (actor["name"], actor.get("code") or "", actor["kind"])
            mentions[name] = mentions.get(name, 0) + 1
        self.connection.executemany(
            """INSERT INTO actors (name, code, kind, mentions, documents) VALUES (?, ?, ?, ?, 1)
               ON CONFLICT (name, code, kind)
               DO UPDATE SET mentions = mentions + excluded.mentions, documents = documents + 1""",
            [(*name, n) for name, n in mentions.items()])

    def add_failure(self, failure: Failure) -> None:
        self.connection.execute(
            "INSERT INTO failures (origin, reason, failed_at) VALUES (?, ?, ?)",
            (failure.origin, failure.reason, _now()),
        )

    def commit(self) -> None:
        self.connection.commit()

    def get(self, ident: str) -> dict | None:
        """The analysis record of a document, found by its key, a key prefix of at least 6
        characters, or the caller's input id; None when there is none."""
        row = self.connection.execute(
            """SELECT record FROM documents WHERE key = ? OR input_id = ?
               OR key IN (SELECT key FROM inputs WHERE input_id = ?) LIMIT 1""",
            (ident, ident, ident),
        ).fetchone()
        if row is None and len(ident) >= 6:
            rows = self.connection.execute(
                "SELECT record FROM documents WHERE key LIKE ? LIMIT 2", (ident.lower() + "%",)
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return json.loads(row["record"]) if row else None

    def documents(self, limit: int = 20) -> list[dict]:
        """The newest documents: key, title, language, source, published."""
        rows = self.connection.execute(
            """SELECT key, input_id, title, language, source, agency, published, origin
               FROM documents ORDER BY rowid DESC LIMIT ?""",
            (limit,),
        ).fetchall()
        return [dict(row) for row in rows]

    def failures(self, limit: int = 20) -> list[dict]:
        rows = self.connection.execute(
            "SELECT origin, reason, failed_at FROM failures ORDER BY rowid DESC LIMIT ?", (limit,)
        ).fetchall()
        return [dict(row) for row in rows]

    def stats(self) -> dict:
        """Counts: documents, inputs, duplicates, failures; documents by language, source and
        agency; and the number of spans in each layer."""
        one = self.connection.execute
        documents = one("SELECT COUNT(*) FROM documents").fetchone()[0]
        inputs = one("SELECT COUNT(*) FROM inputs").fetchone()[0]
        layers = one(
            """SELECT SUM(json_array_length(record, '$.sentences')), SUM(json_array_length(record, '$.tokens')),
                      SUM(json_array_length(record, '$.times')), SUM(json_array_length(record, '$.actors')),
                      SUM(json_array_length(record, '$.quotes')), SUM(json_array_length(record, '$.events'))
               FROM documents"""
        ).fetchone()

        def grouped(column: str) -> dict:
            rows = one(
                f"SELECT COALESCE({column}, '?') AS name, COUNT(*) FROM documents GROUP BY name "
                "ORDER BY COUNT(*) DESC, name"
            ).fetchall()
            return {row[0]: row[1] for row in rows}

        return {
            "documents": documents,
            "inputs": inputs,
            "duplicates": inputs - documents,
            "failures": one("SELECT COUNT(*) FROM failures").fetchone()[0],
            "languages": grouped("language"),
            "sources": grouped("source"),
            "agencies": grouped("agency"),
            "layers": dict(
                zip(("sentences", "tokens", "times", "actors", "quotes", "events"), (n or 0 for n in layers))
            ),
        }

    def close(self) -> None:
        self.connection.commit()
        self.connection.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
