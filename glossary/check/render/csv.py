"""The report for spreadsheets: one finding a row, with the segment's text (records.COLUMNS).

Cells that a spreadsheet would run as a formula (starting with = + - @) get a leading
apostrophe, and a text longer than a spreadsheet cell holds (32,767) is cut.
"""
from __future__ import annotations

import csv as _csv
import io

from ..engine import Report
from .records import COLUMNS, flat, record

CELL_LIMIT = 32_000


def render(report: Report, *, title: str | None = None, **_options) -> str:
    out = io.StringIO()
    writer = _csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in report.findings:
        row = flat(record(report, f, title))
        writer.writerow([safe(row[c]) for c in COLUMNS])
    return out.getvalue()


def safe(value) -> str:
    """A cell's text that no spreadsheet runs as a formula, within a cell's size."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    if len(value) > CELL_LIMIT:
        value = value[:CELL_LIMIT] + " …"
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
