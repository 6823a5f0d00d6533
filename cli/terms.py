"""Reading the glossary: lookup, variants, translit, export, validate."""
from __future__ import annotations

import json
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from glossary.errors import GlossaryError
from glossary.model import Glossary

from .options import (batch_lines, format_option, glossary_option, no_cache_option,
                      output_option, refuse_overwriting, tm_option)
from .output import color_enabled, echo, flush_stdout, message, plural, print_json, style

# glossary.translit.SCHEMES, spelled out so that --help does not load the packs.
TRANSLIT_SCHEMES = ("bgn-pcgn", "iso9", "ala-lc", "scholarly", "gost-b", "icao", "default")

if TYPE_CHECKING:
    from glossary.cache import Compiled
    from glossary.lookup import Hit, Lookup


def load_glossary(paths: tuple[Path, ...], split_lists: bool | None = None,
                  report: bool = False) -> Glossary:
    """The glossaries named (stacked, the first winning; the shipped one when none),
    validated; a user's glossary has its cells read (lists, brackets: see report_cells),
    said on stderr when `report`."""
    from glossary import load
    from glossary.errors import ValidationError

    try:
        glossary = load(list(paths) or None)
    except ValidationError as error:
        glossary = without_pending(paths, error, report)
    return report_cells(glossary, split_lists, report) if paths else glossary


def without_pending(paths: tuple[Path, ...], error: Any, report: bool) -> Glossary:
    """A user's glossary whose only problems are entries not translated yet, read without
    them (glossary.pending), each named on stderr when `report`; any other problem is
    raised."""
    from glossary.pending import load_without_pending, only_pending

    if not paths or not only_pending(error):
        raise error
    glossary, left_out = load_without_pending(paths)
    for note in left_out[:_SHOWN_CELLS] if report else ():
        message(str(note))
    if report and len(left_out) > _SHOWN_CELLS:
        message(f"… and {len(left_out) - _SHOWN_CELLS} more entries without a term")
    return glossary


def cells_mode(split_lists: bool | None) -> str:
    """--split-lists (True), --keep-cells (False) or neither (None) as a lists.read_cells mode."""
    from glossary.lists import AUTO, KEEP, SPLIT

    return AUTO if split_lists is None else SPLIT if split_lists else KEEP


def report_cells(glossary: Glossary, split_lists: bool | None, report: bool = True) -> Glossary:
    """Read a user's glossary cells as glossary.lists says (lists of alternatives,
    optional parts, abbreviations, labels in brackets) and, when `report` (check does;
    lookup and the TM commands read silently), tell on stderr what was made of each, and
    of the list-looking cells left whole."""
    from glossary.lists import KEEP, LIST, read_cells

    mode = cells_mode(split_lists)
    read, found = read_cells(glossary, mode)
    if not report:
        return read
    for cell in found[:_SHOWN_CELLS]:
        message(describe_cell(glossary.path, cell, mode))
    if len(found) > _SHOWN_CELLS:
        message(f"… and {len(found) - _SHOWN_CELLS} more cells like these")
    kept = [c for c in found if not c.applied]
    if kept and mode != KEEP and any(LIST in c.shapes for c in kept):
        message("(--split-lists splits every list-looking cell; --keep-cells reads every "
                "cell as written)")
    elif found and mode != KEEP:
        message("(--keep-cells reads every cell as written)")
    return read


def describe_cell(path: str | None, cell: Any, mode: str) -> str:
    """One line of report_cells: where the cell is, what it looks like, how it is read."""
    from glossary.lists import LIST

    where = f"{path}:{cell.line}: " if cell.line else f"{path}: "
    shapes = " and ".join(s if s != LIST else "a list of alternatives" for s in cell.shapes)
    forms = " | ".join(cell.forms)
    labels = f", label(s) {'; '.join(cell.labels)} to the note" if cell.labels else ""
    if cell.applied:
        how = f"read as {forms}{labels}"
    elif mode == "keep":
        how = "kept as written (--keep-cells)"
    else:
        how = f"kept whole (not surely a list; --split-lists reads {forms})"
    return f"{where}{cell.term_id}: {cell.column} {cell.form!r}: {shapes}; {how}"


_SHOWN_CELLS = 10


