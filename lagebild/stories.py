"""Stories: the documents that report one news event, copies or not.

Two levels. A copy group (lagebild/copies.py) is an original and its republished
copies. A story joins the copy groups that report the same event in their own
words (two agencies' reports of one phone call): their publication dates lie
within WINDOW_DAYS of each other, their salient words (the words of the original
weighted by tf-idf over the store) are alike, and they share what the event is made
of: an event (type, source, target) or at least two named actors or places.
Two reports of the same actors on the same day about different acts share too
few salient words; the same talks a week later fall outside the window.

Every stored input belongs to exactly one story; a story lists the caller's input
ids of all its documents.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from lagebild.datafiles import read_words

__all__ = ["MIN_SIMILARITY", "WINDOW_DAYS", "copy_groups", "stories"]

WINDOW_DAYS = 3          # reports of one event appear within days of each other
MIN_SIMILARITY = 0.3     # cosine of the salient-word vectors
TOP_WORDS = 60           # salient words kept per copy group
MIN_SHARED_WORDS = 3     # candidates share at least this many salient words
STEM = 6
_WORD = re.compile(r"[^\W\d_]{4,}")
_PLACE_KINDS = {"GPE", "LOC"}


@dataclass
class _Group:
    """A copy group and what its story linking reads."""

    order: int
    original: str
    members: list[dict]
    title: str | None
    dates: list[str]
    counts: Counter
    names: set[str] = field(default_factory=set)
    acts: set[tuple] = field(default_factory=set)
    vector: dict[str, float] = field(default_factory=dict)


def copy_groups(store) -> list[dict]:
    """Every copy group of the store in ingest order: {"original": key, "members":
    [{"key", "input_id", "copy_of", "inputs": [input ids], "published", "source", "title",
    "opening": the first 100 characters of the text}]},
    the original first. A document without copy detection is a group of its own."""
    connection = store.connection
    inputs: dict[str, list[str]] = {}
    for key, input_id in connection.execute("SELECT key, COALESCE(input_id, key) FROM inputs ORDER BY rowid"):
        inputs.setdefault(key, []).append(input_id)
    groups: dict[str, list[dict]] = {}
    rows = connection.execute(
        """SELECT d.key, d.input_id, d.published, d.source, d.title, substr(d.text, 1, 100), COALESCE(c.copy_of, d.key)
           FROM documents d LEFT JOIN copies c ON c.key = d.key
           ORDER BY COALESCE(c.rowid, 0), d.rowid""")
    for key, input_id, published, source, title, opening, copy_of in rows:
        ids = inputs.get(key) or [input_id or key]
        groups.setdefault(copy_of, []).append({
            "key": key, "input_id": ids[0], "inputs": ids, "copy_of": copy_of,
            "published": published, "source": source, "title": title, "opening": opening})
    return [{"original": original, "members": members} for original, members in groups.items()]


def stories(store, since: str | None = None, link: bool = True) -> list[dict]:
    """Every story: id (its first original's key prefix), title, first and last seen
    (publication dates), `documents` (the caller's input ids, every stored input once),
    `copies` (the input ids of each copy group), sources, and `members` (the documents,
    for event merging). `link=False` gives one story per copy group. With `since`,
    stories last seen before that date are left out (undated ones stay)."""
    groups = _groups(store, copy_groups(store), profile=link)
    parent = list(range(len(groups)))
    if link:
        for a, b in _links(groups):
            ra, rb = _root(parent, a), _root(parent, b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    joined: dict[int, list[_Group]] = {}
    for number, group in enumerate(groups):
        joined.setdefault(_root(parent, number), []).append(group)
    found = []
    for parts in joined.values():
        members = [m for group in parts for m in group.members]
        dates = sorted(d for group in parts for d in group.dates)
        if since and dates and dates[-1] < since:
            continue
        found.append({
            "story": parts[0].original[:16],
            "title": next((g.title for g in parts if g.title), None),
            "first_seen": dates[0] if dates else None,
            "last_seen": dates[-1] if dates else None,
            "documents": [i for m in members for i in m["inputs"]],
            "copies": [[i for m in g.members for i in m["inputs"]] for g in parts],
            "sources": sorted({m["source"] for m in members if m["source"]}),
            "members": members,
        })
    return found


def _title(members: list[dict]) -> str | None:
    """The first title of the members, else the opening words of the first text."""
    title = next((m["title"] for m in members if m["title"]), None)
    if title is None and members[0]["opening"]:
        opening = members[0]["opening"].split("\n")[0]
        title = opening if len(opening) < 80 else opening[:80].rsplit(" ", 1)[0] + " …"
    return title


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _groups(store, raw: list[dict], profile: bool = True) -> list[_Group]:
    """Each copy group with its dates and, with `profile`, what linking reads: the
    salient words of its original, the names of actors and places of all its
    documents, its events."""
    if not profile:
        return [_Group(order, g["original"], g["members"], _title(g["members"]),
                       [m["published"][:10] for m in g["members"] if m["published"]], Counter())
                for order, g in enumerate(raw)]
    connection = store.connection
    function_words = read_words("lang/de/function_words.tsv")
    texts = dict(connection.execute(
        "SELECT key, text FROM documents WHERE key IN (SELECT copy_of FROM copies) "
        "OR key NOT IN (SELECT key FROM copies)").fetchall())
    names: dict[str, set[str]] = {}
    for key, name, kind, code in connection.execute(
            """SELECT d.key, json_extract(a.value, '$.name'), json_extract(a.value, '$.kind'),
                      json_extract(a.value, '$.code')
               FROM documents d, json_each(d.record, '$.actors') a"""):
        if name and (code or kind in _PLACE_KINDS):
            names.setdefault(key, set()).add(name.lower())
    acts: dict[str, set[tuple]] = {}
    for key, kind, source, target in connection.execute("SELECT key, type, source_code, target_code FROM events"):
        # Unordered: one report has Scholz call Putin, the other Putin speak with Scholz.
        acts.setdefault(key, set()).add((kind, *sorted((source, target or ""))))
    groups = []
    for order, group in enumerate(raw):
        original = group["original"]
        # Words cut to their first STEM letters: a crude stem that makes "Telefonat" and
        # "telefoniert", "Getreideexporte" and "Getreideexporten" one word.
        words = [w[:STEM] for w in _WORD.findall((texts.get(original) or "").lower()) if w not in function_words]
        g = _Group(order, original, group["members"], _title(group["members"]),
                   [m["published"][:10] for m in group["members"] if m["published"]], Counter(words))
        for m in group["members"]:
            g.names |= names.get(m["key"], set())
            g.acts |= acts.get(m["key"], set())
        groups.append(g)
    _weigh(groups)
    return groups


def _weigh(groups: list[_Group]) -> None:
    """Each group's TOP_WORDS salient words, tf-idf weighted and normalised."""
    df: Counter = Counter()
    for g in groups:
        df.update(g.counts.keys())
    n = len(groups)
    for g in groups:
        weights = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in g.counts.items()}
        top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:TOP_WORDS]
        norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
        g.vector = {w: v / norm for w, v in top}


