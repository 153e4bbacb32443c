"""The events stage: who did what to whom, when and where (CODEBOOK.md section 4).

Triggers come from the lexicon `lang/de/event_triggers.tsv` (verbs with their
separable particles, nouns, noun + verb phrases); the source and target from word
order and case cues around them (lagebild/events/roles.py); the date from the time
expression of the trigger's clause, else of its sentence, else none when the pluperfect
or a habitual adverb sets the act apart from the story's time, else a recent day or weekend
named in the two sentences before ("context"), else the first day the article names in
the week before publication ("story"), else the publication date;
the status from the clause (negated: "nicht", "kein"; hypothetical: "falls", "wenn";
planned: future tense, "planen", "wollen", "sollen"); the location from a place after
"in" or the dateline. Inside a quote, "wir"/"ich" is the speaker and "mir"/"uns" the
speaker as target. Every event carries `why`: the lexicon entry and the rule.

One record per distinct (type, source code, target code, date) per article; events
whose source has no code, and events of a type that needs a target without one, are
dropped, not guessed.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from lagebild.actors.index import ActorIndex
from lagebild.document import Document, Sentence
from lagebild.events.lexicon import Trigger, lexicon, word_triggers
from lagebild.events.roles import SOURCE_KINDS, TARGET_KINDS, after_preposition, dative_or_accusative, free, group
from lagebild.pipeline import stage
from lagebild.stages.times import granularity
from lagebild.temporal.tense import clause_tense

LANGUAGES = ("de",)
# Types that may go without a target (CODEBOOK.md section 4).
UNDIRECTED = frozenset("PROTEST MOBILIZE RETREAT ASSAULT COERCE".split())
SYMMETRIC = frozenset("CONSULT AGREE COOPERATE".split())
# Types whose target may be the place where they happen ("Luftangriffe im Nordirak",
# "forderte Wahlen in Syrien").
_TERRITORIAL = frozenset("ASSAULT COERCE MOBILIZE REJECT REQUEST".split())
# "als <disparaging word> bezeichnen/betrachten": the words that make the phrase an accusation
_DISPARAGING = re.compile(
    r"\bals\b(?:\s+[\w-]+){0,5}?\s+[\w-]*(?:illegal|illegitim|widrig|inakzeptabel|unannehmbar|unverantwortlich|grausam|"
    r"unmenschlich|barbarisch|brutal|provokation|bedrohung|verbrech|terror|lüge|lügner|schande|skandal|farce|rassist|"
    r"diktator|invasion|aggress|verstoß|verstöße|hexenjagd|propaganda|erpress|besatz|kriegserklärung|affront|verrat|"
    r"verräter|kriminell|schändlich|empörend|beschämend|völkermord|genozid|massaker|gefährlich|absurd|heuchle|heuchel|"
    r"faschist|extremist|mörder|betrug|betrüg|fälschung|manipul|einmischung|willkür|unrechtmäßig|unzulässig|unerträglich|"
    r"feindselig|sabotage|putsch|staatsstreich)", re.IGNORECASE)
# "unterstützen mit …": support given in arms, forces or money is aid
_MATERIAL_MEANS = re.compile(r"\bmit\s+(?:[\w-]+\s+){0,4}?[\w-]*(?:Waffen|Munition|Panzer|Luftangriff|Luftschläg|Kampfjets|"
                             r"Truppen|Soldaten|Beratern|Ausbildern|Geld|Millionen|Milliarden|Krediten|Hilfsgütern|"
                             r"Lebensmitteln|Ausrüstung|Material)")
# "aus dem Klimavertrag", "aus einem Bündnis": what a state leaves is an agreement, not a place
_FROM_AGREEMENT = re.compile(r"\baus\s+(?:de[mnr]|eine[mr])\s+(?:[\w-]+\s+)?[\w-]*(?:[Aa]bkommen|[Vv]ertrag|[Vv]ereinbarung|"
                             r"[Bb]ündnis|[Pp]akt|[Dd]eal|[Kk]oalition)\b")
# Attacks that are words when a politician makes them on a politician or a party.
_VERBAL_ATTACK = frozenset("Angriff Angriffe Attacke Attacken".split())
_POLITICAL = frozenset("GOV LEG PTY OPP".split())
# Acts of coercion that are the use of force when the military acts.
_FORCE_BY_MILITARY = frozenset({"vorgehen"})
# A protest that is an official complaint when a state or its government makes it.
_OFFICIAL_PROTEST = frozenset({"protestieren", "Protest"})
# a number or quantifier before a name: people, not the state ("tausende Ungarn")
_QUANTITY_BEFORE = re.compile(r"(?:\d|[Tt]ausende|[Hh]underte|[Zz]ehntausende|[Vv]iele|[Ee]inige|[Zz]ahlreiche|"
                              r"[Mm]ehrere)\s+$")
# Verbs that tell a casualty: in the passive without an agent they name no one who acted.
_CASUALTY = frozenset({"töten", "verletzen", "umbringen"})
# Types whose passive without a named subject is done to people of the article's state.
_PERSONAL = frozenset("SANCTION RETREAT ACCUSE".split())
_NEGATION = re.compile(r"\b(?:nicht|kein|keine|keinen|keinem|keiner|nie|niemals)\b")
_INFINITIVE_CLAUSE = re.compile(r",\s+[^,;:.]{0,80}?\bzu\s+[a-zäöüß]+\b|,\s+[^,;:.]{0,80}?\b[a-zäöüß]+zu[a-zäöüß]+en\b")
_KEIN = re.compile(r"\bkein(?:e|en|em|er|es)?\b")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(?:-WE)?$")
_REFUSAL = re.compile(r"\b(?:weigert\w*|geweigert|verweigert\w*|lehnte?n? es ab|abgelehnt)\b")
# a condition, or an obligation ("X müsse sich entschuldigen"): nothing has happened
_CONDITION = re.compile(r"\b(?:falls|wenn|sofern|solange|sollte|sollten|würde|würden|muss|müsse|müssen|müsste|müssten)\b",
                        re.IGNORECASE)
# "…, bis die Separatisten abziehen": the limit of another act, not yet reached
_UNTIL = re.compile(r"\s*bis\s+(?:der|die|das|den|dem|er|sie|es|wir|ihr)\s")
_PROPOSAL = re.compile(r"\b(?:Idee|Plan|Pläne|Plänen|Vorschlag|Vorschläge|Absicht|Forderung|Angebot|Möglichkeit|Versuch|Versuche)\b")
_PLAN = re.compile(r"\b(?:plant|planen|geplant|will|wollen|soll|sollen|beabsichtigt|vorgesehen)\b")
_ANY_FURTHER = re.compile(r"\b(?:[Jj]ede[rsnm]?|[Ee]ine[rsnm]?)\s+weitere[rsnm]?\s+(?:[\w-]+\s+)?$")
# "wird … genommen": werden with a participle at the clause's end is a passive, not the future
_PASSIVE_PRESENT = re.compile(r"\b(?:wird|werden)\b.*\s(?:ge\w+(?:t|en)|\w+iert)\s*[.!?]?\s*$")
_PRONOUN_SUBJECT = re.compile(r"\s*(?:[Ee]r|[Ss]ie)\s+(?!\w+en\b)")
_REPORTED_PRONOUN = re.compile(r"\s*(?:er|sie|es)\s")
# the speech verb of a clause that a reported clause follows ("Das Ministerium teilte mit, …")
_SPEECH_BEFORE = re.compile(r"\b(?:sagt|sagte|sagten|erklärt|erklärte|erklärten|betont|betonte|betonten|teilt|teilte|teilten|"
                            r"versichert|versicherte|bekräftigte|behauptet|behauptete|argumentierte|meinte|warnte)\b"
                            r"[^,;:]*,\s*$")
_PRONOUN_AFTER_VERB = re.compile(r"\s+(?:er|sie)\b")
_AUXILIARY = r"(?:hat|hatte|haben|hatten|habe|hätten|ist|war|sind|waren|wird|wurde|werden|wurden|soll|sollen|will|wollen|" \
             r"kann|können|muss|müssen)"
# "beschuldigte (am Montag) (erneut) drei weitere Personen": an object noun phrase after the verb
_OBJECT_NOUN = re.compile(
    r"^\s+(?:" + _AUXILIARY + r"\s+)?(?:(?:am|im|seit|vom)\s+[A-ZÄÖÜ]\w+\s+)?"
    r"(?:(?:erneut|auch|zudem|bereits|nun|jetzt|wiederholt|offiziell|formell|mehrfach)\s+)*"
    r"(?:(?:den|die|das|dem|[Dd]iese[nmrs]?|einen|eine|einem|drei|zwei|mehrere|zahlreiche|weitere|[a-zäöüß]+e[nmrs]?)\s+){1,3}"
    r"(?!(?:Woche|Monat|Monats|Jahr|Jahres|Nacht|Tag|Tage)\b)[A-ZÄÖÜ][a-zäöüß]+")   # not "vergangene Woche"
# "hat den Mann … verurteilt", "hat Hacking-Vorwürfe zurückgewiesen": an object before a verb at the clause's end
_OBJECT_PHRASE = re.compile(r"\b(?:(?:den|dem|einen|einem|zwei|drei|mehrere|zahlreiche)\s+(?:[a-zäöüß]+e[nmrs]?\s+)?"
                            r"|(?:hat|hatte|haben|hatten)\s+)[A-ZÄÖÜ][\w-]+")
# "mit weithin verurteilten Luftschlägen": an article or preposition and adverbs only
_DETERMINER_BEFORE = re.compile(r"\b(?:[Dd]ie|[Dd]er|[Dd]en|[Dd]em|[Dd]es|[Ee]ine[mnrs]?|mit|von|nach|bei|gegen|für)"
                                r"(?:\s+[a-zäöüß]+){0,3}\s+$")
_AGENT_BEFORE = re.compile(r"\b(?:von|vom)\s+(?:[\w-]+\s+){1,5}$")
_NOUN_PHRASE_AFTER = re.compile(r"\s+(?:[a-zäöüß]+e[nmrs]?\s+)?[A-ZÄÖÜ]")
# a perfect infinitive after the trigger: the act is what someone claims or denies
_ALLEGED = re.compile(r"(?:\s+und\s+[\w-]+)?\s+zu\s+haben\b")
# "seine Unterstützung", "ihr Treffen"; "bei einem Besuch", "beim Empfang", "zu einem Treffen"
_POSSESSIVE_BEFORE = re.compile(r"\b(?:[Ss]ein|[Ii]hr)(?:e|en|em|er|es)?\s+(?:[a-zäöüß]+\s+)?$")
_MEETING_BEFORE = re.compile(r"\b(?:[Bb]ei|[Bb]eim|[Nn]ach|[Vv]or|[Ww]ährend|[Zz]u|[Zz]um)\s+"
                             r"(?:(?:de[mnrs]|eine[mnrs]?|sein\w*|ihr\w*)\s+)?(?:[a-zäöüß]+\s+)?$")
# the pluperfect and habitual adverbs: an act apart from the story's day
_PLUPERFECT = re.compile(r"\b(?:hatte|hatten|war|waren)\b")
_HABITUAL = re.compile(r"\b(?:wiederholt|immer wieder|stets|bisher|bislang|mehrfach|seit (?:langem|Jahren|Monaten))\b")
# "war verhaftet": sein with a participle is a passive for acts done to people ("war gereist" is not)
_STATE_PASSIVE = re.compile(r"\b(?:war|waren|ist|sind)\b")
_PASSIVE = re.compile(r"\b(?:wurde|wurden|worden|wird|werden)\b")
_FIRST_PERSON_SOURCE = re.compile(r"\b(?:[Ww]ir|[Ii]ch)\b")
_THAT_CLAUSE = re.compile(r",\s+dass\s")
_WHICH = re.compile(r"\s*was\s")
_RECEIVE = re.compile(r"\b(?:bekommt|bekam|bekamen|bekommen|erhält|erhielt|erhielten|erhalten)\b")
_FIRST_PERSON_AFTER_VERB = re.compile(r"\s+(?:ich|wir)\b")     # "Diese Anschuldigungen weise ich zurück"
_FIRST_PERSON_TARGET = re.compile(r"\b(?:[Mm]ir|[Uu]ns|[Mm]ich|[Uu]nsere[nmrs]?|[Mm]eine[nmrs]?)\b")
# A clause ends at a comma, semicolon, colon, bracket, bullet or dash; quotation marks do not end
# it ("warnte Putin vor „Konsequenzen“").
_CLAUSE_BOUNDARY = re.compile(r"[,;:()•]|\s[–—-]\s")
_SHORT_BRACKET = re.compile(r"\([^(),;:]{1,40}\)")
_NAMED = ("PER", "ORG", "GPE", "LOC")
_RELATIVE = re.compile(r"\s*(?:(?:mit|von|zu|in|bei|für|gegen|auf|über|nach|aus)\s+)?"
                       r"(?:der|die|das|dem|den|denen|deren|dessen|welche[rsnm]?|wie)\s")
_AUXILIARY_FIRST = re.compile(_AUXILIARY + r"\b")
_AGENT_GOES_ON = re.compile(r"\s*(?:(?:des|der)\s+(?:[a-zäöüß]+e[nmrs]?\s+)?)?")
_ANY_AUXILIARY = re.compile(r"\b" + _AUXILIARY + r"\b")
_PARTICIPANTS_AFTER = re.compile(r"\s+(?:von|zwischen)\s")
_GENITIVE_GAP = re.compile(r"\s*(?:(?:des|der|von|vom)\s+(?:[a-zäöüß]+e[nmrs]?\s+)?)?")
_RELATIVE_OBJECT = re.compile(r"\s*,\s*(?:die|den|das)\s+")
_CONTINUATION = re.compile(r"(?:und|sowie|oder|aber|sondern|dann|zudem)\b")
# Verbs that make a noun trigger the subject's act ("führte Gespräche", "verhängte Sanktionen").
_SUPPORT_VERB = re.compile(
    r"\b(?:führ|halt|hielt|abgehalten|gehalten|geführt|kündig|angekündigt|start|begann|begonnen|beginn|leist|"
    r"geleistet|flieg|flog|geflogen|verhäng|verstärk|ausweit|weitet|ausgeweitet|setzt\w* fort|fortgesetzt|"
    r"schloss|geschlossen|unterzeichn|unterbreit|stell|gestellt|richt|gerichtet|erhob|erhoben|erheb|"
    r"äußer|geäußert|übt|geübt|drück|gedrückt|sprach|gesprochen|sprech|spricht|bot|geboten|biet|"
    r"sicher|gesichert|kam|gekommen|komm|reist|gereist|fuhr|gefahren|statt|traf|getroffen|empfing|empfangen)",
    re.IGNORECASE)
_AFTER_PREPOSITION = re.compile(r"\b(?:über|vor|nach|wegen|trotz|seit|bei|mit|von|zu|zur|zum|in|im|für|gegen|angesichts)"
                                r"\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def clause_boundaries(text: str, sentence_start: int, sentence_end: int) -> list[tuple[int, int]]:
    """The spans of the marks that end clauses in a sentence; a short bracket ("die
    Sozialistische Arbeiterpartei (PSOE)") ends none."""
    brackets = [(m.start(), m.end()) for m in _SHORT_BRACKET.finditer(text, sentence_start, sentence_end)]
    return [m.span() for m in _CLAUSE_BOUNDARY.finditer(text, sentence_start, sentence_end)
            if not any(a <= m.start() < b for a, b in brackets)]


@stage(requires=("text", "sentences", "tokens", "times", "actors", "quotes"), provides=("events",))
def tag_events(doc: Document) -> Document:
    """Reads doc.text, doc.sentences, doc.tokens, doc.times, doc.actors, doc.quotes and
    doc.published; adds doc.events."""
    doc.events = []
    if doc.language not in LANGUAGES or not doc.actors:
        return doc
    coder = _EventCoder(doc)
    for sentence, words in zip(doc.sentences, doc.words_by_sentence()):
        for trigger, start, end in coder.triggers(sentence, words):
            coder.code(trigger, start, end, sentence)
    doc.events = coder.events
    return doc


class _EventCoder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.lexicon = lexicon("de")
        self.index = ActorIndex(doc.text, doc.actors)
        self.events: list[dict] = []
        self.seen: set[tuple] = set()
        self.story_day = self._story_day()
        self._boundaries: dict[int, list[tuple[int, int]]] = {}   # sentence start -> clause_boundaries

    def clause(self, start: int, end: int, sentence: Sentence) -> tuple[int, int]:
        """The clause around text[start:end] within its sentence (its boundaries found once)."""
        boundaries = self._boundaries.get(sentence.start)
        if boundaries is None:
            boundaries = self._boundaries[sentence.start] = clause_boundaries(self.text, sentence.start, sentence.end)
        left = max((b for a, b in boundaries if b <= start), default=sentence.start)
        right = min((a for a, b in boundaries if a >= end), default=sentence.end)
        return left, right

    # --- triggers ---------------------------------------------------------------------------

    def triggers(self, sentence: Sentence, words: list[tuple[int, int, str]]) -> list[tuple[Trigger, int, int]]:
        """The triggers of a sentence: (trigger, start, end). A phrase ("Sanktionen
        verhängen") wins over its noun alone; a particle verb needs its particle."""
        found: list[tuple[Trigger, int, int]] = []
        phrase_nouns: set[int] = set()
        for start, end, word in words:
            entry = word_triggers(word)
            if entry is None:
                continue
            phrases, offset, candidates = entry
            start += offset
            for trigger in phrases:
                noun = self._word_in_clause(trigger.noun, start, end, sentence)
                if noun is not None and self._particle_follows(trigger, end, sentence):
                    found.append((trigger, start, end))
                    phrase_nouns.add(noun)
            if not candidates or self._inside_name(start):
                continue        # "Organisation für Sicherheit und Zusammenarbeit": a name, no event
            for trigger in candidates:
                if self._particle_follows(trigger, end, sentence):
                    found.append((trigger, start, end))
        phrase_verbs = {s for t, s, _ in found if t.kind == "phrase"}
        # "räumte … ein" is einräumen, not räumen
        particle_verbs = {s for t, s, _ in found if t.particle is not None}
        return [(t, s, e) for t, s, e in found
                if t.kind == "phrase" or (s not in phrase_nouns and s not in phrase_verbs
                                          and (t.particle is not None or s not in particle_verbs))]

    def _inside_name(self, position: int) -> bool:
        return any(a["start"] <= position < a["end"] and a["kind"] in _NAMED and a["end"] - a["start"] > 12
                   and " " in a["text"] for a in self.index.within(max(0, position - 80), position + 1))

    def _word_in_clause(self, word: str, start: int, end: int, sentence: Sentence) -> int | None:
        left, right = self.clause(start, end, sentence)
        match = re.search(rf"(?<![\w-]){re.escape(word)}\b", self.text[left:right])
        return left + match.start() if match else None

    def _particle_follows(self, trigger: Trigger, end: int, sentence: Sentence) -> bool:
        if trigger.particle is None:
            return True
        _, right = self.clause(end, end, sentence)
        if re.search(rf"\b{trigger.particle}\b", self.text[end:right]) is not None:
            return True
        # "ging gegen Anhänger in Justiz, Polizei und Medien vor": the particle closes the sentence
        return re.search(rf"\s{trigger.particle}\s*[.!?]?\s*$", self.text[end:sentence.end]) is not None

    # --- roles -------------------------------------------------------------------------------

    def code(self, trigger: Trigger, start: int, end: int, sentence: Sentence) -> None:
        text = self.text
        if trigger.kind == "verb" and self._attributive(start, end):
            return
        left, right = self.clause(start, end, sentence)
        if trigger.noun == "als" and not _DISPARAGING.search(text, left, right):
            return      # "bezeichnete ihn als Rassisten", not "bezeichnete ihn als Freund"
        if trigger.type == "RETREAT" and _FROM_AGREEMENT.search(text, left, right):
            # "zog sich aus dem Abkommen mit Iran zurück": the agreement is rejected, no troops move
            trigger = dataclasses.replace(trigger, type="REJECT", targets=("mit",))
        actors = [a for a in self.index.within(left, right) if a["kind"] in TARGET_KINDS + ("ADJ",)]
        sources, targets, rule = self._roles(trigger, start, end, left, right, sentence, actors)
        if not sources:
            return
        if not targets and len(sources) > 1 and (trigger.type in SYMMETRIC or {"mit", "zwischen"} & set(trigger.targets)):
            # "Putin und Biden trafen sich": one event per pair of different states
            distinct = list({self._code(a): a for a in sources if self._code(a)}.values())
            sources, targets, rule = distinct[:1], distinct[1:], rule + "+coordination"
        if not targets and trigger.type in _TERRITORIAL:
            targets = self._place(left, right)      # "bombardierte Ziele im Gazastreifen"
            rule += "+place" if targets else ""
        elif trigger.type == "ASSAULT" and {self._code(t) for t in targets} == {self._code(sources[0])}:
            # "Luftangriffe auf Stellungen der eigenen Rebellen im Nachbarland": the attack on foreign soil
            abroad = [p for p in self._places(left, right) if p["code"] not in {self._code(t) for t in targets}]
            targets, rule = targets + abroad, rule + ("+abroad" if abroad else "")
        if trigger.type == "CONSULT" and targets and not all(self._known(t) for t in targets):
            # "In Bagdad traf er Ministerpräsident X", "Dort traf er …": whom one meets abroad is of that state
            host = self._host(left, right, sentence)
            targets = [t if self._known(t) or not host else dict(host[0]) for t in targets]
        between = text[self._source_end(sources):start] if sources else ""
        object_before = sources and (_OBJECT_NOUN.search(" " + between.lstrip(" ,") + " ") or _OBJECT_PHRASE.search(between))
        if not targets and "obj" in trigger.targets and trigger.kind in ("verb", "phrase") \
                and (_OBJECT_NOUN.search(text[end:right]) or object_before):
            # "beschuldigte drei weitere Personen": people of no named state are of the article's
            targets, rule = self._state(self.index.home_code()), rule + "+home object"
        if not targets and trigger.type in ("ASSAULT", "COERCE") and not self._pronoun_target(trigger, end, right):
            # "Die Polizei nahm mehrere Menschen fest": force against people of no named
            # state is coded as against the state the article is about
            targets = self._state(self.index.home_code() or self._code(sources[0]))
            rule += "+home target" if targets else ""
        if not targets and not trigger.targets and trigger.kind == "verb":
            # "weigerte sich, mit der PSOE zu verhandeln": the party of the refused act
            targets = self._infinitive_target(right, sentence, sources)
            rule += "+infinitive target" if targets else ""
        if not targets and trigger.type in ("ACCUSE", "REJECT") and trigger.kind == "verb" and "obj" in trigger.targets:
            # "bestritt, dass der Minister festgehalten werde": the subject of the claim
            targets = self._that_clause_subject(right, sentence, sources)
            rule += "+that-clause target" if targets else ""
        if not targets and "obj" in trigger.targets and _WHICH.match(text, left):
            # "…, was Iran scharf kritisierte": the actor of the main clause's act
            targets = [e["source"] | {"kind": "GPE"} for e in self.events[-1:]
                       if e["sentence"]["start"] == sentence.start and e["trigger_start"] < start]
            rule += "+act of the main clause" if targets else ""
        if not targets and trigger.type not in UNDIRECTED:
            return
        date, level, date_from = self._date(start, end, left, right, sentence)
        clause = text[left:right]
        if trigger.kind == "noun":
            # "Das Treffen brachte keinen Durchbruch": "kein" after the noun belongs to another noun
            clause = text[left:end] + _KEIN.sub(" ", text[end:right])
        status = self._status(clause, text[sentence.start:left], text[start - 3:start] == "zu ")
        if text[sentence.start:sentence.end].rstrip().endswith("?") and not self._quote_at(start):
            status = "hypothetical"     # "Vom Geheimdienst verschleppt?": a question reports nothing
        elif _ANY_FURTHER.search(text[max(left, start - 40):start]):
            status = "hypothetical"     # "jede weitere russische Aggression": none has happened
        elif _ALLEGED.match(text, end):
            status = "hypothetical"     # "wirft ihm vor, X unterstützt zu haben": a claim, not a report
        if trigger.type == "SUPPORT" and _MATERIAL_MEANS.search(text, end, right):
            trigger = dataclasses.replace(trigger, type="AID")      # "unterstützt die Armee mit Waffen"
        if trigger.entry in _VERBAL_ATTACK and self._between_politicians(sources, targets):
            trigger = dataclasses.replace(trigger, type="ACCUSE")   # "die Attacken des Kanzlers gegen die Opposition"
        if trigger.entry in _FORCE_BY_MILITARY and sources[0].get("sector") == "MIL":
            trigger = dataclasses.replace(trigger, type="ASSAULT")   # "Die Armee geht gegen Rebellen vor"
        if trigger.entry in _OFFICIAL_PROTEST and targets and self._state_acts(sources[0]):
            trigger = dataclasses.replace(trigger, type="ACCUSE", mode=None)   # "Mexiko protestierte gegen …"
        for source in sources:
            for target in targets or [None]:
                self._add(trigger, start, end, sentence, source, target, (date, level, date_from), status, rule)

    def _state_acts(self, actor: dict) -> bool:
        """A government, or a state named as one ("Mexiko"; not "tausende Ungarn")."""
        return actor.get("sector") == "GOV" or (
            actor["kind"] == "GPE" and not _QUANTITY_BEFORE.search(self.text, max(0, actor["start"] - 30), actor["start"]))

    @staticmethod
    def _between_politicians(sources: list[dict], targets: list[dict]) -> bool:
        return bool(targets) and sources[0]["kind"] == "PER" and sources[0].get("sector") in _POLITICAL \
            and all(t["kind"] in ("PER", "ROLE") or t.get("sector") in _POLITICAL for t in targets)

    def _pronoun_target(self, trigger: Trigger, end: int, right: int) -> bool:
        """"die Angriffe auf sie": the target is named before; not people of the article's state."""
        prepositions = "|".join(p for p in trigger.targets if p != "obj")
        return bool(prepositions) and re.search(rf"\b(?:{prepositions})\s+(?:sie|ihn|ihm|ihnen|uns|es)\b",
                                                self.text[end:right]) is not None

    def _agent_phrase(self, agent: list[dict], actors: list[dict]) -> list[dict]:
        """The agent and what goes on its phrase: "von Agenten des Geheimdiensts X"."""
        phrase = list(agent)
        for actor in actors if agent else []:
            last = max(a["end"] for a in phrase)
            if actor not in phrase and 0 <= actor["start"] - last <= 40 \
                    and _AGENT_GOES_ON.fullmatch(self.text, last, actor["start"]):
                phrase.append(actor)
        return phrase

    def _headline_participle(self, end: int, left: int, right: int, sentence: Sentence) -> bool:
        """"Drei Journalisten in Minsk festgenommen": a participle closing a clause that opens the
        sentence (or follows a colon or dash), with no auxiliary before it, is a passive."""
        opening = self.text[sentence.start:left].rstrip()
        return (not opening or opening[-1] in ":–—-") and not self.text[end:right].strip(" .!?\"“”") \
            and not _ANY_AUXILIARY.search(self.text, sentence.start, end)

    def _attributive(self, start: int, end: int) -> bool:
        """"den von einem Extremisten ermordeten Politiker", "mit von der Türkei unterstützten
        Rebellen": a participle with an adjective's ending after its agent describes a noun;
        it reports no act of its own."""
        word = self.text[start:end]
        stem = next((word[:-len(e)] for e in ("en", "e", "er", "es", "em") if word.endswith(e)), None)
        return (stem in self.lexicon.participles
                and (_AGENT_BEFORE.search(self.text, max(0, start - 60), start) is not None
                     or _DETERMINER_BEFORE.search(self.text, max(0, start - 60), start) is not None)
                and _NOUN_PHRASE_AFTER.match(self.text, end) is not None)

    def _roles(self, trigger, start, end, left, right, sentence, actors):
        text = self.text
        speaker = self._quote_speaker(start)
        if trigger.targets == ("subj",):
            # „Das Regime verstoße gegen die Auflagen“, said by a minister: the speaker accuses the subject
            subject = self._subject(actors, left) or self._state(self.index.home_code())
            return ([speaker], subject, "speaker judges subject") if speaker else ([], [], "")
        if trigger.kind == "noun":
            sources, genitive = self._noun_source(trigger, start, end, left, sentence, actors)
            rule = "noun"
            targets = self._targets(trigger, start, end, end, right, actors, sources) or genitive
            if not targets and trigger.type in SYMMETRIC and _PARTICIPANTS_AFTER.match(text, end):
                # "das Treffen von Erdoğan und Putin": the participants follow the noun
                named = after_preposition(text, actors, ("von",), end, right)
                if len(named) > 1:
                    sources, targets = named[:1], named[1:]
            giver = after_preposition(text, actors, ("von", "vom"), end, right) if _RECEIVE.search(text, left, start) else []
            if giver:
                # "Sie erhielt Beistand von der Opposition": the giver acts on the subject
                return giver, self._sentence_subject(start, sentence), "noun+received"
            if not sources and len(targets) > 1 and "zwischen" in trigger.targets:
                sources, targets = targets[:1], targets[1:]     # "das Treffen zwischen Scholz und Macron"
            relative = _RELATIVE_OBJECT.match(text, end)
            if not sources and relative:
                # "Drohungen, die Nordkorea gegen Südkorea ausgestoßen hat": the relative clause's subject acts
                inner_end = self._clause_end(relative.end())
                inner = [a for a in self.index.within(relative.end(), inner_end) if a["kind"] in TARGET_KINDS + ("ADJ",)]
                sources = self._subject(inner, relative.end())
                if sources:
                    targets = self._targets(trigger, start, end, relative.end(), inner_end, inner, sources)
                    rule = "noun+relative clause"
            return sources, targets, rule
        elif (trigger.kind == "verb" or (trigger.kind == "phrase" and trigger.type in _PERSONAL)) \
                and text[start:end] in self.lexicon.participles and (
                    _PASSIVE.search(text[left:right])
                    or (trigger.entry != text[start:end] and self._headline_participle(end, left, right, sentence))
                    or (trigger.type in _PERSONAL | {"COERCE"} and _STATE_PASSIVE.search(text[left:right]))):
            # "wurde zu vier Jahren Haft verurteilt"; not "wurde die Unterstützung der USA zugesichert",
            # where the phrase's noun names the source
            agent = after_preposition(text, actors, ("von", "vom", "durch"), left, right)
            phrase = self._agent_phrase(agent, actors)
            subjects = [a for a in actors if a["kind"] in TARGET_KINDS and free(text, a, left) and a not in phrase]
            if agent:
                return agent, group(text, actors, subjects[0]) if subjects else [], "passive"
            if trigger.entry in _CASUALTY or trigger.type in ("CONSULT", "AGREE"):
                # "50 Zivilisten wurden getötet", "Schulen wurden getroffen": who acted is not said
                return [], [], "passive without agent"
            # "In Italien wurde ein Algerier festgenommen": the place's state acts;
            # „Mir wurde die US-Unterstützung zugesichert“: the speaker receives, "US-" gives
            marked = [a for a in actors if a["kind"] in ("PART", "ADJ") and a["code"]]
            if speaker and _FIRST_PERSON_TARGET.search(text[left:right]):
                return marked[:1] or self._acting_state(sentence), [speaker], "passive without agent+speaker as target"
            if subjects and (trigger.type == "MOBILIZE" or (trigger.type == "RETREAT" and subjects[0].get("sector") == "MIL")):
                # "Zudem wurden der US-Flugzeugträger und Bomber in die Region entsandt", "Truppen wurden
                # abgezogen": the forces are their state's, moved, not acted on (a released prisoner is)
                return group(text, actors, subjects[0])[:1], [], "passive without agent+forces as source"
            subjects = [a for a in subjects if a["kind"] not in ("PART",)]
            if subjects:
                state = self._acting_state(sentence)
                # "In Minsk wurde ein Blogger freigelassen": a person of no known state is of the state that acts
                targets = [t if self._known(t) else dict(state[0]) for t in group(text, actors, subjects[0])] if state else []
                return state, targets, "passive without agent"
            if trigger.type in _PERSONAL:
                # "Der Mann wurde zu fünf Jahren Haft verurteilt": a person of no named state
                return self._acting_state(sentence), self._state(self.index.home_code()), "passive without agent+home target"
            return self._acting_state(sentence), [], "passive without agent"
        else:
            if trigger.kind == "phrase":    # "Soldaten schicken": the soldiers are sent, they do not act
                actors = [a for a in actors if a["text"] != trigger.noun]
            sources, rule = self._subject(actors, left), "active"
            pronoun = _PRONOUN_SUBJECT.match(text, left) or _PRONOUN_AFTER_VERB.match(text, end)
            reported = _REPORTED_PRONOUN.match(text, left)
            teller = self._speech_subject(sentence, left) if reported else []
            if teller and (not sources or sources[0]["start"] > reported.start()):
                # "Das Ministerium erklärte, es/sie werde …": the pronoun is the one who speaks
                sources, rule = teller, "active+reported pronoun"
            elif pronoun and (not sources or sources[0]["start"] > pronoun.start()):
                person = self._person_before(pronoun.start())
                sources, rule = ([person], "active+pronoun") if person else (sources, rule)
            if not sources and self._continues_subject(left, start, sentence.start):
                # "Peskow bestätigte den Anruf und sagte …", "Die AU (…) nimmt Abstand": the sentence's subject
                opening = self.doc.after_dateline(sentence.start)
                before = [a for a in self.index.within(opening, left) if a["kind"] in SOURCE_KINDS]
                sources, rule = self._subject(before, opening), "coordinated verb"
        if speaker and (_FIRST_PERSON_SOURCE.search(text[left:start]) or _FIRST_PERSON_AFTER_VERB.match(text, end)):
            sources, rule = [speaker], rule + "+speaker"
        targets = self._targets(trigger, start, end, left, right, actors, sources)
        if not targets and speaker and trigger.kind != "noun" and _FIRST_PERSON_TARGET.search(text[left:right]):
            targets, rule = [speaker], rule + "+speaker as target"
        return sources, targets, rule

    def _speech_subject(self, sentence: Sentence, left: int) -> list[dict]:
        """The subject of a speech verb's clause right before `left` ("X teilte mit, …")."""
        opening = self.doc.after_dateline(sentence.start)
        if not _SPEECH_BEFORE.search(self.text, opening, left):
            return []
        return self._subject([a for a in self.index.within(opening, left) if a["kind"] in SOURCE_KINDS], opening)

    def _continues_subject(self, left: int, start: int, sentence_start: int) -> bool:
        """Whether the clause before the trigger goes on with the sentence's subject: it
        opens with the trigger or a conjunction, follows a bracket, or is an infinitive
        ("…, sich in Genf zu treffen", "abzuziehen"); not "sollten sie …"
        or "…, damit die UN …", which have subjects of their own."""
        before = self.text[left:start].strip()
        previous = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(self.text, sentence_start, max(sentence_start, left - 1))),
                       default=None)
        if previous is not None and _RELATIVE.match(self.text, previous):
            return True     # "Russland hat, wie Beamte sagen, die …, Soldaten geschickt": the main clause resumes
        return (not before or self.text[left - 1:left] == ")" or _CONTINUATION.match(before) is not None
                or _AUXILIARY_FIRST.match(before) is not None     # "X, Y, hatte … verurteilt"
                or self.text[start - 3:start] == "zu " or re.search(r"\bzu\w+$", self.text[start - 6:start]) is not None)

    def _host(self, left: int, right: int, sentence: Sentence) -> list[dict]:
        """The state of the place named in the clause, or for "dort" in the sentence before."""
        places = self._places(left, right)
        if not places and re.search(r"\b[Dd]ort\b", self.text[left:right]):
            before = self.index.before(sentence.start, ("LOC", "GPE"))
            earlier = [s.start for s in self.doc.sentences if s.start < sentence.start]
            places = [before] if before and before["code"] and earlier and before["start"] >= earlier[-1] else []
        return self._state(places[0]["code"]) if places else []

    def _place(self, left: int, right: int) -> list[dict]:
        return self._places(left, right)[:1]

    def _places(self, left: int, right: int) -> list[dict]:
        """The coded places of text[left:right] after "in", "im", "nach", "auf" or "über"."""
        return [actor for actor in self.index.within(left, right)
                if actor["kind"] in ("LOC", "GPE") and actor["code"] and re.search(
                    r"\b(?:in|im|nach|auf|über)\s+(?:der\s+|die\s+|den\s+|dem\s+)?(?:[A-ZÄÖÜ]\w+\s+)?$",
                    self.text[max(left, actor["start"] - 25):actor["start"]])]

    def _person_before(self, position: int) -> dict | None:
        """"Er forderte …": the last person named before the pronoun, outside quotes,
        within three sentences."""
        person = self.index.before(position, ("PER",))
        while person is not None and any(q["start"] <= person["start"] < q["end"] and q["kind"] == "direct"
                                         for q in self.doc.quotes):
            person = self.index.before(person["start"], ("PER",))
        # sentences inside a quote do not count: "Er" after a long quote is its speaker
        starts = [s.start for s in self.doc.sentences if s.start < position and not self._in_direct_quote(s.start)]
        floor = starts[-3] if len(starts) >= 3 else 0
        return person if person is not None and person["start"] >= floor else None

    def _in_direct_quote(self, position: int) -> bool:
        return any(q["start"] < position < q["end"] and q["kind"] == "direct" for q in self.doc.quotes)

    def _acting_state(self, sentence: Sentence) -> list[dict]:
        """The state where a passive act took place ("in Italien"), else the article's."""
        location = self._location(sentence)
        return self._state((location or {}).get("code") or self.index.home_code())

    def _known(self, actor: dict) -> bool:
        """Whether an actor's code is its own or its role's, not the article's country."""
        return bool(actor["code"]) or (actor["kind"] in ("ROLE", "NOM") and self._code(actor) != self.index.home_code())

    @staticmethod
    def _state(code: str | None) -> list[dict]:
        return [{"name": code, "code": code, "sector": None, "kind": "GPE", "start": -1, "end": -1}] if code else []

    def _subject(self, actors: list[dict], floor: int) -> list[dict]:
        text = self.text
        candidates = [a for a in actors if a["kind"] in SOURCE_KINDS and free(text, a, floor)
                      and not dative_or_accusative(text, a, floor)]
        if not candidates:
            return []
        members = group(text, actors, candidates[0])
        if len(members) == 1 and members[0]["kind"] in ("ROLE", "NOM"):
            # "Vertreter der USA und Russlands": the states of the genitive act
            owners = [a for a in actors if a["start"] >= members[0]["end"]]
            if owners and re.fullmatch(r"\s+(?:der|des)\s+", text[members[0]["end"]:owners[0]["start"]]):
                genitive = group(text, actors, owners[0])
                if len(genitive) > 1:
                    members = genitive
        # "Die USA, Großbritannien und Kanada verhängten …": the list began before the comma
        while True:
            previous = self.index.before(members[0]["start"], SOURCE_KINDS)
            if previous is None or not re.fullmatch(r"\s*,\s*", text[previous["end"]:members[0]["start"]]):
                return members
            members.insert(0, previous)

    def _noun_source(self, trigger: Trigger, start: int, end: int, left: int, sentence: Sentence, actors: list[dict]) -> tuple[list[dict], list[dict]]:
        """The source of a noun trigger and the genitive after it: "Russlands Angriff",
        "russische Angriffe", "US-Unterstützung", else the clause's subject; with a source,
        a genitive after the noun is the target ("die Invasion der Ukraine"), without one
        it is the source ("der Angriff Russlands")."""
        text = self.text
        source: list[dict] = []
        for actor in actors:
            if actor["end"] > start or actor["kind"] not in SOURCE_KINDS + ("ADJ",):
                continue
            gap = text[actor["end"]:start]
            # "Russlands Angriff", "US-Angriffe", "russische (Luft-)Angriffe"; not "der Armee Luftangriffe"
            adjacent = gap in ("", "-") or (not gap.strip() and (actor["text"].endswith("s") or actor["kind"] == "PART"))
            if adjacent or (actor["kind"] == "ADJ" and re.fullmatch(r"\s*(?:[a-zäöüß]+\s+)?", gap)):
                source = [actor]
        following = [a for a in actors if a["start"] >= end and a["start"] - end <= 25 and a["kind"] in TARGET_KINDS + ("ADJ",)]
        # "der Angriff Russlands", "der Besuch des (neuen) ukrainischen Präsidenten"
        genitive = following[:1] if following and _GENITIVE_GAP.fullmatch(text[end:following[0]["start"]]) else []
        if not source and not _AFTER_PREPOSITION.search(text[max(left, start - 40):start]) \
                and _SUPPORT_VERB.search(text[left:self._clause_end(end)]):
            # "X führte Gespräche", "X kündigte Sanktionen an": the subject acts; not
            # "X wollte das Abkommen erhalten", "X sei besorgt über die Aufrüstung"
            source = self._subject([a for a in actors if a["end"] <= start], left)
        if not source and genitive and genitive[0]["kind"] in SOURCE_KINDS and trigger.entry.lower().endswith("besuch"):
            return genitive, []         # "nach dem Besuch des Kanzlers": the visitor, not the host
        if not source and not _PARTICIPANTS_AFTER.match(text, end) and (_POSSESSIVE_BEFORE.search(text[max(left, start - 40):start])
                           or (trigger.type == "CONSULT" and _MEETING_BEFORE.search(text[max(left, start - 40):start]))):
            # "Biden bekräftigte seine Unterstützung", "Nach seinem Besuch in Washington reiste Xi",
            # "Merkel hat beim Empfang des Präsidenten": the sentence's subject acts
            source = self._sentence_subject(start, sentence)
        if not source and genitive and genitive[0]["kind"] in SOURCE_KINDS + ("ADJ",):
            return genitive, []         # "der Angriff Russlands", "die Lieferung deutscher Panzer"
        return source, genitive

    def _sentence_subject(self, position: int, sentence: Sentence) -> list[dict]:
        """The subject of the sentence around position, within the same quote: a person a
        pronoun subject ("Er betonte …") refers to, else the first free actor before
        position, else the quote's speaker ("Obama kündigte an, bei seinem Treffen mit Xi
        …"), else the first free actor after it ("Nach seinem Besuch reiste Xi …")."""
        opening = self.doc.after_dateline(sentence.start)
        pronoun = _PRONOUN_SUBJECT.match(self.text, opening)
        if pronoun:
            person = self._person_before(pronoun.start())
            return [person] if person else []
        inside = self._quote_at(position)
        actors = [a for a in self.index.within(opening, sentence.end) if self._quote_at(a["start"]) is inside]
        before = self._subject([a for a in actors if a["end"] <= position], opening)
        if before:
            return before
        speaker = self._quote_speaker(position)
        if speaker:
            return [speaker]
        return self._subject([a for a in actors if a["start"] > position], opening)

    def _quote_at(self, position: int) -> dict | None:
        return next((q for q in self.doc.quotes if q["start"] <= position < q["end"] and q["kind"] != "phrase"), None)

    def _targets(self, trigger, start, end, left, right, actors, sources) -> list[dict]:
        found = self._targets_in(trigger, start, end, left, right, actors, sources)
        if not found and sources and sources[-1]["end"] < left:
            # the clause was cut by a relative clause: look between the source and the trigger
            region = self.index.within(sources[-1]["end"], end)
            found = self._targets_in(trigger, start, end, sources[-1]["end"], end,
                                     [a for a in region if a["kind"] in TARGET_KINDS + ("ADJ",)], sources)
        return self._countries_of_role(found)

    def _countries_of_role(self, targets: list[dict]) -> list[dict]:
        """"mit seinen Amtskollegen aus Großbritannien, Frankreich und Deutschland": the
        countries stand for the role."""
        if len(targets) == 1 and targets[0]["kind"] in ("ROLE", "NOM"):
            following = self.index.within(targets[0]["end"], targets[0]["end"] + 40)
            if following and re.fullmatch(r"\s+(?:aus|von|der|des)\s+", self.text[targets[0]["end"]:following[0]["start"]]):
                members = group(self.text, self.index.within(following[0]["start"], following[0]["start"] + 300),
                                following[0])
                if all(m["kind"] in ("GPE", "ORG") for m in members):
                    return members
        return targets

    def _targets_in(self, trigger, start, end, left, right, actors, sources) -> list[dict]:
        text = self.text
        taken = {id(a) for a in sources}
        for kind in trigger.targets:
            if kind == "obj":
                last = self._source_end(sources) if sources else left
                genitive = re.match(r"\s+(?:der|des)\s+(?:[a-zäöüß]+\s+)?", text[last:right])
                if genitive and sources and sources[-1]["kind"] in ("ROLE", "NOM"):
                    # "Rebellen der FSA lehnten … ab": the FSA belongs to the source
                    owner = self.index.within(last + genitive.end(), last + genitive.end() + 1)
                    last = owner[0]["end"] if owner else last
                objects = [a for a in actors if a["start"] >= last and id(a) not in taken and free(text, a, left)
                           and not (start <= a["start"] < end)
                           and (a["kind"] in TARGET_KINDS or (a["kind"] == "ADJ" and a["code"]))]
                if objects:
                    return group(text, actors, objects[0])
            else:
                found = [a for a in after_preposition(text, actors, (kind,), left, right) if id(a) not in taken]
                if found:
                    return found
        return []

    def _infinitive_target(self, clause_end: int, sentence: Sentence, sources: list[dict]) -> list[dict]:
        """The first actor of the infinitive clause that follows a clause ("…, mit der PSOE zu
        verhandeln"), other than the sources."""
        match = _INFINITIVE_CLAUSE.match(self.text, clause_end, sentence.end)
        if not match:
            return []
        return [a for a in self.index.within(match.start(), match.end())
                if a["kind"] in TARGET_KINDS and all(a is not s for s in sources)][:1]

    def _that_clause_subject(self, clause_end: int, sentence: Sentence, sources: list[dict]) -> list[dict]:
        """The subject of a "dass" clause that follows the clause, other than the sources."""
        match = _THAT_CLAUSE.match(self.text, clause_end, sentence.end)
        if not match:
            return []
        inner = [a for a in self.index.within(match.end(), self._clause_end(match.end()))
                 if all(a is not s for s in sources)]
        return self._subject(inner, match.end())[:1]

    def _source_end(self, sources: list[dict]) -> int:
        """Where the source ends, with a name in apposition ("Der UN-Hochkommissar, Said
        Raad al-Hussein, hatte …")."""
        last = max(a["end"] for a in sources)
        apposed = self.index.within(last, last + 4)
        if apposed and apposed[0]["kind"] == "PER" and self.text[last:apposed[0]["start"]].strip() == "," \
                and self.text[apposed[0]["end"]:apposed[0]["end"] + 1] == ",":
            return apposed[0]["end"] + 1
        return last

    def _clause_end(self, position: int) -> int:
        match = _CLAUSE_BOUNDARY.search(self.text, position)
        sentence_end = self.text.find(".", position)
        ends = [e for e in (match.start() if match else -1, sentence_end) if e >= 0]
        return min(ends) if ends else len(self.text)

    def _quote_speaker(self, position: int) -> dict | None:
        quote = self._quote_at(position)
        if quote is None or not quote.get("speaker_code"):
            return None
        return {"name": quote["speaker"], "code": quote["speaker_code"], "sector": None, "kind": "PER",
                "start": quote["start"], "end": quote["start"]}

    # --- attributes -----------------------------------------------------------------------

    def _date(self, start: int, end: int, left: int, right: int, sentence: Sentence) -> tuple[str | None, str | None, str | None]:
        """(date, granularity, where from: "text", "context", "story" or "published"); no
        date for an undated act the clause sets apart from the story's day."""
        dated = [t for t in self.doc.times if t["type"] in ("DATE", "TIME") and granularity(t["value"])]
        for low, high in ((left, right), (sentence.start, sentence.end)):
            inside = [t for t in dated if low <= t["start"] < high]
            if inside:
                nearest = min(inside, key=lambda t: abs(t["start"] - start))
                level = granularity(nearest["value"])
                return (nearest["value"][:10] if level == "day" else nearest["value"]), level, "text"
        if self._background(start, end, left, right):
            return None, None, None
        recent = self._recent_day(sentence.start, self._previous_start(sentence))
        if recent:
            # "Am Montag traf X Y. Er forderte …": the day the story is about goes on
            return recent, granularity(recent), "context"
        if self.story_day:
            return self.story_day, "day", "story"
        return (self.doc.published, "day", "published") if self.doc.published else (None, None, None)

    def _background(self, start: int, end: int, left: int, right: int) -> bool:
        """"hatte X vorgeworfen", "ging wiederholt gegen X vor": the pluperfect or a habitual
        adverb tells of another time than the story's day."""
        clause = self.text[left:right]
        # "nachdem X … gemacht hatte": the pluperfect the conjunction asks for, not a time apart
        pluperfect = self.text[start:end] in self.lexicon.participles and _PLUPERFECT.search(clause) \
            and not clause.lstrip().startswith("nachdem")
        return bool(pluperfect or _HABITUAL.search(clause))

    def _story_day(self) -> str | None:
        """The first day the article names in the week before its publication: the day
        its news happened, which undated mentions of it (the title, the lead) share."""
        published = _day(self.doc.published)
        if published is None:
            return None
        for time in self.doc.times:
            day = _day(time["value"]) if time["type"] in ("DATE", "TIME") else None
            if day and 0 <= (published - day).days <= 7:
                return day.isoformat()
        return None

    def _previous_start(self, sentence: Sentence) -> int:
        """Where the two sentences before this one begin."""
        earlier = [s.start for s in self.doc.sentences if s.start < sentence.start]
        return earlier[-2] if len(earlier) > 1 else earlier[-1] if earlier else sentence.start

    def _recent_day(self, position: int, floor: int) -> str | None:
        """The last date named between floor and position, if it is a day of the three
        before publication or a week or weekend of the two before (the time the story
        goes on telling of), else None."""
        published = _day(self.doc.published)
        if published is None:
            return None
        for time in reversed(self.doc.times):
            if time["start"] < floor:
                return None
            if time["start"] >= position or time["type"] not in ("DATE", "TIME"):
                continue
            week = _WEEK.match(time["value"])
            if week:        # "am Wochenende", "vergangene Woche": the week or weekend before publication
                monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
                return time["value"] if 0 <= (published - monday).days <= 13 else None
            day = _day(time["value"]) if granularity(time["value"]) == "day" else None
            if day is not None:
                return day.isoformat() if 0 <= (published - day).days <= 3 else None
        return None

    @staticmethod
    def _status(clause: str, before: str, infinitive: bool) -> str:
        """negated, hypothetical, planned or asserted, from the trigger's clause (and, for
        "…, sich am 10. Januar zu treffen", the clause that governs the infinitive)."""
        if _NEGATION.search(clause) or (infinitive and (_REFUSAL.search(before[-80:]) or _NEGATION.search(before[-80:]))):
            # "nicht", "keine"; "weigerte sich, mit X zu verhandeln", "es gab nie die Absicht, … zu entsenden"
            return "negated"
        if _CONDITION.search(clause) or (infinitive and _PROPOSAL.search(before[-50:])) \
                or (_UNTIL.match(clause) and clause_tense(clause) != "past"):
            # "die Idee, Truppen zu entsenden": a proposal, no act
            return "hypothetical"
        future = clause_tense(clause) == "future" and not _PASSIVE_PRESENT.search(clause)
        if future or _PLAN.search(clause) or (infinitive and _PLAN.search(before)):
            return "planned"
        return "asserted"

    def _location(self, sentence: Sentence) -> dict | None:
        for actor in self.index.within(sentence.start, sentence.end):
            if actor["kind"] in ("LOC", "GPE") and re.search(r"\b(?:[Ii]n|[Ii]m|[Nn]ach)\s+(?:der\s+|dem\s+)?$",
                                                            self.text[max(sentence.start, actor["start"] - 12):actor["start"]]):
                return {"name": actor["text"], "code": actor["code"]}
        return {"name": self.doc.dateline, "code": None} if self.doc.dateline else None

    def _add(self, trigger, start, end, sentence, source, target, dating, status, rule) -> None:
        date, level, date_from = dating
        source_code = self._code(source)
        target_code = self._code(target) if target else None
        if target is not None and not target_code and trigger.type in UNDIRECTED:
            target = None       # "nahm mehrere Journalisten fest": a target of no known state
        if not source_code or (target is not None and not target_code) or source is target:
            return
        # a conditional or negated mention does not stand for a later report of the act
        key = (trigger.type, source_code, target_code, date, status in ("asserted", "planned"))
        if key in self.seen:
            return
        self.seen.add(key)
        self.events.append({
            "type": trigger.type, "mode": trigger.mode,
            "source": self._party(source, source_code),
            "target": self._party(target, target_code) if target else None,
            "date": date, "date_granularity": level, "date_from": date_from, "status": status,
            "location": self._location(sentence),
            "sentence": {"start": sentence.start, "end": sentence.end},
            "trigger": self.text[start:end], "trigger_start": start, "trigger_end": end,
            "why": {"entry": trigger.entry, "rule": rule},
        })

    def _code(self, actor: dict | None) -> str | None:
        """An actor's code; a role or group without one takes the state named right after
        it ("des Präsidenten Brasiliens"), else, like a person, the article's state."""
        if actor is None:
            return None
        if actor["code"]:
            return actor["code"]
        if actor["kind"] in ("ROLE", "NOM"):
            # "niederländische Anti-Terror-Einheiten", "des Präsidenten Brasiliens", "die Regierung in Ankara"
            preceding = self.index.within(actor["start"] - 30, actor["start"])
            if preceding and preceding[-1]["kind"] == "ADJ" and preceding[-1]["code"] \
                    and not self.text[preceding[-1]["end"]:actor["start"]].strip():
                return preceding[-1]["code"]
            following = self.index.within(actor["end"], actor["end"] + 8)
            if following and following[0]["code"] and following[0]["kind"] != "ADJ" and re.fullmatch(
                    r"\s*(?:des|der|in|aus)?\s*", self.text[actor["end"]:following[0]["start"]]):
                return following[0]["code"]
        return self.index.home_code() if actor["kind"] in ("PER", "ROLE", "NOM") else None

    @staticmethod
    def _party(actor: dict, code: str) -> dict:
        return {"name": actor["name"], "code": code, "sector": actor.get("sector")}


def _day(value: str | None) -> dt.date | None:
    """The calendar day of a TIMEX3 value of day precision or finer, else None."""
    if not value or len(value) < 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
