"""The `glossary` command line: parse, call the library, print. Nothing else lives here."""
from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

from glossary.errors import GlossaryError, InputError, ValidationError

FORMAT_HELP = "Output format."


class InputProblem(click.ClickException):
    """Bad input (a file we cannot read or parse): exit 2, like a usage error."""

    exit_code = 2


def reports_errors(func):
    """Turn library errors into clean messages and exit codes, in this one place."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (InputError, ValidationError) as exc:
            raise InputProblem(str(exc)) from None
        except GlossaryError as exc:
            raise InputProblem(str(exc)) from None
        except BrokenPipeError:
            sys.stderr.close()  # `glossary … | head`: the reader left; not an error
    return wrapper


def glossary_option(func):
    """--glossary PATH on every command (default: the shipped terms.tsv)."""
    return click.option(
        "--glossary", "glossary_path", type=click.Path(dir_okay=False, path_type=Path),
        help="Glossary file: terms.tsv, OmegaT TSV, CSV, TBX or JSON (default: the shipped "
             "terms.tsv).")(func)


def color_enabled(stream=None) -> bool:
    """Colour only on a terminal and never with NO_COLOR set (https://no-color.org)."""
    stream = stream or sys.stdout
    return "NO_COLOR" not in os.environ and stream.isatty()


def print_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ruen-glossary")
def main():
    """Russian–English terminology glossary: lookup, consistency check, translation memory.

    Example: glossary lookup заградотрядами
    """


def load_glossary(path: Path | None):
    from glossary import load
    return load(path)


def style(text: str, enabled: bool, **kwargs) -> str:
    return click.style(text, **kwargs) if enabled else text


@main.command()
@click.argument("query", nargs=-1, required=True)
@glossary_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "tsv"]), default="text",
              show_default=True, help=FORMAT_HELP)
@click.option("--tm", "tm_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also show how the term was rendered in this translation memory.")
@reports_errors
def lookup(query, glossary_path, fmt, tm_path):
    """Look a term up by any form: inflected, Russian or English, transliterated.

    Shows the preferred and admitted renderings, forbidden ones, kind, note and source,
    and how the query matched (exact, lemma, variant, run-together, transliteration,
    fuzzy). Exit 0 when found, 1 when not (with suggestions), 2 on bad input.

    Example: glossary lookup заградотрядами
    """
    from glossary.lookup import Lookup
    from glossary.termfiles import json as json_format
    from glossary.termfiles import tsv as tsv_format

    text = " ".join(query).strip()
    if not text:
        raise click.BadParameter("the query is empty", param_hint="QUERY")
    glossary = load_glossary(glossary_path)
    finder = Lookup(glossary)
    hits = finder.find(text)
    renderings = tm_renderings(tm_path, finder.matcher, [h.term for h in hits]) if tm_path else {}
    if fmt == "json":
        print_json([{**json_format.entry(h.term), "matched": h.matched, "matched_form": h.form,
                     "matched_status": h.status, "tm_renderings": renderings.get(h.term.id)}
                    for h in hits])
    elif fmt == "tsv":
        columns = [*glossary.columns, "matched"]
        click.echo("\t".join(columns))
        for h in hits:
            row = {**h.term.to_row(), "matched": h.matched}
            click.echo("\t".join(row.get(c, "") for c in columns))
    else:
        colour = color_enabled()
        for h in hits:
            click.echo(describe_hit(h, colour, renderings.get(h.term.id)))
    if not hits:
        suggestions = finder.suggest(text)
        message = f"No entry for {text!r}."
        if suggestions:
            message += " Did you mean: " + ", ".join(
                f"{s.form} ({s.term_id})" for s in suggestions) + "?"
        click.echo(message, err=True)
        sys.exit(1)


def describe_hit(hit, colour: bool, renderings: dict | None) -> str:
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


