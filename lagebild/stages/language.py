"""The language stage: which language an article is written in (lingua, on a set of languages)."""
from __future__ import annotations

import functools
import os

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from lagebild.document import Document
from lagebild.pipeline import stage

DEFAULT_LANGUAGES = ("de", "en", "fr", "it", "es", "nl", "pl", "pt")
"""German, English and the main European languages; LAGEBILD_LANGUAGES overrides (comma-separated)."""

# The start of an article tells its language; more only costs time (lingua took 0.43 ms
# a document on 500 characters, 0.29 ms on 300 and 0.17 ms on 200, with the same answers
# and confidences over the corpus and the dev articles; 150 changed one answer).
SAMPLE_CHARS = 200


def configured_languages() -> tuple[str, ...]:
    value = os.environ.get("LAGEBILD_LANGUAGES")
    if not value:
        return DEFAULT_LANGUAGES
    return tuple(code.strip().lower() for code in value.split(",") if code.strip())


# lingua's low-accuracy mode (trigrams only) is four times faster and, on samples this
# long, picks the same language. A shorter text keeps its answer only when it is sure;
# else the full model decides, whose loading takes 2.4 s once per process.
LOW_ACCURACY_FROM = 120
SURE = 0.9


@functools.cache
def _detector(codes: tuple[str, ...], low_accuracy: bool = False):
    languages = []
    for code in codes:
        try:
            languages.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except AttributeError:
            raise ValueError(
                f"LAGEBILD_LANGUAGES: unknown language code {code!r}; use ISO 639-1 codes such as de,en,fr"
            ) from None
    if len(languages) < 2:
        raise ValueError("LAGEBILD_LANGUAGES: name at least two languages, e.g. de,en")
    builder = LanguageDetectorBuilder.from_languages(*languages)
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


def detect(text: str, codes: tuple[str, ...] | None = None) -> tuple[str | None, float | None]:
    """The ISO 639-1 code of the language of `text` and lingua's confidence, or (None, None)."""
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None, None
    codes = codes or configured_languages()
    values = _detector(codes, True).compute_language_confidence_values(sample)
    if len(sample) < LOW_ACCURACY_FROM and (not values or values[0].value < SURE):
        values = _detector(codes).compute_language_confidence_values(sample)
    if not values:
        return None, None
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), round(best.value, 3)


@stage(requires=("text",), provides=("language",))
def detect_language(doc: Document) -> Document:
    """Reads doc.text; adds doc.language (ISO 639-1) and doc.language_confidence."""
    doc.language, doc.language_confidence = detect(doc.text)
    return doc
