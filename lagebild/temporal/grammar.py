"""The grammar of time expressions: patterns from language data, matched over a text.

`find_candidates(text, language)` returns every match of the language's patterns
(lang/<language>/time_patterns.tsv, built from the word classes of time_words.tsv),
overlaps resolved: the longest match wins, then the earlier pattern.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lagebild.datafiles import read_table

DAY = r"(?:[12]\d|3[01]|0?[1-9])\."
YEAR = r"(?:1\d{3}|20\d{2})"


@dataclass(frozen=True, slots=True)
class Pattern:
    name: str
    type: str
    rule: str
    triggers: tuple[str, ...]
    regex: re.Pattern


@dataclass(slots=True)
class Candidate:
    """One match of a pattern: its span, the pattern, and the named groups that matched."""

    start: int
    end: int
    text: str
    pattern: Pattern
    groups: dict[str, str]


@functools.cache
def words(language: str) -> dict[str, dict[str, str]]:
    """Word class -> {word: value} (lower-cased words) of time_words.tsv."""
    classes: dict[str, dict[str, str]] = {}
    for word, cls, value in read_table(f"lang/{language}/time_words.tsv", 3):
        classes.setdefault(cls, {})[word.lower()] = value
    return classes


def _alternation(items) -> str:
    """A regex for any of the words, longest first, as a trie ("jahr(?:es|zehnt|)") that the
    regex engine tries much faster than a flat list; a space in a word is any white space."""
    tree: dict = {}
    for item in items:
        node = tree
        for char in item:
            node = node.setdefault(r"\s+" if char == " " else re.escape(char), {})
        node[""] = {}  # a word ends here

    def branches(node: dict) -> str:
        # a word's continuations before its end: the longest word that fits is tried first
        options = [piece + branches(child) for piece, child in node.items() if piece] + [""] * ("" in node)
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    return "(?:" + branches(tree) + ")"


def _macros(language: str) -> dict[str, str]:
    classes = words(language)
    offsets = classes["offset"]
    return {
        "{MONTH}": _alternation(classes["month"]),
        "{WEEKDAY}": _alternation(classes["weekday"]),
        "{SEASON}": _alternation(classes["season"]),
        "{PART}": _alternation(w for w in classes["part"] if w not in ("früh",)),
        "{OFFSET}": _alternation(offsets) + "(?:e|en|er|es|em)?",
        "{MOD}": _alternation(classes["mod"]),
        "{NUMBER}": _alternation(classes["number"]),
        "{VAGUE}": _alternation(classes["vague"]),
        "{HOLIDAY}": _alternation(classes["holiday"]),
        "{BLOCK_AFTER}": _alternation(classes["count_noun"]) + r"(?![\w-])",
        "{DAY}": DAY,
        "{YEAR}": YEAR,
    }


@functools.cache
def patterns(language: str) -> tuple[Pattern, ...]:
    """The compiled patterns of a language, in file order."""
    macros = _macros(language)
    compiled = []
    for name, type_, rule, triggers, source in read_table(f"lang/{language}/time_patterns.tsv", 5):
        for macro, expansion in macros.items():
            source = source.replace(macro, expansion)
        regex = re.compile(rf"(?<![\w\-]){source}(?![\w])", re.IGNORECASE)
        compiled.append(Pattern(name, type_, rule, tuple(triggers.split(",")), regex))
    return tuple(compiled)


# Words that start no class of time_words.tsv but start a time expression all the same.
_EXTRA_TRIGGERS = ("vorjahr", "folgejahr", "vortag", "folgetag", "tags", "jahr", "quartal", "halbjahr",
                   "jahreshälfte", "jahrhundert", "jh.", "uhr", "jede")
TRIGGER_CLASSES = ("month", "weekday", "season", "part", "deictic", "vague", "unit", "holiday")
WINDOW_BEFORE, WINDOW_AFTER = 60, 90  # longer than any expression reaches from its trigger word


@functools.cache
def _vocabulary(language: str) -> dict[str, tuple[str, ...]]:
    """Trigger word (lower case) -> its kinds ("extra" and the classes of TRIGGER_CLASSES)."""
    classes = words(language)
    kinds: dict[str, set[str]] = {word: {"extra"} for word in _EXTRA_TRIGGERS}
    for cls in TRIGGER_CLASSES:
        for word in classes[cls]:
            kinds.setdefault(word.split()[0].lower(), set()).add(cls)
    return {word: tuple(sorted(k)) for word, k in kinds.items()}


@functools.cache
def _trigger(language: str) -> re.Pattern:
    """A number or a trigger word at the start of a word: every match of a pattern holds
    one of its kinds (the trigger column), so patterns only run near them."""
    return re.compile(r"\d+|(?<![^\W\d_])" + _alternation(_vocabulary(language)), re.IGNORECASE)


@functools.cache
def _kinds(word: str, language: str) -> tuple[str, ...]:
    """The kinds of a matched trigger word: its own, and those of shorter trigger words
    it starts with ("Jahres" is a unit, "Jahresbeginn" starts with it)."""
    if word.isdigit():
        return ("digit",)
    lower = word.lower()
    return tuple(sorted({k for w, ks in _vocabulary(language).items() if lower.startswith(w) for k in ks}))


@functools.cache
def _lower_trigger(language: str) -> re.Pattern:
    """`_trigger` for lower-cased text: case-sensitive, which the regex engine runs much faster."""
    return re.compile(r"\d+|(?<![^\W\d_])" + _alternation(_vocabulary(language)))


_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")


@functools.cache
def _lowers_plainly(char: str, language: str) -> bool:
    """Whether `char` lower-cases to one character that is a letter (a digit) when `char` is
    one, and matches a character of the trigger words case-insensitively exactly when its
    lower case equals it. Not so for "İ" (lower case "i̇"), "ſ" (matches "s") or "Σ" (lower
    case by context)."""
    lower = char.lower()
    if len(lower) != 1 or char == "Σ":
        return False
    if bool(_LETTER.match(char)) != bool(_LETTER.match(lower)) or bool(_DIGIT.match(char)) != bool(_DIGIT.match(lower)):
        return False
    return all(bool(re.fullmatch(re.escape(c), char, re.IGNORECASE)) == (lower == c)
               for c in set("".join(_vocabulary(language))))


def _trigger_spans(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """The spans of the matches of `_trigger(language)` in text[start:end]: those of
    `_lower_trigger` in the lower-cased text when every character `_lowers_plainly`."""
    if all(_lowers_plainly(char, language) for char in set(text)):
        return [match.span() for match in _lower_trigger(language).finditer(text.lower(), start, end)]
    return [match.span() for match in _trigger(language).finditer(text, start, end)]


def _windows(text: str, start: int, end: int, language: str) -> dict[str, list[tuple[int, int]]]:
    """For each kind of trigger, the merged stretches of text[start:end] around its words."""
    windows: dict[str, list[list[int]]] = {}
    for trigger_start, trigger_end in _trigger_spans(text, start, end, language):
        left, right = max(start, trigger_start - WINDOW_BEFORE), min(end, trigger_end + WINDOW_AFTER)
        for kind in _kinds(text[trigger_start:trigger_end], language):
            spans = windows.setdefault(kind, [])
            if spans and left <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], right)
            else:
                spans.append([left, right])
    return {kind: [(a, b) for a, b in spans] for kind, spans in windows.items()}


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for left, right in sorted(spans):
        if merged and left <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], right)
        else:
            merged.append([left, right])
    return [(a, b) for a, b in merged]


def find_candidates(text: str, language: str = "de", start: int = 0, end: int | None = None) -> list[Candidate]:
    """Every pattern match in text[start:end], overlaps resolved, in text order."""
    end = len(text) if end is None else end
    windows = _windows(text, start, end, language)
    found: list[tuple[int, int, int, Candidate]] = []
    for rank, pattern in enumerate(patterns(language)):
        kinds = [windows[k] for k in pattern.triggers if k in windows]
        spans = kinds[0] if len(kinds) == 1 else _merge([span for spans in kinds for span in spans])
        for left, right in spans:
            for match in pattern.regex.finditer(text, left, right):
                if match.end() == match.start():
                    continue
                groups = {k: v for k, v in match.groupdict().items() if v is not None}
                found.append((match.start(), match.end(), rank, Candidate(match.start(), match.end(), match.group(), pattern, groups)))
    # longest first, then earlier pattern; keep those that overlap nothing kept before
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for s, e, _, candidate in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        kept.append(candidate)
    kept.sort(key=lambda c: c.start)
    return kept
