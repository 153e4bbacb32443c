"""The dashboard's pages, rendered on the server with Jinja2 (autoescaping on: article
text and every field of a record are escaped; the only markup not written by a
template is the SVG that views.py draws, with every string in it escaped). Events,
the timeline and the network count merged events unless the form asks for mentions."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from lagebild.store import queries
from lagebild.store.queries import COOPERATION, TYPES, EventFilter, Page
from lagebild.web import filters, merged
from lagebild.web.filters import only, text_param
from lagebild.web.views import event_details, highlight, network_svg, snippet_pieces, timeline_svg

HERE = Path(__file__).resolve().parent
PAGE_ROWS = 100


def link(path: str, **params) -> str:
    """`path` with the non-empty `params` as its query string."""
    given = {name: value for name, value in params.items() if value not in (None, "")}
    return path + ("?" + urlencode(given) if given else "")


def _form(where: EventFilter, count: str) -> dict:
    """The events filter and what to count as form values (strings, "" for none or the default)."""
    return {"actor": where.actor or "", "source": where.source or "", "target": where.target or "",
            "dyad": ",".join(where.dyad) if where.dyad else "", "type": where.type or "",
            "status": where.status or "", "since": where.since or "", "until": where.until or "", "q": where.q or "",
            "count": "" if count == "events" else count}


def add_pages(app: FastAPI, connection, cache: merged.StoryCache) -> None:
    """Add the pages to `app`, reading through the `connection` dependency and the
    stories and merged events in `cache`."""
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(link=link, types=TYPES, cooperation=sorted(COOPERATION),
                                 statuses=queries.STATUSES, event_details=event_details)
    render = templates.TemplateResponse
    html = {"response_class": HTMLResponse, "include_in_schema": False}

    @app.get("/", **html, dependencies=[only("q", "source", "language", "since", "until")])
    def home(request: Request, q: str | None = text_param(), source: str | None = text_param(),
             language: str | None = Query(None, pattern="^(?:[a-z]{2})?$"), range_=Depends(filters.dates),
             offset: int = Query(0, ge=0, le=10_000_000), db=Depends(connection)):
        found = queries.documents(db, Page(PAGE_ROWS, offset), q, source or None, language or None, *range_)
        for document in found:
            document["snippet"] = snippet_pieces(document.get("snippet"))
        form = {"q": q or "", "source": source or "", "language": language or "", "since": range_[0] or "",
                "until": range_[1] or ""}
        return render(request, "documents.html", {"documents": found, "form": form, "offset": offset,
                                                  "rows": PAGE_ROWS})

    @app.get("/documents/{ident}", **html)
    def document_page(request: Request, ident: str, db=Depends(connection)):
        found = queries.record(db, ident)
        if found is None:
            raise HTTPException(404, f"no document {ident!r}")
        snapshot = cache.get(db)
        story = snapshot.stories.get(snapshot.story_of.get(found["key"], ""))
        return render(request, "document.html", {"doc": found, "pieces": highlight(found), "story": story})

    @app.get("/events", **html, dependencies=[only(*filters.EVENT_PARAMS)])
    def events_page(request: Request, where=Depends(filters.event_filter), count=Depends(filters.counting),
                    offset: int = Query(0, ge=0, le=10_000_000), db=Depends(connection)):
        page = Page(PAGE_ROWS, offset)
        if count == "mentions":
            found = queries.events(db, page, where)
        else:
            found = merged.events(cache.get(db), page, where)
        return render(request, "events.html", {"events": found, "form": _form(where, count), "offset": offset,
                                               "rows": PAGE_ROWS})

    @app.get("/timeline", **html, dependencies=[only(*filters.EVENT_PARAMS, "by")])
    def timeline_page(request: Request, where=Depends(filters.event_filter), count=Depends(filters.counting),
                      by: str = Query("day", pattern="^(?:day|week)?$"), db=Depends(connection)):
        if count == "mentions":
            rows = queries.timeline(db, where, by or "day")
        else:
            rows = merged.timeline(cache.get(db), where, by or "day")
        return render(request, "timeline.html", {"form": _form(where, count), "by": by or "day",
                                                 "svg": Markup(timeline_svg(rows)),
                                                 "total": sum(r["events"] for r in rows)})

    @app.get("/network", **html, dependencies=[only(*filters.EVENT_PARAMS)])
    def network_page(request: Request, where=Depends(filters.event_filter), count=Depends(filters.counting),
                     db=Depends(connection)):
        edges = queries.network(db, where) if count == "mentions" else merged.network(cache.get(db), where)
        return render(request, "network.html", {"form": _form(where, count), "edges": edges,
                                                "svg": Markup(network_svg(edges))})

    @app.get("/stories", **html, dependencies=[only("q", "actor", "since", "until")])
    def stories_page(request: Request, q: str | None = text_param(),
                     actor: str | None = Query(None, pattern=filters.FORM_CODE), range_=Depends(filters.dates),
                     offset: int = Query(0, ge=0, le=10_000_000), db=Depends(connection)):
        found = merged.story_list(cache.get(db), Page(PAGE_ROWS, offset), q or None, actor or None, *range_)
        form = {"q": q or "", "actor": actor or "", "since": range_[0] or "", "until": range_[1] or ""}
        return render(request, "stories.html", {"stories": found, "form": form, "offset": offset,
                                                "rows": PAGE_ROWS})

    @app.get("/stories/{ident}", **html)
    def story_page(request: Request, ident: str, db=Depends(connection)):
        found = cache.get(db).stories.get(ident)
        if found is None:
            raise HTTPException(404, f"no story {ident!r}")
        return render(request, "story.html", {"story": found})

    @app.get("/quotes", **html, dependencies=[only("speaker", "code", "q")])
    def quotes_page(request: Request, speaker: str | None = text_param(),
                    code: str | None = Query(None, pattern=filters.FORM_CODE), q: str | None = text_param(),
                    offset: int = Query(0, ge=0, le=10_000_000), db=Depends(connection)):
        found = queries.quotes(db, Page(PAGE_ROWS, offset), speaker or None, code or None, q or None)
        form = {"speaker": speaker or "", "code": code or "", "q": q or ""}
        return render(request, "quotes.html", {"quotes": found, "form": form, "offset": offset, "rows": PAGE_ROWS})

    @app.get("/actors", **html, dependencies=[only("q")])
    def actors_page(request: Request, q: str | None = text_param(), db=Depends(connection)):
        found = queries.actors(db, Page(200), q or None)
        return render(request, "actors.html", {"actors": found, "form": {"q": q or ""}})