def tm_renderings(tm_path: Path, matcher, terms, source_lang: str = "ru",
                  target_lang: str = "en") -> dict[str, dict[str, int]]:
    """Per term, how the TM rendered it: a count per glossary form found in the targets of
    the units whose source holds the term ('' where none was)."""
    from glossary.lookup import tm_renderings as count
    from tm.store import TranslationMemory

    out = {}
    with TranslationMemory(tm_path, create=False) as memory:
        for term in terms:
            units = {u.id: u for form in term.approved(source_lang)
                     for u in memory.concordance(form, source_lang)}
            pairs = [(u.source, u.target) for u in units.values()]
            out[term.id] = dict(count(pairs, matcher, term, source_lang, target_lang).most_common())
    return out


def describe_renderings(renderings: dict[str, int]) -> str:
    shown = ", ".join(f"{form or '(no glossary form)'} ×{n}" for form, n in renderings.items())
    return shown or "no unit contains it"


@main.command()
@click.argument("term", nargs=-1, required=True)
@glossary_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "list"]), default="text",
              show_default=True, help="text: a table; list: one form a line, for pasting.")
@reports_errors
def variants(term, glossary_path, fmt):
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
            click.echo(form)
        return
    click.echo(f"{ru}" + (f" → {entry.en}  [{entry.id}]" if entry else "  (not in the glossary)"))
    if ru_forms:
        click.echo("\nRussian:")
        for case, number, form in ru_forms:
            click.echo(f"  {case} {number}  {form}")
    else:
        click.echo("\nRussian: not inflected (abbreviation, indeclinable or no head noun)")
    if en_forms:
        click.echo("\nEnglish:\n" + "\n".join(f"  {f}" for f in en_forms))
    click.echo("\nTransliterations:")
    for scheme, latin in translits.items():
        click.echo(f"  {scheme:<10} {latin}")


@main.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--scheme", type=click.Choice(["bgn-pcgn", "iso9", "ala-lc", "scholarly",
                                             "default", "all"]), default="bgn-pcgn",
              show_default=True, help="Transliteration scheme; 'all' shows every one.")
@click.option("--reverse", is_flag=True, help="Latin to Cyrillic (where the scheme allows).")
@glossary_option
@reports_errors
def translit(text, scheme, reverse, glossary_path):
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
                click.echo(f"{name:<10} {convert(value, name)}")
            except GlossaryError as exc:
                click.echo(f"{name:<10} ({exc})")
    else:
        click.echo(convert(value, scheme))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["tsv", "omegat", "csv", "tbx", "json"]),
              default="tsv", show_default=True, help=FORMAT_HELP)
@click.option("--to", "direction", type=click.Choice(["ru-en", "en-ru"]), default="ru-en",
              show_default=True, help="Direction, for formats with a source and a target side.")
@click.option("--with-forms", is_flag=True,
              help="Add every inflected form as a variant, for tools without morphology.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (atomically) instead of stdout.")
@glossary_option
@reports_errors
def export(fmt, direction, with_forms, output, glossary_path):
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
        click.echo(f"Wrote {len(glossary)} entries to {output}", err=True)
    else:
        click.echo(text, nl=False)


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--on-conflict", type=click.Choice(["keep", "replace", "merge"]), default="keep",
              show_default=True,
              help="For an entry that differs: keep ours, replace with theirs, or merge lists.")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@glossary_option
@reports_errors
def import_(file, on_conflict, dry_run, glossary_path):
    """Merge a glossary file (TSV, CSV, TBX, OmegaT, JSON) into the glossary, with a
    conflict report. The result is validated before it is written, atomically.
    Exit 1 when conflicts were left unresolved (--on-conflict keep).

    Example: glossary import colleague.tbx --glossary terms.tsv --on-conflict merge
    """
    from glossary import termfiles
    from glossary.edit import merge
    from glossary.validate import shipped_path

    target = glossary_path or shipped_path()
    glossary = load_glossary(target)
    incoming = termfiles.read(file)
    merged, report = merge(glossary, incoming, on_conflict)
    check_before_write(merged)
    for label, ids in (("added", report.added), ("unchanged", report.unchanged),
                       ("replaced", report.replaced), ("merged", report.merged)):
        click.echo(f"{label}: {len(ids)}")
    for term_id, column, ours, theirs in report.conflicts:
        click.echo(f"conflict: {term_id}: {column}: ours {ours!r} / theirs {theirs!r}")
    if not dry_run:
        termfiles.write(merged, target, termfiles.detect(target))
    if report.conflicts and on_conflict == "keep":
        sys.exit(1)


