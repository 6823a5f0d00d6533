"""Tab-separated text as a spreadsheet writes it: a cell holding a quote, a tab or a line
break is wrapped in quotes, its own quotes doubled (Excel and LibreOffice, "Text
(tab-delimited)"). Read as plain lines, such a file gives ``"He said ""hi"" twice"`` for
`He said "hi" twice`, and a cell spread over lines splits the record.

Our own TSV never quotes (it escapes: ``\\t``, ``\\n``), and a cell a person wrapped in
quotes (``"Save"``) is text. So a file is read the spreadsheet's way only when it shows it:
a cell wrapped in quotes that doubles every quote inside and holds at least one such pair
(nothing else writes that), or, where the plain reading finds a line without a tab, a
reading by quotes that keeps every record whole with a cell spanning lines. (A text that
is itself such a quoted cell, quotes and all, is read unquoted: no file says which it is.)
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

from .errors import InputError

# A whole cell a spreadsheet quoted because it holds quotes: "…""…""…"
_QUOTED_CELL = re.compile(r'"(?:[^"]|"")*""(?:[^"]|"")*"')
Rows = list[tuple[int, list[str]]]


def is_quoted(text: str) -> bool:
    """Whether a cell of `text` is one only a spreadsheet's quoting writes.

    >>> is_quoted('Он сказал «да» дважды\\t"He said ""yes"" twice"'), is_quoted('"Save"\\tСохранить')
    (True, False)
    """
    return '""' in text and any(_QUOTED_CELL.fullmatch(cell) for line in text.split("\n")
                                for cell in line.split("\t") if cell.startswith('"'))


def rows(text: str, path: str | Path) -> Rows:
    '''(first line, cells) of every record that is not blank, quotes read as a spreadsheet
    writes them; a quote left open is an InputError with the line it opens on.

    >>> rows('a\\t"b ""c"""\\n\\n"d\\ne"\\tf\\n', "x.tsv")
    [(1, ['a', 'b "c"']), (3, ['d\\ne', 'f'])]
    '''
    reader = csv.reader(io.StringIO(text, newline=""), dialect="excel-tab", strict=True)
    found: Rows = []
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                found.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise InputError(f"a quoted cell is not closed ({error})", path=path,
                         line=start) from None
    return found


def spanning_rows(text: str, path: str | Path, fits: Callable[[list[str]], bool]) -> Rows | None:
    """`rows` when every record `fits` and a cell spans lines (a spreadsheet's multi-line
    cell), else None: the plain reading's error stands."""
    try:
        found = rows(text, path)
    except InputError:
        return None
    if all(fits(cells) for _, cells in found) and \
            any("\n" in cell for _, cells in found for cell in cells):
        return found
    return None
