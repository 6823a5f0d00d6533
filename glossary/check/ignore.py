"""Ignore files: findings a reviewer has accepted, so later runs stay silent about them.

Format (UTF-8 text, one accepted finding a line, tab-separated)::

    # glossary check: accepted findings
    # hash<TAB>rule<TAB>term<TAB>note
    3f2a9c0d1e4b5a6c<TAB>missing-term<TAB>special-camp<TAB>segment 12: «спецлагерях» …

* `hash` is the segment hash (16 hex digits of SHA-256 over the segment's source and
  target text, whitespace runs as one space; see finding.segment_hash): an accepted
  finding stays accepted wherever the segment moves, and comes back when its text changes.
* `rule` is a rule id; `term` the concept id, or ``-`` for rules without one.
* `note` is free text for people (written as segment number and message); not read.
* Blank lines and lines starting with ``#`` are skipped.

An entry silences every finding of that rule and term in a segment with that hash.

A reviewed workbook (``--format xlsx``, edited by a reviewer) is read the same way: each
row whose verdict is "accepted" is an entry, keyed by its hash, rule and term cells
(`read_xlsx`); rows with another verdict or none stay findings.
"""
from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..textio import read_text, write_atomic
from .finding import Finding
from .registry import RULES

HEADER = "# glossary check: accepted findings (see `glossary check --help`)\n# hash\trule\tterm\tnote\n"
_HASH = re.compile(r"[0-9a-f]{16}")
_NO_TERM = "-"

Key = tuple[str, str, str]

# The reviewed workbook (render/xlsx.py writes it): sheet, the reviewer's columns, verdicts.
SHEET = "findings"
VERDICT = "verdict"
COMMENT = "comment"
ACCEPTED = "accepted"
VERDICTS = (ACCEPTED, "fix", "query")
_XLSX_NEEDS = (VERDICT, "hash", "rule", "term")


def key(finding: Finding) -> Key:
    return finding.hash, finding.rule, finding.term or _NO_TERM


class Ignore:
    """A set of accepted (hash, rule, term) keys."""

    def __init__(self, keys: Iterable[Key] = ()):
        self.keys = set(keys)

    def __contains__(self, finding: Finding) -> bool:
        return key(finding) in self.keys

    def __len__(self) -> int:
        return len(self.keys)

    def __or__(self, other: Ignore) -> Ignore:
        return Ignore(self.keys | other.keys)


def read(path: str | Path) -> Ignore:
    """Read an ignore file; a malformed line is an InputError naming the file and line."""
    keys = []
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 3:
            raise InputError("expected hash⇥rule⇥term[⇥note]", path=path, line=number)
        digest, rule_id, term = (c.strip() for c in cells[:3])
        if not _HASH.fullmatch(digest):
            raise InputError(f"{digest!r} is not a segment hash (16 hex digits)", path=path,
                             line=number)
        if rule_id not in RULES:
            raise InputError(f"unknown rule {rule_id!r}", path=path, line=number)
        keys.append((digest, rule_id, term or _NO_TERM))
    return Ignore(keys)


def read_xlsx(path: str | Path) -> Ignore:
    """The rows of a reviewed report workbook marked "accepted" (any case), as entries.

    A file that is not a workbook, or a workbook without the report's sheet and columns,
    is an InputError saying so; so is an accepted row whose hash or rule is not one (the
    row number is given as the line).
    """
    from openpyxl import load_workbook  # only a reviewed workbook needs it

    not_ours = ("is not a reviewed report: expected an .xlsx written by "
                "`glossary check --format xlsx`")
    try:
        book = load_workbook(path, data_only=True)  # closes the file once read
    except zipfile.BadZipFile:
        raise InputError(f"{not_ours} (this is not even a zip archive, as an .xlsx is)",
                         path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    except Exception as exc:  # openpyxl reports a damaged or foreign file many ways
        raise InputError(f"{not_ours} ({exc})", path=path) from None
    if SHEET not in book.sheetnames:
        raise InputError(f"{not_ours}; it has no sheet {SHEET!r} (sheets: "
                         f"{', '.join(book.sheetnames) or 'none'})", path=path)
    rows = book[SHEET].iter_rows(values_only=True)
    header = [str(c).strip().lower() if c is not None else "" for c in next(rows, ())]
    missing = [c for c in _XLSX_NEEDS if c not in header]
    if missing:
        raise InputError(f"{not_ours}; sheet {SHEET!r} has no column "
                         f"{', '.join(map(repr, missing))}", path=path, line=1)
    at = {name: header.index(name) for name in _XLSX_NEEDS}
    keys = []
    for number, row in enumerate(rows, start=2):
        cells = {name: _text(row[i]) if i < len(row) else "" for name, i in at.items()}
        if cells[VERDICT].lower() != ACCEPTED:
            continue
        if not _HASH.fullmatch(cells["hash"]):
            raise InputError(f"{cells['hash']!r} is not a segment hash (16 hex digits)",
                             path=path, line=number)
        if cells["rule"] not in RULES:
            raise InputError(f"unknown rule {cells['rule']!r}", path=path, line=number)
        keys.append((cells["hash"], cells["rule"], cells["term"] or _NO_TERM))
    return Ignore(keys)


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def dumps(findings: Iterable[Finding]) -> str:
    """The ignore-file text accepting these findings (one line per distinct key)."""
    lines, seen = [HEADER], set()
    for f in findings:
        k = key(f)
        if k in seen:
            continue
        seen.add(k)
        note = " ".join(f"segment {f.segment}: {f.message}".split())
        lines.append("\t".join((*k, note)) + "\n")
    return "".join(lines)


def write(path: str | Path, findings: Iterable[Finding]) -> int:
    """Write the ignore file atomically; the number of entries written."""
    text = dumps(findings)
    write_atomic(path, text)
    return text.count("\n") - HEADER.count("\n")
