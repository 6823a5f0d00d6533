"""How the TM sees a segment: words, numbers, punctuation and placeholders, with match keys.

Whatever glossary.markup masks (placeholders, tags, code, URLs, link targets, the TMX/XLIFF
inline codes readers keep, content included) is one token each, so that a changed tag costs a
tag, not three punctuation marks and a word, and words in code or a URL are not words;
accelerators are removed inside words (Платё_ж = Платёж). Words carry the core's match keys
(Russian lemmas, English stems: `glossary.keys.word_keys`), which are cached per distinct token, so each distinct token is analysed once per process.
"""
from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Callable, Iterator
from typing import NamedTuple
from functools import lru_cache

from glossary import morph
from glossary.keys import word_keys
from glossary.markup import ACCEL, mask
from glossary.markup.plain import is_plain
from glossary.ru import CYRILLIC
# glossary.tokens' own expression and steps, so that a token is made once (see _plain).
from glossary.tokens import (_HYPHEN_GROUP, _TOKEN, _WORD_GROUP, _has_apostrophe, _inflected_name,
                            _norm)

WORD, NUMBER, PUNCT, TAG = "word", "number", "punctuation", "tag"

# What a token weighs in a segment's length and what losing it costs (see fuzzy.py).
WEIGHTS = {WORD: 1.0, NUMBER: 0.25, TAG: 0.25, PUNCT: 0.1}

class TmToken(NamedTuple):
    """A token of a segment: where it stands, what kind it is and what it matches by
    (a named tuple: an import makes millions, and a tuple is several times cheaper to make
    than a frozen dataclass).

    `norm` is the comparison form (words: cleaned, ё→е, lower-cased); `keys` the match keys
    (words and numbers only; empty for punctuation and tags).
    """

    text: str
    start: int
    end: int
    kind: str
    norm: str
    keys: frozenset[str] = frozenset()
    form: str = ""

    @property
    def weight(self) -> float:
        return WEIGHTS[self.kind]


def analyse(text: str) -> tuple[TmToken, ...]:
    """Tokens of a segment with their match keys, placeholders kept whole.

    >>> [t.text for t in analyse('a<ph x="1">&lt;br/&gt;</ph>b') if t.kind == "tag"]
    ['<ph x="1">&lt;br/&gt;</ph>']
    >>> [(t.text, t.kind) for t in analyse("Удалить %(name)s из <b>2</b> групп?")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Удалить', 'word'), ('%(name)s', 'tag'), ('из', 'word'), ('<b>', 'tag'),
     ('2', 'number'), ('</b>', 'tag'), ('групп', 'word'), ('?', 'punctuation')]
    >>> sorted(analyse("Войскам")[0].keys)
    ['войскам', 'войско']
    """
    return _analyse(text)


@lru_cache(maxsize=4096)
def _analyse(text: str) -> tuple[TmToken, ...]:
    return _tokens(text, word_keys)


def with_keys(tokens: tuple[TmToken, ...], keys_of: Callable[[str], frozenset]
              ) -> tuple[TmToken, ...]:
    """The tokens with each word's keys set to keys_of(its form)."""
    return tuple(TmToken(t.text, t.start, t.end, t.kind, t.norm, keys_of(t.form), t.form)
                 if t.kind == WORD else t for t in tokens)


@lru_cache(maxsize=4096)
def shape(text: str) -> tuple[TmToken, ...]:
    """Tokens of a segment without word keys (`form` is the word cleaned, case kept).

    >>> [(t.form, t.norm, t.keys) for t in shape("Ёлки, 2")]
    [('Елки', 'елки', frozenset()), ('', ',', frozenset()), ('', '2', frozenset({'2'}))]
    """
    return _tokens(text, None)


def _tokens(text: str, keys_of: Callable[[str], frozenset] | None) -> tuple[TmToken, ...]:
    """Tokens of a segment, each word keyed by keys_of(its form) (none without it). One
    pass: an import makes a token of every word it reads."""
    tokens: list[TmToken] = []
    for piece, offset, named, matches, tag in pieces(text):
        tokens.extend(_plain(piece, text, offset, named, matches, keys_of))
        if tag is not None:
            start, end = tag
            tokens.append(TmToken(text[start:end], start, end, TAG, text[start:end]))
    return tuple(tokens)


# A stretch of a text between its masked spans: its masked text, where it starts in the
# text, how to cut a word in it (_inflected_name; None when it holds no apostrophe, so no
# word can be an inflected Latin name), the tokeniser's matches in it, and the span of the
# tag after it (None at the end).
Piece = tuple[str, int, "Callable[[str], int] | None", Iterator[re.Match[str]],
              "tuple[int, int] | None"]


