"""`glossary check`: a draft translation against the glossary."""
from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .options import (glossary_option, jobs_option, no_cache_option, output_option,
                      refuse_overwriting, split_lists_option, tm_option)
from .output import color_enabled, describe_skips, echo, message, plural, write_binary
from .terms import compile_glossary, describe_renderings

if TYPE_CHECKING:
    from glossary.check.engine import Report
    from glossary.matcher import Matcher
    from glossary.model import Glossary

CHECK_FORMATS = ("text", "json", "html", "csv", "xlsx")
# Drafts at least this long get a progress bar (on a terminal's stderr only).
CHECK_PROGRESS_FROM = 2000


@click.command("check")
@click.argument("draft", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--source", "source_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Plain-text source, one segment a line (use with --target instead of DRAFT).")
@click.option("--target", "target_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Plain-text target, aligned with --source by line number when both have "
                   "as many lines, else by non-empty line.")
@glossary_option
@click.option("--format", "fmt", type=click.Choice(CHECK_FORMATS), default="text",
              show_default=True, help="Report format.")
@output_option("Write the report to this file (atomically) instead of standard output.")
@click.option("--input-format", type=click.Choice(["po", "tmx", "xliff", "tsv"]),
              help="Format of DRAFT (default: by extension, then by content).")
@click.option("--from", "source_lang", type=click.Choice(["ru", "en"]),
              help="Source language (default: what the file says, checked against its text; "
                   "else told from the text). Overrides both.")
@click.option("--to", "target_lang", type=click.Choice(["ru", "en"]),
              help="Target language (default: as for --from, else the other one).")
@click.option("--include-fuzzy", is_flag=True, help="Also check fuzzy PO/XLIFF entries.")
@click.option("--rule", "only", multiple=True, metavar="ID",
              help="Run only this rule (repeatable; see --list-rules).")
@click.option("--skip-rule", "skip", multiple=True, metavar="ID",
              help="Do not run this rule (repeatable).")
@click.option("--ignore", "ignore_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Accepted findings to keep silent (a file --write-ignore wrote).")
@click.option("--ignore-from", "ignore_from", type=click.Path(dir_okay=False, path_type=Path),
              help='A reviewed --format xlsx report: rows whose verdict is "accepted" are '
                   "kept silent like --ignore entries.")
@click.option("--write-ignore", "write_ignore", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every finding of this run (and those already ignored) as accepted.")
@click.option("--markup", "markup", default="auto", show_default=True, metavar="SPEC",
              help="What is not language: auto (detected per file and entry), none, or a "
                   "comma list of syntaxes (printf, c-format, qt, brace, dollar, html, url, "
                   "code, markdown, rst, sphinx, sphinx-block, escape, accel), with 'auto' to add to "
                   "the detected ones (auto,dollar).")
@click.option("--list-rules", is_flag=True, help="List the rules with severity and exit.")
@click.option("--min-confidence", type=click.Choice(["low", "medium", "high"]),
              default="medium", show_default=True,
              help="Leave out findings less sure than this, in every format (how many were "
                   "left out: the text summary, the JSON summary's below_min_confidence, and a "
                   "line on stderr); low shows all. Each finding's confidence and its reason "
                   "are in the JSON, CSV and HTML reports.")
@split_lists_option
@jobs_option("check")
@no_cache_option
@tm_option("After the report, show on stderr how this translation memory rendered each term "
           "with a finding (a precedent for the reviewer).")
def check_command(draft: Path | None, source_path: Path | None, target_path: Path | None,
                  glossary_path: tuple[Path, ...], fmt: str, output: Path | None,
                  input_format: str | None, source_lang: str | None, target_lang: str | None,
                  include_fuzzy: bool, only: tuple[str, ...], skip: tuple[str, ...],
                  ignore_path: Path | None, ignore_from: Path | None,
                  write_ignore: Path | None, markup: str, list_rules: bool,
                  min_confidence: str, split_lists: bool | None, jobs: int, no_cache: bool,
                  tm_path: Path | None) -> None:
    """Check a draft translation against the glossary and report every departure.

    DRAFT is a PO/POT, TMX, XLIFF (1.2, 2.0) or TSV (source⇥target) file; or give two
    plain-text files with --source and --target. The direction (ru→en or en→ru) comes
    from the file or the script of the source; --from/--to override it.

    Rules (ids for --rule/--skip-rule): missing-term, part-of-speech, forbidden-term,
    inconsistent-term, number-mismatch, placeholder-mismatch, untranslated, mixed-script,
    name-spelling, inconsistent-translation, inconsistent-source; --list-rules describes
    them. Every finding has a confidence (low, medium, high) with its reason; only a
    high-confidence finding of an error rule is an error. Low-confidence findings (an
    everyday word that may be meant in another sense, a short form «БД» of «база данных»)
    are left out unless --min-confidence low; the summary says how many.

    Markup (--markup): placeholders, tags, code, URLs, link targets and accelerators are
    not words: terms and numbers inside them count on neither side, and
    placeholder-mismatch compares them. By default the syntaxes are detected (PO flags
    such as c-format or python-brace-format; a Sphinx catalogue by its roles and
    ``literals``); --markup none turns masking off, --markup rst,printf names them.

    Ignore file (--ignore, --write-ignore): one accepted finding a line,
    hash⇥rule⇥term⇥note, where hash is the segment hash (in the JSON and CSV reports),
    term the concept id or '-', note free text; '#' starts a comment. A finding stays
    silent while its segment's text is unchanged.

    Review round trip: --format xlsx -o review.xlsx writes one finding a row with a
    verdict column (accepted / fix / query); --ignore-from review.xlsx then keeps the rows
    marked "accepted" silent, as long as their segment's text is unchanged. The HTML
    report filters and searches the findings; report.html#seg-42 opens segment 42.

    Exit status: 0 no error-severity findings, 1 findings, 2 usage or input error.

    Example: glossary check draft.po --format html -o report.html

    Every finding, the low-confidence ones too: glossary check draft.po --min-confidence low

    With markup named: glossary check docs-ru.po --markup auto,sphinx
    """
    from glossary.check import RULES, check, read_draft, select
    from glossary.markup import Markup
    from glossary.check import ignore as ignore_file
    from glossary.check.render import BINARY, RENDERERS
    from glossary.check.render.text import left_out
    from glossary.processes import default_jobs
    from glossary.textio import write_atomic

    if list_rules:
        width = max(len(r) for r in RULES)
        for rule in RULES.values():
            echo(f"{rule.id:<{width}} {rule.severity:<8} {rule.description}")
        return
    if draft is not None and (source_path or target_path):
        raise click.UsageError("give either DRAFT or --source and --target, not both")
    if draft is None and not (source_path and target_path):
        raise click.UsageError("give a DRAFT file, or both --source and --target")
    if source_lang and target_lang and source_lang == target_lang:
        raise click.BadParameter("must differ from --from", param_hint="--to")
    inputs = [("draft", draft), ("source", source_path), ("target", target_path),
              *(("glossary", g) for g in glossary_path), ("ignore file", ignore_path),
              ("reviewed workbook", ignore_from), ("translation memory", tm_path)]
    refuse_overwriting(output, "-o", inputs)
    refuse_overwriting(write_ignore, "--write-ignore", [i for i in inputs if i[0] != "ignore file"])
    select(only, skip)  # unknown rule ids and markup names fail before any file is read
    Markup(markup)
    if fmt in BINARY and output is None and sys.stdout.isatty():
        raise click.UsageError(f"--format {fmt} is a binary file: give -o FILE")
    ignore = ignore_file.read(ignore_path) if ignore_path else None
    if ignore_from is not None:
        reviewed = ignore_file.read_xlsx(ignore_from)
        ignore = reviewed if ignore is None else ignore | reviewed
    compiled = compile_glossary(glossary_path, no_cache, split_lists, report=True)
    glossary, matcher = compiled.glossary, compiled.matcher  # for the check and the precedent
    found = read_draft(draft, source=source_path, target=target_path, fmt=input_format,
                       source_lang=source_lang, target_lang=target_lang,
                       include_fuzzy=include_fuzzy)
    run = partial(check, found.segments, glossary, source_lang=source_lang or found.source_lang,
                  target_lang=target_lang or found.target_lang, rules=only, skip=skip,
                  ignore=ignore, matcher=matcher, markup=markup,
                  min_confidence=min_confidence, jobs=jobs or default_jobs(len(found.segments)))
    if len(found.segments) >= CHECK_PROGRESS_FROM and sys.stderr.isatty():
        with click.progressbar(length=len(found.segments), label="checking",
                               file=sys.stderr) as bar:
            report = run(progress=bar.update)
    else:
        report = run()
    for line in describe_skips(found.skipped):
        message(line)
    title = str(draft or source_path)
    text = RENDERERS[fmt](report, color=fmt == "text" and output is None and color_enabled(),
                          title=title)
    if output is not None:
        write_atomic(output, text)
    elif isinstance(text, bytes):
        write_binary(text)
    else:
        echo(text, nl=False)
    if report.below_confidence and (fmt != "text" or output is not None):
        message(left_out(report).capitalize() + ".")  # the text summary says it on stdout
    if len(glossary_path) > 1:
        show_origins(report, glossary)
    if tm_path is not None:
        show_precedent(tm_path, report, glossary, matcher)
    if write_ignore is not None:
        written = ignore_file.write(write_ignore, report.everything)
        message(f"Wrote {plural(written, 'accepted finding')} to {write_ignore}.")
    if report.errors:
        sys.exit(1)


def show_origins(report: Report, glossary: Glossary) -> None:
    """With several glossaries: which one each entry behind a finding came from (stderr)."""
    by_id = glossary.by_id()
    origins: dict[str, list[str]] = {}
    for term_id in dict.fromkeys(f.term for f in report.findings if f.term in by_id):
        origins.setdefault(by_id[term_id].origin or "?", []).append(term_id)
    for origin, ids in origins.items():
        message(f"from {origin}: {', '.join(ids)}")


def show_precedent(tm_path: Path, report: Report, glossary: Glossary, matcher: Matcher) -> None:
    """How the TM rendered the terms behind the report's findings, one stderr line each."""
    from tm import TranslationMemory
    from tm.precedent import renderings

    ids = dict.fromkeys(f.term for f in report.findings if f.term)
    if not ids:
        return
    by_id = glossary.by_id()
    with TranslationMemory(tm_path, create=False) as memory:
        found = renderings(memory, matcher, [by_id[i] for i in ids],
                           report.source_lang, report.target_lang)
    message(f"In the translation memory {tm_path}:")
    for term_id, counts in found.items():
        message(f"  {term_id}: {describe_renderings(counts)}")
