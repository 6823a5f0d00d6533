"""Telling plain prose from text that may hold markup, without running the finders.

`is_plain(text)` is True only when no syntax of this package can find anything in the
text: most segments of most drafts and translation memories are prose, and the finders'
dozen regular expressions cost more than the rest of a segment's analysis. The test is
deliberately conservative — a text that fails it is masked as before, so a missed
shortcut costs time, never a different result.

Keep it in step with the finders: a new syntax whose marks are letters, spaces or sentence
punctuation must add its trigger here. tests/test_check_masks.py runs every case of the
markup tests through both paths, so a masked case this test calls plain fails there.
"""
from __future__ import annotations

import re

# A plain text holds letters, spaces and sentence punctuation; a point only where no word
# follows it at once (a file name, a dotted name or a URL has one). Digits, underscores,
# colons, semicolons, line breaks and every other symbol (% { } < > & $ # @ / \ | ` [ ] * =
# ~ …) send the text to the finders. Looked for as the first character that is none of
# these: one search, where matching every character against the alternatives of what is
# allowed cost two to three times as much.
_NOT_PLAIN = re.compile(r"[\d_]|[^\w ,!?«»\"'’‘“”„()…—–.-]|\.(?=\w)")
# What Latin prose may still hold of code (web.identifiers): camelCase, an SQL keyword in
# capitals, a text short enough to be one literal (nil, true), a call or an argument list,
# a line opening with a Python or Lua keyword, a command's option (curl -X), www. before
# a URL.
_LATIN = re.compile(r"[A-Za-z]")
_LATIN_CODE = re.compile(r"[a-z][A-Z]|[A-Z]{4}|\(|www\.|import |local |function | -")
_SHORT = 12


def is_plain(text: str) -> bool:
    """Whether no markup syntax can find anything in `text` (see the module docstring).

    >>> is_plain("Я никогда не забуду этот год."), is_plain("Tom isn't here, is he?")
    (True, True)
    >>> is_plain("Удалить %(name)s?"), is_plain("see box.cfg"), is_plain("use getValue")
    (False, False, False)
    """
    if _NOT_PLAIN.search(text) is not None or "--" in text:
        return False
    return not (_LATIN.search(text) and (len(text) < _SHORT or _LATIN_CODE.search(text)))
