"""JSON Lines input records: {"id", "text", "published", "genre", "title", "url", "source"}.

The format is the input record of ../shared/eval/README.md. One malformed line gives a
Failure naming the line; the other lines are read as usual.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from lagebild.errors import InputError
from lagebild.sources.raw import Failure, RawArticle
from lagebild.sources.text import looks_like_html

GENRES = ("news", "narrative")
TEXT_FIELDS = ("id", "published", "title", "url", "source", "genre")


def read_jsonl(stream: BinaryIO, origin: str, max_bytes: int) -> Iterator[RawArticle | Failure]:
    """One RawArticle per input record of `stream`, or a Failure per bad line."""
    records = 0
    for number, line in enumerate(stream, start=1):
        where = f"{origin}:{number}"
        if not line.strip():
            continue
        records += 1
        try:
            yield parse_record(line, where, max_bytes)
        except InputError as error:
            yield Failure(error.origin, error.problem)
    if records == 0:
        yield Failure(origin, "the input is empty: no JSON Lines records")


def parse_record(line: bytes, where: str, max_bytes: int) -> RawArticle:
    """The RawArticle of one JSON Lines input record; InputError says what is wrong."""
    if len(line) > max_bytes:
        raise InputError(where, f"the record is too large ({len(line):,} bytes; the limit is {max_bytes:,})")
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(where, "the line is not valid UTF-8; JSON Lines files must be UTF-8") from None
    except json.JSONDecodeError as error:
        raise InputError(where, f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise InputError(where, "expected a JSON object with a \"text\" field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "the record has no \"text\" (a non-empty string is required)")
    fields = {}
    for name in TEXT_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if name == "id" and isinstance(value, int):
            value = str(value)
        if not isinstance(value, str):
            raise InputError(where, f"the field \"{name}\" must be a string, got {type(value).__name__}")
        fields[name] = value
    genre = fields.pop("genre", "news")
    if genre not in GENRES:
        raise InputError(where, f"unknown genre {genre!r}; use one of {', '.join(GENRES)}")
    kind = "html" if looks_like_html(text) else "text"
    return RawArticle(origin=where, content=text, format=kind, genre=genre, **fields)
