"""Suggestions: the approved rendering in the inflected form the context calls for.

What we can produce: in a Russian target, the case and number of the word found there
(variants.inflect_like); in an English target, the number of the word found there or of the
Russian source word (plural head noun → English plural). What we cannot: the case a
missing Russian word would need — that depends on a sentence we do not parse — so a missing
Russian term is suggested in the nominative (plural when the English source is plural).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .. import morph, variants
from ..model import Term
from ..tokens import tokenize


@lru_cache(maxsize=8192)
def like_found(phrase: str, lang: str, found: str,
               forms: Callable[[str], list[str]] = variants.english_forms) -> str:
    """`phrase` (a target-language form) in the form of `found`, text met in the target.
    `forms` gives variants.english_forms of an English phrase (a check reads them from the
    compiled glossary: Context.english_forms).

    >>> like_found("штрафной батальон", "ru", "штрафными ротами")
    'штрафными батальонами'
    >>> like_found("special camp", "en", "special settlements")
    'special camps'
    >>> like_found("barrier troops", "en", "blocking detachments")
    'barrier troops'
    """
    if lang == "ru":
        return variants.inflect_like(phrase, found) or phrase
    like = variants.english_like(phrase, found, forms)
    # english_like may hand back a possessive (troops → troops'); only a plural is wanted.
    return phrase if like.endswith(("'", "’")) and not found.endswith(("'", "’")) else like


def for_missing(term: Term, target_lang: str, source_surface: str,
                plural: Callable[[str], str] | None = None) -> str:
    """The preferred target rendering of a term missing from the target, in the number of
    the source words that named it. `plural` gives an English rendering's plural (a check
    reads it from the compiled glossary: Context.english_plural).

    >>> from glossary.model import Term
    >>> t = Term("special-camp", "спецлагерь", "special camp")
    >>> for_missing(t, "en", "спецлагерях"), for_missing(t, "en", "спецлагерь")
    ('special camps', 'special camp')
    >>> for_missing(Term("penal-battalion", "штрафной батальон", "penal battalion"), "ru",
    ...             "penal battalions")
    'штрафные батальоны'
    """
    phrase = term.preferred(target_lang)
    if target_lang == "en":
        return (plural or _en_plural)(phrase) if _ru_plural(source_surface) else phrase
    return _ru_plural_nominative(phrase) if variants.plural_head(source_surface) else phrase


@lru_cache(maxsize=4096)
def _ru_plural_nominative(phrase: str) -> str:
    return variants.inflect_ru(phrase, "nomn", "plur") or phrase


@lru_cache(maxsize=4096)
def _ru_plural(surface: str) -> bool:
    """Whether the first noun of a Russian phrase is plural in its likeliest reading."""
    for tok in tokenize(surface):
        if tok.is_word:
            p = morph.parse(tok.norm.lower())[0]
            if p.tag.POS == "NOUN":
                return p.tag.number == "plur"
    return False


@lru_cache(maxsize=4096)
def _en_plural(phrase: str) -> str:
    return variants.english_plural(phrase)