def check_before_write(glossary) -> None:
    from glossary.errors import ValidationError
    from glossary.validate import problems

    found = problems(glossary)
    if found:
        raise ValidationError(found)


def term_options(func):
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
    ]
    for option in reversed(options):
        func = option(func)
    return func


def term_changes(values: dict) -> dict:
    from glossary.model import LIST_COLUMNS, split_list

    return {k: split_list(v) if k in LIST_COLUMNS else v.strip()
            for k, v in values.items() if v is not None}


def save(glossary, path: Path | None) -> None:
    from glossary import termfiles
    from glossary.validate import shipped_path

    check_before_write(glossary)
    target = path or shipped_path()
    termfiles.write(glossary, target, termfiles.detect(target))


@main.command()
@click.option("--id", "term_id", help="Stable id (default: made from the English term).")
@term_options
@glossary_option
@reports_errors
def add(term_id, glossary_path, **values):
    """Add one entry; the glossary is validated and written atomically.

    Example: glossary add --ru "штурмовой батальон" --en "assault battalion" --kind term
    """
    from glossary.edit import add as add_term
    from glossary.model import Term
    from glossary.termfiles.tsv import slug

    changes = term_changes(values)
    if not changes.get("ru") or not changes.get("en"):
        raise click.UsageError("--ru and --en are required")
    term = Term(id=term_id or slug(changes["en"]), **changes)
    save(add_term(load_glossary(glossary_path), term), glossary_path)
    click.echo(f"added {term.id}", err=True)


@main.command()
@click.argument("term_id")
@term_options
@glossary_option
@reports_errors
def edit(term_id, glossary_path, **values):
    """Change fields of one entry (options not given stay as they are); validated and
    written atomically.

    Example: glossary edit blocking-detachment --en-variants "barrier troops | blocking unit"
    """
    from glossary.edit import edit as edit_term

    changes = term_changes(values)
    if not changes:
        raise click.UsageError("nothing to change: give at least one field option")
    save(edit_term(load_glossary(glossary_path), term_id, **changes), glossary_path)
    click.echo(f"edited {term_id}", err=True)


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@glossary_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help=FORMAT_HELP)
@reports_errors
def validate(file, glossary_path, fmt):
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
        click.echo(str(problem))
    click.echo(f"{path}: {len(glossary)} entries, {len(found)} problem(s)", err=True)
    sys.exit(1 if found else 0)


# ---------------------------------------------------------------------------------------
# The `check` command lives below this line.
# ---------------------------------------------------------------------------------------

CHECK_FORMATS = ("text", "json", "html", "csv")
# Drafts at least this long get a progress bar (on a terminal's stderr only).
CHECK_PROGRESS_FROM = 2000


