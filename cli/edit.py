"""Changing the glossary: import, add, edit (each validated, then written atomically)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .options import glossary_option, split_lists_option, term_options
from .output import echo, message
from .terms import load_glossary, report_lists


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--on-conflict", type=click.Choice(["keep", "replace", "merge"]), default="keep",
              show_default=True,
              help="For an entry that differs: keep ours, replace with theirs, or merge lists.")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@split_lists_option
@glossary_option
def import_(file: Path, on_conflict: str, dry_run: bool, split_lists: bool,
            glossary_path: Path | None) -> None:
    """Merge a glossary file (TSV, CSV, TBX, OmegaT, JSON) into the glossary, with a
    conflict report. The result is validated before it is written, atomically.
    Cells that look like lists of alternatives (`Configure, configuring`) are reported;
    --split-lists imports each part as a form of its own.
    Exit 1 when conflicts were left unresolved (--on-conflict keep).

    Example: glossary import colleague.tbx --glossary terms.tsv --on-conflict merge
    """
    from glossary import termfiles
    from glossary.edit import merge, save

    glossary = load_glossary(glossary_path)
    incoming = report_lists(termfiles.read(file), split_lists)
    merged, report = merge(glossary, incoming, on_conflict)
    save(merged, glossary_path, dry_run=dry_run)
    for label, ids in (("added", report.added), ("unchanged", report.unchanged),
                       ("replaced", report.replaced), ("merged", report.merged)):
        echo(f"{label}: {len(ids)}")
    for term_id, column, ours, theirs in report.conflicts:
        echo(f"conflict: {term_id}: {column}: ours {ours!r} / theirs {theirs!r}")
    if report.conflicts and on_conflict == "keep":
        sys.exit(1)


@click.command()
@click.option("--id", "term_id", help="Stable id (default: made from the English term).")
@term_options
@glossary_option
def add(term_id: str | None, glossary_path: Path | None, **values: Any) -> None:
    """Add one entry; the glossary is validated and written atomically.

    Example: glossary add --ru "штурмовой батальон" --en "assault battalion" --kind term
    """
    from glossary.edit import add as add_term
    from glossary.edit import parse_fields, save
    from glossary.model import Term
    from glossary.termfiles.tsv import slug

    changes = parse_fields(values)
    if not changes.get("ru") or not changes.get("en"):
        raise click.UsageError("--ru and --en are required")
    term = Term(id=term_id or slug(str(changes["en"])), **changes)  # type: ignore[arg-type]
    save(add_term(load_glossary(glossary_path), term), glossary_path)
    message(f"added {term.id}")


@click.command()
@click.argument("term_id")
@term_options
@glossary_option
def edit(term_id: str, glossary_path: Path | None, **values: Any) -> None:
    """Change fields of one entry (options not given stay as they are); validated and
    written atomically.

    Example: glossary edit blocking-detachment --en-variants "barrier troops | blocking unit"
    """
    from glossary.edit import edit as edit_term
    from glossary.edit import parse_fields, save

    changes = parse_fields(values)
    if not changes:
        raise click.UsageError("nothing to change: give at least one field option")
    save(edit_term(load_glossary(glossary_path), term_id, **changes), glossary_path)
    message(f"edited {term_id}")
