"""The actors stage: who is who in an article, resolved and coded.

Mentions come from three places: the knowledge files (countries, their capitals and
seats of government, places, organizations, office holders with dated terms, role
nouns), matched with one Aho-Corasick automaton; patterns around role nouns ("der
russische Außenminister Sergej Lawrow", "Kreml-Sprecher Dmitri Peskow", "die Armee
der Ukraine"); and names the knowledge lacks (a first name and a surname, an acronym,
an organization's head noun, a city). Within an article a surname alone points to the
full name mentioned before it.

Each actor: start, end, text, name, code (ISO alpha-3 or an organization's code),
sector, kind. Kinds PER, ORG, GPE (a state, or its capital or seat used for its
government), LOC (another place) are named entities; ROLE (a person named by a role:
"der Außenminister"), NOM (a group or institution named by a noun: "die Armee",
"Demonstranten", "die Russen"), ADJ ("russische") and PART (a name inside a compound:
"Kreml-Sprecher") carry codes for events and quotes but are no named entities.

Public API for later stages: `actor_at(doc, start, end)`.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

from lagebild.actors.knowledge import Referent, surfaces
from lagebild.actors.lexicon import Match, find_matches
from lagebild.actors.names import (
    adjective_shaped, cities, common_noun, first_names, known_common_noun, known_name, known_word, lexicon_noun,
    noun_shaped, plain_common_noun, unknown_word)
from lagebild.actors.patterns import finditer_at_word_start, shaped_names
from lagebild.datafiles import read_words
from lagebild.document import Document
from lagebild.pipeline import stage
from lagebild.temporal.calendar import parse_day

NAMED_KINDS = ("PER", "ORG", "GPE", "LOC")
# Which referent a form names when it can name several (a surname that is also a city).
_SOURCE_ORDER = ("person", "organization", "country", "seat", "place", "demonym", "adjective", "role")
_TITLES = frozenset("Dr. Dr Prof. Prof Herr Frau Mr. Mrs. Ms. Sir Lord Lady Scheich Papst Kardinal Bischof".split())
_NOBLE_TITLES = frozenset("Sir Lord Lady Dame".split())   # part of the name they open
_PARTICLES = frozenset("von van ter ten de der den du al el bin ibn da di dos del della le la".split())
_ORG_HEADS = re.compile(
    r"(?:AG|GmbH|SE|KG|KGaA|e\.V\.|Inc\.?|Ltd\.?|Corp\.?|Co\.|Group|Holding|Partei|Verband|Verein|"
    r"Institut|Stiftung|Universität|University|Bank|Konzern|Agentur|Kommission|Rat|Bundesamt|Amt)$")
# the last word of a longer organization's name ("Evangelischen Kirche", "Münchner Kammerspielen")
_INSTITUTION_HEAD = re.compile(
    r"(?:kirche|armee|verlag|fernsehen|wetterdienst|komitee|festspiele|rundschau|zeitung|nachrichten|kammerspiele|"
    r"verein|fonds|bank|gericht|partei|ministerium|institut|stiftung|universität|hochschule|akademie|museum|"
    r"orchester|gewerkschaft|verband|kammer|kommission|parlament|werke|agentur|behörde)(?:e|es|s|n|en)?$")
# A one-word organization: a federal or state body ("Bundesverfassungsgericht",
# "Landeskriminalamt"), or a name joined to an institution ("Lehmbruck-Museum").
_ORG_SUFFIXES = re.compile(
    r"^(?:(?:Bundes|Landes)[a-zäöüß]+(?:gericht|ministerium|amt|bank|agentur|behörde|anstalt|kammer|verband|institut)"
    r"|[A-ZÄÖÜ][\w]*-(?:Museum|Institut|Stiftung|Konzern|Gruppe|Klinik|Universität|Verlag|Werke|Bank|Partei))$")
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüßéèáíóú]+(?:-[A-ZÄÖÜ][a-zäöüßéèáíóú]+)?) $")
_PLACE_WORD = re.compile(r"^[A-ZÄÖÜ][\w-]*(?:straße|strasse|platz|allee|gasse|ufer|damm|chaussee)$")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,5}$")
# capitals that abbreviate things, not organizations
_NOT_ACRONYMS = frozenset(
    "ICH DER DIE DAS UND ODER ABER NICHT AUCH EIN EINE TV PC CD DVD OK USB PS KM GB MB KB TB HD LED LCD PDF URL "
    "SMS GPS MP3 WLAN DSL UMTS ISDN IT PR CEO CFO CTO VIP MEZ MESZ UTC BIP EBIT EBITDA PKW LKW KFZ KMU HIV HPV "
    "DNA DNS AIDS WM EM CO2 KW MW KWH ABS SUV WC UKW".split())
_ROLE_NAME_GAP = re.compile(r"\s*(?:,\s*)?")
_ROLE_COMPLEMENT = re.compile(r"\s+(?:für|in|im|aus|der|des|von)\s+(?:(?:der|die|das|den|dem)\s+)?")
_SPEECH_VERBS = frozenset("sagte sagt so erklärte erklärt betonte betont meinte meint fügte ergänzte warnte "
                          "kritisierte forderte berichtete bestätigte schrieb twitterte erzählt erzählte "
                          "unterstrich versicherte räumte".split())
# A lone surname before these is a person: "Ramelow erklärte, ...".
_SPEECH_AFTER = re.compile(r" (?:sagte|sagt|erklärte|erklärt|betonte|meinte|kritisierte|forderte|warnte|"
                           r"bestätigte|kündigte|räumte|fügte|schrieb|twitterte|plädierte)\b")

# A finite auxiliary or modal after a word that opens a sentence: "Eggert war ...".
_FINITE_AFTER = re.compile(r" (?:ist|war|hat|hatte|wird|wurde|will|wollte|kann|konnte|muss|musste|soll|sollte|darf|"
                           r"durfte|habe|sei|bleibt|blieb|gilt|galt)\b")

_ADJECTIVE_ENDING = re.compile(r"(?:t|end|lich|ig|bar|los|haft|sam)$")
# "Schwarz: Ich bin ...": the speaker in an interview
_INTERVIEW_COLON = re.compile(r" ?: ")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    name: str
    code: str | None
    sector: str | None
    kind: str

    def to_dict(self, text: str) -> dict:
        return {"start": self.start, "end": self.end, "text": text[self.start:self.end], "name": self.name,
                "code": self.code, "sector": self.sector, "kind": self.kind}


@stage(requires=("text", "sentences", "tokens"), provides=("actors",))
def tag_actors(doc: Document) -> Document:
    """Reads doc.text, doc.sentences, doc.tokens and doc.published; adds doc.actors."""
    text = doc.text
    day = parse_day(doc.published)
    mentions = _known_mentions(text, find_matches(text), day)
    mentions = _add_shaped_names(text, mentions)
    mentions = _add_compass_regions(text, mentions)
    mentions = _add_unknown_names(doc, mentions)
    mentions = _names_with_adjective(text, mentions)
    mentions = _join_places_and_clubs(text, mentions)
    _kinds_from_coordination(text, mentions)
    _codes_from_brackets(text, mentions)
    mentions += _repeated_surnames(text, mentions)
    _names_with_particles(text, mentions)
    _resolve_short_names(mentions)
    doc.actors = [m.to_dict(text) for m in sorted(mentions, key=lambda m: m.start)]
    return doc


def actor_at(doc: Document, start: int, end: int) -> dict | None:
    """The actor whose span lies within or covers [start, end), preferring named ones."""
    inside = [a for a in doc.actors if a["start"] < end and start < a["end"]]
    inside.sort(key=lambda a: (a["kind"] not in NAMED_KINDS, a["start"]))
    return inside[0] if inside else None


# --- mentions from the knowledge -----------------------------------------------------------


def _pick(referents: tuple[Referent, ...]) -> Referent:
    if len(referents) == 1:
        return referents[0]
    return min(referents, key=lambda r: _SOURCE_ORDER.index(r.source))


def _known_mentions(text: str, matches: list[Match], day: dt.date | None) -> list[Mention]:
    mentions: list[Mention] = []
    for index, match in enumerate(matches):
        referent = _pick(match.referents)
        code, sector = referent.on(day)
        kind = referent.kind
        start, end = match.start, match.end
        if match.before_hyphen or match.after_hyphen:
            start, end = _compound_bounds(text, start, end)
            kind = "PART"
            role = _compound_role(text, start, end)
            if role is not None:     # "Kreml-Sprecher", "US-Außenminister": the role, coded
                kind, sector = ("ROLE" if role.kind == "ROLE" else "NOM"), role.sector
                if referent.source == "role":
                    code, sector = _code_before_hyphen(text, start, match.start, day) or (None, role.sector)
            if mentions and mentions[-1].start == start:
                continue  # the compound's first part made this mention already
        elif referent.source == "role":
            code = _role_code(text, matches, index, day)
            if code is None and "-" in text[start:end]:   # "Kreml-Sprecher" listed as a role
                code = (_code_before_hyphen(text, start, text.index("-", start, end), day) or (None,))[0]
        if kind in ("ORG", "GPE", "LOC", "NOM") and referent.source != "person":
            first = _FIRST_NAME_BEFORE.search(text, max(0, start - 25), start)
            if first and _first_name(first.group(1)):     # "Wolfgang Wagner", "Christiane Holländer"
                start, code, sector, kind = first.start(1), None, None, "PER"
                mentions.append(Mention(start, end, text[start:end], code, sector, kind))
                continue
        if kind == "PER" and " " not in text[start:end]:
            first = _FIRST_NAME_BEFORE.search(text, max(0, start - 25), start)
            if first and _first_name(first.group(1)):     # "Mitt Romney" where the knowledge has "Romney"
                start = first.start(1)
                # "Hans-Rudolf Merz" is not Friedrich Merz; "Sergei" is "Sergej" spelt otherwise
                if first.group(1)[:2].lower() != referent.name.split()[0][:2].lower():
                    mentions.append(Mention(start, end, text[start:end], None, None, "PER"))
                    continue
        mentions.append(Mention(start, end, referent.name, code, sector, kind))
    return _role_appositions(text, mentions)


def _compound_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole hyphenated word around a match."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "-"):
        end += 1
    return start, end


def _compound_role(text: str, start: int, end: int) -> Referent | None:
    """The role noun at the end of a compound ("-Sprecher" in "Kreml-Sprecher")."""
    last = text[start:end].rsplit("-", 1)[-1]
    for found in find_matches(last):
        if found.start == 0 and found.end == len(last):
            referent = _pick(found.referents)
            if referent.source == "role":
                return referent
    return None


def _code_before_hyphen(text: str, start: int, role_start: int, day: dt.date | None):
    for found in find_matches(text[start:role_start]):
        referent = _pick(found.referents)
        if referent.source != "role":
            return referent.on(day)[0], None
    return None


def _role_code(text: str, matches: list[Match], index: int, day: dt.date | None) -> str | None:
    """The state a role noun belongs to: an adjective just before it ("der russische
    Außenminister"), or a genitive just after it ("die Armee der Ukraine")."""
    match = matches[index]
    if index > 0:
        before = matches[index - 1]
        gap = text[before.end:match.start]
        referent = _pick(before.referents)
        if referent.source == "adjective" and len(gap.split()) <= 1:
            return referent.code
        if referent.source in ("country", "seat") and gap.strip() == "" and text[before.end - 1] == "s":
            return referent.code   # "Russlands Armee"
    if index + 1 < len(matches):
        after = matches[index + 1]
        gap = text[match.end:after.start]
        referent = _pick(after.referents)
        if re.fullmatch(r"\s+(?:der|des|von|aus)\s+(?:\w+\s+)?", gap) and referent.source in (
                "country", "seat", "organization", "adjective"):
            return referent.on(day)[0]
    return None


def _role_appositions(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person named right after a role takes the role's code and sector when the
    knowledge does not know them ("der russische Außenminister Sergej Lawrow")."""
    for role, person in zip(mentions, mentions[1:]):
        if role.kind == "ROLE" and person.kind == "PER" and _ROLE_NAME_GAP.fullmatch(text, role.end, person.start):
            if person.code is None:
                person.code, person.sector = role.code, role.sector
    return mentions


# found with finditer_at_word_start(): it opens at a word's start
_COMPASS_REGION = re.compile(r"(?:Nord|Süd|Ost|West|Zentral)(?:ost|west)?-?([a-zäöüA-ZÄÖÜ][a-zäöüß]{2,}s?)(?![\w-])")


def _add_compass_regions(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Nordirak", "Ostukraine", "Nordwest-Syrien": a region of the country whose name
    follows the point of the compass (the knowledge lists the countries named so,
    "Nordkorea", "Südafrika", which match before this)."""
    added = []
    for match in finditer_at_word_start(_COMPASS_REGION, text, also="-"):
        if any(m.start <= match.start() < m.end for m in mentions):
            continue
        name = match.group(1)
        name = name[0].upper() + name[1:]
        referents = surfaces().get(name) or surfaces().get(name[:-1] if name.endswith("s") else name, ())
        country = next((r for r in referents if r.source == "country"), None)
        if country is not None:
            added.append(Mention(match.start(), match.end(), match.group(), country.code, None, "LOC"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


# --- names the knowledge lacks -------------------------------------------------------------


# A run of capitalised words, with name particles between them ("Ole von Beust"). It opens
# at a word's start: "(?<![\w-].)" after the first capital says that no letter, digit or
# hyphen stands before it (asked after the capital, the regex engine skips to capitals fast).
_RUN = re.compile(r"[A-ZÄÖÜ](?<![\w-].)[\w'’.&-]*(?: (?:(?:von|van(?: der| den)?|ter|ten|de|du|al|el|bin|ibn|da|di|dos|del|"
                  r"della|le|la) )?[A-ZÄÖÜ][\w'’.&-]*| (?:al|el|ad|as|an|ar|at|asch|abu)-[A-ZÄÖÜ][\w'’.&-]*)*")
# a word of four or more small letters with a full stop: the end of a sentence, not "K." or "VI."
_SENTENCE_END_WORD = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{3,}\.$")
# A single word that can be a name by its own shape, whatever stands before it.
_SHAPED = re.compile(r"^(?:[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,5}|(?:Bundes|Landes)[a-zäöüß]+|[A-ZÄÖÜ][\w]*-[A-ZÄÖÜ][\w]*|"
                     r"[A-ZÄÖÜ][\w-]*(?:straße|strasse|platz|allee|gasse|ufer|damm|chaussee))$")


def _add_shaped_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Clubs, institutions and quoted media (lagebild/actors/patterns.py); a shaped name
    takes the place of the mentions inside it ("VfL Osnabrück" over "Osnabrück") and
    their country."""
    for start, end, kind in shaped_names(text):
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        if any(m.start < end and start < m.end and m not in inside for m in mentions):
            continue
        if inside and max(m.end - m.start for m in inside) == end - start:
            continue
        code = next((m.code for m in inside if m.code), None)
        mentions = [m for m in mentions if m not in inside]
        mentions.append(Mention(start, end, text[start:end], code, None, kind))
    return mentions


def _add_unknown_names(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Names the knowledge lacks, in the runs of capitalised words it did not cover."""
    text = doc.text
    covered = _covered(text, mentions)
    ends = [m.end for m in mentions]
    added: list[Mention] = []
    surnames = _surnames(mentions)
    for run_match in _RUN.finditer(text):
        group, first = run_match.group(), run_match.start()
        if " " in group:
            runs = _uncovered_parts(run_match, covered)
        elif covered[first] or (_word_verdict(group) is False and first > 0):
            continue   # most capitalised words are nouns: settled without their context
        else:
            runs = [[(first, run_match.end(), group)]]
        for run in runs:
            lo, hi = _name_bounds(tuple([w[2] for w in run]))
            if lo >= hi or (hi - lo == 1 and _plain_noun(run[lo][2])):
                continue   # no name, whatever stands around it
            role = _role_before(mentions, ends, text, run[0][0])
            word = run[0][2].rstrip(".")
            full = surnames.get(word) if len(run) == 1 and role is None else None
            if full is not None:   # "Martin Griffiths … mahnte Griffiths.": the person, though a town is so named
                added.append(Mention(run[0][0], run[0][0] + len(word), full.name, full.code, full.sector, "PER"))
                continue
            if len(run) == 1 and not _single_word_may_name(text, run[0], role):
                continue
            mention = _classify_run(text, run, lo, hi, _previous_word(text, run[0][0]), role)
            if mention is None:
                continue
            if (mention.kind == "PER" and mention.code is None and " " not in mention.name
                    and _company_before(mentions, ends, text, mention.start)):
                continue   # "Subaru Ascent", "VW Amarok": the company's product, no person
            added.append(mention)
            covered[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
            if mention.kind == "PER":
                for surname, person in _surnames([mention]).items():
                    surnames.setdefault(surname, person)   # the first full name given
    return mentions + added


def _surnames(mentions: list[Mention]) -> dict[str, Mention]:
    """The last word of each full name of a person ("Griffiths" of "Martin Griffiths"),
    the first such person's when several share it."""
    found: dict[str, Mention] = {}
    for mention in mentions:
        words = mention.name.split()
        if mention.kind == "PER" and len(words) >= 2 and words[-1][:1].isupper() and not _CAPITALS.match(words[-1]):
            found.setdefault(words[-1], mention)   # not "TV" of a channel taken for a person; "Anis A." is one
    return found


_ADJECTIVE_BEFORE = re.compile(r"(?<=[a-zäöüß,] )[A-ZÄÖÜ][a-zäöüß]+ $")
_NEXT_NOUN = re.compile(r" ([A-ZÄÖÜ][\w-]+)")
_INSIDE_SENTENCE = re.compile(r"[a-zäöüß,] $")


def place_adjective_code(word: str) -> str | None:
    """The country of the town a capitalised adjective is made from ("Brüsseler" ->
    BEL, "Münchner" -> DEU)."""
    if not word.endswith("er") or len(word) < 5:
        return None
    for base in (word[:-2], word[:-3] + "en", word[:-2] + "en"):
        referents = surfaces().get(base)
        if referents:
            return _pick(referents).code
        if base in cities():
            return cities()[base]
    return None


def _names_with_adjective(text: str, mentions: list[Mention]) -> list[Mention]:
    """A capitalised adjective inside a sentence makes an institution's noun a name
    ("der Evangelischen Kirche", "der Deutschen Bundesbank", "der Deutschen
    Presse-Agentur": a country's adjective gives it its code)."""
    covered = _covered(text, mentions)
    by_start = {m.start: m for m in mentions}
    named, joined = [], []
    for adjective in mentions:
        if (adjective.kind in ("ADJ", "NOM") and text[adjective.start].isupper() and " " not in adjective.name
                and _INSIDE_SENTENCE.search(text, max(0, adjective.start - 2), adjective.start)):
            noun = _NEXT_NOUN.match(text, adjective.end)
            institution = by_start.get(noun.start(1)) if noun else None
            if (institution is not None and institution.kind in ("NOM", "ORG") and institution.end == noun.end()
                    and _organization_head(noun.group(1))):
                # "der Französischen Nachrichtenagentur": the adjective opens the name
                institution.start, institution.kind = adjective.start, "ORG"
                institution.name, institution.code = text[adjective.start:institution.end], institution.code or adjective.code
                joined.append(adjective)
            elif noun and not covered[noun.start(1)] and _organization_head(noun.group(1)):
                named.append(Mention(adjective.start, noun.end(), text[adjective.start:noun.end()], adjective.code,
                                     None, "ORG"))
                joined.append(adjective)
    if joined:
        mentions = [m for m in mentions if all(m is not j for j in joined)] + named
    for mention in mentions:
        if mention.kind not in ("NOM", "ORG") or mention.kind == "NOM" and mention.name.endswith(("en", "er")):
            continue   # not "die Berliner Journalisten"
        before = _ADJECTIVE_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        if before and not covered[before.start()] and adjective_shaped(before.group().strip()):
            mention.start, mention.kind = before.start(), "ORG"
            mention.name = text[mention.start:mention.end]
            mention.code = mention.code or place_adjective_code(before.group().strip())
    return mentions


def _covered(text: str, mentions: list[Mention]) -> bytearray:
    """1 at every character a mention covers."""
    covered = bytearray(len(text))
    for mention in mentions:
        covered[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    return covered


def _uncovered_parts(run_match, covered: bytearray) -> list[list[tuple[int, int, str]]]:
    """The words (start, end, text) of a run, split where a known mention covers one
    and after a word that ends a sentence ("Verfahren. Al-Hussein")."""
    parts: list[list[tuple[int, int, str]]] = [[]]
    start = run_match.start()
    for word in run_match.group().split(" "):   # a run's words are joined by single spaces
        if covered[start]:
            parts.append([])
        else:
            parts[-1].append((start, start + len(word), word))
            if word.endswith(".") and _SENTENCE_END_WORD.match(word):
                parts.append([])
        start += len(word) + 1
    return [part for part in parts if part]


@functools.lru_cache(maxsize=100_000)
def _word_verdict(word: str) -> bool | None:
    """What a capitalised word is wherever it stands: a name by its shape or as a city
    (True), no name by any rule (False: a function word, a known noun), or None when
    its context decides."""
    if word in cities() or _SHAPED.match(word):
        return True
    if _function_word(word) or known_common_noun(word) or plain_common_noun(word):
        return False
    return None


def _city_ending_a_sentence(word: str) -> bool:
    """A city's name with the full stop of the sentence it ends ("in Düren.")."""
    return len(word) > 3 and word.endswith(".") and word[:-1] in cities()


@functools.lru_cache(maxsize=100_000)
def _plain_noun(word: str) -> bool:
    """A capitalised word that names nothing alone, whatever stands around it: a known
    or noun-shaped common noun that is no city, no function word, not in capitals
    (`_classify_run` makes no mention of it, as its rules show)."""
    stripped = word.rstrip(".")
    if stripped != word and len(word) <= 3:
        return False   # the rules read it with and without its full stop
    return _word_verdict(stripped) is False and not _function_word(stripped) and not stripped.isupper()


def _single_word_may_name(text: str, word: tuple[int, int, str], role: Mention | None) -> bool:
    """Cheap test before classifying a lone capitalised word (most are common nouns);
    `role` is the role mention before it (`_role_before`)."""
    if word[0] == 0 and word[2].isupper():
        return True   # a dateline: "BERLIN -"
    verdict = True if _city_ending_a_sentence(word[2]) else _word_verdict(word[2])
    if verdict is not None:
        return verdict
    previous = text[max(0, word[0] - 30):word[0]].rstrip(" ,").rsplit(" ", 1)[-1]
    return (previous in _TITLES or previous in _SPEECH_VERBS or _SPEECH_AFTER.match(text, word[1]) is not None
            or role is not None or _lone_name(text, word))


_DETERMINERS = frozenset(
    "der die das dem den des ein eine einer eines einem einen kein keine keinen keinem keines sein seine seinen "
    "seinem seiner ihr ihre ihren ihrem ihrer dieser diese dieses diesem diesen jeder jede jedes jeden jedem "
    "unser unsere mein meine zum zur im am beim vom ins ans".split())
_PLACE_PREPOSITIONS = frozenset("in nach aus nahe bei".split())   # before a city's name


def _lone_name(text: str, word: tuple[int, int, str]) -> bool:
    """A word inside a sentence, after no article or adjective, that HanTa's lexicon
    knows only as a proper noun ("mit Peters", "Schulz hatte"), or does not know and
    that has the shape of no common noun or adjective ("bei Panasonic", "revanchierte
    sich Friesinger"): most often a surname."""
    name = word[2].rstrip(".")
    before = text[max(0, word[0] - 40):word[0]].rstrip()
    if not before or before[-1] in ".!?:„“\"»«(":
        # opening a sentence, a name is the subject of its verb ("Kolb war ..."), unless it
        # ends like a participle or an adjective ("Befürwortet hat ...", "Auffallend ist ...")
        context = (not _ADJECTIVE_ENDING.search(name)
                   and (_SPEECH_AFTER.match(text, word[1]) or _FINITE_AFTER.match(text, word[1])
                        or _INTERVIEW_COLON.match(text, word[1])) is not None)
    else:
        previous = before.rsplit(None, 1)[-1]
        context = previous.lower() not in _DETERMINERS and not (previous.islower() and adjective_shaped(previous))
    return context and _name_by_lexicon(name)   # the context first: it is cheaper to ask


@functools.lru_cache(maxsize=100_000)
def _name_by_lexicon(name: str) -> bool:
    """A word HanTa's lexicon knows only as a proper noun, or does not know and shaped
    like no common noun or adjective, or a first name that is no word ("Tage")."""
    if len(name) < 3 or _function_word(name):
        return False
    return bool(known_name(name) or unknown_word(name)
                or (_first_name(name) and not known_word(name) and not noun_shaped(name)))


def _name_bounds(words: tuple[str, ...]) -> tuple[int, int]:
    """Which words of a run of capitalised words make its name, as `words[lo:hi]` (lo >=
    hi: none). Dropped are what opens the run but is no part of a name: function words
    ("Auch", "Nach"), particles, and anything before the run's first first name
    ("Torjäger Robert Vittek"); and particles at its end."""
    if len(words) == 1:
        return (0, 0) if words[0] in _PARTICLES or _function_word(words[0]) else (0, 1)
    return _longer_name_bounds(words)


@functools.lru_cache(maxsize=100_000)
def _longer_name_bounds(words: tuple[str, ...]) -> tuple[int, int]:
    """`_name_bounds` of two or more words, kept: the same runs recur ("Am Montag")."""
    lo, hi = 0, len(words)
    for i in range(hi - 1):
        if words[i] in _TITLES and words[i] not in _NOBLE_TITLES:
            lo = i + 1   # "Hat Mr. Krugman": the name follows its title
            break
    first = None
    for i in range(lo, hi):
        if _first_name(words[i]):
            lo = first = i
            break
    # a name ends before a noun after its genitive: "Johanna Weitkamps Leitung", "Zabels Entscheidung"
    for i in range(lo + (2 if first is not None else 1), hi):
        if words[i - 1].endswith("s") and not known_name(words[i]) and noun_shaped(words[i]):
            hi = i
            break
    for i in range(lo + 1, hi):
        if _function_word(words[i]) and not _particle_in_name(words, first, i, hi):
            hi = i   # "Patrick von Brunn Auf der CeBIT": a new sentence began
            break
    while lo < hi and (words[lo] in _PARTICLES or _function_word(words[lo])):
        lo += 1
    # a first name that is a noun too stays before a surname ("Ross Brawn", "Kai Havertz")
    surname_follows = first is not None and hi - first > 1 and (
        known_name(words[first + 1]) or unknown_word(words[first + 1].rstrip(".")))
    while (hi - lo > 1 and not (lo == first and surname_follows)
           and words[lo] not in _PLACE_OPENERS and words[lo] not in _NOBLE_TITLES
           and not known_name(words[lo])
           and not _ORG_HEADS.search(words[hi - 1])
           and noun_shaped(words[lo]) and not adjective_shaped(words[lo])):   # "Maschinenbauer Krendtec"
        lo += 1
    while lo < hi and words[hi - 1] in _PARTICLES:
        hi -= 1
    return lo, hi


def _particle_in_name(words: tuple[str, ...], first: int | None, i: int, hi: int) -> bool:
    """Whether `words[i]` is a particle inside a person's name `words[first:hi]`: one of
    those right after the first name, before a last word that HanTa's lexicon holds as
    no noun ("Ole von Beust", "Pieter van den Hoogenband"; not "Maria von Stiftung",
    "Tobias Werner von Zweitligist")."""
    if first is None:
        return False
    after = first + 1
    while after < hi and words[after] in _PARTICLES:
        after += 1
    return first < i < after == hi - 1 and not lexicon_noun(words[after].rstrip("."))


def _classify_run(text: str, run: list[tuple[int, int, str]], lo: int, hi: int, previous: str,
                  role: Mention | None) -> Mention | None:
    """The mention a run of capitalised words makes with its name `run[lo:hi]`
    (`_name_bounds`), if any; `previous` and `role` are what stands before the run."""
    trimmed = run[lo:hi]
    if lo > 0:
        previous = text[run[0][0]:trimmed[0][0]].split()[-1]
        role = None
    start, end = trimmed[0][0], trimmed[-1][1]
    words = [w[2] for w in trimmed]
    if words[-1].endswith(".") and len(words[-1]) > 3:
        words[-1] = words[-1].rstrip(".")
        end -= 1  # a sentence-final period glued to the last word
    name = text[start:end]
    def lone_noun() -> bool:   # "sagte die Versicherung": no person (asked only where it matters)
        return len(words) == 1 and (common_noun(words[0], tagger=False) or known_word(words[0]))

    if (role is not None or previous in _TITLES) and not lone_noun():
        code, sector = (role.code, role.sector) if role and role.kind == "ROLE" else (None, None)
        return Mention(start, end, name, code, sector, "PER")
    if len(words) >= 2 and words[0] in _NOBLE_TITLES:
        return Mention(start, end, name, None, None, "PER")   # "Lady Gaga", "Sir Elton John"
    if len(words) >= 2 and words[0] in _PLACE_OPENERS:
        return Mention(start, end, name, None, None, "LOC")
    if len(words) >= 2 and _first_name(words[0]):
        return Mention(start, end, name, None, None, "PER")
    if len(words) <= 2 and (previous in _SPEECH_VERBS or _SPEECH_AFTER.match(text, end)) \
            and not any(_function_word(w) for w in words) and not lone_noun():
        return Mention(start, end, name, None, None, "PER")   # "sagte Petkovic", "Ramelow erklärte"
    if len(words) >= 2 and (words[0] in _PLACE_OPENERS or words[-1] in ("Straße", "Platz", "Allee", "See")):
        return Mention(start, end, name, None, None, "LOC")
    if len(words) >= 2 and _organization_head(words[-1]):
        return Mention(start, end, name, None, None, "ORG")
    if len(words) == 1:
        word = words[0]
        if word.isupper() and (word.title() in cities() or (start == 0 and _DATELINE_END.match(text, end))):
            return Mention(start, end, name, cities().get(word.title()), None, "LOC")   # a dateline: "BERLIN -"
        if _ACRONYM.match(word) and word not in _NOT_ACRONYMS:
            return Mention(start, end, name, None, None, "ORG")
        if _ORG_SUFFIXES.match(word):
            return Mention(start, end, name, None, None, "ORG")
        if _PLACE_WORD.match(word) and not (word.endswith("platz") and noun_shaped(word)):   # not "Sammelplatz"
            return Mention(start, end, name, None, None, "LOC")
        # "Essen", "Halle" are words too; after "in", "nach", "aus" a city the lexicon does not
        # know as a common noun is the city ("in Dormagen"), whatever the tagger guesses
        if _PERSON_CUE.search(previous) and (known_name(word) or unknown_word(word) or word in cities()):
            return Mention(start, end, name, None, None, "PER")   # "Genosse Stalin", "Tochter Ireland"
        before_noun = hi < len(run)   # "Iglesias Forderung": a genitive, no city
        # a city that is a first name too ("Marco", "Selma") is a city only after "in", "aus" ...
        at_place = previous.lower() in _PLACE_PREPOSITIONS
        lone = _lone_name(text, trimmed[0])
        kind = _lone_name_kind(word, previous) if lone else None
        after_article = previous.lower() in _DETERMINERS   # "der Deal", "den Jupiter": no town
        if word in cities() and not before_noun and not after_article and (at_place or word not in first_names()) and (
                (at_place and not known_common_noun(word)) or kind == "LOC" or not common_noun(word)):
            # the tagger last, and not where a lone name would be this city too
            return Mention(start, end, name, cities()[word], None, "LOC")
        if lone:
            return Mention(start, end, name, cities().get(word) if kind == "LOC" else None, None, kind)
    return None


# the first word of a place's name ("Bad Schussenried", "San Remo")
_PLACE_OPENERS = frozenset("Bad St. Sankt San Santa Santo São Los Las Fort Port Mont Monte Mount Saint Sainte".split())
# a noun before a name that says the name is a place ("die Stadt Gedern", "Richtung Elbrinxen")
_PLACE_CUE = re.compile(r"(?:stadt|gemeinde|gemeinden|dorf|ortsteil|kreis|richtung|region|bezirk|kanton|provinz|insel|"
                        r"kraftwerk|flughafen|raum)$", re.IGNORECASE)
# a noun before a name that says the name is a person's ("Genosse Stalin", "Tochter Ireland")
_PERSON_CUE = re.compile(r"(?:kollege|kollegen|kollegin|tochter|sohn|vater|mutter|bruder|schwester|genosse|genossin|"
                         r"freund|freundin|ehefrau|ehemann|loge|login|spieler|spielerin|trainer|trainerin|sänger|"
                         r"sängerin|autor|autorin|künstler|künstlerin|regisseur|regisseurin|schauspieler|"
                         r"schauspielerin|fahrer|fahrerin)$", re.IGNORECASE)
_DATELINE_END = re.compile(r" ?(?:-|–|\(|:)")
_PLACE_ENDING = re.compile(r"(?:ingen|hausen|heim|dorf|burg|berg|stadt|stedt|feld|furt|bach|rode|hagen|leben|kirchen|"
                           r"münster|brück|brücken)$")
# a noun before a name that says the name is an organization ("der Brauriese InBev")
_ORG_CUE = re.compile(r"(?:konzern|hersteller|anbieter|firma|unternehmen|zeitung|blatt|sender|riese|riesen|gruppe|"
                      r"verlag|reederei|reedereien|verein|klub|club|team|partei|agentur|portal|magazin|kette|marke|"
                      r"tochter|versicherer|bank|label|band|dienst|bauer|betreiber)(?:s|es|en)?$", re.IGNORECASE)


@functools.lru_cache(maxsize=100_000)
def _organization_head(word: str) -> bool:
    return bool(_ORG_HEADS.search(word) or word in ("Bund", "Bundes") or _INSTITUTION_HEAD.search(word.lower()))


@functools.lru_cache(maxsize=100_000)
def _lone_name_kind(name: str, previous: str) -> str:
    """A lone name's kind: a person after a person's noun ("Genosse Stalin"); a place
    after "in", "nach", "aus", "auf", "um" or a place's noun ("die Stadt Gedern"), or
    with a town's ending ("Usingen"); an organization after a firm's noun or "bei", or
    with a capital or digit inside ("InBev", "The9"); else a person."""
    if _PERSON_CUE.search(previous):
        return "PER"
    if (previous.lower() in ("in", "nach", "aus", "nahe", "auf", "um") or _PLACE_CUE.search(previous)
            or _PLACE_ENDING.search(name)
            or (name.endswith("s") and name[:-1] in cities())):   # "Wetzlars Trainer"
        return "LOC"
    if previous == "bei" or _ORG_CUE.search(previous) or re.search(r"[a-zäöü][A-ZÄÖÜ0-9]", name):
        return "ORG"
    return "PER"

# the words that open a club's name before a town's ("1. FC Köln", "Borussia Dortmund")
_CLUB_WORDS = tuple(
    "FC SC SV VfL VfB TSV TSG MSV SSV FSV BSC KSC THW HSV AS AC SSC CF RB Inter Juventus Borussia Eintracht Hertha "
    "Werder Preußen Fortuna Union Dynamo Hansa Real Atlético Olympique Sporting Bayer Arminia Alemannia Kickers "
    "Rot-Weiss Rot-Weiß Schwarz-Weiß Panathinaikos Olympiakos Galatasaray Fenerbahce".split())
_CLUB_BEFORE = re.compile(rf"(?:(?:1\.\s+)?(?:{'|'.join(_CLUB_WORDS)})\s+)$")
_CLUB_AFTER = re.compile(r"^\s+(?:United|City|Wanderers|Rovers|Bulls|Lakers|\d{2})\b")


def _join_places_and_clubs(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names joined by a slash are one ("München/Hamburg", "CDU/CSU"); "Borussia
    Dortmund", "1. FC Nürnberg", "Mainz 05" are clubs, not places; a firm's legal form
    belongs to its name ("Google Inc.")."""
    mentions = sorted(mentions, key=lambda m: m.start)
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if (previous and previous.kind in NAMED_KINDS and mention.kind in NAMED_KINDS
                and text[previous.end:mention.start] == "/"):
            places = {previous.kind, mention.kind} & {"LOC", "GPE"}
            previous.end, previous.name = mention.end, text[previous.start:mention.end]
            previous.kind = "LOC" if places else previous.kind if previous.kind == mention.kind else "ORG"
            continue
        if mention.kind == "ORG":
            form = _LEGAL_FORM.match(text, mention.end)
            if form:
                mention.end, mention.name = form.end(), text[mention.start:form.end()]
        if mention.kind in ("LOC", "GPE"):
            club = (_CLUB_BEFORE.search(text, max(0, mention.start - 25), mention.start)
                    if _previous_word(text, mention.start).endswith(_CLUB_WORDS) else None)
            after = _CLUB_AFTER.match(text[mention.end:mention.end + 12])
            if club or after:
                start = club.start() if club else mention.start
                end = mention.end + (after.end() if after else 0)
                joined.append(Mention(start, end, text[start:end], mention.code, "BUS", "ORG"))
                continue
        joined.append(mention)
    return joined


_LEGAL_FORM = re.compile(r" (?:AG|GmbH|SE|KG|KGaA|Inc\.|Ltd\.|Corp\.|Group|Holding|Holdings|Plc|plc)(?![\w-])")
_COORDINATION = re.compile(r"\s*(?:,|und|oder|sowie|,\s+und)\s*")


def _kinds_from_coordination(text: str, mentions: list[Mention]) -> None:
    """A lone name the text says nothing else about ("Ischgl") takes the kind of the
    places or organizations it is listed with ("Chamonix, Ischgl und Kitzbühel")."""
    def guessed(m: Mention) -> bool:
        return m.kind == "PER" and m.code is None and " " not in m.name
    for sequence in (mentions, mentions[::-1]):
        for known, other in zip(sequence, sequence[1:]):
            if known.kind in ("LOC", "GPE", "ORG") and guessed(other):
                first, second = sorted((known, other), key=lambda m: m.start)
                if _COORDINATION.fullmatch(text, first.end, second.start):
                    other.kind = "ORG" if known.kind == "ORG" else "LOC"


def _codes_from_brackets(text: str, mentions: list[Mention]) -> None:
    """An organization the knowledge lacks takes the code of the short name in brackets
    after it ("die Sozialistische Arbeiterpartei (PSOE)")."""
    for name, short in zip(mentions, mentions[1:]):
        if (name.kind == "ORG" and name.code is None and short.code is not None
                and re.fullmatch(r"\s*\(\s*", text[name.end:short.start])):
            name.code, name.sector = short.code, short.sector


def _first_name(word: str) -> bool:
    """A first name that is no function word ("Am", "Bei", "Eine" are names somewhere
    too), or two joined by a hyphen ("Hans-Jochen")."""
    if "-" in word:
        return all(part in first_names() for part in word.split("-"))
    return word in first_names() and not _function_word(word)


def _function_word(word: str) -> bool:
    return word.lower() in read_words("lang/de/function_words.tsv")


_WORD_CHAR = re.compile(r"[\w'’-]")
_CAPITALS = re.compile(r"^[A-ZÄÖÜ]{2,}$")


def _repeated_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """Later mentions of a surname (or its genitive) whose full name the article gave:
    "Franz Beckenbauer ... Blatter und Beckenbauer", "Bushs Parteikollege"."""
    surnames = _surnames(mentions)
    if not surnames:
        return []
    covered = _covered(text, mentions)
    found = []
    for surname, full in surnames.items():
        start = text.find(surname)
        while start >= 0:
            end = start + len(surname)
            end += text.startswith("s", end)   # "Bushs Parteikollege"
            if (not covered[start] and (start == 0 or not _WORD_CHAR.match(text[start - 1]))
                    and (end == len(text) or not _WORD_CHAR.match(text[end]))):
                found.append(Mention(start, end, full.name, full.code, full.sector, "PER"))
            start = text.find(surname, end)
    return sorted(found, key=lambda m: m.start)


_PARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:van(?: der| den)?|ter|ten|de|da|di|dos|del|della|le|la) $")


def _names_with_particles(text: str, mentions: list[Mention]) -> None:
    """A surname's particle belongs to it ("van Gaal", "van der Vaart", "ter Horst";
    not "von", which is most often the preposition)."""
    for mention in mentions:
        if mention.kind == "PER":
            particle = _PARTICLE_BEFORE.search(text, max(0, mention.start - 8), mention.start)
            if particle:
                mention.start = particle.start()


def _resolve_short_names(mentions: list[Mention]) -> None:
    """A surname alone after the full name: "Biden" -> "Joe Biden", same code."""
    full: dict[str, Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.kind != "PER":
            continue
        words = mention.name.split()
        if len(words) >= 2:
            full[words[-1]] = mention
        elif words and words[0] in full and mention.code is None:
            known = full[words[0]]
            mention.name, mention.code, mention.sector = known.name, known.code, known.sector


def _role_before(mentions: list[Mention], ends: list[int], text: str, start: int) -> Mention | None:
    """A role mention (of `mentions`, sorted, whose ends are `ends`) that ends right
    before `start`, allowing ", " between, or with its complement between ("der
    Sondergesandte für Burundi, Ibrahima Fall")."""
    index = bisect.bisect_right(ends, start) - 1
    if index >= 0:
        mention = mentions[index]
        if mention.kind in ("ROLE", "NOM") and _ROLE_NAME_GAP.fullmatch(text, mention.end, start):
            return mention
        if mention.kind in ("GPE", "LOC", "ORG") and index >= 1 and _ROLE_NAME_GAP.fullmatch(text, mention.end, start):
            role = mentions[index - 1]
            if role.kind == "ROLE" and _ROLE_COMPLEMENT.fullmatch(text, role.end, mention.start):
                return role
    return None


def _company_before(mentions: list[Mention], ends: list[int], text: str, start: int) -> bool:
    """Whether a company's name (of `mentions`, sorted, whose ends are `ends`) stands
    right before `start`, one space between."""
    index = bisect.bisect_right(ends, start) - 1
    if index < 0:
        return False
    company = mentions[index]
    return company.kind == "ORG" and company.sector == "BUS" and company.end == start - 1 and text[start - 1] == " "


def _previous_word(text: str, start: int) -> str:
    """The last word of the 30 characters before `start` when white space follows it; else ""."""
    before = text[max(0, start - 30):start]
    words = before.split()
    return words[-1] if words and before[-1].isspace() else ""
