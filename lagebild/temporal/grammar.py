"""The grammar of time expressions: patterns from language data, matched over a text.

`find_candidates(text, language)` returns every match of the language's patterns
(lang/<language>/time_patterns.tsv, built from the word classes of time_words.tsv),
overlaps resolved: the longest match wins, then the earlier pattern. A pattern is only
tried near the trigger words of its kinds (the trigger column), and there only where its
matches can begin (the start column), which finds what a scan of the whole text finds.
"""
from __future__ import annotations

import bisect
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
    starts: tuple[tuple[str, int], ...]  # (kind, n): a match begins at a word of the kind or n words before; () anywhere
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
    for name, type_, rule, triggers, starts, source in read_table(f"lang/{language}/time_patterns.tsv", 6):
        for macro, expansion in macros.items():
            source = source.replace(macro, expansion)
        regex = re.compile(rf"(?<![\w\-]){source}(?![\w])", re.IGNORECASE)
        lower = _lower_source(source)
        lower_regex = re.compile(rf"(?<![\w\-]){lower}(?![\w])") if lower is not None else None
        compiled.append(Pattern(name, type_, rule, tuple(triggers.split(",")), _starts(starts), regex, lower_regex))
    return tuple(compiled)


def _starts(column: str) -> tuple[tuple[str, int], ...]:
    """The start column ("extra,unit-2", "*") as (kind, words before) pairs, () for "*"."""
    if column == "*":
        return ()
    pairs = []
    for item in column.split(","):
        kind, _, before = item.partition("-")
        pairs.append((kind, int(before or 0)))
    return tuple(pairs)


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
    # "\d\d*" means "\d+", but its leading class lets the regex engine skip non-digits fast
    return re.compile(r"\d\d*"), re.compile(r"(?<![^\W\d_])" + trie)


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


def _triggers(text: str, start: int, end: int, language: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """The trigger words of text[start:end] (`_trigger_spans`), each with its kinds."""
    words = _lowered(text, language) or text
    return [(a, b, _kinds(words[a:b], language)) for a, b in _trigger_spans(text, start, end, language)]


def _windows(triggers: list[tuple[int, int, tuple[str, ...]]], start: int, end: int) -> dict[str, list[tuple[int, int]]]:
    """For each kind of trigger, the merged stretches of text[start:end] around its words."""
    windows: dict[str, list[list[int]]] = {}
    for trigger_start, trigger_end, kinds in triggers:
        left, right = max(start, trigger_start - WINDOW_BEFORE), min(end, trigger_end + WINDOW_AFTER)
        for kind in kinds:
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


def _kind_starts(triggers: list[tuple[int, int, tuple[str, ...]]]) -> dict[str, list[int]]:
    """For each kind of trigger, the starts of its words, in text order."""
    starts: dict[str, list[int]] = {}
    for trigger_start, _, kinds in triggers:
        for kind in kinds:
            starts.setdefault(kind, []).append(trigger_start)
    return starts


@functools.cache
def _words_before(count: int) -> re.Pattern:
    """On the reversed text: the `count` runs of word characters before a position (as many as
    there are), nearest first, each a group."""
    # the regex engine reads forwards only: the words before a position of the text are the
    # words after its mirror position in the reversed text
    source = ""
    for _ in range(count):
        source = r"(?:\W*(\w+)" + source + ")?"
    return re.compile(source)


def _start_positions(trigger_starts: list[int], reverse: str, before: int) -> list[int]:
    """Where a match can begin by a start "kind-before" of a pattern: at the trigger words of the
    kind (their starts) and at the starts of the `before` words before each, read in `reverse`,
    the text reversed."""
    if not before:
        return trigger_starts
    words_before = _words_before(before)
    positions = []
    for trigger_start in trigger_starts:
        positions.append(trigger_start)
        match = words_before.match(reverse, len(reverse) - trigger_start)
        positions += [len(reverse) - word_end for _, word_end in match.regs[1:] if word_end >= 0]
    return positions


def _tries(spans: list[tuple[int, int]], positions: list[int]) -> list[tuple[int, int]]:
    """The positions (sorted) inside the spans (sorted, apart), each with the end of its span."""
    tries = []
    high = 0
    for left, right in spans:
        low = bisect.bisect_left(positions, left, high)
        high = bisect.bisect_left(positions, right, low)
        tries += [(position, right) for position in positions[low:high]]
    return tries


def _matches_at(regex: re.Pattern, subject: str, tries: list[tuple[int, int]]) -> list[re.Match]:
    """What `regex.finditer` finds in the spans of `tries` when its matches can only begin at
    their positions: the regex tried there alone, none before the end of the last match."""
    found = []
    allowed = 0  # one for all spans: a match ends inside its span, before the next one begins
    for position, right in tries:
        if position >= allowed:
            match = regex.match(subject, position, right)
            if match is not None:
                found.append(match)
                allowed = match.end()
    return found


def find_candidates(text: str, language: str = "de", start: int = 0, end: int | None = None) -> list[Candidate]:
    """Every pattern match in text[start:end], overlaps resolved, in text order."""
    end = len(text) if end is None else end
    triggers = _triggers(text, start, end, language)
    windows = _windows(triggers, start, end)
    lower = _lowered(text, language)
    reverse = text[::-1]
    kind_starts = _kind_starts(triggers)
    merged: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    tried: dict[tuple[tuple[str, ...], tuple[tuple[str, int], ...]], list[tuple[int, int]]] = {}
    found: list[tuple[int, int, int, Candidate]] = []
    for rank, pattern in enumerate(patterns(language)):
        spans = merged.get(pattern.triggers)
        if spans is None:
            kinds = [windows[k] for k in pattern.triggers if k in windows]
            spans = merged[pattern.triggers] = kinds[0] if len(kinds) == 1 else _merge([w for ws in kinds for w in ws])
        regex, subject = (pattern.lower_regex, lower) if lower is not None and pattern.lower_regex else (pattern.regex, text)
        if pattern.starts:
            key = pattern.triggers, pattern.starts
            if key not in tried:
                positions = {p for kind, before in pattern.starts
                             for p in _start_positions(kind_starts.get(kind, []), reverse, before)}
                tried[key] = _tries(spans, sorted(positions))
            matches = _matches_at(regex, subject, tried[key])
        else:
            matches = [match for left, right in spans for match in regex.finditer(subject, left, right)]
        for match in matches:
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
