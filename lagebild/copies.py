"""Copies: near-duplicate detection over the cleaned text (MinHash and LSH, datasketch).

A copy is the same story republished: its own boilerplate (the cleaner removes most
of it), cut short, retitled, re-typeset quotation marks and dashes, a sentence
dropped or a teaser added. Each document's text becomes a set of five-word shingles
over lower-cased words (punctuation, quotation marks and dashes do not count); its
MinHash signature is split into bands, and each band's 32-bit bucket is kept in the store
(`copy_buckets`, a table that is its own index), so a new document meets only the
documents that share a band with it, and the index survives restarts. A candidate is a copy when the two
texts share most of the shorter one's shingles (containment, estimated from the
signatures and the shingle counts), which also catches truncated copies.

Each document gets `copy_of`: the earliest document of its group (itself for the
first one).
"""
from __future__ import annotations

import functools
import re
import sqlite3
import zlib

import numpy as np

NUM_PERM = 64
BANDS = 32                      # 32 bands of 2 rows: pairs sharing 30% of their shingles meet with p ≈ 0.95
ROWS = NUM_PERM // BANDS
SHINGLE = 5
MIN_CONTAINMENT = 0.6           # share of the shorter text's shingles found in the other
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """Five-word shingles of the lower-cased words of `text`."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    runs = zip(*(words[offset:] for offset in range(SHINGLE)))   # each word with the four after it
    return set(map(str.encode, map(" ".join, runs)))


@functools.cache
def _first_minhash():
    from datasketch import MinHash   # imported here: it pulls in scipy, half a second only indexing needs

    return MinHash(num_perm=NUM_PERM, seed=7, hashfunc=zlib.crc32)   # stable across runs, fast


def signature(parts: set[bytes]) -> np.ndarray:
    from datasketch import MinHash

    # the first MinHash's permutations are reused: drawing them anew costs as much as the hashing
    first = _first_minhash()
    minhash = MinHash(num_perm=NUM_PERM, seed=7, hashfunc=zlib.crc32,
                      permutations=first.permutations, scheme=first.scheme)
    minhash.update_batch(list(parts))
    return minhash.hashvalues.astype(np.uint32)   # datasketch's hash values fit 32 bits


_MIX = np.array([0x9E3779B1, 0x85EBCA77], dtype=np.uint64)   # odd constants that spread the rows' bits


def _buckets(values: np.ndarray) -> list[int]:
    """One signed 32-bit bucket per band: its rows mixed, with the band's number, so the
    same rows in two bands fall apart. A collision only adds a candidate that the
    containment check then turns down."""
    rows = values.reshape(BANDS, ROWS).astype(np.uint64)
    mixed = (rows * _MIX[:ROWS]).sum(axis=1) + np.arange(BANDS, dtype=np.uint64) * np.uint64(0xC2B2AE3D)
    mixed ^= mixed >> np.uint64(29)
    return (mixed & np.uint64(0xFFFFFFFF)).astype(np.uint32).view(np.int32).tolist()


def containment(a: np.ndarray, size_a: int, b: np.ndarray, size_b: int) -> float:
    """The share of the smaller set found in the other, from the MinHash estimate of
    their Jaccard similarity and their sizes."""
    jaccard = float(np.mean(a == b))
    if jaccard == 0 or not size_a or not size_b:
        return 0.0
    common = jaccard * (size_a + size_b) / (1 + jaccard)
    return min(1.0, common / min(size_a, size_b))


class CopyIndex:
    """The LSH index in the store's database: add documents, ask for copy groups."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection

    def add(self, key: str, text: str) -> str:
        """Index the document `key` and return the key of the document it copies (its
        own key when it copies none). A key indexed before keeps its answer."""
        known = self.connection.execute("SELECT copy_of FROM copies WHERE key = ?", (key,)).fetchone()
        if known is not None:
            return known[0]
        parts = shingles(text)
        values = signature(parts)
        buckets = _buckets(values)
        copy_of = self._original(values, len(parts), buckets) or key
        cursor = self.connection.execute(
            "INSERT INTO copies (key, signature, shingles, copy_of) VALUES (?, ?, ?, ?)",
            (key, values.tobytes(), len(parts), copy_of))
        self.connection.executemany("INSERT OR IGNORE INTO copy_buckets (bucket, copy) VALUES (?, ?)",
                                    [(bucket, cursor.lastrowid) for bucket in buckets])
        return copy_of

    def migrate(self) -> None:
        """Rebuild the buckets from the stored signatures when a store still has the
        first version's `copy_bands` table (64-bit buckets with a separate index), then
        drop it."""
        old = self.connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'copy_bands'").fetchone()
        if old is None:
            return
        for rowid, values in self.connection.execute("SELECT rowid, signature FROM copies").fetchall():
            self.connection.executemany(
                "INSERT OR IGNORE INTO copy_buckets (bucket, copy) VALUES (?, ?)",
                [(bucket, rowid) for bucket in _buckets(np.frombuffer(values, dtype=np.uint32))])
        self.connection.execute("DROP TABLE copy_bands")

    def _original(self, values: np.ndarray, size: int, buckets: list[int]) -> str | None:
        candidates = {row[0] for row in self.connection.execute(
            f"SELECT copy FROM copy_buckets WHERE bucket IN ({','.join('?' * len(buckets))})", buckets)}
        best: tuple[int, str] | None = None
        for candidate in candidates:
            row = self.connection.execute(
                "SELECT signature, shingles, copy_of FROM copies WHERE rowid = ?", (candidate,)).fetchone()
            other = np.frombuffer(row[0], dtype=np.uint32)
            if containment(values, size, other, row[1]) >= MIN_CONTAINMENT:
                root = row[2]
                order = self.connection.execute("SELECT rowid FROM copies WHERE key = ?", (root,)).fetchone()[0]
                if best is None or order < best[0]:
                    best = (order, root)
        return best[1] if best else None

    def groups(self) -> dict[str, list[str]]:
        """Original key -> the keys of its copies, the original first."""
        groups: dict[str, list[str]] = {}
        for key, copy_of in self.connection.execute("SELECT key, copy_of FROM copies ORDER BY rowid"):
            groups.setdefault(copy_of, []).append(key)
        return groups
