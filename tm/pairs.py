"""What the index needs of a pair (`analyse_pair`), read in one walk of each side's text.

An import analyses every pair it stores (~15 tokens a pair, ~290,000 for a 19,000-unit TMX),
so this walk makes no token: it reads the tokeniser's matches (`analysis.pieces`, the
expression of glossary.tokens) and takes what a word gives the index from a record kept
per spelling. It gives what the pair's tokens (`analysis.analyse`) say, as
tests/test_tm_pairs.py checks on real texts.
"""
from __future__ import annotations

from array import array
from operator import itemgetter

from glossary.tokens import _HYPHEN_GROUP, _WORD_GROUP

from .analysis import (KIND_CODES, NUMBER, PUNCT, TAG, WEIGHTS, WORD, canonical_key, pieces,
                       word_record)

# A word form's keys as one string (the forms table; analyse_pair's `keyed`).
KEY_SEPARATOR = "\x1f"
# The key of a side with no words or numbers at all ("…", "%s:"), so that such a query finds
# such units. No word key starts with '#'.
NO_WORDS = "#none"

# What the index needs of a pair: the source's weight, the canonical key of each keyed source
# token (the code string), the source's token layout, per side (weight code, keys), and
# every word form (its keys are in analyse_pair's `keyed`).
Analysed = tuple[float, list[str], bytes, list[tuple[int, list[str]]], list[str]]

# A spelling's part in the index: its kind's code (KIND_CODES: word or number), its code
# key (a keyed word's canonical key, a number's digits; None for a word without keys), its
# keys, its form ("" for a number) and the form's keys joined.
_Entry = tuple[int, "str | None", frozenset[str], str, str]
_ENTRIES: dict[str, _Entry] = {}
_KEEP = 400_000  # spellings kept: a large import's vocabulary, not an unbounded one
_WORD, _NUMBER = KIND_CODES[WORD], KIND_CODES[NUMBER]
_KIND, _KEYS, _FORM = itemgetter(0), itemgetter(2), itemgetter(3)
_PUNCT_END, _TAG_END = KIND_CODES[PUNCT], KIND_CODES[TAG]


def analyse_pair(source: str, target: str, keyed: dict[str, str] | None = None) -> Analysed:
    """Everything the index needs of one pair, as plain data (worker processes return it).
    Each distinct word is analysed once per process (the keys are cached). The keys of a
    word form not yet in `keyed` go there (joined by KEY_SEPARATOR), not in the result: an
    import meets ~17 forms a pair, mostly ones it has met before, and a worker process
    sends a form's keys once (a tuple a token made unpickling them the writer's largest cost).

    >>> weight, code_keys, _layout, sides, forms = analyse_pair("Войска НКВД, 1941.", "NKVD troops")
    >>> weight, code_keys, sides
    ... # doctest: +NORMALIZE_WHITESPACE
    (2.45, ['войско', 'нквд', '1941'],
     [(49, ['1941', 'войска', 'войско', 'нквд']), (40, ['nkvd', 'troop', 'troops'])])
    """
    if keyed is None:
        keyed = {}
    source_words, marks, tags, layout = _walk(source, True)
    target_words, target_marks, target_tags, _ = _walk(target, False)
    source_weight, source_side, source_forms = _side(source_words, marks, tags)
    _target_weight, target_side, target_forms = _side(target_words, target_marks, target_tags)
    forms = source_forms + target_forms
    if not keyed.keys() >= set(forms):  # mostly forms met before
        for entry in source_words + target_words:
            if not entry[0] and entry[3] not in keyed:  # a word (_WORD)
                keyed[entry[3]] = entry[4]
    return (source_weight, [entry[1] for entry in source_words if entry[1] is not None],
            layout.tobytes(), [source_side, target_side], forms)


def _walk(text: str, laid_out: bool) -> tuple[list[_Entry], int, int, array]:
    """A side's words and numbers (their entries, in order), its punctuation marks and tags
    counted, and with `laid_out` its token layout (start, end × 4 + kind code a token)."""
    entries = _ENTRIES
    words: list[_Entry] = []
    append = words.append
    layout = array("I")
    marks = tags = 0
    for piece, offset, named, matches, tag in pieces(text):
        for m in matches:
            group = m.lastindex
            if group == _WORD_GROUP:
                word = m.group()
                if named:
                    word = word[:named(word)]
                entry = entries.get(word) or _entry(word)
                append(entry)
                if laid_out:
                    start = m.start() + offset
                    layout.append(start)
                    layout.append((start + len(word)) * 4 + entry[0])
            elif group != _HYPHEN_GROUP:  # punctuation (a hyphen in a compound is no token)
                marks += 1
                if laid_out:
                    start = m.start() + offset
                    layout.append(start)
                    layout.append((start + 1) * 4 + _PUNCT_END)
        if tag is not None:
            tags += 1
            if laid_out:
                layout.append(tag[0])
                layout.append(tag[1] * 4 + _TAG_END)
    return words, marks, tags, layout


def _entry(word: str) -> _Entry:
    kind, norm, keys, form = word_record(word)
    if kind == NUMBER:
        found: _Entry = (_NUMBER, norm, keys, "", "")
    else:
        found = (_WORD, canonical_key(form) if keys else None, keys, form,
                 KEY_SEPARATOR.join(sorted(keys)))
    if len(_ENTRIES) >= _KEEP:
        _ENTRIES.clear()
    _ENTRIES[word] = found
    return found


def _side(words: list[_Entry], marks: int, tags: int
          ) -> tuple[float, tuple[int, list[str]], list[str]]:
    """A side's weight (as analysis.weight sums it: the same value once rounded, multiples
    of 0.05), its weight code and keys, and its words' forms in order."""
    numbers = sum(map(_KIND, words))  # _NUMBER is 1, _WORD 0
    weight = round(len(words) - numbers + (numbers + tags) * WEIGHTS[NUMBER]
                   + marks * WEIGHTS[PUNCT], 4)
    keys = frozenset().union(*map(_KEYS, words))
    forms = [entry[3] for entry in words if not entry[0]] if numbers else list(map(_FORM, words))
    return weight, (weight_code(weight), sorted(keys or {NO_WORDS})), forms


def weight_code(value: float) -> int:
    """A weight as stored in postings: an integer (weights are multiples of 0.05).

    >>> weight_code(2.45), weight_code(0.1)
    (49, 2)
    """
    return round(value * 20)
