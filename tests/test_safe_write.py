"""Writing never damages a file: links, modes, owners, special files, temp files, and a lock
that makes concurrent writers (real processes) lose nothing."""
from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time

import pytest
from paths import HERE, ROOT

from glossary import shipped, termfiles
from glossary.errors import GlossaryError, InputError
from glossary.textio import locked, write_atomic

SMALL = HERE / "data" / "small.tsv"
as_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                             reason="changing a file's owner needs root")


@pytest.fixture
def gloss(tmp_path):
    path = tmp_path / "terms.tsv"
    shutil.copy(SMALL, path)
    return path


def test_symlink_is_followed_and_stays_a_link(tmp_path, gloss):
    link = tmp_path / "link.tsv"
    link.symlink_to(gloss)
    write_atomic(link, "new\n")
    assert link.is_symlink() and os.readlink(link) == str(gloss)
    assert gloss.read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.tsv", "terms.tsv"]


def test_hard_link_stays_one_file(tmp_path, gloss):
    other = tmp_path / "other.tsv"
    os.link(gloss, other)
    write_atomic(gloss, "new\n")
    assert os.stat(gloss).st_ino == os.stat(other).st_ino
    assert other.read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.tsv", "terms.tsv"]


def test_mode_is_kept(gloss):
    gloss.chmod(0o640)
    write_atomic(gloss, "new\n")
    assert stat.S_IMODE(gloss.stat().st_mode) == 0o640


@as_root
def test_owner_is_kept(gloss):
    os.chown(gloss, 4321, 4322)
    write_atomic(gloss, "new\n")
    assert (gloss.stat().st_uid, gloss.stat().st_gid) == (4321, 4322)
    assert gloss.read_text() == "new\n"


def test_read_only_file_is_refused(gloss):
    before = gloss.read_bytes()
    gloss.chmod(0o444)
    with pytest.raises(InputError, match=r"terms.tsv: the file is read-only \(mode 444\)"):
        write_atomic(gloss, "new\n")
    assert gloss.read_bytes() == before


def test_device_is_written_into_never_replaced():
    # Run as root in CI containers, a rename would turn /dev/null into a regular file.
    write_atomic("/dev/null", "anything\n")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_directory_is_refused(tmp_path):
    (tmp_path / "d.tsv").mkdir()
    with pytest.raises(InputError, match="not a regular file"):
        write_atomic(tmp_path / "d.tsv", "x")


def test_unwritable_text_is_a_clear_error_and_changes_nothing(tmp_path, gloss):
    before = gloss.read_bytes()
    with pytest.raises(InputError, match="cannot write: the text holds U\\+D800, a lone "
                                         "surrogate, at character 15"):
        write_atomic(gloss, "lone surrogate \ud800")
    assert gloss.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["terms.tsv"]


def signal_a_big_write(gloss, tmp_path, signum: int, wrap: bool = False) -> int:
    """Start a real process writing 400 MB over `gloss`, send it `signum` once its temp file
    exists, and return its exit status. `wrap`: inside the CLI's SIGTERM handler."""
    write = f"write_atomic({str(gloss)!r}, 'x' * 400_000_000)"
    script = "from glossary.textio import write_atomic\n" + (
        f"from cli import terminate_cleanly\nwith terminate_cleanly():\n    {write}\n"
        if wrap else write)
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    try:
        for _ in range(1000):
            if proc.poll() is not None or any(p.suffix == ".tmp" for p in tmp_path.iterdir()):
                break
            time.sleep(0.01)
    finally:
        proc.send_signal(signum)
        proc.wait()
    return proc.returncode


