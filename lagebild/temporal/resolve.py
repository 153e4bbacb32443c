"""Values of time expressions: one function per rule of the pattern files.

Each rule reads the named groups of a Candidate and the Context (publication date,
narrative anchor, the clause's tense) and returns a Value, or None when the match is
no time expression after all (an impossible date, a number that is no year).
Language-independent: words are looked up in the language's word classes.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from lagebild.temporal import calendar as cal
from lagebild.temporal.grammar import Candidate, words


@dataclass(slots=True)
class Value:
    """A resolved expression. `day` and `granularity` (day, week, month, year) say
    which calendar stretch it names, for the narrative anchor; None for vague ones."""

    type: str
    value: str
    mod: str | None = None
    day: dt.date | None = None
    granularity: str | None = None
    looks_back: bool = False   # "im Vorjahr", "zwei Jahre zuvor": a reference back, not the story moving


@dataclass(slots=True)
class Context:
    """What a value is computed against."""

    language: str
    dct: dt.date | None
    narrative: bool
    anchor: dt.date | None = None          # last main-line date (narrative) or last day mentioned (news)
    anchor_granularity: str | None = None
    tense: str | None = None
    sentence_day: dt.date | None = None    # a day named earlier in the same sentence

    @property
    def reference(self) -> dt.date | None:
        """The day deictic and relative expressions count from."""
        if self.narrative:
            return self.anchor or self.dct
        return self.dct or self.anchor

    @property
    def direction(self) -> str | None:
        return None if self.narrative else self.tense

    @property
    def story_day(self) -> dt.date | None:
        """The day a clock time or part of the day belongs to: a day named in the same
        sentence, else the publication date in news and the anchor in narrative text."""
        if self.narrative:
            return self.sentence_day or self.anchor or self.dct
        return self.sentence_day or self.dct or self.anchor


def _word(language: str, cls: str, text: str) -> str | None:
    return words(language)[cls].get(" ".join(text.lower().split()))


def _mod(ctx: Context, groups: dict) -> str | None:
    text = groups.get("mod")
    if not text:
        return None
    return _word(ctx.language, "mod", text) or ("START" if text.lower().startswith("jahres") else None)


def _offset(ctx: Context, text: str | None) -> str | None:
    """The value of a relative adjective ("vergangenen" -> "-1"), or None."""
    if not text:
        return None
    lower = text.lower()
    for stem, value in _offset_stems(ctx.language):
        if lower.startswith(stem):
            return value
    return None


@functools.cache
def _offset_stems(language: str) -> tuple[tuple[str, str], ...]:
    """Offset stems, longest first, so that "vorangegangen" is not read as "vor…"."""
    return tuple(sorted(words(language)["offset"].items(), key=lambda kv: -len(kv[0])))


def _number(ctx: Context, text: str) -> int | None:
    if text.isdigit():
        return int(text)
    value = _word(ctx.language, "number", text)
    return None if value in (None, "X") else int(value)


def _month(ctx: Context, groups: dict) -> int | None:
    if "monthnum" in groups:
        return int(groups["monthnum"])
    value = _word(ctx.language, "month", groups["month"])
    return int(value) if value else None


def _year(groups: dict, ctx: Context) -> int | None:
    text = groups.get("year")
    if not text:
        return None
    text = text.lstrip("'")
    if len(text) == 2:
        return cal.two_digit_year(int(text), ctx.reference)
    return int(text)


def _day_value(day: dt.date) -> Value:
    return Value("DATE", day.isoformat(), day=day, granularity="day")


def _with_part(value: Value, part_code: str | None) -> Value:
    """A day value with a part of the day ("EV") or a clock time ("T12:00") added."""
    if not part_code or value.granularity != "day":
        return value
    suffix = part_code if part_code.startswith("T") else "T" + part_code
    return Value("TIME", value.value + suffix, value.mod, value.day, value.granularity)


def _part(ctx: Context, text: str | None) -> str | None:
    return _word(ctx.language, "part", text) if text else None


# --- the rules ----------------------------------------------------------------------------


def date(c: Candidate, ctx: Context) -> Value | None:
    month = _month(ctx, c.groups)
    day = int(c.groups["day"].rstrip("."))
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    year = _year(c.groups, ctx)
    part = _part(ctx, c.groups.get("partword", "").removesuffix("s")) if c.groups.get("partword") else None
    if year is not None:
        try:
            return _with_part(_day_value(dt.date(year, month, day)), part)
        except ValueError:
            return None
    try:
        dt.date(2000, month, day)  # a leap year: 29 February is possible
    except ValueError:
        return None
    reference = ctx.reference
    if reference is None:
        return Value("DATE", f"XXXX-{month:02d}-{day:02d}")
    weekday = c.groups.get("weekday")
    if weekday:  # "Montag, 2. November": the year in which that day is a Monday
        iso = int(_word(ctx.language, "weekday", weekday))
        for shift in (0, -1, 1, -2, 2):
            try:
                candidate = dt.date(reference.year + shift, month, day)
            except ValueError:
                continue
            if candidate.isoweekday() == iso:
                return _day_value(candidate)
    if ctx.narrative:  # a story's dates without a year stay in the year it is telling
        try:
            return _day_value(dt.date(reference.year, month, day))
        except ValueError:
            return None
    chosen = cal.day_in_some_year(month, day, reference, ctx.direction)
    return _day_value(chosen) if chosen else None


def month(c: Candidate, ctx: Context) -> Value | None:
    number = _month(ctx, c.groups)
    if not number:
        return None
    mod = _mod(ctx, c.groups)
    year = _year(c.groups, ctx)
    offset = _offset(ctx, c.groups.get("offset"))
    reference = ctx.reference
    if year is None and reference is not None:
        if c.pattern.name == "month_relative_year":  # "im April vergangenen Jahres"
            year = reference.year + (int(offset) if offset not in (None, "same", "after") else 0)
        elif offset in ("-1", "1"):  # "im vergangenen April", "im kommenden Juni"
            direction = "past" if offset == "-1" else "future"
            chosen = cal.month_in_some_year(number, reference - dt.timedelta(days=1) if direction == "past" else reference, direction)
            year = chosen.year
        elif ctx.narrative:
            year = reference.year
        else:
            year = cal.month_in_some_year(number, reference, ctx.direction).year
    if year is None:
        return Value("DATE", f"XXXX-{number:02d}", mod)
    first = dt.date(year, number, 1)
    return Value("DATE", f"{year:04d}-{number:02d}", mod, first, "month")


def season(c: Candidate, ctx: Context) -> Value | None:
    code = _word(ctx.language, "season", c.groups["season"])
    mod = _mod(ctx, c.groups)
    year = _year(c.groups, ctx)
    offset = _offset(ctx, c.groups.get("offset"))
    reference = ctx.reference
    if year is None:
        if reference is None:
            return Value("DATE", f"XXXX-{code}", mod)
        direction = {"-1": "past", "1": "future"}.get(offset, ctx.direction)
        year = reference.year if ctx.narrative and offset is None else cal.season_year(code, reference, direction)
    return Value("DATE", f"{year:04d}-{code}", mod, dt.date(year, cal.SEASON_MONTH[code], 1), "season")


def quarter(c: Candidate, ctx: Context) -> Value | None:
    ordinal = c.groups["ordinal"].lower()
    half = not c.groups["unit"].lower().startswith("quartal")
    number = {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4}.get(ordinal.rstrip("en").rstrip("e"))
    year = _year(c.groups, ctx)
    reference = ctx.reference
    if year is None and reference is None:
        return None
    if number is None:  # "im letzten Quartal": the one before the reference's
        current = (reference.month - 1) // (6 if half else 3)
        year = year or reference.year
        number = current if current > 0 else (2 if half else 4)
        if current == 0 and c.groups.get("year") is None:
            year -= 1
    year = year or reference.year
    if half and number > 2:
        return None
    return Value("DATE", f"{year:04d}-{'H' if half else 'Q'}{number}", None, dt.date(year, 1, 1), "year")


def century(c: Candidate, ctx: Context) -> Value | None:
    number = int(c.groups["century"])
    if not 1 <= number <= 21:
        return None
    return Value("DATE", cal.century_value(number), _mod(ctx, c.groups))


def decade(c: Candidate, ctx: Context) -> Value | None:
    digits = c.groups["decade"]
    year = int(digits) if len(digits) == 4 else 1900 + int(digits)
    return Value("DATE", f"{year // 10:03d}", _mod(ctx, c.groups))


def year_bc(c: Candidate, ctx: Context) -> Value | None:
    return Value("DATE", f"BC{int(c.groups['year']):04d}")


def year(c: Candidate, ctx: Context) -> Value | None:
    text = c.groups.get("century", "") + c.groups["year"]
    number = int(text)
    if not 1000 <= number <= 2099:
        return None
    return Value("DATE", f"{number:04d}", _mod(ctx, c.groups), dt.date(number, 1, 1), "year")


def year_anchor(c: Candidate, ctx: Context) -> Value | None:
    word = c.groups["vorjahr"].lower()
    base = ctx.anchor if word.startswith("folge") else ctx.reference
    if base is None:
        return None
    number = base.year + (1 if word.startswith("folge") else -1)
    return Value("DATE", f"{number:04d}", None, dt.date(number, 1, 1), "year", looks_back=number < base.year)


def year_part(c: Candidate, ctx: Context) -> Value | None:
    word = c.groups["mod"].lower()
    number = _year(c.groups, ctx) or (ctx.reference.year if ctx.reference else None)
    if number is None:
        return None
    mod = {"jahresbeginn": "START", "jahresanfang": "START", "jahresmitte": "MID", "jahresende": "END"}.get(word)
    return Value("DATE", f"{number:04d}", mod, dt.date(number, 1, 1), "year")


def holiday(c: Candidate, ctx: Context) -> Value | None:
    month, day = map(int, _word(ctx.language, "holiday", c.groups["holiday"]).split("-"))
    number = _year(c.groups, ctx)
    if number is not None:
        return _day_value(dt.date(number, month, day))
    if ctx.reference is None:
        return Value("DATE", f"XXXX-{month:02d}-{day:02d}")
    if ctx.narrative:
        return _day_value(dt.date(ctx.reference.year, month, day))
    return _day_value(cal.day_in_some_year(month, day, ctx.reference, ctx.direction))


def _weekend(reference: dt.date, which: str | None) -> dt.date:
    """The Saturday of the weekend: "past" the last one (this one on a weekend day),
    "future" the next one (this one on a weekend day), "last"/"next" strictly."""
    saturday = reference + dt.timedelta(days=6 - reference.isoweekday())
    if reference.isoweekday() == 7:
        saturday -= dt.timedelta(days=7)
    on_weekend = reference.isoweekday() >= 6
    if which == "last":
        return saturday - dt.timedelta(days=7)
    if which == "next":
        return saturday + dt.timedelta(days=7) if on_weekend else saturday
    if which == "past" and not on_weekend:
        return saturday - dt.timedelta(days=7)
    if which is None and not on_weekend and reference.isoweekday() <= 2:
        return saturday - dt.timedelta(days=7)  # Monday, Tuesday: the weekend just past is nearer
    return saturday


def unit_relative(c: Candidate, ctx: Context) -> Value | None:
    unit = _word(ctx.language, "unit", c.groups["unit"]) or ("WE" if c.groups["unit"].lower() == "wochenende" else None)
    mod = _mod(ctx, c.groups)
    offset = _offset(ctx, c.groups.get("offset")) or "0"
    year = _year(c.groups, ctx)
    if year is not None and unit == "Y":
        return Value("DATE", f"{year:04d}", mod, dt.date(year, 1, 1), "year")
    if offset in ("same", "after", "before"):
        base = ctx.anchor or ctx.reference
        step = {"same": 0, "after": 1, "before": -1}[offset]
    else:
        base = ctx.reference
        step = int(offset)
    if base is None:
        return None
    value = _unit_value(unit, base, step, mod, ctx.direction)
    if value is not None:
        value.looks_back = step < 0
    return value


def _unit_value(unit: str | None, base: dt.date, step: int, mod: str | None, direction: str | None) -> Value | None:
    if unit == "WE":
        which = {-1: "last", 1: "next"}.get(step, direction)
        saturday = _weekend(base, which)
        return Value("DATE", cal.iso_week(saturday) + "-WE", mod, saturday, "week")
    return _shift(base, step, unit, mod) if unit != "D" else None


def _shift(base: dt.date, number: int, unit: str | None, mod: str | None = None) -> Value | None:
    """The stretch `number` units (D, W, M, Y, DE) from `base`, at the unit's granularity."""
    if unit == "D":
        return _day_value(base + dt.timedelta(days=number))
    if unit == "W":
        day = base + dt.timedelta(days=7 * number)
        return Value("DATE", cal.iso_week(day), mod, day, "week")
    if unit == "M":
        first = cal.add_months(base, number)
        return Value("DATE", f"{first.year:04d}-{first.month:02d}", mod, first, "month")
    if unit == "Y":
        return Value("DATE", f"{base.year + number:04d}", mod, dt.date(base.year + number, 1, 1), "year")
    if unit == "DE":
        return Value("DATE", f"{base.year // 10 + number:03d}", mod)
    return None


