"""Reading a draft for checking: any bilingual format, or two aligned plain-text files.

The readers give every unit with its state; the checker takes translated units, fuzzy ones
when asked, and untranslated ones (a finding of their own: the `untranslated` rule);
obsolete and other passed-over units are listed. Languages are settled from the text where
the file does not name them, and checked against it where it does (`glossary.languages`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GlossaryError, InputError
from ..formats import SKIP_FOREIGN, all_unpaired, read_segments, read_text_pair, usable
from ..langtags import name, pair, primary
from ..languages import is_ru_en, settle
from ..segment import OBSOLETE, Segment


@dataclass
class Draft:
    segments: list[Segment]
    skipped: list[tuple[int | None, str]] = field(default_factory=list)
    source_lang: str | None = None  # the file's languages as settled (even with no segment)
    target_lang: str | None = None


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
    skipped: list[tuple[int | None, str]] = []

    def skip(line: int | None, reason: str, _text: str | None) -> None:
        skipped.append((line, reason))

    # Languages are settled over every unit (fuzzy and obsolete ones too), so that a file
    # with nothing to check still says which pair it is.
    units = list(settle(read_segments(path, fmt, source_lang=source_lang,
                                      target_lang=target_lang, on_skip=skip),
                        path, source_lang=source_lang, target_lang=target_lang))
    if any(is_ru_en(u.source_lang, u.target_lang) for u in units):
        # A multilingual file's unit without the pair (Russian and French only) is no
        # segment: its French would be checked as English.
        ours = []
        for unit in units:
            if is_ru_en(unit.source_lang, unit.target_lang) or unit.state == OBSOLETE:
                ours.append(unit)
            else:
                skip(unit.line, SKIP_FOREIGN.format(pair=pair(unit.source_lang,
                                                               unit.target_lang)), None)
        units = ours
    segments = list(usable(units, include_fuzzy=include_fuzzy, keep_untranslated=True,
                           on_skip=skip))
    if not segments and all_unpaired(skipped):
        # "No findings" would claim a direction the file does not have.
        raise InputError(f"nothing to check: {skipped[0][1]}", path=path)
    if units:
        src, tgt = units[0].source_lang, units[0].target_lang
        if src and tgt and primary(src) == primary(tgt):
            # A catalogue that names no language and whose only translations copy their
            # source (code kept as it is) reads the same on both sides.
            raise InputError(f"both sides read as {name(src)}, not a Russian–English pair "
                             "(do the translations only copy their source?); give --from/--to",
                             path=path)
        return Draft(segments, skipped, src, tgt)
    return Draft(segments, skipped)
