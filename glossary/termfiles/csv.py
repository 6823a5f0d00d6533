"""The terms.tsv columns as comma-separated values, for spreadsheets (RFC 4180 quoting)."""
from __future__ import annotations

import csv as _csv
import io
from pathlib import Path

from ..errors import InputError
from ..model import Glossary
from ..textio import read_text
from .tsv import parse_rows

NAME = "csv"
EXTENSIONS = (".csv",)


def read(path: str | Path) -> Glossary:
    reader = _csv.reader(io.StringIO(read_text(path), newline=""), strict=True)
    rows = []
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((reader.line_num, cells))
    except _csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path=path, line=reader.line_num) from None
    return parse_rows(rows, path)


def dumps(glossary: Glossary, direction: str = "ru-en") -> str:
    out = io.StringIO()
    writer = _csv.writer(out, lineterminator="\n")
    columns = glossary.written_columns()
    writer.writerow(columns)
    for term in glossary:
        row = term.to_row()
        writer.writerow([row.get(col, "") for col in columns])
    return out.getvalue()
