"""Masking for the check pipeline: each distinct text masked once per run, and a plain text
(glossary.markup.plain: prose with no character any markup syntax needs) passed through
without running the finders — most segments of most drafts are plain.

What a text masks is glossary.markup's business; this module only decides when to ask
(tests/test_check_masks.py compares the two paths on the markup tests' cases).
"""
from __future__ import annotations

from ..markup import Masked, mask
from ..markup.plain import is_plain
from ..segment import Codes


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
