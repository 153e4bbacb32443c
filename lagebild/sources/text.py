"""Decoding bytes to text: detect the encoding, refuse binary data, repair mojibake."""
from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy
from charset_normalizer import from_bytes

from lagebild.errors import InputError

# Legacy encodings of European news sites, for text that is not UTF-8.
SINGLE_BYTE_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "iso8859_7"]
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")

# Control characters other than tab, newline and carriage return: plenty of them means binary.
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13))


def decode_bytes(data: bytes, origin: str) -> str:
    """Text of `data`: UTF-8, UTF-16 (with BOM), UTF-8 with a few broken bytes (each
    replaced by U+FFFD), or else a detected single-byte encoding (Windows-1252, Latin-1,
    Central European, Cyrillic, Greek).

    Raises InputError for empty or binary input.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise InputError(origin, "the input starts like UTF-16 but is not valid UTF-16") from None
    if not data.strip():
        raise InputError(origin, "the input is empty")
    if b"\x00" in data[:8192] or _control_share(data[:8192]) > 0.05:
        raise InputError(origin, "the input looks binary, not text; give a text, HTML or JSON Lines file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few broken bytes: keep the UTF-8, mark the broken bytes (U+FFFD).
    replaced = data.decode("utf-8-sig", errors="replace")
    if len(_UTF8_MULTIBYTE.findall(data)) >= replaced.count("\ufffd"):
        return replaced
    best = from_bytes(data, cp_isolation=SINGLE_BYTE_ENCODINGS).best()
    if best is None:
        raise InputError(origin, "cannot detect the text encoding; convert the file to UTF-8")
    return str(best)


# What mojibake looks like; ftfy is slow, so it only sees texts that show it. A lone
# control character or an HTML entity in plain text is left as it is: the caller's text
# and offsets stay.
_SUSPECT = re.compile(r"[ÃÂâÅÐÑÄ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")


def repair_text(text: str) -> str:
    """Repair mojibake and odd characters, keeping typographic quotes („…“) as they are."""
    if _SUSPECT.search(text):
        return ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    return unicodedata.normalize("NFC", text)


def looks_like_html(content: str) -> bool:
    """True when the text is an HTML page rather than plain text."""
    head = content[:1024].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return sum(sample.count(c) for c in _CONTROL) / len(sample)
