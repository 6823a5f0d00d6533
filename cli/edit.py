"""Changing the glossary: import, add, edit (each under a lock, validated, then written safely).

The shipped glossary is read-only: these commands write the first --glossary (or the first
path of $GLOSSARY_FILE) and refuse to run without one.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .options import GLOSSARY_ENV, glossary_option, split_lists_option, term_options
from .output import echo, message
from .terms import cells_mode, describe_cell

NO_TARGET = ("which glossary? The shipped one is read-only (an upgrade would discard your "
             "changes). Start your own, e.g. `glossary export -o my.tsv`, then give "
             f"--glossary my.tsv or set {GLOSSARY_ENV}=my.tsv")


def write_target(paths: tuple[Path, ...]) -> Path:
    """The glossary a command changes: the first one named."""
    from glossary.errors import GlossaryError

    if not paths:
        raise GlossaryError(NO_TARGET)
    return paths[0]


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--on-conflict", type=click.Choice(["keep", "replace", "merge"]), default="keep",
              show_default=True,
              help="For an entry that differs: keep ours, replace with theirs (only the "
                   "columns FILE has), or merge (union the lists, keep both notes).")
@click.option("--dry-run", is_flag=True,
              help="Print what would change, field by field; write nothing.")
@click.option("--skip-invalid", is_flag=True,
              help="Import the good entries, list the bad ones (exit 1) instead of stopping.")
@split_lists_option
@glossary_option
def import_(file: Path, on_conflict: str, dry_run: bool, skip_invalid: bool,
            split_lists: bool | None,
            glossary_path: tuple[Path, ...]) -> None:
    """Merge a glossary file (TSV, CSV, TBX, OmegaT, JSON, PO) into your glossary, with a
    conflict report. A column FILE lacks leaves yours unchanged. The result is validated
    before it is written; errors cite FILE's line. Exit 1 when conflicts were left
    unresolved (--on-conflict keep) or entries were skipped (--skip-invalid).
    Cells holding several forms — lists of alternatives (`имя, идентификатор`),
    optional parts (`снимок (данных)`), abbreviations and labels in brackets — are
    reported with how check and lookup read them, and written as they are: the user's
    cell is never rewritten, except that --split-lists writes each part of a list-looking
    cell as a form of its own (the first preferred). A row with no term in one language is
    an error (--skip-invalid leaves it out).

    Example: glossary import colleague.tbx --glossary terms.tsv --on-conflict merge --dry-run
    """
    from glossary import termfiles
    from glossary.edit import MergeReport, empty, import_glossary, refuse_foreign, update
    from glossary.errors import InputError

    target = write_target(glossary_path)
    rejected: list[InputError] | None = [] if skip_invalid else None
    # Refused before its cells are reported (import_glossary would refuse it after).
    incoming = import_cells(refuse_foreign(termfiles.read(file, skip=rejected)), split_lists)
    reports: list[MergeReport] = []

    def change(glossary):  # type: ignore[no-untyped-def]
        merged, report = import_glossary(glossary, incoming, on_conflict, skip_invalid, rejected)
        reports.append(report)
        return merged

    if dry_run:
        from glossary import load
        change(load(target) if target.exists() else empty(target))
    else:
        update(target, change, create=True)
    report = reports[-1]
    for label, ids in (("added", report.added), ("unchanged", report.unchanged),
                       ("replaced", report.replaced), ("merged", report.merged),
                       ("kept", report.kept)):
        echo(f"{label}: {len(ids)}")
    if dry_run:
        echo_changes(report)
    else:
        for term_id, column, ours, theirs in report.conflicts:
            echo(f"conflict: {term_id}: {column}: ours {ours!r} / theirs {theirs!r}")
    for problem in report.rejected:
        message(f"skipped: {problem}")
    if dry_run:
        message(f"dry run: {target} not changed")
    if report.rejected or (report.conflicts and on_conflict == "keep"):
        sys.exit(1)


def import_cells(incoming: Any, split_lists: bool | None) -> Any:
    """Report how the incoming glossary's cells are read (as check reads them); split its
    lists for writing when --split-lists, and write everything else as it is."""
    from glossary.lists import SPLIT, read_cells

    mode = cells_mode(split_lists)
    _, found = read_cells(incoming, mode)
    for cell in found:
        message(describe_cell(incoming.path, cell, mode))
    if found:
        message("(written as they are; check and lookup read them as said. --split-lists "
                "writes list cells as separate forms; --keep-cells reads every cell as "
                "written)")
    return read_cells(incoming, SPLIT, brackets_too=False)[0] if mode == SPLIT else incoming


def echo_changes(report: Any) -> None:
    """The per-field diff: `+ id` for a new entry, `~ id` for a changed one, then
    `    column: 'before' → 'after'`; then the conflicts left as they are (every one of an
    entry kept as ours, even one the same file added a row before)."""
    current = None
    added = set(report.added)
    for term_id, column, before, after in report.changes:
        if term_id != current:
            echo(f"{'+' if term_id in added else '~'} {term_id}")
            current = term_id
        echo(f"    {column}: {before!r} → {after!r}")
    for term_id, column, ours, theirs in report.unresolved:
        echo(f"= {term_id} (kept)\n    {column}: ours {ours!r} / theirs {theirs!r}")


@click.command()
@click.option("--id", "term_id", help="Stable id (default: made from the English term).")
@term_options
@glossary_option
def add(term_id: str | None, glossary_path: tuple[Path, ...], **values: Any) -> None:
    """Add one entry to your glossary (the first --glossary, created if missing); it is
    validated and written under a lock, so two at once lose nothing.

    Example: glossary add --glossary my.tsv --ru "полевая почта" --en "field post"
    """
    from glossary.edit import add as add_term
    from glossary.edit import parse_fields, update
    from glossary.model import Term
    from glossary.termfiles.tsv import slug

    target = write_target(glossary_path)
    changes = parse_fields(values)
    if not changes.get("ru") or not changes.get("en"):
        raise click.UsageError("--ru and --en are required")
    term = Term(id=term_id or slug(str(changes["en"])), **changes)  # type: ignore[arg-type]
    update(target, lambda g: add_term(g, term), create=True)
    message(f"added {term.id} to {target}")


@click.command()
@click.argument("term_id")
@term_options
@glossary_option
def edit(term_id: str, glossary_path: tuple[Path, ...], **values: Any) -> None:
    """Change fields of one entry of your glossary (options not given stay as they are);
    validated and written under a lock.

    Example: glossary edit blocking-detachment --glossary my.tsv --en-variants "barrier troops | blocking unit"
    """
    from glossary import Glossary, GlossaryError, load
    from glossary.edit import edit as edit_term
    from glossary.edit import parse_fields, update

    target = write_target(glossary_path)
    changes = parse_fields(values)
    if not changes:
        raise click.UsageError("nothing to change: give at least one field option")
    def change(glossary: Glossary) -> Glossary:
        if term_id not in glossary.by_id():
            elsewhere = [p for p in glossary_path[1:] if term_id in load(p).by_id()]
            if elsewhere:  # stacked glossaries: say where the entry is
                raise GlossaryError(f"{target}: no entry with id {term_id!r}; it is in "
                                    f"{elsewhere[0]} (edit changes the first --glossary)")
        return edit_term(glossary, term_id, **changes)

    update(target, change)
    message(f"edited {term_id} in {target}")
