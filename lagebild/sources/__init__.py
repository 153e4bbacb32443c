"""Readers: turn files, directories and JSON Lines records into RawArticles.

`read_inputs(paths)` walks every path (directories recursively, with a glob filter),
reads plain text in any common encoding, HTML, JSON Lines input records and gzip
files, and yields a `RawArticle` per article or a `Failure` per input that could not
be read, so one bad file never stops a batch.
"""
from lagebild.sources.files import DEFAULT_MAX_BYTES, count_inputs, read_inputs, read_path
from lagebild.sources.raw import Failure, RawArticle

__all__ = ["DEFAULT_MAX_BYTES", "count_inputs", "Failure", "RawArticle", "read_inputs", "read_path"]
