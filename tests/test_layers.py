"""Several glossaries at once: the first wins, entries know their file, the stack validates."""
from __future__ import annotations

import json
import os

import pytest

from cli import main
from glossary import load
from glossary.errors import DecodingWarning
from glossary.layers import stack
from glossary.validate import load as load_one
from glossary.validate import problems

HEADER = "id\tru\ten\tru_variants\ten_variants\ten_forbidden\tru_forbidden\tkind\tnote\n"
PROJECT = HEADER + (
    "zagrad\tзаградотряд\tblocking detachment\t\tbarrier troops\t\t\tterm\tproject\n"
    "penal\tштрафбат\tpenal battalion\t\t\t\t\tterm\tproject\n")
DOMAIN = HEADER + (
    "zagrad-d\tзаградотряд\tbarrier detachment\t\t\t\t\tterm\tdomain: shadowed\n"
    "camp\tлагерь\tcamp\t\tpenal battalion\tblocking detachment\t\tterm\tdomain\n"
    "penal\tштрафная рота\tpenal company\t\t\t\t\tterm\tdomain: same id\n"
    "nkvd\tНКВД\tNKVD\t\t\t\t\torganisation\tdomain\n")


@pytest.fixture
def files(tmp_path):
    project, domain = tmp_path / "project.tsv", tmp_path / "domain.tsv"
    project.write_text(PROJECT, encoding="utf-8")
    domain.write_text(DOMAIN, encoding="utf-8")
    return project, domain


def test_first_glossary_wins(files):
    project, domain = files
    with pytest.warns(DecodingWarning, match=r"domain.tsv:4: penal: left out: .*project.tsv "
                      r"has an entry with this id \(штрафбат → penal battalion\), another"):
        glossary = load([project, domain])
    by_id = glossary.by_id()
    assert list(by_id) == ["zagrad", "penal", "camp", "nkvd"]
    assert by_id["zagrad"].en == "blocking detachment"
    assert by_id["penal"].ru == "штрафбат"
    # camp's variant and forbidden form clash with the project: dropped from the domain's entry
    assert (by_id["camp"].en_variants, by_id["camp"].en_forbidden) == ((), ())
    assert [t.origin for t in glossary] == [str(project)] * 2 + [str(domain)] * 2
    assert problems(glossary) == []


def test_what_is_left_out_is_reported(files):
    project, domain = files
    with pytest.warns(DecodingWarning):  # penal, the same id for another concept
        _, shadows = stack([load_one(project), load_one(domain)])
    assert [(s.term.id, s.by.id, s.forms) for s in shadows] == [
        ("zagrad-d", "zagrad", ()), ("camp", "penal", ("penal battalion", "blocking detachment")),
        ("penal", "penal", ())]


def test_order_decides(files):
    project, domain = files
    with pytest.warns(DecodingWarning):
        assert load([domain, project]).by_id()["zagrad-d"].en == "barrier detachment"


def test_repeated_option_and_lookup_shows_the_glossary(runner, files):
    project, domain = files
    args = ["lookup", "--glossary", str(project), "--glossary", str(domain)]
    result = runner.invoke(main, [*args, "НКВД"])
    assert result.exit_code == 0, result.stderr
    assert f"  glossary: {domain}" in result.stdout
    data = json.loads(runner.invoke(main, [*args, "заградотряда", "--format", "json"]).stdout)
    assert [(d["id"], d["glossary"]) for d in data] == [("zagrad", str(project))]


def test_edit_says_which_stacked_glossary_has_the_entry(runner, files):
    project, domain = files
    before = project.read_bytes()
    result = runner.invoke(main, ["edit", "nkvd", "--note", "x", "--glossary", str(project),
                                  "--glossary", str(domain)])
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {project}: no entry with id 'nkvd'; it is in {domain} "
                             "(edit changes the first --glossary)\n")
    assert project.read_bytes() == before


def test_environment_variable_lists_several(runner, files, monkeypatch):
    project, domain = files
    monkeypatch.setenv("GLOSSARY_FILE", f"{project}{os.pathsep}{domain}")
    data = json.loads(runner.invoke(main, ["lookup", "НКВД", "--format", "json"]).stdout)
    assert data[0]["glossary"] == str(domain)
    # a writing command writes the first
    result = runner.invoke(main, ["add", "--ru", "рота", "--en", "company"])
    assert result.exit_code == 0, result.stderr
    assert "company" in load(project).by_id() and "company" not in load(domain).by_id()


