"""One finding as a flat record with what a reviewer or a pipeline acts on: the finding's
own fields (Finding.as_dict), the file, the unit's id, the segment's source and target text
(the pair the spans point into), and the glossary entry behind a terminology finding.
JSON, CSV and XLSX all write these records."""
from __future__ import annotations

from ..engine import Report
from .spans import texts

# The JSON report's layout version (README "JSON report"); raise it when a key changes
# meaning or goes away, not when one is added.
SCHEMA_VERSION = 2

# Flat columns for spreadsheets, in reading order (JSON has these keys and `entry`).
# `confidence`/`reason` come from Finding.as_dict; empty where a finding has none.
COLUMNS = ("file", "line", "unit_id", "segment", "plural", "rule", "severity", "confidence",
           "reason", "term", "message", "suggestion", "source", "target", "source_span",
           "target_span", "related_segments", "hash")


def record(report: Report, finding, file: str | None = None) -> dict:
    """The finding's JSON record (spans as [start, end], related segments as a list)."""
    segment = report.segment(finding.segment)
    source, target = texts(report, finding.segment, finding.plural)
    row = finding.as_dict()
    row.update(file=file, unit_id=segment.id, context=segment.context, source=source,
               target=target, entry=entry(report, finding.term))
    return row


def entry(report: Report, term_id: str | None) -> dict | None:
    """The glossary entry of a concept, in the report's direction: the source form, the
    preferred and other admitted target forms, the forbidden ones and the note."""
    term = report.terms.get(term_id) if term_id else None
    if term is None:
        return None
    approved = term.approved(report.target_lang)
    return {"id": term.id, "source": term.preferred(report.source_lang),
            "preferred": approved[0] if approved else "", "admitted": list(approved[1:]),
            "forbidden": list(term.forbidden(report.target_lang)), "note": term.note}


def flat(row: dict) -> dict[str, str | int | None]:
    """A record's COLUMNS as spreadsheet cells: spans as `start:end`, lists joined."""
    out = {c: row.get(c) for c in COLUMNS}
    for side in ("source_span", "target_span"):
        span = row.get(side)
        out[side] = f"{span[0]}:{span[1]}" if span else None
    out["related_segments"] = " ".join(map(str, row.get("related_segments") or ())) or None
    return out
