"""Stories: the documents that carry one story, with the inputs that delivered them.

A story is a group of copies (lagebild/copies.py): the original and every
republished copy, each with all the inputs that delivered it (the same content
delivered twice is one document with two inputs). Every stored input belongs to
exactly one story.
"""
from __future__ import annotations

from lagebild.copies import CopyIndex
from lagebild.store.sqlite import SQLiteStore


def stories(store: SQLiteStore, since: str | None = None) -> list[dict]:
    """Every story: id (its original's key prefix), title, first and last seen
    (publication dates), the caller's input ids of its documents, its sources."""
    connection = store.connection
    documents = {row["key"]: dict(row) for row in connection.execute(
        "SELECT key, title, published, source FROM documents")}
    inputs: dict[str, list[str]] = {}
    for key, input_id in connection.execute("SELECT key, COALESCE(input_id, key) FROM inputs ORDER BY rowid"):
        inputs.setdefault(key, []).append(input_id)
    found = []
    for original, keys in CopyIndex(connection).groups().items():
        dates = sorted(d for d in (documents[k]["published"] for k in keys) if d)
        if since and dates and dates[-1] < since:
            continue
        found.append({
            "story": original[:16],
            "title": documents[original]["title"],
            "first_seen": dates[0] if dates else None,
            "last_seen": dates[-1] if dates else None,
            "documents": [input_id for key in keys for input_id in inputs.get(key, [key])],
            "sources": sorted({documents[k]["source"] for k in keys if documents[k]["source"]}),
        })
    return found