@main.command("check")
@click.argument("draft", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--source", "source_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Plain-text source, one segment a line (use with --target instead of DRAFT).")
@click.option("--target", "target_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Plain-text target, aligned with --source by non-empty line.")
@glossary_option
@click.option("--format", "fmt", type=click.Choice(CHECK_FORMATS), default="text",
              show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file (default: standard output).")
@click.option("--input-format", type=click.Choice(["po", "tmx", "xliff", "tsv"]),
              help="Format of DRAFT (default: by extension, then by content).")
@click.option("--from", "source_lang", type=click.Choice(["ru", "en"]),
              help="Source language (default: from the file, else the script of the source).")
@click.option("--to", "target_lang", type=click.Choice(["ru", "en"]),
              help="Target language (default: the other one).")
@click.option("--include-fuzzy", is_flag=True, help="Also check fuzzy PO/XLIFF entries.")
@click.option("--rule", "only", multiple=True, metavar="ID",
              help="Run only this rule (repeatable; see --list-rules).")
@click.option("--skip-rule", "skip", multiple=True, metavar="ID",
              help="Do not run this rule (repeatable).")
@click.option("--ignore", "ignore_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Accepted findings to keep silent (a file --write-ignore wrote).")
@click.option("--write-ignore", "write_ignore", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every finding of this run (and those already ignored) as accepted.")
@click.option("--list-rules", is_flag=True, help="List the rules with severity and exit.")
@click.option("--tm", "tm_path", type=click.Path(dir_okay=False, path_type=Path),
              help="After the report, show on stderr how this translation memory rendered "
                   "each term with a finding (a precedent for the reviewer).")
@reports_errors
def check_command(draft, source_path, target_path, glossary_path, fmt, output, input_format,
                  source_lang, target_lang, include_fuzzy, only, skip, ignore_path,
                  write_ignore, list_rules, tm_path):
    """Check a draft translation against the glossary and report every departure.

    DRAFT is a PO/POT, TMX, XLIFF (1.2, 2.0) or TSV (source⇥target) file; or give two
    plain-text files with --source and --target. The direction (ru→en or en→ru) comes
    from the file or the script of the source; --from/--to override it.

    Rules (ids for --rule/--skip-rule): missing-term, forbidden-term, inconsistent-term,
    number-mismatch, untranslated, mixed-script, name-spelling; --list-rules describes
    them.

    Ignore file (--ignore, --write-ignore): one accepted finding a line,
    hash⇥rule⇥term⇥note, where hash is the segment hash (in the JSON and CSV reports),
    term the concept id or '-', note free text; '#' starts a comment. A finding stays
    silent while its segment's text is unchanged.

    Exit status: 0 no error-severity findings, 1 findings, 2 usage or input error.

    Example: glossary check draft.po --format html -o report.html
    """
    from glossary import Matcher
    from glossary.check import RULES, check, read_draft, select
    from glossary.check import ignore as ignore_file
    from glossary.check.render import RENDERERS
    from glossary.textio import write_atomic

    if list_rules:
        for rule in RULES.values():
            click.echo(f"{rule.id:<18} {rule.severity:<8} {rule.description}")
        return
    if draft is not None and (source_path or target_path):
        raise click.UsageError("give either DRAFT or --source and --target, not both")
    if draft is None and not (source_path and target_path):
        raise click.UsageError("give a DRAFT file, or both --source and --target")
    if source_lang and target_lang and source_lang == target_lang:
        raise click.BadParameter("must differ from --from", param_hint="--to")
    select(only, skip)  # unknown rule ids fail before any file is read
    ignore = ignore_file.read(ignore_path) if ignore_path else None
    glossary = load_glossary(glossary_path)
    found = read_draft(draft, source=source_path, target=target_path, fmt=input_format,
                       source_lang=source_lang, target_lang=target_lang,
                       include_fuzzy=include_fuzzy)
    matcher = Matcher(glossary)  # built once, for the check and the TM precedent
    options = dict(source_lang=source_lang, target_lang=target_lang, rules=only, skip=skip,
                   ignore=ignore, matcher=matcher)
    if len(found.segments) >= CHECK_PROGRESS_FROM and sys.stderr.isatty():
        with click.progressbar(length=len(found.segments), label="checking",
                               file=sys.stderr) as bar:
            report = check(found.segments, glossary, progress=bar.update, **options)
    else:
        report = check(found.segments, glossary, **options)
    check_report_skips(found.skipped)
    title = str(draft or source_path)
    text = RENDERERS[fmt](report, color=fmt == "text" and output is None and color_enabled(),
                          title=title)
    if output is not None:
        try:
            write_atomic(output, text)
        except OSError as exc:
            raise InputError(f"cannot write the report: {exc.strerror or exc}", path=output) from None
    else:
        click.echo(text, nl=False)
    if tm_path is not None:
        check_tm_precedent(tm_path, report, glossary, matcher)
    if write_ignore is not None:
        written = ignore_file.write(write_ignore, report.everything)
        click.echo(f"Wrote {written} accepted finding{'s' * (written != 1)} to "
                   f"{write_ignore}.", err=True)
    if report.errors:
        sys.exit(1)


def check_tm_precedent(tm_path: Path, report, glossary, matcher) -> None:
    """How the TM rendered the terms behind the report's findings, one stderr line each."""
    ids = dict.fromkeys(f.term for f in report.findings if f.term)
    if not ids:
        return
    by_id = glossary.by_id()
    renderings = tm_renderings(tm_path, matcher, [by_id[i] for i in ids],
                               report.source_lang, report.target_lang)
    click.echo(f"In the translation memory {tm_path}:", err=True)
    for term_id, counts in renderings.items():
        click.echo(f"  {term_id}: {describe_renderings(counts)}", err=True)


def check_report_skips(skipped: list[tuple[int | None, str]]) -> None:
    """One stderr line per kind of unit the reader passed over (fuzzy, obsolete …)."""
    from collections import Counter

    for reason, n in Counter(reason for _, reason in skipped).items():
        click.echo(f"Skipped {n} unit{'s' * (n != 1)}: {reason}.", err=True)


# ---------------------------------------------------------------------------------------
# Translation-memory commands (`glossary tm …`) live below this line.
# ---------------------------------------------------------------------------------------

TM_FORMAT_HELP = "Output format: text for people, json for programs."
TM_FILE_FORMATS = ["po", "tmx", "xliff", "tsv"]


def tm_options(func):
    """--tm PATH and --format text|json, on every `glossary tm` command."""
    func = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                        show_default=True, help=TM_FORMAT_HELP)(func)
    return click.option("--tm", "tm_path", type=click.Path(dir_okay=False, path_type=Path),
                        envvar="GLOSSARY_TM", show_envvar=True,
                        help="Translation memory file (default: `glossary tm info` shows it).")(func)


def tm_lang_options(func):
    func = click.option("--target-lang", metavar="CODE",
                        help="Target language (ru, en, en-GB …).")(func)
    return click.option("--source-lang", metavar="CODE",
                        help="Source language (ru, en, ru-RU …).")(func)


def open_tm(tm_path: Path | None, *, create: bool = False):
    from tm import TranslationMemory, default_path

    return TranslationMemory(tm_path or default_path(), create=create)


def tm_progress(path: Path):
    """A progress callback and its bar for importing `path`: a bar only on a terminal."""
    if not sys.stderr.isatty():
        return None, None
    with open(path, "rb") as f:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b"")) + 1
    bar = click.progressbar(length=lines, label=path.name, file=sys.stderr)
    done = [0]

    def advance(segment) -> None:
        if segment.line and segment.line > done[0]:
            bar.update(segment.line - done[0])
            done[0] = segment.line

    return advance, bar


