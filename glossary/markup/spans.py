"""The masked span record the syntax families share."""
from __future__ import annotations

import re
from typing import NamedTuple

# Kinds of masked span.
PLACEHOLDER = "placeholder"  # %s {name} ${var}: stands for a value; a translation keeps it
TAG = "tag"                  # <b> </a> inline codes: wraps words; a translation keeps it
URL = "url"                  # a URL, e-mail, IP address or link target: kept as it is
LINK = "link"                # an rST cross-reference target (:ref:`label`), a footnote
CODE = "code"                # literals, identifiers, paths, code blocks: not compared
MARKUP = "markup"            # the brackets of a link whose text is language
ESCAPE = "escape"            # \n \t %%
ACCEL = "accel"              # & or _ marking a menu accelerator


class Span(NamedTuple):
    """A masked stretch [start, end) of a text.

    `key` is what a translation must reproduce (None: not compared); `ordered` marks a
    placeholder filled by position (`%s`, `{}`), whose order must be kept too.
    """

    start: int
    end: int
    kind: str
    key: str | None = None
    ordered: bool = False


Group = tuple[Span, ...]


def one(m: re.Match, kind: str, key: str | None = None, ordered: bool = False,
        group: int | str = 0) -> Group:
    """A group of one span: the whole match (or one of its groups)."""
    return (Span(m.start(group), m.end(group), kind, key, ordered),)


def around(m: re.Match, hole: int | str, kind: str = MARKUP, key: str | None = None,
           closing_kind: str | None = None) -> Group:
    """A match masked except group `hole` (its language): the part before and after."""
    return (Span(m.start(), m.start(hole), kind),
            Span(m.end(hole), m.end(), closing_kind or kind, key))
