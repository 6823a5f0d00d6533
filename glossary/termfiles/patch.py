"""Writing a changed glossary back into its own file (`add`, `edit`, `import`) as it was kept.

A translator's glossary lives under version control, in a spreadsheet, in other tools: a
change of one entry must be a change of one entry. So a TSV or CSV glossary is patched, not
rewritten: every line of an unchanged entry is written back byte for byte (its quoting, its
spacing, an empty `kind`), other lines (blank, a row of empty cells) stay, a changed entry is
rewritten where it stands and a new one goes at the end, in the file's separator; the header
keeps its names (`Term [en]`), and a column is added only when a written entry needs it (an
`add --kind` into a file without `kind`), the other rows getting an empty cell. TSV, CSV and
OmegaT files keep their encoding (UTF-8 with or without a BOM, UTF-16, cp1251) and line ends;
a character a legacy encoding cannot hold is refused, never written as `?`.

The patched text is read back before anything is written; if it does not give the changed
glossary (a case the patch does not foresee), the file is written afresh, as every other
format is.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..model import COLUMNS, Glossary, Term
from . import csv, tsv

LINE_FORMATS = ("tsv", "csv")
KEEP_LAYOUT = ("tsv", "csv", "omegat")
_BREAK = re.compile(r"(\r\n|\r|\n)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_TAG = re.compile(r"<[^>]*>")


def patched(before: Glossary, after: Glossary, text: str, fmt: str, path: str | Path,
            newline: str) -> str | None:
    """`text` (the file `before` was read from, as decoded, line ends kept) changed into
    `after` (see the module docstring; the caller checks that it reads back so); None
    when the file has no header to patch."""
    parts = _BREAK.split(text)
    lines, ends = parts[0::2], [*parts[1::2], ""]
    plain = "\n".join(lines)
    delimiter = "\t" if fmt == "tsv" else csv.delimiter(plain)
    spans = _records(lines, fmt, delimiter)
    if not spans:
        return None
    (head_start, head_end), spans = spans[0], spans[1:]
    width = len(_cells(lines[head_start:head_end + 1], fmt, delimiter))
    columns = tuple(before.columns[:width])
    # An entry is the file's own by its id (an import's replacement comes with the
    # imported file's line); ids are unique in a valid glossary.
    ours = {t.line: t for t in before}
    line_of = {t.id: t.line for t in before}
    placed: dict[int | None, Term] = {}
    new: list[Term] = []
    for term in after:
        if line_of.get(term.id) in ours and line_of[term.id] not in placed:
            placed[line_of[term.id]] = term
        else:
            new.append(term)
    rewritten = [*new, *(t for line, t in placed.items() if t != ours[line]
                         or t.extra != ours[line].extra)]
    added = tuple(c for c in after.written_columns()
                  if c not in columns and any(_needs(c, t) for t in rewritten))
    written = columns + added

    def row(term: Term) -> str:
        cells = term.to_row()
        return _row([cells.get(c, "") for c in written], fmt, delimiter)

    pad = _row([""] * (len(added) + 1), fmt, delimiter) if added else ""
    out = [line + end for line, end in zip(lines, ends)]
    if added:
        names = _row(["", *added], fmt, delimiter)
        out[head_end] = lines[head_end] + names + ends[head_end]
    for start, end in reversed(spans):
        term = placed.get(end + 1)
        if end + 1 not in ours:
            continue  # not an entry (a row of empty cells): as it is
        if term is None:
            out[start:end + 1] = []  # an entry the change removed
        elif term == ours[end + 1] and term.extra == ours[end + 1].extra:
            out[end] = lines[end] + pad + ends[end]
        else:
            out[start:end + 1] = [row(term) + (ends[end] or newline)]
    result = "".join(out)
    if new:
        if result and not result.endswith(("\n", "\r")):
            result += newline
        result += "".join(row(t) + newline for t in new)
    return result


def opening_comments(text: str) -> str:
    """The comment lines an OmegaT glossary opens with (``# Glossary in tab-separated
    format``, as OmegaT writes it), line ends as \\n."""
    found = re.match(r"(?:#[^\t\r\n]*(?:\r\n|\r|\n))+", text)
    return found.group().replace("\r\n", "\n").replace("\r", "\n") if found else ""


def lost_words(original: str, rewritten: str, xml: bool = False) -> list[str]:
    """The words of a file (two letters or more, any case) that a rewrite of it does not
    hold, in file order: what its reader left aside — another language's terms, a
    definition, a tool's header. In XML only the text counts, not the markup: the words
    of a TBX v3 file are kept in the v2 the writer writes, and an older file's
    ``subjectField`` as the ``x-kind`` that replaced it."""
    if xml:
        original, rewritten = _TAG.sub(" ", original), _TAG.sub(" ", rewritten)
    kept = {w.casefold() for w in _WORD.findall(rewritten)}
    return list(dict.fromkeys(w for w in _WORD.findall(original) if w.casefold() not in kept))


def _needs(column: str, term: Term) -> bool:
    """Whether a written entry needs a column its file lacks: a value other than what the
    column's absence reads as (an id made from the English term, the kind `term`)."""
    if column == "id":
        return term.id != (tsv.slug(term.en) or tsv.slug(term.ru) or "entry")
    if column == "kind":
        return term.kind != "term"
    return bool(getattr(term, column) if column in COLUMNS else dict(term.extra).get(column))


def _records(lines: list[str], fmt: str, delimiter: str) -> list[tuple[int, int]]:
    """(first, last) line index of every non-blank record, the header first."""
    if fmt == "tsv":
        return [(i, i) for i, line in enumerate(lines) if line.strip()]
    reader = csv.reader("\n".join(lines), delimiter)
    spans, start = [], 0
    try:
        for cells in reader:
            if cells:
                spans.append((start, reader.line_num - 1))
            start = reader.line_num
    except csv.Error:
        return []
    return spans


def _cells(lines: list[str], fmt: str, delimiter: str) -> list[str]:
    if fmt == "tsv":
        return lines[0].split("\t")
    return next(csv.reader("\n".join(lines), delimiter), [])


def _row(cells: list[str], fmt: str, delimiter: str) -> str:
    return "\t".join(cells) if fmt == "tsv" else csv.row(cells, delimiter)


def reread(text: str, fmt: str, path: str | Path) -> Glossary:
    """The glossary a patched text holds, as its reader reads it (cells not yet cleaned)."""
    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    return tsv.parse_rows(tsv.records(plain, path), path) if fmt == "tsv" else csv.parse(plain, path)