def describe_size(size: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return str(size)


@main.group("tm")
def tm_group():
    """Translation memory: import, search, concordance, pre-translate, export.

    The TM is one SQLite file (--tm PATH or $GLOSSARY_TM; `glossary tm info` prints the
    default).

    Example: glossary tm import django.po && glossary tm search "Удалить выбранные объекты"
    """


@tm_group.command("info")
@tm_options
@reports_errors
def tm_info(tm_path, fmt):
    """Print where the translation memory is (the default is per user) and whether it exists.

    Example: glossary tm info
    """
    from tm import default_path

    path = tm_path or default_path()
    if fmt == "json":
        print_json({"path": str(path), "exists": path.exists()})
    else:
        click.echo(str(path))
        if not path.exists():
            click.echo("(no TM there yet: glossary tm import FILE creates it)", err=True)


@tm_group.command("import")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--input-format", type=click.Choice(TM_FILE_FORMATS),
              help="Format of the files (default: told by extension and content).")
@tm_lang_options
@click.option("--include-fuzzy", is_flag=True, help="Also import fuzzy PO/XLIFF entries.")
@tm_options
@reports_errors
def tm_import(files, input_format, source_lang, target_lang, include_fuzzy, tm_path, fmt):
    """Import TMX, PO/POT, XLIFF or TSV files into the TM, one transaction per file.

    Prints per file how many units were added, were duplicates (already stored: counted)
    and were skipped, with why. A malformed file stores nothing and is reported; the other
    files are still imported, and the exit code is 2.

    Example: glossary tm import memory.tmx django.po --tm project.sqlite
    """
    from tm.io import import_file

    reports, failed = [], 0
    with open_tm(tm_path, create=True) as memory:
        for path in files:
            advance, bar = tm_progress(path)
            try:
                if bar is not None:
                    with bar:
                        report = import_file(memory, path, input_format, source_lang=source_lang,
                                             target_lang=target_lang, include_fuzzy=include_fuzzy,
                                             progress=advance)
                        bar.update(bar.length - bar.pos)
                else:
                    report = import_file(memory, path, input_format, source_lang=source_lang,
                                         target_lang=target_lang, include_fuzzy=include_fuzzy)
            except GlossaryError as exc:
                failed += 1
                reports.append({"path": str(path), "error": str(exc)})
                click.echo(f"Error: {exc} (nothing of {path.name} was imported)", err=True)
                continue
            reports.append(report.as_dict())
            if fmt == "text":
                click.echo(f"{path}: {report.added} added, {report.duplicates} duplicate"
                           f"{'s' * (report.duplicates != 1)}, {len(report.skipped)} skipped")
                tm_report_skips(report.skipped)
    if fmt == "json":
        print_json(reports)
    if failed:
        sys.exit(2)


