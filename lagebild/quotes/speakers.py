"""Who speaks: the noun phrase next to a speech cue, read through the actors layer.

A speaker is the fullest name the article gives (the actors layer already maps
"Biden" to "Joe Biden"), the person named in apposition to a role ("der Sprecher des
Außenministeriums, Ned Price"), or, for an unnamed source, its descriptor ("ein
hochrangiger Verwaltungsbeamter"); a later short descriptor ("der Beamte") and a
pronoun ("er") point back to an earlier speaker or actor.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from lagebild.actors.index import ActorIndex
from lagebild.actors.knowledge import offices
from lagebild.datafiles import read_words

ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen".split())
# Words that end the noun phrase after a cue ("sagte Biden am Donnerstag").
_PHRASE_STOPS = frozenset(
    "gegenüber in im am an auf bei vor nach während laut zu zum zur mit über für aus durch seit ab bis "
    "danach dazu daher damals jedoch aber und oder sowie heute gestern morgen bereits auch noch dann "
    "weiter zudem außerdem später zuvor nun jetzt dabei damit darin darauf hingegen indes allerdings "
    "kürzlich zuletzt erneut einmal wiederum demnach offenbar ebenfalls schon sogar nur nicht als wie "
    "so es sich, am "
    # auxiliaries, which end like adjectives but belong to no noun phrase ("In Italien wurde Medienberichten zufolge")
    "wurde wurden werde werden habe haben hatte hatten hätte hätten sei seien wäre wären ist sind war waren "
    "wird hat soll solle sollen sollte könne müsse".split())
PRONOUNS = frozenset("er sie es man".split())
_NAME_PARTICLES = frozenset("von van de al bin ibn".split())
# Two or three capitalised words that are no article or function word: a person's name.
_NAME_RUN = re.compile(r"\s*([A-ZÄÖÜ][\w'’-]+(?:\s+(?:al-|el-|bin\s+|de\s+|van\s+)?"
                       r"[A-ZÄÖÜ][\w'’-]+){1,2})(?=\s+(?:dem|der|den)\b|\s*$)")
_LEADING_ADVERB = re.compile(r"(?:etwa|dazu|dann|nun|jedoch|allerdings|zudem|weiter|ebenfalls|später|bereits|"
                             r"damals|noch|schon|selbst|außerdem|auch|daraufhin|zuletzt|erneut|wiederum)\s+")
_WORD = re.compile(r"[\w][\w'’.-]*")
_SPEAKER_KINDS = ("PER", "ROLE", "ORG", "GPE", "NOM")
MEDIA = re.compile(r"(?:Nachrichtenagentur|Agentur|Zeitung|Zeitschrift|Sender|Fernsehsender|Magazin|Blatt|"
                   r"Reportern|Journalisten|Medien)\b")


@dataclass(slots=True)
class Speaker:
    name: str
    code: str | None
    start: int
    end: int
    kind: str


_LOWER_WORD_AFTER = re.compile(r"\s+(?!(?:der|die|das|des|dem|den)\b)[a-zäöüß]+\b(?![-])")


def phrase_after(text: str, position: int, limit: int) -> tuple[int, int]:
    """The noun phrase that starts at `position` (after a cue): words up to
    punctuation, a quotation mark or a word that cannot belong to it."""
    start = _skip_space(text, position)
    for _ in range(2):      # "schreibt etwa Guardian-Kolumnist …", "sagte dazu der Sprecher"
        adverb = _LEADING_ADVERB.match(text, start, limit)
        if not adverb:
            break
        start = adverb.end()
    end = start
    after_noun = False      # after a noun only an article or a name particle goes on ("des", "von")
    for match in _WORD.finditer(text, start, limit):
        if text[end:match.start()].strip():          # punctuation between words
            break
        word = match.group().rstrip(".")
        if word.lower() in PRONOUNS and end == start:
            return start, match.start() + len(word)  # "sagte er am Montag"
        if word[:1].islower():
            joins = word in ARTICLES or word in _NAME_PARTICLES
            # "die Zeitungen La Dernière Heure und Het Laatste Nieuws": names joined by "und"
            names_go_on = word == "und" and after_noun and text[match.end():match.end() + 2].strip()[:1].isupper()
            if not names_go_on and (word.lower() in _PHRASE_STOPS or not (joins or (_adjective(word) and not after_noun))):
                break
            if end == start and not joins and _LOWER_WORD_AFTER.match(text, match.end()):
                break       # "Nach eigenen Angaben reagierte sie": a verb, no adjective of a noun phrase
            after_noun = False
        else:
            after_noun = True
        end = match.start() + len(word)
    return start, end


def phrase_before(text: str, position: int, floor: int) -> tuple[int, int]:
    """The noun phrase that ends right before `position` (a subject before its cue),
    reaching back to its article."""
    end = position
    while end > floor and text[end - 1].isspace():
        end -= 1
    start = end
    for match in reversed(list(_WORD.finditer(text, floor, end))):
        if text[match.end():start].strip() and start != end:
            break
        word = match.group()
        if word[:1].islower() and word not in ARTICLES and not _adjective(word):
            break
        start = match.start()
        if word.lower() in ARTICLES:
            break
    return start, end


def _adjective(word: str) -> bool:
    return word[:1].islower() and word.endswith(("e", "en", "er", "es", "em")) and len(word) > 3 and word not in _PHRASE_STOPS


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] == " ":
        position += 1
    return position


def speaker_in(index: ActorIndex, start: int, end: int) -> tuple[Speaker | None, Speaker | None]:
    """The speaker named in [start, end) and an addressee right after it ("sagte Biden
    Putin"; "der Nachrichtenagentur Reuters"), or (None, None)."""
    actors = [a for a in index.within(start, end) if a["kind"] in _SPEAKER_KINDS or a["kind"] == "PART"]
    unnamed = _NAME_RUN.match(index.text, start, actors[0]["start"] if actors else end)
    if unnamed and name_like(unnamed.group(1)) and (not actors or index.text[unnamed.end():actors[0]["start"]].strip() in ("dem", "der", "den")):
        # "sagte Riad Haddad dem Fernsehsender …": a name the knowledge lacks, then the addressee
        addressee = as_speaker(index, actors[0]) if actors else None
        return Speaker(unnamed.group(1), index.home_code(), unnamed.start(1), unnamed.end(1), "PER"), addressee
    if not actors:
        return _unknown_descriptor(index, start, end), None
    text = index.text
    first = actors[0]
    person = next((a for a in actors if a["kind"] == "PER"), None)
    if first["kind"] in ("GPE", "ADJ") and person is not None and not re.search(
            r"[,;]|\b(?:und|oder|sowie)\b", index.text[first["end"]:person["start"]]):
        first = person      # "Russlands Präsident Wladimir Putin"
        actors = actors[actors.index(person):]
    speaker = as_speaker(index, first)
    rest = actors[1:]
    # a role followed by its name: "Kreml-Sprecher Dmitri Peskow", "der Sprecher des Amts, Ned Price"
    if first["kind"] in ("ROLE", "PART", "NOM"):
        named = next((a for a in rest if a["kind"] == "PER"), None)
        if rest and rest[0]["kind"] in ("ORG", "GPE") and rest[0]["start"] - first["end"] <= 1:
            named = rest[0]     # "die Nachrichtenagentur Reuters"
        if named is not None:
            speaker, rest = as_speaker(index, named), [a for a in rest if a["start"] > named["start"]]
        else:
            speaker = describe(index, first, start, end)
            rest = [a for a in rest if a["start"] >= speaker.end]
    addressee = None
    for actor in rest:
        if actor["kind"] not in ("PER", "ORG", "GPE", "ROLE"):
            continue
        gap = text[speaker.end:actor["start"]]
        if gap.strip() == "" or MEDIA.search(gap) or gap.strip() in ("dem", "den"):
            addressee = as_speaker(index, actor)
        break
    return speaker, addressee


# Nouns that, with a definite article, point back to the last organization named.
_GENERIC_ORG = re.compile(r"^(?:der|die|das)\s+(?:Organisation|Behörde|Regierung|Ministerium|Partei|Gruppe|Miliz|"
                          r"Agentur|Zeitung|Zeitschrift|Sender|Unternehmen|Konzern|Firma|Hilfsorganisation|Verband|"
                          r"Gewerkschaft|Kommission|Institution|Einrichtung|Magazin|Blatt)$")
_REPORT_NOUN = re.compile(r"\b(?:Bericht|Berichten|Angaben|Informationen|Erkenntnissen|Darstellung|Einschätzung|"
                          r"Schätzungen|Aussagen|Quellen|Kreisen|Medienberichten|Schreiben|Erklärung|Mitteilung)$")
_DESCRIPTOR = re.compile(r"^(?:(?:[Dd]er|[Dd]ie|[Dd]as|[Ee]in|[Ee]ine|[Ee]iner)\s+)?(?:(?!dem\b|den\b|des\b|einem\b|einen\b)"
                         r"[a-zäöüß-]+(?:e|en|er|es|em)\s+){0,3}[A-ZÄÖÜ][\w-]{2,}"
                         r"(?:\s+[A-ZÄÖÜ][\w'’-]+){0,4}(?:\s+und\s+[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+){0,3})?"
                         r"(?:\s+(?:der|des)\s+(?:[a-zäöüß-]+\s+){0,2}[A-ZÄÖÜ][\w-]+)?$")


def _unknown_descriptor(index: ActorIndex, start: int, end: int) -> Speaker | None:
    """A speaker the actors layer does not know: "die Organisation" (the last organization
    named), "eine Kommissionssprecherin", "der 69-Jährige" (the descriptor itself)."""
    phrase = index.text[start:end].strip()
    if _GENERIC_ORG.match(phrase):
        actor = index.before(start, ("ORG",))
        if actor is not None and start - actor["start"] < 600:
            return Speaker(actor["name"], actor["code"], actor["start"], actor["end"], "ORG")
    if _DESCRIPTOR.match(phrase) and not _REPORT_NOUN.search(phrase) and _names_someone(phrase):
        inside = next((a["code"] for a in index.within(start, end) if a["code"]), None)
        return Speaker(phrase, inside or index.home_code(), start, end, "ROLE")
    return None


_NOT_IN_NAMES = frozenset("montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april "
                          "mai juni juli august september oktober november dezember".split())


def name_like(run: str) -> bool:
    function_words = read_words("lang/de/function_words.tsv")
    return not any(w.lower() in function_words or w.lower() in _NOT_IN_NAMES for w in run.split())


def _names_someone(phrase: str) -> bool:
    """A descriptor in the nominative whose head is a noun ("eine Kommissionssprecherin",
    "Regierungskritische Medien"), not an adverb ("Inzwischen") or an object ("Dem Arzt")."""
    words = phrase.split()
    if words[0].lower() in ("dem", "den", "des", "eines", "einem", "einen"):
        return False
    head = next((w for w in words if w[:1].isupper() and w.lower() not in ARTICLES), None)
    return head is not None and head.lower() not in read_words("lang/de/function_words.tsv") \
        and not head.lower().endswith(("weise", "falls", "dings"))


def as_speaker(index: ActorIndex, actor: dict) -> Speaker:
    """A person or organization by its full name; a state or seat as the text says it,
    with its article ("das Weiße Haus", "die Vereinigten Staaten")."""
    if actor["kind"] in ("PER", "ORG"):
        code = actor["code"] or (index.home_code() if actor["kind"] == "PER" else None)
        return Speaker(actor["name"], code, actor["start"], actor["end"], actor["kind"])
    start = actor["start"]
    article = re.search(r"\b(?:der|die|das|den|dem|des)\s+$", index.text[max(0, start - 5):start])
    if article:
        start -= len(article.group())
    return Speaker(index.text[start:actor["end"]], actor["code"], start, actor["end"], actor["kind"])


def describe(index: ActorIndex, actor: dict, floor: int, limit: int) -> Speaker:
    """An unnamed speaker: the descriptor around a role noun, from its article to its
    genitive complement ("ein Sprecher des Außenministeriums") and a place after it ("in
    Moskau"), resolved to the article's fuller descriptor of the same person ("der
    Beamte" -> "ein hochrangiger Verwaltungsbeamter"); the code of the role, else of its
    complement, else of the place, else the article's home."""
    text = index.text
    start, _ = phrase_before(text, actor["start"], max(floor, actor["start"] - 60))
    start = start if start < actor["start"] else actor["start"]
    end = actor["end"]
    code = actor["code"]
    complement = re.match(r"\s+(?:des|der)\s+", text[end:limit])
    if complement:
        owner = next((a for a in index.within(end, limit) if a["start"] <= end + complement.end() + 40), None)
        if owner is not None and owner["start"] >= end + complement.end() - 1:
            end = owner["end"]
            code = code or owner["code"]
            noun = re.match(r"\s+[A-ZÄÖÜ][\w-]*", text[end:limit]) if owner["kind"] == "ADJ" else None
            end += noun.end() if noun else 0      # "der sudanesischen Armee"
    place = re.match(r"\s+in\s+", text[end:limit])
    where = next((a for a in index.within(end, limit) if a["start"] == end + place.end()), None) if place else None
    if where is not None and where["kind"] in ("GPE", "LOC") and where["code"]:
        end, code = where["end"], code or where["code"]     # "ein Sprecher des Ministeriums in Moskau"
    if text[start:start + 3].lower() in ("der", "die", "das", "den", "dem", "des"):
        # "die Kanzlerin" is the "Bundeskanzlerin Angela Merkel" named before; "der Sprecher
        # des Außenministeriums" names an office of its own
        named = _named_in_role(index, actor) if complement is None else None
        earlier = _earlier_descriptor(index, actor) or named or _person_in_office(index, actor)
        if earlier is not None:
            return earlier
    return Speaker(text[start:end], code or index.home_code(), start, end, "ROLE")


_APPOSITION_GAP = re.compile(r"\s*(?:(?:für|des|der|von|in|im)\s+[\w-]+(?:\s+[\w-]+)?)?\s*,?\s*")


def _named_in_role(index: ActorIndex, actor: dict) -> Speaker | None:
    """"die Kanzlerin" after "Bundeskanzlerin Angela Merkel": the last person named in
    apposition to a role noun that ends like this one."""
    head = _stem(actor["text"].split("-")[-1]).lower()
    if actor["kind"] != "ROLE" or len(head) < 4:
        return None
    found = None
    for role, following in zip(index.actors, index.actors[1:]):
        if following["start"] >= actor["start"]:
            break
        if role["kind"] in ("ROLE", "PART") and following["kind"] == "PER" \
                and _APPOSITION_GAP.fullmatch(index.text[role["end"]:following["start"]]) \
                and _stem(role["text"]).lower().endswith(head):
            found = following      # "der AU-Sondergesandte für Burundi, Ibrahima Fall"
    for person in index.actors[:bisect.bisect_left(index.starts, actor["start"])]:
        if person["kind"] == "PER" and any(_stem(office).endswith(head) for office in offices().get(person["name"], ())) \
                and (found is None or person["start"] > found["start"]):
            found = person         # "Cameron … der Premierminister": an office the knowledge says he held
    if found is None or (actor["code"] and found["code"] and actor["code"] != found["code"]):
        return None
    return as_speaker(index, found)


def _person_in_office(index: ActorIndex, actor: dict) -> Speaker | None:
    """"die Kanzlerin", "der Premierminister": the person of the role's country named
    last before it (the actors layer codes roles by their country)."""
    if actor["kind"] != "ROLE" or not actor["code"]:
        return None
    position = actor["start"]
    while True:
        person = index.before(position, ("PER",))
        if person is None:
            return None
        if person["code"] == actor["code"]:
            return as_speaker(index, person)
        position = person["start"]


def _earlier_descriptor(index: ActorIndex, actor: dict) -> Speaker | None:
    """The first descriptor with an indefinite article whose role noun ends like this
    one's ("Verwaltungsbeamter" for "Beamte")."""
    head = _stem(actor["text"].split("-")[-1])
    if len(head) < 4:
        return None
    text = index.text
    for other in index.actors:
        if other["start"] >= actor["start"]:
            return None
        if other["kind"] == "ROLE" and _stem(other["text"]).lower().endswith(head.lower()):
            start, _ = phrase_before(text, other["start"], max(0, other["start"] - 60))
            if text[start:start + 3].lower() == "ein":
                return Speaker(text[start:other["end"]], other["code"] or actor["code"] or index.home_code(),
                               start, other["end"], "ROLE")
    return None


def _stem(word: str) -> str:
    for ending in ("innen", "in", "en", "er", "e", "n", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word
