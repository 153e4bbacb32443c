"""Fast matching of the actor knowledge in a text: one Aho-Corasick automaton over all
written forms, kept to matches at word boundaries that know umlauts and ß.

A match may be the first part of a hyphenated compound ("Kreml-Sprecher",
"US-Außenminister", "NATO-Bündnis") or the last part of one ("US-Außenminister"); the
Match says so, and the actors stage decides what such a compound names.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from operator import itemgetter

import ahocorasick

from lagebild.actors.knowledge import Referent, surfaces


@dataclass(slots=True)
class Match:
    start: int
    end: int
    referents: tuple[Referent, ...]
    before_hyphen: bool     # "Kreml-" in "Kreml-Sprecher"
    after_hyphen: bool      # "-Sprecher" in "Kreml-Sprecher"


# What may stand before a known form besides a space: other white space, punctuation,
# quotes, dashes, invisible breaks. The matcher reads these as spaces, in the text and
# in the forms.
_SEPARATORS = ("".join(char for char in map(chr, range(0x3100)) if char.isspace() and char != " ")
               + "\u200b\xad-‐‑–—\"'„“”‚‘’´`«»‹›()[]{}<>/\\|#@&+*~^=!?¿¡:;,.…•·%$€§°")


def as_scanned(text: str) -> str:
    """`text` with every separator a space, of the same length."""
    for separator in _SEPARATORS:
        if separator in text:
            text = text.replace(separator, " ")
    return text


@functools.cache
def _automaton() -> ahocorasick.Automaton:
    """Every known form under a key that starts with a space, as the scanned text has
    one before each word. Forms that differ only in separators ("Nord-Korea", "Nord
    Korea") share a key. That every key starts alike makes scanning fast: the
    automaton's root has a single child."""
    keys: dict[str, list[tuple[str, tuple[Referent, ...]]]] = {}
    for form, referents in surfaces().items():
        keys.setdefault(" " + as_scanned(form), []).append((form, referents))
    automaton = ahocorasick.Automaton()
    for key, forms in keys.items():
        automaton.add_word(key, (len(key) - 1, tuple(forms)))
    automaton.make_automaton()
    return automaton


def find_matches(text: str) -> list[Match]:
    """Longest matches of known forms at word boundaries, not overlapping, in text order."""
    found = []
    size = len(text)
    # the scanned text has a space before the text: its index `last` is the text's `last - 1`
    for last, (length, forms) in _automaton().iter(" " + as_scanned(text)):
        start, end = last - length, last
        after = text[end] if end < size else " "
        if after.isalnum() or after == "_":
            continue   # inside a word
        before = text[start - 1] if start else " "
        if before == "." and start > 1 and text[start - 2].isalnum():
            continue  # "example.org"
        for form, referents in forms:
            if text.startswith(form, start):   # the form as written, not one of its key's others
                found.append((start, -length, referents, after == "-", before == "-"))
    found.sort(key=itemgetter(0, 1))   # by start, the longest first
    kept: list[Match] = []
    end = 0
    for start, minus_length, referents, before_hyphen, after_hyphen in found:
        if start < end:
            continue  # the longest match at the earliest start wins
        end = start - minus_length
        kept.append(Match(start, end, referents, before_hyphen, after_hyphen))
    return kept
