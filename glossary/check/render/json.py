"""The report for machines: {"findings": [...], "summary": {...}}."""
from __future__ import annotations

import json as _json

from ..engine import Report


def render(report: Report, **_options) -> str:
    data = {"findings": [f.as_dict() for f in report.findings], "summary": report.summary()}
    return _json.dumps(data, ensure_ascii=False, indent=2) + "\n"
