"""Splitting run-together strings (ВойскаНКВДпоохранетыла) into words a glossary knows.

A string is split only into pieces that are dictionary words (or capitalised abbreviations)
whose keys occur in the glossary's vocabulary: the split can only ever serve a term match, so
an unknown word that happens to contain short words is not chopped into nonsense.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection

from . import morph
from .keys import word_keys
from .ru import RU_LOWER, RU_UPPER

# A piece is written one way throughout: lower, Capitalised or CAPS, so "аНКВД" is no piece.
_ONE_CASE = re.compile(f"[{RU_UPPER}]?[{RU_LOWER}]+|[{RU_UPPER}]+")
_RU_LETTER = re.compile(f"[{RU_UPPER}{RU_LOWER}]")
MIN_LEN = 6         # shorter unknown words are typos or names, not run-together phrases
_MAX_LEN = 120      # longer "words" are text that lost all its spaces: not one glossary phrase
_MAX_PIECE = 24


def split_runtogether(word: str, vocab: Collection[str],
                      reach: Callable[[str], bool] | None = None) -> list[tuple[int, int]] | None:
    """Offsets of the pieces of a run-together Cyrillic word, or None when it is not one.
    `reach` (reach.Reach of `vocab`) rules most dictionary words out as pieces unanalysed.

    >>> vocab = {"войско", "нквд", "по", "охрана", "тыл"}
    >>> w = "ВойскаНКВДпоохранетыла"
    >>> [w[a:b] for a, b in split_runtogether(w, vocab)]
    ['Войска', 'НКВД', 'по', 'охране', 'тыла']
    >>> split_runtogether("спецпоселенцев", vocab) is None
    True
    """
    if not _RU_LETTER.search(word):
        return None  # no piece could be Russian (asked first: its keys would be English)
    if not MIN_LEN <= len(word) <= _MAX_LEN or morph.is_known(word.lower()) \
            or not word_keys(word).isdisjoint(vocab):
        return None  # a real word, or one the glossary has as it stands (бригадефюрер)
    pieces = _segment(word, lambda p: _fits(p, vocab, reach))
    return pieces if pieces and len(pieces) > 1 else None


def _fits(piece: str, vocab: Collection[str], reach: Callable[[str], bool] | None) -> bool:
    if not _ONE_CASE.fullmatch(piece):
        return False
    lower = piece.lower()
    known = morph.is_known(lower) or (piece.isupper() and len(piece) > 1)
    return known and (reach is None or reach(piece)) and not word_keys(piece).isdisjoint(vocab)


def _segment(s: str, ok: Callable[[str], bool]) -> list[tuple[int, int]] | None:
    """Fewest pieces covering s, each accepted by ok (dynamic programming over end points)."""
    n = len(s)
    count: list[int | None] = [0] + [None] * n   # fewest pieces covering s[:end]
    back = [0] * (n + 1)                          # where the last of those pieces starts
    for end in range(1, n + 1):
        for start in range(max(0, end - _MAX_PIECE), end):
            prev = count[start]
            best = count[end]
            if prev is not None and (best is None or prev + 1 < best) \
                    and ok(s[start:end]):
                count[end], back[end] = prev + 1, start
    if count[n] is None:
        return None
    pieces, end = [], n
    while end:
        pieces.append((back[end], end))
        end = back[end]
    return pieces[::-1]
