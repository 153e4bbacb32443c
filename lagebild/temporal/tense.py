"""The tense of the clause around a time expression: "future", "past" or None.

A clause is the stretch of its sentence between commas, semicolons, colons, dashes
and quotation marks. Future: werden + infinitive, modal verbs of intent, "kommende",
"nächste" (lang/<language>/tense.tsv). Past: Präteritum forms (listed, or a weak verb
ending in -te/-ten that follows no article), or a Perfekt auxiliary with a participle.
"""
from __future__ import annotations

import functools
import re

from lagebild.datafiles import read_table

_BOUNDARY = re.compile(r"[,;:–—()\"„“”»«]|\s-\s")
_WORD = re.compile(r"[^\W\d_][\w-]*")
_PARTICIPLE = re.compile(r"^(?:(?:ab|an|auf|aus|bei|ein|fest|her|hin|los|mit|nach|vor|weg|zu|zurück|zusammen)?ge\w{2,}(?:t|en)|\w+iert|(?:be|er|ver|ent|zer|emp|miss|über|unter|wider|hinter|voll)\w{2,}t)$")
_WEAK_PAST = re.compile(r"^[a-zäöüß]{3,}(?:te|ten|test|tet)$")
_DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines am im zum zur vom beim "
    "kein keine keinen keinem keiner sein seine seinen seinem seiner ihr ihre ihren ihrem "
    "ihrer unser unsere diese dieser diesen diesem dieses jene jener jenen alle".split()
)


_WERDEN = frozenset("werden wird werde".split())
_FINITE_FUTURE = frozenset("wird werden werde soll sollen will wollen plant planen".split())


@functools.cache
def _cues(language: str) -> dict[str, str]:
    try:
        rows = read_table(f"lang/{language}/tense.tsv", 2)
    except FileNotFoundError:
        return {}
    return {word: cue for word, cue in rows}


_SEPARABLE = re.compile(r"^(?:zusammen|zurück|statt|teil|fest|nach|weg|ab|an|auf|aus|bei|ein|mit|vor|zu|hin|her|los|über|unter|durch)")


def _separable_past(word: str, cues: dict[str, str]) -> bool:
    """A listed Präteritum form behind a separable prefix ("zusammentrafen", "abzogen")."""
    prefix = _SEPARABLE.match(word)
    return bool(prefix) and cues.get(word[prefix.end():]) == "past"


def _is_participle(word: str, cues: dict[str, str]) -> bool:
    """A past participle: lower case (nouns are capitalised), shaped like one, not listed otherwise."""
    return word[:1].islower() and bool(_PARTICIPLE.match(word)) and cues.get(word) != "not_verb"


def clause_bounds(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> tuple[int, int]:
    """The clause around text[start:end], within its sentence."""
    left = sentence_start
    for match in _BOUNDARY.finditer(text, sentence_start, start):
        left = match.end()
    right = sentence_end
    match = _BOUNDARY.search(text, end, sentence_end)
    if match:
        right = match.start()
    return left, right


_REPORTED_PAST = re.compile(r"\b(?:haben|sein|worden)\s+(?:soll|sollen|will|wollen)\b")


def clause_tense(text: str, language: str = "de") -> str | None:
    """'future', 'past' or None (present, or no cue) for a clause."""
    if _REPORTED_PAST.search(text):
        return "past"  # "aufgehetzt haben soll": a past act, reported
    cues = _cues(language)
    words = _WORD.findall(text)
    lower = [w.lower() for w in words]
    future = listed_past = guessed_past = False
    for i, word in enumerate(lower):
        cue = cues.get(word)
        if cue is None:
            # once a past form is listed, only a future cue can change the answer
            if listed_past or not words[i][0].islower():
                continue
            if _separable_past(word, cues):
                listed_past = True  # "zusammentrafen", "fuhr ... fort"
            elif not guessed_past and _WEAK_PAST.match(word) and (i == 0 or lower[i - 1] not in _DETERMINERS):
                guessed_past = True  # "-te/-ten" is often a verb, but "beraten" is an infinitive
        elif cue == "future":
            if not (word in _WERDEN and i > 0 and _is_participle(words[i - 1], cues)):
                future = True  # but "überprüft werden" is a passive, not the future
        elif cue == "past":
            listed_past = True
        elif cue == "perfect_aux" and not listed_past:
            listed_past = any(_is_participle(w, cues) for w in words[i + 1:])
    if future and listed_past:
        # "wurde verschoben und soll am Montag stattfinden": a finite future verb wins
        return "future" if any(w in _FINITE_FUTURE for w in lower) else "past"
    if future:
        return "future"
    if listed_past or guessed_past:
        return "past"
    return None
