"""The event trigger lexicon (lang/<language>/event_triggers.tsv) as lookups by word form."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from lagebild.actors.names import known_common_nouns
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


# Heads too general to make a closed compound an event ("Wahlkampf", "Vorschlag",
# "Asylverfahren", "Pressekonferenz", "Berufsausbildung").
_NO_COMPOUND_HEADS = frozenset("Kampf Kampfes Kämpfe Kämpfen Schlag Schlags Schläge Schlägen Verfahren Verfahrens "
                               "Konferenz Ausbildung Hilfe Hilfen Verständnis Partnerschaft Übung Übungen "
                               "Vermittlung".split())
# Prefixes that make a new word, not a compound ("Herausforderung", "Übereinkunft").
_PREFIXES = frozenset("über unter miss wider gegen vor nach heraus voraus auf aus ein an ab zu".split())


@functools.lru_cache(maxsize=100_000)
def compound_triggers(word: str, language: str = "de") -> tuple[Trigger, ...]:
    """The noun triggers a closed compound ends with ("Polizeirazzia", "Bombenanschlag",
    "Staatsbesuch"): its longest head of six letters or more that the lexicon holds,
    after a first part that HanTa's lexicon knows as a noun (with its linking "s", "n"
    or "en"), so that "Vereinigung" or "Herausforderung" are no "Einigung", "Forderung"."""
    if not word[:1].isupper() or not word.isalpha():
        return ()
    heads = _compound_heads(language)
    for cut in range(3, len(word) - 5):
        triggers = heads.get(word[cut:])
        if triggers and _noun_part(word[:cut].lower()):
            return triggers
    return ()


@functools.cache
def _compound_heads(language: str) -> dict[str, tuple[Trigger, ...]]:
    """The noun triggers that can end a compound, by their form inside it ("anschlag")."""
    heads = {}
    for form, triggers in lexicon(language).forms.items():
        nouns = tuple(t for t in triggers if t.kind == "noun")
        if nouns and form[:1].isupper() and form not in _NO_COMPOUND_HEADS:
            heads[form[0].lower() + form[1:]] = nouns
    return heads


@functools.lru_cache(maxsize=200_000)
def word_triggers(word: str, language: str = "de") -> tuple[tuple[Trigger, ...], int, tuple[Trigger, ...]] | None:
    """What a word form can trigger: the phrases its verb closes, the offset of its head
    (the part after its last hyphen: "US-Unterstützung"), and the head's own or
    compound triggers; None for the many words that trigger nothing."""
    entries = lexicon(language)
    head = word.rsplit("-", 1)[-1]
    # a compound's head leaves at least three letters before it and has six or more
    candidates = entries.forms.get(head) or (compound_triggers(head, language) if len(head) > 8 else ())
    phrases = entries.phrase_verbs.get(word, ())
    if not phrases and not candidates:
        return None
    return phrases, len(word) - len(head), candidates


def _noun_part(part: str) -> bool:
    if part in _PREFIXES:
        return False
    nouns = known_common_nouns()
    return any(part[:len(part) - len(link)] in nouns for link in ("", "s", "n", "en", "es") if part.endswith(link))


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
