"""Loading the package's data files (TSV word lists and patterns under lang/ and knowledge/).

Format of every data file: lines starting with `#` are the header (what the file
holds, where its facts come from, its columns); blank lines are skipped; every
other line is one row of tab-separated fields, whose first field is its key.
"""
from __future__ import annotations

import functools
from importlib import resources


class DataFileError(ValueError):
    """A data file is malformed; the message names the file and the line."""


def data_files() -> list[str]:
    """Every data file of the package, as paths relative to the package (lang/de/x.tsv)."""
    root = resources.files("lagebild")
    found = []
    for folder in ("lang", "knowledge"):
        stack = [(root / folder, folder)]
        while stack:
            node, rel = stack.pop()
            for child in node.iterdir():
                child_rel = f"{rel}/{child.name}"
                if child.is_dir():
                    stack.append((child, child_rel))
                elif child.name.endswith(".tsv"):
                    found.append(child_rel)
    return sorted(found)


@functools.cache
def read_table(path: str, columns: int | None = None) -> tuple[tuple[str, ...], ...]:
    """Rows of the data file at `path` (relative to the package), each a tuple of fields.

    With `columns`, every row must have exactly that many fields. Rows keep file order.
    """
    text = (resources.files("lagebild") / path).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.split("\t"))
        if columns is not None and len(fields) != columns:
            raise DataFileError(
                f"{path}, line {number}: expected {columns} tab-separated fields, got {len(fields)}"
            )
        if not fields[0]:
            raise DataFileError(f"{path}, line {number}: the first field (the key) is empty")
        rows.append(fields)
    return tuple(rows)


@functools.cache
def read_words(path: str) -> frozenset[str]:
    """The first field of every row of a one-column word list."""
    return frozenset(row[0] for row in read_table(path))
