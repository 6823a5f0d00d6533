"""Failures of reading and writing: exit 2 and `file: what is wrong` on stderr, never a
traceback (exit 1 is the checker's "findings"). Real files, real mounts, real processes."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from commands import taking_output
from paths import HERE

from cli import main
from tm import TranslationMemory

TM_TSV = "Войска НКВД заняли город\tNKVD troops took the town\n" \
         "Армии НКВД заняли город\tNKVD armies took the town\n" \
         "Удалить выбранные файлы\tDelete the selected files\n"
PO = ('msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
      'msgid "Delete the selected files"\nmsgstr ""\n')
DRAFT = "Заградотряд стоял.\tThe blocking detachment stood.\n"
CLI = [sys.executable, "-c", "from cli import main; main()"]


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The inputs, the TM imported once; each test gets a copy (`files`)."""
    here = tmp_path_factory.mktemp("inputs")
    shutil.copy(HERE / "data" / "small.tsv", here / "terms.tsv")
    (here / "draft.tsv").write_text(DRAFT, encoding="utf-8")
    (here / "app.po").write_text(PO, encoding="utf-8")
    (here / "tm.tsv").write_text(TM_TSV, encoding="utf-8")
    result = invoke("tm", "import", here / "tm.tsv", "--tm", here / "tm.sqlite",
                    "--source-lang", "ru", "--target-lang", "en")
    assert result.exit_code == 0, result.output
    return here


