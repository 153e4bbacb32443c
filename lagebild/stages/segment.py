"""Sentence splitting and tokenisation of German and English news: `segment`.

A rule-based, single-pass splitter on compiled regular expressions (standard
library `re` only). One regular expression cuts the text into tokens; a loop over
the tokens decides where sentences end. The loop only does work at the few
tokens that may end a sentence (`.`, `?`, `!`, `…`, line breaks); everything else
is appended as it comes.

Tokens (`Token.kind`):

* ``word``: letters and digits, with hyphenated compounds as one token
  ("Kreml-Sprecher", "Covid-19-Pandemie", "1,6-Liter-Motor"), apostrophes inside
  words ("geht's", "O'Brien"), a hanging hyphen before "und/oder" ("Ein- und
  Ausreise"), web domains ("tagesschau.de"), and abbreviations *with* their period:
  "Dr.", "Nr.", "bzw.", "St.". Spaced abbreviations are one token per piece
  ("z." and "B." in "z. B."); written without spaces they are one token ("z.B.",
  "U.S.", "e.g.").
* ``number``: "3.000", "1.5", "2,5", "15.30", "15:30", "30.12.2021", ranges
  "10-15", ordinals with their period ("10." in "am 10. Januar") and dates with
  their final period ("30.12." in "am 30.12. in Berlin").
* ``punct``: . , ; : ? ! … ... ( ) [ ] - – — / (a sentence-final period is its own
  token).
* ``quote``: „ “ ” " » « ‚ ‘ ’ ' ‹ ›.
* ``symbol``: URLs, e-mail addresses, and every other character (%, €, $, §, &, …).

Sentences end:

* after `.`, `?`, `!`, `…`, `...` (plus any closing quotes or brackets right
  after them) when the next token is a capitalised word, a digit, an opening quote
  or bracket, a symbol, or a line break; not when it is a lower-case word, a comma,
  semicolon, colon or dash ("„Das ist falsch!“, rief sie." is one sentence,
  "„Wir sind bereit.“ Er ging." two). A closing quote is a quote mark glued to the
  token before it; a quote mark after white space opens.
* not after a known abbreviation (lang/<language>/abbreviations.tsv, whose second
  column says when it may still end one; a capitalised form is looked up in lower
  case at the start of a sentence: "Ca. 200 ..."), a single lower-case letter
  ("z. B.", "d. h.") or a capital initial ("Joe R. Biden", "J. F. Kennedy",
  "J.F. Kennedy"). An initial ends the sentence only before a capitalised function
  word ("Angeklagt ist Markus K. Der Prozess ..."), the way German news shortens
  names. A letter glued to the token before it is no initial ("300 km/h. Das").
* at every blank line, and at a single line break unless the next line starts with
  a lower-case letter or the line ended in a comma or a hanging hyphen (so a
  headline without final punctuation is its own sentence).

Number + period (the ordinal rule). A number directly followed by "." and white
space is read as follows, looking at the next word W and, in German, the word
before the number:

1. "d.d." dates ("30.12.") and Roman numerals ("Benedikt XVI.") keep the period;
   the sentence ends after them only before a line break, a digit, an opening
   quote or a capitalised function word that typically starts a sentence ("Die",
   "Am", "Danach", …).
2. Numbers with separators ("3.000.", "2,5.") are never ordinals: the period is
   sentence punctuation like after a word.
3. Plain digits: before a line break, the end of the text, a digit, an opening
   quote or bracket: the sentence ends ("... auf 25.\\n"). Up to three digits at
   the start of a sentence or after a colon are an enumerator and keep the period
   ("Die Regeln: 1. Abstand halten. 2. Maske tragen."). Before a lower-case word
   or "," "/" "-" "–": an ordinal ("am 10. und 11. Mai", "die 2. große Welle").
   Before a capitalised W (German only; English has no ordinal period and ends
   the sentence): an ordinal when W is a month ("10. Januar", "3. Jänner", "5.
   Jan."), or a noun that counts ("20. Jahrhundert", "1. Mal", "2. Weltkrieg",
   "1. FC Köln", …); the end of the sentence when W is a function word that starts
   sentences ("auf 25. Am Abend"); otherwise an ordinal if the number has at most
   three digits and the word before it is an article, a contracted preposition or
   a possessive ("der 75. Jahrestag", "im 80. Lebensjahr"), else the end of the
   sentence ("stieg auf 25. Polizisten sperrten ...", "im Jahr 2020. Corona ...").

Known limits: a sentence that ends in a "mid" abbreviation ("... 3 Mio. Die")
or in an initial before a word that is no function word ("... Vitamin C.
Forscher ...") is not split; a sentence that starts with a lower-case word is
split only in the "iPhone" pattern (lower-case then upper-case letter);
hard-wrapped text (a single line break inside a sentence before a capitalised
word) is split there; "." never ends a sentence before a lower-case word.
The German word lists the ordinal rule uses (months, counted nouns, function
words, determiners) are closed-class grammar and live below, not in data files.
"""
from __future__ import annotations

