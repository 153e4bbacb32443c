"""The store: documents with their analysis, every input that delivered them, and failures.

`open_store(url)` opens SQLite (a path, or sqlite:///path) by default. The schema is
plain SQL with a recorded version (schema.py), so that a PostgreSQL store can be
added behind the same methods and a postgresql:// URL.
"""
from __future__ import annotations

import os
from pathlib import Path

from lagebild.store.sqlite import SQLiteStore

DEFAULT_DB = "lagebild.db"


class StoreError(ValueError):
    """The store URL or the database cannot be used; the message says why."""


def default_db_url() -> str:
    """LAGEBILD_DB if set, else ./lagebild.db."""
    return os.environ.get("LAGEBILD_DB") or DEFAULT_DB


def open_store(url: str | Path | None = None) -> SQLiteStore:
    """Open (and create or migrate) the store at `url`: a file path or sqlite:///path."""
    url = str(url or default_db_url())
    if url.startswith(("postgresql://", "postgres://")):
        raise StoreError(
            f"{url.split('@')[-1]}: PostgreSQL is not supported yet; use a SQLite file path"
        )
    if "://" in url and not url.startswith("sqlite:///"):
        raise StoreError(f"{url}: unknown database URL; use a file path or sqlite:///path")
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
    return SQLiteStore(path)


__all__ = ["DEFAULT_DB", "SQLiteStore", "StoreError", "default_db_url", "open_store"]
