"""Read-side queries over a SQLite store, for the web API and dashboard: documents
(full-text search), one analysis record, events, quotes, actors, a timeline and a
network of who acts on whom (each event row a mention; lagebild/web/merged.py counts
merged events). Filters combine with AND; every value is a bound
parameter. Each function takes an open sqlite3 connection whose row_factory is
sqlite3.Row and returns plain dicts."""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from dataclasses import dataclass

# The event types of the codebook, and the ones that count as cooperation (the rest is conflict).
TYPES = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
         "SANCTION MOBILIZE COERCE ASSAULT").split()
COOPERATION = frozenset("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT".split())
STATUSES = ("asserted", "planned", "hypothetical", "negated")
# Marks around the matched words in a search snippet (control characters never in article text).
HIT_START, HIT_END = "\x02", "\x03"


@dataclass
class Page:
    limit: int = 50
    offset: int = 0


@dataclass
class EventFilter:
    """What /api/events, the timeline and the network filter on; None means any."""
    actor: str | None = None          # either side
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None   # the two actors, in either direction
    type: str | None = None
    status: str | None = None
    since: str | None = None          # dates as YYYY-MM-DD, both ends included
    until: str | None = None
    q: str | None = None              # words of the event's sentence
    document: str | None = None       # a document key

    def where(self) -> tuple[list[str], list]:
        """SQL conditions on `events e` (joined to `documents d`) and their parameters."""
        where, params = [], []
        for condition, value in (("e.source_code = ?", self.source), ("e.target_code = ?", self.target),
                                 ("e.type = ?", self.type), ("e.status = ?", self.status),
                                 ("e.date >= ?", self.since), ("substr(e.date, 1, 10) <= ?", self.until),
                                 ("e.key = ?", self.document)):
            if value:
                where.append(condition)
                params.append(value)
        if self.actor:
            where.append("e.rowid IN (SELECT rowid FROM events WHERE source_code = ? "
                         "UNION SELECT rowid FROM events WHERE target_code = ?)")
            params += [self.actor, self.actor]
        if self.dyad:
            first, second = self.dyad
            where.append("((e.source_code = ? AND e.target_code = ?) OR (e.source_code = ? AND e.target_code = ?))")
            params += [first, second, second, first]
        if self.q:
            where.append(f"{_SENTENCE} LIKE ?")
            params.append(f"%{self.q}%")
        return where, params

    def matches(self, event: dict, sentences: str) -> bool:
        """What where() asks of a row, asked of an event dict (a merged event, lagebild/merge.py)
        whose reports' sentences are `sentences`, case-folded."""
        source, target = event["source"].get("code"), (event.get("target") or {}).get("code")
        date = event.get("date") or ""
        if self.source and source != self.source or self.target and target != self.target:
            return False
        if self.type and event["type"] != self.type or self.status and event["status"] != self.status:
            return False
        if self.since and not (date and date >= self.since) or self.until and not (date and date[:10] <= self.until):
            return False
        if self.actor and self.actor not in (source, target):
            return False
        if self.dyad and (source, target) not in (self.dyad, self.dyad[::-1]):
            return False
        if self.document and all(r["key"] != self.document for r in event.get("reports", ())):
            return False
        return not self.q or self.q.casefold() in sentences


_SENTENCE = ("substr(d.text, json_extract(e.event, '$.sentence.start') + 1, "
             "json_extract(e.event, '$.sentence.end') - json_extract(e.event, '$.sentence.start'))")


