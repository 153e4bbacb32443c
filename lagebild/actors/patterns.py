"""Names found by their shape, where the knowledge files know neither the name nor its
parts: sports clubs ("VfL Osnabrück", "SC Paderborn"), institutions with a complement
("Bundesamt für Gesundheit", "Institut der deutschen Wirtschaft") and newspapers or
broadcasters quoted after an article ("sagte er dem „Berliner Kurier“")."""
from __future__ import annotations

import re
from collections.abc import Iterator

from lagebild.actors.names import lexicon_noun, noun_shaped

_NAME = r"[A-ZÄÖÜ][\w'’.&-]*"
# a word of a name that may end a sentence: with a full stop only as a short abbreviation
# ("St. Pauli"), so that the name ends where the sentence does ("… den FC Bayern. Microsoft …")
_NAME_WORD = r"[A-ZÄÖÜ](?:[a-zäöü]{0,3}\.|[\w'’&-]*)"
_CLUB_WORDS = (r"(?:FC|SC|SV|VfL|VfB|TSV|TSG|TuS|MSV|SSV|FSV|BSC|SpVgg|SG|SGS|HSG|TV|TSC|ESV|VfR|"
               r"Borussia|Eintracht|Fortuna|Alemannia|Arminia|Kickers|Rot-Weiss|Rot-Weiß|Dynamo|Lokomotive|Energie|"
               r"Union|Hertha|Werder|Hansa|Preußen|Bayer|Olympique|Sporting|Real|Atlético|Inter|AS|AC)")
_CLUB = re.compile(rf"(?<![\w-])(?:1\.\s+)?{_CLUB_WORDS}(?:\s+{_NAME_WORD}){{1,2}}(?:\s+\d{{2}})?")
# what every club's name holds; most texts have none, and this is found much faster
_CLUB_CORE = re.compile(rf"{_CLUB_WORDS}\s+[A-ZÄÖÜ]")
# the institution's noun, found first; a hyphenated name before it ("Robert-Koch-Institut")
# is added by looking back, which is faster than trying every capital letter
_INSTITUTION = re.compile(
    rf"(?:Bundesamt|Landesamt|Amt|Institut|Verband|Bundesverband|Ministerium|Stiftung|Verein|"
    rf"Gesellschaft|Zentrum|Akademie|Hochschule|Universität|Museum|Kommission|Bundesanstalt|Agentur|Rat|Kammer|"
    rf"Komitee|Gericht|Fonds|Bank|Partei)\s+(?:für|der|des|zur)\s+(?:[a-zäöüß]+(?:e|en|er|es)\s+)?{_NAME_WORD}"
    rf"(?:\s+(?:und|für)\s+{_NAME_WORD})?")
_NAME_BEFORE_HYPHEN = re.compile(rf"(?<![\w-]){_NAME}-$")
# a quoted title, found at its opening quote; the word before the quote is checked then
_QUOTED_TITLE = re.compile(rf"[„“\"»]\s?((?:{_NAME}\s){{0,3}}{_NAME})\s?[“”\"«]")
_TITLE_BEFORE = re.compile(r"(?<!\w)(?:der|dem|des|die|das|von|laut|im)\s$")


def shaped_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every club, institution and quoted medium in `text`. A
    quoted compound noun is no medium ("die „Spendenaktion“"); a plain one may be
    ("dem „Spiegel“")."""
    found = [(m.start(), m.end(), "ORG") for m in _CLUB.finditer(text)] if _CLUB_CORE.search(text) else []
    for match in _INSTITUTION.finditer(text):
        start = _institution_start(text, match.start())
        if start is not None:
            found.append((start, match.end(), "ORG"))
    found += [(m.start(1), m.end(1), "ORG") for m in _quoted_titles(text)
              if " " in m.group(1) or not noun_shaped(m.group(1)) or lexicon_noun(m.group(1))]
    return found


def _quoted_titles(text: str) -> Iterator[re.Match]:
    """The quoted names after "der", "dem", "laut" ... ("laut „Spiegel“")."""
    position = 0
    while (match := _QUOTED_TITLE.search(text, position)) is not None:
        if _TITLE_BEFORE.search(text, max(0, match.start() - 5), match.start()):
            yield match
            position = match.end()
        else:
            position = match.start() + 1


def finditer_at_word_start(pattern: re.Pattern, text: str, also: str = "") -> Iterator[re.Match]:
    """pattern.finditer(text) as if the pattern began with "\\b" (with also="-":
    with "(?<![\\w-])"): the matches after no letter, digit, "_" or character of `also`. A
    regex that begins with such a test is much slower, as the regex engine cannot skip
    ahead to where its first word may start."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start = match.start()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_" or text[start - 1] in also):
            position = start + 1   # inside a word: look again from the next character
            continue
        yield match
        position = match.end()


def _institution_start(text: str, start: int) -> int | None:
    """Where an institution's name starts: at its noun, or at the hyphenated name
    joined to it ("Robert-Koch-Institut für ..."); None inside another word."""
    if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_-"):
        return start
    before = _NAME_BEFORE_HYPHEN.search(text, max(0, start - 60), start) if text[start - 1] == "-" else None
    return before.start() if before else None
