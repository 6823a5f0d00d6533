"""The one registry of bilingual formats (drafts, translation memories): PO, TMX, XLIFF, TSV.

The contract every module fulfils, and the helpers they share, are in `base`; this module
only maps names and extensions to modules and reads or writes through them (like
translate-toolkit's ``factory.py``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType

from .. import sniff
from ..errors import InputError
from ..langtags import primary  # noqa: F401  (termfiles/tbx.py imports it from here)
from ..segment import TRANSLATED, UNTRANSLATED, Segment
from ..textio import read_text
from . import po, tmx, tsv, xliff
from .base import (REASONS, SKIP_EMPTY_SOURCE, SKIP_FOREIGN, SKIP_FUZZY, SKIP_NO_PAIR,
                   SKIP_NOT_TRANSLATABLE, SKIP_OBSOLETE, SKIP_UNTRANSLATED, OnSkip, all_unpaired,
                   read_nonempty, resolve_langs, skipped, swap, usable)

FORMATS: dict[str, ModuleType] = {m.NAME: m for m in (po, tmx, xliff, tsv)}


def detect(path: str | Path) -> str:
    """Format name of a bilingual file: by extension, else by its first 64 KiB."""
    found = sniff.by_extension(path, FORMATS)
    if found:
        return found
    head = sniff.head(path)
    markers = [(head.find(tag), name) for tag, name in (("<tmx", "tmx"), ("<xliff", "xliff"))]
    first = sorted((at, name) for at, name in markers if at >= 0)
    if first:
        return first[0][1]
    if re.search(r'^\s*(#~\s*)?msgid\s+"', head, re.MULTILINE):
        return "po"
    if re.search(r"<(martif|tbx)\b", head):
        raise InputError("a TBX glossary, not a bilingual file: add it to the glossary with "
                         "`glossary import`", path=path)
    if "\t" in head and not head.lstrip().startswith("<"):
        return "tsv"
    raise InputError(f"cannot tell the format of {Path(path).name}; use --input-format "
                     f"({', '.join(FORMATS)})", path=path)


def module(fmt: str) -> ModuleType:
    """The format module for a name, or InputError listing the known ones."""
    try:
        return FORMATS[fmt]
    except KeyError:
        raise InputError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}") from None


def read_segments(path: str | Path, fmt: str | None = None, **kw) -> Iterator[Segment]:
    """Every unit of a file in any registered format (detected when `fmt` is None), with its
    state; keywords are those of the modules' `read` (source_lang, target_lang, on_skip)."""
    return module(fmt or detect(path)).read(path, **kw)


def write_segments(path: str | Path, segments: Iterable[Segment], fmt: str | None = None,
                   **kw) -> None:
    """Write segments atomically in a registered format (detected by extension when None)."""
    fmt = fmt or sniff.by_extension(path, FORMATS)
    if fmt is None:
        raise InputError(f"cannot tell the format to write from the extension "
                         f"{Path(path).suffix or '(none)'}; use --format ({', '.join(FORMATS)})",
                         path=path)
    module(fmt).write(path, segments, **kw)


def read_text_pair(source_path: str | Path, target_path: str | Path, *,
                   source_lang: str | None = None, target_lang: str | None = None
                   ) -> list[Segment]:
    """Align two plain-text files line by line (one sentence a line, as in OPUS sets).

    Files with the same number of lines (trailing blank lines aside) are aligned by line
    number: a line left empty on one side is a segment with that side empty (an untranslated
    sentence is reported, not shifted onto the next one); lines empty on both sides are
    skipped. Otherwise blank lines are ignored on both sides and the non-empty lines
    aligned. Text is stripped of surrounding whitespace, and `line` is the line number in
    the source file. Counts that match neither way are an error, because aligning the rest
    by position would pair wrong sentences.
    """
    source_lines = _lines(source_path)
    target_lines = _lines(target_path)
    if len(source_lines) == len(target_lines):
        return [Segment(source=s, target=t, source_lang=source_lang, target_lang=target_lang,
                        line=n, state=TRANSLATED if t else UNTRANSLATED)
                for n, (s, t) in enumerate(zip(source_lines, target_lines), start=1)
                if s or t]
    sources = [(n, s) for n, s in enumerate(source_lines, start=1) if s]
    targets = [t for t in target_lines if t]
    if len(sources) != len(targets):
        raise InputError(f"{Path(source_path).name} has {len(source_lines)} lines "
                         f"({len(sources)} non-empty) but {Path(target_path).name} has "
                         f"{len(target_lines)} ({len(targets)} non-empty); they must align "
                         "line by line", path=source_path)
    return [Segment(source=s, target=t, source_lang=source_lang, target_lang=target_lang, line=n)
            for (n, s), t in zip(sources, targets)]


def _lines(path: str | Path) -> list[str]:
    """The file's lines, stripped, without the blank lines at its end."""
    lines = [line.strip() for line in read_text(path).split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


__all__ = ["FORMATS", "REASONS", "all_unpaired", "SKIP_EMPTY_SOURCE", "SKIP_FOREIGN",
           "SKIP_FUZZY", "SKIP_NO_PAIR", "SKIP_NOT_TRANSLATABLE",
           "SKIP_OBSOLETE", "SKIP_UNTRANSLATED", "OnSkip", "detect", "module", "primary",
           "read_nonempty", "read_segments", "read_text_pair", "resolve_langs",
           "skipped", "swap", "usable", "write_segments"]
