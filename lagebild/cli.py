"""The command line: parse arguments, call one library function, report."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from lagebild.analyze import analyze_many, normalize_date
from lagebild.errors import InputError
from lagebild.ingest import ingest as ingest_paths
from lagebild.merge import merged_events
from lagebild.render import record_text, stats_text
from lagebild.sources import Failure, count_inputs, read_inputs
from lagebild.store import StoreError, default_db_url, open_store
from lagebild.stories import stories as find_stories

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    help="lagebild turns news articles into event data: who did what to whom, when and where, "
    "and who said what.",
)
err = Console(stderr=True)

DbOption = Annotated[
    Optional[str],
    typer.Option("--db", help="SQLite file or sqlite:///path [default: LAGEBILD_DB or ./lagebild.db]"),
]
MaxBytesOption = Annotated[
    Optional[int],
    typer.Option("--max-bytes", help="largest file or record read [default: LAGEBILD_MAX_BYTES or 50 MB]"),
]
EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    text = "text"


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _report_failures(failures: list[Failure]) -> None:
    for failure in failures:
        err.print(f"[red]failed:[/red] {escape(failure.origin)}: {escape(failure.reason)}", highlight=False, soft_wrap=True)


@app.command()
def analyze(
    inputs: Annotated[list[Path], typer.Argument(help="text, HTML, .jsonl or .gz files, or directories")],
    published: Annotated[Optional[str], typer.Option(help="publication date YYYY-MM-DD; wins over any other")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="jsonl: one record a line; json; text")] = OutputFormat.jsonl,
    workers: Annotated[int, typer.Option(help="processes to use")] = 1,
    glob: Annotated[str, typer.Option(help="file name pattern inside directories")] = "*",
    max_bytes: MaxBytesOption = None,
) -> None:
    """Print the analysis record of every article in INPUTS (not stored).

    Examples:

        lagebild analyze article.txt --format text

        lagebild analyze articles.jsonl > records.jsonl

        lagebild analyze page.html --published 2021-12-30 --format json
    """
    if published:
        try:
            published = normalize_date(published, "--published")
        except InputError as error:
            _fail(str(error))
    articles = read_inputs(inputs, pattern=glob, max_bytes=max_bytes)
    if published:
        articles = (_with_published(article, published) for article in articles)
    records, failures, analysed = [], [], 0
    for result in analyze_many(articles, workers=workers):
        if isinstance(result, Failure):
            failures.append(result)
            continue
        analysed += 1
        record = result.to_record()
        if output is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif output is OutputFormat.text:
            sys.stdout.write(record_text(record) + "\n\n")
        else:
            records.append(record)
    if output is OutputFormat.json and records:
        sys.stdout.write(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=1) + "\n")
    _report_failures(failures)
    if failures and not analysed:
        raise typer.Exit(1)


def _with_published(article, published: str):
    if not isinstance(article, Failure):
        article.published = published
    return article


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files or directories to read")],
    db: DbOption = None,
    workers: Annotated[Optional[int], typer.Option(help="processes to use [default: one per core]")] = None,
    glob: Annotated[str, typer.Option(help="file name pattern inside directories")] = "*",
    max_bytes: MaxBytesOption = None,
) -> None:
    """Read, analyse and store articles; the same article ingested twice is stored once.

    Examples:

        lagebild ingest examples/

        lagebild ingest feed.jsonl.gz --db news.db --workers 2

        lagebild ingest archive/ --glob "*.html"
    """
    report = _ingest_with_progress(paths, db, workers, glob, max_bytes)
    if report.failures and report.processed == 0:
        raise typer.Exit(1)


def _ingest_with_progress(paths, db, workers, glob, max_bytes):
    try:
        store = open_store(db)
    except (StoreError, RuntimeError) as error:
        _fail(str(error))
    total = count_inputs(paths, glob)
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with store, Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=total)
        report = ingest_paths(
            paths, store, workers=workers, pattern=glob, max_bytes=max_bytes,
            on_document=lambda: progress.advance(task),
        )
    _report_failures(report.failures)
    err.print(
        f"stored {report.stored}, duplicates skipped {report.duplicates}, failed {len(report.failures)}"
        f" → {escape(store.path)}",
        highlight=False,
        soft_wrap=True,
    )
    return report


@app.command()
def show(
    ident: Annotated[str, typer.Argument(metavar="ID", help="input id, document key, or a key prefix")],
    db: DbOption = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json")] = OutputFormat.text,
) -> None:
    """Show one stored document with its layers.

    Examples:

        lagebild show seed-article

        lagebild show 3f2a9c --format json
    """
    with _open(db) as store:
        record = store.get(ident)
    if record is None:
        _fail(f"{ident}: no such document in {db or default_db_url()}; `lagebild stats` lists what is there")
    if output is OutputFormat.text:
        print(record_text(record))
    else:
        print(json.dumps(record, ensure_ascii=False, indent=1))


@app.command()
def stats(
    db: DbOption = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json")] = OutputFormat.text,
) -> None:
    """Counts of the store: documents, duplicates, failures, languages, sources, layers.

    Examples:

        lagebild stats

        lagebild stats --db news.db --format json
    """
    with _open(db) as store:
        numbers = store.stats()
        recent = store.documents(limit=10)
        failures = store.failures(limit=10)
    if output is not OutputFormat.text:
        print(json.dumps({**numbers, "recent": recent, "recent_failures": failures}, ensure_ascii=False, indent=1))
        return
    print(stats_text(numbers, store.path))
    if recent:
        print("\nnewest documents:")
        for doc in recent:
            print(f"  {(doc['input_id'] or doc['key'][:12])[:28]:<28} {doc['language'] or '?':<3} "
                  f"{doc['published'] or '?':<10}  {(doc['title'] or '(no title)')[:70]}")
    if failures:
        print("\nnewest failures:")
        for failure in failures:
            print(f"  {failure['origin']}: {failure['reason']}")


class ListFormat(str, Enum):
    """Output of the list commands (stories, events)."""

    table = "table"
    json = "json"
    jsonl = "jsonl"


@app.command()
def stories(
    db: DbOption = None,
    since: Annotated[Optional[str], typer.Option(help="only stories seen on or after this date (YYYY-MM-DD)")] = None,
    output: Annotated[ListFormat, typer.Option("--format", help="table, json, or jsonl")] = ListFormat.table,
) -> None:
    """The stories of the store: the reports of one news event, each original with its
    republished copies, and other reports of the same event within a few days.

    `jsonl` prints one story per line as {"story": ID, "documents": [input ids]};
    every stored input is in exactly one story.

    Examples:

        lagebild stories

        lagebild stories --since 2023-01-01 --format jsonl > stories.jsonl
    """
    try:
        since = normalize_date(since, "--since") if since else None
    except InputError as error:
        _fail(str(error))
    with _open(db) as store:
        found = find_stories(store, since)
    if output is ListFormat.jsonl:
        for story in found:
            print(json.dumps({"story": story["story"], "documents": story["documents"]}, ensure_ascii=False))
    elif output is ListFormat.json:
        print(json.dumps([{k: v for k, v in s.items() if k != "members"} for s in found], ensure_ascii=False, indent=1))
    else:
        for story in found:
            print(f"{story['story']}  {len(story['documents']):>3} inputs  {len(story['copies']):>2} reports  "
                  f"{story['first_seen'] or '?':<10}  {(story['title'] or '(no title)')[:70]}")


@app.command()
def copies(db: DbOption = None) -> None:
    """The articles that ran more than once: each original with the inputs of its copies.

    Examples:

        lagebild copies --db news.db
    """
    with _open(db) as store:
        found = [story for story in find_stories(store, link=False) if len(story["documents"]) > 1]
    for story in found:
        print(f"{story['story']}  {len(story['documents'])} inputs  {(story['title'] or '(no title)')[:70]}")
        for input_id in story["documents"]:
            print(f"    {input_id}")
    print(f"articles that ran more than once: {len(found)}")


@app.command()
def events(
    db: DbOption = None,
    since: Annotated[Optional[str], typer.Option(help="only events dated on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[Optional[str], typer.Option(help="only events dated on or before this day (YYYY-MM-DD)")] = None,
    mentions: Annotated[bool, typer.Option("--mentions", help="one row per report of an event, not per event")] = False,
    output: Annotated[ListFormat, typer.Option("--format", help="table, json, or jsonl")] = ListFormat.table,
) -> None:
    """The events of the store, each counted once: the reports of one story that agree
    on type, source, target and date are one event with its number of mentions.

    `--mentions` lists (and counts) every report instead, as GDELT counts.

    Examples:

        lagebild events --since 2022-01-01

        lagebild events --mentions --format jsonl > mentions.jsonl
    """
    try:
        since = normalize_date(since, "--since") if since else None
        until = normalize_date(until, "--until") if until else None
    except InputError as error:
        _fail(str(error))
    with _open(db) as store:
        found = merged_events(store, since, until)
    rows = found if not mentions else [
        {**{k: v for k, v in event.items() if k not in ("reports", "mentions", "documents")}, **report}
        for event in found for report in event["reports"]]
    if output is ListFormat.jsonl:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif output is ListFormat.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for row in rows:
            target = (row["target"] or {}).get("code") or "-"
            count = f"doc {row['document']}" if mentions else f"{row['mentions']:>3} mentions"
            print(f"{row['date'] or '?':<10}  {row['type']:<9} {row['source']['code']:>4} → {target:<4}  "
                  f"{row['status']:<12} {count}{'  (conflicting reports)' if row['conflict'] else ''}")
    total = sum(event["mentions"] for event in found)
    err.print(f"{len(found)} events from {total} mentions", highlight=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to listen on (127.0.0.1: this machine only)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
) -> None:
    """Serve the web dashboard and the REST API (OpenAPI at /docs).

    Writes (POST /api/documents) are allowed only when LAGEBILD_TOKEN is set; clients
    send it as "Authorization: Bearer TOKEN".

    Examples:

        lagebild serve

        LAGEBILD_TOKEN=secret lagebild serve --db news.db --port 8080
    """
    import os

    import uvicorn

    from lagebild.web import create_app

    try:
        application = create_app(db, token=os.environ.get("LAGEBILD_TOKEN") or None)
    except (StoreError, RuntimeError) as error:
        _fail(str(error))
    uvicorn.run(application, host=host, port=port)


@app.command()
def demo(
    db: DbOption = None,
    examples: Annotated[Path, typer.Option(help="folder of example articles")] = EXAMPLES_DIR,
    workers: Annotated[Optional[int], typer.Option(help="processes to use [default: one per core]")] = None,
) -> None:
    """Ingest the bundled example articles and print what lagebild found in them.

    Examples:

        lagebild demo

        lagebild demo --db demo.db
    """
    if not examples.is_dir():
        _fail(f"{examples}: no such folder; pass --examples PATH")
    _ingest_with_progress([examples], db, workers, "*", None)
    print()
    stats(db=db, output=OutputFormat.text)


def _open(db):
    try:
        return open_store(db)
    except (StoreError, RuntimeError) as error:
        _fail(str(error))


if __name__ == "__main__":
    app()