@pytest.fixture
def files(originals: Path, tmp_path: Path) -> Path:
    for path in originals.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def invoke(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


# How to run each command that takes -o, with everything but the -o.
RUNS: dict[tuple[str, ...], Callable[[Path], list[object]]] = {
    ("export",): lambda f: ["--glossary", f / "terms.tsv"],
    ("check",): lambda f: [f / "draft.tsv", "--glossary", f / "terms.tsv"],
    ("tm", "export"): lambda f: ["--tm", f / "tm.sqlite"],
    ("tm", "pretranslate"): lambda f: [f / "app.po", "--tm", f / "tm.sqlite"],
}


def test_every_command_writing_a_file_is_tested():
    assert set(RUNS) == taking_output()


def mount_tmpfs(where: Path, options: str) -> Iterator[Path]:
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or 'not root'})")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A directory nobody may write in: a read-only mount for root (who ignores
    permissions), else one without write permission."""
    if os.geteuid() != 0:
        where = tmp_path / "ro"
        where.mkdir(mode=0o555)
        yield where
        where.chmod(0o755)
        return
    yield from mount_tmpfs(tmp_path / "ro", "ro,size=64k")


@pytest.fixture
def full_dir(tmp_path: Path) -> Iterator[Path]:
    """A directory on a file system with no space left."""
    for where in mount_tmpfs(tmp_path / "full", "size=64k"):
        with open(where / "filler", "wb") as f:
            try:
                f.write(b"\0" * 128 * 1024)
            except OSError:
                pass
        yield where


def cannot_write(why: str) -> Callable[[Path], str]:
    return lambda out: f"Error: {out}: cannot write: {why}"


READ_ONLY = "Permission denied" if os.geteuid() else "Read-only file system"
# name: (the -o path from (files, special directory), the last line of stderr)
TARGETS: dict[str, tuple[Callable[[Path, Path], Path], Callable[[Path], str]]] = {
    "no such directory": (lambda f, _d: f / "no" / "such" / "out.txt",
                          cannot_write("No such file or directory")),
    "parent is a file": (lambda f, _d: f / "terms.tsv" / "out.txt",
                         cannot_write("Not a directory")),
    "target is a directory": (lambda f, _d: f, lambda out: (
        f"Error: Invalid value for '-o' / '--output': File '{out}' is a directory.")),
    "read-only directory": (lambda _f, d: d / "out.txt", cannot_write(READ_ONLY)),
    "full disk": (lambda _f, d: d / "out.txt", cannot_write("No space left on device")),
}


@pytest.mark.parametrize("command", sorted(RUNS), ids=" ".join)
@pytest.mark.parametrize("target", TARGETS)
def test_unwritable_output(command, target, files, request):
    where, expected = TARGETS[target]
    directory = (request.getfixturevalue("read_only_dir") if target == "read-only directory"
                 else request.getfixturevalue("full_dir") if target == "full disk" else None)
    out = where(files, directory)
    before = sorted(p.name for p in out.parent.iterdir()) if out.parent.is_dir() else None
    result = invoke(*command, *RUNS[command](files), "-o", out)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1] == expected(out)
    assert "Traceback" not in result.output
    if before is not None:  # no temporary file left behind
        assert sorted(p.name for p in out.parent.iterdir()) == before


@pytest.mark.parametrize("args", [["export"], ["validate", "--format", "json"]],
                         ids=" ".join)  # written as it goes; buffered until the final flush
def test_stdout_to_a_full_device(args, files):
    with open("/dev/full", "w") as full:
        done = subprocess.run([*CLI, *args, "--glossary", str(files / "terms.tsv")],
                              stdout=full, stderr=subprocess.PIPE, text=True)
    assert (done.returncode, done.stderr) == (
        2, "Error: <stdout>: cannot write: No space left on device\n")


def test_a_reader_leaving_early_is_not_an_error():
    """`glossary export --format json | head -1`: quiet, exit 0 (the shipped glossary's
    export is larger than a pipe's buffer)."""
    process = subprocess.Popen([*CLI, "export", "--format", "json"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"[\n"
    process.stdout.close()
    with process.stderr:
        assert (process.wait(), process.stderr.read()) == (0, b"")


def damage(path: Path, table: str) -> None:
    """Zero the root page of a table, as a bad sector or a torn copy would."""
    with sqlite3.connect(path) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                          (table,)).fetchone()[0]
    db.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(bytes(page_size))


@pytest.mark.parametrize("query", ["Войска НКВД заняли город", "Совсем другие слова здесь"],
                         ids=["stored text", "nothing like it"])
def test_search_of_a_damaged_tm_says_so(files, query):
    """A damaged index page either fails the read or silently loses postings: either way
    the answer is 'damaged', never 'No match'."""
    tm = files / "tm.sqlite"
    damage(tm, "postings")
    result = invoke("tm", "search", query, "--tm", tm)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {tm}: the translation memory is damaged (")
    assert "No match" not in result.stderr


@pytest.mark.parametrize("command", [["tm", "stats"], ["tm", "export"],
                                     ["tm", "concordance", "НКВД"],
                                     ["lookup", "заградотряд", "--glossary", "{terms}"]],
                         ids=" ".join)
def test_a_file_that_is_not_a_tm(files, command):
    tm = files / "tm.sqlite"
    tm.unlink()
    tm.write_bytes(b"not a database at all" * 100)
    args = [str(a).replace("{terms}", str(files / "terms.tsv")) for a in command]
    result = invoke(*args, "--tm", tm)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {tm} is not a translation memory: ")


def test_many_distinct_words_do_not_hit_the_sql_variable_limit(files):
    """A query of more distinct words than SQLite takes variables (32,766 by default,
    250,000 in some builds; here the limit is lowered to 8): every IN list is one JSON
    parameter."""
    with TranslationMemory(files / "tm.sqlite", create=False) as memory:
        if not hasattr(memory.db, "setlimit"):
            pytest.skip("Connection.setlimit needs Python 3.11")
        memory.db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 8)
        words = [f"слово{n}" for n in range(100)]
        assert memory.form_keys(words) == {} and memory.key_ids(0, words) == {}
        text = "Войска НКВД заняли город " + " ".join(f"армия{n}" for n in range(40))
        found = memory.search(text, min_score=1, limit=50)
        assert [m.unit.source for m in found][:1] == ["Войска НКВД заняли город"]
        assert len(memory.concordance("НКВД заняли город")) == 2



@pytest.mark.parametrize("command", [["check", "--glossary", "{terms}"],
                                     ["tm", "import", "--tm", "{tm}"]], ids=lambda c: c[0])
def test_a_file_of_no_known_format_names_the_option_that_tells_it(files, command):
    """The advice names an option the command has (--input-format; --format is the
    report's), and following it reads the file."""
    draft = files / "draft.txt"
    draft.write_text("Заградотряд стоял. The blocking detachment stood.\n", encoding="utf-8")
    args = [a.format(terms=files / "terms.tsv", tm=files / "tm.sqlite") for a in command]
    result = invoke(*args, draft)
    assert result.exit_code == 2, result.output
    assert "cannot tell the format of draft.txt; use --input-format (po, tmx, xliff, tsv)" \
        in result.stderr
    retried = invoke(*args, draft, "--input-format", "tsv")
    assert "Error: No such option" not in retried.stderr
    assert "Invalid value" not in retried.stderr


# Each command's inputs that -o (or --write-ignore) must not replace.
INPUTS: dict[tuple[str, ...], list[str]] = {
    ("export",): ["terms.tsv"],
    ("check",): ["draft.tsv", "terms.tsv", "tm.sqlite"],
    ("tm", "export"): ["tm.sqlite"],
    ("tm", "pretranslate"): ["tm.sqlite", "terms.tsv"],  # -o FILE itself is meant: it fills FILE
}


@pytest.mark.parametrize("command, name", [(c, n) for c, names in INPUTS.items() for n in names],
                         ids=lambda v: " ".join(v) if isinstance(v, tuple) else v)
def test_output_onto_an_input_is_refused_and_the_input_kept(files, command, name):
    """The report, the export would replace the draft, the glossary, the TM it came from."""
    before = {p.name: p.read_bytes() for p in files.iterdir()}
    also = {("check",): ["--tm", files / "tm.sqlite"],
            ("tm", "pretranslate"): ["--glossary", files / "terms.tsv"]}
    args = [*command, *RUNS[command](files), *also.get(command, [])]
    for option in ("-o", "--write-ignore") if command == ("check",) else ("-o",):
        result = invoke(*args, option, files / name)
        assert result.exit_code == 2, result.output
        assert f"Invalid value for '{option}': {files / name} is the " in result.stderr
    assert {p.name: p.read_bytes() for p in files.iterdir()} == before


@pytest.mark.parametrize("command", [["tm", "export"], ["tm", "concordance", "НКВД"],
                                     ["tm", "search", "Войска НКВД заняли город"]], ids=" ".join)
def test_a_unit_whose_text_bytes_are_damaged_is_reported_as_damage(files, command):
    """Bytes that are not UTF-8 in a stored text (no page is malformed, so SQLite's own
    check passes): said to be damage, without quoting the bytes as garbage."""
    tm = files / "tm.sqlite"
    with sqlite3.connect(tm) as db:
        db.execute("UPDATE units SET source = CAST(X'D0BFD0FFFE41' AS TEXT)")
    db.close()
    result = invoke(*command, "--tm", tm)
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"Error: {tm}: the translation memory is damaged (a unit's text is "
                             "not UTF-8); restore it from a backup or import its files into a "
                             "new one\n")
