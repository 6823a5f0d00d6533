r"""Tab-separated segment pairs: ``source⇥target`` or ``source⇥target⇥note``, one a line.

* An optional first line ``source⇥target`` (or ``source⇥target⇥note``), in any case, is a
  header and is skipped; so is one naming Russian and English (``ru⇥en``, ``en-GB⇥ru-RU``,
  ``English⇥Russian``, a note column after them), which gives the languages (the
  caller's win; a file they name the other way round is read swapped, see
  `resolve_langs`). Blank lines are skipped.
* A line without a tab, or with more than three cells, is an error with its line number.
* A file a spreadsheet saved as tab-delimited text is read as it quotes cells (a cell
  holding a quote, a tab or a line break wrapped in quotes, its quotes doubled), where the
  file shows it (see quotedtsv.py); a cell a person wrapped in quotes stays as written.
* Cells are taken exactly as they are (no stripping), except for backslash escapes:
  ``\t`` tab, ``\n`` newline, ``\r`` carriage return and ``\\`` backslash are unescaped on
  reading and produced on writing, so multi-line units round trip. Any other backslash is
  kept as it is; a Windows path such as ``C:\new`` therefore needs ``C:\\new`` to survive.
* An empty third cell is no note. An empty source is skipped through `on_skip`; an empty
  or whitespace-only target is an untranslated unit.
* Text comes in as `textio` reads it: UTF-8 with or without BOM, UTF-16, cp1251, CRLF.

Without such a header TSV names no languages: segments carry the caller's. Writing always starts with the header
line (with the note column when any segment has a note).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import quotedtsv
from ..errors import InputError
from ..segment import Segment
from ..textio import write_atomic
from ..langtags import primary
from .base import SKIP_EMPTY_SOURCE, OnSkip, read_nonempty, resolve_langs, skipped, state, swap

NAME = "tsv"
EXTENSIONS = (".tsv", ".tab")

HEADERS = (("source", "target"), ("source", "target", "note"))
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}
_ESCAPED = re.compile(r"\\([tnr\\])")


def read(path: str | Path, *, source_lang: str | None = None, target_lang: str | None = None,
         on_skip: OnSkip | None = None) -> Iterator[Segment]:
    """Yield the pairs of a TSV file (see the module docstring)."""
    text = read_nonempty(path)
    first, reverse = True, False
    for number, cells in _records(text, path):
        if first:
            first = False
            if tuple(c.strip().lower() for c in cells) in HEADERS:
                continue
            named = _languages(cells)
            if named:
                source_lang, target_lang, reverse = resolve_langs(*named, source_lang,
                                                                  target_lang, path)
                continue
        if len(cells) == 1:
            raise InputError("no tab: expected source⇥target[⇥note]", path=path, line=number)
        if len(cells) > 3:
            raise InputError(f"{len(cells)} tab-separated cells: expected source⇥target[⇥note]",
                             path=path, line=number)
        source, target = unescape(cells[0]), unescape(cells[1])
        note = unescape(cells[2]) if len(cells) == 3 and cells[2] else None
        if not source.strip():
            skipped(on_skip, number, SKIP_EMPTY_SOURCE)
        else:
            segment = Segment(source=source, target=target, source_lang=source_lang,
                              target_lang=target_lang, line=number, note=note,
                              state=state(target))
            yield swap(segment) if reverse else segment


def _languages(cells: list[str]) -> tuple[str, str] | None:
    """The languages a header row names (Russian and English, a note column after them)."""
    tags = [c.strip() for c in cells]
    if len(tags) == 3 and tags[2].lower() == "note":
        tags = tags[:2]
    if len(tags) == 2 and {primary(t) for t in tags} == {"ru", "en"}:
        return tags[0], tags[1]
    return None


def _records(text: str, path: str | Path) -> list[tuple[int, list[str]]]:
    """(line, cells) of every non-blank record: a line, or as a spreadsheet quotes cells
    where the file shows that it was written so (quotedtsv.py)."""
    if quotedtsv.is_quoted(text):
        return quotedtsv.rows(text, path)
    found = [(number, line.split("\t")) for number, line in enumerate(text.split("\n"), start=1)
             if line.strip()]
    if any(len(cells) == 1 for _, cells in found):  # a line without a tab: a cell over lines?
        return quotedtsv.spanning_rows(text, path, lambda cells: 2 <= len(cells) <= 3) or found
    return found


def write(path: str | Path, segments: Iterable[Segment], *, source_lang: str,
          target_lang: str) -> None:
    """Write segments as TSV with a header line, atomically. Languages are not stored."""
    segments = list(segments)
    with_note = any(s.note for s in segments)
    lines = ["\t".join(HEADERS[with_note])]
    for s in segments:
        cells = [s.source, s.target] + ([s.note or ""] if with_note else [])
        lines.append("\t".join(escape(c) for c in cells))
    write_atomic(path, "\n".join(lines) + "\n")


def escape(cell: str) -> str:
    r"""Escape a cell so that it holds no tab or line break.

    >>> escape("a\tb\nc\\d")
    'a\\tb\\nc\\\\d'
    """
    return (cell.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def unescape(cell: str) -> str:
    r"""Undo `escape`; other backslashes stay as they are.

    >>> unescape(r"a\tb\nc\\d \d")
    'a\tb\nc\\d \\d'
    """
    return _ESCAPED.sub(lambda m: _ESCAPES[m.group(1)], cell)
