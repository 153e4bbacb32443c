"""The web dashboard and REST API: one FastAPI application over a lagebild store.

`create_app(db, token)` serves the JSON API under /api (OpenAPI at /docs, its
Swagger UI served from the installed fastapi-offline package, no CDN) and
server-rendered pages (pages.py). Writes (POST /api/documents) need the token the
server was started with; reads open the database read-only, one connection per request.
Events, the timeline and the network count merged events by default (merged.py keeps
the stories of the store until it changes); count=mentions counts every report.
"""
from __future__ import annotations

import csv
import io
import json
import secrets
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles

from lagebild.analyze import analyze_or_fail
from lagebild.errors import InputError
from lagebild.sources.jsonl import parse_record
from lagebild.sources.raw import Failure
from lagebild.store import open_store
from lagebild.store import queries
from lagebild.web import filters, merged
from lagebild.web.filters import only, page_of, text_param
from lagebild.web.pages import add_pages
from lagebild.web.views import plain_snippet

HERE = Path(__file__).resolve().parent
MAX_BODY_BYTES = 5_000_000
MAX_RECORDS = 1_000
RECORD_SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {"id": {"type": "string"}, "text": {"type": "string"}, "html": {"type": "string"},
                   "title": {"type": "string"}, "published": {"type": "string"}, "source": {"type": "string"},
                   "url": {"type": "string"}, "language": {"type": "string"}, "genre": {"type": "string"}},
}
POST_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "oneOf": [RECORD_SCHEMA, {"type": "array", "items": RECORD_SCHEMA, "maxItems": MAX_RECORDS}]}}}}}


def create_app(db: str | None = None, token: str | None = None) -> FastAPI:
    """The application over the store at `db` (a path or sqlite:/// URL; default as the
    CLI); POST /api/documents accepts writes only when `token` is given."""
    store = open_store(db)   # creates or migrates the database before the first request
    path = store.path
    store.close()
    app = FastAPI(title="lagebild", docs_url=None, redoc_url=None,
                  description="Event data from news: who did what to whom, and who said what. "
                              "Filters combine; unknown filters and malformed values get a 422.")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount("/static-docs", StaticFiles(packages=[("fastapi_offline", "static")]), name="static-docs")
    connection = filters.connection_for(path)
    cache = merged.StoryCache()

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        if not request.url.path.startswith("/docs"):
            # pages run only the project's own scripts and styles, never inline code
            response.headers["Content-Security-Policy"] = (
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="lagebild API",
                                   swagger_js_url="/static-docs/swagger-ui-bundle.js",
                                   swagger_css_url="/static-docs/swagger-ui.css",
                                   swagger_favicon_url="/static-docs/favicon.png")

    # --- API ------------------------------------------------------------------------------

    @app.get("/api/health", summary="Liveness and the number of documents")
    def health(db=Depends(connection)) -> dict:
        return {"status": "ok", "documents": db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]}

    @app.get("/api/documents", dependencies=[only("q", "source", "language", "since", "until")],
             summary="Documents: full-text search (q) over title and text, source, language, date range")
    def list_documents(page=Depends(page_of), q: str | None = text_param(), source: str | None = text_param(),
                       language: str | None = Query(None, pattern="^(?:[a-z]{2})?$"),
                       dates=Depends(filters.dates), db=Depends(connection)) -> list[dict]:
        found = queries.documents(db, page, q, source or None, language or None, *dates)
        return [{**d, "snippet": plain_snippet(d["snippet"])} if "snippet" in d else d for d in found]

    @app.get("/api/documents/{ident}", summary="The analysis record of a document (by key or input id)")
    def get_document(ident: str, db=Depends(connection)) -> dict:
        found = queries.record(db, ident)
        if found is None:
            raise HTTPException(404, f"no document {ident!r}")
        return found

    @app.post("/api/documents", status_code=201, openapi_extra=POST_BODY,
              summary="Ingest one input record or a list of them (needs the server's token)")
    async def post_documents(request: Request) -> dict:
        _check_token(request, token)
        declared = request.headers.get("content-length") or "0"
        if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            raise HTTPException(413, f"the body is larger than {MAX_BODY_BYTES:,} bytes; send smaller batches")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY_BYTES:
                raise HTTPException(413, f"the body is larger than {MAX_BODY_BYTES:,} bytes; send smaller batches")
        try:
            payload = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise HTTPException(422, "the body is not JSON: send one input record or a list of them") from None
        records = payload if isinstance(payload, list) else [payload]
        if len(records) > MAX_RECORDS:
            raise HTTPException(413, f"{len(records):,} records in one batch; send at most {MAX_RECORDS:,}")
        return await run_in_threadpool(_ingest, path, records)

    @app.get("/api/events", dependencies=[only(*filters.EVENT_PARAMS, "format")],
             summary="Events, each once with its mentions (count=mentions: every report): actor (either side), "
                     "source, target, dyad (A,B either way), type, status, date range, words of the sentence (q); "
                     "format=csv")
    def list_events(page=Depends(page_of), where=Depends(filters.event_filter), count=Depends(filters.counting),
                    format: str = Query("json", pattern="^(?:json|csv)$"), db=Depends(connection)):
        if count == "mentions":
            found = queries.events(db, page, where)
        else:
            found = merged.events(cache.get(db), page, where)
        if format == "csv":
            return PlainTextResponse(events_csv(found, count), media_type="text/csv",
                                     headers={"Content-Disposition": 'attachment; filename="events.csv"'})
        return found

    @app.get("/api/quotes", dependencies=[only("speaker", "code", "q", "kind")],
             summary="Quotes: speaker (part of the name), speaker's actor code, words (q), kind")
    def list_quotes(page=Depends(page_of), speaker: str | None = text_param(),
                    code: str | None = Query(None, pattern=filters.FORM_CODE), q: str | None = text_param(),
                    kind: str | None = Query(None, pattern="^(?:direct|indirect|mixed|phrase)?$"),
                    db=Depends(connection)) -> list[dict]:
        return queries.quotes(db, page, speaker or None, code or None, q or None, kind or None)

    @app.get("/api/actors", dependencies=[only("q", "code", "kind")],
             summary="Actors with their numbers of mentions and documents")
    def list_actors(page=Depends(page_of), q: str | None = text_param(),
                    code: str | None = Query(None, pattern=filters.FORM_CODE),
                    kind: str | None = Query(None, pattern="^(?:[A-Z]{2,5})?$"), db=Depends(connection)) -> list[dict]:
        return queries.actors(db, page, q or None, code or None, kind or None)

    @app.get("/api/timeline", dependencies=[only(*filters.EVENT_PARAMS, "by")],
             summary="Dated events counted per day or ISO week and type, with the events filters and count")
    def get_timeline(where=Depends(filters.event_filter), count=Depends(filters.counting),
                     by: str = Query("day", pattern="^(?:day|week)$"), db=Depends(connection)) -> list[dict]:
        if count == "mentions":
            return queries.timeline(db, where, by)
        return merged.timeline(cache.get(db), where, by)

    @app.get("/api/network", dependencies=[only(*filters.EVENT_PARAMS, "limit")],
             summary="Who acts on whom: event counts per (source, target), cooperation and conflict")
    def get_network(where=Depends(filters.event_filter), count=Depends(filters.counting),
                    limit: int = Query(60, ge=1, le=500), db=Depends(connection)) -> list[dict]:
        if count == "mentions":
            return queries.network(db, where, limit)
        return merged.network(cache.get(db), where, limit)

    @app.get("/api/stories", dependencies=[only("q", "actor", "since", "until")],
             summary="Stories (the reports of one news event, copies or not), latest first: words of the title "
                     "(q), an actor code in their events, seen within a date range; with their numbers of "
                     "documents, copy groups, events and mentions")
    def list_stories(page=Depends(page_of), q: str | None = text_param(),
                     actor: str | None = Query(None, pattern=filters.FORM_CODE, description="actor code"),
                     dates=Depends(filters.dates), db=Depends(connection)) -> list[dict]:
        return merged.story_list(cache.get(db), page, q or None, actor or None, *dates)

    @app.get("/api/stories/{ident}", summary="A story: its documents with their copy groups, and its merged events")
    def get_story(ident: str, db=Depends(connection)) -> dict:
        found = cache.get(db).stories.get(ident)
        if found is None:
            raise HTTPException(404, f"no story {ident!r}; /api/stories lists the story ids")
        return found

    add_pages(app, connection, cache)
    return app


