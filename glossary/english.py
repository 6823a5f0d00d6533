"""English morphology with lemminflect: lemmas for matching, inflections for generating.

A lemmatiser rather than a stemmer: Snowball gives `deserter` and `desertion` one stem
(`desert`), which would make two glossary concepts one.
"""
from __future__ import annotations

from functools import lru_cache

import importlib
from types import ModuleType


@lru_cache(maxsize=1)
def lexicon() -> ModuleType:
    """lemminflect, imported on first use: it brings numpy (a quarter of a second of start-up)
    that a Russian look-up never needs."""
    return importlib.import_module("lemminflect")


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every lemma of a lower-case word (itself included); possessives are taken off first.
    Words outside lemminflect's lexicon are lemmatised by its rules, as nouns.

    >>> sorted(lemmas("battalions'")), sorted(lemmas("troops")), sorted(lemmas("encirclees"))
    (['battalion', 'battalions'], ['troop', 'troops'], ['encirclee', 'encirclees'])
    >>> lemmas("deserters") & lemmas("desertion")
    frozenset()
    """
    word = without_possessive(word)
    found = lexicon().getAllLemmas(word) or lexicon().getAllLemmasOOV(word, "NOUN")
    return frozenset({word, *(lemma for forms in found.values() for lemma in forms)})


def without_possessive(word: str) -> str:
    """The word without a possessive ending.

    >>> without_possessive("army's"), without_possessive("battalions’"), without_possessive("SS")
    ('army', 'battalions', 'SS')
    """
    word = word.replace("’", "'")
    if word.endswith(("'s", "'S")):
        return word[:-2]
    return word[:-1] if word.endswith("s'") else word


def plural(word: str) -> str:
    """Plural of an English noun (lemminflect's lexicon, regular rules for unknown words).

    >>> plural("battalion"), plural("army"), plural("encirclee"), plural("forces")
    ('battalions', 'armies', 'encirclees', 'forces')
    """
    if word not in lexicon().getAllLemmas(word).get("NOUN", (word,)):
        return word  # already a plural (troops, forces)
    forms = lexicon().getInflection(word, "NNS", inflect_oov=True)
    return forms[0] if forms else word


def possessive(phrase: str) -> str:
    """Possessive of a phrase: `army` → `army's`, `battalions` → `battalions'`.

    >>> possessive("penal battalions"), possessive("Red Army")
    ("penal battalions'", "Red Army's")
    """
    return phrase + ("'" if phrase.endswith("s") else "'s")
