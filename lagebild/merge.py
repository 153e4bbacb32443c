"""Event merging: the events of one story that report the same thing become one event.

Within a story (lagebild/stories.py), event mentions that agree on type, source
code, target code and a compatible date are one event, with `mentions` (how many
reports carry it) and `reports` (the document and sentence of each). Dates are
compatible when one contains the other ("2023-09" holds "2023-09-12"), when either is
unknown, or when a date only comes from the report's publication date (the text
gave none). Reports that conflict stay separate events and say so (`conflict`):
two different days for the same act, or a denial (negated) next to an assertion.
A copy repeats its original's text, so a copy's mention of an act is the
original's mention of it, whatever date the copy's own publication date gave it.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from lagebild.stories import stories

__all__ = ["compatible_dates", "merge_story_events", "merged_events"]

# asserted and planned reports of an act are one event (an announced meeting that
# then took place); a negated or hypothetical one is another claim and stays apart.
_STANCE = {"asserted": "happened", "planned": "happened", "negated": "negated", "hypothetical": "hypothetical"}


def _week_of(day: str) -> str | None:
    try:
        year, week, _ = dt.date.fromisoformat(day[:10]).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}"


def compatible_dates(a: str | None, b: str | None) -> bool:
    """True when the dates `a` and `b` (TIMEX3 values: 2023, 2023-09, 2023-09-12,
    2023-W37, XXXX-09-12, …) can name the same day: either is unknown, or one contains
    the other."""
    if not a or not b:
        return True
    a, b = a[:10], b[:10]
    # One contains the other; an X (a year the text left open: XXXX-07-15) matches any digit.
    if all(x == y or "X" in (x, y) for x, y in zip(a, b)):
        return True
    for week, day in ((a, b), (b, a)):
        if "-W" in week and len(day) == 10 and _week_of(day) == week[:8]:
            return True
    return False


def _specificity(date: str | None) -> int:
    return len(date[:10]) if date else 0


def _text_date(event: dict) -> str | None:
    """The date the text gives the event; None when it only comes from the publication date."""
    return None if event.get("date_from") == "published" else event.get("date")


def merge_story_events(mentions: Iterable[dict], story: str | None = None) -> list[dict]:
    """Merge the event mentions of one story. Each mention is {"event": the event dict
    of a record, "document": the caller's input id, "key": document key, "copy_of": the
    key of the document it copies}. Returns the merged events, each the most precise
    mention's fields plus `mentions`, `reports` [{document, key, sentence, trigger, why}],
    `documents` (distinct documents), `story` and `conflict`."""
    mentions = [{**m, "copy_of": m.get("copy_of") or m["key"]} for m in mentions]
    # Copies carry one text: an act they report has the dates that the group's first
    # document reporting it gives (the original's, when it reports the act), whatever
    # other day a copy's own publication date made of "am Freitag".
    first: dict[tuple, tuple[str, list[str | None]]] = {}
    for m in mentions:
        key, dates = first.setdefault((m["copy_of"], *_act(m["event"])), (m["key"], []))
        if key == m["key"]:
            dates.append(_text_date(m["event"]))
    groups: dict[tuple, list[tuple[str | None, dict]]] = {}
    for m in mentions:
        date = _text_date(m["event"])
        key, dates = first[(m["copy_of"], *_act(m["event"]))]
        if key != m["key"] and date not in dates:
            date = next((d for d in dates if d and compatible_dates(date, d)), dates[0])
        groups.setdefault(_act(m["event"]), []).append((date, m))

    merged: list[dict] = []
    for act, items in groups.items():
        clusters: list[dict] = []
        # The most precise dates first, so each cluster is seeded by a day and the
        # vaguer mentions join the first day they fit.
        for date, m in sorted(items, key=lambda item: -_specificity(item[0])):
            for cluster in clusters:
                if compatible_dates(date, cluster["date"]):
                    cluster["items"].append((date, m))
                    break
            else:
                clusters.append({"date": date, "items": [(date, m)]})
        for cluster in clusters:
            merged.append(_merged(act, cluster, story))
    _mark_conflicts(merged)
    merged.sort(key=lambda e: (e["date"] or "", e["type"], e["source"]["code"], (e["target"] or {}).get("code") or ""))
    return merged


def _act(event: dict) -> tuple[str, str, str | None, str]:
    return (event["type"], event["source"]["code"], (event.get("target") or {}).get("code"),
            _STANCE.get(event.get("status"), event.get("status") or "happened"))


def _merged(act: tuple, cluster: dict, story: str | None) -> dict:
    items = cluster["items"]
    # The representative: a mention whose text dates it most precisely, then an asserted one.
    best = max(items, key=lambda item: (_specificity(item[0]), item[1]["event"].get("status") == "asserted"))[1]["event"]
    date = cluster["date"]
    if date is None:     # no text date: the earliest publication date of the reports, if any
        dates = sorted(m["event"]["date"] for _, m in items if m["event"].get("date"))
        date = dates[0] if dates else None
    statuses = {m["event"].get("status") for _, m in items}
    reports = [{"document": m["document"], "key": m["key"][:16], "sentence": m["event"].get("sentence"),
                "trigger": m["event"].get("trigger"), "why": m["event"].get("why")} for _, m in items]
    return {
        "story": story,
        "type": act[0],
        "mode": best.get("mode"),
        "source": best["source"],
        "target": best.get("target"),
        "date": date,
        "date_from": None if date is None else best.get("date_from") if date == best.get("date") else "published",
        "status": "asserted" if "asserted" in statuses else best.get("status"),
        "location": best.get("location"),
        "mentions": len(items),
        "documents": len({m["key"] for _, m in items}),
        "reports": reports,
        "conflict": False,
    }


def _mark_conflicts(merged: list[dict]) -> None:
    """The same act of the same actors reported twice in a way that cannot be one event."""
    seen: dict[tuple, list[dict]] = {}
    for event in merged:
        seen.setdefault((event["type"], event["source"]["code"], (event["target"] or {}).get("code")), []).append(event)
    for events in seen.values():
        if len(events) > 1:
            for event in events:
                event["conflict"] = True


def merged_events(store, since: str | None = None, until: str | None = None,
                  found: list[dict] | None = None) -> list[dict]:
    """Every story's merged events from the store (`store.connection`), dated in
    [since, until] when given (events without a date are kept only when no range is
    asked for). `found` is the store's stories when the caller has them already."""
    by_key: dict[str, list[dict]] = {}
    for key, event in store.connection.execute("SELECT key, event FROM events ORDER BY rowid"):
        by_key.setdefault(key, []).append(json.loads(event))
    result: list[dict] = []
    for story in stories(store) if found is None else found:
        mentions = [{"event": event, "document": member["input_id"], "key": member["key"], "copy_of": member["copy_of"]}
                    for member in story["members"] for event in by_key.get(member["key"], [])]
        result.extend(merge_story_events(mentions, story["story"]))
    if since or until:
        result = [e for e in result if _overlaps(e["date"], since, until)]
    result.sort(key=lambda e: (e["date"] or "", e["type"]))
    return result


def _overlaps(date: str | None, since: str | None, until: str | None) -> bool:
    """True when the period `date` names (a year, month, week or day) meets [since, until]."""
    if not date or "X" in date[:10]:       # unknown or a year left open: cannot be placed
        return False
    date = date[:10]
    if "-W" in date:
        try:
            first = dt.date.fromisocalendar(int(date[:4]), int(date[6:8]), 1)
        except ValueError:
            return False
        start, end = first.isoformat(), (first + dt.timedelta(days=6)).isoformat()
    else:
        start, end = (date + "-01-01")[:10], (date + "-12-31")[:10]
    return (not since or end >= since) and (not until or start <= until)
