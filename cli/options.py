"""Options shared by several commands, each defined once."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

import click

from glossary.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])

TM_ENV = "GLOSSARY_TM"
GLOSSARY_ENV = "GLOSSARY_FILE"
FORMAT_HELP = "Output format: text for people, json for programs."


def glossary_option(func: F) -> F:
    """--glossary PATH on every command, repeatable, honouring $GLOSSARY_FILE (several paths
    separated by os.pathsep); the value is a tuple of paths, empty for the shipped glossary."""
    return click.option(
        "--glossary", "glossary_path", multiple=True, envvar=GLOSSARY_ENV, show_envvar=True,
        type=click.Path(dir_okay=False, path_type=Path), callback=_non_empty_paths,
        help="Glossary file: terms.tsv, OmegaT TSV, CSV, TBX, JSON or PO (default: the shipped "
             "terms.tsv, read-only). Repeat it to stack glossaries, the first winning (a "
             f"project glossary over a domain one); ${GLOSSARY_ENV} may list several, "
             f"separated by '{os.pathsep}'. Commands that change a glossary write the "
             "first.")(func)


def _non_empty_paths(ctx: click.Context, param: click.Parameter,
                     value: tuple[Path, ...]) -> tuple[Path, ...]:
    """The paths without the empty ones a stray separator in $GLOSSARY_FILE makes. An empty
    --glossary on the command line (`--glossary "$UNSET"`) is a usage error: read as no
    path, it would check against the shipped glossary without a word."""
    kept = tuple(p for p in value if str(p) not in ("", "."))
    if len(kept) < len(value) and param.name is not None and \
            ctx.get_parameter_source(param.name) == click.core.ParameterSource.COMMANDLINE:
        raise click.BadParameter("an empty path; name a glossary file, or leave the option "
                                 "out for the shipped glossary")
    return kept


def no_cache_option(func: F) -> F:
    """--no-cache: compile the glossary afresh, neither reading nor writing the cache."""
    return click.option(
        "--no-cache", is_flag=True,
        help="Compile the glossary afresh; do not read or write the compiled-glossary cache "
             "($GLOSSARY_CACHE_DIR, else the user cache directory).")(func)


def jobs_option(what: str) -> Callable[[F], F]:
    """--jobs N for commands that can share large inputs between processes."""
    return click.option(
        "-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
        help=f"Processes to {what} with; 0: one per idle CPU (up to 4) for large inputs, "
             "else one. The result is the same for any number.")


def tm_option(help: str = "Translation memory file (default: `glossary tm info` shows it).",
              ) -> Callable[[F], F]:
    """--tm PATH, honouring $GLOSSARY_TM wherever a TM is read (lookup, check, tm …)."""
    return click.option("--tm", "tm_path", type=click.Path(dir_okay=False, path_type=Path),
                        envvar=TM_ENV, show_envvar=True, help=help)


def format_option(choices: tuple[str, ...] = ("text", "json"), help: str = FORMAT_HELP,
                  ) -> Callable[[F], F]:
    return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0],
                        show_default=True, help=help)


def output_option(help: str = "Write to this file (atomically) instead of standard output.",
                  ) -> Callable[[F], F]:
    return click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                        help=help)


def refuse_overwriting(output: Path | None, option: str,
                       inputs: Iterable[tuple[str, Path | None]]) -> None:
    """A usage error (exit 2) when an output option names one of the command's own inputs:
    the report would replace the draft, the export the glossary or the TM it was made from.
    A device (-o /dev/null) is written into, never replaced, so it may be both."""
    if output is None or not output.is_file():
        return
    for what, path in inputs:
        if path is not None and path.is_file() and output.samefile(path):
            raise click.BadParameter(f"{output} is the {what}: writing there would replace "
                                     "it; give another file", param_hint=f"'{option}'")


def batch_lines(stream: IO[bytes]) -> Iterator[str]:
    """The lines of a --batch file or standard input, each as soon as it is read, without
    its line end. Decoded line by line, so that a line that is not UTF-8 stops the command
    naming that line (exit 2), not with a traceback some lines on."""
    name = getattr(stream, "name", "-")
    for number, raw in enumerate(stream, start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 (byte {raw[exc.start]:#04x}); save it as UTF-8",
                             path=name, line=number) from None
        yield line.rstrip("\r\n")


def split_lists_option(func: F) -> F:
    """--split-lists / --keep-cells, for commands that read a third-party glossary."""
    return click.option(
        "--split-lists/--keep-cells", "split_lists", default=None,
        help="How glossary cells holding several forms are read. By default an optional "
             "part is read (`снимок (данных)`: снимок данных, снимок), an abbreviation in "
             "brackets is a form of its own, a label in brackets goes to the note, and a "
             "cell that surely lists alternatives (`имя, идентификатор` for one English "
             "term) is split, the first preferred; each such cell is reported. "
             "--split-lists splits every list-looking cell; --keep-cells reads every cell "
             "as written.")(func)


def lang_options(func: F) -> F:
    """--from/--source-lang and --to/--target-lang, for the commands that read or filter
    bilingual files (they override what a file says, and what its text looks like)."""
    func = click.option("--to", "--target-lang", "target_lang", metavar="CODE",
                        help="Target language (ru, en, en-GB …).")(func)
    return click.option("--from", "--source-lang", "source_lang", metavar="CODE",
                        help="Source language (ru, en, ru-RU …).")(func)


def term_options(func: F) -> F:
    """The fields of an entry as options, shared by add and edit."""
    options = [
        click.option("--ru", help="Preferred Russian term, dictionary form."),
        click.option("--en", help="Preferred English rendering."),
        click.option("--ru-variants", help="Other Russian forms, separated by ' | '."),
        click.option("--en-variants", help="Admitted English renderings, ' | '-separated."),
        click.option("--en-forbidden", help="English renderings not to use, ' | '-separated."),
        click.option("--ru-forbidden", help="Russian forms not to use, ' | '-separated."),
        click.option("--kind", help="term, name, abbreviation, organisation, rank, place…"),
        click.option("--note", help="Usage note."),
        click.option("--source", help="Where the term comes from, ' | '-separated."),
        click.option("--match", type=click.Choice(["lemma", "case", "exact"]),
                     help="How its forms are found: lemma (any inflected form, any case; the "
                          "default), case (inflected, letter case as written), exact (only "
                          "the listed forms, as written)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func
