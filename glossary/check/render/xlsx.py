"""The report as a workbook a reviewer triages (the Xbench round trip): one finding a row
with the segment's text (records.COLUMNS), a verdict column with a drop-down list, the
header frozen and filterable; a second sheet counts findings by rule.

A row whose verdict is "accepted" becomes an ignore entry when the edited workbook is read
back (`glossary check --ignore-from REVIEWED.xlsx`, ignore.read_xlsx). Every cell is
written as text or a number, never a formula (a draft's "=SUM(…)" stays text), control
characters that XML cannot carry are dropped and texts are cut to what a cell holds.
"""
from __future__ import annotations

import datetime
import io
import zipfile

from ..engine import Report
from ..ignore import COMMENT, SHEET, VERDICT, VERDICTS
from ..registry import RULES
from .csv import CELL_LIMIT
from .records import COLUMNS, flat, record

HEADER = (VERDICT, COMMENT, *COLUMNS)
# The date on the workbook and its zip entries, so that the same report is the same bytes in
# every run: the zip format's earliest.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
WIDTHS = {VERDICT: 11, COMMENT: 24, "file": 16, "line": 6, "unit_id": 12, "segment": 8,
          "plural": 6, "rule": 20, "severity": 9, "confidence": 10, "reason": 24, "term": 18,
          "message": 50, "suggestion": 24, "source": 50, "target": 50, "source_span": 10,
          "target_span": 10, "related_segments": 16, "hash": 18}
WRAPPED = {COMMENT, "message", "suggestion", "source", "target", "reason"}


def render(report: Report, *, title: str | None = None, **_options) -> bytes:
    # openpyxl is imported here, not with the module: every check imports the renderers,
    # and openpyxl's import costs a quarter of a second a report in another format never needs.
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    _header(sheet)
    wrapped = Alignment(wrap_text=True, vertical="top")
    last = 1
    for last, f in enumerate(report.findings, start=2):
        row = flat(record(report, f, title))
        for column, name in enumerate(COLUMNS, start=3):
            value = _cell(row[name], ILLEGAL_CHARACTERS_RE)
            if value is None:
                continue
            cell = sheet.cell(last, column, value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, even when it starts with "="
            if name in WRAPPED:
                cell.alignment = wrapped
    for index, name in enumerate(HEADER, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(name, 12)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADER))}{max(last, 2)}"
    verdicts = DataValidation(type="list", formula1='"' + ",".join(VERDICTS) + '"',
                              allow_blank=True, showErrorMessage=True,
                              errorTitle="Verdict", error="Choose one of: " + ", ".join(VERDICTS),
                              promptTitle="Verdict",
                              prompt='"accepted": the finding is right to leave as it is; the '
                                     "next check with --ignore-from this file stays silent "
                                     "about it.")
    sheet.add_data_validation(verdicts)
    verdicts.add(f"A2:A{last + 1000}")
    _summary(book.create_sheet("rules"), report)
    out = io.BytesIO()
    book.save(out)
    return _restamped(out.getvalue(), book.properties)


def _restamped(workbook: bytes, properties) -> bytes:
    """The workbook with its zip entries, creation and modification dated FIXED_TIME, in
    the same order (openpyxl dates them when the workbook is made and saved)."""
    from openpyxl.xml.constants import ARC_CORE
    from openpyxl.xml.functions import tostring

    properties.created = properties.modified = datetime.datetime(*FIXED_TIME)
    core = tostring(properties.to_tree())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as saved, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as stamped:
        for entry in saved.infolist():
            body = core if entry.filename == ARC_CORE else saved.read(entry)
            stamped.writestr(zipfile.ZipInfo(entry.filename, FIXED_TIME), body,
                             compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _header(sheet, row: tuple[str, ...] = HEADER) -> None:
    from openpyxl.styles import Font, PatternFill

    sheet.append(row)
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="DDE3EE")


def _summary(sheet, report: Report) -> None:
    _header(sheet, ("rule", "severity", "findings", "what it checks"))
    counts = report.summary()["by_rule"]
    for rule_id in report.rules:
        rule = RULES[rule_id]
        sheet.append((rule_id, rule.severity, counts.get(rule_id, 0), rule.description))
    for letter, width in zip("ABCD", (24, 9, 9, 90)):
        sheet.column_dimensions[letter].width = width


def _cell(value, illegal):
    if not isinstance(value, str):
        return value
    value = illegal.sub("", value)
    return value if len(value) <= CELL_LIMIT else value[:CELL_LIMIT] + " …"
