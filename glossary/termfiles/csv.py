"""The terms.tsv columns as comma-separated values, for spreadsheets (RFC 4180 quoting)."""
from __future__ import annotations

import csv as _csv
import io
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Glossary
from ..textio import read_text
from .tsv import parse_rows

NAME = "csv"
EXTENSIONS = (".csv",)
Error = _csv.Error


def read(path: str | Path, skip: list[InputError] | None = None) -> Glossary:
    return parse(read_text(path), path, skip)


def parse(text: str, path: str | Path, skip: list[InputError] | None = None) -> Glossary:
    """A glossary from a CSV file's text (newlines normalised to \\n)."""
    rows = []
    cells = reader(text, delimiter(text))
    try:
        for found in cells:
            if any(c.strip() for c in found):
                rows.append((cells.line_num, found))
    except _csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path=path, line=cells.line_num) from None
    return parse_rows(rows, path, skip, ragged=True)


def delimiter(text: str) -> str:
    """The separator of a CSV file: the comma, or the semicolon (spreadsheets in Russian and
    other locales where the comma is the decimal sign write it; so does Tarantool's
    glossary) or a tab, whichever the header line has most of.

    >>> delimiter('Term [en];Term [ru];Description [en]\\n'), delimiter('ru,en\\n')
    (';', ',')
    """
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


def reader(text: str, separator: str) -> Any:
    """The records of a CSV text as the glossary reader takes them (strict quoting)."""
    return _csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)


def row(cells: list[str], separator: str) -> str:
    """One record as written, without its line end."""
    out = io.StringIO()
    _csv.writer(out, delimiter=separator, lineterminator="").writerow(cells)
    return out.getvalue()


def dumps(glossary: Glossary, direction: str = "ru-en") -> str:
    out = io.StringIO()
    writer = _csv.writer(out, lineterminator="\n")
    columns = glossary.written_columns()
    writer.writerow(columns)
    for term in glossary:
        row = term.to_row()
        writer.writerow([row.get(col, "") for col in columns])
    return out.getvalue()
