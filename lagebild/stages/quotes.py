"""The quotes stage: who said what, to whom, and through whom.

Direct quotes come from quotation marks (lagebild/quotes/marks.py); indirect speech
from speech cues (lang/de/speech_cues.tsv) in four shapes: "X sagte, <clause>",
"<clause>, sagte X" (also ", so X", ", hieß es aus X"), "Wie X mitteilte, <clause>",
and "laut X", "X zufolge", "nach Angaben von X" around a claim; a sentence in Konjunktiv I
within two sentences after goes on reporting the same speaker. The speaker, addressee ("sagte Biden
Putin") and intermediate source ("…, sagte Biden Putin, sagte der Beamte") come from
the actors layer (lagebild/quotes/speakers.py). Quoted phrases of fewer than four words
are kept as kind "phrase" when the sentence says whose words they are.

Each quote: start, end, text, kind (direct, indirect, mixed, phrase), cue, speaker,
speaker_code, addressee, addressee_code, via, via_code.
"""
from __future__ import annotations

import bisect
import functools
import operator
import re
from dataclasses import dataclass

from lagebild.document import Document, Sentence
from lagebild.pipeline import stage
from lagebild.quotes.cues import FIRST_PERSON, Cue, cue_forms, is_finite_verb, is_subjunctive
from lagebild.quotes.marks import QuoteSpan, find_quote_spans
from lagebild.quotes.speakers import (
    ARTICLES, PRONOUNS, ActorIndex, Speaker, as_speaker, describe, name_like, phrase_after, phrase_before, speaker_in,
)

MIN_QUOTE_WORDS = 4
LANGUAGES = ("de",)
_WORD = re.compile(r"\w+")
_TEXT = operator.itemgetter(2)     # of a word (start, end, text)
_SO_SPEAKER = re.compile(r",\s+(so|hieß es|heißt es)\s+", re.IGNORECASE)
_QUOTED_BY = re.compile(r",\s+(?:wurde|wird)\s+(.{3,80}?)\s+zitiert\b")
_TRAILING_WIE = re.compile(r",\s+wie\s+")
_BACK_REFERENCE = re.compile(r"(?:Das|Dies)\s+(\w+)\s+")
# An infinitive clause after an accusation is the deed of the accused, not what was said.
_INFINITIVE_END = re.compile(r"\bzu\s+\w+(?:\s+(?:haben|sein|werden|können|lassen|wollen))?\s*[.!?]?\s*$|\w+zu\w+en\s*[.!?]?\s*$")
_ACCUSATIONS = frozenset("vorwerfen vorhalten unterstellen beschuldigen anprangern ankreiden".split())
# Verbs whose infinitive clause is what someone plans or calls for, not what was said
# ("kündigte an, für eine dritte Amtszeit anzutreten", "rief die PKK auf, die Angriffe
# einzustellen"): an event, no quote.
_NO_INFINITIVE_QUOTE = _ACCUSATIONS | frozenset("aufrufen ankündigen angeben".split())
# Words besides the cues that can attribute a sentence ("laut", "zufolge", ", so X", "hieß es").
_TRIGGERS = frozenset("laut Laut zufolge gemäß Gemäß so hieß heißt zitiert wie Wie Das Dies".split())
_CLAUSE_OPENER = re.compile(r"(?:,\s+(?:und|aber|doch|sondern)\s+|;\s+|:\s+)")
_AUXILIARIES = frozenset("hat hatte habe hätte haben hatten".split())
_CLAUSE_STARTS = frozenset("dass ob wie wer was warum wann wo weshalb wieso".split())
_NOT_QUOTE_CLAUSE = frozenset(
    "falls wenn weil als nachdem bevor obwohl während da um damit sodass indem seit bis sobald welche welcher "
    "welches dessen deren denen".split())
_RELATIVE = frozenset("der die das dem den".split())
_ATTRIBUTION = re.compile(
    r"\b(?:(?:[Ll]aut|[Gg]emäß)\b|[Nn]ach (?:[a-zäöüß]+en )?(?:Angaben|Aussagen|Worten|Ansicht|Einschätzung|"
    r"Darstellung|Informationen|Auffassung|Schätzungen|Berichten|Auskunft|Überzeugung|Schilderung|"
    r"Zählung) (?:von |des |der |dem |aus )?)")
_ZUFOLGE = re.compile(r"\bzufolge\b")
_CONDITION_FIRST = re.compile(r"(?:Sollte|Sollten|Falls|Wenn|Sofern)\b")
_DATIVE_PRONOUN = re.compile(r"\s+(?:ihm|ihr|ihnen|mir|uns|dir|euch)\b")
# Finite verbs frequent enough to spare asking HanTa whether a clause has one.
_COMMON_FINITE = frozenset("ist sind war waren hat haben hatte hatten habe hätten sei seien wäre wären wird werden "
                           "werde würde würden wurde wurden kann können könne könnte müsse muss müssen soll sollen "
                           "solle sollte will wollen wolle gebe gibt gab gehe geht".split())
_AFTER_AUXILIARY = re.compile(r"\b(?:hat|hatte|hatten|haben|habe|hätte|hätten)\s+$")
_TRAILING_CONJUNCTION = re.compile(r"[\s,]*(?:\b(?:aber|doch|und|denn|sondern)\b)?[\s,]*$")
_PRONOUN_SUBJECT = re.compile(r"\b(?:er|sie|es)\b")
# a report named before: its source is the last speaker ("Dem Bericht zufolge")
_REPORTED_BEFORE = re.compile(r"^(?:[Dd]em|[Dd]en|[Dd]iesen|[Dd]iesem)\s+(?:Bericht|Angaben|Informationen|Berichten|Schreiben)$")
# an article that marks a dative or accusative object, not the subject: "Den Demokraten warf er vor"
_OBJECT_ARTICLE = re.compile(r"(?:^|\s)(?:[Dd]em|[Dd]en|[Ee]inem|[Ee]inen)\s+(?:[a-zäöüß-]+\s+){0,2}$")
_COMPOUND_ATTRIBUTION = re.compile(r"\b[Nn]ach ([A-ZÄÖÜ][a-zäöüß]+?)-?(?:angaben|Angaben)\b")
_AFTER_PREPOSITION = re.compile(r"\b(?:[Ii]n|[Ii]m|[Mm]it|[Vv]on|[Vv]om|[Üü]ber|[Aa]us|[Nn]ach|[Zz]u|[Zz]um|[Zz]ur|[Ff]ür|"
                                r"[Gg]egen|[Aa]n|[Aa]m|[Aa]uf|[Bb]ei|[Vv]or|[Zz]wischen|[Uu]m|[Gg]egenüber)\s+(?:\w+\s+){0,2}$")
