"""Russian-specific constants in one place: letters, look-alikes, invisible characters."""
from __future__ import annotations

import re

# Character-class ranges, for building patterns elsewhere: every Cyrillic letter (the Unicode
# block), and the Russian capitals and small letters.
CYRILLIC_RANGE = "\u0400-\u04FF"
RU_UPPER = "А-ЯЁ"
RU_LOWER = "а-яё"
CYRILLIC = re.compile(f"[{CYRILLIC_RANGE}]")
LATIN = re.compile(r"[A-Za-z]")

# Characters that carry no meaning for matching: stress marks (combining acute/grave),
# soft hyphen, zero-width joiners and the BOM when it turns up mid-text.
INVISIBLE = "\u0301\u0300\u00ad\u200b\u200c\u200d\u2060\ufeff"

# Spaces that should behave as a plain space: NBSP, thin, narrow NBSP, figure space …
SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"

# Spaces that group the digits of a number (3 648, 3\u202f648) or stand between a number
# and its sign or unit.
DIGIT_SPACES = " \u00a0\u2009\u202f\u2007"

# Latin letters that look like Cyrillic ones (and back): a typist's or an OCR's confusion.
LATIN_TO_CYRILLIC = str.maketrans(
    "AaBCcEeHKMOoPpTXxyY",
    "АаВСсЕеНКМОоРрТХхуУ",
)
CYRILLIC_TO_LATIN = str.maketrans(
    "АаВСсЕеНКМОоРрТХхуУ",
    "AaBCcEeHKMOoPpTXxyY",
)

YO = str.maketrans("ёЁ", "еЕ")

# Endings written after an ordinal in figures (1-й, 1-го, 2-я, 3-ей, 5-ми): any of them may
# stand for any other, since the figure carries the number and the ending only the grammar.
ORDINAL_ENDINGS = ("й", "я", "е", "ю", "и", "го", "му", "м", "ом", "х", "ми", "ой", "ей", "ий",
                   "ый", "ая", "ое", "ую", "ые", "ых", "ым", "ого", "ому", "ыми", "ья", "ье")


def is_ordinal_ending(previous: str, word: str) -> bool:
    """Whether `word`, hyphenated to `previous`, is the ending of an ordinal in figures.

    >>> is_ordinal_ending("1", "го"), is_ordinal_ending("1", "Бадаев")
    (True, False)
    """
    return previous.isdigit() and word.lower() in ORDINAL_ENDINGS

# Case endings of a hard-stem masculine noun (батальон, a clipped бат, a foreign surname
# such as Ошкалн); the accusative is the nominative's or, for a person, the genitive's.
HARD_MASCULINE_ENDINGS = {
    ("nomn", "sing"): "", ("gent", "sing"): "а", ("datv", "sing"): "у", ("ablt", "sing"): "ом",
    ("loct", "sing"): "е", ("nomn", "plur"): "ы", ("gent", "plur"): "ов", ("datv", "plur"): "ам",
    ("ablt", "plur"): "ами", ("loct", "plur"): "ах",
}
