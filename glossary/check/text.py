"""Text helpers the rules share: sentence spans, word keys of a text, loose phrase search."""
from __future__ import annotations

import re
from functools import lru_cache

from ..keys import term_word_keys, word_keys
from ..ru import RU_UPPER
from ..tokens import Token, tokenize

# A sentence ends at . ! ? … followed by space and something that can start a sentence.
# Abbreviations (г., т. е., No.) rarely stand before a capital, and a wrong split only
# makes the dropped-term check (its one user) more cautious: it needs equal counts.
_SENTENCE_END = re.compile(rf"(?<=[.!?…])[\"»”')\]]*\s+(?=[«\"“(\[]?[A-Z{RU_UPPER}0-9])")

# How many words may stand between two words of a phrase read loosely, and what must be
# among them: a coordination ("special and filtration camps" renders both "special camp"
# and "filtration camp") or a bracketed insertion ("partisan (guerrilla) detachment").
LOOSE_GAP = 3
_COORDINATION = re.compile(r"(?i)\b(?:and|or|и|или|либо|а также)\b|[,/(&]")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a text.

    >>> t = "Лагерь открыт в 1943 г. в Казахстане. Он вмещал 2 000 человек."
    >>> [t[a:b] for a, b in sentences(t)]
    ['Лагерь открыт в 1943 г. в Казахстане.', 'Он вмещал 2 000 человек.']
    """
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def words(text: str) -> list[tuple[Token, frozenset[str]]]:
    """The word tokens of a text with their match keys (lemmas, stems)."""
    return [(t, word_keys(t.norm)) for t in tokenize(text) if t.is_word]


def form_keys(form: str) -> list[frozenset[str]]:
    """Per word of a glossary form, the keys it may be read by."""
    return [term_word_keys(t.norm) for t in tokenize(form) if t.is_word]


@lru_cache(maxsize=20_000)
def head_keys(form: str) -> frozenset[str]:
    """The keys of a one-word glossary form's first token (none for an empty form): asked
    of the same few forms for every word of a target, so kept."""
    tokens = tokenize(form)
    return term_word_keys(tokens[0].norm) if tokens else frozenset()


def loose_find(text: str, text_words: list[tuple[Token, frozenset[str]]],
               keys: list[frozenset[str]], lo: int = 0, hi: int | None = None
               ) -> tuple[int, int] | None:
    """Span of the words of a phrase found in order, split only by a coordination or a
    bracket of at most LOOSE_GAP words, within text offsets [lo, hi); None when absent or
    when the phrase is one word.

    >>> t = "special and filtration camps"
    >>> loose_find(t, words(t), form_keys("special camp"))
    (0, 28)
    >>> t = "special units guarded the camps"
    >>> loose_find(t, words(t), form_keys("special camp")) is None
    True
    """
    if len(keys) < 2:
        return None
    hi = len(text) if hi is None else hi
    for i, (tok, k) in enumerate(text_words):
        if tok.start < lo or tok.end > hi or k.isdisjoint(keys[0]):
            continue
        j = i
        for want in keys[1:]:
            following = _next_word(text, text_words, j, want, hi)
            if following is None:
                break
            j = following
        else:
            return tok.start, text_words[j][0].end
    return None


def _next_word(text: str, text_words: list[tuple[Token, frozenset[str]]], j: int,
               want: frozenset[str], hi: int) -> int | None:
    """Index of the next phrase word after word j: the very next word, or one up to
    LOOSE_GAP words on when a coordination or bracket stands between."""
    for nxt in range(j + 1, min(j + LOOSE_GAP + 2, len(text_words))):
        tok, keys = text_words[nxt]
        if tok.end > hi:
            return None
        if not keys.isdisjoint(want) and (
                nxt == j + 1 or _COORDINATION.search(text, text_words[j][0].end, tok.start)):
            return nxt
    return None