_HIESS_ES = re.compile(r"\b(?:hieß|heißt) es\b([^,.;]{0,80}),")
_ONLY_COMMA = re.compile(r"\s*,?\s*")
_LEADING_COMMA_OR_COLON = re.compile(r"\s*[,:]?\s*")
_LEADING_COMMA = re.compile(r"\s*,\s*")
_CUE_WORD = re.compile(r"(\w+)(\s+es)?")
_LAST_WORD = re.compile(r"(\w+)\s*$")
_APPOSITION = re.compile(r"(?:\s+(?:für|des|der|von|vom|aus|in|im|bei)\s+[^,.;:]{1,50}?|\s*\([^)]{1,60}\))?\s*,\s*")
_CLAUSE_ENDS = re.compile(r"\s*(?:[,.;!?]|$)")
_ADDRESSEE = re.compile(r"\s+(?:gegenüber|zu|zum|zur)\s+")
_WIE_FIRST = re.compile(r"\s*[Ww]ie\s+")
_AND_CUE = re.compile(r"\s+und\s+(\w+)")
_OWN = re.compile(r"[Nn]ach eigenen")
_PRONOUN_FIRST = re.compile(r"\s*(?:[Ee]r|[Ss]ie)\s")
_PRONOUN_BEFORE_CUE = re.compile(r"\s*(?:\w+\s+){0,2}?([Ee]r|[Ss]ie)\b")
_PRONOUN_AFTER_CUE = re.compile(r"\s+(?:\w+\s+)?(er|sie)\b")


@dataclass(slots=True)
class Attribution:
    speaker: Speaker
    addressee: Speaker | None
    via: Speaker | None
    cue: str
    end: int          # where the attribution's words end
    start: int = -1   # where they begin (the cue or the subject), when known


_CLAUSE_MARK = re.compile(r"[,;:.!?„“”\"»«]")


@functools.cache
def _cue_choices() -> dict[str, tuple[Cue | None, tuple[tuple[Cue, re.Pattern], ...]]]:
    """Word form of a speech verb -> its first cue without a particle, and its cues with
    a particle in order, each with the particle as a word of its own."""
    choices = {}
    for form, cues in cue_forms("de").items():
        if cues[0].kind in ("noun", "prep"):
            continue
        plain = next((cue for cue in cues if cue.particle is None), None)
        choices[form] = plain, tuple((cue, re.compile(rf"\b{cue.particle}\b")) for cue in cues if cue.particle)
    return choices


@functools.cache
def _cue_words() -> frozenset[str]:
    return frozenset(cue_forms("de")) | _TRIGGERS


@stage(requires=("text", "sentences", "tokens", "actors"), provides=("quotes",))
def tag_quotes(doc: Document) -> Document:
    """Reads doc.text, doc.sentences, doc.tokens and doc.actors; adds doc.quotes."""
    if doc.language not in LANGUAGES or not doc.text:
        doc.quotes = []
        return doc
    finder = _QuoteFinder(doc)
    doc.quotes = finder.run()
    return doc


