"""The one registry of glossary file formats.

Every module has the same shape: NAME, EXTENSIONS, `read(path) -> Glossary` and
`dumps(glossary, direction) -> str`. Loading validates (see validate.py).
"""
from __future__ import annotations

from pathlib import Path

from .. import sniff
from ..errors import InputError
from ..model import COLUMNS, Glossary
from ..textio import read_text, write_atomic
from . import csv, json, omegat, tbx, tsv

FORMATS = {m.NAME: m for m in (tsv, csv, omegat, tbx, json)}


def detect(path: str | Path) -> str:
    """Format name of a glossary file, by extension and then by content."""
    path = Path(path)
    suffix = path.suffix.lower()
    # .tsv and .txt alone do not tell terms.tsv from an OmegaT glossary: the header does.
    found = sniff.by_extension(path, FORMATS, exclude=("tsv", "omegat"))
    if found:
        return found
    head = read_text(path)[:4096].lstrip()
    first = head.split("\n", 1)[0]
    if head.startswith("<"):
        return "tbx"
    if head.startswith(("[", "{")):
        return "json"
    # A header naming our columns means terms.tsv (whose reader reports what is missing).
    if not head or set(first.split("\t")) & set(COLUMNS):
        return "tsv"
    if "\t" in first or suffix in omegat.EXTENSIONS:
        return "omegat"
    raise InputError("cannot tell the glossary format (expected a terms.tsv header with "
                     "'ru' and 'en' columns, OmegaT TSV, CSV, TBX or JSON)", path=path)


def read(path: str | Path, fmt: str | None = None) -> Glossary:
    """Read a glossary in any registered format (structure only; see validate.load)."""
    fmt = fmt or detect(path)
    glossary = FORMATS[fmt].read(path)
    glossary.path = str(path)
    return glossary


def dumps(glossary: Glossary, fmt: str, direction: str = "ru-en") -> str:
    return FORMATS[fmt].dumps(glossary, direction)


def write(glossary: Glossary, path: str | Path, fmt: str | None = None,
          direction: str = "ru-en") -> None:
    """Write atomically: a crash midway leaves the old file as it was."""
    fmt = fmt or detect_by_extension(path)
    write_atomic(path, dumps(glossary, fmt, direction))


def detect_by_extension(path: str | Path) -> str:
    return sniff.by_extension(path, FORMATS) or "tsv"
