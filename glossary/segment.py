"""The bilingual record every draft and translation-memory format reads and writes."""
from __future__ import annotations

from dataclasses import dataclass, field

# A unit's state as its file records it (readers set it; the checker and the TM decide what
# to do with each). An empty or whitespace-only target is UNTRANSLATED whatever the file says.
TRANSLATED = "translated"
UNTRANSLATED = "untranslated"
FUZZY = "fuzzy"
OBSOLETE = "obsolete"
STATES = (TRANSLATED, UNTRANSLATED, FUZZY, OBSOLETE)

# Offsets [start, end) of inline codes inside a text (see Segment.source_codes).
Codes = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Segment:
    """One aligned source/target pair as found in a file.

    `line` is the 1-based line in the file where the unit starts (None when unknown);
    `source_plural`/`target_plurals` carry gettext plural forms (msgid_plural, msgstr[1..]);
    `fuzzy` marks a PO entry flagged fuzzy; `props` keeps format-specific metadata
    (TMX <prop>, XLIFF attributes, timestamps) so that round trips lose nothing.

    `state` is one of STATES. `source_codes`/`target_codes` are the spans of inline codes
    (TMX bpt/ept/ph/it/hi, XLIFF g/x/bx/ex/ph/pc/sc/ec) that stay in the text as their
    original markup, serialised as in the file (e.g. ``<ph x="1">&lt;br/&gt;</ph>``): the
    text around them is plain (unescaped) text, the spans say which characters are markup,
    so writers restore the codes verbatim and the masking layer knows them without guessing.
    A native-code element is one span, content included (``<bpt i="1">&lt;b&gt;</bpt>``,
    ``<x id="2"/>``); an element marking up text (TMX ``<hi>``, XLIFF ``<g>``, ``<pc>``,
    ``<mrk>``) is two spans, its start and its end tag, with its text between them as text.
    Spans are sorted and do not overlap (see `glossary.formats.inline`).
    """

    source: str
    target: str
    source_lang: str | None = None
    target_lang: str | None = None
    line: int | None = None
    context: str | None = None
    note: str | None = None
    id: str | None = None
    source_plural: str | None = None
    target_plurals: tuple[str, ...] = ()
    fuzzy: bool = False
    props: tuple[tuple[str, str], ...] = field(default=())
    state: str = TRANSLATED
    source_codes: Codes = ()
    target_codes: Codes = ()


def without_codes(text: str, codes: Codes) -> str:
    """The text with its inline codes taken out (each replaced by a space, so that words on
    either side of a code stay apart), for looking at the words only.

    >>> without_codes('a<ph x="1"/>b', ((1, 12),))
    'a b'
    """
    if not codes:
        return text
    parts, at = [], 0
    for start, end in codes:
        parts.append(text[at:start])
        at = end
    parts.append(text[at:])
    return " ".join(parts)