def tm_report_skips(skipped) -> None:
    from collections import Counter

    lines: dict[str, list] = {}
    for line, reason in skipped:
        lines.setdefault(reason, []).append(line)
    for reason, n in Counter(reason for _, reason in skipped).most_common():
        where = [str(x) for x in lines[reason] if x is not None]
        shown = ", ".join(where[:5]) + (" …" if len(where) > 5 else "")
        click.echo(f"  skipped {n}: {reason}" + (f" (line {shown})" if where else ""))


@tm_group.command("export")
@click.option("--format", "file_format", type=click.Choice(["tmx", "po", "tsv", "xliff"]),
              default="tmx", show_default=True, help="File format to write.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here (atomically) instead of standard output.")
@tm_lang_options
@click.option("--tm", "tm_path", type=click.Path(dir_okay=False, path_type=Path),
              envvar="GLOSSARY_TM", show_envvar=True, help="Translation memory file.")
@reports_errors
def tm_export(file_format, output, source_lang, target_lang, tm_path):
    """Export the TM's units of one language pair as TMX 1.4, PO, TSV or XLIFF 1.2.

    --format names the file format here (not text/json). A TM holding several language
    pairs needs --source-lang and --target-lang.

    Example: glossary tm export --format tmx -o memory.tmx
    """
    from tm.io import export_file, export_text

    with open_tm(tm_path) as memory:
        if output is None:
            text, count = export_text(memory, file_format, source_lang=source_lang,
                                      target_lang=target_lang)
            click.echo(text, nl=False)
        else:
            count = export_file(memory, output, file_format, source_lang=source_lang,
                                target_lang=target_lang)
    click.echo(f"Exported {count} unit{'s' * (count != 1)}.", err=True)


def describe_diff(diff) -> str:
    if not diff:
        return "nothing"
    return "; ".join(f"{d.query or '∅'} → {d.match or '∅'} ({d.kind})" for d in diff)