def _links(groups: list[_Group]):
    """Pairs of groups (by number) that report one event; candidates come from an
    inverted index of salient words, so unrelated groups are never compared."""
    postings: dict[str, list[int]] = {}
    for number, g in enumerate(groups):
        shared: Counter = Counter()
        for word in g.vector:
            shared.update(postings.get(word, ()))
        for other, count in shared.items():
            if count >= MIN_SHARED_WORDS and _same_event(groups[other], g):
                yield other, number
        for word in g.vector:
            postings.setdefault(word, []).append(number)


def _same_event(a: _Group, b: _Group) -> bool:
    if not _within_window(a.dates, b.dates):
        return False
    if not (a.acts & b.acts or len(a.names & b.names) >= 2):
        return False
    return sum(v * b.vector.get(w, 0.0) for w, v in a.vector.items()) >= MIN_SIMILARITY


def _within_window(a: list[str], b: list[str]) -> bool:
    """True when some date of `a` and some date of `b` lie within WINDOW_DAYS; a
    group without a publication date cannot be placed in time, so it is joined to
    none (a story needs a time window)."""
    days_a, days_b = _days(a), _days(b)
    if not days_a or not days_b:
        return False
    return min(abs((x - y).days) for x in days_a for y in days_b) <= WINDOW_DAYS


def _days(dates: list[str]) -> list[dt.date]:
    days = []
    for date in dates:
        try:
            days.append(dt.date.fromisoformat(date[:10]))
        except ValueError:
            continue
    return days
