"""Printing for the command line: data to stdout (JSON or text), colour only where it helps
(a terminal, no NO_COLOR), plurals, highlighted spans."""
from __future__ import annotations

import errno
import io
import json
import os
import sys
from collections.abc import Iterable
from typing import IO, Any

import click

from glossary.errors import InputError

STDOUT = "<stdout>"


def color_enabled(stream: IO[str] | None = None) -> bool:
    """Colour only on a terminal and never with NO_COLOR set to anything but the empty
    string (https://no-color.org)."""
    stream = stream or sys.stdout
    return not os.environ.get("NO_COLOR") and stream.isatty()


def echo(text: str = "", nl: bool = True) -> None:
    """Data to standard output; a full or closed device, or an encoding that cannot hold the
    text, is an input/output error with a message (exit 2), not a traceback."""
    try:
        click.echo(text, nl=nl)
    except OSError as exc:
        raise output_failed(exc) from None
    except UnicodeEncodeError as exc:  # PYTHONIOENCODING=latin-1: no Cyrillic, and no garbage
        raise InputError(f"cannot write U+{ord(exc.object[exc.start]):04X}: the output encoding "
                         f"{exc.encoding} cannot hold it (PYTHONIOENCODING or the locale)",
                         path=STDOUT) from None


def write_binary(data: bytes) -> None:
    """Bytes (a workbook) to standard output, with the same error handling as `echo`."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as exc:
        raise output_failed(exc) from None


def flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except OSError as exc:
        raise output_failed(exc) from None


def output_failed(exc: OSError) -> InputError | BrokenPipeError:
    """The error to raise when standard output cannot be written. Standard output is pointed
    at /dev/null first, so the interpreter's own flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, TypeError):
        pass  # not a real file (a test runner's buffer): nothing is flushed at exit
    if isinstance(exc, BrokenPipeError):
        return exc
    return InputError(f"cannot write: {exc.strerror or exc}", path=STDOUT)


class ClosedStream(io.TextIOBase):
    """Standard input or output the process was started without (`glossary … >&-`): Python
    leaves it None, and each use would be a traceback. This one fails as the closed
    descriptor does, its binary side too, so reading or writing it is the usual message."""

    def __init__(self, name: str):
        self._name = name

    @property
    def buffer(self) -> ClosedStream:
        return self

    def _closed(self) -> OSError:
        return OSError(errno.EBADF, os.strerror(errno.EBADF), self._name)

    def read(self, size: int | None = -1) -> Any:  # text, or bytes as `buffer`
        raise self._closed()

    def readline(self, size: int | None = -1) -> Any:
        raise self._closed()

    def write(self, text: Any) -> int:
        raise self._closed()


def stand_in_for_closed_streams() -> None:
    """Give a closed standard stream its stand-in; a closed stderr just loses the messages
    (nobody is there to read them, and the exit status still tells the outcome)."""
    if sys.stdin is None:
        sys.stdin = ClosedStream("<stdin>")
    if sys.stdout is None:
        sys.stdout = ClosedStream(STDOUT)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")


def print_json(data: Any) -> None:
    echo(json.dumps(data, ensure_ascii=False, indent=2))


def message(text: str) -> None:
    """A message for people, on standard error."""
    click.echo(text, err=True)


def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 unit`, `2 units`, `0 units`.

    >>> plural(1, "unit"), plural(3, "entry", "entries")
    ('1 unit', '3 entries')
    """
    return f"{n} {word if n == 1 else many or word + 's'}"


def style(text: str, enabled: bool, **kwargs: Any) -> str:
    return click.style(text, **kwargs) if enabled else text


def highlight(text: str, spans: Iterable[tuple[int, int]], colour: bool,
              **style_kwargs: Any) -> str:
    """Text with spans marked: coloured on a terminal, else between ⟦ and ⟧ (the report's
    span helper merges overlapping spans)."""
    from glossary.check.render.spans import pieces

    return "".join((click.style(piece, **style_kwargs) if colour else f"⟦{piece}⟧") if marked
                   else piece for piece, marked in pieces(text, spans, limit=len(text) + 1))


def describe_skips(skipped: Iterable[tuple[int | None, str]], shown: int = 5) -> list[str]:
    """One line per reason the reader passed units over, most frequent first, with the
    first few lines where it happened.

    >>> describe_skips([(4, "fuzzy"), (9, "fuzzy"), (None, "obsolete")])
    ['Skipped 2 units: fuzzy (line 4, 9).', 'Skipped 1 unit: obsolete.']
    """
    lines: dict[str, list[int | None]] = {}
    for line, reason in skipped:
        lines.setdefault(reason, []).append(line)
    out = []
    for reason, where in sorted(lines.items(), key=lambda item: -len(item[1])):
        known = [str(x) for x in where if x is not None]
        at = f" (line {', '.join(known[:shown])}{' …' if len(known) > shown else ''})" if known else ""
        out.append(f"Skipped {plural(len(where), 'unit')}: {reason.rstrip('.')}{at}.")
    return out
