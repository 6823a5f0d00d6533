"""The bilingual record every draft and translation-memory format reads and writes."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Segment:
    """One aligned source/target pair as found in a file.

    `line` is the 1-based line in the file where the unit starts (None when unknown);
    `source_plural`/`target_plurals` carry gettext plural forms (msgid_plural, msgstr[1..]);
    `fuzzy` marks a PO entry flagged fuzzy; `props` keeps format-specific metadata
    (TMX <prop>, XLIFF attributes, timestamps) so that round trips lose nothing.
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
