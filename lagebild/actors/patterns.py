"""Names found by their shape, where the knowledge files know neither the name nor its
parts: sports clubs ("VfL Osnabrück", "SC Paderborn"), institutions with a complement
("Bundesamt für Gesundheit", "Institut der deutschen Wirtschaft") and newspapers or
broadcasters quoted after an article ("sagte er dem „Berliner Kurier“")."""
from __future__ import annotations

import re

from lagebild.actors.names import lexicon_noun, noun_shaped

_NAME = r"[A-ZÄÖÜ][\w'’.&-]*"
_CLUB = re.compile(
    rf"(?<![\w-])(?:1\.\s+)?(?:FC|SC|SV|VfL|VfB|TSV|TSG|TuS|MSV|SSV|FSV|BSC|SpVgg|SG|SGS|HSG|TV|TSC|ESV|VfR|"
    rf"Borussia|Eintracht|Fortuna|Alemannia|Arminia|Kickers|Rot-Weiss|Rot-Weiß|Dynamo|Lokomotive|Energie|"
    rf"Union|Hertha|Werder|Hansa|Preußen|Bayer|Olympique|Sporting|Real|Atlético|Inter|AS|AC)"
    rf"(?:\s+{_NAME}){{1,2}}(?:\s+\d{{2}})?")
# the institution's noun, found first; a hyphenated name before it ("Robert-Koch-Institut")
# is added by looking back, which is faster than trying every capital letter
_INSTITUTION = re.compile(
    rf"(?:Bundesamt|Landesamt|Amt|Institut|Verband|Bundesverband|Ministerium|Stiftung|Verein|"
    rf"Gesellschaft|Zentrum|Akademie|Hochschule|Universität|Museum|Kommission|Bundesanstalt|Agentur|Rat|Kammer|"
    rf"Komitee|Gericht|Fonds|Bank|Partei)\s+(?:für|der|des|zur)\s+(?:[a-zäöüß]+(?:e|en|er|es)\s+)?{_NAME}"
    rf"(?:\s+(?:und|für)\s+{_NAME})?")
_NAME_BEFORE_HYPHEN = re.compile(rf"(?<![\w-]){_NAME}-$")
_QUOTED_TITLE = re.compile(
    rf"\b(?:der|dem|des|die|das|von|laut|im)\s[„“\"»]\s?((?:{_NAME}\s){{0,3}}{_NAME})\s?[“”\"«]")


def shaped_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every club, institution and quoted medium in `text`. A
    quoted compound noun is no medium ("die „Spendenaktion“"); a plain one may be
    ("dem „Spiegel“")."""
    found = [(m.start(), m.end(), "ORG") for m in _CLUB.finditer(text)]
    for match in _INSTITUTION.finditer(text):
        start = _institution_start(text, match.start())
        if start is not None:
            found.append((start, match.end(), "ORG"))
    found += [(m.start(1), m.end(1), "ORG") for m in _QUOTED_TITLE.finditer(text)
              if " " in m.group(1) or not noun_shaped(m.group(1)) or lexicon_noun(m.group(1))]
    return found


def _institution_start(text: str, start: int) -> int | None:
    """Where an institution's name starts: at its noun, or at the hyphenated name
    joined to it ("Robert-Koch-Institut für ..."); None inside another word."""
    if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_-"):
        return start
    before = _NAME_BEFORE_HYPHEN.search(text, max(0, start - 60), start) if text[start - 1] == "-" else None
    return before.start() if before else None