def highlight(text: str, spans, colour: bool, **style_kwargs) -> str:
    """Text with spans marked: coloured on a terminal, else between ⟦ and ⟧."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out.append(text[at:start])
        piece = text[start:end]
        out.append(click.style(piece, **style_kwargs) if colour else f"⟦{piece}⟧")
        at = end
    out.append(text[at:])
    return "".join(out)


def describe_match(n: int, match, colour: bool) -> str:
    spans = [d.match_span for d in match.diff if d.match_span]
    source = highlight(match.unit.source, spans, colour, fg="yellow", bold=True) if colour \
        else match.unit.source
    lines = [f"{n}. {match.score}%  {source}",
             f"   → {match.unit.target}",
             f"   differs: {describe_diff(match.diff)}"]
    if match.unit.origin:
        lines.append(f"   from: {match.unit.origin}")
    return "\n".join(lines)


@tm_group.command("search")
@click.argument("text", nargs=-1)
@click.option("--min", "min_score", type=click.IntRange(1, 100), default=75, show_default=True,
              help="Lowest score shown (percent).")
@click.option("--limit", type=click.IntRange(1), default=5, show_default=True,
              help="Most matches shown per query.")
@click.option("--batch", type=click.File("r", encoding="utf-8"),
              help="Read one query a line from FILE (- for standard input) and print one "
                   "JSON object a line: {\"query\", \"matches\"}.")
@tm_lang_options
@tm_options
@glossary_option
@reports_errors
def tm_search(text, min_score, limit, batch, source_lang, target_lang, tm_path, fmt,
              glossary_path):
    """Fuzzy matches of TEXT among the TM's sources, best first, with what differs.

    The score is 100 for identical text. Each differing token costs: a whole word 1, the
    same word in another form (case ending) 0.2, other capitals or ё/е 0.05, a number or tag
    0.25, punctuation 0.1; score = 100 × (1 − cost ÷ length), the length counting words 1,
    numbers and tags ¼, punctuation ⅒ (the longer text's). Differences are listed query
    → TM. Exit 1 when nothing scores --min or more. In text format the glossary's terms
    in TEXT follow, with their approved renderings, as a CAT tool's term pane shows them.

    Example: glossary tm search "Войскам НКВД приказано отступить" --min 70
    """
    query = " ".join(text)
    if batch is None and not query.strip():
        raise click.UsageError("give TEXT to search for, or --batch FILE")
    if batch is not None and query:
        raise click.UsageError("give either TEXT or --batch, not both")
    with open_tm(tm_path) as memory:
        if batch is not None:
            for line in batch:
                line = line.rstrip("\n")
                if not line.strip():
                    continue
                found = memory.search(line, min_score=min_score, limit=limit,
                                      source_lang=source_lang, target_lang=target_lang)
                click.echo(json.dumps({"query": line, "matches": [m.as_dict() for m in found]},
                                      ensure_ascii=False))
            return
        found = memory.search(query, min_score=min_score, limit=limit,
                              source_lang=source_lang, target_lang=target_lang)
    if fmt == "json":
        print_json([m.as_dict() for m in found])
    else:
        colour = color_enabled()
        for n, match in enumerate(found, 1):
            click.echo(describe_match(n, match, colour))
        describe_terms(query, load_glossary(glossary_path))
    if not found:
        click.echo(f"No match of {min_score}% or more.", err=True)
        sys.exit(1)


def describe_terms(text: str, glossary) -> None:
    """The glossary's terms in a text, each with its approved renderings."""
    from glossary import Matcher
    from glossary.normalize import script

    lang = script(text) or "en"
    other = "en" if lang == "ru" else "ru"
    terms = glossary.by_id()
    found = dict.fromkeys(m.term_id for m in Matcher(glossary).find(text, lang)
                          if m.status != "forbidden")
    if found:
        click.echo("Glossary:")
    for term_id in found:
        term = terms[term_id]
        click.echo(f"  {term.preferred(lang)} → {' | '.join(term.approved(other))}  [{term_id}]")


@tm_group.command("concordance")
@click.argument("words", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(["ru", "en"]),
              help="Look in the side in this language (default: the words' script).")
@click.option("--limit", type=click.IntRange(1), help="Show at most this many units.")
@tm_options
@reports_errors
def tm_concordance(words, lang, limit, tm_path, fmt):
    """Every unit whose source or target holds WORDS (a word or phrase) in any inflected form.

    The words must stand in a row; Russian words match by lemma (войска finds войсками),
    English ones by stem. Newest units first. Exit 1 when none is found.

    Example: glossary tm concordance войска НКВД
    """
    phrase = " ".join(words)
    with open_tm(tm_path) as memory:
        hits = memory.concordance_hits(phrase, lang, limit=limit)
    if fmt == "json":
        print_json([h.as_dict() for h in hits])
    else:
        colour = color_enabled()
        for hit in hits:
            unit = hit.unit
            click.echo(highlight(unit.source, hit.source_spans, colour, bold=True, fg="green"))
            click.echo("  → " + highlight(unit.target, hit.target_spans, colour, bold=True,
                                          fg="green"))
            click.echo(f"  [{unit.source_lang}→{unit.target_lang}"
                       f"{' · ' + unit.origin if unit.origin else ''}]")
    if not hits:
        click.echo(f"No unit holds {phrase!r}.", err=True)
        sys.exit(1)


@tm_group.command("pretranslate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the result here (atomically; may be FILE itself) instead of "
                   "standard output.")
@click.option("--min", "min_score", type=click.IntRange(1, 100), default=75, show_default=True,
              help="Lowest score used (percent).")
@click.option("--overwrite", is_flag=True, help="Also replace existing translations.")
@tm_lang_options
@tm_options
@reports_errors
def tm_pretranslate(file, output, min_score, overwrite, source_lang, target_lang, tm_path, fmt):
    """Fill the empty msgstr of a PO file from the TM, like msgmerge with a compendium.

    A 100% match (same text, same context) becomes a translation; a fuzzy one is marked
    `#, fuzzy`, with the TM's source as `#| msgid` and the score as a `TM: 87%` comment.
    Existing translations are kept unless --overwrite. A summary goes to standard error
    (to standard output as JSON with --format json and -o).

    Example: glossary tm pretranslate locale/ru/LC_MESSAGES/django.po -o django.ru.po
    """
    from tm.pretranslate import pretranslate

    with open_tm(tm_path) as memory:
        text, report = pretranslate(memory, file, min_score=min_score, overwrite=overwrite,
                                    source_lang=source_lang, target_lang=target_lang)
    if output is None:
        click.echo(text, nl=False)
    else:
        from glossary.textio import write_atomic
        write_atomic(output, text)
    summary = (f"{report.exact} exact, {report.fuzzy} fuzzy, {report.unmatched} without a "
               f"match, {report.kept} kept")
    if fmt == "json" and output is not None:
        print_json(report.as_dict())
    else:
        click.echo(f"{file}: {summary}.", err=True)


@tm_group.command("stats")
@tm_options
@reports_errors
def tm_stats(tm_path, fmt):
    """Units, language pairs, origins and size on disk of the TM.

    Example: glossary tm stats --format json
    """
    with open_tm(tm_path) as memory:
        stats = memory.stats()
    if fmt == "json":
        print_json(stats.as_dict())
        return
    click.echo(f"TM: {stats.path} (schema {stats.schema_version})")
    click.echo(f"units: {stats.units:,}")
    click.echo("languages: " + (", ".join(f"{s}→{t} {n:,}" for s, t, n in stats.languages)
                                or "none"))
    click.echo("origins: " + (", ".join(f"{o or '(unknown)'} {n:,}" for o, n in stats.origins)
                              or "none"))
    per_unit = f" ({stats.size // stats.units:,} bytes a unit)" if stats.units else ""
    click.echo(f"size: {describe_size(stats.size)}{per_unit}")
