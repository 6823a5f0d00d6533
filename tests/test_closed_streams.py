"""Standard streams. A process started with one closed (`glossary … >&-`, `<&-`, `2>&-`):
Python leaves it None. Reading or writing the closed one is the usual message and exit 2, as
a shell tool says "Bad file descriptor"; never a traceback; a closed stderr only loses the
messages. An output encoding that cannot hold Cyrillic is a clear error too. Real processes.
"""
from __future__ import annotations

import os
import subprocess
import sys

from paths import HERE, ROOT

CLI = [sys.executable, "-c", "from cli import main; main()"]
SMALL = HERE / "data" / "small.tsv"


def run_closed(fd: int, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], cwd=ROOT, input=stdin, capture_output=True,
                          text=True, preexec_fn=lambda: os.close(fd), timeout=120)


def test_closed_stdout_is_a_write_error():
    done = run_closed(1, "translit", "Щука")
    assert done.returncode == 2
    assert done.stderr == "Error: <stdout>: cannot write: Bad file descriptor\n"


def test_closed_stdin_is_a_read_error():
    done = run_closed(0, "translit", "-")
    assert done.returncode == 2
    assert done.stderr == "Error: <stdin>: Bad file descriptor\n"


def test_closed_stdin_matters_only_to_a_command_reading_it():
    done = run_closed(0, "translit", "Щука")
    assert (done.returncode, done.stdout, done.stderr) == (0, "Shchuka\n", "")


def test_closed_stderr_loses_only_the_messages(tmp_path):
    units = tmp_path / "units.tsv"
    units.write_text("ru\ten\nГКО заседал\tThe GKO sat\n", encoding="utf-8")
    tm = tmp_path / "tm.sqlite"
    done = run_closed(2, "tm", "import", str(units), "--tm", str(tm))
    assert done.returncode == 0
    done = run_closed(2, "tm", "search", "ГКО заседал", "--tm", str(tm))
    assert (done.returncode, done.stdout.count("The GKO sat")) == (0, 1)


def test_an_output_encoding_without_cyrillic_is_a_clear_error():
    """PYTHONIOENCODING=latin-1 (ascii click replaces by UTF-8 itself): exit 2 naming the
    character and the encoding, not a traceback, and no text written with it mangled."""
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    done = subprocess.run([*CLI, "variants", "ГКО", "--glossary", str(SMALL)], cwd=ROOT,
                          env=env, capture_output=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.decode("latin-1").endswith(
        "Error: <stdout>: cannot write U+0413: the output encoding latin-1 cannot hold it "
        "(PYTHONIOENCODING or the locale)\n")
