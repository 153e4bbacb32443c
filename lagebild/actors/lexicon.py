"""Fast matching of the actor knowledge in a text: one Aho-Corasick automaton over all
written forms, kept to matches at word boundaries that know umlauts and ß.

A match may be the first part of a hyphenated compound ("Kreml-Sprecher",
"US-Außenminister", "NATO-Bündnis") or the last part of one ("US-Außenminister"); the
Match says so, and the actors stage decides what such a compound names.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

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
    found: list[Match] = []
    for last, (length, referents) in _automaton().iter(text):
        start, end = last - length + 1, last + 1
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if before.isalnum() or before == "_" or after.isalnum() or after == "_":
            continue   # inside a word
        if before == "." and start > 1 and text[start - 2].isalnum():
            continue  # "example.org"
        found.append(Match(start, end, referents, after == "-", before == "-"))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Match] = []
    for match in found:
        if kept and match.start < kept[-1].end:
            continue  # the longest match at the earliest start wins
        kept.append(match)
    return kept
