"""Speech cues: every word form of the verbs, nouns and prepositions in
`lang/<language>/speech_cues.tsv`, and the mood of a clause (Konjunktiv I, first person)."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from lagebild.actors.names import _tagger
from lagebild.datafiles import read_table, read_words
from lagebild.morphology import verb_forms

FIRST_PERSON = frozenset("ich wir mir mich uns unser unsere unseren unserem unserer mein meine meinen meinem meiner".split())
# Konjunktiv I forms HanTa does not mark with the -e suffix.
_SUBJUNCTIVE_FORMS = frozenset("sei seien seiest".split())


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    particle: str | None   # the separable particle, when the form is the finite verb without it
    kind: str              # verb, thought, noun, prep


@functools.cache
def cue_forms(language: str = "de") -> dict[str, tuple[Cue, ...]]:
    """Word form -> the cues it can be. A particle verb's finite form without its
    particle ("teilte" of "mitteilen") carries the particle that must follow it."""
    forms: dict[str, list[Cue]] = {}

    def add(form: str, cue: Cue) -> None:
        forms.setdefault(form, [])
        if cue not in forms[form]:
            forms[form].append(cue)

    for lemma, particle, kind, spec in read_table(f"lang/{language}/speech_cues.tsv", 4):
        if kind in ("noun", "prep"):
            add(lemma, Cue(lemma, None, kind))
            continue
        particle = None if particle == "-" else particle
        for form, needs_particle in verb_forms(lemma, particle, None if spec == "-" else spec).items():
            add(form, Cue(lemma, particle if needs_particle else None, kind))
    return {form: tuple(cues) for form, cues in forms.items()}


@functools.cache
def _verb_stems() -> frozenset[str]:
    """The verb stems of HanTa's lexicon ("hab", "werd", "erklär", "wär"): a word whose
    stem is none of them is no subjunctive, which spares running the tagger on it."""
    tagger = _tagger()
    numbers = {tag: number for number, tag in tagger.int2tag.items()}
    kinds = ("VA", "VM", "VV", "VVnp", "VA_VAR", "VM_VAR", "VV_VAR", "VVnp_VAR", "VA_IRR", "VV_IRR")
    return frozenset(stem for kind in kinds if kind in numbers for stem in tagger.LP_m_t.get(numbers[kind], ()))


@functools.lru_cache(maxsize=100_000)
def _finite_analysis(word: str):
    """HanTa's analysis (stem, morphemes, tag) of `word` when it tags it a finite verb,
    else None. analyze() tags the word first, then splits it into morphemes that end in
    that tag (or in "UNKNOWN" when none fit): a word tagged otherwise is no finite verb,
    and its split, the slower half, is not needed."""
    tagger = _tagger()
    tag = tagger.tag_word(word, cutoff=0)[0][0]
    if not tag.endswith("(FIN)"):
        return None
    return tagger.analyze(word, pos=tag, taglevel=3)


@functools.lru_cache(maxsize=100_000)
def is_subjunctive(word: str, reported: bool = False) -> bool:
    """Konjunktiv I of the third person ("werde", "habe", "sei", "könne"): HanTa's
    morphology marks a finite verb on its plain stem with the suffix -e, which the
    indicative third person never has."""
    lower = word.lower()
    if lower in _SUBJUNCTIVE_FORMS:
        return True
    if len(lower) < 3 or lower in read_words("lang/de/function_words.tsv"):
        return False
    if reported and _is_subjunctive_two(lower):
        return True
    if not lower.endswith("e") or len(lower) < 3 or lower[:-1] not in _verb_stems():
        return False
    analysis = _finite_analysis(lower)
    if analysis is None:
        return False
    _, morphemes, tag = analysis
    # a changed stem ("wurd-e", "hatt-e", "gäb-e") is past tense or Konjunktiv II
    return (tag.endswith("(FIN)") and tag[:2] in ("VA", "VM", "VV") and morphemes[-1] == ("e", "SUF_FIN")
            and not morphemes[0][1].endswith("_VAR"))


def _is_subjunctive_two(lower: str) -> bool:
    """Konjunktiv II on a changed stem ("würde", "hätten", "wäre"), which reported
    speech uses where Konjunktiv I looks like the indicative; not a modal verb's
    ("könnte", "müssten"), which more often is the writer's own conjecture."""
    if not lower.endswith(("e", "en")) or not any(c in lower for c in "äöü"):
        return False
    if (lower[:-2] if lower.endswith("en") else lower[:-1]) not in _verb_stems():
        return False
    analysis = _finite_analysis(lower)
    if analysis is None or not analysis[2].endswith("(FIN)"):
        return False
    _, morphemes, tag = analysis
    return morphemes[0][1].endswith(("_VAR", "_IRR")) and not tag.startswith("VM")


@functools.lru_cache(maxsize=100_000)
def is_finite_verb(word: str) -> bool:
    """A lower-case finite verb form (HanTa); function words and words on no verb stem
    are excluded without asking it (2 ms a new word)."""
    if not word[:1].islower() or word in read_words("lang/de/function_words.tsv") or not _on_verb_stem(word):
        return False
    analysis = _finite_analysis(word)
    return analysis is not None and analysis[2].endswith("(FIN)")


_FINITE_ENDINGS = ("", "e", "st", "t", "en", "et", "n", "te", "ten", "test", "tet", "est", "ete", "eten")
# separable particles a verb at the end of a clause carries ("ankündigte", "zurücktrat")
_PARTICLES = ("ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "hin", "los", "mit", "nach", "vor",
              "weg", "zu", "zurück", "zusammen", "durch", "über", "um", "unter", "wieder", "entgegen", "weiter",
              "heraus", "hinaus", "voran", "vorbei", "auseinander", "dar", "herein", "hinein", "heran", "herum",
              "hervor", "nieder", "statt", "teil", "zurecht", "bereit", "frei", "hoch", "offen", "voraus")


def _on_verb_stem(word: str) -> bool:
    """A verb stem of HanTa's lexicon with a finite ending, after a particle or not.
    Over 12,000 words of the corpus this passed all but 2% of the finite verbs
    HanTa found (rare words and typos) and 37% of all words."""
    stems = _verb_stems()
    for rest in [word] + [word[len(p):] for p in _PARTICLES if word.startswith(p) and len(word) - len(p) >= 3]:
        for ending in _FINITE_ENDINGS:
            if rest.endswith(ending) and len(rest) - len(ending) >= 2 and rest[:len(rest) - len(ending)] in stems:
                return True
    return False