def unit_ago(c: Candidate, ctx: Context) -> Value | None:
    """ "vor drei Jahren": the stretch that many units before the reference day."""
    if ctx.reference is not None and c.text.lower().startswith("genau") and \
            _word(ctx.language, "unit", c.groups["unit"]) == "Y":   # "genau vor einem Jahr": that day
        number = _number(ctx, c.groups["number"]) or 0
        try:
            return _day_value(ctx.reference.replace(year=ctx.reference.year - number))
        except ValueError:  # 29 February
            return _day_value(ctx.reference.replace(year=ctx.reference.year - number, day=28))
    return _counted_from_reference(c, ctx, -1, "PAST_REF")


def unit_in(c: Candidate, ctx: Context) -> Value | None:
    """ "in zwei Wochen": the stretch that many units after the reference day."""
    return _counted_from_reference(c, ctx, 1, "FUTURE_REF")


def _counted_from_reference(c: Candidate, ctx: Context, sign: int, vague: str) -> Value | None:
    number = _number(ctx, c.groups["number"])
    unit = _word(ctx.language, "unit", c.groups["unit"])
    if number is None:  # "vor wenigen Tagen"
        return Value("DATE", vague)
    if ctx.reference is None or unit is None:
        return None
    return _shift(ctx.reference, sign * number, unit)


