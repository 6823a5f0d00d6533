"""One exception tree for the library; the CLI turns these into messages and exit codes."""
from __future__ import annotations

from pathlib import Path


class GlossaryError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(GlossaryError):
    """Bad input: a file we cannot read or parse. Carries where and what.

    >>> str(InputError("bad header", path="terms.tsv", line=1))
    'terms.tsv:1: bad header'
    """

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.message}" if where else self.message


class ValidationError(GlossaryError):
    """A glossary that loads but breaks the rules; `problems` lists every InputError found."""

    def __init__(self, problems: list[InputError]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class DecodingWarning(UserWarning):
    """A file was read, but not quite as it is: bad bytes replaced, or an encoding guessed.
    The message starts with `file:line:`; the CLI shows it on stderr."""
