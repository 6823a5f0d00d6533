"""The command line: exit codes, exact messages, formats, atomic edits."""
from __future__ import annotations

import gc
import json
import os
import pty
import shlex
import shutil
import subprocess
import sys

import pytest
from commands import paths
from paths import HERE

from glossary import termfiles

from cli import main


@pytest.fixture
def gloss(tmp_path):
    path = tmp_path / "terms.tsv"
    shutil.copy(HERE / "data" / "small.tsv", path)
    return path


@pytest.mark.parametrize("path", [(), *paths()], ids=lambda p: " ".join(p) or "glossary")
def test_every_command_has_help_with_an_example(runner, path):
    """Every command and subcommand, groups included (found by walking the group): --help
    works and ends its description with an example of that very command."""
    result = runner.invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Example: {' '.join(('glossary', *path))}" in result.output


def test_the_glossary_editing_examples_run_as_written(runner, tmp_path, monkeypatch):
    """add's and edit's examples, on a glossary started as the README says (an export of
    the shipped one): add's named a term the shipped glossary has, and failed (exit 2)."""
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(main, ["export", "-o", "my.tsv"]).exit_code == 0
    for name in ("add", "edit"):
        text = " ".join(runner.invoke(main, [name, "--help"]).output.split())
        example = shlex.split(text.split("Example: glossary ")[1].split(" Options:")[0])
        result = runner.invoke(main, example)
        assert result.exit_code == 0, (example, result.stderr)


