"""The web dashboard and REST API: one FastAPI application over a lagebild store.

`create_app(db, token)` serves the JSON API under /api (OpenAPI at /docs) and
server-rendered pages (Jinja2 with autoescaping: article text and every field are
escaped). Writes (POST /api/documents) need the token the server was started with.
"""
from __future__ import annotations

import json
import secrets
import sqlite3
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from lagebild.analyze import analyze_or_fail
from lagebild.errors import InputError
from lagebild.sources.jsonl import parse_record
from lagebild.sources.raw import Failure
from lagebild.store import open_store
from lagebild.web import queries
from lagebild.web.views import highlight, network_svg, timeline_svg

HERE = Path(__file__).resolve().parent
MAX_BODY_BYTES = 5_000_000
DATE = r"^\d{4}-\d{2}-\d{2}$"
CODE = r"^[A-Za-z0-9_-]{2,12}$"
TYPES = "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT"
TYPE = "^(?:" + "|".join(TYPES.split()) + ")$"
STATUS = r"^(?:asserted|planned|hypothetical|negated)$"
# Forms send empty fields: the pages accept "" for "no filter".
FORM_CODE = r"^(?:[A-Za-z0-9_-]{2,12})?$"
FORM_TYPE = "^(?:" + "|".join(TYPES.split()) + ")?$"


def _only(*allowed: str):
    """A dependency that rejects query parameters the route does not know (422)."""
    known = set(allowed) | {"limit", "offset"}

    def check(request: Request) -> None:
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise HTTPException(422, f"unknown filter(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return Depends(check)


def _page(limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10_000_000)) -> queries.Page:
    return queries.Page(limit, offset)


