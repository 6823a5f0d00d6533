"""The `glossary` command line: parse, call the library, print. Nothing else lives here.

Errors are turned into messages in one place, `GlossaryGroup.invoke`: the library's errors,
files that cannot be read or written and a damaged TM all exit with status 2 and
`file[:line]: what is wrong` on standard error, never a traceback (status 1 means findings);
Ctrl-C exits 130 and SIGTERM 143.
"""
from __future__ import annotations

import gc
import signal
import sqlite3
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

import click

from glossary.errors import DecodingWarning, GlossaryError

from .check import check_command
from .edit import add, edit, import_
from .output import flush_stdout, stand_in_for_closed_streams
from .terms import export, lookup, translit, validate, variants
from .tm import tm_group


class InputProblem(click.ClickException):
    """Bad input or a failed read or write: exit 2, like a usage error."""

    exit_code = 2


class GlossaryGroup(click.Group):
    """The top-level group; every command runs inside its `invoke`, so this is the one place
    where library and system errors become messages."""

    def invoke(self, ctx: click.Context) -> Any:
        stand_in_for_closed_streams()
        with warnings.catch_warnings(), terminate_cleanly(), collect_less_often():
            # A file read with a caveat (bad bytes, a guessed encoding): say so, go on.
            warnings.simplefilter("always", DecodingWarning)
            warnings.showwarning = show_warning
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            flush_stdout()  # a full device shows here, while the error can still be reported
            return result
        except BrokenPipeError:
            # `glossary … | head`: the reader left; not an error. Standard output already
            # points at /dev/null (output.output_failed), so exit quietly.
            ctx.exit(0)
        except KeyboardInterrupt:
            # Ctrl-C: the shell's 130, as SIGTERM's 143 (terminate_cleanly); click's own
            # handling would exit 1, which here means "findings".
            click.echo("interrupted", err=True)
            ctx.exit(128 + signal.SIGINT)
        except GlossaryError as exc:
            raise InputProblem(str(exc)) from None
        except OSError as exc:
            raise InputProblem(describe_os_error(exc)) from None
        except sqlite3.DatabaseError as exc:
            raise InputProblem(f"the translation memory is damaged or unreadable: {exc}") from None


# A command makes millions of small objects (tokens, keys, rows) and almost no reference
# cycles: Python's default of a collection every 700 new objects cost about a tenth of a TM
# import's or search's time, checking objects that reference counting frees anyway.
_YOUNG_OBJECTS = 100_000


@contextmanager
def collect_less_often() -> Iterator[None]:
    """Run the cycle collector every _YOUNG_OBJECTS new container objects, not every 700
    (what cycles there are wait a little longer: a few MiB at most)."""
    previous = gc.get_threshold()
    gc.set_threshold(_YOUNG_OBJECTS, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


@contextmanager
def terminate_cleanly() -> Iterator[None]:
    """Make SIGTERM (`kill`, a CI timeout) exit through Python, so a write under way removes
    its temp file and releases its lock on the way out (SIGKILL cannot be caught: the next
    write removes what it leaves)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                 file: TextIO | None = None, line: str | None = None) -> None:
    """A library warning (its text starts `file:line:`) as a message on stderr."""
    click.echo(f"warning: {message}", err=True)


def describe_os_error(exc: OSError) -> str:
    """`path: No such file or directory`, the way a shell tool says it.

    >>> describe_os_error(FileNotFoundError(2, "No such file or directory", "/no/x.tsv"))
    '/no/x.tsv: No such file or directory'
    """
    what = exc.strerror or str(exc)
    return f"{exc.filename}: {what}" if exc.filename else what


@click.group(cls=GlossaryGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ruen-glossary")
def main() -> None:
    """Russian–English terminology glossary: lookup, consistency check, translation memory.

    Example: glossary lookup заградотрядами
    """


for command in (lookup, variants, translit, export, import_, add, edit, validate,
                check_command, tm_group):
    main.add_command(command)


def run() -> None:
    """The `glossary` console script: `main`, then the process exits without the cycle
    collector's last pass. Python's shutdown runs a full collection over every object
    still alive (the compiled glossary, the dictionaries, a draft's segments) that frees
    nothing the exit does not: 0.1 s of a 0.5 s look-up of a 10,000-entry glossary.
    Frozen (gc.freeze), they are skipped. Every file is closed by then (each is written
    in a `with` block, and replaced whole: textio.write_atomic). `main` itself, which tests call
    in-process many times, leaves the collector as it is."""
    try:
        main()
    finally:
        gc.freeze()
