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
    lower_regex: re.Pattern | None  # the same for lower-cased text, case-sensitive; None if it has none


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
        lower = _lower_source(source)
        lower_regex = re.compile(rf"(?<![\w\-]){lower}(?![\w])") if lower is not None else None
        compiled.append(Pattern(name, type_, rule, tuple(triggers.split(",")), regex, lower_regex))
    return tuple(compiled)


# The pieces of a pattern's source that mean on lower-cased text, lower-cased and matched
# case-sensitively, what they mean case-insensitively on the text: escapes of classes and of
# punctuation, group syntax, classes without letters, single characters.
_SOURCE_PIECE = re.compile(r"\\[dswbDSWBAZ]|\\\W|\(\?(?:P<\w+>|P=\w+\)|[:=!]|<[=!])|\((?!\?)"
                           r"|\[(?:\\[dswDSW]|\\\W|[^\\\]\w]|[\d_])+\]|[^\\(\[]")


def _lower_source(source: str) -> str | None:
    """The source for lower-cased text, or None when it holds anything else (inline flags,
    escapes of letters or code points, classes with letters)."""
    pieces = _SOURCE_PIECE.findall(source)
    if "".join(pieces) != source:
        return None
    return "".join(piece if piece.startswith(("\\", "[", "(?P")) else piece.lower() for piece in pieces)


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
def _lower_triggers(language: str) -> tuple[re.Pattern, ...]:
    """`_trigger` for lower-cased text, case-sensitive, which the regex engine runs much
    faster: numbers and words apart when no trigger word holds a digit (their matches
    cannot touch then), together otherwise."""
    vocabulary = _vocabulary(language)
    trie = _alternation(vocabulary)
    if any(_DIGIT.search(word) for word in vocabulary):
        return (re.compile(r"\d+|(?<![^\W\d_])" + trie),)
    return re.compile(r"\d+"), re.compile(r"(?<![^\W\d_])" + trie)


_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s")


@functools.cache
def _cased_chars(language: str) -> frozenset[str]:
    """The characters of the trigger words and of the lower-cased pattern sources (those in
    upper case there are syntax: "(?P<")."""
    sources = (pattern.lower_regex.pattern for pattern in patterns(language) if pattern.lower_regex)
    return frozenset(c for c in "".join(_vocabulary(language)) + "".join(sources) if c == c.lower())


@functools.cache
def _lowers_plainly(char: str, language: str) -> bool:
    """Whether `char` lower-cases to one character that is a letter (a digit, a space) when
    `char` is one, and matches a character of the trigger words and patterns case-insensitively
    exactly when its lower case equals it. Not so for "İ" (lower case "i̇"), "ſ" (matches "s")
    or "Σ" (lower case by context)."""
    lower = char.lower()
    if len(lower) != 1 or char == "Σ":
        return False
    if any(bool(kind.match(char)) != bool(kind.match(lower)) for kind in (_LETTER, _DIGIT, _SPACE)):
        return False
    return all(bool(re.fullmatch(re.escape(c), char, re.IGNORECASE)) == (lower == c) for c in _cased_chars(language))


@functools.lru_cache(maxsize=4)
def _lowered(text: str, language: str) -> str | None:
    """The lower-cased text, when every character `_lowers_plainly` (offsets stay, and the
    lower-cased patterns match there what the patterns match in the text), else None."""
    if all(_lowers_plainly(char, language) for char in set(text)):
        return text.lower()
    return None


def _trigger_spans(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """The spans of the matches of `_trigger(language)` in text[start:end]: those of
    `_lower_triggers` in the lower-cased text when there is one."""
    lower = _lowered(text, language)
    if lower is None:
        return [match.span() for match in _trigger(language).finditer(text, start, end)]
    return sorted(match.span() for regex in _lower_triggers(language) for match in regex.finditer(lower, start, end))


def _windows(text: str, start: int, end: int, language: str) -> dict[str, list[tuple[int, int]]]:
    """For each kind of trigger, the merged stretches of text[start:end] around its words."""
    windows: dict[str, list[list[int]]] = {}
    words = _lowered(text, language) or text
    for trigger_start, trigger_end in _trigger_spans(text, start, end, language):
        left, right = max(start, trigger_start - WINDOW_BEFORE), min(end, trigger_end + WINDOW_AFTER)
        for kind in _kinds(words[trigger_start:trigger_end], language):
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
    lower = _lowered(text, language)
    merged: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    found: list[tuple[int, int, int, Candidate]] = []
    for rank, pattern in enumerate(patterns(language)):
        spans = merged.get(pattern.triggers)
        if spans is None:
            kinds = [windows[k] for k in pattern.triggers if k in windows]
            spans = merged[pattern.triggers] = kinds[0] if len(kinds) == 1 else _merge([w for ws in kinds for w in ws])
        regex, subject = (pattern.lower_regex, lower) if lower is not None and pattern.lower_regex else (pattern.regex, text)
        for left, right in spans:
            for match in regex.finditer(subject, left, right):
                s, e = match.span()
                if s == e:
                    continue
                groups = {k: text[a:b] for k in pattern.regex.groupindex for a, b in (match.span(k),) if a >= 0}
                found.append((s, e, rank, Candidate(s, e, text[s:e], pattern, groups)))
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
