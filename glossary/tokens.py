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
_TOKEN = re.compile(rf"(?P<word>{_WORD})|(?P<hyphen>-(?=[^\W_]))|(?P<punct>[^\w\s])")


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
    """A word's comparison spelling, case kept (computed once per distinct word)."""
    return fix_lookalikes(clean(word)).translate(YO).replace("’", "'")


def tokenize(text: str) -> list[Token]:
    """Split text into tokens; hyphens inside compounds are dropped but remembered.

    >>> [t.norm for t in tokenize("Войска НКВД, проверочно-фильтрационный лагерь")]
    ['Войска', 'НКВД', ',', 'проверочно', 'фильтрационный', 'лагерь']
    >>> [t.joined for t in tokenize("counter-intelligence")]
    [False, True]
    >>> tokenize("battalions' men")[0].norm
    "battalions'"
    """
    tokens: list[Token] = []
    after_hyphen = False
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "hyphen":
            after_hyphen = bool(tokens) and tokens[-1].end == m.start() and tokens[-1].is_word
            continue
        surface = m.group()
        is_word = kind == "word"
        norm = _norm(surface) if is_word else surface
        tokens.append(Token(surface, m.start(), m.end(), norm, is_word, after_hyphen and is_word))
        after_hyphen = False
    return tokens