def unit_later(c: Candidate, ctx: Context) -> Value | None:
    number = _number(ctx, c.groups["number"])
    unit = _word(ctx.language, "unit", c.groups["unit"])
    later = c.groups.get("dir", "später").lower() in ("später", "danach", "darauf")
    if number is None:
        return Value("DATE", "FUTURE_REF" if later else "PAST_REF")
    base = ctx.anchor or ctx.reference
    if base is None or unit is None:
        return None
    step = number if later else -number
    if ctx.anchor_granularity == "day" and unit == "W":  # "eine Woche später" than a day
        return _day_value(base + dt.timedelta(days=7 * step))
    if ctx.anchor_granularity == "day" and unit == "M":  # "drei Monate später" than a day
        first = cal.add_months(base, step)
        try:
            return _day_value(first.replace(day=base.day))
        except ValueError:
            return _day_value(cal.add_months(first, 1) - dt.timedelta(days=1))
    if ctx.anchor_granularity in ("month", "season") and unit == "M":
        base = base.replace(day=1)
    value = _shift(base, step, unit)
    if value is not None:
        value.looks_back = step < 0
    return value


def day_anchor(c: Candidate, ctx: Context) -> Value | None:
    word = c.groups["dayword"].lower()
    base = ctx.sentence_day or (ctx.anchor if ctx.anchor_granularity == "day" else None) or ctx.dct
    if base is None:
        return None
    if word.startswith("vortag") or word.endswith(("zuvor", "davor")):
        return _day_value(base - dt.timedelta(days=1))
    if "selben" in word or "gleichen" in word or "diesem" in word or word.startswith("ende"):
        return _day_value(base)
    return _day_value(base + dt.timedelta(days=1))


