"""The one registry of glossary file formats.

Every module has the same shape: NAME, EXTENSIONS, `read(path, skip=None) -> Glossary` and
`dumps(glossary, direction) -> str`. Loading validates (see validate.py); changing a file
goes through edit.update (a lock, validation, then `write`). The installed package's own
glossary is never written (`is_installed_copy`).

What is read is cleaned the same way for every format: a line break or tab inside a cell
(TBX notes, quoted CSV cells, JSON strings) becomes a space; any other control character
is an error naming the file and line. What is written is checked before a byte reaches the
disk, so every file written reads back (`check_writable`).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import sniff
from ..errors import GlossaryError, InputError
from ..model import COLUMNS, LIST_COLUMNS, REQUIRED, Glossary, Term
from ..shipped import SHIPPED_READ_ONLY, is_installed_copy, shipped_path  # noqa: F401 (re-exported)
from ..textio import Layout, read_text, stored, write_atomic
from . import csv, json, omegat, patch, po, tbx, tsv

FORMATS = {m.NAME: m for m in (tsv, csv, omegat, tbx, json, po)}

# Whitespace that cannot stand inside a cell; runs of it (with spaces around) become a space.
_BREAKS = re.compile(r" *[\t\n\r\v\f\x1c-\x1f\x85\u2028\u2029][\s]*")
# Characters no glossary cell may hold: other C0/C1 controls, DEL, lone surrogates.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff]")
_UNWRITABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def detect(path: str | Path) -> str:
    """Format name of a glossary file, by extension and then by content."""
    path = Path(path)
    suffix = path.suffix.lower()
    # .tsv and .txt alone do not tell terms.tsv from an OmegaT glossary: the header does.
    found = sniff.by_extension(path, FORMATS, exclude=("tsv", "omegat"))
    if found:
        return found
    head = read_text(path)[:4096].lstrip(" \t\n\ufeff")
    first = head.split("\n", 1)[0]
    if head.startswith("<"):
        return "tbx"  # XML, however indented (tabs included)
    if head.startswith(("[", "{")):
        return "json"
    if re.search(r'^msgid "', head, re.MULTILINE) and re.search(r'^msgstr', head, re.MULTILINE):
        return "po"
    # A header naming our columns (in any case: ID⇥RU⇥EN), or ru and en by a common alias,
    # means terms.tsv; OmegaT has no header.
    cells = first.split("\t")
    if not head or {c.strip().lower() for c in cells} & set(COLUMNS) or \
            set(REQUIRED) <= set(tsv.canonical_header(cells, [])):
        return "tsv"
    if "\t" in first or suffix in omegat.EXTENSIONS:
        return "omegat"
    raise InputError("cannot tell the glossary format (expected a terms.tsv header with "
                     "'ru' and 'en' columns, OmegaT TSV, CSV, TBX or JSON)", path=path)


def read(path: str | Path, fmt: str | None = None,
         skip: list[InputError] | None = None) -> Glossary:
    """Read a glossary in any registered format (structure only; see validate.load).

    Entries remember the file they came from (`Term.origin`). With `skip` given, an entry
    that cannot be read is appended to it and left out instead of failing the file.
    """
    fmt = fmt or detect(path)
    glossary = FORMATS[fmt].read(path, skip)
    terms = []
    for term in glossary:
        try:
            terms.append(clean(term, origin=str(path)))
        except InputError as error:
            if skip is None:
                raise InputError(error.message, path=path, line=term.line) from None
            skip.append(InputError(error.message, path=path, line=term.line))
    try:
        columns = tuple(dict.fromkeys(_clean_text(c, "a column name") for c in glossary.columns))
    except InputError as error:
        raise InputError(error.message, path=path, line=1) from None
    return Glossary(terms, columns=columns, path=str(path), direction=glossary.direction)


def clean(term: Term, **also: Any) -> Term:
    """The term with in-cell line breaks and tabs turned into spaces; InputError (without
    a place: the caller knows it) for any other control character. `also`: more fields to
    change in the same copy."""
    cells = [term.id, term.ru, term.en, term.kind, term.note,
             *(v for col in LIST_COLUMNS for v in getattr(term, col)),
             *(part for pair in term.extra for part in pair)]
    if not any(_UNWRITABLE.search(cell) for cell in cells):
        return term.with_changes(**also) if also else term  # the usual case, kept fast
    changes: dict[str, Any] = dict(also)
    for col in COLUMNS:
        value = getattr(term, col)
        if col in LIST_COLUMNS:
            changes[col] = tuple(_clean_text(v, col, term.id) for v in value)
        else:
            changes[col] = _clean_text(value, col, term.id)
    changes["extra"] = tuple((_clean_text(k, "column name"), _clean_text(v, k, term.id))
                             for k, v in term.extra)
    return term.with_changes(**changes)


def check_writable(glossary: Glossary) -> None:
    """Refuse (InputError) a glossary holding a character no format reads back: a control
    character, tab or line break in any cell or column name."""
    for col in glossary.columns:
        _refuse(col, "a column name", col)
    for term in glossary:
        for col, value in term.to_row().items():
            _refuse(col, f"column {col!r}", value, term)


def dumps(glossary: Glossary, fmt: str, direction: str = "ru-en") -> str:
    check_writable(glossary)
    return FORMATS[fmt].dumps(glossary, direction)


def write(glossary: Glossary, path: str | Path, fmt: str | None = None,
          direction: str = "ru-en") -> None:
    """Write safely (see textio.write_atomic); never into the installed package."""
    if is_installed_copy(path):
        raise GlossaryError(f"{path}: {SHIPPED_READ_ONLY}")
    fmt = fmt or detect_by_extension(path)
    try:
        text = dumps(glossary, fmt, direction)
    except InputError as error:
        raise InputError(error.message, path=path, line=error.line) from None
    write_atomic(path, text)


def write_back(before: Glossary, after: Glossary, path: str | Path, fmt: str) -> None:
    """Write `after` into the file `before` was read from, keeping what the file keeps: its
    direction (an en→ru OmegaT or PO glossary stays one); by patch.py, the lines of a TSV or
    CSV file, the encoding and line ends of TSV, CSV and OmegaT, OmegaT's opening comments.
    A file holding what its reader leaves aside (another tool's TBX with a third language or
    definitions, a PO file's references, fuzzy entries and header) is refused, not written
    without it (InputError)."""
    check_writable(after)
    layout, text = stored(path)
    if fmt not in patch.KEEP_LAYOUT:
        layout = Layout()
    if fmt in patch.LINE_FORMATS:
        new = patch.patched(before, after, text, fmt, path, layout.newline)
        if new is None or not _reads_back(new, after, fmt, path):
            # a case the patch does not foresee: the file is written afresh
            new = dumps(after, fmt, before.direction).replace("\n", layout.newline)
    else:
        kept = patch.opening_comments(text) if fmt == "omegat" else ""
        lost = patch.lost_words(text, kept + dumps(before, fmt, before.direction), fmt == "tbx")
        if lost:
            raise InputError(
                f"the file holds what is not read from it ({', '.join(lost[:6])}"
                f"{', …' if len(lost) > 6 else ''}), which writing it would lose; keep your "
                f"entries in a glossary of your own in front of it (--glossary mine.tsv "
                f"--glossary {Path(path).name}), or change it in the tool it comes from",
                path=path)
        new = (kept + dumps(after, fmt, before.direction)).replace("\n", layout.newline)
    write_atomic(path, layout.encode(new, path))


def _reads_back(text: str, glossary: Glossary, fmt: str, path: str | Path) -> bool:
    """Whether a patched text reads as the glossary: the same entries saying the same, their
    cells cleaned as read, empty cells left out (a column only the file has)."""
    def content(entries: Glossary) -> list[dict[str, str]]:
        return [{k: v for k, v in clean(t).to_row().items() if v} for t in entries]
    try:
        return content(patch.reread(text, fmt, path)) == content(glossary)
    except InputError:
        return False


def detect_by_extension(path: str | Path) -> str:
    return sniff.by_extension(path, FORMATS) or "tsv"


def _clean_text(value: str, column: str, term_id: str | None = None) -> str:
    text = _BREAKS.sub(" ", value)
    if text != value:
        text = text.strip()
    bad = _CONTROL.search(text)
    if bad:
        whose = f"{term_id}: " if term_id is not None else ""
        raise InputError(f"{whose}{column} holds the control character "
                         f"U+{ord(bad.group()):04X}")
    return text


def _refuse(column: str, where: str, value: str, term: Term | None = None) -> None:
    bad = _UNWRITABLE.search(value)
    if bad:
        whose = f"{term.id}: " if term is not None else ""
        raise InputError(f"{whose}{where} holds U+{ord(bad.group()):04X} (a tab, line break "
                         "or control character), which cannot be written")
