"""The event trigger lexicon (lang/<language>/event_triggers.tsv) as lookups by word form."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from lagebild.datafiles import read_table
from lagebild.morphology import participle, verb_forms


@dataclass(frozen=True, slots=True)
class Trigger:
    entry: str                  # the lexicon line's first field, for the explanation
    type: str                   # PLOVER type
    mode: str | None
    targets: tuple[str, ...]    # "obj" and/or prepositions; empty when no target is needed
    kind: str                   # verb, noun or phrase
    particle: str | None        # a particle that must follow the finite verb in the clause
    noun: str | None = None     # a phrase's noun ("Sanktionen" of "Sanktionen verhängen")


@dataclass(frozen=True, slots=True)
class Lexicon:
    forms: dict[str, tuple[Trigger, ...]]       # verb forms and nouns
    phrase_verbs: dict[str, tuple[Trigger, ...]]  # a verb form -> the phrases it closes
    participles: frozenset[str]                   # for telling the passive


def _noun_forms(noun: str) -> set[str]:
    """A noun with its genitive ("Angriffs") and, for the regular endings, its plural
    ("Ausgangssperren", "Forderungen")."""
    forms = {noun}
    if not noun.endswith(("s", "n", "e", "ung", "heit", "keit")) and noun[-1].islower():
        forms |= {noun + "s", noun + "es"}
    if noun.endswith("e"):
        forms.add(noun + "n")
    elif noun.endswith(("ung", "heit", "keit", "schaft", "ion", "tät")):
        forms.add(noun + "en")
    return forms


@functools.cache
def lexicon(language: str = "de") -> Lexicon:
    forms: dict[str, list[Trigger]] = {}
    phrases: dict[str, list[Trigger]] = {}
    participles: set[str] = set()
    for entry, particle, type_, mode, targets, spec in read_table(f"lang/{language}/event_triggers.tsv", 6):
        particle = None if particle == "-" else particle
        mode = None if mode == "-" else mode
        target_list = () if targets == "-" else tuple(targets.split("|"))
        parts = entry.split()
        if entry[0].islower():
            participles.add(participle(parts[-1], particle, None if spec == "-" else spec))
        if len(parts) == 2:
            noun, verb = parts
            for form, needs_particle in verb_forms(verb, particle, None if spec == "-" else spec).items():
                trigger = Trigger(entry, type_, mode, target_list, "phrase", particle if needs_particle else None, noun)
                phrases.setdefault(form, []).append(trigger)
        elif entry[0].isupper():
            for form in _noun_forms(entry):
                forms.setdefault(form, []).append(Trigger(entry, type_, mode, target_list, "noun", None))
        else:
            for form, needs_particle in verb_forms(entry, particle, None if spec == "-" else spec).items():
                forms.setdefault(form, []).append(
                    Trigger(entry, type_, mode, target_list, "verb", particle if needs_particle else None))
    return Lexicon({k: tuple(v) for k, v in forms.items()}, {k: tuple(v) for k, v in phrases.items()},
                   frozenset(participles))
