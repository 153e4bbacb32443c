"""Read-side queries of the web API over the store: documents, events, quotes, actors
and a timeline, with filters that combine. Events come from their indexed table, the
other layers from each document's analysis record with SQLite's JSON functions; every
value is a bound parameter."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass


@dataclass
class Page:
    limit: int = 50
    offset: int = 0


def documents(connection: sqlite3.Connection, page: Page, q: str | None = None, source: str | None = None,
              language: str | None = None, since: str | None = None, until: str | None = None) -> list[dict]:
    """Documents, newest first: key, input id, title, language, source, published."""
    where, params = ["1 = 1"], []
    if q:
        where.append("(title LIKE ? OR text LIKE ?)")
        params += [f"%{q}%", f"%{q}%"]
    for column, value in (("source", source), ("language", language)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if since:
        where.append("published >= ?")
        params.append(since)
    if until:
        where.append("published <= ?")
        params.append(until)
    rows = connection.execute(
        f"""SELECT key, input_id, title, language, source, published FROM documents
            WHERE {' AND '.join(where)} ORDER BY published DESC, rowid DESC LIMIT ? OFFSET ?""",
        (*params, page.limit, page.offset)).fetchall()
    return [dict(row) for row in rows]


def record(connection: sqlite3.Connection, ident: str) -> dict | None:
    row = connection.execute(
        """SELECT record FROM documents WHERE key = ? OR input_id = ?
           OR key IN (SELECT key FROM inputs WHERE input_id = ?) LIMIT 1""", (ident, ident, ident)).fetchone()
    return json.loads(row[0]) if row else None


def events(connection: sqlite3.Connection, page: Page, actor: str | None = None, source: str | None = None,
           target: str | None = None, type_: str | None = None, status: str | None = None,
           since: str | None = None, until: str | None = None, q: str | None = None) -> list[dict]:
    """Events with their document, from the indexed events table: filters on either
    actor's code, the dyad, the type, the status, the date range and words of the sentence."""
    where, params = ["1 = 1"], []
    conditions = {
        "e.source_code = ?": source,
        "e.target_code = ?": target,
        "e.type = ?": type_,
        "e.status = ?": status,
        "e.date >= ?": since,
        "substr(e.date, 1, 10) <= ?": until,
    }
    for condition, value in conditions.items():
        if value:
            where.append(condition)
            params.append(value)
    if actor:
        where.append("e.rowid IN (SELECT rowid FROM events WHERE source_code = ? "
                     "UNION SELECT rowid FROM events WHERE target_code = ?)")
        params += [actor, actor]
    sentence = ("substr(d.text, json_extract(e.event, '$.sentence.start') + 1, "
                "json_extract(e.event, '$.sentence.end') - json_extract(e.event, '$.sentence.start'))")
    if q:
        where.append(f"{sentence} LIKE ?")
        params.append(f"%{q}%")
    rows = connection.execute(
        f"""SELECT d.key, d.input_id, d.title, e.event, {sentence} AS sentence
            FROM events e JOIN documents d ON d.key = e.key
            WHERE {' AND '.join(where)} ORDER BY e.date DESC, e.rowid LIMIT ? OFFSET ?""",
        (*params, page.limit, page.offset)).fetchall()
    return [{**json.loads(row["event"]), "document": row["key"], "input_id": row["input_id"],
             "title": row["title"], "sentence_text": row["sentence"]} for row in rows]


def quotes(connection: sqlite3.Connection, page: Page, speaker: str | None = None, code: str | None = None,
           q: str | None = None) -> list[dict]:
    """Quotes (not the short phrases) with their document."""
    where, params = ["json_extract(x.value, '$.kind') != 'phrase'"], []
    if speaker:
        where.append("json_extract(x.value, '$.speaker') LIKE ?")
        params.append(f"%{speaker}%")
    if code:
        where.append("json_extract(x.value, '$.speaker_code') = ?")
        params.append(code)
    if q:
        where.append("json_extract(x.value, '$.text') LIKE ?")
        params.append(f"%{q}%")
    rows = connection.execute(
        f"""SELECT d.key, d.input_id, d.title, d.published, x.value AS quote
            FROM documents d, json_each(d.record, '$.quotes') x WHERE {' AND '.join(where)}
            ORDER BY d.published DESC, d.rowid LIMIT ? OFFSET ?""", (*params, page.limit, page.offset)).fetchall()
    return [{**json.loads(row["quote"]), "document": row["key"], "input_id": row["input_id"],
             "title": row["title"], "published": row["published"]} for row in rows]


def actors(connection: sqlite3.Connection, page: Page, q: str | None = None) -> list[dict]:
    """Named actors with the number of mentions and documents."""
    where, params = ["json_extract(a.value, '$.kind') IN ('PER', 'ORG', 'GPE')"], []
    if q:
        where.append("json_extract(a.value, '$.name') LIKE ?")
        params.append(f"%{q}%")
    rows = connection.execute(
        f"""SELECT json_extract(a.value, '$.name') AS name, json_extract(a.value, '$.code') AS code,
                   json_extract(a.value, '$.kind') AS kind, COUNT(*) AS mentions, COUNT(DISTINCT d.key) AS documents
            FROM documents d, json_each(d.record, '$.actors') a WHERE {' AND '.join(where)}
            GROUP BY name, code, kind ORDER BY mentions DESC, name LIMIT ? OFFSET ?""",
        (*params, page.limit, page.offset)).fetchall()
    return [dict(row) for row in rows]


def timeline(connection: sqlite3.Connection, actor: str | None = None, source: str | None = None,
             target: str | None = None, by: str = "day") -> list[dict]:
    """Event counts per day (or ISO week) and type, for an actor or a dyad."""
    found = events(connection, Page(limit=100_000), actor=actor, source=source, target=target)
    counts: dict[tuple[str, str], int] = {}
    for event in found:
        date = event.get("date") or ""
        if len(date) < 10 or not date[:4].isdigit() or not date[5:7].isdigit():
            continue
        bucket = date[:10] if by == "day" else _week(date[:10])
        counts[(bucket, event["type"])] = counts.get((bucket, event["type"]), 0) + 1
    return [{"period": period, "type": type_, "events": n} for (period, type_), n in sorted(counts.items())]


def _week(day: str) -> str:
    import datetime as dt
    try:
        year, week, _ = dt.date.fromisoformat(day).isocalendar()
    except ValueError:
        return day
    return f"{year}-W{week:02d}"
