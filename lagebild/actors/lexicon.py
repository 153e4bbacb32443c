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


@functools.cache
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for form, referents in surfaces().items():
        automaton.add_word(form, (len(form), referents))
    automaton.make_automaton()
    return automaton


def find_matches(text: str) -> list[Match]:
    """Longest matches of known forms at word boundaries, not overlapping, in text order."""
    padded = f" {text} "   # padded[i] is text[i - 1]: a space before and after the text
    found = []
    for last, (length, referents) in _automaton().iter(text):
        start = last - length + 1
        before, after = padded[start], padded[last + 2]
        if before.isalnum() or before == "_" or after.isalnum() or after == "_":
            continue   # inside a word
        if before == "." and padded[start - 1].isalnum():
            continue  # "example.org"
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
