"""Match keys: what a word is compared by (Russian and English lemmas, exact short caps)."""
from __future__ import annotations

from functools import lru_cache

from . import english, morph
from .ru import CYRILLIC, LATIN

# All-caps words this short are abbreviations that collide with ordinary words when folded
# (ОН/он, US/us, С./с): they match only when written in capitals, as written.
_SHORT_CAPS = 3
# Case endings of a man's surname ending in a consonant (see variants._foreign_surname).
_SURNAME_ENDINGS = ("а", "у", "ом", "ым", "е", "ы", "и", "ов", "ых", "ам", "ами", "ах", "ыми")


def is_short_caps(word: str) -> bool:
    """Whether a word is written in capitals and short enough to be mistaken for a word.

    >>> is_short_caps("ГКО"), is_short_caps("НКВД"), is_short_caps("Он")
    (True, False, False)
    """
    return word.isupper() and len(word) <= _SHORT_CAPS


@lru_cache(maxsize=400_000)
def word_keys(norm: str) -> frozenset[str]:
    """Keys of a word as it stands in a text (`norm` from tokens.Token).

    >>> sorted(word_keys("Войсками"))
    ['войсками', 'войско']
    >>> sorted(word_keys("battalions'"))
    ['battalion', 'battalions']
    >>> sorted(word_keys("ГКО")), sorted(word_keys("POWs"))
    (['^ГКО', 'гко'], ['^POW', 'pow', 'pows'])
    """
    lower = norm.lower()
    if CYRILLIC.search(norm):
        keys = set(morph.lemmas(lower))
    elif LATIN.search(norm):
        keys = set(english.lemmas(lower))
    else:
        keys = {lower}
    caps = caps_key(norm)
    if caps is not None:
        keys.add(caps)
    return frozenset(keys)


def caps_key(norm: str) -> str | None:
    """The key a word in short capitals has of its own ("^ГКО"), None for other words.

    >>> caps_key("ГКО"), caps_key("POWs"), caps_key("SS's"), caps_key("Войска")
    ('^ГКО', '^POW', '^SS', None)
    >>> caps_key("POWs's"), caps_key("POWSs's"), caps_key("pows")
    ('^POW', None, None)
    """
    if len(norm) > _SHORT_CAPS + 3 or norm.islower():
        return None  # most words: too long even without a possessive and a plural s
    if not CYRILLIC.search(norm) and LATIN.search(norm):
        norm = english.without_possessive(norm)   # SS's is still SS
        if norm.endswith("s") and len(norm) > 2 and norm[:-1].isupper():
            norm = norm[:-1]                      # POWs are POW
    return "^" + norm if is_short_caps(norm) else None


# term_word_keys of the words analysed so far, by this process or by an earlier one that
# compiled a glossary (cache.py keeps them beside the compiled parts): a glossary edited by
# one entry is compiled again, and its other words need no analysis.
TERM_WORDS: dict[str, frozenset[str]] = {}


def term_word_keys(norm: str) -> frozenset[str]:
    """Keys of a word as it stands in a glossary form. A Russian word needs only its normal
    forms, not itself (a text word also holds its normal forms, and fewer keys mean fewer trie
    paths; see morph.glossary_forms); a word the dictionary lacks also the lemmas guessed for
    its inflected forms; short capitals match as written only.

    >>> sorted(term_word_keys("ГКО")), sorted(term_word_keys("лагеря"))
    (['^ГКО'], ['лагерь'])
    """
    found = TERM_WORDS.get(norm)
    if found is None:
        found = TERM_WORDS[norm] = _term_word_keys(norm)
    return found


def _term_word_keys(norm: str) -> frozenset[str]:
    if is_short_caps(norm):
        return frozenset({"^" + norm})
    if CYRILLIC.search(norm):
        lower = norm.lower()
        keys = morph.glossary_forms(lower) or word_keys(norm)
        if norm[:1].isupper():
            keys |= {lower}   # a surname the dictionary reads as a common word (Молодцов)
        if morph.is_known(lower):
            return keys
        keys |= morph.guessed_forms(lower)
        if norm[:1].isupper():
            # A foreign surname declines as a man's surname does (о Туронеке, Ошкалнов),
            # whatever pymorphy3 guesses its lexeme to be: its cases read as they would in a text.
            keys |= {k for e in _SURNAME_ENDINGS for k in morph.normal_forms(lower + e)}
        return keys
    if LATIN.search(norm):
        own = english.term_lemmas(norm.lower())
        if own != english.lemmas(norm.lower()):
            return own  # a gerund or participle named as such (saving: not saved)
    return word_keys(norm)


@lru_cache(maxsize=200_000)
def canonical(norm: str) -> str:
    """One key standing for a word in suggestions: its first Russian or English lemma.

    >>> canonical("заградотрядами"), canonical("Camps")
    ('заградотряд', 'camp')
    """
    lower = norm.lower()
    if CYRILLIC.search(norm):
        return min(morph.glossary_forms(lower), default=lower)
    return min(english.lemmas(lower), key=len) if lower.isascii() else lower
