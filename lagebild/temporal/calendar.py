"""Calendar arithmetic for TIMEX3 values: reference days, directions, ISO weeks."""
from __future__ import annotations

import datetime as dt

SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}  # a month inside each season, for "nearest"


def parse_day(value: str | None) -> dt.date | None:
    """The date of an ISO date or date-time string, or None when there is none."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def add_years(day: dt.date, years: int) -> dt.date:
    return dt.date(day.year + years, 1, 1)


def pick(candidates: list[dt.date], reference: dt.date, direction: str | None) -> dt.date:
    """The candidate that fits the direction from the reference day: "future" the first
    on or after it, "past" the last on or before it, otherwise the nearest."""
    if direction == "future":
        later = [c for c in candidates if c >= reference]
        if later:
            return min(later)
    elif direction == "past":
        earlier = [c for c in candidates if c <= reference]
        if earlier:
            return max(earlier)
    return min(candidates, key=lambda c: (abs((c - reference).days), c < reference))


def day_in_some_year(month: int, day: int, reference: dt.date, direction: str | None) -> dt.date | None:
    """The date day.month in the year around `reference` that fits `direction`."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return pick(candidates, reference, direction) if candidates else None


def month_in_some_year(month: int, reference: dt.date, direction: str | None) -> dt.date:
    """The first of `month` in the year around `reference` that fits `direction`; the
    reference's own month counts as both past and future."""
    start = reference.replace(day=1)
    candidates = [dt.date(y, month, 1) for y in (reference.year - 1, reference.year, reference.year + 1)]
    return pick(candidates, start, direction)


def weekday_near(weekday: int, reference: dt.date, direction: str | None) -> dt.date:
    """The day with ISO `weekday` (1 = Monday) near `reference`, by `direction`; the
    reference day itself when it is that weekday."""
    delta = weekday - reference.isoweekday()
    candidates = [reference + dt.timedelta(days=delta + shift) for shift in (-7, 0, 7)]
    return pick(candidates, reference, direction)


def season_year(season: str, reference: dt.date, direction: str | None) -> int:
    """The year of the season around `reference` that fits `direction`."""
    month = SEASON_MONTH[season]
    candidates = [dt.date(y, month, 1) for y in (reference.year - 1, reference.year, reference.year + 1)]
    # a season is "current" during its three months: compare to the month's season start
    chosen = pick(candidates, reference.replace(day=1) if direction is None else reference, direction)
    return chosen.year


def century_value(century: int) -> str:
    """TIMEX value of a century ordinal: the 20th century is "19"."""
    return f"{century - 1:02d}"


def two_digit_year(year: int, reference: dt.date | None) -> int:
    """A two-digit year in the century that puts it nearest the reference year."""
    base = reference.year if reference else 2000
    candidates = [century + year for century in (base // 100 * 100 - 100, base // 100 * 100)]
    return min(candidates, key=lambda y: abs(y - base))
