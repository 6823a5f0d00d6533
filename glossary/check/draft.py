"""Reading a draft for checking: any bilingual format, or two aligned plain-text files.

The format readers pass over units without a target; for the checker an untranslated unit
is a finding, so each one the reader reports (with its line and source text) is kept as a
segment with an empty target, in file order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GlossaryError
from ..formats import SKIP_UNTRANSLATED, read_segments, read_text_pair
from ..segment import Segment


@dataclass
class Draft:
    segments: list[Segment]
    skipped: list[tuple[int | None, str]] = field(default_factory=list)


def read_draft(path: str | Path | None = None, *, source: str | Path | None = None,
               target: str | Path | None = None, fmt: str | None = None,
               source_lang: str | None = None, target_lang: str | None = None,
               include_fuzzy: bool = False) -> Draft:
    """Segments of a draft file (`path`), or of a plain-text pair (`source` and `target`),
    with untranslated units kept as empty targets; other skipped units are listed."""
    if path is None:
        if source is None or target is None:
            raise GlossaryError("give a draft file, or both a source and a target file")
        return Draft(read_text_pair(source, target, source_lang=source_lang,
                                    target_lang=target_lang))
    segments: list[Segment] = []
    skipped: list[tuple[int | None, str]] = []

    def on_skip(line: int | None, reason: str, text: str | None) -> None:
        if reason == SKIP_UNTRANSLATED:
            segments.append(Segment(source=text or "", target="", source_lang=source_lang,
                                    target_lang=target_lang, line=line))
        else:
            skipped.append((line, reason))

    for segment in read_segments(path, fmt, source_lang=source_lang, target_lang=target_lang,
                                 include_fuzzy=include_fuzzy, on_skip=on_skip):
        segments.append(segment)
    return Draft(segments, skipped)
