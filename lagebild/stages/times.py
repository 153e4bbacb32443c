"""The times stage: every time expression of an article, with its TIMEX3 type and value.

Values follow ../shared/CODEBOOK.md section 1. They are computed against the
publication date (DCT) in news, and against the last date of the story's main line in
narrative text (genre "narrative"); weekdays, months and seasons without a year take
the direction of their clause's tense. Without DCT or anchor the unknown part stays
unknown ("XXXX-01-10").

Public API for later stages: `sentence_date(doc, sentence)` and `granularity(value)`.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import replace

from lagebild.datafiles import read_table
from lagebild.document import Document, Sentence
from lagebild.pipeline import stage
from lagebild.temporal.calendar import parse_day
from lagebild.temporal.grammar import Candidate, find_candidates, words
from lagebild.temporal.resolve import RULES, Context, Value
from lagebild.temporal.tense import clause_bounds, clause_tense

LANGUAGES = ("de",)
"""Languages with time data (lang/<language>/time_patterns.tsv)."""

# Rules whose value comes from the expression that follows ("vom 18. bis 23. September").
_BORROWING = {"day_before", "month_before", "night_from"}
_EXPLICIT_DAY = {"date_full", "date_numeric", "date_iso"}
_PREVIOUS_WORD = re.compile(r"(\S+)\s*$")


@stage(requires=("text", "sentences", "language"), provides=("times",))
def tag_times(doc: Document) -> Document:
    """Reads doc.text, doc.sentences, doc.language, doc.published and doc.genre; adds
    doc.times, and doc.published (published_from = "estimated") when the article had
    no date but names exactly one full date."""
    language = doc.language if doc.language in LANGUAGES else None
    if language is None or not doc.text:
        doc.times = []
        return doc
    candidates = find_candidates(doc.text, language)
    dct = parse_day(doc.published)
    narrative = doc.genre == "narrative"
    if dct is None and not narrative:
        dct = _estimate_dct(candidates, language)
        if dct is not None:
            doc.published, doc.published_from = dct.isoformat(), "estimated"
    doc.times = _resolve_all(doc, candidates, Context(language, dct, narrative))
    return doc


def find_times(text: str, published: str | None = None, genre: str = "news", language: str = "de") -> list[dict]:
    """The time expressions of a plain text (a convenience for tests and scripts)."""
    from lagebild.stages.segment import segment

    doc = Document(raw=text, text=text, language=language, published=published, genre=genre)
    return tag_times(segment(doc)).times


def granularity(value: str | None) -> str | None:
    """'day', 'week', 'month', 'season', 'year' or None, of a TIMEX3 value."""
    if not value or value.endswith("_REF"):
        return None
    if re.match(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}", value):
        return "day"
    if re.match(r"^\d{4}-W\d\d", value):
        return "week"
    if re.match(r"^[\dX]{4}-\d\d$", value):
        return "month"
    if re.match(r"^\d{4}-(SP|SU|FA|WI|Q\d|H\d)$", value):
        return "season"
    if re.match(r"^\d{4}$", value):
        return "year"
    return None


def sentence_date(doc: Document, sentence: Sentence) -> tuple[str | None, str | None]:
    """The date that governs a sentence and its granularity: the first dated time
    expression inside it, else the publication date ("day"), else (None, None)."""
    for time in doc.times:
        if sentence.start <= time["start"] < sentence.end and time["type"] in ("DATE", "TIME"):
            level = granularity(time["value"])
            if level:
                return (time["value"][:10] if level == "day" else time["value"]), level
    if doc.published:
        return doc.published, "day"
    return None, None


# --- resolution ---------------------------------------------------------------------------


def _resolve_all(doc: Document, candidates: list[Candidate], ctx: Context) -> list[dict]:
    text = doc.text
    starts = [s.start for s in doc.sentences]
    results: list[tuple[Candidate, Value]] = []
    pending: list[Candidate] = []      # waiting for the value of the expression that follows
    sentence_days: dict[int, dt.date] = {}
    for c in candidates:
        index = max(0, bisect.bisect_right(starts, c.start) - 1)
        sentence = doc.sentences[index] if doc.sentences else Sentence(0, len(text))
        if c.pattern.rule == "year" and not _is_year(text, c, ctx.language):
            continue
        if c.pattern.rule in _BORROWING:
            pending.append(c)
            continue
        left, right = clause_bounds(text, c.start, c.end, sentence.start, sentence.end)
        ctx.tense = _direction_word(text, c) or clause_tense(text[left:right], ctx.language)
        if ctx.tense is None and len(text[left:right].split()) < 4:  # ", am Mittwoch,": a fragment
            ctx.tense = clause_tense(text[sentence.start:sentence.end], ctx.language)
        ctx.sentence_day = sentence_days.get(index)
        if c.pattern.rule == "deictic" and _inside_quotes(text, sentence.start, c.start):
            value = _quoted_deictic(c, ctx, text, sentence, candidates)
        else:
            value = RULES[c.pattern.rule](c, ctx)
        if value is None:
            pending.clear()
            continue
        for waiting in pending:
            borrowed = _borrow(waiting, value, ctx.language)
            if borrowed is not None:
                results.append((waiting, borrowed))
        pending.clear()
        results.append((c, value))
        if value.day is not None and value.granularity == "day":
            sentence_days[index] = value.day
        if value.day is not None and not value.looks_back and not _side_remark(text, c, sentence.start, ctx, value):
            _move_anchor(ctx, value)
    results.sort(key=lambda r: r[0].start)
    _apply_appositions(text, results)
    return [_as_dict(c, v) for c, v in results]


_APPOSITION_GAP = re.compile(r"\s*,?\s*(?:am|an|dem|den)?\s*")


def _apply_appositions(text: str, results: list[tuple[Candidate, Value]]) -> None:
    """ "Zwei Tage später, am 12. Januar, ...": a relative expression followed by a date
    in apposition means that date."""
    for (first, value), (second, named) in zip(results, results[1:]):
        if (first.pattern.rule in ("unit_later", "day_anchor") and named.granularity == "day"
                and _APPOSITION_GAP.fullmatch(text, first.end, second.start)):
            value.value, value.day = named.value, named.day


_LOOKS_BACK = re.compile(r"(?:\b(?:seit|vom|von)\s+(?:dem\s+)?)$", re.IGNORECASE)
_PARTICIPLE_AFTER = re.compile(r"\s+(?:\w*ge\w+|\w+iert)(?:te|ten|ter|tes|tem|ene|enen|ener|enes)\b")


def _direction_word(text: str, c: Candidate) -> str | None:
    """ "seit Dezember", "Angaben vom Montag", "der am Donnerstag festgenommene Mann":
    the preposition or the participle points to the past."""
    if _LOOKS_BACK.search(text, max(0, c.start - 12), c.start) or c.text.lower().startswith(("seit ", "vom ")):
        return "past"
    return "past" if _PARTICIPLE_AFTER.match(text, c.end) else None


_QUOTE_MARKS = re.compile(r"[„“”\"»«]")


def _inside_quotes(text: str, start: int, position: int) -> bool:
    return len(_QUOTE_MARKS.findall(text, start, position)) % 2 == 1


def _quoted_deictic(c: Candidate, ctx: Context, text: str, sentence: Sentence, candidates: list[Candidate]) -> Value | None:
    """ "heute" in a quote counts from the day the statement was made, when the sentence
    says it („…“, sagte er am Dienstag); else from the publication date."""
    for other in candidates:
        if (other is not c and sentence.start <= other.start < sentence.end
                and other.pattern.rule in ("weekday", "date")
                and not _inside_quotes(text, sentence.start, other.start)):
            left, right = clause_bounds(text, other.start, other.end, sentence.start, sentence.end)
            said = RULES[other.pattern.rule](other, replace(ctx, tense=clause_tense(text[left:right], ctx.language)))
            if said is not None and said.granularity == "day":
                return RULES["deictic"](c, replace(ctx, dct=said.day))
    return RULES["deictic"](c, ctx)


def _borrow(c: Candidate, following: Value, language: str) -> Value | None:
    """The value of "18." in "vom 18. bis 23. September" from that of "23. September"."""
    if following.granularity != "day" and c.pattern.rule != "month_before":
        return None
    base = following.value
    if c.pattern.rule == "month_before":
        number = words(language)["month"].get(c.groups["month"].lower()) if "month" in c.groups else None
        if number is None or granularity(base) not in ("month", "day"):
            return None
        return Value("DATE", f"{base[:4]}-{int(number):02d}")
    day = int(c.groups["day"].rstrip("."))
    try:
        day_value = dt.date(int(base[:4]), int(base[5:7]), day) if base[:4].isdigit() else None
    except ValueError:
        return None
    value = day_value.isoformat() if day_value else f"XXXX-{base[5:7]}-{day:02d}"
    if c.pattern.rule == "night_from":
        return Value("TIME", value + "TNI")
    return Value("DATE", value, day=day_value, granularity="day")


def _move_anchor(ctx: Context, value: Value) -> None:
    """Let a main-line date become the reference of what follows: a finer date always,
    a coarser one only when it leaves the stretch the anchor lies in."""
    order = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4}
    level = value.granularity
    if ctx.anchor is None or level is None:
        ctx.anchor, ctx.anchor_granularity = value.day, level
        return
    same_year = value.day.year == ctx.anchor.year
    same_month = same_year and value.day.month == ctx.anchor.month
    coarser = order.get(level, 4) > order.get(ctx.anchor_granularity, 4)
    if coarser and (same_month if level == "month" else same_year if level in ("year", "season") else False):
        return
    ctx.anchor, ctx.anchor_granularity = value.day, level


BACKWARD_JUMP_YEARS = 5
# A date after these, inside a sentence, bounds a stretch ("bis zum 19. April", "seit 1990",
# "beginnend mit dem 15. Juli 1863") or is an attribute ("der Erlass vom 2. März").
_BOUNDARY_PREPOSITION = re.compile(
    r"\S\s+(?:vom|von|bis(?:\s+zum|\s+in\s+den)?|seit(?:\s+dem)?|ab(?:\s+dem)?|mit\s+dem|nach|vor|zwischen)\s*$")


def _side_remark(text: str, c: Candidate, sentence_start: int, ctx: Context, value: Value) -> bool:
    """True for a date that is a side remark, not the story's main line: inside
    parentheses, after a preposition that bounds a stretch or makes it an attribute
    ("der Kriegsrat vom 8. Dezember 1912", "bis 1915"), or a jump back by years that
    does not open its sentence (a flashback in passing)."""
    before = text[sentence_start:c.start]
    if before.count("(") > before.count(")"):
        return True
    if (ctx.narrative and ctx.anchor is not None and value.day is not None
            and ctx.anchor.year - value.day.year > BACKWARD_JUMP_YEARS and len(before.split()) > 2):
        return True
    if _BOUNDARY_PREPOSITION.search(before):
        return True
    return c.pattern.name == "year_after_slash"  # "1944/45": the story goes on from the first


# Words after which a four-digit number followed by a noun is a count ("mit 1500 Panzern").
_QUANTIFIERS = frozenset("rund etwa über fast knapp insgesamt mit aus ca. circa mindestens je jeweils".split())
_NEXT_WORD = re.compile(r"\s*([^\W\d][\w-]*)")


def _is_year(text: str, c: Candidate, language: str) -> bool:
    """A bare four-digit number is a year unless the words around it make it a number:
    a word before it such as "Seite" or "Nr.", or a quantifier before it and a noun
    after it ("mit 1500 Panzern", "über 1400 Geschütze")."""
    if c.groups.get("mod") or c.text[:1].isalpha():
        return True
    previous = _PREVIOUS_WORD.search(text, max(0, c.start - 40), c.start)
    word = previous.group(1) if previous else ""
    if word in _not_year_before(language) or word.rsplit("-", 1)[-1] in _not_year_before(language):
        return False  # "Seite 2014", "UN-Resolution 1701"
    following = _NEXT_WORD.match(text, c.end)
    return not (word.lower() in _QUANTIFIERS and following and following.group(1)[:1].isupper())


@functools.cache
def _not_year_before(language: str) -> frozenset[str]:
    return frozenset(w for w, cls, _ in read_table(f"lang/{language}/time_words.tsv", 3) if cls == "notyear_before")


def _estimate_dct(candidates: list[Candidate], language: str) -> dt.date | None:
    """The publication date when the text names exactly one full date (with a year)."""
    days = set()
    for c in candidates:
        if c.pattern.name in _EXPLICIT_DAY and c.groups.get("year") and len(c.groups["year"]) == 4:
            month = c.groups.get("monthnum") or words(language)["month"].get(c.groups.get("month", "").lower())
            try:
                days.add(dt.date(int(c.groups["year"]), int(month), int(c.groups["day"].rstrip("."))))
            except (TypeError, ValueError):
                continue
    return days.pop() if len(days) == 1 else None


def _as_dict(c: Candidate, value: Value) -> dict:
    record = {"start": c.start, "end": c.end, "text": c.text, "type": value.type, "value": value.value}
    if value.mod:
        record["mod"] = value.mod
    return record