def month_same_year(c: Candidate, ctx: Context) -> Value | None:
    """ "im August desselben Jahres": the month in the year of the anchor."""
    number = _month(ctx, c.groups)
    base = ctx.anchor or ctx.reference
    if not number or base is None:
        return None
    return Value("DATE", f"{base.year:04d}-{number:02d}", None, dt.date(base.year, number, 1), "month")


def unit_course(c: Candidate, ctx: Context) -> Value | None:
    """ "im Laufe des Jahres": the anchor's year, month or day."""
    unit = _word(ctx.language, "unit", c.groups["unit"])
    base = ctx.story_day if unit == "D" else (ctx.anchor or ctx.reference)
    if base is None:
        return None
    if unit == "D":
        return _day_value(base)
    if unit == "M":
        return Value("DATE", f"{base.year:04d}-{base.month:02d}", None, base.replace(day=1), "month")
    return Value("DATE", f"{base.year:04d}", None, dt.date(base.year, 1, 1), "year")


def next_part(c: Candidate, ctx: Context) -> Value | None:
    """ "am nächsten Morgen": the part of the day after the story's day."""
    day = ctx.story_day
    part = _part(ctx, c.groups["part"])
    return _with_part(_day_value(day + dt.timedelta(days=1)), part) if day and part else None


