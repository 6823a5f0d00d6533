"""Tokenising with spans: words (hyphenated parts separately), numbers and punctuation."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .normalize import clean, fix_lookalikes
from .ru import INVISIBLE, YO

# A word: letters/digits with stress marks and soft hyphens inside, an apostrophe between
# letters (People's), and the possessive apostrophe after a final s (battalions').
_INNER = f"[\\w{INVISIBLE}]"
_WORD = rf"[^\W_]{_INNER}*(?:['’][^\W_]{_INNER}*)*(?:(?<=[sS])['’](?![^\W_]))?"
_TOKEN = re.compile(rf"({_WORD})|(-(?=[^\W_]))|([^\w\s])")  # word | hyphen | punctuation
_WORD_GROUP, _HYPHEN_GROUP = 1, 2
_WORDS = re.compile(_WORD)
# Tried only where a word starts: a match from inside a word would also match from the
# letter before it (same end), and trying every position of a long word is quadratic.
_HYPHENATED = re.compile(rf"(?<![^\W_])({_WORD})-(?=({_WORD}))")
# A Russian case ending put after a Latin name with an apostrophe (Tarantool’а, memtx'е,
# vinylʼом): the name is the word, the ending its inflection, as in a Russian word.
_ENDING = re.compile(r"(?<=[A-Za-z0-9])['’ʼ][а-яё]{1,4}$", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
# Russian letters but ё, whose spelling _norm leaves as it is (й recomposes after NFD).
_PLAIN_CYRILLIC = re.compile("[а-яА-Я]+")


def _inflected_name(word: str) -> int:
    """How long the Latin name is in a word that adds a Russian ending to it after an
    apostrophe; the whole length otherwise.

    >>> _inflected_name("memtx'е"), _inflected_name("Tarantool’ом"), _inflected_name("People's")
    (5, 9, 8)
    """
    if not _has_apostrophe(word):
        return len(word)
    ending = _ENDING.search(word)
    if ending is None or _CYRILLIC.search(word, 0, ending.start()):
        return len(word)
    return ending.start()


class Token(NamedTuple):
    """A token and where it stands in the original text (a named tuple: texts make many).

    `norm` is the token cleaned, look-alike letters fixed and ё→е, case kept;
    `joined` is True when a hyphen ties it to the previous word (проверочно-фильтрационный).
    """

    text: str
    start: int
    end: int
    norm: str
    is_word: bool
    joined: bool = False


@lru_cache(maxsize=400_000)
def _norm(word: str) -> str:
    """A word's comparison spelling, case kept (computed once per distinct word).

    >>> _norm("Заградотря\u0301ды"), _norm("ёлка"), _norm("Пётр’s"), _norm("аrmy")
    ('Заградотряды', 'елка', "Петр's", 'army')
    """
    if word.isascii() or _PLAIN_CYRILLIC.fullmatch(word):
        return word  # most words: nothing to clean, fix or fold
    return fix_lookalikes(clean(word)).translate(YO).replace("’", "'")


def tokenize(text: str) -> list[Token]:
    """Split text into tokens; hyphens inside compounds are dropped but remembered.

    >>> [t.norm for t in tokenize("Войска НКВД, проверочно-фильтрационный лагерь")]
    ['Войска', 'НКВД', ',', 'проверочно', 'фильтрационный', 'лагерь']
    >>> [t.joined for t in tokenize("counter-intelligence")]
    [False, True]
    >>> tokenize("battalions' men")[0].norm
    "battalions'"
    >>> [(t.text, t.end) for t in tokenize("в memtx'е")]
    [('в', 1), ('memtx', 7)]
    """
    # One regex pass; per token only a cached lookup and a tuple (this runs on every
    # segment of a draft, both sides: the per-token cost is most of the matcher's).
    tokens: list[Token] = []
    append = tokens.append
    make = tuple.__new__
    after_hyphen = False
    word_end = -1  # end of the last token when it was a word
    named = _has_apostrophe(text)  # without one no word can be an inflected Latin name
    for m in _TOKEN.finditer(text):
        group = m.lastindex
        if group == _HYPHEN_GROUP:
            after_hyphen = word_end == m.start()
            continue
        surface = m.group()
        start, end = m.span()
        if group == _WORD_GROUP:
            cut = _inflected_name(surface) if named else len(surface)
            if cut < len(surface):
                surface, end = surface[:cut], start + cut
            append(make(Token, (surface, start, end, _norm(surface), True, after_hyphen)))
            word_end = end
        else:
            append(make(Token, (surface, start, end, surface, False, False)))
            word_end = -1
        after_hyphen = False
    return tokens


def words(text: str) -> list[str]:
    """The words of a text as written (what `tokenize` would make word tokens of), without
    spans: a cheap first look at a text.

    >>> words("Войска НКВД, проверочно-фильтрационный в memtx'е")
    ['Войска', 'НКВД', 'проверочно', 'фильтрационный', 'в', 'memtx']
    """
    found = _WORDS.findall(text)
    if not _has_apostrophe(text):  # the usual text: no word to cut (see _inflected_name)
        return found
    return [w[:_inflected_name(w)] for w in found]


def _has_apostrophe(text: str) -> bool:
    return "'" in text or "’" in text or "ʼ" in text


def hyphenated(text: str) -> list[tuple[str, str]]:
    """Each pair of words a hyphen joins, as written (a-b-c gives a-b and b-c).

    >>> hyphenated("проверочно-фильтрационный лагерь, из-за-угла")
    [('проверочно', 'фильтрационный'), ('из', 'за'), ('за', 'угла')]
    >>> hyphenated("_узел-сервер, долго-долго-долго")
    [('узел', 'сервер'), ('долго', 'долго'), ('долго', 'долго')]
    """
    return _HYPHENATED.findall(text)
