"""Every command of the `glossary` group, found by walking it (never listed by hand)."""
from __future__ import annotations

from collections.abc import Iterator

import click

from cli import main


def walk(group: click.Group = main, prefix: tuple[str, ...] = ()
         ) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """(path, command) for every command and subcommand, groups included."""
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from walk(command, (*prefix, name))


def paths() -> list[tuple[str, ...]]:
    return [path for path, _command in walk()]


def taking_output() -> set[tuple[str, ...]]:
    """The commands with an -o option (a file they write)."""
    return {path for path, command in walk()
            if any("-o" in param.opts for param in command.params)}
