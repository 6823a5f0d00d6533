"""Ctrl-C and kill: a real process, a real signal. The shell's convention, 128 + the signal's
number (130 for SIGINT), and a one-line message: never a traceback, never exit 1 (which
means "findings"), and a TM being imported into keeps what it had."""
from __future__ import annotations

import signal
import subprocess
import sys

import pytest
from paths import ROOT

# Python's own SIGINT handler, as a terminal's foreground job has it (a shell's background
# job starts with SIGINT ignored).
CLI = [sys.executable, "-c", "import signal; signal.signal(signal.SIGINT, "
       "signal.default_int_handler); from cli import main; main()"]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_while_a_command_runs_exits_128_plus_its_number(tmp_path, signum):
    """`tm search --batch -` waits on its input after answering a line: the signal then
    certainly comes while the command runs."""
    tm = tmp_path / "tm.sqlite"
    units = tmp_path / "units.tsv"
    units.write_text("ru\ten\nГКО заседал\tThe GKO sat\n", encoding="utf-8")
    subprocess.run([*CLI, "tm", "import", str(units), "--tm", str(tm)], cwd=ROOT, check=True,
                   capture_output=True)
    proc = subprocess.Popen([*CLI, "tm", "search", "--batch", "-", "--tm", str(tm)], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("ГКО\n")
    proc.stdin.flush()
    assert proc.stdout.readline().startswith('{"query": "ГКО"')
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum
    assert "Traceback" not in err and "Aborted" not in err