def create_app(db: str | None = None, token: str | None = None) -> FastAPI:
    """The application over the store at `db` (a path or sqlite:/// URL; default as the CLI)."""
    store = open_store(db)
    store.connection.close()
    path = store.path
    app = FastAPI(title="lagebild", description="Event data from news: who did what to whom, and who said what.")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")

    def connection():
        # FastAPI may run a dependency and its route in different worker threads
        opened = sqlite3.connect(path, check_same_thread=False)
        opened.row_factory = sqlite3.Row
        try:
            yield opened
        finally:
            opened.close()

    # --- API ------------------------------------------------------------------------------

    @app.get("/api/health")
    def health(db=Depends(connection)) -> dict:
        return {"status": "ok", "documents": db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]}

    @app.get("/api/documents", dependencies=[_only("q", "source", "language", "since", "until")])
    def list_documents(page=Depends(_page), q: str | None = Query(None, max_length=200),
                       source: str | None = Query(None, max_length=200), language: str | None = Query(None, pattern="^[a-z]{2}$"),
                       since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
                       db=Depends(connection)) -> list[dict]:
        return queries.documents(db, page, q, source, language, since, until)

    @app.get("/api/documents/{ident}")
    def get_document(ident: str, db=Depends(connection)) -> dict:
        found = queries.record(db, ident)
        if found is None:
            raise HTTPException(404, f"no document {ident!r}")
        return found

    @app.post("/api/documents", status_code=201)
    async def post_documents(request: Request) -> dict:
        _check_token(request, token)
        if int(request.headers.get("content-length") or 0) > MAX_BODY_BYTES:
            raise HTTPException(413, f"the body is larger than {MAX_BODY_BYTES:,} bytes; send smaller batches")
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            raise HTTPException(413, f"the body is larger than {MAX_BODY_BYTES:,} bytes; send smaller batches")
        try:
            payload = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise HTTPException(422, "the body is not JSON: send one input record or a list of them") from None
        records = payload if isinstance(payload, list) else [payload]
        return _ingest(path, records)

    @app.get("/api/events", dependencies=[_only("actor", "source", "target", "type", "status", "since", "until", "q", "format")])
    def list_events(page=Depends(_page), actor: str | None = Query(None, pattern=CODE),
                    source: str | None = Query(None, pattern=CODE), target: str | None = Query(None, pattern=CODE),
                    type: str | None = Query(None, pattern=TYPE), status: str | None = Query(None, pattern=STATUS),
                    since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
                    q: str | None = Query(None, max_length=200), format: str = Query("json", pattern="^(?:json|csv)$"),
                    db=Depends(connection)):
        found = queries.events(db, page, actor, source, target, type, status, since, until, q)
        if format == "csv":
            return PlainTextResponse(_csv(found), media_type="text/csv")
        return found

    @app.get("/api/quotes", dependencies=[_only("speaker", "code", "q")])
    def list_quotes(page=Depends(_page), speaker: str | None = Query(None, max_length=200),
                    code: str | None = Query(None, pattern=CODE), q: str | None = Query(None, max_length=200),
                    db=Depends(connection)) -> list[dict]:
        return queries.quotes(db, page, speaker, code, q)

    @app.get("/api/actors", dependencies=[_only("q")])
    def list_actors(page=Depends(_page), q: str | None = Query(None, max_length=200), db=Depends(connection)) -> list[dict]:
        return queries.actors(db, page, q)

    @app.get("/api/timeline", dependencies=[_only("actor", "source", "target", "by")])
    def get_timeline(actor: str | None = Query(None, pattern=CODE), source: str | None = Query(None, pattern=CODE),
                     target: str | None = Query(None, pattern=CODE), by: str = Query("day", pattern="^(?:day|week)$"),
                     db=Depends(connection)) -> list[dict]:
        return queries.timeline(db, actor, source, target, by)

    # --- pages ----------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request, q: str | None = Query(None, max_length=200), db=Depends(connection)):
        found = queries.documents(db, queries.Page(100), q)
        return templates.TemplateResponse(request, "documents.html", {"documents": found, "q": q or ""})

    @app.get("/documents/{ident}", response_class=HTMLResponse)
    def document_page(request: Request, ident: str, db=Depends(connection)):
        found = queries.record(db, ident)
        if found is None:
            raise HTTPException(404, f"no document {ident!r}")
        return templates.TemplateResponse(request, "document.html", {"doc": found, "pieces": highlight(found)})

    @app.get("/events", response_class=HTMLResponse)
    def events_page(request: Request, actor: str | None = Query(None, pattern=FORM_CODE),
                    type: str | None = Query(None, pattern=FORM_TYPE), db=Depends(connection)):
        found = queries.events(db, queries.Page(500), actor=actor or None, type_=type or None)
        return templates.TemplateResponse(request, "events.html", {"events": found, "actor": actor or "",
                                                                   "type": type or "", "types": TYPES.split()})

    @app.get("/timeline", response_class=HTMLResponse)
    def timeline_page(request: Request, actor: str | None = Query(None, pattern=FORM_CODE), db=Depends(connection)):
        rows = queries.timeline(db, actor=actor or None)
        return templates.TemplateResponse(request, "chart.html", {"title": "Timeline", "actor": actor or "",
                                                                  "svg": timeline_svg(rows)})

    @app.get("/network", response_class=HTMLResponse)
    def network_page(request: Request, db=Depends(connection)):
        found = queries.events(db, queries.Page(5000))
        return templates.TemplateResponse(request, "chart.html", {"title": "Network", "actor": "",
                                                                  "svg": network_svg(found)})

    @app.get("/quotes", response_class=HTMLResponse)
    def quotes_page(request: Request, speaker: str | None = Query(None, max_length=200), db=Depends(connection)):
        found = queries.quotes(db, queries.Page(500), speaker)
        return templates.TemplateResponse(request, "quotes.html", {"quotes": found, "speaker": speaker or ""})

    return app


def _check_token(request: Request, token: str | None) -> None:
    if not token:
        raise HTTPException(403, "writes are disabled: start the server with LAGEBILD_TOKEN set")
    given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    if not secrets.compare_digest(given, token):
        raise HTTPException(401, "a valid token is required: send 'Authorization: Bearer <LAGEBILD_TOKEN>'")


def _ingest(path: str, records: list) -> dict:
    """Analyse and store input records; report what was stored and what failed, by index."""
    stored, duplicates, failures = [], 0, []
    with open_store(path) as store:
        for number, record in enumerate(records):
            where = f"record {number}"
            try:
                article = parse_record(json.dumps(record).encode(), where, MAX_BODY_BYTES)
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


def _csv(events: list[dict]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["document", "type", "mode", "source", "source_code", "target", "target_code", "date", "status",
                     "trigger", "sentence"])
    for e in events:
        target = e.get("target") or {}
        writer.writerow([e["input_id"] or e["document"], e["type"], e.get("mode") or "", e["source"]["name"],
                         e["source"]["code"], target.get("name", ""), target.get("code", ""), e.get("date") or "",
                         e["status"], e["trigger"], " ".join((e.get("sentence_text") or "").split())])
    return out.getvalue()


def app_from_env() -> FastAPI:
    """The application for `uvicorn --factory lagebild.web.app:app_from_env` (LAGEBILD_DB, LAGEBILD_TOKEN)."""
    import os

    return create_app(os.environ.get("LAGEBILD_DB"), token=os.environ.get("LAGEBILD_TOKEN") or None)
