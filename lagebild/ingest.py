"""Ingest: read inputs, analyse them on all cores, store documents and failures."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.analyze import analyze_many
from lagebild.sources import Failure, read_inputs
from lagebild.store.sqlite import SQLiteStore

COMMIT_EVERY = 200


@dataclass
class IngestReport:
    """What one ingest did: documents stored, duplicates skipped, failures with reasons."""

    stored: int = 0
    duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.stored + self.duplicates


def ingest(
    paths: Iterable[str | Path],
    store: SQLiteStore,
    *,
    workers: int | None = None,
    pattern: str = "*",
    max_bytes: int | None = None,
    on_document: Callable[[], None] | None = None,
) -> IngestReport:
    """Read every input under `paths`, analyse it on `workers` processes (default: one
    per core) and store it; each failure is stored in the failures table and returned
    in the report. `on_document` is called once per
    input handled (for a progress bar)."""
    report = IngestReport()
    articles = read_inputs(paths, pattern=pattern, max_bytes=max_bytes)
    for number, result in enumerate(analyze_many(articles, workers=workers), start=1):
        if isinstance(result, Failure):
            store.add_failure(result)
            report.failures.append(result)
        elif store.add(result):
            report.stored += 1
        else:
            report.duplicates += 1
        if number % COMMIT_EVERY == 0:
            store.commit()
        if on_document:
            on_document()
    store.commit()
    return report
