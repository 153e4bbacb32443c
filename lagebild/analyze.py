"""The library's entry points: analyse one text, one RawArticle, or many of them."""
from __future__ import annotations

import datetime as dt
import functools
import gc
import os
from collections.abc import Iterable, Iterator

from lagebild.document import Document
from lagebild.errors import InputError
from lagebild.pipeline import Pipeline, default_stages
from lagebild.sources.raw import Failure, RawArticle


@functools.cache
def default_pipeline() -> Pipeline:
    """The default pipeline, built once per process."""
    return Pipeline(default_stages())


def analyze(
    text: str,
    published: str | dt.date | None = None,
    *,
    title: str | None = None,
    genre: str = "news",
    id: str | None = None,
    format: str = "text",
) -> Document:
    """Analyse one article given as a string (plain text, or HTML with format="html").

    Raises InputError when the text holds no article."""
    article = RawArticle(
        origin=id or "text", content=text, format=format, id=id,
        published=published.isoformat() if isinstance(published, dt.date) else published,
        title=title, genre=genre,
    )
    return analyze_article(article)


def analyze_article(article: RawArticle, pipeline: Pipeline | None = None) -> Document:
    """Run the pipeline over one RawArticle; InputError names the article and the problem."""
    doc = Document(
        raw=article.content, raw_format=article.format, id=article.id, origin=article.origin,
        url=article.url, source=article.source, genre=article.genre, title=article.title,
    )
    if article.published:
        doc.published, doc.published_from = normalize_date(article.published, article.origin), "input"
    doc = (pipeline or default_pipeline()).run(doc)
    if not doc.text.strip():
        raise InputError(article.origin, "no article text is left after removing boilerplate")
    return doc


def analyze_or_fail(article: RawArticle | Failure, pipeline: Pipeline | None = None) -> Document | Failure:
    """Like analyze_article, but any error becomes a Failure, so that a batch goes on."""
    if isinstance(article, Failure):
        return article
    try:
        return analyze_article(article, pipeline)
    except InputError as error:
        return Failure(error.origin, error.problem)
    except Exception as error:  # a bug must not cost the rest of the batch; it is recorded
        return Failure(article.origin, f"analysis failed: {type(error).__name__}: {error}")


def analyze_many(
    articles: Iterable[RawArticle | Failure], workers: int | None = None
) -> Iterator[Document | Failure]:
    """Analyse many articles, in input order, on `workers` processes (default: one per
    core; 1: in this process). Failures, of reading or of analysis, come out in place."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1:
        yield from map(_analyze_and_freeze, articles)
        return
    from lagebild.engines.local import map_in_processes

    yield from map_in_processes(_analyze_and_freeze, articles, workers)


def _analyze_and_freeze(article: RawArticle | Failure) -> Document | Failure:
    """analyze_or_fail, then freeze what the process has loaded (once per process)."""
    result = analyze_or_fail(article)
    if isinstance(result, Document):
        freeze_loaded_models()
    return result


@functools.cache   # once per process, so a server that ingests often freezes no garbage
def freeze_loaded_models() -> None:
    """After a process's first analysed article its models and knowledge are loaded:
    the garbage collector is told to leave them alone (gc.freeze), as walking them cost
    about 0.1 s in each full collection. (gc.get_freeze_count() cannot say whether this
    was done: it counts the frozen objects one by one, 4 ms a call.)"""
    gc.freeze()


def normalize_date(value: str, origin: str) -> str:
    """ISO date (YYYY-MM-DD) of a date or date-time string; InputError when it is none."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise InputError(origin, f"the publication date {value!r} is not a date; use YYYY-MM-DD") from None
