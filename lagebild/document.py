"""The data model: one Document per article, with layers of spans over its cleaned text.

Every span's `start` and `end` are character offsets into `Document.text`, except
`Removed` spans, which point into `Document.source_text` (the plain text before
cleaning), because what they mark is no longer in `text`.

`Document.to_record()` is the analysis record of `../shared/eval/README.md`; keep the
two one-to-one.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field


_DATELINE_END = re.compile(r"[^–—-]{0,60}?\s[–—-]\s")   # the place, perhaps an agency, then a dash

@dataclass(slots=True)
class Removed:
    """A piece of the input the cleaner took out, and why (nothing is silently lost)."""

    start: int
    end: int
    text: str
    reason: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason}


@dataclass(slots=True)
class Sentence:
    start: int
    end: int

    def __reduce__(self):  # pickles as a plain tuple: documents cross process boundaries
        return Sentence, (self.start, self.end)


@dataclass(slots=True)
class Token:
    """A token; `kind` is one of word, number, punct, quote, symbol."""

    start: int
    end: int
    kind: str

    def __reduce__(self):  # pickles as a plain tuple: documents cross process boundaries
        return Token, (self.start, self.end, self.kind)


@dataclass(slots=True)
class Document:
    """An article and everything the stages found in it.

    `raw` is what the reader delivered (plain text or HTML, see `raw_format`);
    `source_text` is the plain text the cleaner read; `text` is the cleaned text.
    """

    raw: str
    raw_format: str = "text"
    id: str | None = None
    origin: str | None = None
    url: str | None = None
    source: str | None = None
    genre: str = "news"
    title: str | None = None
    published: str | None = None
    published_from: str | None = None
    source_text: str = ""
    text: str = ""
    language: str | None = None
    language_confidence: float | None = None
    agency: str | None = None
    dateline: str | None = None
    removed: list[Removed] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    times: list[dict] = field(default_factory=list)
    actors: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    # words_by_sentence() once per document: (the token and sentence lists it was made of, the words)
    _words: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def __getstate__(self):
        """Pickled without `_words`: it is keyed on object ids, valid only in this process."""
        return None, {name: None if name == "_words" else getattr(self, name) for name in self.__slots__}

    @property
    def key(self) -> str:
        """Content hash of the input: the same article ingested twice has the same key."""
        return content_key(self.raw)

    def span_text(self, span: Sentence | Token) -> str:
        return self.text[span.start:span.end]

    def after_dateline(self, position: int, limit: int | None = None) -> int:
        """`position`, or where the text goes on after the dateline that opens there
        ("Berlin – ", "Kairo (dpa) – "), looked for before `limit`."""
        dateline = self.dateline
        if dateline and self.text.startswith(dateline, position):
            end = position + len(dateline) + 60
            match = _DATELINE_END.match(self.text, position, end if limit is None else min(limit, end))
            if match:
                return match.end()
        return position

    def words_by_sentence(self) -> list[list[tuple[int, int, str]]]:
        """The word tokens of each sentence, as (start, end, text); made once, by the
        segmenter (the last stage to set tokens), and again only if tokens are replaced."""
        made_of = (id(self.tokens), len(self.tokens), id(self.sentences), len(self.sentences))
        if self._words is not None and self._words[0] == made_of:
            return self._words[1]
        text, ends = self.text, [sentence.end for sentence in self.sentences]
        result: list[list[tuple[int, int, str]]] = [[] for _ in ends]
        number, last = 0, len(ends) - 1
        for token in self.tokens:
            if token.kind != "word":
                continue
            start, end = token.start, token.end
            while number < last and start >= ends[number]:
                number += 1
            result[number].append((start, end, text[start:end]))
        self._words = (made_of, result)
        return result

    def to_record(self) -> dict:
        """The analysis record: the Document serialised for JSON."""
        return {
            "id": self.id if self.id is not None else self.key[:16],
            "key": self.key,
            "origin": self.origin,
            "source": self.source,
            "url": self.url,
            "genre": self.genre,
            "language": self.language,
            "language_confidence": self.language_confidence,
            "title": self.title,
            "published": self.published,
            "published_from": self.published_from,
            "agency": self.agency,
            "dateline": self.dateline,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "sentences": [{"start": s.start, "end": s.end} for s in self.sentences],
            "tokens": [[t.start, t.end, t.kind] for t in self.tokens],
            "times": self.times,
            "actors": self.actors,
            "quotes": self.quotes,
            "events": self.events,
        }


def content_key(raw: str) -> str:
    """sha256 of the input with Unicode and white space normalised."""
    normal = " ".join(unicodedata.normalize("NFC", raw).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()
