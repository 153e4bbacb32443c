"""The clean stage: from the plain text of a page to the article text the later stages read.

`clean` reads `doc.source_text` and writes:

* `doc.text`: the title (when there is one) as the first paragraph, then the body
  paragraphs, joined by a blank line ("\\n\\n"). Every non-empty input line is a
  paragraph, except that a line continuing a hard-wrapped sentence (the previous line
  ends without sentence punctuation and this one starts in lower case) is joined to it
  with a space. Lines are stripped; runs of blank lines collapse.
* `doc.title`: the title line, unless the caller already set a title.
* `doc.agency`: the news agencies of the agency tags and the dateline, canonical short
  names (knowledge/agencies.tsv) joined by "/" in order of appearance ("dpa/AFP").
* `doc.dateline`: the place of the dateline as written ("BERLIN", "Washington/Moskau");
  the dateline itself stays in the text.
* `doc.published` / `doc.published_from = "metadata"`: the date of a metadata line
  ("Veröffentlicht am 12. März 2022") or of a dated end tag ("(APA, 12.9.2015)"), as
  ISO "YYYY-MM-DD", only if `doc.published` was not set before.
* `doc.removed`: every piece of the input that is not in `doc.text` (apart from white
  space), as `Removed(start, end, text, reason)` with offsets into `doc.source_text`.

Reasons of removed pieces (a fixed set, `REASONS`):

    metadata      publication/update lines, bare date lines, site banners
                  ("Ausgegeben am: 30.12.2021", "Stand: ...", "site-3 – Aktuelle Nachrichten")
    byline        author lines and author initials ("Von Anna Berger", "By Jane Doe", "(est)")
    breadcrumb    navigation paths ("Nachrichten » Politik » Ausland", "Startseite / Welt")
    reading-time  "Lesezeit: 3 Minuten", "4 min read"
    share         share and print widgets ("Teilen: Facebook Twitter", "Share this article")
    comment       comment widgets ("Kommentar schreiben", "0 Kommentare", "Leave a Reply")
    newsletter    newsletter prompts ("Newsletter abonnieren")
    copyright     copyright lines ("© 2021 site. Alle Rechte vorbehalten.")
    cookie        cookie notices
    advert        advertisement markers ("Anzeige", "Weiterlesen nach der Anzeige")
    related       links to other articles ("Mehr zum Thema", "Lesen Sie auch: ...", "Mehr auf MSN")
    source-tag    source lines of republishing sites ("source site-27", "Quelle: site-3")
    credit        picture credits ("Foto: dpa")
    separator     lines of punctuation only (".", "-", "* * *")
    label         a flag in front of the title ("EIL:", "Update:", "Exklusiv:")
    agency        agency tags ("(AFP)", "(dpa/AFP)", "APA/Reuters", "AFP/jub")

The dateline opening the body ("BERLIN (dpa) –", "Damaskus –") stays in the text: it
names the place of the story, and a sentence given alone must come back unchanged.

Line patterns come from lang/de/boilerplate.tsv and lang/en/boilerplate.tsv (both always
applied: cleaning runs before language detection). A line is boilerplate only if a
pattern matches the whole line and the line is at most 300 characters long, so ordinary
sentences that merely contain a word like "Anzeige" stay. A bare date line counts as
metadata only before the first or after the last body paragraph.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re

from lagebild.datafiles import read_table
from lagebild.document import Document, Removed
from lagebild.pipeline import stage

REASONS = frozenset({
    "metadata", "byline", "breadcrumb", "reading-time", "share", "comment", "newsletter",
    "copyright", "cookie", "advert", "related", "source-tag", "credit", "separator",
    "label", "agency",
})

BOILERPLATE_FILES = ("lang/de/boilerplate.tsv", "lang/en/boilerplate.tsv")
AGENCIES_FILE = "knowledge/agencies.tsv"

MAX_BOILERPLATE_LINE = 300   # longer lines are always article text
MAX_TITLE = 200              # longer first lines are body text

# White space for stripping lines: Unicode white space plus zero-width characters and BOM.
_WS = "".join(chr(c) for c in range(0x3100) if chr(c).isspace()) + "\u200b\u200c\u200d\u2060\ufeff"

# --- dates ------------------------------------------------------------------------------

_MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "january": 1,
    "februar": 2, "feber": 2, "feb": 2, "february": 2,
    "märz": 3, "mär": 3, "mrz": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "dez": 12, "december": 12, "dec": 12,
}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (r"(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|"
            r"Wednesday|Thursday|Friday|Saturday|Sunday|Mo|Di|Mi|Do|Fr|Sa|So|Mon|Tue|Wed|Thu|Fri|"
            r"Sat|Sun)\.?,?\s+)")
_DATE = (rf"(?:{_WEEKDAY}?(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}"
         rf"|\d{{1,2}}\.?\s*(?i:{_MONTH})\s+\d{{4}}|(?i:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
         rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}}))")
_TIME = (r"(?:\d{1,2}[:.]\d{2}(?:\s?(?:Uhr|h|am|pm|AM|PM|a\.m\.|p\.m\.))?"
         r"(?:\s?(?:MEZ|MESZ|CET|CEST|UTC|GMT|ET|EST|EDT|BST))?)")
_DATETIME = rf"(?:{_DATE}(?:\s*(?:,|um|at|\||-|–)?\s*{_TIME})?)"
_NAME = r"(?:[A-ZÄÖÜ][\w'’-]*\.?(?: (?:von |van |de |der |zu |da |di |al-)?[A-ZÄÖÜ][\w'’-]*\.?){0,3})"
_NAMES = rf"(?:{_NAME}(?:(?:\s*,\s*|\s+(?:und|and|&)\s+){_NAME}){{0,3}})"
_MACROS = {"{DATETIME}": _DATETIME, "{DATE}": _DATE, "{TIME}": _TIME, "{NAMES}": _NAMES}

_DATE_FINDERS = (
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), "ymd"),
    (re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)"), "dmy"),
    (re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s*({_MONTH})\s+(\d{{4}})(?!\d)", re.I), "dMy"),
    (re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I), "Mdy"),
    (re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)"), "mdy"),
)
_BARE_DATE = re.compile(_DATETIME)


def find_date(text: str) -> str | None:
    """The first valid calendar date in `text` as ISO "YYYY-MM-DD", or None."""
    best = None
    for finder, order in _DATE_FINDERS:
        m = finder.search(text)
        if m is None or (best is not None and m.start() >= best[0]):
            continue
        a, b, c = m.groups()
        try:
            if order == "ymd":
                y, mo, d = int(a), int(b), int(c)
            elif order == "dmy":
                y, mo, d = int(c), int(b), int(a)
            elif order == "dMy":
                y, mo, d = int(c), _MONTHS[b.lower().rstrip(".")], int(a)
            elif order == "Mdy":
                y, mo, d = int(c), _MONTHS[a.lower().rstrip(".")], int(b)
            else:
                y, mo, d = int(c), int(a), int(b)
            if y < 100:
                y += 2000
            if not 1900 <= y <= 2100:
                continue
            iso = _dt.date(y, mo, d).isoformat()
        except (ValueError, KeyError):
            continue
        best = (m.start(), iso)
    return best[1] if best else None


# --- data files ---------------------------------------------------------------------------

@functools.cache
def _agencies() -> dict[str, str]:
    """Agency spelling (as written, and case-folded) -> canonical short name."""
    table: dict[str, str] = {}
    for key, canonical, _full in read_table(AGENCIES_FILE, 3):
        table[key] = canonical
    for key, canonical, _full in read_table(AGENCIES_FILE, 3):
        table.setdefault(key.casefold(), canonical)
    return table


@functools.cache
def _boilerplate() -> tuple[re.Pattern, tuple[str, ...]]:
    """One regex over all boilerplate rows, one named group per reason; and the reasons."""
    by_reason: dict[str, list[str]] = {}
    for path in BOILERPLATE_FILES:
        for pattern, reason in read_table(path, 2):
            if reason not in REASONS:
                raise ValueError(f"{path}: unknown reason {reason!r} for pattern {pattern!r}")
            for macro, expansion in _MACROS.items():
                pattern = pattern.replace(macro, expansion)
            re.compile(pattern)  # fail here, naming nothing else, if a row is broken
            by_reason.setdefault(reason, []).append(pattern)
    reasons = tuple(by_reason)
    alternatives = [f"(?P<r{i}>{'|'.join(f'(?:{p})' for p in by_reason[r])})"
                    for i, r in enumerate(reasons)]
    return re.compile("|".join(alternatives)), reasons


def _boilerplate_reason(line: str) -> str | None:
    if len(line) > MAX_BOILERPLATE_LINE:
        return None
    regex, reasons = _boilerplate()
    m = regex.fullmatch(line)
    if m is None:
        return None
    return reasons[int(m.lastgroup[1:])]


# --- agency tags --------------------------------------------------------------------------

_TAG_SPLIT = re.compile(r"\s*[/,;]\s*")
_INITIALS = re.compile(r"[a-zäöüß]{2,5}\.?")
_NUM_DATE = re.compile(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}")


def parse_tag(content: str) -> tuple[list[str], bool, str | None] | None:
    """Parts of an agency tag ("dpa/AFP", "APA, red, 25.7.2015", "cb/dpa", "est"):
    (canonical agencies, whether author initials occur, ISO date or None); None if
    some part is neither an agency, nor initials, nor a date."""
    content = content.strip(_WS)
    if not content or len(content) > 60:
        return None
    agencies = _agencies()
    found: list[str] = []
    initials = False
    date = None
    for part in _TAG_SPLIT.split(content):
        canonical = agencies.get(part) or agencies.get(part.casefold())
        if canonical:
            if canonical not in found:
                found.append(canonical)
        elif _INITIALS.fullmatch(part) or part in ("red", "Red."):
            initials = True
        elif _NUM_DATE.fullmatch(part):
            date = find_date(part)
            if date is None:
                return None
        else:
            return None
    return found, initials, date


def _line_tag(line: str) -> tuple[str, list[str], str | None] | None:
    """A whole line that is an agency tag or author initials: (reason, agencies, date)."""
    if len(line) > 62:
        return None
    inner = line[1:-1] if line.startswith("(") and line.endswith(")") else line
    if inner is line and not re.fullmatch(r"[\w.-]+(?:\s*/\s*[\w.-]+)*|[A-Z][\w-]*(?: [A-Z][\w-]*){1,2}", line):
        return None
    parsed = parse_tag(inner)
    if parsed is None:
        return None
    found, initials, date = parsed
    if found:
        return "agency", found, date
    if initials and inner is not line:   # "(est)" alone; bare "est" could be a word
        return "byline", [], date
    if date and inner is not line:
        return "metadata", [], date
    return None


_END_PAREN = re.compile(r"\(([^()\n]{1,60})\)$")
_END_BARE = re.compile(r"(?<=[.!?\"“”»«])\s+([A-Za-z][\w-]*(?:\s*/\s*[\w-]+){0,3})$")
_END_RELATED = re.compile(r"(?<=\S)\s+((?i:Mehr auf MSN|Mehr zum Thema|Read more|Weiterlesen):?)$")
_SENTENCE_END = ".!?\"“”»«'’…)"
# The end tags are searched for in the paragraph's last characters only: a search over a
# whole long paragraph would try every position of it.
_TAG_REACH = 300

# --- datelines ----------------------------------------------------------------------------

_PLACE_WORD = r"(?:St\.|[A-ZÄÖÜÉ][\w'’-]+)"
_PLACE_LINK = r"(?:am|an der|an|bei|im|in der|ob der|de|da|do|dos|das|del|de la|di|al|el|la|le|upon|on|sur)"
_PLACE = rf"{_PLACE_WORD}(?:\s+(?:{_PLACE_LINK}\s+)?{_PLACE_WORD}){{0,2}}"
_DL_DATE = (rf"\d{{1,2}}\.?\s*(?i:{_MONTH})(?:\s+\d{{4}})?|(?i:{_MONTH})\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
            r"|\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?")
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE}(?:\s*/\s*{_PLACE}){{0,3}})?"
    rf"(?:,\s*(?P<date>{_DL_DATE}))?"
    r"(?:\s*\(\s*(?P<tag>[^()\n]{1,40}?)\s*\))?"
    r"(?:\s+(?P<dash>[–—]|-{1,2})(?:\s+|(?<=[–—]))|(?P<dash2>-)\s+)"
    r"(?=[\"„“‚»«'(\[]?[A-ZÄÖÜ0-9])"
)
_NOT_PLACE = frozenset("""
Die Der Das Den Dem Des Ein Eine Einer Eines Einem Einen Nach Laut Im In Am An Auf Aus Bei
Mit Von Vom Vor Für Zum Zur Es Er Sie Wir Ich Ihr Man Auch Doch Aber Und Oder Wie Was Wer
Wenn Als Dass Seit So Nur Noch Schon Jetzt Heute Gestern Morgen Dies Diese Dieser Dieses
Unser Unsere Mein Meine Kein Keine Alle Viele Mehr Hier Dort Da Dann Damit Denn Ob Um
Gegen Ohne Trotz Während Wegen Zwar Immer Nie Bereits Erst Zuletzt Zudem Außerdem
The A An In On At By For From With This That These Those It He She We They I You But And
Or After Before While When Today Yesterday Tomorrow Now Then There Here Also Mr Mrs Ms Dr
""".split())


def _match_dateline(text: str, pos: int = 0):
    """A dateline at text[pos:]: (match, place or None, agencies) or None."""
    m = _DATELINE.match(text, pos)
    if m is None:
        return None
    place, tag = m.group("place"), m.group("tag")
    if place is None and tag is None:
        return None
    if place is not None:
        first = re.split(r"[\s/]", place, 1)[0]
        if first in _NOT_PLACE:
            return None
    agencies: list[str] = []
    if tag is not None:
        parsed = parse_tag(tag)
        if parsed is None or not parsed[0]:
            return None
        agencies = parsed[0]
    return m, place, agencies


# --- titles -------------------------------------------------------------------------------

_LABEL = re.compile(r"(?:EIL|Eil|Eilmeldung|EILMELDUNG|\+\+\+ ?Eilmeldung ?\+\+\+|Update|UPDATE|"
                    r"Exklusiv|EXKLUSIV|Breaking(?: News)?|BREAKING(?: NEWS)?|Exclusive|EXCLUSIVE)"
                    r"\s*[:+]\s+")


_TITLE_END = re.compile(r"(?:(?<!\d)\.|[!?\"“”»])(?=\s+[A-ZÄÖÜ(])")   # "60." is an ordinal


def _looks_like_title(line: str) -> bool:
    if len(line) > MAX_TITLE or len(line) < 3:
        return False
    if line.endswith(("...", "…")):
        return True
    if line[-1] in ".,;:":
        return False
    if len(line) >= 2 and line[-1] in "\"“”»«'’" and line[-2] in ".,":
        return False
    return True


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


# --- the stage ----------------------------------------------------------------------------

class _Line:
    __slots__ = ("start", "end", "text", "joined", "reason", "agencies", "date")

    def __init__(self, start: int, end: int, text: str, joined: bool):
        self.start, self.end, self.text = start, end, text
        self.joined = joined          # follows the previous line with no blank line between
        self.reason: str | None = None
        self.agencies: list[str] = []
        self.date: str | None = None


_LINE = re.compile(r"[^\r\n]+")


def _lines(src: str) -> list[_Line]:
    lines: list[_Line] = []
    previous_end = None
    for m in _LINE.finditer(src):
        raw = m.group()
        text = raw.strip(_WS)
        if not text:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip(_WS)))
        joined = False
        if previous_end is not None:
            gap = src[previous_end:start]
            breaks = gap.count("\n") + gap.count("\r") - gap.count("\r\n")
            joined = breaks == 1
        lines.append(_Line(start, start + len(text), text, joined))
        previous_end = start + len(text)
    return lines


def _strip_span(src: str, start: int, end: int) -> tuple[int, int]:
    while start < end and src[start] in _WS:
        start += 1
    while end > start and src[end - 1] in _WS:
        end -= 1
    return start, end


@stage(requires=("source_text",), provides=("text", "title", "agency", "dateline", "removed"))
def clean(doc: Document) -> Document:
    """Reads doc.source_text (plain text); adds doc.text, doc.title (unless already set),
    doc.agency, doc.dateline, doc.removed, doc.source from a source line ("source
    site-27") and doc.published from a metadata line (published_from = "metadata"),
    each unless the caller set it already."""
    src = doc.source_text or ""
    removed: list[Removed] = []
    agencies: list[str] = []
    dates: list[tuple[int, int, str]] = []    # (priority, order, iso)
    dateline = None

    def remove(start: int, end: int, reason: str) -> None:
        removed.append(Removed(start, end, src[start:end], reason))

    def add_agencies(names: list[str]) -> None:
        for name in names:
            if name not in agencies:
                agencies.append(name)

    lines = _lines(src)

    # 1. Whole lines: agency tags and boilerplate.
    for line in lines:
        tag = _line_tag(line.text)
        if tag is not None:
            line.reason, line.agencies, line.date = tag
            continue
        reason = _boilerplate_reason(line.text)
        if reason is None:
            continue
        line.reason = reason
        if reason in ("metadata", "byline"):
            line.date = find_date(line.text)
        elif reason == "source-tag":
            value = re.split(r"[:\s]", line.text, 1)[1] if re.search(r"[:\s]", line.text) else ""
            value = value.strip(_WS + ":")
            parsed = parse_tag(value)
            if parsed and parsed[0]:
                line.agencies = parsed[0]
            elif doc.source is None and value:
                doc.source = value   # the republishing site names itself ("source site-27")

    # A bare date line is metadata only outside the body (a heading "9. November 1989" stays).
    content = [i for i, line in enumerate(lines) if line.reason is None]
    if content:
        first_body, last_body = content[1] if len(content) > 1 else content[0], content[-1]
        for i, line in enumerate(lines):
            if (line.reason == "metadata" and first_body < i < last_body
                    and _BARE_DATE.fullmatch(line.text)):
                line.reason, line.date = None, None

    # 2. Paragraphs from the remaining lines; hard-wrapped lines joined.
    paragraphs: list[list[list[int]]] = []   # paragraph = list of [start, end] segments
    previous_kept = None
    for line in lines:
        if line.reason is not None:
            previous_kept = None
            continue
        if (previous_kept is not None and line.joined and line.text[0].islower()
                and previous_kept.text[-1] not in _SENTENCE_END + ":;"):
            paragraphs[-1].append([line.start, line.end])
        else:
            paragraphs.append([[line.start, line.end]])
        previous_kept = line

    for order, line in enumerate(lines):
        if line.reason is None:
            continue
        remove(line.start, line.end, line.reason)
        add_agencies(line.agencies)
        if line.date:
            priority = 1 if re.match(r"(?i)stand|aktualisiert|zuletzt|geändert|updated|last|modified",
                                     line.text) else 0
            dates.append((priority, order, line.date))

    # 3. Title: a label in front, then the title line or a title joined to a dateline.
    title_para = None
    joined_title = None          # "Title. Istanbul – Immer öfter ...": the title stays in its line
    dateline_at = paragraphs[0][0][0] if paragraphs else 0
    if paragraphs:
        seg = paragraphs[0][0]
        m = _LABEL.match(src, seg[0], seg[1])
        if m and m.end() < seg[1]:
            remove(m.start(), m.end() - (len(m.group()) - len(m.group().rstrip(_WS))), "label")
            seg[0] = m.end()
        first_text = src[seg[0]:seg[1]]
        given = doc.title is not None and _norm(first_text) == _norm(doc.title)
        if len(paragraphs[0]) == 1 and (given or (len(paragraphs) > 1 and _looks_like_title(first_text))):
            title_para = paragraphs.pop(0)
        else:
            # "Title words – more title. Istanbul – Immer öfter ..."
            head = src[seg[0]:min(seg[1], seg[0] + 300)]
            for end in _TITLE_END.finditer(head):
                if end.end() < 8:
                    continue
                pos = end.end()
                while pos < len(head) and head[pos] in _WS:
                    pos += 1
                found = _match_dateline(src, seg[0] + pos)
                if found is None or found[0].end() > seg[1]:
                    continue
                joined_title = src[seg[0]:seg[0] + end.end()]
                dateline_at = seg[0] + pos
                break

    # 4. Dateline at the start of the first body paragraph.
    if paragraphs:
        seg = paragraphs[0][0]
        found = _match_dateline(src, max(seg[0], dateline_at))
        if found is not None and found[0].end() < seg[1]:
            m, place, names = found
            dateline = place.strip(_WS) if place else None
            add_agencies(names)
            if m.group("date") and re.search(r"\d{4}", m.group("date")):
                iso = find_date(m.group("date"))
                if iso:
                    dates.append((1, -1, iso))

    # 5. Tags at the end of the last paragraph: "… (dpa) Mehr auf MSN", "… (AFP)", "(est)".
    if paragraphs:
        last = paragraphs[-1]
        for _ in range(4):
            seg = last[-1]
            tail = src[seg[0]:seg[1]]
            tail_from = max(0, len(tail) - _TAG_REACH)
            m = _END_RELATED.search(tail, tail_from)
            if m:
                remove(seg[0] + m.start(1), seg[0] + m.end(1), "related")
                seg[1] = seg[0] + m.start(1)
                seg[0], seg[1] = _strip_span(src, seg[0], seg[1])
                continue
            m = _END_PAREN.search(tail, tail_from)
            if m and m.start() > 0 and tail[:m.start()].rstrip(_WS)[-1:] in set(_SENTENCE_END):
                parsed = parse_tag(m.group(1))
                if parsed is not None:
                    names, initials, date = parsed
                    reason = "agency" if names else "byline" if initials else "metadata" if date else None
                    if reason:
                        remove(seg[0] + m.start(), seg[0] + m.end(), reason)
                        add_agencies(names)
                        if date:
                            dates.append((2, len(lines), date))
                        seg[1] = seg[0] + m.start()
                        seg[0], seg[1] = _strip_span(src, seg[0], seg[1])
                        continue
            m = _END_BARE.search(tail, tail_from)
            if m:
                parsed = parse_tag(m.group(1))
                if parsed is not None and parsed[0] and ("/" in m.group(1) or len(parsed[0]) == 1
                                                         and not parsed[1]):
                    remove(seg[0] + m.start(1), seg[0] + m.end(1), "agency")
                    add_agencies(parsed[0])
                    seg[1] = seg[0] + m.start(1)
                    seg[0], seg[1] = _strip_span(src, seg[0], seg[1])
                    continue
            break

    # 6. Assemble.
    parts = []
    if title_para is not None:
        title_text = " ".join(src[s:e] for s, e in title_para)
        parts.append(title_text)
        doc.title = doc.title or title_text
    elif joined_title and doc.title is None:
        # a title run into the body ends with a period that is not part of the title
        doc.title = joined_title[:-1] if joined_title.endswith(".") and not joined_title.endswith("..") else joined_title
    for paragraph in paragraphs:
        text = " ".join(src[s:e] for s, e in paragraph if e > s)
        if text:
            parts.append(text)
    doc.text = "\n\n".join(parts)
    removed.sort(key=lambda r: (r.start, r.end))
    doc.removed = removed
    doc.agency = "/".join(agencies) if agencies else None
    doc.dateline = dateline
    if doc.published is None and dates:
        doc.published = min(dates)[2]
        doc.published_from = "metadata"
    return doc