def fts_query(text: str) -> str | None:
    """An FTS5 query for the words of `text` (each a quoted prefix, all required); None
    when it has no words. User input never reaches FTS5's query syntax."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{word}"*' for word in words) if words else None


def documents(connection: sqlite3.Connection, page: Page, q: str | None = None, source: str | None = None,
              language: str | None = None, since: str | None = None, until: str | None = None) -> list[dict]:
    """Documents: key, input id, title, language, source, agency, published, and with `q`
    a snippet around the matched words; by relevance with `q`, else newest first."""
    where, params = [], []
    for condition, value in (("d.source = ?", source), ("d.language = ?", language),
                             ("d.published >= ?", since), ("substr(d.published, 1, 10) <= ?", until)):
        if value:
            where.append(condition)
            params.append(value)
    columns = "d.key, d.input_id, d.title, d.language, d.source, d.agency, d.published"
    if q:
        match = fts_query(q)
        if match is None:
            return []
        sql = (f"SELECT {columns}, snippet(documents_fts, 1, '{HIT_START}', '{HIT_END}', '…', 16) AS snippet "
               "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
               f"WHERE documents_fts MATCH ? {''.join(' AND ' + w for w in where)} "
               "ORDER BY documents_fts.rank, d.rowid LIMIT ? OFFSET ?")
        params.insert(0, match)
    else:
        sql = (f"SELECT {columns} FROM documents d {'WHERE ' + ' AND '.join(where) if where else ''} "
               "ORDER BY d.published DESC, d.rowid DESC LIMIT ? OFFSET ?")
    return [dict(row) for row in connection.execute(sql, (*params, page.limit, page.offset)).fetchall()]


def record(connection: sqlite3.Connection, ident: str) -> dict | None:
    """The analysis record of the document with key or input id `ident`; None if there is none."""
    row = connection.execute(
        """SELECT record FROM documents WHERE key = ? OR input_id = ?
           OR key IN (SELECT key FROM inputs WHERE input_id = ?) LIMIT 1""", (ident, ident, ident)).fetchone()
    return json.loads(row[0]) if row else None


def events(connection: sqlite3.Connection, page: Page, where: EventFilter | None = None) -> list[dict]:
    """Events, newest first, each with its document (key, input id, title) and the text
    of its sentence."""
    conditions, params = (where or EventFilter()).where()
    rows = connection.execute(
        f"""SELECT d.key, d.input_id, d.title, e.event, {_SENTENCE} AS sentence
            FROM events e JOIN documents d ON d.key = e.key
            {'WHERE ' + ' AND '.join(conditions) if conditions else ''}
            ORDER BY e.date DESC, e.rowid LIMIT ? OFFSET ?""",
        (*params, page.limit, page.offset)).fetchall()
    return [{**json.loads(row["event"]), "document": row["key"], "input_id": row["input_id"],
             "title": row["title"], "sentence_text": row["sentence"]} for row in rows]


def quotes(connection: sqlite3.Connection, page: Page, speaker: str | None = None, code: str | None = None,
           q: str | None = None, kind: str | None = None) -> list[dict]:
    """Quotes with their document, newest first; without `kind`, the short quoted
    phrases are left out."""
    where, params = ["q.kind = ?" if kind else "q.kind != 'phrase'"], [kind] if kind else []
    for condition, value in (("q.speaker LIKE ?", speaker and f"%{speaker}%"), ("q.speaker_code = ?", code),
                             ("q.text LIKE ?", q and f"%{q}%")):
        if value:
            where.append(condition)
            params.append(value)
    rows = connection.execute(
        f"""SELECT q.span_start AS start, q.span_end AS end, q.kind, q.speaker, q.speaker_code, q.addressee,
                   q.text, d.key AS document, d.input_id, d.title, d.published
            FROM quotes q JOIN documents d ON d.key = q.key WHERE {' AND '.join(where)}
            ORDER BY d.published DESC, q.rowid LIMIT ? OFFSET ?""", (*params, page.limit, page.offset)).fetchall()
    return [dict(row) for row in rows]


def actors(connection: sqlite3.Connection, page: Page, q: str | None = None, code: str | None = None,
           kind: str | None = None) -> list[dict]:
    """Actors (name, code, kind) with their number of mentions and of documents, most
    mentioned first."""
    where, params = [], []
    for condition, value in (("name LIKE ?", q and f"%{q}%"), ("code = ?", code), ("kind = ?", kind)):
        if value:
            where.append(condition)
            params.append(value)
    rows = connection.execute(
        f"""SELECT name, NULLIF(code, '') AS code, kind, mentions, documents FROM actors
            {'WHERE ' + ' AND '.join(where) if where else ''}
            ORDER BY mentions DESC, name LIMIT ? OFFSET ?""",
        (*params, page.limit, page.offset)).fetchall()
    return [dict(row) for row in rows]


def timeline(connection: sqlite3.Connection, where: EventFilter | None = None, by: str = "day") -> list[dict]:
    """Dated events counted per day (or ISO week, `by="week"`) and type:
    [{"period", "type", "events"}] in time order."""
    conditions, params = (where or EventFilter()).where()
    conditions.append("e.date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*'")
    join = "JOIN documents d ON d.key = e.key" if where and where.q else ""
    rows = connection.execute(
        f"""SELECT substr(e.date, 1, 10) AS day, e.type, COUNT(*) AS n FROM events e {join}
            WHERE {' AND '.join(conditions)} GROUP BY day, e.type""", params).fetchall()
    return periods(rows, by)


def periods(rows, by: str = "day") -> list[dict]:
    """Counts (day, type, n) summed per day (or ISO week) and type, in time order."""
    counts: dict[tuple[str, str], int] = {}
    for day, type_, n in rows:
        period = day if by == "day" else _week(day)
        counts[(period, type_)] = counts.get((period, type_), 0) + n
    return [{"period": period, "type": type_, "events": n} for (period, type_), n in sorted(counts.items())]


def sentence_texts(connection: sqlite3.Connection) -> dict[tuple[str, int], str]:
    """The text of every event's sentence, by (document key, sentence start)."""
    rows = connection.execute(
        f"""SELECT e.key, json_extract(e.event, '$.sentence.start'), {_SENTENCE}
            FROM events e JOIN documents d ON d.key = e.key""").fetchall()
    return {(key, start): text for key, start, text in rows if text is not None}


def network(connection: sqlite3.Connection, where: EventFilter | None = None, limit: int = 60) -> list[dict]:
    """Who acts on whom: one edge per (source, target) code pair with its cooperation
    and conflict event counts; the `limit` heaviest edges."""
    conditions, params = (where or EventFilter()).where()
    conditions += ["e.target_code IS NOT NULL", "e.target_code != e.source_code"]
    join = "JOIN documents d ON d.key = e.key" if where and where.q else ""
    marks = ", ".join("?" for _ in COOPERATION)
    rows = connection.execute(
        f"""SELECT e.source_code AS source, e.target_code AS target,
                   SUM(e.type IN ({marks})) AS cooperation, SUM(e.type NOT IN ({marks})) AS conflict
            FROM events e {join} WHERE {' AND '.join(conditions)}
            GROUP BY e.source_code, e.target_code ORDER BY COUNT(*) DESC, source, target LIMIT ?""",
        (*sorted(COOPERATION), *sorted(COOPERATION), *params, limit)).fetchall()
    return [dict(row) for row in rows]


def _week(day: str) -> str:
    try:
        year, week, _ = dt.date.fromisoformat(day).isocalendar()
    except ValueError:
        return day
    return f"{year}-W{week:02d}"


__all__ = ["COOPERATION", "EventFilter", "Page", "STATUSES", "TYPES", "actors", "documents", "events",
           "fts_query", "network", "periods", "quotes", "record", "sentence_texts", "timeline"]