import functools
import re

from lagebild.datafiles import DataFileError, read_table
from lagebild.document import Document, Sentence, Token
from lagebild.pipeline import stage

__all__ = ["segment"]

# --------------------------------------------------------------------------- tokens

_W = r"\w\u0300-\u036f\u00ad\u200c\u200d"  # word characters: letters, digits, combining marks, soft hyphen, joiners
_NUM = r"\d+(?:[.,:]\d+)*"
_TLD = r"(?:de|at|ch|com|org|net|eu|info|io|gov|edu|uk|int|fr|ru|ua|tv)"
_ZERO_WIDTH = "\u200b\u2060\ufeff"

_TOKEN_PARTS = [
    # a line break with all white space around it: ends or may end a sentence
    (r"nl", r"\n\s*"),
    (r"url", r"(?:https?://|www\.)[^\s<>\"„“”«»]*[^\s<>\"„“”«».,;:!?'’)\]]"),
    # e-mail addresses; only compiled in when the text holds an "@" (see _split)
    (r"mail", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"),
    # letter-dot sequences written together: z.B. d.h. U.S. e.g. J.F.
    (r"abbr", r"(?:[^\W\d_]\.){2,}(?![^\W\d_])"),
    # numbers and number ranges, when not the start of a compound ("35-Jährige")
    (r"num", rf"(?>{_NUM}(?:-{_NUM})*)(?![{_W}]|[-'’][{_W}])"),
    # words and compounds, a web domain, a hanging hyphen before und/oder
    (
        r"word",
        rf"(?:{_NUM}-)*[{_W}]+(?:[-'’][{_W}]+)*"
        rf"(?:\.(?:[\w-]+\.)*{_TLD}(?![{_W}]|\.\w))?"
        r"(?:-(?=\s+(?:und|oder|bzw\.|sowie|bis)\s|,))?",
    ),
    (r"ell", r"\.{2,}|…"),
    (r"dot", r"\."),
    (r"fin", r"[?!]+"),
    (r"quote", r"[\"„“”»«‚‘’'‹›]"),
    (r"open", r"[(\[{]"),
    (r"close", r"[)\]}]"),
    (r"punct", r"[,;:\-‐‑–—―/\\|·•]"),
    (r"sym", rf"[^\s{_ZERO_WIDTH}]"),
]


def _compile(with_mail: bool) -> re.Pattern[str]:
    # Each part's name is an empty group after its body (`match.lastgroup`), so that the
    # regex engine sees the body's first character or class and skips a part that cannot
    # match at once. Every token starts with a line break or a character that is no white
    # space: the lookahead passes over white space without trying the parts.
    parts = [f"(?:{body})(?P<{name}>)" for name, body in _TOKEN_PARTS if with_mail or name != "mail"]
    return re.compile(rf"(?=[^\s{_ZERO_WIDTH}]|\n)(?:" + "|".join(parts) + ")")


_TOKEN_RE = _compile(with_mail=False)
_TOKEN_RE_MAIL = _compile(with_mail=True)

_KIND = {
    "url": "symbol",
    "mail": "symbol",
    "abbr": "word",
    "num": "number",
    "word": "word",
    "ell": "punct",
    "dot": "punct",
    "fin": "punct",
    "quote": "quote",
    "open": "punct",
    "close": "punct",
    "punct": "punct",
    "sym": "symbol",
}

_DATE_STUB = re.compile(r"\d{1,2}\.\d{1,2}")
_ROMAN = re.compile(r"(?=[IVXLC]{2})C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_OPENERS = "([{„‚"  # marks after which "…", "?" or "!" cannot end a sentence ("(…)", "(!)")
_DASHES = "-‐‑–—―"

# --------------------------------------------------------------- German word lists
# Closed-class grammar words the ordinal rule looks at; written by the lagebild
# team from general knowledge of German.

_MONTHS_DE = frozenset(
    "Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober "
    "November Dezember Jan Feb Mär Mrz Apr Jun Jul Aug Sep Sept Okt Nov Dez".split()
)

# Nouns that follow ordinals ("zum 1. Mal"); also matched without the endings s, es, n, en, e.
_ORDINAL_NOUNS_DE = frozenset(
    "Jahrhundert Jahrtausend Jahrestag Geburtstag Todestag Hochzeitstag Jubiläum Mal "
    "Weltkrieg Platz Rang Liga Bundesliga Runde Spieltag Etappe Stock Stockwerk Etage "
    "Klasse Quartal Halbjahr Lebensjahr Amtsjahr Amtszeit Legislaturperiode Wahlperiode "
    "Wahlgang Sitzung Lesung Parteitag Kongress Auflage Ausgabe Kapitel Staffel Folge "
    "Minute Halbzeit Hälfte Satz Durchgang Versuch Anlauf Welle Stufe Grad Ordnung "
    "Instanz Senat Strafsenat Kammer Reich Republik Bezirk Armee Division Brigade Flotte "
    "Advent Adventssonntag Präsident Bundespräsident Kanzler Bundeskanzler Papst "
    "Bürgermeister Vorsitzender Vorsitzende Person Generation Album Studioalbum "
    "Länderspiel Saison Tor Treffer FC FSV FFC SC BC FCK".split()
)

# Capitalised function words that start sentences: a number + "." before one of
# them ends the sentence ("Die Zahl stieg auf 25. Am Abend ...").
_STARTERS_DE = frozenset(
    "Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Er Sie Es Wir Ihr Ich Du Man "
    "Dies Diese Dieser Dieses Diesen Jener Jene Dort Da Dann Danach Daher Darum Doch Denn "
    "Aber Und Oder Auch Auf Aus Bei Bis Durch Für Gegen Im In Am An Als Ab Nach Mit Seit "
    "Von Vom Vor Zum Zur Zu Über Unter Um Wie Was Wer Wo Wann Warum Weil Wenn Während "
    "Trotz Laut So Nun Noch Nur Jetzt Heute Gestern Zudem Außerdem Insgesamt Allerdings "
    "Somit Damit Dabei Dazu Deshalb Deswegen Zuletzt Zuvor Bereits Erst Schon Mehr Viele "
    "Alle Beide Kein Keine Sein Seine Ihre Unser Nicht Hier Bisher Inzwischen "
    "Mittlerweile Zunächst Gleichzeitig Zugleich Derzeit Demnach Jedoch Immerhin "
    "Ebenfalls Weitere Andere Einige Mehrere Etwa Rund Fast Knapp Damals Dass Ob Obwohl "
    "Sobald Nachdem Bevor Seitdem Zwar Vielmehr Stattdessen Trotzdem Dennoch Also "
    "Ja Nein Gegenüber Neben Hinter Zwischen Ohne Wegen Dafür Dagegen Davor "
    "Darauf Daraufhin Anschließend Später Kurz Welche Welcher Welches".split()
)

# The same for English, used after initials ("... said Ahmed K. The court ...").
_STARTERS_EN = frozenset(
    "The A An He She It They We I You This That These Those There Here But And Or So Yet "
    "In On At For With By From After Before When While If As Its His Her Their Our Some "
    "Many Most No Not Now Then Still Also However Meanwhile According Police Officials".split()
)
_STARTERS = _STARTERS_DE | _STARTERS_EN

# Words before a number that make it an ordinal ("der 75. Jahrestag", "im 80. Lebensjahr").
_DETERMINERS_DE = frozenset(
    "am im zum zur vom beim der die das den dem des ihr ihre ihrem ihren ihrer ihres "
    "sein seine seinem seinen seiner seines unser unsere unserem unseren unserer "
    "dieser diese dieses diesem diesen jeder jede jedes jedem jeden".split()
)

# ----------------------------------------------------------------- abbreviations

_MID, _MAY_END, _BEFORE_NUMBER, _INITIAL = 1, 2, 3, 4
_MODES = {"mid": _MID, "may-end": _MAY_END, "before-number": _BEFORE_NUMBER}


@functools.cache
def _read_abbreviations(language: str) -> dict[str, int]:
    """{token text with its period: mode} for lang/<language>/abbreviations.tsv.

    Every piece of a spaced abbreviation ("z." and "B." of "z. B.") and its
    spaceless form ("z.B.") are keys; the mode in the second column applies to the
    last piece, the pieces before it never end a sentence.
    """
    path = f"lang/{language}/abbreviations.tsv"
    found: dict[str, int] = {}
    for row in read_table(path):
        entry = row[0]
        mode_name = row[1] if len(row) > 1 and row[1] else "mid"
        if mode_name not in _MODES or not entry.endswith("."):
            raise DataFileError(
                f"{path}: {entry!r} must end with '.' and have a mode of {sorted(_MODES)}, "
                f"not {mode_name!r}"
            )
        mode = _MODES[mode_name]
        pieces = entry.split()
        for piece in pieces[:-1]:
            found.setdefault(piece, _MID)
        found[pieces[-1]] = mode
        if len(pieces) > 1:
            found["".join(pieces)] = mode
    return found


@functools.cache
def _abbreviations(language: str | None) -> dict[str, int]:
    if language in ("de", "en"):
        return _read_abbreviations(language)
    merged = dict(_read_abbreviations("en"))
    merged.update(_read_abbreviations("de"))
    return merged


# ----------------------------------------------------------------------- the stage

# What the last final mark asks of the token after it.
_P_DOT = 1        # "." after a word: ends before a capitalised word, digit, opener, break
_P_FIN = 2        # "?", "!", "…": same as _P_DOT
_P_ABBR = 3       # period of an abbreviation (merged): ends only at a line break
_P_MAY_END = 4    # period of an abbreviation that may end a sentence: ends before a capital
_P_ABBR_NUM = 5   # "." after a before-number abbreviation: merged before a digit or lower case
_P_NUM = 6        # "." after a number or Roman numeral: the ordinal rule
_P_NL = 7         # a single line break: ends unless the next line starts in lower case
_P_INITIAL = 8    # period of an initial (merged): ends only before a function word ("Roland K. Der")


@stage(requires=("text", "language"), provides=("sentences", "tokens"))
def segment(doc: Document) -> Document:
    """Reads doc.text (and doc.language: 'de', 'en' or None); adds doc.sentences and doc.tokens,
    and their words by sentence (`Document.words_by_sentence`).

    Both are character spans into doc.text without surrounding white space; tokens
    lie inside sentences and do not overlap. See the module docstring for the rules.
    """
    text = doc.text or ""
    doc.sentences, doc.tokens = _split(text, doc.language)
    doc.words_by_sentence()   # the grouping every later stage reads: made here, once
    return doc


def _split(text: str, language: str | None) -> tuple[list[Sentence], list[Token]]:
    abbreviations = _abbreviations(language)
    german = language != "en"
    starters = _STARTERS_DE if language == "de" else _STARTERS_EN if language == "en" else _STARTERS
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    append = tokens.append
    first = 0   # index of the first token of the open sentence
    cut = 0     # the open sentence ends before this token index if `pend` resolves to an end
    pend = 0    # what the last possible sentence end waits for (_P_*), 0 for nothing
    pattern = _TOKEN_RE_MAIL if "@" in text else _TOKEN_RE

    for match in pattern.finditer(text):
        group = match.lastgroup
        start, end = match.span()

        if pend:
            ends = False
            if group == "nl":
                if pend == _P_NUM:
                    _number_period(text, tokens, first, None, 0, 0, german)
                    cut = len(tokens)
                ends = True
            elif pend == _P_NL:
                ends = not text[start].islower()
            elif group == "close" or (group == "quote" and start == tokens[-1].end):
                # a closing quote or bracket belongs to the sentence it closes
                append(Token(start, end, _KIND[group]))
                cut = len(tokens)
                if pend == _P_NUM or pend == _P_ABBR_NUM:
                    pend = _P_DOT
                continue
            elif group == "dot" or group == "fin" or group == "ell":
                append(Token(start, end, "punct"))
                cut = len(tokens)
                if pend != _P_ABBR or group != "dot":
                    pend = _P_FIN
                continue
            elif pend == _P_ABBR:
                ends = False
            elif pend == _P_INITIAL:
                ends = group == "word" and text[start:end] in starters
            elif pend == _P_NUM:
                merged, ends = _number_period(text, tokens, first, group, start, end, german)
                if merged:
                    cut = len(tokens)
            elif pend == _P_MAY_END:
                ends = (group == "word" and text[start].isupper()) or group == "quote"
            elif pend == _P_ABBR_NUM and (text[start].isdigit() or text[start].islower()):
                dot = tokens.pop()
                tokens[-1].end = dot.end
                ends = False
            else:  # _P_DOT, _P_FIN, _P_ABBR_NUM before anything else
                ends = _ends_before(text, group, start, pend)
            if ends and cut > first:
                sentences.append(Sentence(tokens[first].start, tokens[cut - 1].end))
                first = cut
            pend = 0
            if group == "nl":
                continue

        if group == "word":
            append(Token(start, end, "word"))
        elif group == "dot":
            previous = tokens[-1] if tokens else None
            if previous is not None and previous.end == start and previous.kind == "word":
                word = text[previous.start:end]
                if len(word) == 2 and word[0].isalpha():
                    mode = _single_letter(text, tokens, word, abbreviations)
                else:
                    mode = abbreviations.get(word)
                    if mode is None and word[0].isupper() and first == len(tokens) - 1:
                        mode = abbreviations.get(word.lower())  # "Ca." starting a sentence
                if mode == _MID or mode == _MAY_END or mode == _INITIAL:
                    previous.end = end
                    pend = _P_ABBR if mode == _MID else _P_MAY_END if mode == _MAY_END else _P_INITIAL
                elif mode == _BEFORE_NUMBER:
                    append(Token(start, end, "punct"))
                    pend = _P_ABBR_NUM
                else:
                    append(Token(start, end, "punct"))
                    pend = _P_NUM if _ROMAN.fullmatch(word, 0, len(word) - 1) else _P_DOT
            elif previous is not None and previous.end == start and previous.kind == "number":
                append(Token(start, end, "punct"))
                pend = _P_NUM
            else:
                append(Token(start, end, "punct"))
                pend = _P_DOT
            cut = len(tokens)
        elif group == "num":
            append(Token(start, end, "number"))
        elif group == "nl":
            if first == len(tokens):
                continue
            if text.count("\n", start, end) > 1:
                sentences.append(Sentence(tokens[first].start, tokens[-1].end))
                first = len(tokens)
            else:
                last = tokens[-1]
                if text[last.end - 1] not in ",-":
                    pend = _P_NL
                    cut = len(tokens)
        elif group == "fin" or group == "ell":
            # "(…)", "(!)", "„…und" and a mark that opens a sentence do not end one
            if first != len(tokens) and not (tokens[-1].end == start and text[start - 1] in _OPENERS):
                pend = _P_FIN
                cut = len(tokens) + 1
            append(Token(start, end, "punct"))
        elif group == "abbr":
            append(Token(start, end, "word"))
            word = text[start:end]
            mode = abbreviations.get(word)
            if mode is None:
                # "J.F." are initials; "a.m." not in the list ends before a capitalised word
                mode = _INITIAL if word.isupper() else _MAY_END
            if mode == _MAY_END or mode == _INITIAL:
                pend = _P_MAY_END if mode == _MAY_END else _P_INITIAL
                cut = len(tokens)
        else:
            append(Token(start, end, _KIND[group]))

    if pend == _P_NUM:
        _number_period(text, tokens, first, None, 0, 0, german)
    if first < len(tokens):
        sentences.append(Sentence(tokens[first].start, tokens[-1].end))
    return sentences, tokens


def _ends_before(text: str, group: str, start: int, pend: int) -> bool:
    """Whether a sentence ends after a final mark (. ? ! …) that the token at `start` follows."""
    if group in ("word", "num", "abbr"):
        first_char = text[start]
        if not first_char.islower():
            return True
        # "... verkauft. iPhone-Nutzer": lower case then upper case starts a sentence after "."
        return pend == _P_DOT and text[start + 1:start + 2].isupper()
    if group in ("quote", "open", "sym", "url", "mail"):
        return True
    return False  # , ; : ) and dashes continue the sentence


def _number_period(
    text: str,
    tokens: list[Token],
    first: int,
    group: str | None,
    start: int,
    end: int,
    german: bool,
) -> tuple[bool, bool]:
    """The ordinal rule for a number (or Roman numeral) + "." (tokens[-2], tokens[-1]).

    `group`, `start`, `end` describe the next token, or `group` is None at a line
    break or the end of the text. Merges the period into the number when it belongs
    to it; returns (merged, the sentence ends after the period).
    """
    number = tokens[-2]
    digits = text[number.start:number.end]
    ends_default = True if group is None else _ends_before(text, group, start, _P_DOT)

    if not digits[0].isdigit() or _DATE_STUB.fullmatch(digits):
        # "30.12." and "Benedikt XVI." keep their period
        _merge_period(tokens)
        if group is None or group == "quote":
            return True, True
        if group in ("word", "num"):
            word = text[start:end]
            return True, word[0].isdigit() or (german and word in _STARTERS_DE)
        return True, False
    if not digits.isdigit():
        return False, ends_default  # "3.000." "2,5." are not ordinals
    if group is None or group == "num" or group in ("quote", "open"):
        return False, True
    if len(digits) <= 3 and (
        tokens[first].start == number.start or text[tokens[-3].start] == ":"
    ):
        _merge_period(tokens)  # an enumerator: "Die Regeln: 1. Abstand halten. 2. Maske tragen."
        return True, False
    if group == "punct":
        if text[start] in ",/" or text[start] in _DASHES:
            _merge_period(tokens)
            return True, False
        return False, False
    if group not in ("word", "abbr"):
        return False, ends_default
    word = text[start:end]
    if word[0].islower():
        _merge_period(tokens)  # "am 10. und 11. Mai"
        return True, False
    if word[0].isdigit():
        return False, True
    if not german:
        return False, True
    if word in _MONTHS_DE or _is_ordinal_noun(word):
        _merge_period(tokens)
        return True, False
    if word in _STARTERS_DE:
        return False, True
    if len(digits) <= 3 and len(tokens) >= 3:
        before = tokens[-3]
        if before.end < number.start and text[before.start:before.end].lower() in _DETERMINERS_DE:
            _merge_period(tokens)  # "der 75. Jahrestag"
            return True, False
    return False, True


def _single_letter(text: str, tokens: list[Token], word: str, abbreviations: dict[str, int]) -> int | None:
    """The mode of a single letter + "." (tokens[-1] is the letter)."""
    if len(tokens) >= 2:
        before = tokens[-2]
        if before.end == tokens[-1].start:
            return None  # "km/h." "8.x.": the end of a longer word, not an initial
        if not word[0].isupper() or text[before.start:before.end] in abbreviations:
            return _MID  # "z. B.", "a. D.", "d. h."
    elif not word[0].isupper():
        return _MID
    return _INITIAL  # "Joe R. Biden", but "Roland K. Der ..." ends


def _merge_period(tokens: list[Token]) -> None:
    period = tokens.pop()
    tokens[-1].end = period.end


def _is_ordinal_noun(word: str) -> bool:
    word = word.rsplit("-", 1)[-1]
    if word in _ORDINAL_NOUNS_DE:
        return True
    if word[-1:] in ("s", "n", "e") and word[:-1] in _ORDINAL_NOUNS_DE:
        return True
    return word[-2:] in ("es", "en") and word[:-2] in _ORDINAL_NOUNS_DE
