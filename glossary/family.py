"""Derivational families: whether two words are one word in different parts of speech.

«изучение» (a study) and «изучаете» (you study), "configure" and "configuration" are one
family: a translation that renders a noun term with a verb of its family has rendered the
term, in another part of speech. This is for telling that, never for matching terms (the
matcher compares lemmas; see keys.py).

Russian: pymorphy3 gives the lemma (a verb form's infinitive), the Snowball stemmer its
stem, and the stem loses the few suffixes that turn a verb into a noun of action
(-ение/-ание: изучен-ие → изуч; -к(а): провер-к-а → провер) or mark its aspect or theme
(-ыва-/-ива-/-ова-, a thematic vowel: изуча-ть → изуч). English: the Snowball stems of
every lemma lemminflect knows (configuring → configure → configur = configuration).

Known limits: aspect pairs with a changed root (отложить / откладывать: лож / клад) are not
one family; a short noun in -ка can fall in with an unrelated verb (строка, строить).
"""
from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from . import english, morph
from .ru import CYRILLIC, YO

_RU = snowballstemmer.stemmer("russian")
# A root shorter than this after the suffixes are taken off is too short to be a family.
_MIN_ROOT = 4
_ACTION_NOUN_ENDINGS = ("ение", "ание", "яние", "тие")
_ACTION_NOUN_SUFFIXES = ("ен", "ан", "ян", "т")
_VERB_SUFFIXES = ("ирова", "изова", "ыва", "ива", "ова", "ева")
_THEME_VOWELS = ("а", "я", "е", "и")
_VERBAL = frozenset({"INFN", "VERB", "PRTF", "PRTS", "GRND"})
# Coarse parts of speech: a participle is a verb here (it is a verb's form, not a noun).
_POS_CLASS = {"ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "PRTF": "VERB", "PRTS": "VERB",
              "INFN": "VERB", "GRND": "VERB"}


@lru_cache(maxsize=100_000)
def family(word: str) -> frozenset[tuple[str, str]]:
    """(root, part of speech) for each plausible reading of a word.

    >>> sorted(family("изучаете")), sorted(family("изучение"))
    ([('изуч', 'VERB')], [('изуч', 'NOUN')])
    >>> sorted(family("Configuring")) == [("configur", "VERB")]
    True
    """
    word = word.lower()
    if CYRILLIC.search(word):
        return frozenset(_ru_family(word))
    return frozenset((stem, pos) for pos, stem in english.family_by_pos(word))


def _ru_family(word: str):
    parses = morph.parse(word)
    for p in parses:
        if p.score < 0.05 * parses[0].score:
            continue
        lemma = p.normal_form.translate(YO)
        pos = p.tag.POS or ""
        if pos in _VERBAL and lemma.endswith(("ся", "сь")):
            lemma = lemma[:-2]
        root = _ru_root(lemma, pos)
        if len(root) >= _MIN_ROOT:
            yield root, _POS_CLASS.get(pos, pos)


def _ru_root(lemma: str, pos: str) -> str:
    stem = _RU.stemWord(lemma)
    if pos == "NOUN" and lemma.endswith(_ACTION_NOUN_ENDINGS):
        return _cut(stem, _ACTION_NOUN_SUFFIXES)
    if pos == "NOUN" and lemma.endswith(("ка", "йка")) and stem.endswith("к"):
        return stem[:-1].removesuffix("й") if stem.endswith("йк") else stem[:-1]
    if pos in _VERBAL:
        return _cut(_cut(stem, _VERB_SUFFIXES), _THEME_VOWELS)
    return stem


def _cut(stem: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= _MIN_ROOT:
            return stem[:-len(suffix)]
    return stem
