"""The actors of a document indexed by position, and the country an article is about."""
from __future__ import annotations

import bisect
import functools
from collections import Counter

from lagebild.datafiles import read_table


@functools.cache
def country_codes() -> frozenset[str]:
    """The states an article can be about: every country but the Vatican, whose pope
    travels (an article about his visit is about the country he visits)."""
    return frozenset(row[0] for row in read_table("knowledge/countries.tsv", 7)) - {"VAT"}


PERSON_WEIGHT = 5


class ActorIndex:
    """The actors of a document sorted by start, for lookups by position."""

    def __init__(self, text: str, actors: list[dict]):
        self.text = text
        self.actors = sorted(actors, key=lambda a: a["start"])
        self.starts = [a["start"] for a in self.actors]
        self._home: str | None | bool = False

    def within(self, start: int, end: int) -> list[dict]:
        left = bisect.bisect_left(self.starts, start)
        right = bisect.bisect_left(self.starts, end)
        return self.actors[left:right]

    def before(self, position: int, kinds: tuple[str, ...]) -> dict | None:
        index = bisect.bisect_left(self.starts, position) - 1
        while index >= 0:
            actor = self.actors[index]
            if actor["kind"] in kinds:
                return actor
            index -= 1
        return None

    def home_code(self) -> str | None:
        """The country the article is about: its actors' countries counted, a person's
        mention as much as five others (the people who act weigh more than the places
        named); the country of a speaker or group the knowledge does not place."""
        if self._home is False:
            countries = country_codes()
            counts: Counter[str] = Counter()
            for actor in self.actors:
                if actor["code"] in countries:
                    counts[actor["code"]] += PERSON_WEIGHT if actor["kind"] == "PER" else 1
            self._home = counts.most_common(1)[0][0] if counts else None
        return self._home
