"""Tab-delimited text as a spreadsheet saves it (quotes around a cell holding a quote, a tab
or a line break, its quotes doubled): read as the spreadsheet meant it, never with the
quoting left in the text; a file without that quoting read as before."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from glossary.errors import InputError
from glossary.formats import tsv
from glossary.termfiles import tsv as glossary_tsv

CLI = [sys.executable, "-c", "from cli import main; main()"]

PAIRS = [
    ("Командир сказал: «Вперёд!»", 'The commander said: "Forward!"'),
    ("Заградотряд", "Blocking detachment"),
    ("Строка первая\nстрока вторая", "First line\nsecond line"),
    ("Кнопка «Сохранить»", 'The "Save" button'),
    ("Табуляция\tвнутри", "A tab\tinside"),
]


def spreadsheet_tsv(path: Path, rows: list[tuple[str, ...]], newline: str = "\r\n") -> Path:
    """What Excel's and LibreOffice's "Text (tab-delimited)" write: csv's excel-tab dialect
    (a cell quoted only when it must be)."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, dialect="excel-tab", lineterminator=newline).writerows(rows)
    return path


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_a_spreadsheet_saved_draft_reads_as_its_cells(tmp_path, newline):
    path = spreadsheet_tsv(tmp_path / "draft.tsv", [("source", "target"), *PAIRS], newline)
    assert '""' in path.read_text(encoding="utf-8")  # the quoting is there to be undone
    segments = list(tsv.read(path))
    assert [(s.source, s.target) for s in segments] == PAIRS
    # each segment's line is where its record starts (the third spans lines 4-6)
    assert [s.line for s in segments] == [2, 3, 4, 7, 8]


def test_a_cell_over_lines_without_doubled_quotes_is_read_whole(tmp_path):
    rows = [("Строка первая\nстрока вторая", "First line\nsecond line"), ("Да", "Yes")]
    path = spreadsheet_tsv(tmp_path / "draft.tsv", rows)
    assert '""' not in path.read_text(encoding="utf-8")
    assert [(s.source, s.target) for s in tsv.read(path)] == rows


def test_text_a_person_quoted_stays_as_written(tmp_path):
    """Quotes that are the text's own: a cell wrapped in quotes without doubled ones inside,
    a quote opened and not closed on its line."""
    path = tmp_path / "draft.tsv"
    path.write_text('"Сохранить"\t"Save"\n«Ура\t"Hurrah\nДа\tYes ""\n', encoding="utf-8")
    assert [(s.source, s.target) for s in tsv.read(path)] == [
        ('"Сохранить"', '"Save"'), ("«Ура", '"Hurrah'), ("Да", 'Yes ""')]


def test_our_own_tsv_still_round_trips(tmp_path):
    """Our writer escapes (\\t, \\n) and never quotes: what it writes reads back the same,
    quotes and all."""
    from glossary.segment import Segment

    segments = [Segment(s, t) for s, t in PAIRS] + [Segment('"Ура"', 'Say "hurrah" twice""')]
    path = tmp_path / "ours.tsv"
    tsv.write(path, segments, source_lang="ru", target_lang="en")
    assert [(s.source, s.target) for s in tsv.read(path)] == [(s.source, s.target)
                                                              for s in segments]


def test_a_quote_left_open_in_a_quoted_file_is_an_error_with_its_line(tmp_path):
    path = tmp_path / "draft.tsv"
    path.write_text('Да\t"Yes ""really"""\nНет\t"No\n', encoding="utf-8")
    with pytest.raises(InputError) as error:
        list(tsv.read(path))
    assert error.value.line == 2 and "not closed" in error.value.message
    done = subprocess.run([*CLI, "check", str(path)], capture_output=True, text=True)
    assert done.returncode == 2 and f"{path}:2:" in done.stderr
    assert "Traceback" not in done.stderr


def test_check_and_tm_read_a_spreadsheet_saved_draft(tmp_path):
    path = spreadsheet_tsv(tmp_path / "draft.tsv", [("source", "target"), *PAIRS])
    done = subprocess.run([*CLI, "check", str(path), "--format", "json",
                           "--min-confidence", "low"], capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(done.stdout)["summary"]["segments"] == len(PAIRS)
    tm = tmp_path / "tm.sqlite"
    done = subprocess.run([*CLI, "tm", "import", str(path), "--tm", str(tm), "--from", "ru",
                           "--to", "en"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out.tsv"
    done = subprocess.run([*CLI, "tm", "export", "--tm", str(tm), "--format", "tsv",
                           "-o", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted((s.source, s.target) for s in tsv.read(out)) == sorted(PAIRS)


def test_a_spreadsheet_saved_glossary_keeps_its_notes_whole(tmp_path):
    rows = [("id", "ru", "en", "note"),
            ("zagrad", "заградотряд", "blocking detachment",
             'the "barrier troops" of Order No. 227'),
            ("shtrafbat", "штрафбат", "penal battalion", "officers only;\nsee штрафная рота")]
    path = spreadsheet_tsv(tmp_path / "terms.tsv", rows)
    by_id = glossary_tsv.read(path).by_id()
    assert by_id["zagrad"].note == 'the "barrier troops" of Order No. 227'
    assert by_id["shtrafbat"].note == "officers only;\nsee штрафная рота"
    done = subprocess.run([*CLI, "lookup", "заградотрядами", "--glossary", str(path),
                           "--format", "json"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["note"] == 'the "barrier troops" of Order No. 227'
