"""How the TM sees a segment: words, numbers, punctuation and placeholders, with match keys.

Placeholders (HTML/XML tags, printf `%s`/`%(name)s`, brace `{0}`/`{name}`) are one token each,
so that a changed tag costs a tag, not three punctuation marks and a word. Words carry the
core's match keys (Russian lemmas, English stems: `glossary.keys.word_keys`), which are cached
per distinct token, so each distinct token is analysed once per process.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from glossary import morph
from glossary.keys import word_keys
from glossary.ru import CYRILLIC, YO
from glossary.tokens import tokenize

WORD, NUMBER, PUNCT, TAG = "word", "number", "punctuation", "tag"

# What a token weighs in a segment's length and what losing it costs (see fuzzy.py).
WEIGHTS = {WORD: 1.0, NUMBER: 0.25, TAG: 0.25, PUNCT: 0.1}

_PLACEHOLDER = re.compile(
    r"<[^<>\s][^<>]*>"                                   # <b>, </a>, <br/>, <x id="1"/>
    r"|%\(\w+\)[#0\-+]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"  # %(name)s
    r"|%[#0\-+]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]"         # %s, %d, %.2f, %%
    r"|\{[\w.\[\]]*(?:![rsa])?(?::[^{}\s]*)?\}"          # {0}, {name}, {value:.2f}
)


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
    """The tokens, words keyed by keys_of(their form) when it is given (made once: an
    import analyses every segment of a file, so no token is built twice)."""
    tokens: list[TmToken] = []
    at = 0
    for m in _PLACEHOLDER.finditer(text):
        tokens.extend(_plain(text[at:m.start()], at, keys_of))
        tokens.append(TmToken(m.group(), m.start(), m.end(), TAG, m.group()))
        at = m.end()
    tokens.extend(_plain(text[at:], at, keys_of))
    return tuple(tokens)


def _plain(text: str, offset: int, keys_of: Callable[[str], frozenset] | None
           ) -> list[TmToken]:
    out = []
    empty: frozenset[str] = frozenset()
    for t in tokenize(text):
        start, end = t.start + offset, t.end + offset
        if not t.is_word:
            out.append(TmToken(t.text, start, end, PUNCT, t.text))
        elif t.norm.isdigit():
            out.append(TmToken(t.text, start, end, NUMBER, t.norm, frozenset((t.norm,))))
        else:
            out.append(TmToken(t.text, start, end, WORD, t.norm.lower(),
                               keys_of(t.norm) if keys_of else empty, t.norm))
    return out


def weight(tokens: tuple[TmToken, ...]) -> float:
    """A segment's length for scoring: words count 1, numbers and tags ¼, punctuation ⅒.

    >>> weight(analyse("Войска НКВД, 1941."))
    2.45
    """
    return round(sum(WEIGHTS[t.kind] for t in tokens), 4)


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
        best = morph.parse(lower)[0].normal_form.translate(YO)
        if best in keys:
            return best
    others = sorted(k for k in keys if k != lower and not k.startswith("^"))
    return others[0] if others else lower


def index_keys(tokens: tuple[TmToken, ...]) -> set[str]:
    """Every key the segment is indexed under (its words' and numbers' keys)."""
    found: set[str] = set()
    for t in tokens:
        found.update(t.keys)
    return found


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
_KIND_CODES = {WORD: 0, NUMBER: 1, PUNCT: 2, TAG: 3}
_KINDS = (WORD, NUMBER, PUNCT, TAG)


def layout(tokens: tuple[TmToken, ...]) -> bytes:
    """The tokens' spans and kinds, packed for storage."""
    packed = array("I")
    for t in tokens:
        packed.extend((t.start, t.end * 4 + _KIND_CODES[t.kind]))
    return packed.tobytes()


def from_layout(text: str, packed: bytes, codes: str) -> tuple[TmToken, ...] | None:
    """Tokens rebuilt from a stored layout, each word and number keyed by its code character.

    Word norms are only lower-cased with ё→е here (not cleaned of stress marks), which at
    worst labels a difference `inflection` where `case` was due. None when the layout and
    the code string disagree (written by another version).

    >>> text = "Войска НКВД, 1941."
    >>> [(t.text, t.kind, t.norm, sorted(t.keys))
    ...  for t in from_layout(text, layout(analyse(text)), "abc")]  # doctest: +NORMALIZE_WHITESPACE
    [('Войска', 'word', 'войска', ['a']), ('НКВД', 'word', 'нквд', ['b']),
     (',', 'punctuation', ',', []), ('1941', 'number', '1941', ['c']),
     ('.', 'punctuation', '.', [])]
    """
    numbers = array("I")
    numbers.frombytes(packed)
    out = []
    keyed = 0
    empty: frozenset[str] = frozenset()
    for i in range(0, len(numbers), 2):
        start, end, kind = numbers[i], numbers[i + 1] >> 2, _KINDS[numbers[i + 1] & 3]
        piece = text[start:end]
        if kind == WORD or kind == NUMBER:
            if keyed >= len(codes):
                return None
            keys = frozenset(codes[keyed])
            keyed += 1
            norm = piece.lower().translate(YO) if kind == WORD else piece
        else:
            keys, norm = empty, piece
        out.append(TmToken(piece, start, end, kind, norm, keys))
    return tuple(out) if keyed == len(codes) else None
