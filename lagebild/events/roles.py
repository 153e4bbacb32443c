"""Who acts on whom: source and target actors around an event trigger, from word order
and case cues German gives without a parser.

* Active clauses: the source is the first free actor of the clause (not after a
  preposition, not marked as an object by "dem/den/einem/einen"); the target is the
  next free actor ("Biden warnte Putin", "als Moskau die Krim eroberte") or the actor
  after a preposition the trigger takes ("telefonierte mit Selenskyj").
* Passive clauses ("wurde von X angegriffen"): the source follows "von/durch", the
  target is the subject.
* Nouns: the source is a possessive or adjective before the noun ("Russlands Angriff",
  "russische Angriffe") or a genitive after it ("der Angriff Russlands"), else the
  clause's subject; the target follows a preposition ("auf die Ukraine").
* Coordination: actors joined by "und", "sowie" or commas form a group; each pair of
  source and target makes one event.
"""
from __future__ import annotations

import re

# Actor kinds that can act or be acted on; a place (LOC) only as a target ("eroberte die Krim").
SOURCE_KINDS = ("PER", "ORG", "GPE", "ROLE", "NOM", "PART")
TARGET_KINDS = SOURCE_KINDS + ("LOC",)
# "am Dienstag Vertreter": a day or a month after the preposition, not the actor's noun phrase
_TIME_WORD = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Wochenende|Morgen|Abend|" \
             r"Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b"
# A preposition, then lower-case words of its noun phrase (article, adjectives) and at most
# one capitalised word right before the actor ("mit dem ukrainischen Präsidenten Selenskyj"),
# or a noun and its genitive ("nach Angaben der Vereinten Nationen").
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:[Ii]n|[Ii]m|[Ii]ns|[Mm]it|[Vv]on|[Vv]om|[Üü]ber|[Aa]us|[Nn]ach|[Zz]u|[Zz]um|[Zz]ur|[Ff]ür|[Gg]egen|[Aa]n|[Aa]m|"
    r"[Aa]uf|[Bb]ei|[Bb]eim|[Vv]or|[Zz]wischen|[Uu]m|[Gg]egenüber|[Dd]urch|[Uu]nter(?!\s+anderem\b)|[Oo]hne|[Tt]rotz|[Ww]egen|"
    r"[Ll]aut|[Nn]ahe)\s+(?:[A-ZÄÖÜ][\w-]*\s+(?:der|des)\s+)?(?:[a-zäöüß][\w-]*\s+){0,3}"
    r"(?:(?!" + _TIME_WORD + r")[A-ZÄÖÜ][\w-]*\s+)?$")
_OBJECT_BEFORE = re.compile(r"\b(?:[Dd]em|[Dd]en|[Ee]inem|[Ee]inen|[Ii]hrem|[Ss]einem|[Ss]einen|[Ii]hren)\s+(?:[\w-]+\s+){0,2}$")
# "Lob für den Angriff auf den russischen Stützpunkt": an actor after a second
# preposition belongs to another noun phrase
_NESTED_PREPOSITION = re.compile(r"\b(?:an|am|auf|für|gegen|mit|nach|bei|über)\s")
_JOIN = re.compile(r"^\s*(?:,|und|sowie|oder|als\s+auch|,\s*und)\s*(?:(?:der|die|das|den|dem|des)\s+)?(?:[a-zäöüß-]+\s+){0,2}$")


def free(text: str, actor: dict, floor: int) -> bool:
    """An actor that stands as a subject or a direct object: not after a preposition, and
    not the abbreviation in brackets after a name ("Ärzte ohne Grenzen (MSF)")."""
    if text[actor["start"] - 1:actor["start"]] == "(" and text[actor["end"]:actor["end"] + 1] == ")":
        return False
    before = text[max(floor, actor["start"] - 40):actor["start"]]
    return not _PREPOSITION_BEFORE.search(before)


def dative_or_accusative(text: str, actor: dict, floor: int) -> bool:
    return bool(_OBJECT_BEFORE.search(text[max(floor, actor["start"] - 30):actor["start"]]))


def group(text: str, actors: list[dict], first: dict) -> list[dict]:
    """`first` and the actors coordinated with it ("Biden und Putin", "Großbritannien,
    Frankreich und Deutschland")."""
    members = [first]
    index = actors.index(first)
    following = actors[index + 1:]
    for position, actor in enumerate(following):
        gap = text[members[-1]["end"]:actor["start"]]
        if (len(members) == 1 and gap.strip() == "," and actor["kind"] == "PER" and first["kind"] in ("ROLE", "ORG", "NOM")
                and text[actor["end"]:actor["end"] + 1] == ","):
            break       # "Der UN-Hochkommissar, Said Raad al-Hussein, hatte …": the name is an apposition
        if _JOIN.match(gap):
            after = following[position + 1] if position + 1 < len(following) else None
            if actor["kind"] == "ADJ" and after is not None and after["start"] - actor["end"] <= 1:
                members.append(after)    # "und sein russischer Amtskollege": the noun, not the adjective
                continue
            members.append(actor)
        elif (actor["start"] == members[-1]["end"] + 1 and actor["kind"] in ("PER", "ORG", "GPE")
              and (members[-1]["kind"] in ("ROLE", "NOM", "PART") or members[-1]["kind"] == actor["kind"] == "ORG")):
            # "Außenminister Sergej Lawrow", "die Agentur Reuters", "die Behörden Irans",
            # "die Linkspartei Podemos": the name stands
            members[-1] = actor
        elif (actor["start"] == members[-1]["end"] + 1 and actor["kind"] in ("ROLE", "NOM", "PER")
              and members[-1]["kind"] == "GPE" and text[members[-1]["end"] - 1] == "s"):
            members[-1] = actor     # "Russlands Präsident", "Chinas Außenminister Wang Yi": the state owns the actor
        else:
            break
    return members


def after_preposition(text: str, actors: list[dict], prepositions: tuple[str, ...], start: int, end: int) -> list[dict]:
    """The actors right after one of `prepositions` in text[start:end] ("mit dem
    ukrainischen Präsidenten Wolodymyr Selenskyj"), with those coordinated with them."""
    for match in re.finditer(r"\b(" + "|".join(prepositions) + r")\b", text[start:end]):
        position = start + match.end()
        following = [a for a in actors if position <= a["start"] < position + 60 and a["kind"] in TARGET_KINDS + ("ADJ",)]
        if following and not re.search(r"[,.;]", text[position:following[0]["start"]]) \
                and not _NESTED_PREPOSITION.search(text[position:following[0]["start"]]):
            return group(text, actors, following[0])
    return []