def test_a_stray_separator_in_the_variable_is_ignored(runner, files, monkeypatch):
    project, _ = files
    monkeypatch.setenv("GLOSSARY_FILE", f"{os.pathsep}{project}{os.pathsep}")
    data = json.loads(runner.invoke(main, ["lookup", "штрафбат", "--format", "json"]).stdout)
    assert data[0]["glossary"] == str(project)


@pytest.mark.parametrize("command", [["lookup", "штрафбат"], ["check", "draft.tsv"],
                                     ["add", "--ru", "рота", "--en", "company"]])
def test_an_empty_glossary_path_on_the_command_line_is_refused(runner, files, tmp_path,
                                                               monkeypatch, command):
    """`--glossary "$UNSET"` would otherwise read the shipped glossary without a word."""
    project, _ = files
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.tsv").write_text("Штрафбат\tPenal battalion\n", encoding="utf-8")
    before = project.read_bytes()
    result = runner.invoke(main, [*command, "--glossary", ""])
    assert result.exit_code == 2
    assert "an empty path" in result.stderr and "Traceback" not in result.stderr
    assert project.read_bytes() == before


def test_check_names_the_glossary_behind_findings(runner, files, tmp_path):
    project, domain = files
    draft = tmp_path / "d.tsv"
    draft.write_text("Заградотряд и НКВД\tThe barrier detachment and the police\n", encoding="utf-8")
    result = runner.invoke(main, ["check", str(draft), "--glossary", str(project),
                                  "--glossary", str(domain)])
    assert result.exit_code == 1
    assert f"from {project}: zagrad" in result.stderr
    assert f"from {domain}: nkvd" in result.stderr
    data = json.loads(runner.invoke(main, ["check", str(draft), "--glossary", str(project),
                                           "--glossary", str(domain), "--format", "json"]).stdout)
    assert {f["term"]: f["entry"]["glossary"] for f in data["findings"]} == {
        "zagrad": str(project), "nkvd": str(domain)}


def test_validate_checks_every_glossary_named(runner, files, tmp_path):
    project, domain = files
    broken = tmp_path / "broken.tsv"
    broken.write_text("id\tru\ten\nx\tлагерь\tcamp\nx\tстан\tencampment\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--glossary", str(project), "--glossary", str(broken)])
    assert result.exit_code == 1
    assert result.stdout == f"{broken}:3: duplicate id 'x' (first at line 2)\n"
    assert f"{project}: 2 entries, 0 problem(s)" in result.stderr


def test_an_entry_left_out_for_its_id_alone_is_named_by_check(runner, tmp_path):
    """Two TBX files number their entries alike (c1, c2 …): the later c1, another concept,
    was left out without a word, and its term went unchecked."""
    def tbx(ru: str, en: str) -> str:
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic"><text><body>\n'
                f'<termEntry id="c1"><langSet xml:lang="ru"><tig><term>{ru}</term></tig>'
                f'</langSet><langSet xml:lang="en"><tig><term>{en}</term></tig></langSet>'
                '</termEntry>\n</body></text></martif>\n')
    project, domain = tmp_path / "project.tbx", tmp_path / "domain.tbx"
    project.write_text(tbx("штрафная рота", "penal company"), encoding="utf-8")
    domain.write_text(tbx("заградотряд", "blocking detachment"), encoding="utf-8")
    draft = tmp_path / "draft.tsv"
    draft.write_text("Заградотряд задержал их.\tThe barrier troops detained them.\n",
                     encoding="utf-8")
    result = runner.invoke(main, ["check", str(draft), "--glossary", str(project),
                                  "--glossary", str(domain)])
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {domain}:3: c1: left out: {project} has an entry with this id "
        "(штрафная рота → penal company), another concept; give one of them another id\n")
    # An entry that shares a form with the one before it is an override: said nowhere.
    domain.write_text(tbx("штрафная рота", "punishment company"), encoding="utf-8")
    result = runner.invoke(main, ["check", str(draft), "--glossary", str(project),
                                  "--glossary", str(domain)])
    assert result.stderr == ""