def weekday(c: Candidate, ctx: Context) -> Value | None:
    iso = int(_word(ctx.language, "weekday", c.groups["weekday"]))
    part = _part(ctx, c.groups.get("part") or c.groups.get("partword"))
    reference = ctx.reference
    if reference is None:
        value = Value("DATE", f"XXXX-WXX-{iso}")
        return value
    week_offset = _offset(ctx, c.groups.get("weekoffset"))
    offset = _offset(ctx, c.groups.get("offset"))
    if week_offset in ("-1", "0", "1"):
        monday = reference - dt.timedelta(days=reference.isoweekday() - 1) + dt.timedelta(days=7 * int(week_offset))
        day = monday + dt.timedelta(days=iso - 1)
    elif offset == "-1":
        day = cal.weekday_near(iso, reference - dt.timedelta(days=1), "past")
    elif offset in ("1", "after"):
        day = cal.weekday_near(iso, reference + dt.timedelta(days=1), "future")
    elif ctx.narrative:
        day = cal.weekday_near(iso, reference, "future" if ctx.anchor_granularity == "day" else None)
    else:
        day = cal.weekday_near(iso, reference, ctx.direction)
    return _with_part(_day_value(day), part)


def deictic(c: Candidate, ctx: Context) -> Value | None:
    word = c.groups["deictic"].lower()
    if ctx.narrative and word == "heute":
        return Value("DATE", "PRESENT_REF")
    base = ctx.dct if not ctx.narrative else ctx.reference
    if base is None:
        return None
    offset = int(_word(ctx.language, "deictic", word))
    part = _part(ctx, c.groups.get("partword"))
    return _with_part(_day_value(base + dt.timedelta(days=offset)), part)


def vague(c: Candidate, ctx: Context) -> Value | None:
    text = c.groups["vague"]
    value = _word(ctx.language, "vague", text)
    return Value("DATE", value or "PRESENT_REF")


def part_of_day(c: Candidate, ctx: Context) -> Value | None:
    part = _part(ctx, c.groups["part"])
    day = ctx.story_day
    if day is None or part is None:
        return None
    value = _with_part(_day_value(day), part)
    if c.text.lower().startswith("gegen"):
        value.mod = "APPROX"
    return value


def part_of_date(c: Candidate, ctx: Context) -> Value | None:
    value = date(c, ctx)
    return _with_part(value, _part(ctx, c.groups["part"])) if value else None


def part_same_day(c: Candidate, ctx: Context) -> Value | None:
    part = _part(ctx, c.groups.get("part") or c.groups.get("part2"))
    day = ctx.story_day
    return _with_part(_day_value(day), part) if day and part else None


def night_to(c: Candidate, ctx: Context) -> Value | None:
    value = weekday(c, ctx)
    return _with_part(value, "NI") if value else None


def clock(c: Candidate, ctx: Context) -> Value | None:
    hour = int(c.groups["hour"])
    minute = int(c.groups.get("minute") or c.groups.get("minute2") or 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    day = ctx.story_day
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    mod = "APPROX" if c.groups.get("mod", "").lower() in ("gegen", "etwa", "rund") else None
    return Value("TIME", f"{prefix}T{hour:02d}:{minute:02d}", mod, day, "day" if day else None)


def duration(c: Candidate, ctx: Context) -> Value | None:
    unit = _word(ctx.language, "unit", c.groups["unit"])
    number = _number(ctx, c.groups["number"])
    amount = "X" if number is None else str(number)
    if unit in ("H", "MIN"):
        return Value("DURATION", f"PT{amount}{'H' if unit == 'H' else 'M'}")
    return Value("DURATION", f"P{amount}{unit}")


def set_(c: Candidate, ctx: Context) -> Value | None:
    word = (c.groups.get("weekday") or c.groups.get("weekday2") or "").lower()
    iso = _word(ctx.language, "weekday", word.rstrip("s")) if word else None
    if iso:
        return Value("SET", f"XXXX-WXX-{iso}")
    unit = _word(ctx.language, "unit", word) or "D"
    return Value("SET", f"P1{unit}")


RULES = {
    "date": date, "month": month, "season": season, "quarter": quarter, "century": century,
    "decade": decade, "year_bc": year_bc, "year": year, "year_anchor": year_anchor,
    "year_part": year_part, "unit_relative": unit_relative, "unit_ago": unit_ago,
    "unit_in": unit_in, "unit_later": unit_later, "day_anchor": day_anchor, "weekday": weekday,
    "deictic": deictic, "vague": vague, "part_of_day": part_of_day, "part_of_date": part_of_date,
    "part_same_day": part_same_day, "night_to": night_to, "clock": clock,
    "duration": duration, "set": set_, "holiday": holiday, "month_same_year": month_same_year,
    "unit_course": unit_course, "next_part": next_part,
}
"""Rules that need the next expression's value (day_before, month_before, night_from)
are resolved by the times stage itself."""
