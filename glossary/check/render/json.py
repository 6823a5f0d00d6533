"""The report for machines: {"schema_version", "file", "findings": [...], "summary": {...}}
(the keys are documented in the README, "JSON report")."""
from __future__ import annotations

from ..engine import Report
from .indented import dumps
from .records import SCHEMA_VERSION, record


def render(report: Report, *, title: str | None = None, **_options) -> str:
    data = {"schema_version": SCHEMA_VERSION, "file": title,
            "findings": [record(report, f, title) for f in report.findings],
            "summary": report.summary()}
    return dumps(data) + "\n"
