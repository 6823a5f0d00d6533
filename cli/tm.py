"""`glossary tm …`: the translation memory."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from .options import (batch_lines, format_option, glossary_option, jobs_option,
                      lang_options, output_option, refuse_overwriting, tm_option)
from .output import (color_enabled, describe_skips, echo, highlight, message, plural,
                     print_json, write_binary)
from .terms import compile_glossary

if TYPE_CHECKING:
    from glossary.segment import Segment
    from tm import TranslationMemory
    from tm.model import Difference, FuzzyMatch
    from tm.vet import Vetter

TM_FILE_FORMATS = ["po", "tmx", "xliff", "tsv"]


def open_tm(tm_path: Path | None, *, create: bool = False) -> TranslationMemory:
    from tm import TranslationMemory, default_path

    return TranslationMemory(tm_path or default_path(), create=create)


def tm_progress(path: Path) -> tuple[Callable[[Segment], None] | None, Any]:
    """A progress callback and its bar for importing `path`: a bar only on a terminal."""
    if not sys.stderr.isatty():
        return None, None
    with open(path, "rb") as f:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b"")) + 1
    bar = click.progressbar(length=lines, label=path.name, file=sys.stderr)
    done = [0]

    def advance(segment: Segment) -> None:
        if segment.line and segment.line > done[0]:
            bar.update(segment.line - done[0])
            done[0] = segment.line

    return advance, bar


def describe_size(size: float) -> str:
    """
    >>> describe_size(512), describe_size(3 * 2**20)
    ('512 bytes', '3.0 MiB')
    """
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return str(size)


@click.group("tm")
def tm_group() -> None:
    """Translation memory: import, search, concordance, pre-translate, export.

    The TM is one SQLite file (--tm PATH or $GLOSSARY_TM; `glossary tm info` prints the
    default).

    Example: glossary tm import django.po && glossary tm search "Удалить выбранные объекты"
    """


@tm_group.command("info")
@tm_option()
@format_option()
def tm_info(tm_path: Path | None, fmt: str) -> None:
    """Print where the translation memory is (the default is per user) and whether it exists.

    Example: glossary tm info
    """
    from tm import default_path

    path = tm_path or default_path()
    if fmt == "json":
        print_json({"path": str(path), "exists": path.exists()})
    else:
        echo(str(path))
        if not path.exists():
            message("(no TM there yet: glossary tm import FILE creates it)")


@tm_group.command("import")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--input-format", type=click.Choice(TM_FILE_FORMATS),
              help="Format of the files (default: told by extension and content).")
@lang_options
@click.option("--include-fuzzy", is_flag=True, help="Also import fuzzy PO/XLIFF entries.")
@jobs_option("analyse the units")
@tm_option()
@format_option()
def tm_import(files: tuple[Path, ...], input_format: str | None, source_lang: str | None,
              target_lang: str | None, include_fuzzy: bool, jobs: int, tm_path: Path | None,
              fmt: str) -> None:
    """Import TMX, PO/POT, XLIFF or TSV files into the TM, one transaction per file.

    Prints per file how many units were added, were duplicates (already stored: counted)
    and were skipped, with why (untranslated, whitespace-only, fuzzy, obsolete, another
    language pair). Languages: what the file says, checked against its text, else told
    from the text; --from/--to override both. Only Russian–English units are stored; a
    file with none is refused saying which pair it is. A malformed file stores nothing
    and is reported; the other files are still imported, and the exit code is 2.

    Example: glossary tm import memory.tmx django.po --tm project.sqlite
    """
    from glossary.errors import GlossaryError
    from tm.io import import_file
    from tm.parallel import import_jobs

    reports: list[dict[str, Any]] = []
    failed = 0
    with open_tm(tm_path, create=True) as memory:
        for path in files:
            advance, bar = tm_progress(path)
            run = partial(import_file, memory, path, input_format, source_lang=source_lang,
                          target_lang=target_lang, include_fuzzy=include_fuzzy, progress=advance,
                          jobs=jobs or import_jobs(path))
            try:
                if bar is not None:
                    with bar:
                        report = run()
                        bar.update(bar.length - bar.pos)
                else:
                    report = run()
            except GlossaryError as exc:
                failed += 1
                reports.append({"path": str(path), "error": str(exc)})
                message(f"Error: {exc} (nothing of {path.name} was imported)")
                continue
            reports.append(report.as_dict())
            if fmt == "text":
                echo(f"{path}: {report.added} added, "
                     f"{plural(report.duplicates, 'duplicate')}, {len(report.skipped)} skipped")
                for line in describe_skips(report.skipped):
                    echo(f"  {line}")
    if fmt == "json":
        print_json(reports)
    if failed:
        sys.exit(2)


@tm_group.command("export")
@click.option("--format", "file_format", type=click.Choice(["tmx", "po", "tsv", "xliff"]),
              default="tmx", show_default=True, help="File format to write.")
@output_option()
@lang_options
@tm_option()
def tm_export(file_format: str, output: Path | None, source_lang: str | None,
              target_lang: str | None, tm_path: Path | None) -> None:
    """Export the TM's units of one language pair as TMX 1.4, PO, TSV or XLIFF 1.2.

    --format names the file format here (not text/json). A TM holding several language
    pairs needs --source-lang and --target-lang.

    Example: glossary tm export --format tmx -o memory.tmx
    """
    from tm import default_path
    from tm.io import export_file, export_text

    refuse_overwriting(output, "-o", [("translation memory", tm_path or default_path())])
    with open_tm(tm_path) as memory:
        if output is None:
            text, count = export_text(memory, file_format, source_lang=source_lang,
                                      target_lang=target_lang)
            echo(text, nl=False)
        else:
            count = export_file(memory, output, file_format, source_lang=source_lang,
                                target_lang=target_lang)
    message(f"Exported {plural(count, 'unit')}.")


def describe_diff(diff: tuple[Difference, ...]) -> str:
    if not diff:
        return "nothing"
    return "; ".join(f"{d.query or '∅'} → {d.match or '∅'} ({d.kind})" for d in diff)


def describe_match(n: int, match: FuzzyMatch, colour: bool) -> str:
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
@click.option("--batch", type=click.File("rb"),
              help="Read one query a line from FILE (- for standard input) and print one "
                   "JSON object a line: {\"query\", \"matches\"}.")
@lang_options
@tm_option()
@format_option()
@glossary_option
def tm_search(text: tuple[str, ...], min_score: int, limit: int, batch: IO[bytes] | None,
              source_lang: str | None, target_lang: str | None, tm_path: Path | None,
              fmt: str, glossary_path: tuple[Path, ...]) -> None:
    """Fuzzy matches of TEXT among the TM's sources, best first, with what differs.

    The score is 100 for identical text. Each differing token costs: a whole word 1, the
    same word in another form (case ending) 0.2, other capitals or ё/е 0.05, a number or tag
    0.25, punctuation 0.1; score = 100 × (1 − cost ÷ length), the length counting words 1,
    numbers and tags ¼, punctuation ⅒ (the longer text's). Differences are listed query
    → TM. Units are found whichever way they were stored (an English→Russian unit answers
    a Russian query, turned round). A match whose target uses a rendering the glossary
    forbids is flagged with the approved one. Exit 1 when nothing scores --min or more. In
    text format the glossary's terms in TEXT follow, with their approved renderings, as a
    CAT tool's term pane shows them.

    Example: glossary tm search "Войскам НКВД приказано отступить" --min 70
    """
    query = " ".join(text)
    if batch is None and not query.strip():
        raise click.UsageError("give TEXT to search for, or --batch FILE")
    if batch is not None and query:
        raise click.UsageError("give either TEXT or --batch, not both")
    from tm.vet import describe

    vetter = glossary_vetter(glossary_path, many=batch is not None)

    def as_dict(match: FuzzyMatch) -> dict:
        data = match.as_dict()
        data["forbidden"] = [{"term": f.term, "message": f.message, "approved": f.suggestion}
                             for f in flags(match)]
        return data

    def flags(match: FuzzyMatch) -> list:
        unit = match.unit
        return vetter.forbidden(unit.source, unit.target, unit.source_lang, unit.target_lang)

    with open_tm(tm_path) as memory:
        if batch is not None:
            with memory.snapshot():
                search_batch(memory, batch, as_dict, min_score=min_score, limit=limit,
                             source_lang=source_lang, target_lang=target_lang)
            return
        found = memory.search(query, min_score=min_score, limit=limit,
                              source_lang=source_lang, target_lang=target_lang)
        if not found:
            memory.verify()
    if fmt == "json":
        print_json([as_dict(m) for m in found])
    else:
        colour = color_enabled()
        for n, match in enumerate(found, 1):
            echo(describe_match(n, match, colour))
            for finding in flags(match):
                echo(f"   ! glossary: {describe(finding)}")
        describe_terms(query, glossary_path)
    if not found:
        message(f"No match of {min_score}% or more.")
        sys.exit(1)


def search_batch(memory: TranslationMemory, batch: IO[bytes],
                 as_dict: Callable[[FuzzyMatch], dict], **options: Any) -> None:
    """One JSON line of matches for each non-blank line of `batch` (`options`: search's)."""
    missed = False
    for line in batch_lines(batch):
        if not line.strip():
            continue
        found = memory.search(line, **options)
        missed = missed or not found
        echo(json.dumps({"query": line, "matches": [as_dict(m) for m in found]},
                        ensure_ascii=False))
    if missed:
        memory.verify()  # "nothing found" must not hide a damaged TM


def glossary_vetter(glossary_path: tuple[Path, ...], many: bool = False) -> Vetter:
    """The glossary's vetter of TM matches, on its compiled matcher from the cache (building
    the matcher anew cost a search more than its thousand queries); `many`: see Vetter."""
    from tm.vet import Vetter

    compiled = compile_glossary(glossary_path)
    return Vetter(compiled.glossary, compiled.matcher, many=many)


def describe_terms(text: str, glossary_path: tuple[Path, ...]) -> None:
    """The glossary's terms in a text, each with its approved renderings."""
    from glossary.lookup import Lookup
    from glossary.normalize import script

    lang = script(text) or "en"
    other = "en" if lang == "ru" else "ru"
    compiled = compile_glossary(glossary_path)
    terms = Lookup(compiled.glossary, compiled.matcher, compiled.store).terms_in(text, lang)
    if terms:
        echo("Glossary:")
    for term in terms:
        echo(f"  {term.preferred(lang)} → {' | '.join(term.approved(other))}  [{term.id}]")


@tm_group.command("concordance")
@click.argument("words", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(["ru", "en"]),
              help="Look in the side in this language (default: the words' script).")
@click.option("--limit", type=click.IntRange(1), help="Show at most this many units.")
@tm_option()
@format_option()
def tm_concordance(words: tuple[str, ...], lang: str | None, limit: int | None,
                   tm_path: Path | None, fmt: str) -> None:
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
            echo(highlight(unit.source, hit.source_spans, colour, bold=True, fg="green"))
            echo("  → " + highlight(unit.target, hit.target_spans, colour, bold=True,
                                    fg="green"))
            echo(f"  [{unit.source_lang}→{unit.target_lang}"
                 f"{' · ' + unit.origin if unit.origin else ''}]")
    if not hits:
        message(f"No unit holds {phrase!r}.")
        sys.exit(1)


@tm_group.command("pretranslate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@output_option("Write the result here (atomically; may be FILE itself) instead of "
               "standard output.")
@click.option("--min", "min_score", type=click.IntRange(1, 100), default=75, show_default=True,
              help="Lowest score used (percent).")
@click.option("--overwrite", is_flag=True, help="Also replace existing translations.")
@lang_options
@tm_option()
@format_option()
@glossary_option
def tm_pretranslate(file: Path, output: Path | None, min_score: int, overwrite: bool,
                    source_lang: str | None, target_lang: str | None, tm_path: Path | None,
                    fmt: str, glossary_path: tuple[Path, ...]) -> None:
    """Fill the empty msgstr of a PO file from the TM, like msgmerge with a compendium.

    A 100% match (same text, same context) becomes a translation; a fuzzy one is marked
    `#, fuzzy`, with the TM's source as `#| msgid` and the score as a `TM: 87%` comment.
    Existing translations are kept unless --overwrite. A 100% match is marked fuzzy too
    when the TM holds other 100% translations of the entry (listed in a comment), or when
    its target uses a rendering the glossary forbids (named, with the approved one). A
    summary goes to standard error (to standard output as JSON with --format json and -o).

    Example: glossary tm pretranslate locale/ru/LC_MESSAGES/django.po -o django.ru.po
    """
    from glossary.textio import write_atomic
    from tm import default_path
    from tm.pretranslate import encoded, pretranslate

    refuse_overwriting(output, "-o", [("translation memory", tm_path or default_path()),
                                      *(("glossary", g) for g in glossary_path)])
    vetter = glossary_vetter(glossary_path, many=True)
    with open_tm(tm_path) as memory, memory.snapshot():  # one state of the TM, look-ups kept
        text, report = pretranslate(memory, file, min_score=min_score, overwrite=overwrite,
                                    source_lang=source_lang, target_lang=target_lang,
                                    vetter=vetter)
    data = encoded(text, file)  # in the catalogue's charset and line ends
    if output is None:
        write_binary(data)
    else:
        write_atomic(output, data)
    summary = (f"{report.exact} exact, {report.fuzzy} fuzzy, {report.unmatched} without a "
               f"match, {report.kept} kept")
    if report.conflicts or report.forbidden:
        summary += (f" ({report.conflicts} with other 100% translations, {report.forbidden} "
                    "with a forbidden rendering: marked fuzzy)")
    if fmt == "json" and output is not None:
        print_json(report.as_dict())
    else:
        message(f"{file}: {summary}.")


@tm_group.command("stats")
@tm_option()
@format_option()
def tm_stats(tm_path: Path | None, fmt: str) -> None:
    """Units, language pairs, origins and size on disk of the TM.

    Example: glossary tm stats --format json
    """
    with open_tm(tm_path) as memory:
        stats = memory.stats()
    if fmt == "json":
        print_json(stats.as_dict())
        return
    echo(f"TM: {stats.path} (schema {stats.schema_version})")
    echo(f"units: {stats.units:,}")
    echo("languages: " + (", ".join(f"{s}→{t} {n:,}" for s, t, n in stats.languages)
                          or "none"))
    echo("origins: " + (", ".join(f"{o or '(unknown)'} {n:,}" for o, n in stats.origins)
                        or "none"))
    per_unit = f" ({stats.size // stats.units:,} bytes a unit)" if stats.units else ""
    echo(f"size: {describe_size(stats.size)}{per_unit}")
