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
"""
from __future__ import annotations

import re
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