def compile_glossary(paths: tuple[Path, ...], no_cache: bool = False,
                     split_lists: bool | None = None, report: bool = False) -> Compiled:
    """The glossary with its compiled matcher, from the cache unless `no_cache`; a user's
    glossary has its cells read (report_cells; said on stderr when `report`) before it is
    compiled, and the read glossary's matcher is cached under a key of its own."""
    from glossary.cache import Compiled, Store, load_compiled
    from glossary.errors import ValidationError
    from glossary.matcher import Matcher

    def read(glossary: Glossary) -> Glossary:
        return report_cells(glossary, split_lists, report)

    try:
        return load_compiled(list(paths), use_cache=not no_cache, read=read if paths else None,
                             variant=f"cells-{cells_mode(split_lists)}")
    except ValidationError as error:  # entries not translated yet: left out, uncached
        pending = read(without_pending(paths, error, report))
        return Compiled(pending, Matcher(pending), Store("", None))


def describe_renderings(renderings: dict[str, int]) -> str:
    shown = ", ".join(f"{form or '(no glossary form)'} ×{n}" for form, n in renderings.items())
    return shown or "no unit contains it"


@click.command()
@click.argument("query", nargs=-1)
@glossary_option
@format_option(("text", "json", "tsv"))
@tm_option("Also show how the term was rendered in this translation memory.")
@click.option("--batch", type=click.File("rb"), metavar="FILE",
              help="Read one query a line from FILE ('-': standard input) and answer each as "
                   "soon as it is read, the glossary loaded once; with --format json, one "
                   "JSON object a line.")
@no_cache_option
def lookup(query: tuple[str, ...], glossary_path: tuple[Path, ...], fmt: str,
           tm_path: Path | None, batch: IO[bytes] | None, no_cache: bool) -> None:
    """Look a term up by any form: inflected, Russian or English, transliterated.

    Shows the preferred and admitted renderings, forbidden ones, kind, note and source,
    and how the query matched (exact, lemma, variant, clipped, run-together,
    transliteration, fuzzy). A clipped compound (спецлагерь, штрафбатом) finds its
    multiword entry. Exit 0 when found, 1 when not (with suggestions), 2 on bad input; with
    --batch, 1 when any query was not found.

    With --batch every input line gets one answer, in order (an empty line an empty one):
    JSON lines {"query": …, "entries": […], "suggestions": […]}; TSV rows with the query
    first; text blocks ending with an empty line.

    Example: glossary lookup заградотрядами

    Example: printf 'штрафбатом\nDevjataev\n' | glossary lookup --batch - --format json
    """
    from glossary.lookup import Lookup

    if batch is not None and query:
        raise click.UsageError("give a QUERY or --batch, not both")
    text = " ".join(query).strip()
    if batch is None and not text:
        raise click.BadParameter("the query is empty", param_hint="QUERY")
    compiled = compile_glossary(glossary_path, no_cache)
    finder = Lookup(compiled.glossary, compiled.matcher, compiled.store)
    with ExitStack() as stack:
        memory = None
        if tm_path:
            from tm import TranslationMemory
            memory = stack.enter_context(TranslationMemory(tm_path, create=False))
        if fmt == "tsv":
            echo("\t".join(["query"] * (batch is not None) +
                           [*compiled.glossary.columns, "matched", "glossary"] +
                           ["tm"] * (memory is not None)))
        if batch is None:
            found = answer(finder, text, fmt, memory, False, len(glossary_path) > 1)
        else:
            found = all([answer(finder, line.strip(), fmt, memory, True, len(glossary_path) > 1)
                         for line in batch_lines(batch)])
    if not found:
        sys.exit(1)


