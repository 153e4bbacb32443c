"""What a reader delivers: one article with its input metadata, or a failure."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class RawArticle:
    """One article as read: `content` is plain text or HTML (`format`), with the
    caller's metadata where the input gave it. `origin` names where it came from
    (a path, or `path:line` for a JSON Lines record)."""

    origin: str
    content: str
    format: str = "text"
    id: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    genre: str = "news"


@dataclass(slots=True)
class Failure:
    """An input that could not be read or analysed, and why."""

    origin: str
    reason: str
