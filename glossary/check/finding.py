"""The one record every rule returns and every renderer prints, and the segment hash."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..segment import Segment

ERROR = "error"
WARNING = "warning"
SEVERITIES = (ERROR, WARNING)

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Finding:
    """One place where a draft departs from the glossary.

    `segment` is the 1-based segment number, `line` the line in the input file where the
    unit starts; `term` the concept id (None for rules without one); spans are character
    offsets [start, end) into the checked source and target texts; `plural` says which
    gettext plural pair was checked (0: msgid/msgstr[0]; k: msgid_plural/msgstr[k]);
    `hash` identifies the segment's text for ignore files (see ignore.py); `confidence`
    (low, medium, high) says how sure the finding is, `reason` why (see confidence.py);
    `related` lists the other segments of a group a draft-wide rule compared
    (inconsistent-translation).
    """

    segment: int
    line: int | None
    rule: str
    severity: str
    term: str | None
    message: str
    source_span: Span | None
    target_span: Span | None
    suggestion: str | None
    hash: str
    plural: int = 0
    confidence: str = "high"
    reason: str = ""
    related: tuple[int, ...] = ()

    def as_dict(self) -> dict:
        """The JSON/CSV record: the documented keys, spans as [start, end] lists."""
        return {
            "segment": self.segment,
            "line": self.line,
            "rule": self.rule,
            "severity": self.severity,
            "term": self.term,
            "message": self.message,
            "source_span": list(self.source_span) if self.source_span else None,
            "target_span": list(self.target_span) if self.target_span else None,
            "suggestion": self.suggestion,
            "plural": self.plural,
            "hash": self.hash,
            "confidence": self.confidence,
            "reason": self.reason,
            "related_segments": list(self.related),
        }


def segment_hash(segment: Segment) -> str:
    """A stable id of a segment's text: the same source and target give the same hash
    wherever the segment moves in the file. Whitespace runs count as one space. A unit
    whose source text is unknown (an untranslated unit the reader passed over) is known by
    its line instead.

    >>> segment_hash(Segment("Штрафной  батальон", "penal battalion"))
    'e380b8bedcccfb87'
    """
    parts = [segment.source, segment.source_plural or "", segment.target, *segment.target_plurals]
    if not segment.source:
        parts.append(f"line {segment.line}")  # a unit read without its text: only its place
    text = "\x1f".join(" ".join(p.split()) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
