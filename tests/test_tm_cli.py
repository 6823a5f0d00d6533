"""`glossary tm …`: exact output, exit codes, JSON shapes, batch mode, pre-translation."""
from __future__ import annotations

import inspect
import json

import pytest
from paths import HERE
from click.testing import CliRunner

from cli import main

TM_PO = """msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Delete the selected files"
msgstr "Удалить выбранные файлы"

msgctxt "menu"
msgid "Open"
msgstr "Открыть"

msgid "Save changes"
msgstr "Сохранить изменения"

msgid "Folder"
msgstr ""
"""

RU_TSV = "Войска НКВД заняли город\tNKVD troops took the town\n" \
         "Армии НКВД заняли город\tNKVD armies took the town\n"

APP_PO = """# Translation of app.
msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: app.py:1
msgid "Delete the selected files"
msgstr ""

#: app.py:2
msgid "Delete the selected file"
msgstr ""

msgid "Save changes"
msgstr "Сохранить"

msgid "Open"
msgstr ""

msgid "Quit"
msgstr ""
"""

PRETRANSLATED = """# Translation of app.
msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: app.py:1
msgid "Delete the selected files"
msgstr "Удалить выбранные файлы"

# TM: 95% (tm.po)
#: app.py:2
#, fuzzy
#| msgid "Delete the selected files"
msgid "Delete the selected file"
msgstr "Удалить выбранные файлы"

msgid "Save changes"
msgstr "Сохранить"

# TM: 100% (tm.po)
#, fuzzy
#| msgctxt "menu"
#| msgid "Open"
msgid "Open"
msgstr "Открыть"

msgid "Quit"
msgstr ""
"""


def run(*args, input=None):
    return CliRunner().invoke(main, list(map(str, args)), input=input)


@pytest.fixture()
def files(tmp_path):
    (tmp_path / "tm.po").write_text(TM_PO, encoding="utf-8")
    (tmp_path / "ru.tsv").write_text(RU_TSV, encoding="utf-8")
    (tmp_path / "app.po").write_text(APP_PO, encoding="utf-8")
    return tmp_path


@pytest.fixture()
def tm(files):
    path = files / "tm.sqlite"
    result = run("tm", "import", files / "tm.po", files / "ru.tsv", "--tm", path)
    assert result.exit_code == 0, result.output
    return path


def test_import_summary(files):
    result = run("tm", "import", files / "tm.po", files / "tm.po", "--tm", files / "x.sqlite")
    assert result.exit_code == 0
    assert result.stdout == (f"{files / 'tm.po'}: 3 added, 0 duplicates, 1 skipped\n"
                             "  Skipped 1 unit: untranslated (line 16).\n"
                             f"{files / 'tm.po'}: 0 added, 3 duplicates, 1 skipped\n"
                             "  Skipped 1 unit: untranslated (line 16).\n")


def test_import_json_and_bad_file_keeps_going(files):
    (files / "bad.tmx").write_text("<tmx><body><tu>", encoding="utf-8")
    result = run("tm", "import", files / "bad.tmx", files / "ru.tsv", "--tm",
                 files / "x.sqlite", "--format", "json")
    assert result.exit_code == 2
    reports = json.loads(result.stdout)
    assert reports[0]["path"].endswith("bad.tmx") and "bad.tmx" in reports[0]["error"]
    assert reports[1]["added"] == 2 and reports[1]["duplicates"] == 0
    assert "(nothing of bad.tmx was imported)" in result.stderr


def test_search_text(tm):
    result = run("tm", "search", "Войскам", "НКВД", "заняли", "город", "--tm", tm,
                 "--glossary", HERE / "data" / "small.tsv")
    assert result.exit_code == 0
    assert result.stdout == (
        "1. 95%  Войска НКВД заняли город\n"
        "   → NKVD troops took the town\n"
        "   differs: Войскам → Войска (inflection)\n"
        "   from: ru.tsv\n"
        "2. 75%  Армии НКВД заняли город\n"
        "   → NKVD armies took the town\n"
        "   differs: Войскам → Армии (word)\n"
        "   from: ru.tsv\n"
        "Glossary:\n"
        "  НКВД → NKVD | People's Commissariat of Internal Affairs  [nkvd]\n")


def test_search_json(tm):
    result = run("tm", "search", "Войскам НКВД заняли город", "--tm", tm, "--format", "json",
                 "--limit", "1")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [{
        "score": 95, "source": "Войска НКВД заняли город", "target": "NKVD troops took the town",
        "origin": "ru.tsv",
        "diff": [{"kind": "inflection", "query": "Войскам", "match": "Войска"}],
        "forbidden": []}]


def test_search_nothing_found_exits_1(tm):
    result = run("tm", "search", "Совсем другое предложение", "--tm", tm)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "No match of 75% or more.\n"


