"""Files and directories: find the inputs, open them (gzip too), pick the reader by type."""
from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from lagebild.errors import InputError
from lagebild.sources.jsonl import read_jsonl
from lagebild.sources.raw import Failure, RawArticle
from lagebild.sources.text import decode_bytes, looks_like_html

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Largest file (after decompression) or JSON Lines record read; LAGEBILD_MAX_BYTES overrides."""

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text"}
ARTICLE_SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES


def max_bytes_setting() -> int:
    value = os.environ.get("LAGEBILD_MAX_BYTES")
    if not value:
        return DEFAULT_MAX_BYTES
    try:
        return int(value)
    except ValueError:
        raise InputError("LAGEBILD_MAX_BYTES", f"expected a number of bytes, got {value!r}") from None


def read_inputs(
    paths: Iterable[str | Path], pattern: str = "*", max_bytes: int | None = None
) -> Iterator[RawArticle | Failure]:
    """Every article under `paths`, or a Failure for each input that cannot be read.

    Files are read whatever their name. Directories are searched recursively for files
    whose name matches `pattern`; with the default pattern "*", only article files
    (.txt, .html, .htm, .jsonl, .ndjson, each maybe .gz) are taken, so that a README
    or an image beside the articles is passed over."""
    limit = max_bytes if max_bytes is not None else max_bytes_setting()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file in _walk(path, pattern):
                if isinstance(file, Failure):
                    yield file
                else:
                    yield from read_path(file, limit)
        else:
            yield from read_path(path, limit)


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | Failure]:
    """The articles in one file, or one Failure naming the file and the problem."""
    origin = str(path)
    try:
        kind = input_kind(path)
        if kind == "jsonl":
            with _open_binary(path, max_bytes) as stream:
                yield from read_jsonl(stream, origin, max_bytes)
            return
        content = decode_bytes(_read_limited(path, max_bytes), origin)
    except InputError as error:
        yield Failure(error.origin, error.problem)
        return
    except OSError as error:
        yield Failure(origin, f"cannot read the file: {error.strerror or error}")
        return
    if kind == "text" and looks_like_html(content):
        kind = "html"
    yield RawArticle(origin=origin, content=content, format=kind, id=path.name.split(".")[0] or None)


def input_kind(path: Path) -> str:
    """'jsonl', 'html' or 'text', from the file name (a .gz suffix is looked through)."""
    last = _article_suffix(path)
    if last in JSONL_SUFFIXES:
        return "jsonl"
    if last in HTML_SUFFIXES:
        return "html"
    return "text"


def _article_suffix(path: Path) -> str:
    """The file's type suffix, lower-case, looking through .gz: "a.jsonl.gz" -> ".jsonl"."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _walk(root: Path, pattern: str) -> Iterator[Path | Failure]:
    """Files below `root` matching `pattern`, in a stable order, hidden files skipped;
    a Failure for each folder that cannot be listed."""
    errors: list[OSError] = []
    for folder, subfolders, files in os.walk(root, onerror=errors.append):
        while errors:
            error = errors.pop()
            yield Failure(str(error.filename or root), f"cannot read the directory: {error.strerror}")
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            file = Path(folder) / name
            if name.startswith(".") or not file.match(pattern):
                continue
            if pattern == "*" and _article_suffix(file) not in ARTICLE_SUFFIXES:
                continue
            yield file
    for error in errors:
        yield Failure(str(error.filename or root), f"cannot read the directory: {error.strerror}")


def _open_binary(path: Path, max_bytes: int):
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")
    return open(path, "rb")


def _read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes (decompressed for .gz); InputError when larger than `max_bytes`."""
    origin = str(path)
    if path.stat().st_size > max_bytes and path.suffix.lower() != ".gz":
        raise InputError(origin, _too_large(path.stat().st_size, max_bytes))
    try:
        with _open_binary(path, max_bytes) as stream:
            data = stream.read(max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise InputError(origin, f"not a valid gzip file ({error})") from None
    if len(data) > max_bytes:
        raise InputError(origin, _too_large(None, max_bytes))
    return data


def _too_large(size: int | None, max_bytes: int) -> str:
    what = f"{size:,} bytes" if size is not None else "larger once decompressed"
    return (
        f"the file is too large ({what}; the limit is {max_bytes:,} bytes); "
        "raise it with --max-bytes or LAGEBILD_MAX_BYTES"
    )


def count_inputs(paths: Iterable[str | Path], pattern: str = "*") -> int:
    """About how many articles `read_inputs` will yield (files, plus lines of JSON Lines
    files), cheaply, for a progress bar."""
    total = 0
    for path in map(Path, paths):
        files = [f for f in _walk(path, pattern) if isinstance(f, Path)] if path.is_dir() else [path]
        for file in files:
            if input_kind(file) == "jsonl" and file.suffix.lower() != ".gz" and file.is_file():
                with open(file, "rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            else:
                total += 1
    return total