def pieces(text: str) -> list[Piece]:
    """The stretches of a text that hold words, each followed by a tag but the last; an
    accelerator is blanked inside its word, not a tag (prose has one stretch: no finders).

    >>> [(p[0], p[1], p[4]) for p in pieces("Удалить %(name)s?")]
    [('Удалить ', 0, (8, 16)), ('?', 16, None)]
    """
    if is_plain(text):
        return [_piece(text, 0, len(text), None)]
    masked = mask(text)
    found = []
    at = 0
    for s in masked.spans:
        if s.kind == ACCEL:
            continue  # blanked inside the word it marks
        found.append(_piece(masked.text, at, s.start, (s.start, s.end)))
        at = s.end
    found.append(_piece(masked.text, at, len(text), None))
    return found


def _piece(masked: str, start: int, end: int, tag: tuple[int, int] | None) -> Piece:
    piece = masked[start:end]
    named = _inflected_name if _has_apostrophe(piece) else None
    return piece, start, named, _TOKEN.finditer(piece), tag


_NO_KEYS: frozenset[str] = frozenset()


def _plain(piece: str, text: str, start: int, named: Callable[[str], int] | None,
           matches: Iterator[re.Match[str]], keys_of: Callable[[str], frozenset] | None
           ) -> list[TmToken]:
    """Tokens of a piece (see `pieces`) starting at `start`, with the original text's
    surfaces.

    Made straight from the matches of glossary.tokens' expression (words, hyphens,
    punctuation), as `tokenize` reads them but without its Token, which an import would
    make of each of its ~330,000 tokens only to make a TmToken of it next; what a word's
    token holds besides its place is worked out once per spelling (`_word`)."""
    out: list[TmToken] = []
    append = out.append
    make = tuple.__new__  # a named tuple made without its keyword-parsing constructor
    same = piece is text  # prose: nothing masked, so the match is the surface
    known = _WORDS_KEYED if keys_of is word_keys else _WORDS_BARE if keys_of is None else {}
    for m in matches:
        group = m.lastindex
        if group == _HYPHEN_GROUP:
            continue
        a, b = m.span()
        a, b = a + start, b + start
        surface = m.group() if same else text[a:b]
        if group == _WORD_GROUP:
            word = m.group()
            if named:
                cut = named(word)
                if cut < len(word):
                    word, b = word[:cut], a + cut
                    surface = text[a:b]
            found = known.get(word) or _word(word, keys_of, known)
            append(make(TmToken, (surface, a, b, *found)))
        else:
            append(make(TmToken, (surface, a, b, PUNCT, surface, _NO_KEYS, "")))
    return out


# kind, norm, keys and form of a word token, by its spelling: with word_keys, without keys.
_WORDS_KEYED: dict[str, tuple[str, str, frozenset[str], str]] = {}
_WORDS_BARE: dict[str, tuple[str, str, frozenset[str], str]] = {}
_KEEP = 400_000  # spellings kept each: a large import's vocabulary, not an unbounded one


def word_record(word: str) -> tuple[str, str, frozenset[str], str]:
    """Kind, norm, keys and form of a word token spelt `word` (as the tokeniser matched it).

    >>> word_record("Войскам")[0], word_record("1941")[:3]
    ('word', ('number', '1941', frozenset({'1941'})))
    """
    return _WORDS_KEYED.get(word) or _word(word, word_keys, _WORDS_KEYED)


def _word(word: str, keys_of: Callable[[str], frozenset] | None,
          known: dict[str, tuple[str, str, frozenset[str], str]]
          ) -> tuple[str, str, frozenset[str], str]:
    norm = _norm(word)
    if norm.isdigit():
        found = (NUMBER, norm, frozenset((norm,)), "")
    else:
        found = (WORD, norm.lower(), keys_of(norm) if keys_of else _NO_KEYS, norm)
    if len(known) >= _KEEP:
        known.clear()
    known[word] = found
    return found


def weight(tokens: tuple[TmToken, ...]) -> float:
    """A segment's length for scoring: words count 1, numbers and tags ¼, punctuation ⅒.

    >>> weight(analyse("Войска НКВД, 1941."))
    2.45
    """
    return round(sum([WEIGHTS[t.kind] for t in tokens]), 4)


@lru_cache(maxsize=400_000)
def canonical_key(norm: str) -> str:
    """The one key a word is filed under in a unit's code string (the best parse's lemma).

    A word has several keys when it is ambiguous; the code string (see search.py) needs one,
    so it takes pymorphy3's most probable lemma, which is the same for the forms of a word.

    >>> canonical_key("Войска"), canonical_key("войскам"), canonical_key("troops")
    ('войско', 'войско', 'troop')
    """
    keys = word_keys(norm)
    if len(keys) == 1:
        return next(iter(keys))
    lower = norm.lower()
    if CYRILLIC.search(lower):
        best = morph.likeliest_normal_form(lower)
        if best in keys:
            return best
    others = sorted(k for k in keys if k != lower and not k.startswith("^"))
    return others[0] if others else lower


