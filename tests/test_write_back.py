"""`add`, `edit` and `import` change a user's glossary as it was kept: every line of an entry
they did not change stays byte for byte, in the file's encoding, line ends, separator and
header; a new entry goes at the end. Real files, the real command."""
from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from paths import ROOT

from cli import main
from glossary import termfiles

# A glossary as people keep one: some columns only, one of its own, quotes, an empty cell,
# and a last line without its line end.
KEPT = ('id\tru\ten\tnote\tmy_col\n'
        '"q"\t"кавычки"\t"quotes"\tsay "hi"\tx  y\n'
        'zone\tзона\tzone\t\tkeep\n'
        'last\tпоследний\tlast\t\tend')
LAYOUTS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16": lambda text: text.encode("utf-16"),
    "cp1251": lambda text: text.encode("cp1251"),
    "CRLF": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "CR": lambda text: text.replace("\n", "\r").encode("utf-8"),
}


def glossary(*args: object) -> None:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("layout", LAYOUTS)
def test_add_keeps_every_byte_and_appends_in_the_files_layout(tmp_path, layout):
    encode = LAYOUTS[layout]
    path = tmp_path / "mine.tsv"
    path.write_bytes(encode(KEPT))
    glossary("add", "--glossary", path, "--ru", "лагерь", "--en", "camp")
    assert path.read_bytes() == encode(KEPT + "\ncamp\tлагерь\tcamp\t\t\n")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_edit_changes_the_entrys_line_only(tmp_path, layout):
    encode = LAYOUTS[layout]
    path = tmp_path / "mine.tsv"
    path.write_bytes(encode(KEPT))
    glossary("edit", "--glossary", path, "zone", "--note", "a restricted zone")
    assert path.read_bytes() == encode(KEPT.replace("zone\tзона\tzone\t\tkeep",
                                                    "zone\tзона\tzone\ta restricted zone\tkeep"))