def answer(finder: Lookup, text: str, fmt: str, memory: Any, batch: bool,
           show_origin: bool) -> bool:
    """Print the entries for one query (written out at once); whether there were any.
    `show_origin`: name each entry's glossary in text too (JSON and TSV always do)."""
    hits = finder.find(text) if text else []
    renderings: dict[str, dict[str, int]] = {}
    if memory is not None and hits:
        from tm.precedent import renderings as tm_renderings
        renderings = tm_renderings(memory, finder.matcher, [h.term for h in hits])
    suggestions = finder.suggest(text) if text and not hits else []
    entries = json_entries(hits, renderings) if fmt == "json" else []
    if fmt == "json" and batch:
        echo(json.dumps({"query": text, "entries": entries,
                         "suggestions": [{"form": s.form, "id": s.term_id, "score": s.score}
                                         for s in suggestions]}, ensure_ascii=False))
        return bool(hits)
    if fmt == "json":
        print_json(entries)
    elif fmt == "tsv":
        columns = [*finder.glossary.columns, "matched", "glossary"] + ["tm"] * (memory is not None)
        for h in hits:
            row = {**h.term.to_row(), "matched": h.matched, "glossary": h.term.origin or "",
                   "tm": describe_renderings(renderings.get(h.term.id, {}))}
            echo("\t".join([text] * batch + [row.get(c, "") for c in columns]))
    else:
        colour = color_enabled()
        for h in hits:
            echo(describe_hit(h, colour, renderings.get(h.term.id), show_origin=show_origin))
    if text and not hits:
        text_message = f"No entry for {text!r}."
        if suggestions:
            text_message += " Did you mean: " + ", ".join(
                f"{s.form} ({s.term_id})" for s in suggestions) + "?"
        message(text_message)
    if batch and fmt == "text":
        echo()  # the end of this query's answer
    flush_stdout()
    return bool(hits)


def json_entries(hits: list[Hit], renderings: dict[str, dict[str, int]]) -> list[dict]:
    from glossary.termfiles import json as json_format
    return [{**json_format.entry(h.term), "matched": h.matched, "matched_form": h.form,
             "matched_status": h.status, "tm_renderings": renderings.get(h.term.id),
             "glossary": h.term.origin}
            for h in hits]


def describe_hit(hit: Hit, colour: bool, renderings: dict[str, int] | None,
                 show_origin: bool = False) -> str:
    term = hit.term
    lines = [f"{style(term.ru, colour, bold=True)} → {style(term.en, colour, bold=True, fg='green')}"
             f"  [{term.id} · {term.kind} · {hit.matched}: {hit.text!r} ~ {hit.form!r}"
             f"{' (forbidden)' if hit.status == 'forbidden' else ''}]"]
    for label, values, fg in (("ru variants", term.ru_variants, None),
                              ("en admitted", term.en_variants, None),
                              ("en forbidden", term.en_forbidden, "red"),
                              ("ru forbidden", term.ru_forbidden, "red")):
        if values:
            lines.append(f"  {label}: " + " | ".join(style(v, colour, fg=fg) for v in values))
    if term.note:
        lines.append(f"  note: {term.note}")
    if term.source:
        lines.append(f"  source: {', '.join(term.source)}")
    if renderings is not None:
        lines.append(f"  in the TM: {describe_renderings(renderings)}")
    if show_origin and term.origin:
        lines.append(f"  glossary: {term.origin}")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("term", nargs=-1, required=True)
@glossary_option
@format_option(("text", "json", "list"), "text: a table; list: one form a line, for pasting.")
def variants(term: tuple[str, ...], glossary_path: tuple[Path, ...], fmt: str) -> None:
    """Every inflected form of a term: the Russian case × number paradigm (modifiers agree
    with the head noun, fixed dependents stay), the usual clipped compounds (спецлагерь for
    специальный лагерь; matched in every form without being listed), English plural and
    possessive, and the transliterations of the Russian term in every scheme.

    TERM is any form of a glossary entry, or its id; a phrase not in the glossary is
    inflected as Russian.

    Example: glossary variants фильтрационный лагерь
    """
    from glossary.variants import describe

    found = describe(load_glossary(glossary_path), " ".join(term))
    if fmt == "json":
        print_json(found.as_dict())
        return
    if fmt == "list":
        for text in found.forms():
            echo(text)
        return
    entry = found.term
    echo(found.ru + (f" → {entry.en}  [{entry.id}]" if entry else "  (not in the glossary)"))
    if found.ru_forms:
        echo("\nRussian:")
        for form in found.ru_forms:
            echo(f"  {form.case} {form.number}  {form.text}")
    else:
        echo("\nRussian: not inflected (abbreviation, indeclinable or no head noun)")
    if found.clipped:
        echo("\nClipped:\n" + "\n".join(f"  {f}" for f in found.clipped))
    if found.en_forms:
        echo("\nEnglish:\n" + "\n".join(f"  {f}" for f in found.en_forms))
    echo("\nTransliterations:")
    for scheme, latin in found.transliterations.items():
        echo(f"  {scheme:<10} {latin}")


