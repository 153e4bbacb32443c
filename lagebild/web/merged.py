"""Stories and merged events for the API and the pages: each event counted once.

Stories (lagebild/stories.py) and event merging (lagebild/merge.py) read the whole
store in Python, a few seconds for 10,000 documents: too slow for every request.
`StoryCache` keeps the last result with a change marker of the store (the number of
documents and the largest rowid of documents and of copies). Documents are only
ever added, so an ingest (POST /api/documents, `lagebild ingest`) changes the marker
and the next request computes the stories again. The functions below filter, count
and page that result as queries.py does the rows of the events table.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from types import SimpleNamespace

from lagebild.merge import merged_events
from lagebild.store import queries
from lagebild.store.queries import COOPERATION, EventFilter, Page
from lagebild.stories import stories

MARKER = ("SELECT (SELECT COUNT(*) FROM documents), (SELECT MAX(rowid) FROM documents), "
          "(SELECT MAX(rowid) FROM copies)")
_DAY = re.compile(r"\d{4}-[0-1]\d-[0-3]\d")


@dataclass
class Snapshot:
    """The store's stories and merged events, as the API serves them."""

    stories: dict[str, dict]      # story id -> the story with its documents and merged events, latest first
    events: list[dict]            # merged events, newest first
    sentences: list[str]          # per event: its reports' sentences, case-folded (the q filter)
    story_of: dict[str, str]      # document key -> story id


class StoryCache:
    """The Snapshot of one store, computed again when the store has changed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._marker: tuple | None = None
        self._snapshot: Snapshot | None = None

    def get(self, connection) -> Snapshot:
        marker = tuple(connection.execute(MARKER).fetchone())
        with self._lock:
            if marker != self._marker:
                self._snapshot, self._marker = _snapshot(connection), marker
            return self._snapshot


def _snapshot(connection) -> Snapshot:
    store = SimpleNamespace(connection=connection)
    found = stories(store)
    members = {m["key"][:16]: m for story in found for m in story["members"]}
    texts = queries.sentence_texts(connection)
    events, sentences = [], []
    for event in sorted(merged_events(store, found=found), key=lambda e: e["date"] or "", reverse=True):
        said = []
        for report in event["reports"]:
            member = members[report["key"]]
            report.update(key=member["key"], title=member["title"])
            said.append(texts.get((member["key"], (report["sentence"] or {}).get("start")), ""))
        first = event["reports"][0]
        events.append({**event, "document": first["key"], "input_id": first["document"], "title": first["title"],
                       "trigger": first["trigger"], "why": first["why"], "sentence": first["sentence"],
                       "sentence_text": said[0]})
        sentences.append(" ".join(dict.fromkeys(said)).casefold())
    by_story: dict[str, list[dict]] = {}
    for event in events:
        by_story.setdefault(event["story"], []).append(event)
    summaries = {}
    for story in sorted(found, key=lambda s: s["last_seen"] or "", reverse=True):
        told = by_story.get(story["story"], [])
        documents = [{"key": m["key"], "input_id": m["input_id"], "inputs": m["inputs"], "title": m["title"],
                      "source": m["source"], "published": m["published"], "copy_of": m["copy_of"],
                      "copy_group": number}
                     for number, group in enumerate(_copy_groups(story["members"]), 1) for m in group]
        summaries[story["story"]] = {
            "story": story["story"], "title": story["title"], "first_seen": story["first_seen"],
            "last_seen": story["last_seen"], "sources": story["sources"], "documents": documents,
            "events": told, "mentions": sum(e["mentions"] for e in told),
            "actors": sorted({code for e in told
                              for code in (e["source"].get("code"), (e["target"] or {}).get("code")) if code})}
    story_of = {m["key"]: story["story"] for story in found for m in story["members"]}
    return Snapshot(summaries, events, sentences, story_of)


def _copy_groups(members: list[dict]) -> list[list[dict]]:
    """The members of a story by copy group, in their order (each original first)."""
    groups: dict[str, list[dict]] = {}
    for member in members:
        groups.setdefault(member["copy_of"], []).append(member)
    return list(groups.values())


def _matching(snapshot: Snapshot, where: EventFilter | None) -> list[dict]:
    where = where or EventFilter()
    return [e for e, said in zip(snapshot.events, snapshot.sentences) if where.matches(e, said)]


def events(snapshot: Snapshot, page: Page, where: EventFilter | None = None) -> list[dict]:
    """Merged events, newest first, each with `mentions`, its `reports` and its first
    report's document and sentence (as queries.events gives them)."""
    return _matching(snapshot, where)[page.offset:page.offset + page.limit]


def timeline(snapshot: Snapshot, where: EventFilter | None = None, by: str = "day") -> list[dict]:
    """Merged events dated to a day, counted per day (or ISO week) and type."""
    days = [(e["date"][:10], e["type"], 1) for e in _matching(snapshot, where) if _DAY.match(e["date"] or "")]
    return queries.periods(days, by)


def network(snapshot: Snapshot, where: EventFilter | None = None, limit: int = 60) -> list[dict]:
    """Who acts on whom, in merged events: as queries.network."""
    edges: dict[tuple[str, str], dict] = {}
    for event in _matching(snapshot, where):
        source, target = event["source"].get("code"), (event["target"] or {}).get("code")
        if target and source and target != source:
            edge = edges.setdefault((source, target), {"source": source, "target": target,
                                                       "cooperation": 0, "conflict": 0})
            edge["cooperation" if event["type"] in COOPERATION else "conflict"] += 1
    ranked = sorted(edges.values(), key=lambda e: (-e["cooperation"] - e["conflict"], e["source"], e["target"]))
    return ranked[:limit]


def story_list(snapshot: Snapshot, page: Page, q: str | None = None, actor: str | None = None,
               since: str | None = None, until: str | None = None) -> list[dict]:
    """Stories, the latest last seen first: `q` words of the title, `actor` a code on
    either side of one of its events, seen within [since, until] (undated stories only
    without a range). Each with its numbers of documents, copy groups, events and mentions."""
    found = []
    for story in snapshot.stories.values():
        if q and q.casefold() not in (story["title"] or "").casefold():
            continue
        if actor and actor not in story["actors"]:
            continue
        if (since or until) and not story["first_seen"]:
            continue
        if since and story["last_seen"][:10] < since or until and story["first_seen"][:10] > until:
            continue
        found.append(story)
    return [_summary(story) for story in found[page.offset:page.offset + page.limit]]


def _summary(story: dict) -> dict:
    return {"story": story["story"], "title": story["title"], "first_seen": story["first_seen"],
            "last_seen": story["last_seen"], "sources": story["sources"], "documents": len(story["documents"]),
            "copy_groups": len({d["copy_of"] for d in story["documents"]}), "events": len(story["events"]),
            "mentions": story["mentions"], "actors": story["actors"]}


__all__ = ["Snapshot", "StoryCache", "events", "network", "story_list", "timeline"]