class _QuoteFinder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.index = ActorIndex(doc.text, doc.actors)
        self.forms = cue_forms("de")
        self.cue_choices = _cue_choices()
        self.spans = [s for s in find_quote_spans(doc.text) if s.depth == 0]
        self.span_opens = [s.open for s in self.spans]
        self.span_starts = [s.start for s in self.spans]
        self.sentence_starts = [s.start for s in doc.sentences]
        self.cue_words = _cue_words()     # a sentence without them reports nothing new
        self.quotes: list[dict] = []
        self._last_speaker: tuple[int, Speaker] | None = None   # (sentence number, speaker)
        # a sentence whose cue may name the speaker of what follows, resolved only when asked
        self._pending_speaker: tuple[list, int, Sentence] | None = None
        self.phrases: list[tuple[QuoteSpan, Attribution]] = []
        self.partials: list[tuple[QuoteSpan, Attribution, int]] = []

    @property
    def last_speaker(self) -> tuple[int, Speaker] | None:
        """(sentence number, speaker) of the last report, or of a sentence whose cue names
        a speaker without quoting ("Der Premier beschwor die Gefahr herauf.")."""
        if self._pending_speaker is not None:
            cues, number, sentence = self._pending_speaker
            self._pending_speaker = None
            for cue_start, cue_end, word in cues:
                attribution = self._speaker_of_cue(cue_start, cue_end, word, sentence, number)
                if attribution is not None:
                    self._last_speaker = (number, attribution.speaker)
                    break
        return self._last_speaker

    @last_speaker.setter
    def last_speaker(self, value: tuple[int, Speaker] | None) -> None:
        self._pending_speaker = None
        self._last_speaker = value

    def run(self) -> list[dict]:
        words_by_sentence = self.doc.words_by_sentence()
        handled_spans: set[int] = set()
        for number, sentence in enumerate(self.doc.sentences):
            words = words_by_sentence[number]
            first = bisect.bisect_left(self.span_opens, sentence.start)
            spans = [i for i in range(first, bisect.bisect_left(self.span_opens, sentence.end)) if i not in handled_spans]
            for i in spans:
                if i not in handled_spans:
                    handled_spans |= self._direct(i, number, sentence)
            self._indirect(number, sentence, words)
        self._drop_parts_of_reported_speech()
        self._add_partials()
        self._add_phrases()
        self.quotes.sort(key=lambda q: q["start"])
        for quote in self.quotes:
            del quote["_attribution_end"], quote["_from"]
        return self.quotes

    def _drop_parts_of_reported_speech(self) -> None:
        """A direct quote inside a longer reported clause („…“ as a few of its words) is
        part of that clause, not a quote of its own."""
        clauses = [q for q in self.quotes if q["kind"] == "mixed"]
        self.quotes = [q for q in self.quotes if not (
            q["kind"] == "direct" and any(c["start"] <= q["start"] and q["end"] <= c["end"] + 1
                                          and 2 * len(q["text"]) < len(c["text"]) for c in clauses))]

    def _add_partials(self) -> None:
        """A quote that starts inside a sentence is part of the sentence's reported
        speech when there is one, else a quote of the speaker the sentence names."""
        reported = [q for q in self.quotes if q["kind"] in ("indirect", "mixed")]
        for span, attribution, number in self.partials:
            owner = next((q for q in reported if q["start"] <= span.open and span.close <= q["end"] + 1), None)
            if owner is None:
                self._add(span.start, span.end, self.text[span.start:span.end].strip(), "direct", attribution, number)
            elif owner["kind"] == "indirect":
                owner["kind"] = "mixed"

    def _add_phrases(self) -> None:
        """A short quoted phrase („harte Linie“) is the words of the reported speech it
        stands in, else of the speaker its sentence names."""
        reported = [q for q in self.quotes if q["kind"] in ("indirect", "mixed")]
        for span, attribution in self.phrases:
            owner = next((q for q in reported if q["start"] <= span.open and span.close <= q["end"] + 1), None)
            phrase = self.text[span.start:span.end].strip()
            if owner is not None:
                self.quotes.append({**owner, "start": span.start, "end": span.end, "text": phrase, "kind": "phrase"})
            else:
                self._add(span.start, span.end, phrase, "phrase", attribution, -1)

    # --- direct quotes ------------------------------------------------------------------

    def _direct(self, i: int, number: int, sentence: Sentence) -> set[int]:
        span = self.spans[i]
        parts = [span]
        attribution = self._attribution_after(span.close + 1 if span.closed else span.close, number)
        used = {i}
        after = attribution is not None
        if after and i + 1 < len(self.spans):
            # "„Wir sind bereit“, sagte er, „aber …“": one quote in two parts
            following = self.spans[i + 1]
            if _ONLY_COMMA.fullmatch(self.text[attribution.end:following.open]):
                parts.append(following)
                used.add(i + 1)
        content = " ".join(self.text[p.start:p.end].strip() for p in parts)
        words = len(_WORD.findall(content))
        if attribution is None:
            attribution = self._attribution_before(span, number, sentence)
            lead = self.text[sentence.start:span.open].rstrip()
            if attribution is not None and words >= MIN_QUOTE_WORDS and len(_WORD.findall(lead)) >= 2 \
                    and not lead.endswith(":"):
                # a partial quote inside a sentence: the sentence's reported speech decides
                self.partials.append((span, attribution, number))
                return used
        if attribution is None and not self.text[sentence.start:span.open].strip():
            attribution = self._continuation(number, words)
        if attribution is None:
            return used
        if words < MIN_QUOTE_WORDS:
            self.phrases.append((span, attribution))    # decided once the reported speech is known
            return used
        self._add(parts[0].start, parts[-1].end, content, "direct", attribution, number)
        if after:
            self._chain(attribution, self.doc.sentences[self._sentence_of(attribution.end - 1)], number)
        return used

    def _sentence_of(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, position) - 1)

    def _attribution_after(self, position: int, number: int) -> Attribution | None:
        """", sagte Biden Putin, sagte der Beamte" right after a quote."""
        limit = self._sentence_end_after(position)
        match = _LEADING_COMMA_OR_COLON.match(self.text[position:limit])
        cue_start = position + match.end()
        attribution = self._cue_then_speaker(cue_start, limit, number)
        if attribution is None:
            return None
        via_match = _LEADING_COMMA.match(self.text[attribution.end:limit])
        if via_match:
            via = self._cue_then_speaker(attribution.end + via_match.end(), limit, number)
            if via is not None:
                attribution.via = via.speaker
                attribution.end = via.end
        return attribution

    def _cue_then_speaker(self, position: int, limit: int, number: int) -> Attribution | None:
        """A cue at `position` followed by its speaker: "sagte der Sprecher", "so Biden",
        "hieß es aus Moskau"."""
        match = _CUE_WORD.match(self.text[position:limit])
        if not match:
            return None
        word = match.group(1)
        cue = None
        if word in _AUXILIARIES:
            return self._auxiliary_then_speaker(position + match.end(1), limit, number)
        if word in ("so", "heißt", "hieß") and (word == "so" or match.group(2)):
            cue = word + (match.group(2) or "")
        elif self._cue(word, position + match.end(1), limit) is not None:
            cue = word
        if cue is None:
            return None
        start, end = phrase_after(self.text, position + match.end(), limit)
        if cue.startswith(("heißt", "hieß")):
            start, end = position + match.end(), min(limit, position + match.end() + 80)
        speaker, addressee = self._speaker(start, end, number)
        if speaker is None:
            return None
        named = self._named_in_apposition(max(end, speaker.end), limit)
        if named is not None and speaker.kind != "PER":
            speaker, end = named, named.end
        addressee = addressee or self._addressee_after(max(end, speaker.end), limit)
        return Attribution(speaker, addressee, None, cue, max(end, speaker.end, addressee.end if addressee else 0),
                           position)

    def _auxiliary_then_speaker(self, position: int, limit: int, number: int) -> Attribution | None:
        """", hatte damals ein Regierungsvertreter zur Agentur Reuters gesagt.": a
        participle cue closes the clause and the speaker stands between."""
        clause_end = self._clause_end(position, limit)
        last = _LAST_WORD.search(self.text[position:clause_end])
        if not last or self._cue(last.group(1), clause_end, limit) is None:
            return None
        start, end = phrase_after(self.text, position, position + last.start(1))
        speaker, addressee = self._speaker(start, end, number)
        if speaker is None:
            return None
        addressee = addressee or self._addressee_after(max(end, speaker.end), position + last.start(1))
        return Attribution(speaker, addressee, None, last.group(1), clause_end, position)

    def _named_in_apposition(self, position: int, limit: int) -> Speaker | None:
        """", Ned Price" after "der Sprecher des Außenministeriums"."""
        match = _APPOSITION.match(self.text[position:limit])
        if not match:
            return None
        actors = self.index.within(position + match.end(), position + match.end() + 1)
        if actors and actors[0]["kind"] == "PER" and _CLAUSE_ENDS.match(self.text[actors[0]["end"]:limit]):
            actor = actors[0]
            return as_speaker(self.index, actor)
        return None

    def _addressee_after(self, position: int, limit: int) -> Speaker | None:
        """"gegenüber Reportern", "zu Putin", "der Nachrichtenagentur Reuters"."""
        match = _ADDRESSEE.match(self.text[position:limit])
        if not match:
            return None
        start, end = phrase_after(self.text, position + match.end(), limit)
        speaker, _ = speaker_in(self.index, start, end)
        return speaker

    def _attribution_before(self, span: QuoteSpan, number: int, sentence: Sentence) -> Attribution | None:
        """"Biden sagte: „…“", "Biden: „…“", "Price sagte, die Minister hätten „…“ besprochen"."""
        before = self.text[sentence.start:span.open]
        stripped = before.rstrip()
        if stripped.endswith(":") and len(stripped) > 1:
            attribution = self._colon_speaker(sentence, sentence.start + len(stripped) - 1, number)
            if attribution is not None:
                return attribution
        for cue_start, cue_end, word in self._cues_in(sentence.start, sentence.end):
            if self._inside_span(cue_start):
                continue
            attribution = self._speaker_of_cue(cue_start, cue_end, word, sentence, number)
            if attribution is not None:
                return attribution
        return None

    def _colon_speaker(self, sentence: Sentence, colon: int, number: int) -> Attribution | None:
        """Who speaks after a colon: "Biden sagte:", "warnte Dündar:", "O-Ton Kraig Moss, Sänger:".
        A clause in Konjunktiv before the cue or the colon is added as that speaker's
        indirect quote."""
        for cue_start, cue_end, word in self._cues_in(sentence.start, colon):
            attribution = self._speaker_of_cue(cue_start, cue_end, word, Sentence(sentence.start, colon), number)
            if attribution is not None:
                comma = sentence.start + len(self.text[sentence.start:cue_start].rstrip()) - 1
                if self.text[comma] == "," and len(_WORD.findall(self.text, sentence.start, comma)) >= MIN_QUOTE_WORDS \
                        and self._reported(sentence.start, comma):
                    # "Von Russland aus hätten die Hacker nicht angegriffen, witzelte er: „…“"
                    start = self._clause_start(sentence.start, comma)
                    self._add(start, comma, " ".join(self.text[start:comma].split()), "indirect", attribution, number)
                return attribution
        if self._recent(number, 2) and self._reported(sentence.start, colon):
            # "Die USA hätten mehr Raketen, aber: „Wir sind stärker“": the reported speaker goes on,
            # in the clause before the colon too
            attribution = Attribution(self.last_speaker[1], None, None, ":", colon + 1, sentence.start)
            reported = _TRAILING_CONJUNCTION.sub("", " ".join(self.text[sentence.start:colon].split()))
            if len(_WORD.findall(reported)) >= MIN_QUOTE_WORDS:
                self._add(sentence.start, colon, reported, "indirect", attribution, number)
            return attribution
        subject = self._subject(sentence.start, colon, ":", number)
        speaker = subject.speaker if subject else None
        if speaker is None:
            person = self.index.before(colon, ("PER",))
            if person is not None and person["start"] >= sentence.start:
                speaker = as_speaker(self.index, person)
        return Attribution(speaker, None, None, ":", colon + 1, sentence.start) if speaker else None

    def _reported(self, start: int, end: int) -> bool:
        """Whether text[start:end] has a verb in the mood of reported speech."""
        return any(is_subjunctive(w, reported=True) for w in _WORD.findall(self.text, start, end) if w[:1].islower())

    def _colon_clause(self, number: int, sentence: Sentence) -> bool:
        """"Dündar warnte: Man muss sich …" (no quotation marks)."""
        colon = self.text.find(":", sentence.start, sentence.end)
        if colon < 0 or self._inside_span(colon):
            return False
        after = bisect.bisect_right(self.span_opens, colon)
        if after < len(self.spans) and self.span_opens[after] < sentence.end:
            return False    # a quote opens after the colon
        if next(self._cues_in(sentence.start, colon), None) is None:
            return False
        attribution = self._colon_speaker(sentence, colon, number)
        if attribution is None:
            return False
        self._add_clause(colon + 1, sentence.end, attribution, number)
        return True

    def _continuation(self, number: int, words: int) -> Attribution | None:
        """A quote with no cue of its own goes on with the previous sentence's speaker, or
        with the speaker a colon announced ("Merkel sagte dazu:")."""
        if self.last_speaker is not None and number - self.last_speaker[0] <= 2 and words >= MIN_QUOTE_WORDS:
            return Attribution(self.last_speaker[1], None, None, "", 0)
        return None

    # --- indirect speech ----------------------------------------------------------------

    def _indirect(self, number: int, sentence: Sentence, words: list[tuple[int, int, str]]) -> None:
        last = self._last_speaker
        recent = self._pending_speaker is not None or (last is not None and number - last[0] <= 3)
        cue_words = self.cue_words
        # most sentences have no cue word: tell so without building a list
        candidates = [] if cue_words.isdisjoint(map(_TEXT, words)) else [w for w in words if w[2] in cue_words]
        cued = bool(candidates) or self.text.find("angaben", sentence.start, sentence.end) >= 0
        if not (recent or cued) or self._covered_by_quote(sentence):
            return      # nothing here can report speech
        found = False
        cues = []
        if cued:
            cues = [(start, end, word) for start, end, word in candidates
                    if self._cue(word, end, sentence.end) is not None
                    and not self._inside_span(start) and not self._covered(start)]
            found = (self._clause_then_cue(cues, number, sentence) or self._wie_cue(cues, number, sentence)
                     or self._cue_then_clause(cues, number, sentence) or self._so_or_hiess(number, sentence)
                     or self._colon_clause(number, sentence)
                     or self._prepositional(number, sentence))
        if not found:
            found = self._back_reference(number, sentence)
        if not found and not self._subjunctive_continuation(number, sentence, words):
            self._remember_speaker(cues, number, sentence)

    def _remember_speaker(self, cues, number: int, sentence: Sentence) -> None:
        """A sentence that reports speech without its words ("Der Premier beschwor die
        Gefahr herauf.") names the speaker of the Konjunktiv that follows: worked out
        when a later sentence asks (most never do)."""
        if cues:
            self.last_speaker     # an earlier pending sentence is resolved first
            self._pending_speaker = (cues, number, sentence)

    def _back_reference(self, number: int, sentence: Sentence) -> bool:
        """"Das teilte das Ministerium mit.": the sentence before is the ministry's."""
        match = _BACK_REFERENCE.match(self.text, sentence.start)
        if number == 0 or not match or self._cue(match.group(1), match.end(1), sentence.end) is None:
            return False
        previous = self.doc.sentences[number - 1]
        if any(q["start"] < previous.end and previous.start < q["end"] for q in self.quotes):
            return False
        attribution = self._cue_then_speaker(match.start(1), sentence.end, number)
        if attribution is None:
            return False
        self._add_clause(previous.start, previous.end, attribution, number)
        return True

    def _clause_then_cue(self, cues, number: int, sentence: Sentence) -> bool:
        """"<clause>, sagte X." (the outermost report wins over cues inside the clause)."""
        for cue_start, cue_end, _ in cues:
            before = self.text[sentence.start:cue_start]
            if not before.rstrip().endswith(",") or _WIE_FIRST.match(before):
                continue
            clause = self.text[self._clause_start(sentence.start, cue_start):cue_start].rstrip(" ,")
            if _DATIVE_PRONOUN.match(self.text, cue_end) or (_CONDITION_FIRST.match(clause) and "," not in clause):
                continue    # "Sollte es zum Prozess kommen, drohen ihm 20 Jahre Haft": no report
            clause_end = sentence.start + len(before.rstrip()) - 1
            attribution = self._cue_then_speaker(cue_start, sentence.end, number)
            if attribution is None or self._span_ends_at(clause_end):
                continue
            self._add_clause(self._clause_start(sentence.start, clause_end), clause_end, attribution, number)
            self._chain(attribution, sentence, number)
            return True
        return False

    def _wie_cue(self, cues, number: int, sentence: Sentence) -> bool:
        """"Wie X mitteilte, <clause>"."""
        for cue_start, cue_end, word in cues:
            wie = _WIE_FIRST.match(self.text[sentence.start:cue_start])
            after = self.text[cue_end:sentence.end]
            if not wie or not after.lstrip().startswith(","):
                continue
            subject = self._subject(sentence.start + wie.end(), cue_start, word, number)
            speaker, addressee = (subject.speaker, None) if subject else self._speaker(
                *phrase_after(self.text, sentence.start + wie.end(), cue_start), number)
            if speaker is not None:
                clause_start = cue_end + after.index(",") + 1
                self._add_clause(clause_start, sentence.end,
                                 Attribution(speaker, addressee, None, word, cue_end, sentence.start), number)
                return True
        return False

    def _cue_then_clause(self, cues, number: int, sentence: Sentence) -> bool:
        """"X sagte, <clause>", "Am Montag sagte Biden, <clause>"."""
        for cue_start, cue_end, word in cues:
            comma = self._comma_after_cue(cue_end, sentence.end)
            if comma is None:
                continue
            cue = self._cue(word, cue_end, sentence.end)
            if not self._reported_clause(comma + 1, sentence.end, cue):
                continue
            attribution = self._speaker_of_cue(cue_start, cue_end, word, sentence, number)
            if attribution is not None:
                self._add_clause(comma + 1, sentence.end, attribution, number)
                return True
        return False

    def _chain(self, attribution: Attribution, sentence: Sentence, number: int) -> None:
        """"…, sagte der Beamte und fügte hinzu, Washington sei …": the second cue
        shares the first one's speaker."""
        rest = self.text[attribution.end:sentence.end]
        match = _AND_CUE.match(rest)
        if not match:
            return
        cue_start = attribution.end + match.start(1)
        cue = self._cue(match.group(1), cue_start + len(match.group(1)), sentence.end)
        if cue is None:
            return
        comma = self._comma_after_cue(cue_start + len(match.group(1)), sentence.end)
        if comma is not None:
            outer = attribution.via or attribution.speaker
            self._add_clause(comma + 1, sentence.end,
                             Attribution(outer, None, None, match.group(1), sentence.end, cue_start), number)

    def _so_or_hiess(self, number: int, sentence: Sentence) -> bool:
        """"<clause>, so X.", "<clause>, hieß es aus X.", "<clause>, wurde X zitiert.",
        "<clause>, wie X berichtete.", "In dem Bericht hieß es, <clause>"."""
        text = self.text
        quoted = _QUOTED_BY.search(text, sentence.start, sentence.end)
        if quoted:
            speaker, _ = self._speaker(quoted.start(1), quoted.end(1), number)
            if speaker is not None:
                self._add_clause(self._clause_start(sentence.start, quoted.start()), quoted.start(),
                                 Attribution(speaker, None, None, "zitiert", sentence.end, quoted.start()), number)
                return True
        for match in _TRAILING_WIE.finditer(text, sentence.start, sentence.end):
            cue = next(self._cues_in(match.end(), sentence.end), None)
            if cue is None or text[cue[1]:sentence.end].strip(" .!?\n"):
                continue        # the cue must close the sentence: ", wie DHA weiter berichtete."
            start, end = phrase_after(text, match.end(), cue[0])
            speaker, _ = self._speaker(start, end, number)
            if speaker is not None:
                self._add_clause(self._clause_start(sentence.start, match.start()), match.start(),
                                 Attribution(speaker, None, None, cue[2], sentence.end, match.start()), number)
                return True
        said = text[sentence.start:sentence.end]
        hiess = _HIESS_ES.search(said) if "hieß es" in said or "heißt es" in said else None
        if hiess:
            prefield = (sentence.start, sentence.start + hiess.start())
            rest = (sentence.start + hiess.start(1), sentence.start + hiess.end(1))
            recent = self.last_speaker[1] if self.last_speaker and number - self.last_speaker[0] <= 3 else None
            for start, end in (rest, prefield, (None, None)):
                speaker = speaker_in(self.index, start, end)[0] if start is not None else recent
                if speaker is not None:
                    self._add_clause(sentence.start + hiess.end(), sentence.end,
                                     Attribution(speaker, None, None, "hieß es", sentence.end, sentence.start), number)
                    return True
        for match in _SO_SPEAKER.finditer(self.text, sentence.start, sentence.end):
            attribution = self._cue_then_speaker(match.start() + match.group().index(match.group(1)),
                                                 sentence.end, number)
            if attribution is None and match.group(1).lower() != "so" and self.last_speaker is not None \
                    and number - self.last_speaker[0] <= 3:
                # ", hieß es in dem Schreiben weiter": the report goes on
                attribution = Attribution(self.last_speaker[1], None, None, match.group(1), sentence.end, match.start())
            if attribution is not None and not self._span_ends_at(match.start()):
                clause_start = self._clause_start(sentence.start, match.start())
                self._add_clause(clause_start, match.start(), attribution, number)
                return True
        return False

    def _prepositional(self, number: int, sentence: Sentence) -> bool:
        """"laut X", "nach Angaben von X", "X zufolge": the sentence is X's claim."""
        text = self.text
        said = text[sentence.start:sentence.end]
        # a pattern cannot match without its literal letters, and looking for those is much faster
        match = _ATTRIBUTION.search(text, sentence.start, sentence.end) \
            if "aut" in said or "emäß" in said or "ach " in said else None
        compound = _COMPOUND_ATTRIBUTION.search(text, sentence.start, sentence.end) \
            if "ach " in said and "ngaben" in said else None
        if compound and not match:
            # "nach Militärangaben": the speaker is the compound's first part
            speaker = Speaker(compound.group(1), self.index.home_code(), compound.start(1), compound.end(1), "NOM")
            claim = self._claim(sentence, (compound.start(), compound.end()))
            if len(_WORD.findall(claim)) >= MIN_QUOTE_WORDS:
                self._add(sentence.start, sentence.end, claim, "indirect",
                          Attribution(speaker, None, None, compound.group().strip(), compound.end()), number)
                return True
            return False
        if match:
            start, end = phrase_after(text, match.end(), sentence.end)
            phrase = (match.start(), end)
        else:
            match = _ZUFOLGE.search(text, sentence.start, sentence.end) if "zufolge" in said else None
            if not match:
                return False
            start, end = phrase_before(text, match.start(), sentence.start)
            phrase = (start, match.end())
        if _OWN.match(match.group()):
            attribution = self._subject(sentence.start, match.start(), "Angaben", number) or \
                self._subject(phrase[1], sentence.end, "Angaben", number)
            speaker = attribution.speaker if attribution else self._own_claimant(number, sentence, match.start())
        else:
            speaker, _ = self._speaker(start, end, number)
            named = self._named_in_apposition(end, sentence.end)
            if named is not None and (speaker is None or speaker.kind != "PER"):
                speaker, end = named, named.end
                phrase = (phrase[0], max(phrase[1], named.end))
            if speaker is None and _REPORTED_BEFORE.search(text[start:end]) and self._recent(number):
                speaker = self.last_speaker[1]      # "Dem Bericht zufolge", "den Angaben zufolge"
        if speaker is None or self._inside_span(match.start()):
            return False
        claim = self._claim(sentence, phrase)
        if len(_WORD.findall(claim)) < MIN_QUOTE_WORDS:
            return False
        self._add(sentence.start, sentence.end, claim, self._clause_kind(sentence.start, sentence.end),
                  Attribution(speaker, None, None, match.group().strip(), end), number)
        return True

    def _own_claimant(self, number: int, sentence: Sentence, position: int) -> Speaker | None:
        """Who speaks "nach eigenen Angaben" when the actors layer names no subject: a
        pronoun's referent, the previous sentence's subject ("Die Armee beschoss …. Nach
        eigenen Angaben reagierte sie …"), or a name opening the sentence ("Nokta erscheint
        nach eigenen Angaben …")."""
        if _PRONOUN_SUBJECT.search(self.text, sentence.start, sentence.end) and number > 0:
            previous = self.doc.sentences[number - 1]
            subject = self._subject(previous.start, previous.end, "Angaben", number - 1)
            return subject.speaker if subject else None
        start, end = phrase_after(self.text, sentence.start, position)
        name = self.text[start:end]
        if end > start and name[:1].isupper() and name_like(name) and name.lower() not in ARTICLES:
            return Speaker(name, self.index.home_code(), start, end, "ORG")
        return None

    def _claim(self, sentence: Sentence, phrase: tuple[int, int]) -> str:
        """What an attribution phrase (start, end) attributes: the rest of the sentence
        after one that opens it ("Nach Angaben der UN kamen 50 Menschen ums Leben"), before
        one that closes it ("…, laut Polizei."), the sentence around one in its middle
        ("Die Armee hat nach eigenen Angaben zwei Lager zerstört": "Die Armee hat zwei Lager
        zerstört")."""
        before = self.text[sentence.start:phrase[0]].strip(" ,.")
        after = self.text[phrase[1]:sentence.end].strip(" ,.!?")
        if len(_WORD.findall(before)) >= 2 and len(_WORD.findall(after)) >= 2:
            claim = before + " " + after
        else:
            claim = after if len(_WORD.findall(after)) >= 2 else before
        return " ".join(claim.split())

    def _recent(self, number: int, sentences: int = 3) -> bool:
        return self.last_speaker is not None and number - self.last_speaker[0] <= sentences

    def _subjunctive_continuation(self, number: int, sentence: Sentence, words: list[tuple[int, int, str]]) -> bool:
        """A sentence in the subjunctive within two sentences after reported speech reports
        the same speaker (Konjunktiv I is the mark of reported speech in German news)."""
        newest = self._pending_speaker[1] if self._pending_speaker else (self._last_speaker or (None,))[0]
        if newest is None or number - newest > 2:
            return False        # no speaker near enough (asked before HanTa, which is slow on new words)
        if len(words) < MIN_QUOTE_WORDS or any(word.lower() in FIRST_PERSON for _, _, word in words[:3]) or any(
                q["start"] < sentence.end and sentence.start < q["end"] for q in self.quotes):
            return False
        if not any(is_subjunctive(word, reported=True) for _, _, word in words[1:10] if word[:1].islower()):
            return False
        if self.last_speaker is None or number - self.last_speaker[0] > 2:
            return False
        self._add(sentence.start, sentence.end, self.text[sentence.start:sentence.end].rstrip(" ."), "indirect",
                  Attribution(self.last_speaker[1], None, None, "", sentence.end), number)
        return True

    # --- helpers --------------------------------------------------------------------------

    def _cue(self, word: str, after: int, limit: int) -> Cue | None:
        """The cue `word` is, when any: a particle verb's finite form only with its
        particle later in the clause ("teilte … mit")."""
        choice = self.cue_choices.get(word)
        if choice is None:
            return None
        plain, with_particle = choice
        if with_particle:
            clause = self.text[after:self._clause_end(after, limit)]
            for cue, particle in with_particle:
                if particle.search(clause):
                    return cue
        return plain

    def _cues_in(self, start: int, end: int):
        """(start, end, word) of each cue in text[start:end]."""
        if self.cue_choices.keys().isdisjoint(_WORD.findall(self.text, start, end)):
            return      # most often: no cue word, and no match object made per word
        for match in _WORD.finditer(self.text, start, end):
            word = match.group()
            if word in self.cue_choices and self._cue(word, match.end(), end) is not None:
                yield match.start(), match.end(), word

    def _speaker_of_cue(self, cue_start: int, cue_end: int, word: str, sentence: Sentence,
                        number: int) -> Attribution | None:
        """The speaker of a cue in the middle of its sentence: named right after the
        verb ("Am Montag sagte Biden, …") or its subject before it."""
        floor = self._subject_floor(sentence.start, cue_start)
        if self.text[floor:cue_start].rstrip().endswith(","):
            # "<clause>, witzelte er:": after a clause the verb comes first, its subject after it
            start, end = phrase_after(self.text, cue_end, sentence.end)
            speaker, addressee = self._speaker(start, end, number) if end > start else (None, None)
            if speaker is not None:
                return Attribution(speaker, addressee, None, word, end, cue_start)
        if _PRONOUN_FIRST.match(self.text[floor:cue_start]):
            speaker = self._pronoun(number, floor)       # "Er bezeichnete … und warf … vor, …"
            if speaker is not None:
                return Attribution(speaker, None, None, word, cue_end, floor)
        subject = self._subject(floor, cue_start, word, number)
        if subject is not None:
            return subject
        if not self.index.within(floor, cue_start):
            speaker, _ = speaker_in(self.index, *self._trimmed(floor, cue_start))
            if speaker is not None:     # "Ein anderer malischer Militärvertreter sagte, …"
                return Attribution(speaker, None, None, word, cue_end, floor)
        start, end = phrase_after(self.text, cue_end, sentence.end)
        if end > start:
            speaker, addressee = self._speaker(start, end, number)
            if speaker is not None:
                return Attribution(speaker, addressee, None, word, end, cue_start)
        subject = self._subject(sentence.start, floor, word, number)
        if subject is not None:
            return subject
        pronoun = _PRONOUN_BEFORE_CUE.match(self.text[floor:cue_start]) or \
            _PRONOUN_AFTER_CUE.match(self.text[cue_end:sentence.end])
        if pronoun:
            speaker = self._pronoun(number, cue_start)
            if speaker is not None:
                return Attribution(speaker, None, None, word, cue_end, cue_start)
        return None

    def _trimmed(self, start: int, end: int) -> tuple[int, int]:
        segment = self.text[start:end]
        return start + len(segment) - len(segment.lstrip()), start + len(segment.rstrip())

    def _subject(self, floor: int, cue_start: int, word: str, number: int) -> Attribution | None:
        """The subject among the actors in [floor, cue_start): no prepositional object; a
        person named in apposition wins ("Der Chefredakteur der Zeitung X, Can Dündar, warnte")."""
        candidates = [actor for actor in self.index.within(floor, cue_start)
                      if actor["kind"] != "ADJ" and not self._inside_span(actor["start"])
                      and not _AFTER_PREPOSITION.search(self.text[max(floor, actor["start"] - 30):actor["start"]])
                      and not _OBJECT_ARTICLE.search(self.text[max(floor, actor["start"] - 30):actor["start"]])]
        if len(candidates) > 1:
            # "Erdoğan hatte Demirtaş vorgeworfen, …": after the auxiliary stands the object
            candidates = [actor for actor in candidates
                          if not _AFTER_AUXILIARY.search(self.text, max(floor, actor["start"] - 20), actor["start"])
                          ] or candidates
        persons = [actor for actor in candidates if actor["kind"] == "PER"]
        for actor in persons[-1:] + candidates:
            if self._apposed(actor, floor, cue_start):
                start = actor["start"]     # the phrase before the comma is the person's role, not the subject
            else:
                start, _ = phrase_before(self.text, actor["start"], max(floor, actor["start"] - 60))
            speaker, _ = self._speaker(min(start, actor["start"]), cue_start, number)
            if speaker is not None:
                return Attribution(speaker, None, None, word, cue_start + len(word), floor)
        return None

    def _apposed(self, actor: dict, floor: int, cue_start: int) -> bool:
        """A person named between commas right before the cue: "Der Sprecher des Auswärtigen
        Amtes, Sebastian Fischer, sagte"."""
        return (actor["kind"] == "PER" and self.text[floor:actor["start"]].rstrip().endswith(",")
                and self.text[actor["end"]:cue_start].strip() == ",")

    def _subject_floor(self, sentence_start: int, cue_start: int) -> int:
        """Where the cue's clause begins: after the last comma or conjunction before it
        that starts a new clause, and after a dateline."""
        start = self.doc.after_dateline(sentence_start, cue_start)
        segment = self.text[start:cue_start]
        ends = [m.end() for m in _CLAUSE_OPENER.finditer(segment)]
        return start + ends[-1] if ends else start

    def _speaker(self, start: int, end: int, number: int) -> tuple[Speaker | None, Speaker | None]:
        phrase = self.text[start:end].strip()
        if phrase.lower() in PRONOUNS:
            return (self._pronoun(number, start) if phrase.lower() != "man" else None), None
        if end <= start:
            return None, None
        return speaker_in(self.index, start, end)

    def _pronoun(self, number: int, position: int) -> Speaker | None:
        """"er", "sie" at `position`: the speaker of this or the previous sentence when a
        person spoke there; else the last person named before, outside quotes, within
        three sentences ("… zurückgezogen, sagte Trump. Er hatte argumentiert, …")."""
        last = self.last_speaker
        if last is not None and number - last[0] <= 1 and last[1].kind in ("PER", "ROLE"):
            return last[1]
        floor = self.doc.sentences[max(0, number - 3)].start
        person = self.index.before(position, ("PER",))
        while person is not None and self._inside_span(person["start"]):
            person = self.index.before(person["start"], ("PER",))
        if person is not None and person["start"] >= floor:
            return as_speaker(self.index, person)
        if last is not None and number - last[0] <= 3:
            return last[1]
        role = self.index.before(position, ("ROLE",))
        if role is not None and role["start"] >= floor:
            return describe(self.index, role, floor, position)
        return None

    def _comma_after_cue(self, cue_end: int, limit: int) -> int | None:
        """The comma that opens the reported clause: after the cue, its particle, its
        speaker and adverbs, before any other verb."""
        segment = self.text[cue_end:limit]
        comma = segment.find(",")
        if comma < 0 or comma > 120:
            return None
        between = self.text[cue_end:cue_end + comma]
        if any(c in between for c in "„“”\"»«:;"):
            return None
        for match in _WORD.finditer(between):
            token = match.group()
            if token in self.forms or token[:1].islower() and token != "zu" and is_finite_verb(token):
                return None
        return cue_end + comma

    def _reported_clause(self, start: int, end: int, cue: Cue) -> bool:
        """Whether the clause after "X sagte," is what was said: a dass/ob-clause, an
        infinitive with zu, or a main clause (verb second) — not a relative or adverbial
        clause; after a verb of thinking only in Konjunktiv I or with dass."""
        words = _WORD.findall(self.text[start:end])
        if len(words) < 2:
            return False
        first = words[0].lower()
        if first in _NOT_QUOTE_CLAUSE or is_finite_verb(words[0]):
            return False            # "X, der sich als Vermittler anbietet, nannte …": the main clause goes on
        if cue.kind == "thought":
            return first == "dass" or any(is_subjunctive(w) for w in words[1:8] if w[:1].islower())
        if first in _CLAUSE_STARTS:
            return True
        if _INFINITIVE_END.search(self.text[start:end]) and not any(is_finite_verb(w) for w in words):
            return cue.lemma not in _NO_INFINITIVE_QUOTE     # "sagte zu, die Ukraine zu unterstützen"
        if first in _RELATIVE and words[1][:1].islower() and words[-1][:1].islower() and is_finite_verb(words[-1]) \
                and not any(is_subjunctive(w) for w in words[1:8] if w[:1].islower()):
            return False            # "kritisierte die Entscheidung, die am Montag getroffen wurde"
        # a clause says something: "sagte der Gesandte, Ibrahima Fall, am Sonntag" has no verb
        return not _COMMON_FINITE.isdisjoint(words) or any(w[:1].islower() and is_finite_verb(w) for w in words)

    def _clause_start(self, sentence_start: int, clause_end: int) -> int:
        """The start of "<clause>, sagte X": the sentence's start, or the end of a quote
        or attribution before it in the sentence, after a dateline that opens it."""
        start = sentence_start
        for quote in self.quotes:
            if quote["kind"] != "phrase" and sentence_start <= quote["_attribution_end"] <= clause_end:
                start = max(start, quote["_attribution_end"])
        start += len(self.text[start:clause_end]) - len(self.text[start:clause_end].lstrip(" ,"))
        return self.doc.after_dateline(start, clause_end)

    def _clause_end(self, position: int, limit: int) -> int:
        match = _CLAUSE_MARK.search(self.text, position, limit)
        return match.start() if match else limit

    def _sentence_end_after(self, position: int) -> int:
        sentences = self.doc.sentences     # in order, none overlapping
        number = bisect.bisect_right(self.sentence_starts, position) - 1
        if number >= 0 and position < sentences[number].end:
            return sentences[number].end
        return sentences[number + 1].end if number + 1 < len(sentences) else len(self.text)

    def _inside_span(self, position: int) -> bool:
        # the outermost quotes follow each other without overlapping: only the last to start can hold it
        i = bisect.bisect_right(self.span_starts, position) - 1
        return i >= 0 and position < self.spans[i].end

    def _span_ends_at(self, position: int) -> bool:
        """A quote closes right before `position` (its attribution was handled as direct)."""
        return any(s.closed and 0 <= position - s.close <= 1 and len(_WORD.findall(self.text[s.start:s.end])) >= MIN_QUOTE_WORDS
                   for s in self.spans)

    def _covered(self, position: int) -> bool:
        return any(q["_from"] <= position < q["_attribution_end"] for q in self.quotes)

    def _covered_by_quote(self, sentence: Sentence) -> bool:
        start, end = sentence.start, sentence.end
        for quote in self.quotes:
            if quote["start"] <= start and end <= quote["end"] + 2:
                return True
        return False

    def _clause_kind(self, start: int, end: int) -> str:
        words = [w.lower() for w in _WORD.findall(self.text[start:end])]
        if any(s.start >= start and s.end <= end for s in self.spans):
            return "mixed"
        if "ich" in words or "wir" in words or (any(w in FIRST_PERSON for w in words)
                                                 and not any(is_subjunctive(w) for w in words)):
            return "direct"         # quotation marks stripped: "Ich wäre nicht die Richtige, sagte Rubio"
        return "indirect"

    def _add_clause(self, start: int, end: int, attribution: Attribution, number: int) -> None:
        clause = self.text[start:end].strip().rstrip(".!?").strip()
        if len(_WORD.findall(clause)) < MIN_QUOTE_WORDS:
            return
        self._add(start, start + len(self.text[start:end].rstrip().rstrip(".!?")), clause,
                  self._clause_kind(start, end), attribution, number)

    def _add(self, start: int, end: int, text: str, kind: str, attribution: Attribution, number: int) -> None:
        speaker, addressee, via = attribution.speaker, attribution.addressee, attribution.via
        self.quotes.append({
            "start": start, "end": end, "text": text, "kind": kind, "cue": attribution.cue,
            "speaker": speaker.name, "speaker_code": speaker.code,
            "addressee": addressee.name if addressee else None,
            "addressee_code": addressee.code if addressee else None,
            "via": via.name if via else None, "via_code": via.code if via else None,
            "_attribution_end": max(end, attribution.end),
            "_from": min(start, attribution.start) if attribution.start >= 0 else start,
        })
        if kind != "phrase":
            self.last_speaker = (number, speaker)