def test_temp_file_of_a_killed_writer_is_removed_by_the_next_write(tmp_path, gloss):
    signal_a_big_write(gloss, tmp_path, signal.SIGKILL)
    assert gloss.read_bytes() == SMALL.read_bytes()       # the old file is whole
    if not any(p.suffix == ".tmp" for p in tmp_path.iterdir()):
        pytest.skip("the writer finished or never started before the kill")
    write_atomic(gloss, "new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["terms.tsv"]


def test_a_terminated_command_removes_its_temp_file(tmp_path, gloss):
    """SIGTERM (kill, a CI timeout) during a write: the CLI's handler lets the write clean up."""
    status = signal_a_big_write(gloss, tmp_path, signal.SIGTERM, wrap=True)
    if status == 0:
        pytest.skip("the writer finished before the signal")
    assert status == 128 + signal.SIGTERM
    assert [p.name for p in tmp_path.iterdir()] == ["terms.tsv"]
    assert gloss.read_bytes() == SMALL.read_bytes()


def test_installed_copy_is_never_written(tmp_path):
    """A copy of the package laid out as pip installs it (no pyproject.toml beside it):
    `glossary add` refuses, with or without naming the shipped file, and changes nothing."""
    site = tmp_path / "site-packages"
    for package in ("glossary", "tm", "cli"):
        shutil.copytree(ROOT / package, site / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    run = [sys.executable, "-c",
           f"import sys; sys.path.insert(0, {str(site)!r}); from cli import main; main()"]
    shipped = subprocess.run([*run[:2], f"import sys; sys.path.insert(0, {str(site)!r}); "
                              "from glossary import shipped_path; print(shipped_path())"],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert shipped.startswith(str(site))
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    env = {k: v for k, v in os.environ.items() if k != "GLOSSARY_FILE"}
    add = ["add", "--ru", "штурмовой батальон", "--en", "assault battalion"]
    for extra, extra_env in (([], {}), (["--glossary", shipped], {}), ([], {"GLOSSARY_FILE": shipped}),
                             (["export", "-o", shipped], {})):
        args = extra if extra[:1] == ["export"] else [*add, *extra]
        result = subprocess.run([*run, *args], capture_output=True, text=True, cwd=tmp_path,
                                env={**env, **extra_env})
        assert result.returncode == 2, (args, result.stderr)
        assert "read-only" in result.stderr and "glossary export -o my.tsv" in result.stderr
        assert "Traceback" not in result.stderr
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert after == {p: b for p, b in before.items() if "__pycache__" not in p.parts}


def test_library_refuses_the_installed_copy(monkeypatch, tmp_path):
    fake = tmp_path / "site" / "glossary" / "data" / "terms.tsv"
    fake.parent.mkdir(parents=True)
    shutil.copy(SMALL, fake)
    monkeypatch.setattr(shipped, "shipped_path", lambda: fake)
    with pytest.raises(GlossaryError, match="read-only"):
        termfiles.write(termfiles.read(SMALL), fake)
    assert fake.read_bytes() == SMALL.read_bytes()


ADD = textwrap.dedent("""
    import sys
    from glossary.edit import add, update
    from glossary.model import Term
    n = sys.argv[2]
    update(sys.argv[1], lambda g: add(g, Term(f"t{n}", f"термин{n}", f"term {n}")))
""")


def test_concurrent_updates_lose_nothing(gloss):
    """Eight real processes add an entry each to one file at the same moment."""
    count = len(termfiles.read(gloss))
    procs = [subprocess.Popen([sys.executable, "-c", ADD, str(gloss), str(n)], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True) for n in range(8)]
    errors = [p.communicate()[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 8, errors
    ids = {t.id for t in termfiles.read(gloss)}
    assert {f"t{n}" for n in range(8)} <= ids and len(ids) == count + 8


def test_two_glossary_add_commands_at_once(tmp_path, gloss):
    """The command itself, twice at the same moment, as the issue reported it."""
    run = [sys.executable, "-c", "from cli import main; main()"]
    procs = [subprocess.Popen([*run, "add", "--glossary", str(gloss), "--ru", ru, "--en", en],
                              cwd=tmp_path, stderr=subprocess.PIPE, text=True)
             for ru, en in (("штурмовой батальон", "assault battalion"),
                            ("штурмовая группа", "assault group"))]
    errors = [p.communicate()[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    ids = {t.id for t in termfiles.read(gloss)}
    assert {"assault-battalion", "assault-group"} <= ids


def test_a_writer_that_cannot_get_the_lock_fails_clearly(gloss):
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from glossary.textio import locked
        with locked({str(gloss)!r}):
            print("locked", flush=True)
            time.sleep(30)
    """)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(GlossaryError, match="another process has been changing this file"):
            with locked(gloss, timeout=0.2):
                pass
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    with locked(gloss, timeout=5):  # released when the holder died
        pass


@pytest.mark.parametrize("args", [["export", "--format", "tbx"],
                                  ["check", str(ROOT / "examples" / "draft-ru-en.tsv")]])
def test_output_to_dev_null_keeps_the_device(runner, args):
    from cli import main

    result = runner.invoke(main, [*args, "-o", "/dev/null"])
    assert result.exit_code in (0, 1), result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
