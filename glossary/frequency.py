"""How common a word is in general text (wordfreq), and those figures kept for the words a
glossary's matches can bring up.

Loading wordfreq's table for a language costs most of a second (Russian; English a third of
one), while a check asks about a few dozen words: the lemmas and forms of the glossary's
one-word terms it found, and the other words such a form may be. `known_words` lists those
words for a glossary; their figures are kept in the compiled cache (cache.py), so a check
loads wordfreq only for a word outside the list (check/context.py, Context.zipf).
"""
from __future__ import annotations

import math
from collections.abc import Iterable

from . import morph
from .english import lexicon
from .keys import canonical, word_keys
from .model import Term
from .reach import reach_forms


# zipf's answers so far, by this process or by an earlier one that compiled a glossary
# (remembered.py): a glossary edited by one entry needs figures for its new words only.
FIGURES: dict[tuple[str, str], float] = {}


def zipf(lemma: str, lang: str) -> float:
    """How common a word is in general text: wordfreq's Zipf scale (log10 of uses per billion
    words, 0 when unknown) over all its inflected forms, since a Russian lemma's uses are
    spread over a dozen forms (ссылка alone 3.9, all its forms 4.7).

    >>> zipf("note", "en") > 4.5 > zipf("tuple", "en")
    True
    >>> zipf("ссылка", "ru") > 4.5 > zipf("штрафбат", "ru")
    True
    """
    found = FIGURES.get((lemma, lang))
    if found is None:
        found = FIGURES[(lemma, lang)] = _zipf(lemma, lang)
    return found


def _zipf(lemma: str, lang: str) -> float:
    from wordfreq import word_frequency  # imported when first needed: see the docstring

    if lang == "ru":
        forms = {f.word for p in morph.parse(lemma)[:1] for f in p.lexeme} | {lemma}
    else:
        forms = {f for found in lexicon().getAllInflections(lemma).values() for f in found}
        forms.add(lemma)
    total = sum(word_frequency(f, lang) for f in forms)
    return round(math.log10(total * 1e9), 2) if total else 0.0


def known_words(terms: Iterable[Term], lang: str) -> set[str]:
    """The words of `lang` a check's confidence may ask `zipf` about for these terms: each
    term's canonical preferred form; the keys of its one-word forms and every word the
    dictionary or the lexicon knows that has one of them (the forms a match can have), with
    the canonical lemma of each and (Russian) every other normal form it may be of."""
    words: set[str] = set()
    lemmas: set[str] = set()
    for term in terms:
        lemmas.add(canonical(term.preferred(lang)))
        for form in (*term.approved(lang), *term.forbidden(lang)):
            if len(form.split()) == 1:
                words |= word_keys(form)
    words |= reach_forms(words)
    for word in words:
        lemmas.add(canonical(word))
        if lang == "ru":
            lemmas |= morph.normal_forms(word)
    return words | lemmas


def known_figures(terms: Iterable[Term], lang: str) -> dict[str, float]:
    """`zipf` of each of `known_words` (plain data for the compiled cache)."""
    return {word: zipf(word, lang) for word in sorted(known_words(terms, lang))}
