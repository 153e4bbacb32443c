"""German verb forms from a lexicon entry: the forms a speech cue or an event trigger
is written in, so that the lexicons list lemmas, not every form.

A weak verb needs only its infinitive ("sagen": sagt, sagte, sagten, gesagt, sage);
a strong or mixed verb gives its present third person, past third person and
participle ("schreiben": schreibt,schrieb,geschrieben). A particle verb ("mitteilen",
particle "mit") is found as its finite form with the particle later in the clause
("teilte … mit") or joined ("mitteilte", "mitgeteilt", "mitzuteilen").
"""
from __future__ import annotations

_INSEPARABLE = ("be", "er", "ver", "zer", "ent", "emp", "ge", "miss", "wider", "hinter", "unter", "über")


def _stem(base: str) -> str:
    return base[:-2] if base.endswith("en") else base[:-1]


def _needs_joint_e(stem: str) -> bool:
    """"rechn-et", "zeichn-et", "atm-et" but "lern-t", "stimm-t", "lehn-t", "wohn-t"."""
    if not stem.endswith(("m", "n")) or len(stem) < 3:
        return False
    before = stem[-2]
    if before in "aeiouäöülr" or before == stem[-1]:
        return False
    return before != "h" or stem[-3] == "c"


def _regular(base: str) -> tuple[str, str, str]:
    """Present third person, past third person and participle of a weak verb."""
    stem = _stem(base)
    joint = "e" if stem.endswith(("t", "d")) or _needs_joint_e(stem) else ""
    prefix = "" if base.startswith(_INSEPARABLE) or base.endswith("ieren") else "ge"
    return f"{stem}{joint}t", f"{stem}{joint}te", f"{prefix}{stem}{joint}t"


def participle(lemma: str, particle: str | None, principal_parts: str | None) -> str:
    """The past participle, with its particle ("abgezogen", "mitgeteilt")."""
    base = lemma[len(particle):] if particle else lemma
    form = principal_parts.split(",")[2] if principal_parts else _regular(base)[2]
    return (particle or "") + form


def verb_forms(lemma: str, particle: str | None, principal_parts: str | None) -> dict[str, bool]:
    """Every written form of a verb -> whether its particle must follow it in the clause.

    `principal_parts` is "present,past,participle" of a strong verb, or None for a
    weak one."""
    base = lemma[len(particle):] if particle else lemma
    present, past, participle = principal_parts.split(",") if principal_parts else _regular(base)
    stem = _stem(base)
    past_plural = past + ("n" if past.endswith("e") else "en")
    finite = {present, base, stem + "e", past, past_plural}
    forms: dict[str, bool] = {}
    if particle:
        for form in finite:
            forms[form] = True                      # "teilte … mit"
            forms[particle + form] = False          # "wie X mitteilte"
        forms[particle + participle] = False
        forms[particle + "zu" + base] = False
    else:
        for form in finite | {participle}:
            forms[form] = False
    return forms
