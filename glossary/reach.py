"""Which words of a text may have one of a few match keys, told without analysing most of them.

The matcher asks of each distinct word of a draft whether one of its keys (keys.word_keys)
is among the glossary's anchors; analysing every word to answer that was most of a check's
morphology. Most words can be ruled out cheaply, with the same answer:

* A Russian word the dictionary knows is read by the dictionary alone, so its keys are
  itself and the normal forms of its lexemes: it can reach a key only as a form of a lexeme
  that key heads (morph.lexeme_forms; suppletive forms such as люди → человек included).
* An English word the lexicon lists has the lemmas listed for it (english.words_with_lemma
  inverts that list); a word it lacks gets a lemma by rules that change only its last few
  letters (english.guess_reach), so it can reach only a key that begins as it does.

Words these tests leave in (words the dictionary lacks, forms of a key's lexeme) are
analysed as before.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection

from . import english, morph
from .keys import caps_key
from .ru import CYRILLIC, LATIN


def reach_forms(keys: Collection[str]) -> frozenset[str]:
    """The words the dictionary and the lexicon know that can have one of `keys` (besides
    the keys themselves): every form of each lexeme a Russian key heads, every word the
    English lexicon gives one of the keys as its lemma."""
    russian = (morph.lexeme_forms(k) for k in keys if CYRILLIC.search(k))
    return frozenset().union(*russian, english.words_with_lemma(keys))


class Reach:
    """For one set of keys: `reach(norm)` is False only when `word_keys(norm)` holds none of
    them (`norm` a text word as tokens.Token gives it). `forms` is `reach_forms(keys)`,
    made when first needed unless given (a compiled glossary keeps it)."""

    def __init__(self, keys: frozenset[str], forms: frozenset[str] | None = None):
        self.keys = keys
        self._sorted = sorted(keys)
        self._forms = forms

    def __call__(self, norm: str) -> bool:
        lower = norm.lower()
        if lower in self.keys or caps_key(norm) in self.keys:
            return True
        if CYRILLIC.search(norm):
            return not morph.is_known(lower) or lower in self.forms()
        if not LATIN.search(norm):
            return False  # a word of neither script: its key is itself
        word = english.without_possessive(lower)
        if word in self.keys:
            return True
        if english.known(word):
            return word in self.forms()
        return self._begins(word[:max(0, len(word) - english.guess_reach())])

    def forms(self) -> frozenset[str]:
        if self._forms is None:
            self._forms = reach_forms(self.keys)
        return self._forms

    def _begins(self, prefix: str) -> bool:
        """Whether a key begins with `prefix`."""
        at = bisect_left(self._sorted, prefix)
        return at < len(self._sorted) and self._sorted[at].startswith(prefix)