@click.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--scheme", type=click.Choice([*TRANSLIT_SCHEMES, "all"]), default="bgn-pcgn",
              show_default=True, help="Transliteration scheme; 'all' shows every one.")
@click.option("--reverse", is_flag=True, help="Latin to Cyrillic (best effort; see README).")
@glossary_option
def translit(text: tuple[str, ...], scheme: str, reverse: bool,
             glossary_path: tuple[Path, ...]) -> None:
    """Transliterate Russian into Latin letters (or back with --reverse); TEXT '-' reads
    standard input, line by line.

    BGN/PCGN is the default, as for names in English text; ISO 9, ALA-LC, a scholarly
    scheme, GOST 7.79-2000 System B, ICAO Doc 9303 (passports) and the transliterate
    package's own are there too.

    Example: glossary translit Девятаев --scheme all
    """
    from glossary.textio import decode
    from glossary.translit import SCHEMES, to_cyrillic, to_latin

    # Standard input decoded as files are (a BOM, cp1251 Russian; bad bytes said), not by
    # the locale, which may turn them into garbage or a traceback.
    value = decode(sys.stdin.buffer.read(), "-") if text == ("-",) else " ".join(text)
    convert = to_cyrillic if reverse else to_latin
    if scheme == "all":
        for line in value.splitlines() or [""]:  # every scheme of each line, line after line
            for name in SCHEMES:
                echo(f"{name:<10} {convert(line, name)}")
    else:
        echo(convert(value, scheme), nl=not value.endswith("\n"))


@click.command()
@format_option(("tsv", "omegat", "csv", "tbx", "json", "po"), "Output format.")
@click.option("--to", "direction", type=click.Choice(["ru-en", "en-ru"]), default="ru-en",
              show_default=True, help="Direction, for formats with a source and a target side.")
@click.option("--with-forms", is_flag=True,
              help="Add the inflected forms of the source-language terms, each mapped to the "
                   "preferred rendering and marked as a form, for tools without morphology.")
@output_option()
@glossary_option
def export(fmt: str, direction: str, with_forms: bool, output: Path | None,
           glossary_path: tuple[Path, ...]) -> None:
    """Export the glossary: terms.tsv format, OmegaT glossary, CSV, TBX-Basic or JSON.

    Example: glossary export --format tbx -o glossary.tbx
    """
    from glossary import load, termfiles
    from glossary.textio import write_atomic
    from glossary.variants import with_forms as add_forms

    refuse_overwriting(output, "-o", (("glossary", g) for g in glossary_path))
    glossary = load(list(glossary_path) or None)  # cells as written: export rewrites none
    if with_forms:
        glossary = add_forms(glossary, direction)
    text = termfiles.dumps(glossary, fmt, direction)
    if output:
        if termfiles.is_installed_copy(output):
            raise GlossaryError(f"{output}: {termfiles.SHIPPED_READ_ONLY}")
        write_atomic(output, text)
        message(f"Wrote {plural(len(glossary), 'entry', 'entries')} to {output}")
    else:
        echo(text, nl=False)


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@glossary_option
@format_option()
def validate(file: Path | None, glossary_path: tuple[Path, ...], fmt: str) -> None:
    """Check a glossary: columns, duplicate ids, empty ru/en, a forbidden form equal to an
    approved one of the same concept, an unknown match mode. Exit 1 on problems. A form
    that several concepts share (senses: Строка as Row and as Line) is noted on stderr,
    not a problem. Without FILE, every glossary named by --glossary or $GLOSSARY_FILE is
    checked.

    Example: glossary validate terms.tsv
    """
    from glossary import termfiles
    from glossary.validate import notes, problems, shipped_path

    paths = [file] if file else list(glossary_path) or [shipped_path()]
    found, summaries = [], []
    for path in paths:
        glossary = termfiles.read(path)
        mine = problems(glossary)
        found += mine
        for note in notes(glossary):
            message(f"note: {note}")
        summaries.append(f"{path}: {len(glossary)} entries, {len(mine)} problem(s)")
    if fmt == "json":
        print_json([{"path": p.path, "line": p.line, "message": p.message} for p in found])
    for problem in found if fmt == "text" else ():
        echo(str(problem))
    for summary in summaries:  # after the data: a full stdout is reported before them
        message(summary)
    sys.exit(1 if found else 0)