# Code characters: key ids map onto code points from U+0021 up, skipping the surrogates;
# the top 256 code points are left for query words the index does not know (search.py).
_FIRST, _SURROGATES = 0x21, (0xD800, 0xE000)
FRESH_CODES = 0x10FF00
_SPACE = FRESH_CODES - _FIRST - (_SURROGATES[1] - _SURROGATES[0])


def code_char(key_id: int) -> str:
    """The character standing for a key id in a code string (ids past ~1.1M wrap around).

    >>> code_char(0), code_char(1) == code_char(1 + _SPACE)
    ('!', True)
    """
    point = _FIRST + key_id % _SPACE
    if point >= _SURROGATES[0]:
        point += _SURROGATES[1] - _SURROGATES[0]
    return chr(point)


# Stored token layouts (see store.py): two unsigned 32-bit numbers a token, start and
# end × 4 + kind. Rebuilding tokens from them is several times faster than tokenising again.
KIND_CODES = {WORD: 0, NUMBER: 1, PUNCT: 2, TAG: 3}
_KINDS = (WORD, NUMBER, PUNCT, TAG)


# A layout's kinds are the low two bits of every second number, in the machine's byte order
# (array.tobytes): the low byte of a token's second number, and whether that kind is keyed.
_KIND_BYTE = 4 if sys.byteorder == "little" else 7
_KEYED_KINDS = bytes(int(value & 3 <= KIND_CODES[NUMBER]) for value in range(256))


def keyed_tokens(packed: bytes) -> int:
    """How many words and numbers a stored layout holds (from_layout needs as many code
    characters), counted without decoding it.

    >>> from tm.pairs import analyse_pair
    >>> keyed_tokens(analyse_pair("Войска НКВД, 1941.", "")[2])
    3
    """
    return packed[_KIND_BYTE::8].translate(_KEYED_KINDS).count(1)


# {char} of each code character, made once: tokens rebuilt by the thousand share them.
_ONE_CODE: dict[str, frozenset[str]] = {}


def from_layout(text: str, packed: bytes, codes: str) -> tuple[TmToken, ...] | None:
    """Tokens rebuilt from a stored layout, each word and number keyed by its code character.

    Word norms are only lower-cased with ё→е here (not cleaned of stress marks), which at
    worst labels a difference `inflection` where `case` was due. None when the layout and
    the code string disagree (written by another version). (Keeping the last units
    rebuilt, 6,115 units scored 8,436 times in the bench's 1,000 queries, made the batch
    slower: the cycle collector walks what is kept.)

    >>> from tm.pairs import analyse_pair
    >>> text = "Войска НКВД, 1941."
    >>> [(t.text, t.kind, t.norm, sorted(t.keys))
    ...  for t in from_layout(text, analyse_pair(text, "")[2], "abc")]  # doctest: +NORMALIZE_WHITESPACE
    [('Войска', 'word', 'войска', ['a']), ('НКВД', 'word', 'нквд', ['b']),
     (',', 'punctuation', ',', []), ('1941', 'number', '1941', ['c']),
     ('.', 'punctuation', '.', [])]
    >>> from_layout(text, analyse_pair(text, "")[2], "ab"), from_layout(text, analyse_pair(text, "")[2], "abcd")
    (None, None)
    """
    numbers = array("I")
    numbers.frombytes(packed)
    out = []
    chars = iter(codes)
    one_code = _ONE_CODE
    make = tuple.__new__  # a search rebuilds thousands of tokens: no keyword parsing
    for start, coded in zip(numbers[::2], numbers[1::2]):
        end, kind = coded >> 2, coded & 3
        piece = text[start:end]
        if kind > 1:  # punctuation, tag (KIND_CODES)
            out.append(make(TmToken, (piece, start, end, _KINDS[kind], piece, _NO_KEYS, "")))
            continue
        char = next(chars, None)
        if char is None:
            return None
        keys = one_code.get(char) or one_code.setdefault(char, frozenset(char))
        if kind:  # a number
            out.append(make(TmToken, (piece, start, end, NUMBER, piece, keys, "")))
        else:
            norm = piece.lower()
            if "ё" in norm:
                norm = norm.replace("ё", "е")
            out.append(make(TmToken, (piece, start, end, WORD, norm, keys, "")))
    return None if next(chars, None) is not None else tuple(out)
