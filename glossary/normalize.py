"""Normalisation for matching: invisible characters, odd spaces, ё/е, look-alike letters.

Pure `str -> str` helpers; spans are kept by normalising token by token (see tokens.py).
"""
from __future__ import annotations

import unicodedata

from .ru import CYRILLIC, CYRILLIC_TO_LATIN, INVISIBLE, LATIN, LATIN_TO_CYRILLIC, SPACES, YO

_DROP = {ord(c): None for c in INVISIBLE}
_SPACE = {ord(c): " " for c in SPACES}
# Cyrillic letters with a Latin twin, and the reverse: used to decide a mixed word's script.
_CYR_TWINS = set("АаВСсЕеНКМОоРрТХхуУ")
_LAT_TWINS = set("AaBCcEeHKMOoPpTXxyY")


def clean(text: str) -> str:
    """Drop stress marks, soft hyphens and zero-width characters; odd spaces become spaces.

    >>> clean("заградотря\u0301д\u00a0НКВД")
    'заградотряд НКВД'
    """
    if text.isascii():
        return text
    # Stress marks are combining characters: decompose so they come off, but recompose й/ё.
    text = unicodedata.normalize("NFD", text).translate(_DROP).translate(_SPACE)
    return unicodedata.normalize("NFC", text)


def is_mixed_script(word: str) -> bool:
    """True when a word mixes Latin and Cyrillic letters.

    >>> is_mixed_script("аrmy"), is_mixed_script("army")
    (True, False)
    """
    return bool(CYRILLIC.search(word)) and bool(LATIN.search(word))


def fix_lookalikes(word: str) -> str:
    """Rewrite look-alike letters of a mixed word into the script the word is written in.

    A letter that exists in one script only decides; otherwise the majority does.

    >>> fix_lookalikes("СMЕРШ")  # Latin M
    'СМЕРШ'
    >>> fix_lookalikes("аrmy")   # Cyrillic а
    'army'
    """
    if not is_mixed_script(word):
        return word
    cyr_only = any(CYRILLIC.match(c) and c not in _CYR_TWINS for c in word)
    lat_only = any(LATIN.match(c) and c not in _LAT_TWINS for c in word)
    if cyr_only != lat_only:
        to_cyrillic = cyr_only
    else:
        to_cyrillic = len(CYRILLIC.findall(word)) >= len(LATIN.findall(word))
    return word.translate(LATIN_TO_CYRILLIC if to_cyrillic else CYRILLIC_TO_LATIN)


def fold(text: str) -> str:
    """The comparison form of a word or phrase: cleaned, look-alikes fixed, ё→е, lower case.

    >>> fold("Ёжик  в СMЕРШе")
    'ежик в смерше'
    """
    words = clean(text).split()
    return " ".join(fix_lookalikes(w).translate(YO).lower() for w in words)


def script(text: str) -> str | None:
    """'ru' when Cyrillic letters are the majority, 'en' when Latin ones are, None for neither.

    >>> script("войска NKVD"), script("NKVD troops"), script("1941")
    ('ru', 'en', None)
    """
    cyr, lat = len(CYRILLIC.findall(text)), len(LATIN.findall(text))
    if not cyr and not lat:
        return None
    return "ru" if cyr >= lat else "en"


def fold_latin(text: str) -> str:
    """Casefold, strip diacritics, keep only letters, digits and single spaces: the form keys
    compare in (the number of prikaz 227 tells it from other orders).

    >>> fold_latin("  Devjátaev,  Tatʹjana! "), fold_latin("Prikaz № 227")
    ('devjataev tatjana', 'prikaz 227')
    """
    # № decomposes to "No": a sign, not letters.
    decomposed = unicodedata.normalize("NFKD", text.replace("№", " ").casefold())
    # Combining marks are not alphabetic; modifier letters (ʹ ʺ) are, but are not letters here.
    kept = "".join(
        c for c in decomposed if c.isspace() or c.isdigit()
        or (c.isalpha() and unicodedata.category(c) != "Lm")
    )
    return " ".join(kept.split())