def test_lookup_found_text(runner, gloss):
    result = runner.invoke(main, ["lookup", "--glossary", str(gloss), "заградотрядами"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        "заградительный отряд → blocking detachment  [blocking-detachment · term · variant: "
        "'заградотрядами' ~ 'заградотряд']")
    assert "  en forbidden: punishment detachment" in result.output


def test_a_command_collects_cycles_less_often_and_restores_the_setting(runner, gloss,
                                                                        monkeypatch):
    import cli.terms

    before = gc.get_threshold()
    seen = []

    real = cli.terms.compile_glossary

    def spy(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    monkeypatch.setattr(cli.terms, "compile_glossary", spy)
    result = runner.invoke(main, ["lookup", "--glossary", str(gloss), "заградотрядами"])
    assert result.exit_code == 0
    assert seen and seen[0][0] > before[0]
    assert gc.get_threshold() == before


def test_lookup_json_has_all_fields_and_matched(runner, gloss):
    result = runner.invoke(main, ["lookup", "--glossary", str(gloss), "--format", "json",
                                  "войсками", "НКВД", "по", "охране", "тыла"])
    [entry] = json.loads(result.output)
    assert entry["id"] == "rear-protection-troops"
    assert entry["matched"] == "lemma"
    assert entry["en_variants"] == ["NKVD troops for the protection of the rear"]
    assert set(entry) >= {"ru", "en", "ru_variants", "en_forbidden", "ru_forbidden", "kind",
                          "note", "source"}


def test_lookup_tsv(runner, gloss):
    result = runner.invoke(main, ["lookup", "--glossary", str(gloss), "--format", "tsv", "smersh"])
    header, row = result.output.splitlines()
    assert header.split("\t")[-2:] == ["matched", "glossary"]
    assert row.split("\t")[:3] == ["smersh", "СМЕРШ", "Smersh"]
    assert row.split("\t")[-1] == str(gloss)


def test_lookup_nothing_found_exits_1_with_suggestions(runner, gloss):
    result = runner.invoke(main, ["lookup", "--glossary", str(gloss), "фильтр лагерь"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Did you mean: фильтрационный лагерь (filtration-camp)" in result.stderr


def test_bad_glossary_exits_2_with_file_and_line(runner, tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tru\ten\nx\tлагерь\n", encoding="utf-8")
    result = runner.invoke(main, ["lookup", "--glossary", str(bad), "лагерь"])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {bad}:2: expected 3 columns, found 2\n"


def test_missing_glossary_file_exits_2(runner, tmp_path):
    result = runner.invoke(main, ["lookup", "--glossary", str(tmp_path / "none.tsv"), "x"])
    assert result.exit_code == 2
    assert "No such file or directory" in result.stderr
    assert "Traceback" not in result.output


def test_validate(runner, gloss, tmp_path):
    assert runner.invoke(main, ["validate", str(gloss)]).exit_code == 0
    dup = tmp_path / "dup.tsv"
    dup.write_text(gloss.read_text(encoding="utf-8") + "nkvd\tНКВД2\tNKVD2" + "\t" * 7 + "\n",
                   encoding="utf-8")
    result = runner.invoke(main, ["validate", str(dup)])
    assert result.exit_code == 1
    assert result.stdout == f"{dup}:20: duplicate id 'nkvd' (first at line 3)\n"


def test_add_and_edit_write_atomically_and_validate(runner, gloss):
    args = ["--glossary", str(gloss)]
    result = runner.invoke(main, ["add", *args, "--ru", "штурмовой батальон",
                                  "--en", "assault battalion", "--kind", "unit"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["lookup", *args, "штурмовыми батальонами"]).exit_code == 0
    before = gloss.read_bytes()
    clash = runner.invoke(main, ["add", *args, "--id", "camp", "--ru", "лагерь",
                                 "--en", "Filtration camp", "--en-forbidden", "filtration camp"])
    assert clash.exit_code == 2
    assert "camp: forbidden en form 'filtration camp' is its own approved form" in clash.stderr
    assert gloss.read_bytes() == before
    result = runner.invoke(main, ["edit", *args, "assault-battalion",
                                  "--en-variants", "storm battalion | shock battalion"])
    assert result.exit_code == 0
    hit = json.loads(runner.invoke(main, ["lookup", *args, "--format", "json",
                                          "shock battalions"]).output)
    assert hit[0]["id"] == "assault-battalion" and hit[0]["matched"] == "variant"
    assert runner.invoke(main, ["edit", *args, "no-such-id", "--en", "x"]).exit_code == 2


def test_import_merges_with_conflict_report(runner, gloss, tmp_path):
    incoming = tmp_path / "theirs.csv"
    incoming.write_text("id,ru,en,en_variants\n"
                        "filtration-camp,фильтрационный лагерь,filtration camp,screening camp\n"
                        "assault-battalion,штурмовой батальон,assault battalion,\n",
                        encoding="utf-8")
    args = ["import", str(incoming), "--glossary", str(gloss)]
    kept = runner.invoke(main, args)
    assert kept.exit_code == 1
    assert kept.output.splitlines() == [
        "added: 1", "unchanged: 0", "replaced: 0", "merged: 0", "kept: 1",
        "conflict: filtration-camp: en_variants: ours '' / theirs 'screening camp'"]
    merged = runner.invoke(main, args + ["--on-conflict", "merge"])
    assert merged.exit_code == 0
    result = runner.invoke(main, ["lookup", "--glossary", str(gloss), "screening camps"])
    assert result.exit_code == 0 and "filtration-camp" in result.output


def test_export_format_choices_are_the_registry():
    [option] = [p for p in main.commands["export"].params if p.name == "fmt"]
    assert set(option.type.choices) == set(termfiles.FORMATS)


def test_export_import_round_trip_via_cli(runner, gloss, tmp_path):
    for fmt in termfiles.FORMATS:
        out = tmp_path / f"out.{fmt}"
        assert runner.invoke(main, ["export", "--glossary", str(gloss), "--format", fmt,
                                    "-o", str(out)]).exit_code == 0
        again = tmp_path / f"again.{fmt}"
        assert runner.invoke(main, ["export", "--glossary", str(out), "--format", fmt,
                                    "-o", str(again)]).exit_code == 0
        assert out.read_bytes() == again.read_bytes(), fmt


def test_export_with_forms(runner, gloss):
    result = runner.invoke(main, ["export", "--glossary", str(gloss), "--format", "omegat",
                                  "--with-forms"])
    lines = result.output.splitlines()
    # each source form → the preferred rendering, said to be a form; no target forms
    assert any(line.startswith("фильтрационных лагерях\tfiltration camp\tForm of "
                               "фильтрационный лагерь.") for line in lines)
    assert not any("filtration camps" in line for line in lines)


def test_variants_list(runner, gloss):
    result = runner.invoke(main, ["variants", "--glossary", str(gloss), "--format", "list",
                                  "спецлагерями"])
    lines = result.output.splitlines()
    assert "спецлагерях" in lines and "специальными лагерями" in lines and "special camps" in lines


def test_translit(runner):
    assert runner.invoke(main, ["translit", "Девятаев"]).output == "Devyatayev\n"
    assert runner.invoke(main, ["translit", "--reverse", "Devyatayev"]).output == "Девятаев\n"
    result = runner.invoke(main, ["translit", "--scheme", "nope", "x"])
    assert result.exit_code == 2


def test_lookup_with_a_tm_counts_renderings(runner, gloss, tmp_path):
    units = tmp_path / "units.tsv"
    units.write_text("Заградотряды стояли сзади.\tThe blocking detachments stood behind.\n"
                     "О заградотрядах.\tOn barrier troops.\n"
                     "О заградотрядах снова.\tOn barrier troops again.\n"
                     "Заградительный отряд ушёл.\tThe punishment detachment left.\n",
                     encoding="utf-8")
    tm = tmp_path / "tm.sqlite"
    assert runner.invoke(main, ["tm", "import", "--tm", str(tm), str(units)]).exit_code == 0
    result = runner.invoke(main, ["lookup", "--glossary", str(gloss), "--tm", str(tm),
                                  "--format", "json", "заградотряд"])
    [entry] = json.loads(result.output)
    assert entry["tm_renderings"] == {"barrier troops": 2, "blocking detachment": 1,
                                      "punishment detachment": 1}
    from_env = runner.invoke(main, ["lookup", "--glossary", str(gloss), "--format", "json",
                                    "заградотряд"], env={"GLOSSARY_TM": str(tm)})
    assert json.loads(from_env.output) == [entry]  # $GLOSSARY_TM is honoured as --tm is
    # TSV has the TM's renderings too (it dropped them without a word)
    rows = runner.invoke(main, ["lookup", "--glossary", str(gloss), "--tm", str(tm),
                                "--format", "tsv", "заградотряд"]).stdout.splitlines()
    assert rows[0].endswith("\tglossary\ttm")
    assert rows[1].endswith("\tbarrier troops ×2, blocking detachment ×1, punishment "
                            "detachment ×1")
    missing = runner.invoke(main, ["lookup", "--glossary", str(gloss), "--tm",
                                   str(tmp_path / "none.sqlite"), "заградотряд"])
    assert missing.exit_code == 2 and not (tmp_path / "none.sqlite").exists()


def test_validate_json(runner, tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tru\ten\na\tлагерь\tcamp\na\tотряд\tdetachment\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--format", "json", str(bad)])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {"path": str(bad), "line": 3, "message": "duplicate id 'a' (first at line 2)"}]


def test_tm_search_shows_the_glossary_terms_of_the_query(runner, gloss, tmp_path):
    units = tmp_path / "units.tsv"
    units.write_text("Заградотряды стояли сзади.\tThe blocking detachments stood behind.\n",
                     encoding="utf-8")
    tm = tmp_path / "tm.sqlite"
    assert runner.invoke(main, ["tm", "import", "--tm", str(tm), str(units)]).exit_code == 0
    result = runner.invoke(main, ["tm", "search", "--tm", str(tm), "--glossary", str(gloss),
                                  "Заградотряд стоял сзади"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-2:] == [
        "Glossary:",
        "  заградительный отряд → blocking detachment | barrier troops  [blocking-detachment]"]


@pytest.mark.parametrize("no_color, coloured", [(None, True), ("1", False), ("0", False),
                                                ("", True)])
def test_colour_on_a_terminal_unless_no_color_is_set_and_not_empty(no_color, coloured):
    """https://no-color.org: NO_COLOR present and not empty, whatever its value, turns colour
    off; an empty one does not. A real process on a pseudo-terminal."""
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color is not None:
        env["NO_COLOR"] = no_color
    main_fd, child_fd = pty.openpty()
    with subprocess.Popen([sys.executable, "-c", "from cli import main; main()", "lookup",
                           "заградотряд"], stdout=child_fd, stderr=subprocess.DEVNULL,
                          env=env) as process:
        os.close(child_fd)
        out = b""
        while True:
            try:
                chunk = os.read(main_fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
    os.close(main_fd)
    assert process.returncode == 0 and "blocking detachment" in out.decode()
    assert (b"\x1b[" in out) == coloured


@pytest.mark.parametrize("data, out, err, code", [
    ("Щёлково\n".encode("cp1251"), "Shcholkovo\n", "", 0),
    (b"\xef\xbb\xbf\xd0\x9e\xd1\x80\xd1\x91\xd0\xbb\n", "Oryol\n", "", 0),
    (b"a\x00b", "", "Error: -: binary data (NUL bytes), not a text file\n", 2),
    ("Щёлково ".encode() + b"\xd0\n", "Shcholkovo \ufffd\n",
     "warning: -:1: 1 byte(s) that are not UTF-8 (line(s) 1) read as U+FFFD; the rest of the "
     "file is UTF-8\n", 0),
], ids=["cp1251", "bom", "nul", "bad-byte"])
def test_translit_reads_standard_input_as_files_are_read(data, out, err, code):
    """A real process and pipe: decoded by the files' rules, not by the locale (which gave
    a traceback, or garbage with exit 0)."""
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}
    done = subprocess.run([sys.executable, "-c", "from cli import main; main()", "translit", "-"],
                          input=data, capture_output=True, env=env)
    assert (done.stdout.decode(), done.stderr.decode(), done.returncode) == (out, err, code)
