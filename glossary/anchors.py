"""Anchors: one key of every key path of a matcher's trie, which a text must hold for the
path to match (matcher._may_match judges a text's words against them: most texts hold none
and are answered without tokenising).

Any one key of a path would do: a text without it cannot match the path. The fewer texts
hold the chosen key, the fewer are tokenised and walked for nothing. A check with the
compiled cache (cache.py; Matcher.sift) anchors each path at its rarest word key, by
wordfreq's figure for all the word's forms (frequency.zipf), kept in the cache as well:
"people's war" at war, not people; "call-up age" at age, not call; «Ни шагу назад» at шаг,
not назад. On the issue 13 mix with the shipped glossary a fifth fewer texts are tokenised
(7,009 of 41,490, not 8,701). A look-up, or a check without the cache, anchors at the
longest word key (long words are the rarer ones, as a rule): loading wordfreq's tables
(~1 s, ~150 MiB) to rank the keys would cost it more than it saves. A path of punctuation
alone (№) is anchored at its first mark.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_WORDLIKE = re.compile(r"[^\W_]")

Rank = Callable[[str], Any]  # a key's rank: the least-ranked word key of a path anchors it


def anchor_keys(trie: dict, end: str, rank: Rank) -> tuple[frozenset[str], tuple[str, ...]]:
    """(word anchors, punctuation anchors) of a trie whose `end` slot holds the entries
    ending at a node: per key path, its least-ranked word key, else its first mark."""
    anchors: set[str] = set()
    marks: set[str] = set()
    stack: list[tuple[dict, Any, str, str]] = [(trie, None, "", "")]
    while stack:
        node, best_rank, best, mark = stack.pop()
        for key, child in node.items():
            if key == end:
                if best:
                    anchors.add(best)
                else:
                    marks.add(mark)
            elif _WORDLIKE.search(key):
                ranked = rank(key)
                if best_rank is None or ranked < best_rank:
                    stack.append((child, ranked, key, mark))
                else:
                    stack.append((child, best_rank, best, mark))
            else:
                stack.append((child, best_rank, best, mark or key))
    return frozenset(anchors), tuple(sorted(marks))


def longest(key: str) -> tuple[int, str]:
    """The longest key first (then the first in alphabetical order)."""
    return -len(key), key


def rarest(lang: str) -> Rank:
    """The key whose word is least common in `lang` first (then the longest): a short-caps
    key (^ГКО) by its word in any case, the most a text can hold of it."""
    from .frequency import zipf  # loads wordfreq: asked only for a check's compiled cache

    def rank(key: str) -> tuple[float, int, str]:
        return zipf(key.lstrip("^").lower(), lang), -len(key), key
    return rank
