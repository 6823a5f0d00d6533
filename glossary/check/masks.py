"""Masking for the check pipeline: each distinct text masked once per run, and a plain text
(prose with no character any markup syntax needs) passed through without running the
finders of glossary.markup — most segments of most drafts are plain.

What a text masks is glossary.markup's business; this module only decides when to ask. The
plain test is deliberately conservative: a text that fails it is masked as before, so a
missed shortcut costs time, never a different result (tests/test_check_masks.py compares
the two on a table of markup cases).
"""
from __future__ import annotations

import re

from ..markup import Masked, mask
from ..segment import Codes

# Letters, spaces and sentence punctuation; a point only where no word follows it at once
# (a file name, a dotted name or a URL has one). Digits, underscores, colons, semicolons,
# line breaks and every other symbol (% { } < > & $ # @ / \ | ` [ ] * = ~ …) send the text
# to the finders.
_PLAIN = re.compile(r"(?:[^\W\d_]|[ ,!?«»\"'’‘“”„()…—–-]|\.(?!\w))*")
# What Latin prose may still hold of code (glossary.markup.web.identifiers): camelCase, an
# SQL keyword in capitals, a text short enough to be one literal (nil, true), a call or an
# argument list, a line opening with a Python or Lua keyword, www. before a URL.
_LATIN = re.compile(r"[A-Za-z]")
_LATIN_CODE = re.compile(r"[a-z][A-Z]|[A-Z]{4}|\(|www\.|import |local |function ")
_SHORT = 12


def is_plain(text: str) -> bool:
    """Whether no markup syntax can find anything in `text` (see the module docstring).

    >>> is_plain("Я никогда не забуду этот год."), is_plain("Tom isn't here, is he?")
    (True, True)
    >>> is_plain("Удалить %(name)s?"), is_plain("see box.cfg"), is_plain("use getValue")
    (False, False, False)
    """
    if _PLAIN.fullmatch(text) is None or "--" in text:
        return False
    return not (_LATIN.search(text) and (len(text) < _SHORT or _LATIN_CODE.search(text)))


class Masks:
    """`mask` with a memo for one run: a text repeated in a draft (a TM-fed draft repeats
    many) is masked once; a plain text costs one regex test."""

    def __init__(self) -> None:
        self._done: dict[tuple[str, frozenset[str], Codes], Masked] = {}

    def __call__(self, text: str, syntaxes: frozenset[str], codes: Codes = ()) -> Masked:
        key = (text, syntaxes, tuple(codes))
        found = self._done.get(key)
        if found is None:
            found = self._done[key] = Masked(text, text, ()) if not codes and is_plain(text) \
                else mask(text, syntaxes, codes)
        return found
