"""terms.tsv: a header line naming the columns (any order), then one concept a line."""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..model import COLUMNS, OPTIONAL_COLUMNS, REQUIRED, Glossary, Term
from ..textio import read_text

NAME = "tsv"
EXTENSIONS = (".tsv",)


def read(path: str | Path) -> Glossary:
    return parse_rows(_tsv_rows(read_text(path)), path)


def dumps(glossary: Glossary, direction: str = "ru-en") -> str:
    columns = glossary.written_columns()
    lines = ["\t".join(columns)]
    for term in glossary:
        row = term.to_row()
        lines.append("\t".join(_cell(row.get(col, ""), col, term) for col in columns))
    return "\n".join(lines) + "\n"


def parse_rows(rows: Iterable[tuple[int, list[str]]], path: str | Path) -> Glossary:
    """Build a glossary from (line number, cells) rows, the first being the header.

    Structural problems (a missing column, a row of the wrong width) are raised at once;
    rule problems are left to validate.py, which reports them all.
    """
    rows = iter(rows)
    try:
        header_line, header = next(rows)
    except StopIteration:
        raise InputError("empty glossary file (no header line)", path=path) from None
    header = [h.strip() for h in header]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(f"header lacks the column(s) {', '.join(missing)}; found: "
                         f"{', '.join(header) or 'nothing'}", path=path, line=header_line)
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise InputError(f"column(s) named twice: {', '.join(dupes)}", path=path, line=header_line)
    terms = []
    for line, cells in rows:
        if len(cells) != len(header):
            raise InputError(f"expected {len(header)} columns, found {len(cells)}",
                             path=path, line=line)
        row = dict(zip(header, cells))
        if not row.get("id", "").strip():
            row["id"] = slug(row.get("en", "") or row.get("ru", ""))
        terms.append(Term.from_row(row, line=line))
    # Keep the file's column order; columns the model knows but the file lacks come after.
    columns = tuple(header) + tuple(c for c in COLUMNS
                                    if c not in header and c not in OPTIONAL_COLUMNS)
    return Glossary(terms, columns=columns, path=str(path))


def slug(text: str) -> str:
    """An id for a concept that has none: its lower-case words joined by hyphens.

    >>> slug("Test-and-Filtration Camp (PFL)"), slug("Ставка")
    ('test-and-filtration-camp-pfl', 'ставка')
    """
    words = re.findall(r"\w+", text.lower())
    return "-".join(words)


def _tsv_rows(text: str) -> Iterable[tuple[int, list[str]]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield number, line.split("\t")


def _cell(value: str, column: str, term: Term) -> str:
    if "\t" in value or "\n" in value:
        raise InputError(f"{term.id}: a tab or line break in column {column!r} cannot be "
                         "written to TSV")
    return value
