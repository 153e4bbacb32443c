"""The actor knowledge: who and what a name can stand for, from the data files of
lagebild/knowledge/ (countries, places, organizations, office holders, role nouns).

`surfaces()` maps every written form to the referents it can name; the matcher turns
that into one Aho-Corasick automaton. Persons carry their terms of office, so that a
person's code follows the office held on a given day.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from lagebild.datafiles import read_table

ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


@dataclass(frozen=True, slots=True)
class Term:
    """One term of office: code and sector from `start` to `end` (None: still in office)."""

    code: str
    sector: str
    office: str
    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Referent:
    """What a written form names. `source` says which table it came from: country, seat,
    adjective, demonym, place, organization, person, role."""

    name: str
    code: str | None
    sector: str | None
    kind: str
    source: str
    terms: tuple[Term, ...] = field(default=())

    def on(self, day: dt.date | None) -> tuple[str | None, str | None]:
        """(code, sector) of the referent on `day`: for a person the office then held,
        else the last office's state with no sector."""
        if not self.terms:
            return self.code, self.sector
        if day is not None:
            for term in self.terms:
                if term.covers(day):
                    return term.code, term.sector
        latest = max(self.terms, key=lambda t: t.start)
        return latest.code, None


def _split(field_text: str) -> list[str]:
    return [] if field_text in ("", "-") else [p.strip() for p in field_text.split("|") if p.strip()]


def _date(text: str) -> dt.date | None:
    text = text.rstrip("~").strip()
    return None if text in ("", "-") else dt.date.fromisoformat(text)


@functools.cache
def surfaces() -> dict[str, tuple[Referent, ...]]:
    """Every written form (case-sensitive) and the referents it can name."""
    table: dict[str, list[Referent]] = {}

    def add(form: str, referent: Referent) -> None:
        bucket = table.setdefault(form, [])
        if referent not in bucket:
            bucket.append(referent)

    for code, name_de, name_en, names, adjectives, demonyms, seats in read_table("knowledge/countries.tsv", 7):
        country = Referent(name_de, code, None, "GPE", "country")
        for form in (name_de, name_en, *_split(names)):
            add(form, country)
        seat = Referent(name_de, code, "GOV", "GPE", "seat")
        for form in _split(seats):
            add(form, seat)
        people = Referent(name_de, code, "CVL", "NOM", "demonym")
        for form in _split(demonyms):
            for inflected in _demonym_forms(form):
                add(inflected, people)
        adjective = Referent(name_de, code, None, "ADJ", "adjective")
        for stem in _split(adjectives):
            if stem[:1].isupper():          # English: "Russian"
                add(stem, adjective)
                continue
            for ending in ADJECTIVE_ENDINGS:
                add(stem + ending, adjective)
                add(stem[:1].upper() + stem[1:] + ending, adjective)   # at the start of a sentence
    for name, _kind, code, variants in read_table("knowledge/places.tsv", 4):
        place = Referent(name, None if code == "-" else code, None, "LOC", "place")
        for form in (name, *_split(variants)):
            add(form, place)
    for name, code, sector, kind, names in read_table("knowledge/organizations.tsv", 5):
        organization = Referent(name, code, sector, kind, "organization")
        for form in (name, *_split(names)):
            add(form, organization)
    for key, canonical, _full in read_table("knowledge/agencies.tsv", 3):
        if key == canonical:   # "dpa", "Reuters"; not the desk codes ("rtr")
            add(key, Referent(canonical, None, "MED", "ORG", "organization"))
    for person in _people():
        for form in person[1]:
            add(form, person[0])
    for word, sector, kind, _gloss in read_table("knowledge/roles.tsv", 4):
        for form in _role_forms(word):
            add(form, Referent(form, None, sector, "NOM" if kind == "ORG" else "ROLE", "role"))
    return {form: tuple(referents) for form, referents in table.items()}


def _demonym_forms(form: str) -> list[str]:
    """A demonym and, for one in "-er" ("Ukrainer"), its dative plural and genitive
    singular ("den Ukrainern", "des Ukrainers"); the file lists the other forms."""
    if form.endswith("er") and form[:1].isupper() and form != "Deutscher":   # "Deutscher" is declined as an adjective
        return [form, form + "n", form + "s"]
    return [form]


# Role nouns declined like adjectives: "ein Beamter", "der Beamte", "den Beamten".
_ADJECTIVAL_ROLE = re.compile(r"(?:beamter|ordneter|gestellter|sitzender|sandter|mächtigter|ständiger|gierter)$")


@functools.cache
def offices() -> dict[str, frozenset[str]]:
    """Person name -> the offices (role nouns, lower case) the person has held."""
    return {referent.name: frozenset(term.office.split(" (")[0].lower() for term in referent.terms)
            for referent, _ in _people()}


def _role_forms(word: str) -> list[str]:
    """A role noun and, when it is declined like an adjective, its -e and -en forms."""
    if _ADJECTIVAL_ROLE.search(word):
        return [word, word[:-1], word[:-1] + "n"]
    return [word]


def _people() -> list[tuple[Referent, list[str]]]:
    """One referent per person (all terms together) and the forms that name them."""
    terms: dict[str, list[Term]] = {}
    forms: dict[str, list[str]] = {}
    for _id, name, variants, code, sector, office, start, end in read_table("knowledge/office_holders.tsv", 8):
        terms.setdefault(name, []).append(Term(code, sector, office, _date(start), _date(end)))
        bucket = forms.setdefault(name, [name])
        bucket.extend(v for v in _split(variants) if v not in bucket)
    for bucket in forms.values():
        # the genitive: "Assads Rücktritt", "Putins Rede"
        bucket.extend(f + "s" for f in list(bucket) if not f.endswith(("s", "ß", "x", "z")) and f + "s" not in bucket)
    people = []
    for name, person_terms in terms.items():
        first = min(person_terms, key=lambda t: t.start)
        referent = Referent(name, first.code, first.sector, "PER", "person", tuple(sorted(person_terms, key=lambda t: t.start)))
        people.append((referent, forms[name]))
    return people
