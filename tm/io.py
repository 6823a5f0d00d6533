"""Importing files into the TM and exporting it, through glossary.formats (no parsers here)."""
from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path

from glossary.errors import GlossaryError, InputError
from glossary.formats import detect_direction, read_segments, write_segments
from glossary.segment import Segment

from .model import ImportReport
from .store import TranslationMemory

# How many segments are looked at to tell the languages of a file that names none.
_SAMPLE = 200


def import_file(tm: TranslationMemory, path: str | Path, fmt: str | None = None, *,
                source_lang: str | None = None, target_lang: str | None = None,
                include_fuzzy: bool = False,
                progress: Callable[[Segment], None] | None = None,
                jobs: int = 1) -> ImportReport:
    """Import one file in one transaction: all its units, or none of them (`jobs` > 1:
    analysed in that many processes; the TM is the same).

    Languages: the caller's win, then the file's; a file naming none (TSV, a PO without
    X-Source-Language) has the missing ones told by script (Cyrillic → ru, Latin → en).
    Units the reader passes over (untranslated, obsolete, fuzzy, empty…) are listed in the
    report; malformed input raises InputError and leaves the TM as it was.
    """
    path = Path(path)
    skipped: list[tuple[int | None, str]] = []
    segments = read_segments(path, fmt, source_lang=source_lang, target_lang=target_lang,
                             include_fuzzy=include_fuzzy,
                             on_skip=lambda line, reason, _source: skipped.append((line, reason)))
    segments = _with_languages(segments, path)
    added, duplicates = tm.add(segments, origin=path.name, path=path, progress=progress,
                               jobs=jobs)
    return ImportReport(str(path), added, duplicates, tuple(skipped))


def _with_languages(segments: Iterable[Segment], path: Path) -> Iterator[Segment]:
    """Fill languages a file leaves open from the script of its first segments."""
    segments = iter(segments)
    head = list(islice(segments, _SAMPLE))
    if not any(s.source_lang is None or s.target_lang is None for s in head):
        yield from chain(head, segments)
        return
    try:
        guessed = detect_direction(head)
    except InputError as exc:
        raise InputError(f"unknown languages: {exc.message}; give --source-lang and "
                         "--target-lang", path=path) from None
    for segment in chain(head, segments):
        source = segment.source_lang or guessed[0]
        other = guessed[1] if _primary(source) != guessed[1] else guessed[0]
        target = segment.target_lang or other
        if _primary(source) == _primary(target):
            raise InputError(f"unknown languages: the source and target would both be {source}; "
                             "give --source-lang and --target-lang", path=path, line=segment.line)
        yield replace(segment, source_lang=source, target_lang=target)


def _primary(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


def export_file(tm: TranslationMemory, path: str | Path, fmt: str | None = None, *,
                source_lang: str | None = None, target_lang: str | None = None) -> int:
    """Write the units of one language pair to a file (atomically); return how many.

    The pair is the TM's only one unless `source_lang`/`target_lang` choose.
    """
    source_lang, target_lang = choose_pair(tm, source_lang, target_lang)
    written = 0

    def counted():
        nonlocal written
        for unit in tm.units(source_lang=source_lang, target_lang=target_lang):
            written += 1
            yield unit.to_segment()

    write_segments(path, counted(), fmt, source_lang=_full_tag(tm, source_lang, 0),
                   target_lang=_full_tag(tm, target_lang, 1))
    return written


def export_text(tm: TranslationMemory, fmt: str, *, source_lang: str | None = None,
                target_lang: str | None = None) -> tuple[str, int]:
    """The export as text (for standard output) and the number of units."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"export.{fmt}"
        count = export_file(tm, out, fmt, source_lang=source_lang, target_lang=target_lang)
        return out.read_text(encoding="utf-8"), count


def choose_pair(tm: TranslationMemory, source_lang: str | None, target_lang: str | None
                ) -> tuple[str, str]:
    """The language pair to work on: the one asked for, else the TM's only one."""
    pairs = [(s, t) for s, t, _n in tm.language_pairs()
             if (not source_lang or s == source_lang.split("-")[0].lower())
             and (not target_lang or t == target_lang.split("-")[0].lower())]
    if len(pairs) == 1:
        return pairs[0]
    if not pairs:
        if source_lang and target_lang:
            return source_lang, target_lang
        raise GlossaryError("the translation memory holds no units"
                            + (" in that language pair" if source_lang or target_lang else ""))
    listed = ", ".join(f"{s}→{t}" for s, t in pairs)
    raise GlossaryError(f"the translation memory holds several language pairs ({listed}); "
                        "choose one with --source-lang and --target-lang")


def _full_tag(tm: TranslationMemory, primary: str, side: int) -> str:
    """The tag most units of the pair use for a side (ru-RU rather than ru, if so written)."""
    column = "source_lang" if side == 0 else "target_lang"
    rows = tm.db.execute(f"SELECT {column}, count(*) FROM units WHERE {column} = ? OR "
                         f"{column} LIKE ? GROUP BY 1", (primary, primary + "-%")).fetchall()
    counts = Counter(dict(rows))
    return counts.most_common(1)[0][0] if counts else primary

