"""Reading the glossary: lookup, variants, translit, export, validate."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from glossary.errors import GlossaryError
from glossary.model import Glossary

from .options import format_option, glossary_option, output_option, tm_option
from .output import color_enabled, echo, message, plural, print_json, style

if TYPE_CHECKING:
    from glossary.lookup import Hit


def load_glossary(path: Path | None) -> Glossary:
    from glossary import load
    return load(path)


def describe_renderings(renderings: dict[str, int]) -> str:
    shown = ", ".join(f"{form or '(no glossary form)'} ×{n}" for form, n in renderings.items())
    return shown or "no unit contains it"


@click.command()
@click.argument("query", nargs=-1, required=True)
@glossary_option
@format_option(("text", "json", "tsv"))
@tm_option("Also show how the term was rendered in this translation memory.")
def lookup(query: tuple[str, ...], glossary_path: Path | None, fmt: str,
           tm_path: Path | None) -> None:
    """Look a term up by any form: inflected, Russian or English, transliterated.

    Shows the preferred and admitted renderings, forbidden ones, kind, note and source,
    and how the query matched (exact, lemma, variant, run-together, transliteration,
    fuzzy). Exit 0 when found, 1 when not (with suggestions), 2 on bad input.

    Example: glossary lookup заградотрядами
    """
    from glossary.lookup import Lookup
    from glossary.termfiles import json as json_format

    text = " ".join(query).strip()
    if not text:
        raise click.BadParameter("the query is empty", param_hint="QUERY")
    glossary = load_glossary(glossary_path)
    finder = Lookup(glossary)
    hits = finder.find(text)
    renderings: dict[str, dict[str, int]] = {}
    if tm_path:
        from tm import TranslationMemory
        from tm.precedent import renderings as tm_renderings

        with TranslationMemory(tm_path, create=False) as memory:
            renderings = tm_renderings(memory, finder.matcher, [h.term for h in hits])
    if fmt == "json":
        print_json([{**json_format.entry(h.term), "matched": h.matched, "matched_form": h.form,
                     "matched_status": h.status, "tm_renderings": renderings.get(h.term.id)}
                    for h in hits])
    elif fmt == "tsv":
        columns = [*glossary.columns, "matched"]
        echo("\t".join(columns))
        for h in hits:
            row = {**h.term.to_row(), "matched": h.matched}
            echo("\t".join(row.get(c, "") for c in columns))
    else:
        colour = color_enabled()
        for h in hits:
            echo(describe_hit(h, colour, renderings.get(h.term.id)))
    if not hits:
        suggestions = finder.suggest(text)
        text_message = f"No entry for {text!r}."
        if suggestions:
            text_message += " Did you mean: " + ", ".join(
                f"{s.form} ({s.term_id})" for s in suggestions) + "?"
        message(text_message)
        sys.exit(1)


def describe_hit(hit: Hit, colour: bool, renderings: dict[str, int] | None) -> str:
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
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("term", nargs=-1, required=True)
@glossary_option
@format_option(("text", "json", "list"), "text: a table; list: one form a line, for pasting.")
def variants(term: tuple[str, ...], glossary_path: Path | None, fmt: str) -> None:
    """Every inflected form of a term: the Russian case × number paradigm (modifiers agree
    with the head noun, fixed dependents stay), English plural and possessive, and the
    transliterations of the Russian term in every scheme.

    TERM is any form of a glossary entry, or its id; a phrase not in the glossary is
    inflected as Russian.

    Example: glossary variants фильтрационный лагерь
    """
    from glossary.lookup import Lookup
    from glossary.translit import SCHEMES, to_latin
    from glossary.variants import english_forms, paradigm

    text = " ".join(term).strip()
    glossary = load_glossary(glossary_path)
    entry = glossary.by_id().get(text)
    if entry is None:
        hits = Lookup(glossary).find(text)
        entry = hits[0].term if hits else None
    ru = entry.ru if entry else text
    kind = entry.kind if entry else "term"
    ru_forms = [(f.case, f.number, f.text) for form in (entry.approved("ru") if entry else (ru,))
                for f in paradigm(form, kind)]
    en_forms = [f for form in (entry.approved("en") if entry else ()) for f in english_forms(form, kind)]
    translits = {scheme: to_latin(ru, scheme) for scheme in SCHEMES}
    if fmt == "json":
        print_json({"id": entry.id if entry else None, "ru": ru, "en": entry.en if entry else None,
                    "ru_forms": [{"case": c, "number": n, "form": f} for c, n, f in ru_forms],
                    "en_forms": en_forms, "transliterations": translits})
        return
    if fmt == "list":
        for form in dict.fromkeys([f for _, _, f in ru_forms] + en_forms):
            echo(form)
        return
    echo(f"{ru}" + (f" → {entry.en}  [{entry.id}]" if entry else "  (not in the glossary)"))
    if ru_forms:
        echo("\nRussian:")
        for case, number, form in ru_forms:
            echo(f"  {case} {number}  {form}")
    else:
        echo("\nRussian: not inflected (abbreviation, indeclinable or no head noun)")
    if en_forms:
        echo("\nEnglish:\n" + "\n".join(f"  {f}" for f in en_forms))
    echo("\nTransliterations:")
    for scheme, latin in translits.items():
        echo(f"  {scheme:<10} {latin}")


@click.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--scheme", type=click.Choice(["bgn-pcgn", "iso9", "ala-lc", "scholarly",
                                             "default", "all"]), default="bgn-pcgn",
              show_default=True, help="Transliteration scheme; 'all' shows every one.")
@click.option("--reverse", is_flag=True, help="Latin to Cyrillic (where the scheme allows).")
@glossary_option
def translit(text: tuple[str, ...], scheme: str, reverse: bool,
             glossary_path: Path | None) -> None:
    """Transliterate Russian into Latin letters (or back with --reverse).

    BGN/PCGN is the default, as for names in English text; ISO 9, ALA-LC, a scholarly
    scheme and the transliterate package's own are there too.

    Example: glossary translit Девятаев --scheme all
    """
    from glossary.translit import SCHEMES, to_cyrillic, to_latin

    value = " ".join(text)
    convert = to_cyrillic if reverse else to_latin
    if scheme == "all":
        for name in SCHEMES:
            try:
                echo(f"{name:<10} {convert(value, name)}")
            except GlossaryError as exc:
                echo(f"{name:<10} ({exc})")
    else:
        echo(convert(value, scheme))


@click.command()
@format_option(("tsv", "omegat", "csv", "tbx", "json"), "Output format.")
@click.option("--to", "direction", type=click.Choice(["ru-en", "en-ru"]), default="ru-en",
              show_default=True, help="Direction, for formats with a source and a target side.")
@click.option("--with-forms", is_flag=True,
              help="Add every inflected form as a variant, for tools without morphology.")
@output_option()
@glossary_option
def export(fmt: str, direction: str, with_forms: bool, output: Path | None,
           glossary_path: Path | None) -> None:
    """Export the glossary: terms.tsv format, OmegaT glossary, CSV, TBX-Basic or JSON.

    Example: glossary export --format tbx -o glossary.tbx
    """
    from glossary import termfiles
    from glossary.textio import write_atomic
    from glossary.variants import with_forms as add_forms

    glossary = load_glossary(glossary_path)
    if with_forms:
        glossary = add_forms(glossary)
    text = termfiles.dumps(glossary, fmt, direction)
    if output:
        write_atomic(output, text)
        message(f"Wrote {plural(len(glossary), 'entry', 'entries')} to {output}")
    else:
        echo(text, nl=False)


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@glossary_option
@format_option()
def validate(file: Path | None, glossary_path: Path | None, fmt: str) -> None:
    """Check a glossary: columns, duplicate ids, empty ru/en, a form claimed by two
    concepts, a forbidden form equal to an approved one. Exit 1 on problems.

    Example: glossary validate terms.tsv
    """
    from glossary import termfiles
    from glossary.validate import problems, shipped_path

    path = file or glossary_path or shipped_path()
    glossary = termfiles.read(path)
    found = problems(glossary)
    if fmt == "json":
        print_json([{"path": p.path, "line": p.line, "message": p.message} for p in found])
    for problem in found if fmt == "text" else ():
        echo(str(problem))
    message(f"{path}: {len(glossary)} entries, {len(found)} problem(s)")
    sys.exit(1 if found else 0)
