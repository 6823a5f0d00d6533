"""Glossaries as real projects write them (issue 10): senses, letter case, match modes,
list cells, confidence — through the command line, on real files."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import main
from glossary import termfiles
from glossary.check import check
from glossary.model import Term
from glossary.segment import Segment

OMEGAT = ("Строка\tRow\tIn a table.\nСтрока\tLine\tOf text.\n"
          "Настроить, настройка\tConfigure, configuring\t\n")
DRAFT = ("Удалите строку.\tDelete the entry.\n"
         "Настройте сервер.\tConfigure the server.\n"
         "Настройка сервера.\tServer setup.\n")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def files(tmp_path):
    glossary = tmp_path / "omegat.txt"
    glossary.write_text(OMEGAT, encoding="utf-8")
    draft = tmp_path / "draft.tsv"
    draft.write_text(DRAFT, encoding="utf-8")
    return glossary, draft


def test_lookup_shows_every_sense(runner, files):
    glossary, _ = files
    result = runner.invoke(main, ["lookup", "--glossary", str(glossary), "--format", "json",
                                  "строки"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert [(h["id"], h["en"], h["note"]) for h in hits] == [
        ("row", "Row", "In a table."), ("line", "Line", "Of text.")]


def test_validate_notes_senses_and_passes(runner, files):
    glossary, _ = files
    result = runner.invoke(main, ["validate", str(glossary)])
    assert result.exit_code == 0
    assert f"note: {glossary}:2: ru form 'Строка' has 2 senses: row, line" in result.stderr


def test_list_cells_are_reported_and_split_on_request(runner, files):
    glossary, draft = files
    plain = runner.invoke(main, ["check", str(draft), "--glossary", str(glossary),
                                 "--format", "json"])
    assert (f"{glossary}:3: configure-configuring: en 'Configure, configuring' looks like a "
            "list of alternatives (Configure | configuring)") in plain.stderr
    assert "--split-lists" in plain.stderr
    terms = [f["term"] for f in json.loads(plain.stdout)["findings"]]
    assert terms == ["row"]          # the list cell matched nothing
    split = runner.invoke(main, ["check", str(draft), "--glossary", str(glossary),
                                 "--format", "json", "--split-lists"])
    found = [(f["segment"], f["term"]) for f in json.loads(split.stdout)["findings"]]
    assert found == [(1, "row"), (3, "configure-configuring")]


def test_import_split_lists(runner, tmp_path):
    glossary = tmp_path / "theirs.txt"
    glossary.write_text("Настроить, настройка\tConfigure, configuring\t\n", encoding="utf-8")
    ours = tmp_path / "terms.tsv"
    ours.write_text("id\tru\ten\n", encoding="utf-8")
    result = runner.invoke(main, ["import", str(glossary), "--glossary", str(ours),
                                  "--split-lists"])
    assert result.exit_code == 0, result.output
    term = termfiles.read(ours).by_id()["configure-configuring"]
    assert (term.ru, term.ru_variants, term.en, term.en_variants) == (
        "Настроить", ("настройка",), "Configure", ("configuring",))


def test_add_and_edit_set_the_match_mode(runner, tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text("id\tru\ten\n", encoding="utf-8")
    args = ["--glossary", str(path)]
    assert runner.invoke(main, ["add", *args, "--ru", "Дата", "--en", "Date",
                                "--match", "case"]).exit_code == 0
    header, row = path.read_text(encoding="utf-8").splitlines()
    assert header.endswith("\tmatch") and row.startswith("date\tДата\tDate\t")
    assert row.endswith("\tcase")
    assert runner.invoke(main, ["edit", *args, "date", "--match", "exact"]).exit_code == 0
    assert termfiles.read(path).terms[0].match == "exact"
    bad = runner.invoke(main, ["edit", *args, "date", "--match", "stem"])
    assert bad.exit_code == 2


@pytest.mark.parametrize("fmt, name", [("tsv", "g.tsv"), ("csv", "g.csv"), ("json", "g.json"),
                                       ("tbx", "g.tbx")])
def test_match_mode_round_trips(tmp_path, fmt, name):
    glossary = termfiles.read(_write(tmp_path, "id\tru\ten\tmatch\nx\tДата\tDate\tcase\n"))
    path = tmp_path / name
    termfiles.write(glossary, path, fmt)
    assert termfiles.read(path).terms[0].match == "case"
    if fmt == "tbx":
        assert '<admin type="x-match">case</admin>' in path.read_text(encoding="utf-8")


def _write(tmp_path, text):
    path = tmp_path / "in.tsv"
    path.write_text(text, encoding="utf-8")
    return path


COMMON = [Term("note", "примечание", "note"), Term("tuple", "кортеж", "tuple"),
          Term("namespace", "пространство имён", "namespace")]


@pytest.mark.parametrize("source, target, level, severity", [
    # a frequent word alone: maybe the ordinary word
    ("Take a note of it.", "Запишите это.", "low", "warning"),
    # a specialised word: sure
    ("Return a tuple.", "Верните значение.", "high", "error"),
    # a frequent word with another term of the glossary beside it: the term's sense
    ("The note on the namespace.", "Замечание о пространстве имён.", "high", "error"),
    # a frequent word set off as a label
    ('Click "Note" to save.', "Нажмите «Заметка».", "high", "error"),
    # a capital inside a sentence is more often a name's than a label's: no sign
    ("Click Note to save.", "Нажмите «Заметка».", "low", "warning"),
])
def test_confidence_of_missing_terms(source, target, level, severity):
    (f,) = check([Segment(source, target)], COMMON, rules=["missing-term"]).findings
    assert (f.confidence, f.severity) == (level, severity), f.reason


def test_min_confidence_filters(runner, tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text("id\tru\ten\nnote\tпримечание\tnote\n", encoding="utf-8")
    draft = tmp_path / "d.tsv"
    draft.write_text("Take a note of it.\tЗапишите это.\n", encoding="utf-8")
    args = ["check", str(draft), "--glossary", str(path), "--format", "csv"]
    low = runner.invoke(main, args)
    assert low.exit_code == 0            # a warning only
    assert ",low," in low.stdout and "nothing in the segment confirms" in low.stdout
    high = runner.invoke(main, [*args, "--min-confidence", "medium"])
    assert high.stdout.splitlines()[1:] == []


@pytest.mark.parametrize("source, target, expected", [
    ("Изучение языка.", "You study the language.", ["part-of-speech"]),
    ("Проверка перевода.", "Check the translation.", ["part-of-speech"]),
    ("Проверка перевода.", "The translation was approved.", ["missing-term"]),
    ("The check took an hour.", "Проверьте всё.", ["part-of-speech"]),
])
def test_another_part_of_speech_is_its_own_low_finding(source, target, expected):
    terms = [Term("study", "изучение", "study"), Term("check", "проверка", "check")]
    found = check([Segment(source, target)], terms,
                  rules=["missing-term", "part-of-speech"]).findings
    assert [f.rule for f in found] == expected
    assert all(f.severity == "warning" and f.confidence == "low"
               for f in found if f.rule == "part-of-speech")


@pytest.mark.parametrize("source, target, found", [
    ("Accounting rules.", "Правила бухгалтерии.", []),              # accounting is not account
    ("The file was saved.", "Файл сохранён.", []),                   # saved is not a saving
    ("Querying data.", "Данные.", ["query"]),                        # a gerund names the action
])
def test_english_lemmas(source, target, found):
    terms = [Term("account", "счёт", "account"), Term("saving", "сбережение", "saving"),
             Term("query", "запрос", "query")]
    report = check([Segment(source, target)], terms, rules=["missing-term"])
    assert [f.term for f in report.findings] == found


def test_list_cells_are_reported_again_from_the_cache(runner, files, tmp_path, monkeypatch):
    """The cells found are kept in the compiled cache: a warm run reports what a cold one
    did, without reading every form again."""
    glossary, draft = files
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    runs = [runner.invoke(main, ["check", str(draft), "--glossary", str(glossary)])
            for _ in range(2)]
    assert "looks like a list of alternatives (Configure | configuring)" in runs[0].stderr
    assert runs[0].stderr == runs[1].stderr and runs[0].stdout == runs[1].stdout
    assert list((tmp_path / "cache").glob("*.lists.json"))
