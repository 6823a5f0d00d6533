"""Russian morphology through pymorphy3: one analyzer per process, one analysis per word."""
from __future__ import annotations

from functools import lru_cache

import pymorphy3

from .ru import YO

# Parses below this share of the best parse's score are noise for matching purposes.
_PLAUSIBLE = 0.05


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process-wide analyzer (loading the dictionaries is the expensive part)."""
    return pymorphy3.MorphAnalyzer()


def normal_forms(word: str) -> frozenset[str]:
    """Every plausible dictionary form of a lower-case word (ё folded to е).

    >>> sorted(normal_forms("заградотрядами")), sorted(normal_forms("сабуров"))
    (['заградотряд'], ['сабур', 'сабуров', 'сабуровый'])
    >>> "спецпоселение" in normal_forms("спецпоселенцев")
    False
    """
    return _readings(word)[0]


def likeliest_normal_form(word: str) -> str:
    """The normal form of a lower-case word's most probable parse (ё folded to е).

    >>> likeliest_normal_form("войска"), likeliest_normal_form("стали")
    ('войско', 'стать')
    """
    return _readings(word)[1]


@lru_cache(maxsize=200_000)
def _readings(word: str) -> tuple[frozenset[str], str]:
    """normal_forms and likeliest_normal_form of a word, from one parse (a TM import asks
    both of each of its thousands of words: parsing is most of the cost)."""
    parses = analyzer().parse(word)
    best = max((p.score for p in parses), default=0.0)
    plausible = frozenset(p.normal_form.translate(YO) for p in parses
                          if p.score >= best * _PLAUSIBLE)
    return plausible, parses[0].normal_form.translate(YO) if parses else word


_FUNCTION = {"NPRO", "PREP", "CONJ", "PRCL", "INTJ"}


@lru_cache(maxsize=50_000)
def glossary_forms(word: str) -> frozenset[str]:
    """Normal forms of a word as written in a glossary term, where a word that is itself a
    dictionary form is taken as that content word: «том» the volume, not a case of «тот».

    >>> sorted(glossary_forms("том")), sorted(glossary_forms("войска"))
    (['том'], ['войско'])
    """
    parses = analyzer().parse(word)
    best = max((p.score for p in parses), default=0.0)
    own = {p.normal_form.translate(YO) for p in parses if p.normal_form.translate(YO) == word}
    plausible = {p.normal_form.translate(YO) for p in parses if p.score >= best * _PLAUSIBLE
                 and not (own and (p.tag.POS in _FUNCTION or "Apro" in p.tag))}
    return frozenset(own | plausible)


@lru_cache(maxsize=50_000)
def guessed_forms(word: str) -> frozenset[str]:
    """For a word the dictionary lacks (a foreign surname): the lemmas pymorphy3 would guess
    for each of its own inflected forms, which are not always the word itself.

    >>> "мураччол" in guessed_forms("мураччоль")
    True
    """
    parses = analyzer().parse(word)
    own = [p for p in parses if p.normal_form.translate(YO) == word] or parses[:1]
    return frozenset(lemma for p in own for form in p.lexeme for lemma in normal_forms(form.word))


@lru_cache(maxsize=50_000)
def lexeme_forms(lemma: str) -> frozenset[str]:
    """Every word (lower case, ё folded) of each dictionary lexeme whose normal form is
    `lemma`. A word the dictionary knows is read by the dictionary alone, so these are the
    only known words `normal_forms` can give that lemma (люди → человек included).

    >>> {"люди", "человеком"} <= lexeme_forms("человек"), lexeme_forms("штрафбат")
    (True, frozenset())
    """
    if not is_known(lemma):
        return frozenset()  # a normal form the dictionary gives is a word it knows
    return frozenset(form.word.translate(YO) for p in analyzer().parse(lemma)
                     if p.normal_form.translate(YO) == lemma for form in p.lexeme)


def lemmas(word: str) -> frozenset[str]:
    """The normal forms of a lower-case word and the word itself."""
    return normal_forms(word) | {word}


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """Whether the dictionary knows the word (not just guesses it from its ending)."""
    return analyzer().word_is_known(word)


def parse(word: str):
    """All pymorphy3 parses of a word, best first."""
    return analyzer().parse(word)


@lru_cache(maxsize=20_000)
def word_class(form: str) -> str | None:
    """The part of speech a one-word form is read as first (pymorphy3's likeliest parse: a
    glossary form stands alone, so nothing else tells), or None for a phrase.

    >>> [word_class(f) for f in ("сейчас", "Фильтровать", "фильтр", "база данных")]
    ['ADVB', 'INFN', 'NOUN', None]
    """
    words = form.lower().split()
    return analyzer().parse(words[0])[0].tag.POS if len(words) == 1 else None
