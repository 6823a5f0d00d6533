"""Analyses of single words kept between processes, beside the compiled glossaries.

A compiled glossary (cache.py) is made again whenever its file changes, and most of the
making is analysing its words: their match keys (keys.term_word_keys) and how common they
are (frequency.zipf). Those depend on the word and on the versions of this package and its
dictionaries, not on the glossary, so one file per environment keeps every answer a
compile has needed: after an edit of one entry only the new words are analysed. The file
is plain JSON, written whole and renamed into place like the parts; one that cannot be
read is taken as empty. Past KEPT answers it is no longer added to.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from . import frequency, keys

KEPT = 200_000  # answers at most (~10 MB)
T = TypeVar("T")

_read: set[Path] = set()  # the files this process has read


def building(directory: Path, name: str, build: Callable[[], T],
             write: Callable[[Path, object], None]) -> T:
    """`build()` with the answers kept in `directory` (file `words-NAME.json`) known first,
    and the file then rewritten with `write(path, data)` when the build added answers."""
    path = directory / f"words-{name}.json"
    if path not in _read:
        _read.add(path)
        _load(path)
    before = _count()
    value = build()
    if before < _count() <= KEPT:
        write(path, {"term_words": {w: sorted(k) for w, k in keys.TERM_WORDS.items()},
                     "zipf": [[w, lang, z] for (w, lang), z in frequency.FIGURES.items()]})
    return value


def _count() -> int:
    return len(keys.TERM_WORDS) + len(frequency.FIGURES)


def _load(path: Path) -> None:
    try:
        with path.open(encoding="utf-8") as f:
            data = json.load(f)
        term_words, figures = data["term_words"], data["zipf"]
        for word, found in term_words.items():
            if isinstance(found, list) and all(isinstance(k, str) for k in found):
                keys.TERM_WORDS.setdefault(word, frozenset(found))
        for word, lang, figure in figures:
            if isinstance(word, str) and isinstance(lang, str) and isinstance(figure, float):
                frequency.FIGURES.setdefault((word, lang), figure)
        os.utime(path)  # used: not stale
    except (OSError, ValueError, TypeError, AttributeError, LookupError):
        pass  # absent, half-written by an old version, or of another shape: analyse afresh
