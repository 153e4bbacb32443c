"""Direct quotes from quotation marks: „…“ “…” "…" »…« «…» ‚…‘ and mismatched pairs.

A mark opens where a word follows it and no word precedes it, closes where a word
precedes it; a German opener („ ‚) accepts any double (single) closer, so „…" and
„…” work. Marks inside an open quote nest. A quote never closed ends at the end of its
paragraph (the next paragraph may reopen it), so it cannot swallow the article.
Inch marks (17") and apostrophes are no quotation marks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE = "„“”\"»«‟"
_SINGLE = "‚‘’‹›"
# opener -> the closers it accepts
_CLOSERS = {
    "„": "“”\"‟", "“": "”“\"", "”": "”“\"", "\"": "\"“”", "‟": "”“\"",
    "»": "«»", "«": "»«",
    "‚": "‘’", "‘": "’‘", "‹": "›‹", "›": "‹›",
}
_ALWAYS_OPEN = "„‚"
_MARK_OR_BREAK = re.compile("[\n" + re.escape(_DOUBLE + _SINGLE) + "]")


@dataclass(slots=True)
class QuoteSpan:
    """A direct quote: the marks at `open` and `close` (close may be the paragraph's
    end when the quote was never closed), the words between them, and its depth."""

    open: int
    close: int
    closed: bool
    depth: int

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def _is_word(char: str) -> bool:
    return char.isalnum() or char in "…(["


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quote of `text`, outermost first in text order, nested ones after their parent."""
    spans: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []
    n = len(text)
    for match in _MARK_OR_BREAK.finditer(text):
        i, char = match.start(), match.group()
        if char == "\n":
            if stack and (i + 1 < n and text[i + 1] == "\n" or i == 0 or text[i - 1] != "\n"):
                _close_all(stack, spans, _trim_end(text, i))
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if char == "\"" and before.isdigit():
            continue                      # inch mark: 17"
        if char in _SINGLE and before.isalpha() and after.isalpha():
            continue                      # apostrophe: don’t, Sharon’s
        can_close = bool(stack) and not before.isspace() and char in _CLOSERS[stack[-1][0]]
        can_open = (char in _ALWAYS_OPEN or not before.isalnum()) and _is_word(after) and not after.isspace()
        if char in _SINGLE and not stack and char != "‚":
            continue                      # single marks only open at the top when German (‚…‘)
        if can_close and not (can_open and before in " ([" and char not in "“”\"«»‘’›‹"):
            opener, position = stack.pop()
            spans.append(QuoteSpan(position, i, True, len(stack)))
        elif can_open:
            stack.append((char, i))
    _close_all(stack, spans, _trim_end(text, n))
    spans.sort(key=lambda s: (s.open, s.depth))
    return spans


def _close_all(stack: list[tuple[str, int]], spans: list[QuoteSpan], end: int) -> None:
    while stack:
        _, position = stack.pop()
        if end > position + 1:
            spans.append(QuoteSpan(position, end, False, len(stack)))


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
