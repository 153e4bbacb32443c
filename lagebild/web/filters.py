"""Request parameters shared by the API and the pages: paging, the events filters,
what to count (merged events or mentions), date ranges, the check that rejects
unknown filters, and the per-request database connection. Malformed values get a
422 naming the parameter; an empty value (as HTML forms send) means no filter."""
from __future__ import annotations

import datetime as dt
import sqlite3

from fastapi import Depends, HTTPException, Query, Request

from lagebild.store.queries import STATUSES, TYPES, EventFilter, Page

CODE = r"[A-Za-z0-9_-]{2,12}"
FORM_CODE = rf"^(?:{CODE})?$"
FORM_DYAD = rf"^(?:{CODE},{CODE})?$"
FORM_TYPE = "^(?:" + "|".join(TYPES) + ")?$"
FORM_STATUS = "^(?:" + "|".join(STATUSES) + ")?$"
FORM_DATE = r"^(?:\d{4}-\d{2}-\d{2})?$"
EVENT_PARAMS = ("actor", "source", "target", "dyad", "type", "status", "since", "until", "q", "count")


def only(*allowed: str):
    """A dependency that rejects query parameters the route does not know (422)."""
    known = set(allowed) | {"limit", "offset"}

    def check(request: Request) -> None:
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise HTTPException(422, f"unknown filter(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return Depends(check)


def text_param():
    """A free-text query parameter (words, a name): at most 200 characters."""
    return Query(None, max_length=200)


def page_of(limit: int = Query(50, ge=1, le=500, description="rows per page"),
            offset: int = Query(0, ge=0, le=10_000_000, description="rows to skip")) -> Page:
    return Page(limit, offset)


def dates(since: str | None = Query(None, pattern=FORM_DATE, description="first day, YYYY-MM-DD"),
          until: str | None = Query(None, pattern=FORM_DATE, description="last day, YYYY-MM-DD"),
          ) -> tuple[str | None, str | None]:
    """The date range (since, until), each a real calendar day or None."""
    for name, value in (("since", since), ("until", until)):
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise HTTPException(422, f"{name}={value!r} is no calendar day; use YYYY-MM-DD") from None
    return since or None, until or None


def event_filter(actor: str | None = Query(None, pattern=FORM_CODE, description="actor code on either side"),
                 source: str | None = Query(None, pattern=FORM_CODE, description="the acting actor's code"),
                 target: str | None = Query(None, pattern=FORM_CODE, description="the target actor's code"),
                 dyad: str | None = Query(None, pattern=FORM_DYAD, description="two codes A,B: events between them"),
                 type: str | None = Query(None, pattern=FORM_TYPE, description="event type"),
                 status: str | None = Query(None, pattern=FORM_STATUS),
                 range_=Depends(dates), q: str | None = text_param()) -> EventFilter:
    """The events filter from the query string."""
    pair = tuple(dyad.split(",")) if dyad else None
    return EventFilter(actor=actor or None, source=source or None, target=target or None, dyad=pair,
                       type=type or None, status=status or None, since=range_[0], until=range_[1], q=q or None)


def counting(count: str | None = Query(None, pattern="^(?:events|mentions)?$",
                                      description="events (default): each event once, the reports of one story "
                                                  "merged, with its number of mentions; mentions: every report")
             ) -> str:
    """What to count: merged events ("events") or every report of them ("mentions")."""
    return count or "events"


def connection_for(path: str):
    """A dependency yielding one read-only connection per request (FastAPI may run a
    dependency and its route in different worker threads, hence check_same_thread)."""
    def connection():
        opened = sqlite3.connect(path, check_same_thread=False)
        opened.row_factory = sqlite3.Row
        opened.execute("PRAGMA query_only = ON")
        try:
            yield opened
        finally:
            opened.close()
    return connection