def test_a_column_an_entry_needs_is_added_with_empty_cells_elsewhere(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(KEPT, encoding="utf-8")
    glossary("add", "--glossary", path, "--ru", "НКВД", "--en", "NKVD", "--kind", "organisation")
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines == ["id\tru\ten\tnote\tmy_col\tkind",
                     *(line + "\t" for line in KEPT.split("\n")[1:]),
                     "nkvd\tНКВД\tNKVD\t\t\torganisation", ""]
    assert [t.kind for t in termfiles.read(path)] == ["term", "term", "term", "organisation"]


def test_a_character_the_files_encoding_lacks_is_refused(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_bytes(KEPT.encode("cp1251"))
    result = CliRunner().invoke(main, ["add", "--glossary", str(path), "--ru", "Гёпнер",
                                       "--en", "Hoepner", "--note", "not Göpner"])
    assert result.exit_code == 2, result.output
    assert "cannot write 'ö' (U+00F6): the file is cp1251" in result.stderr
    assert path.read_bytes() == KEPT.encode("cp1251")


def test_import_rewrites_only_what_it_changed(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(KEPT + "\n", encoding="utf-8")
    theirs = tmp_path / "theirs.csv"
    theirs.write_text("en,ru,note\nzone,зона,a restricted zone\ncamp,лагерь,\n", encoding="utf-8")
    glossary("import", "--glossary", path, theirs, "--on-conflict", "replace")
    assert path.read_text(encoding="utf-8") == (
        KEPT.replace("zone\tзона\tzone\t\tkeep", "zone\tзона\tzone\ta restricted zone\tkeep")
        + "\ncamp\tлагерь\tcamp\t\t\n")


# A CSV as Weblate and the Tarantool translators keep theirs: a BOM, ';', CRLF, their headers,
# a quoted cell, an empty row.
SPREADSHEET = ("\ufeffTerm [en];Term [ru];Description [en];Description [ru]\r\n"
               "space;спейс;A space is a container.;\r\n"
               ";;;\r\n"
               'tuple;кортеж;"A tuple; a row";кортеж\r\n')


def test_a_spreadsheet_csv_stays_one_the_command_run_as_a_process(tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_bytes(SPREADSHEET.encode("utf-8"))
    cli = [sys.executable, "-c", "from cli import main; main()"]
    for args in (["add", "--ru", "индекс", "--en", "index"],
                 ["edit", "space", "--note", "A container of tuples."]):
        done = subprocess.run([*cli, *args, "--glossary", str(path)], cwd=ROOT,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert path.read_bytes().decode("utf-8") == SPREADSHEET.replace(
        "A space is a container.", "A container of tuples.") + "index;индекс;;\r\n"


def test_the_shipped_layout_still_round_trips(tmp_path):
    """terms.tsv itself: an edit changes one line of it."""
    path = tmp_path / "terms.tsv"
    original = (Path(ROOT) / "terms.tsv").read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    first = termfiles.read(path).terms[0]
    glossary("edit", "--glossary", path, first.id, "--note", "changed")
    before, after = original.split("\n"), path.read_text(encoding="utf-8").split("\n")
    assert len(before) == len(after)
    assert [i for i, (a, b) in enumerate(zip(before, after)) if a != b] == [first.line - 1]


def test_a_quoted_cell_over_several_lines_stays_as_written(tmp_path):
    """Read as one line (a line break in a cell is a space), written back as it was."""
    text = 'ru,en,note\nлагерь,camp,"line one\nline two"\nзона,zone,x\n'
    path = tmp_path / "g.csv"
    path.write_text(text, encoding="utf-8")
    glossary("edit", "--glossary", path, "zone", "--note", "y")
    assert path.read_text(encoding="utf-8") == text.replace("zone,x", "zone,y")


@pytest.mark.parametrize("name, text, added", [
    ("g.txt", "camp\tлагерь\tнота\nzone\tзона\t\n", "NKVD\tНКВД\t\n"),
    ("g.po", 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "camp"\nmsgstr "лагерь"\n',
     'msgid "NKVD"\nmsgstr "НКВД"\n'),
], ids=["omegat", "po"])
def test_an_english_to_russian_glossary_stays_one(tmp_path, name, text, added):
    """OmegaT and PO have a source and a target side, and the project's languages say which
    is which: an add must not turn the file round."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    glossary("add", "--glossary", path, "--ru", "НКВД", "--en", "NKVD")
    written = path.read_text(encoding="utf-8")
    assert written.rstrip("\n").endswith(added.rstrip("\n"))
    assert "camp\tлагерь" in written or 'msgid "camp"\nmsgstr "лагерь"' in written
    assert termfiles.read(path).direction == "en-ru"


THIRD_PARTY = {
    "multi.tbx": ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en">'
                  '<text><body><termEntry id="camp"><descrip type="definition">A place of '
                  'detention</descrip><langSet xml:lang="ru"><tig><term>лагерь</term></tig>'
                  '</langSet><langSet xml:lang="en"><tig><term>camp</term></tig></langSet>'
                  '<langSet xml:lang="de"><tig><term>Lager</term></tig></langSet></termEntry>'
                  '</body></text></martif>\n', "place, of, detention, Lager"),
    "gnome.po": ('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n#: glossary.xml:12\nmsgid "camp"\n'
                 'msgstr "лагерь"\n\n#, fuzzy\nmsgid "zone"\nmsgstr "зона"\n',
                 "xml, fuzzy, zone, зона"),
}


@pytest.mark.parametrize("name", THIRD_PARTY)
def test_a_file_holding_what_is_not_read_is_refused_not_cut(tmp_path, name):
    """Another tool's TBX with a third language and a definition, a PO glossary with
    references and a fuzzy entry: written back, they would lose them."""
    text, lost = THIRD_PARTY[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["add", "--glossary", str(path), "--ru", "НКВД", "--en", "NKVD"])
    assert result.exit_code == 2, result.output
    assert f"{path}: the file holds what is not read from it ({lost}" in result.stderr
    assert "--glossary mine.tsv --glossary " + name in result.stderr
    assert path.read_text(encoding="utf-8") == text


def test_omegats_opening_comment_stays(tmp_path):
    path = tmp_path / "glossary.txt"
    text = "# Glossary in tab-separated format -*- coding: utf-8 -*-\r\ncamp\tлагерь\tнота\r\n"
    path.write_bytes(text.encode("utf-8"))
    glossary("add", "--glossary", path, "--ru", "зона", "--en", "zone")
    assert path.read_bytes().decode("utf-8") == text + "zone\tзона\t\r\n"
