"""The XLSX review round trip: write the report, let a reviewer (a script, through openpyxl)
mark verdicts, read it back with --ignore-from; and refuse what is not such a workbook."""
from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from cli import main
from glossary.check.ignore import VERDICTS
from glossary.check.render.records import COLUMNS

EXAMPLE = Path(__file__).parent.parent / "examples" / "draft-ru-en.tsv"


def check(*args) -> object:
    return CliRunner().invoke(main, ["check", *map(str, args)])


def findings(*args) -> list[tuple[int, str]]:
    result = check(EXAMPLE, "--format", "json", *args)
    return [(f["segment"], f["rule"]) for f in json.loads(result.stdout)["findings"]]


@pytest.fixture
def review(tmp_path) -> Path:
    path = tmp_path / "review.xlsx"
    result = check(EXAMPLE, "--format", "xlsx", "-o", path)
    assert result.exit_code == 1 and result.stdout == ""
    return path


def test_workbook_layout(review):
    book = load_workbook(review)
    sheet = book["findings"]
    header = [c.value for c in sheet[1]]
    assert header == ["verdict", "comment", *COLUMNS]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:T{sheet.max_row}"
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"accepted,fix,query"' and "A2" in str(validation.sqref)
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    assert [(r["segment"], r["rule"]) for r in rows] == findings()
    first = rows[0]
    assert first["file"] == str(EXAMPLE) and first["line"] == first["segment"] + 1
    assert first["source"].startswith("В 1942 году") and first["target"].startswith("In 1942")
    assert len(first["hash"]) == 16
    assert [r[0].value for r in book["rules"].iter_rows(min_row=2)][:3] == [
        "missing-term", "part-of-speech", "forbidden-term"]


def test_reviewed_workbook_round_trip(review, tmp_path):
    """Rows marked accepted (any case) are silent in the next run; fix, query and blank are not."""
    before = findings()
    assert len(before) == 4
    book = load_workbook(review)
    sheet = book["findings"]
    verdicts = {2: "accepted", 3: "fix", 4: " Accepted ", 5: None}
    for row, verdict in verdicts.items():
        sheet.cell(row, 1).value = verdict
        sheet.cell(row, 2).value = "checked against the archive"
    edited = tmp_path / "reviewed.xlsx"
    book.save(edited)
    after = findings("--ignore-from", edited)
    assert after == [before[1], before[3]]
    summary = json.loads(check(EXAMPLE, "--format", "json", "--ignore-from", edited).stdout)
    assert summary["summary"]["ignored"] == 2


def test_accepted_rows_combine_with_an_ignore_file(review, tmp_path):
    ignore = tmp_path / "accepted.tsv"
    check(EXAMPLE, "--rule", "missing-term", "--write-ignore", ignore)
    book = load_workbook(review)
    book["findings"].cell(2, 1).value = "accepted"  # the number-mismatch row
    book.save(review)
    remaining = findings("--ignore", ignore, "--ignore-from", review)
    assert [rule for _, rule in remaining] == ["mixed-script", "name-spelling"]


def test_cells_are_text_never_formulas(tmp_path):
    draft = tmp_path / "d.tsv"
    draft.write_text("=СУММ(A1)\x07 в специальном лагере\t=SUM(A1) in a camp\n", encoding="utf-8")
    out = tmp_path / "r.xlsx"
    assert check(draft, "--format", "xlsx", "-o", out).exit_code == 1
    sheet = load_workbook(out)["findings"]
    header = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(header, sheet[2])}
    assert row["target"].value == "=SUM(A1) in a camp" and row["target"].data_type == "s"
    assert row["source"].value == "=СУММ(A1) в специальном лагере"  # the bell character dropped
    with zipfile.ZipFile(out) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()


def workbook(path: Path, sheet: str, header: list[str]) -> Path:
    book = Workbook()
    book.active.title = sheet
    book.active.append(header)
    book.save(path)
    return path


def bad_hash_workbook(review: Path) -> Path:
    book = load_workbook(review)
    sheet = book["findings"]
    sheet.cell(3, 1).value = "accepted"
    sheet.cell(3, 2 + COLUMNS.index("hash") + 1).value = "not-a-hash"
    book.save(review)
    return review


@pytest.mark.parametrize("make, message", [
    (lambda p, r: p.write_bytes(b"segment\trule\n") and p,
     "is not a reviewed report: expected an .xlsx written by `glossary check --format xlsx` "
     "(this is not even a zip archive, as an .xlsx is)"),
    (lambda p, r: p.write_bytes(b"PK\x03\x04 truncated") and p, "not even a zip archive"),
    (lambda p, r: (p.parent / "review.csv").write_text("verdict,hash\n") and p.parent / "review.csv",
     "review.csv: is not a reviewed report: expected an .xlsx written by `glossary check "
     "--format xlsx` (openpyxl does not support .csv file format"),
    (lambda p, r: workbook(p, "Sheet1", ["Source", "Target", "Status"]), "it has no sheet 'findings' (sheets: Sheet1)"),
    (lambda p, r: workbook(p, "findings", ["verdict", "rule", "term"]), ":1: is not a reviewed report: expected an .xlsx "
     "written by `glossary check --format xlsx`; sheet 'findings' has no column 'hash'"),
    (lambda p, r: bad_hash_workbook(r), ":3: 'not-a-hash' is not a segment hash"),
    (lambda p, r: p.parent / "absent.xlsx", "absent.xlsx: cannot read: No such file"),
], ids=["text file", "damaged zip", "csv file", "foreign workbook", "missing column", "bad hash",
        "missing file"])
def test_malformed_or_foreign_workbooks_are_refused(tmp_path, review, make, message):
    path = make(tmp_path / "other.xlsx", review)
    result = check(EXAMPLE, "--ignore-from", path)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: ")


def test_verdicts_offered_include_accepted():
    assert VERDICTS[0] == "accepted"


def test_workbook_is_byte_identical_in_every_run(tmp_path, review):
    # openpyxl stamps the zip entries and the document properties with the time of saving
    time.sleep(1.1)
    again = tmp_path / "again.xlsx"
    assert check(EXAMPLE, "--format", "xlsx", "-o", again).exit_code == 1
    assert again.read_bytes() == review.read_bytes()
