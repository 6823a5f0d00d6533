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


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every plausible dictionary form of a lower-case word (ё folded to е), itself included.

    >>> sorted(lemmas("заградотрядами"))
    ['заградотряд', 'заградотрядами']
    >>> "спецпоселение" in lemmas("спецпоселенцев")
    False
    """
    parses = analyzer().parse(word)
    best = max((p.score for p in parses), default=0.0)
    found = {p.normal_form.translate(YO) for p in parses if p.score >= best * _PLAUSIBLE}
    found.add(word)
    return frozenset(found)


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """Whether the dictionary knows the word (not just guesses it from its ending)."""
    return analyzer().word_is_known(word)


def parse(word: str):
    """All pymorphy3 parses of a word, best first."""
    return analyzer().parse(word)