def test_search_batch_reads_stdin(tm):
    result = run("tm", "search", "--batch", "-", "--tm", tm, "--min", "90",
                 input="Войскам НКВД заняли город\n\nDelete the selected file\nНичего\n")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(x["query"], [m["score"] for m in x["matches"]]) for x in lines] == [
        ("Войскам НКВД заняли город", [95]), ("Delete the selected file", [95]), ("Ничего", [])]


def test_search_usage_errors(tm):
    assert run("tm", "search", "--tm", tm).exit_code == 2
    assert run("tm", "search", "x", "--min", "101", "--tm", tm).exit_code == 2


def test_missing_tm_is_an_input_error(tmp_path):
    result = run("tm", "search", "Войска", "--tm", tmp_path / "none.sqlite")
    assert result.exit_code == 2
    assert "no translation memory at" in result.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_concordance_text_and_json(tm):
    result = run("tm", "concordance", "войсками", "--tm", tm)
    assert result.exit_code == 0
    assert result.stdout == ("⟦Войска⟧ НКВД заняли город\n"
                             "  → NKVD troops took the town\n"
                             "  [ru→en · ru.tsv]\n")
    result = run("tm", "concordance", "город", "--tm", tm, "--format", "json")
    units = json.loads(result.stdout)
    assert [(u["source"], u["source_hits"]) for u in units] == [
        ("Армии НКВД заняли город", [[18, 23]]), ("Войска НКВД заняли город", [[19, 24]])]
    assert run("tm", "concordance", "файл", "--lang", "en", "--tm", tm).exit_code == 1


def test_stats_json(tm):
    result = run("tm", "stats", "--tm", tm, "--format", "json")
    stats = json.loads(result.stdout)
    assert stats["units"] == 5
    assert stats["languages"] == [{"source": "en", "target": "ru", "units": 3},
                                  {"source": "ru", "target": "en", "units": 2}]
    assert stats["origins"] == [{"origin": "tm.po", "units": 3}, {"origin": "ru.tsv", "units": 2}]


def test_info_prints_the_path(tmp_path):
    result = run("tm", "info", "--tm", tmp_path / "a.sqlite", "--format", "json")
    assert json.loads(result.stdout) == {"path": str(tmp_path / "a.sqlite"), "exists": False}
    default = run("tm", "info")
    assert default.exit_code == 0 and default.stdout.strip().endswith("tm.sqlite")


def test_export_po_to_stdout_and_tmx_to_file(tm, files):
    result = run("tm", "export", "--format", "po", "--tm", tm, "--source-lang", "en")
    assert result.exit_code == 0
    assert 'msgctxt "menu"\nmsgid "Open"\nmsgstr "Открыть"\n' in result.stdout
    assert result.stderr == "Exported 3 units.\n"
    out = files / "out.tmx"
    result = run("tm", "export", "--format", "tmx", "-o", out, "--tm", tm, "--source-lang", "ru")
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").count("</tu>") == 2
    several = run("tm", "export", "--tm", tm)
    assert several.exit_code == 2 and "several language pairs" in several.stderr


def test_pretranslate_like_msgmerge(tm, files):
    result = run("tm", "pretranslate", files / "app.po", "--tm", tm)
    assert result.exit_code == 0
    assert result.stdout == PRETRANSLATED
    assert result.stderr == f"{files / 'app.po'}: 1 exact, 2 fuzzy, 1 without a match, 1 kept.\n"


def test_pretranslate_in_place_and_overwrite(tm, files):
    app = files / "app.po"
    result = run("tm", "pretranslate", app, "-o", app, "--tm", tm, "--overwrite", "--min", "96",
                 "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"path": str(app), "exact": 2, "fuzzy": 1,
                                         "unmatched": 2, "kept": 0, "conflicts": 0,
                                         "forbidden": 0}
    text = app.read_text(encoding="utf-8")
    assert 'msgid "Save changes"\nmsgstr "Сохранить изменения"' in text
    assert 'msgid "Delete the selected file"\nmsgstr ""' in text


def test_every_tm_command_has_help_ending_with_an_example():
    group = main.commands["tm"]
    for name, command in group.commands.items():
        result = run("tm", name, "--help")
        assert result.exit_code == 0
        last = inspect.cleandoc(command.help).splitlines()[-1]
        assert last.startswith("Example: glossary tm"), name


@pytest.mark.parametrize("command, option", [("export", "file_format"), ("import", "input_format")])
def test_tm_format_choices_are_the_registry(command, option):
    from glossary import formats

    [param] = [p for p in main.commands["tm"].commands[command].params if p.name == option]
    assert set(param.type.choices) == set(formats.FORMATS)
