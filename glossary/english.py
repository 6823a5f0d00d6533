"""English morphology: Snowball stemming for matching, lemminflect for generating forms."""
from __future__ import annotations

from functools import lru_cache

import lemminflect
import snowballstemmer

_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem of a lower-case word; possessive apostrophes go too.

    >>> stem("battalions'"), stem("battalion"), stem("camps"), stem("settlers"), stem("settlement")
    ('battalion', 'battalion', 'camp', 'settler', 'settlement')
    """
    return _stemmer.stemWord(word.replace("’", "'"))


def plural(word: str) -> str:
    """Plural of an English noun (lemminflect's lexicon, regular rules for unknown words).

    >>> plural("battalion"), plural("army"), plural("encirclee"), plural("forces")
    ('battalions', 'armies', 'encirclees', 'forces')
    """
    if word not in lemminflect.getAllLemmas(word).get("NOUN", (word,)):
        return word  # already a plural (troops, forces)
    forms = lemminflect.getInflection(word, "NNS", inflect_oov=True)
    return forms[0] if forms else word


def possessive(phrase: str) -> str:
    """Possessive of a phrase: `army` → `army's`, `battalions` → `battalions'`.

    >>> possessive("penal battalions"), possessive("Red Army")
    ("penal battalions'", "Red Army's")
    """
    return phrase + ("'" if phrase.endswith("s") else "'s")
