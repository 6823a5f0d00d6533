"""The report for spreadsheets: one finding a row, with the segment's text.

Cells that a spreadsheet would run as a formula (starting with = + - @) get a leading
apostrophe, and a text longer than a spreadsheet cell holds (32,767) is cut.
"""
from __future__ import annotations

import csv as _csv
import io

from ..engine import Report
from .spans import texts

COLUMNS = ("segment", "line", "rule", "severity", "confidence", "reason", "term", "message",
           "source_span", "target_span", "suggestion", "plural", "hash", "source", "target")
_CELL_LIMIT = 32_000


def render(report: Report, **_options) -> str:
    out = io.StringIO()
    writer = _csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in report.findings:
        source, target = texts(report, f.segment, f.plural)
        row = f.as_dict()
        row["source_span"] = _span(f.source_span)
        row["target_span"] = _span(f.target_span)
        row["source"], row["target"] = source, target
        writer.writerow([_cell(row[c]) for c in COLUMNS])
    return out.getvalue()


def _span(span) -> str:
    return f"{span[0]}:{span[1]}" if span else ""


def _cell(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    if len(value) > _CELL_LIMIT:
        value = value[:_CELL_LIMIT] + " …"
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
