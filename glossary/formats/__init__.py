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
from ..segment import Segment
from ..textio import read_text
from . import po, tmx, tsv, xliff
from .base import (REASONS, SKIP_EMPTY_SOURCE, SKIP_FUZZY, SKIP_NO_PAIR, SKIP_NOT_TRANSLATABLE,
                   SKIP_OBSOLETE, SKIP_UNTRANSLATED, OnSkip, all_unpaired, read_nonempty,
                   resolve_langs, skipped, swap, usable)

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
    raise InputError(f"cannot tell the format of {Path(path).name}; use --format "
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
    """Align two plain-text files by non-empty line (one sentence a line, as in OPUS sets).

    Blank lines are ignored on both sides, text is stripped of surrounding whitespace, and
    `line` is the line number in the source file. Unequal counts are an error, because
    aligning the rest by position would pair wrong sentences.
    """
    sources = _numbered_lines(source_path)
    targets = _numbered_lines(target_path)
    if len(sources) != len(targets):
        raise InputError(f"{Path(source_path).name} has {len(sources)} non-empty lines but "
                         f"{Path(target_path).name} has {len(targets)}; they must align "
                         "line by line", path=source_path)
    return [Segment(source=s, target=t, source_lang=source_lang, target_lang=target_lang, line=n)
            for (n, s), (_, t) in zip(sources, targets)]


def _numbered_lines(path: str | Path) -> list[tuple[int, str]]:
    text = read_text(path)
    return [(n, line.strip()) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]


__all__ = ["FORMATS", "REASONS", "all_unpaired", "SKIP_EMPTY_SOURCE", "SKIP_FUZZY", "SKIP_NO_PAIR",
           "SKIP_NOT_TRANSLATABLE",
           "SKIP_OBSOLETE", "SKIP_UNTRANSLATED", "OnSkip", "detect", "module", "primary",
           "read_nonempty", "read_segments", "read_text_pair", "resolve_langs",
           "skipped", "swap", "usable", "write_segments"]