def _check_token(request: Request, token: str | None) -> None:
    if not token:
        raise HTTPException(403, "writes are disabled: start the server with LAGEBILD_TOKEN set")
    given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    if not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid token is required: send 'Authorization: Bearer <LAGEBILD_TOKEN>'",
                            headers={"WWW-Authenticate": "Bearer"})


def _ingest(path: str, records: list) -> dict:
    """Analyse and store input records; report what was stored and what failed, by index.
    A bad record is reported and skipped; the good ones are kept."""
    stored, duplicates, failures = [], 0, []
    with open_store(path) as store:
        for number, record in enumerate(records):
            try:
                if not isinstance(record, dict):
                    raise InputError(f"record {number}", "is not a JSON object")
                article = parse_record(json.dumps(record).encode(), f"record {number}", MAX_BODY_BYTES)
            except InputError as error:
                failures.append({"record": number, "reason": error.problem})
                continue
            result = analyze_or_fail(article)
            if isinstance(result, Failure):
                store.add_failure(result)
                failures.append({"record": number, "reason": result.reason})
            elif store.add(result):
                stored.append(result.key)
            else:
                duplicates += 1
    return {"stored": stored, "duplicates": duplicates, "failures": failures}


CSV_COLUMNS = ["document", "type", "mode", "source", "source_code", "target", "target_code", "date", "status",
               "trigger", "why_entry", "why_rule", "sentence"]
MERGED_COLUMNS = ["mentions", "documents", "story", "conflict"]


def events_csv(events: list[dict], count: str = "events") -> str:
    """Events as CSV, one row each, with the text of the sentence (of the first report,
    for a merged event, and its numbers of mentions and documents, its story and
    whether reports conflict)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS + (MERGED_COLUMNS if count == "events" else []))
    for e in events:
        target, why = e.get("target") or {}, e.get("why") or {}
        row = [e["input_id"] or e["document"], e["type"], e.get("mode") or "", e["source"]["name"],
               e["source"].get("code") or "", target.get("name", ""), target.get("code") or "",
               e.get("date") or "", e["status"], e.get("trigger") or "", why.get("entry", ""),
               why.get("rule", ""), " ".join((e.get("sentence_text") or "").split())]
        if count == "events":
            row += [e["mentions"], e["documents"], e["story"], "yes" if e["conflict"] else "no"]
        writer.writerow(row)
    return out.getvalue()


def app_from_env() -> FastAPI:
    """The application for `uvicorn --factory lagebild.web.app:app_from_env` (LAGEBILD_DB, LAGEBILD_TOKEN)."""
    import os

    return create_app(os.environ.get("LAGEBILD_DB"), token=os.environ.get("LAGEBILD_TOKEN") or None)

