"""Importing files into the TM and exporting it, through glossary.formats (no parsers here)."""
from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from glossary.errors import GlossaryError, InputError
from glossary.langtags import pair, primary
from glossary.segment import OBSOLETE, Segment

from .model import ImportReport
from .store import TranslationMemory

def import_file(tm: TranslationMemory, path: str | Path, fmt: str | None = None, *,
                source_lang: str | None = None, target_lang: str | None = None,
                include_fuzzy: bool = False,
                progress: Callable[[Segment], None] | None = None,
                jobs: int = 1) -> ImportReport:
    """Import one file in one transaction: all its units, or none of them (`jobs` > 1:
    analysed in that many processes; the TM is the same).

    Languages: the caller's win, then the file's, checked against the text; a side the file
    does not name is told from its text (`glossary.languages.settle`). Only
    Russian–English units are stored: others are skipped with their pair, and a file with
    none at all is refused (InputError) saying which pair it is. Units that are not
    translated (untranslated, whitespace-only, obsolete, fuzzy unless `include_fuzzy`) are
    listed in the report; malformed input raises InputError and leaves the TM as it was.
    """
    # The file formats' readers, imported here: `tm` is imported by every TM command, and
    # a search (a new process per call) never reads a file.
    from glossary.formats import SKIP_FOREIGN, all_unpaired, read_segments, usable
    from glossary.languages import is_ru_en, settle

    path = Path(path)
    skipped: list[tuple[int | None, str]] = []
    foreign: Counter[str] = Counter()

    def skip(line: int | None, reason: str, _source: str | None = None) -> None:
        skipped.append((line, reason))

    # Languages are settled over every unit, untranslated ones too, so that a French file
    # with nothing translated yet is refused as French, not imported as "0 added".
    segments = settle(read_segments(path, fmt, source_lang=source_lang,
                                    target_lang=target_lang, on_skip=skip),
                      path, source_lang=source_lang, target_lang=target_lang)

    def russian_english() -> Iterator[Segment]:
        for segment in segments:
            if is_ru_en(segment.source_lang, segment.target_lang):
                yield segment
            elif segment.state != OBSOLETE:
                found = pair(segment.source_lang, segment.target_lang)
                foreign[found] += 1
                skip(segment.line, SKIP_FOREIGN.format(pair=found))

    added, duplicates = tm.add(usable(russian_english(), include_fuzzy=include_fuzzy,
                                      on_skip=skip),
                               origin=path.name, path=path, progress=progress, jobs=jobs)
    if not added + duplicates and all_unpaired(skipped):
        raise InputError(f"no Russian–English unit: {skipped[0][1]}", path=path)
    if foreign and not added + duplicates:
        pairs = ", ".join(p for p, _n in foreign.most_common())
        raise InputError(f"not a Russian–English file: its units are {pairs}; "
                         "give --from/--to if the file names its languages wrongly", path=path)
    return ImportReport(str(path), added, duplicates, tuple(skipped))


def export_file(tm: TranslationMemory, path: str | Path, fmt: str | None = None, *,
                source_lang: str | None = None, target_lang: str | None = None) -> int:
    """Write the units of one language pair to a file (atomically); return how many.

    The pair is the TM's only one unless `source_lang`/`target_lang` choose.
    """
    from glossary.formats import write_segments

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
             if (not source_lang or s == primary(source_lang))
             and (not target_lang or t == primary(target_lang))]
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

