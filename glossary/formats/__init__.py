"""The one registry of bilingual formats (drafts, translation memories): PO, TMX, XLIFF, TSV.

Every format module has the same shape::

    NAME: str
    EXTENSIONS: tuple[str, ...]
    read(path, *, source_lang=None, target_lang=None, include_fuzzy=False,
         on_skip=None) -> Iterator[Segment]
    write(path, segments, *, source_lang, target_lang) -> None   # atomic

Readers yield only usable segments (non-empty source and target). Every unit they pass
over -- fuzzy, untranslated, obsolete, empty, lacking a language, marked not to translate
-- is reported through the optional `on_skip(line, reason, source)` callback, so a caller can count
or list skips without the reader printing anything.

Languages: when the caller names them, segments carry the caller's codes; otherwise the
codes the file gives (which may be None, e.g. for TSV). Codes are compared by primary
subtag, case-insensitively (`same_lang`), so ``ru``, ``RU``, ``ru-RU`` and ``ru_RU`` agree.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from pathlib import Path
from types import ModuleType

from ..errors import InputError
from ..normalize import script
from ..segment import Segment
from ..textio import read_text

# (line, reason, source text when the unit had one: an untranslated unit's source)
OnSkip = Callable[[int | None, str, str | None], None]

# Reasons passed to on_skip, shared so that callers can group them.
SKIP_FUZZY = "fuzzy (needs review); not read unless fuzzy entries are included"
SKIP_UNTRANSLATED = "untranslated"
SKIP_OBSOLETE = "obsolete entry"
SKIP_EMPTY_SOURCE = "empty source text"
SKIP_NOT_TRANSLATABLE = "marked not to translate"

# How far to look when telling the direction of a file by its script.
DIRECTION_SAMPLE = 200


# --- helpers the format modules share (defined before the modules are imported below) ---

@lru_cache(maxsize=256)  # files repeat a handful of codes in every unit
def primary(code: str | None) -> str | None:
    """The primary language subtag, lower-cased; None for none or TMX's `*all*`.

    >>> primary("ru-RU"), primary("EN_us"), primary("RU"), primary("*all*"), primary(None)
    ('ru', 'en', 'ru', None, None)
    """
    if not code or not code.strip() or code.strip() == "*all*":
        return None
    return re.split(r"[-_]", code.strip(), maxsplit=1)[0].lower()


def same_lang(a: str | None, b: str | None) -> bool:
    """Whether two language codes name the same language (by primary subtag).

    >>> same_lang("ru-RU", "ru"), same_lang("en-GB", "en-US"), same_lang("en", None)
    (True, True, False)
    """
    return primary(a) is not None and primary(a) == primary(b)


def resolve_langs(file_source: str | None, file_target: str | None,
                  source_lang: str | None, target_lang: str | None,
                  path: str | Path | None = None) -> tuple[str | None, str | None, bool]:
    """Languages for the segments of a one-direction file, and whether to swap its sides.

    The caller's languages win; the file's fill the gaps. The file is read the way round
    that agrees with more of what the caller named (as it is, on a tie); a file naming
    other languages than the caller's is an error.

    >>> resolve_langs("en-US", "ru-RU", None, None)
    ('en-US', 'ru-RU', False)
    >>> resolve_langs("en", "ru", "ru", "en")
    ('ru', 'en', True)
    >>> resolve_langs(None, "ru", "ru", None)
    ('ru', None, True)
    """
    def score(pairs: tuple[tuple[str | None, str | None], ...]) -> int | None:
        """How many named pairs agree; None when one contradicts."""
        if any(a and b and not same_lang(a, b) for a, b in pairs):
            return None
        return sum(bool(a and b) for a, b in pairs)

    as_is = score(((file_source, source_lang), (file_target, target_lang)))
    swapped = score(((file_source, target_lang), (file_target, source_lang)))
    if as_is is not None and (swapped is None or as_is >= swapped):
        return source_lang or file_source, target_lang or file_target, False
    if swapped is not None:
        return source_lang or file_target, target_lang or file_source, True
    raise InputError(f"the file is {_pair((file_source, file_target))}, "
                     f"not {_pair((source_lang, target_lang))}", path=path)


def swap(segment: Segment) -> Segment:
    """The segment's texts the other way round; languages are left as they are.

    Readers label segments with the languages `resolve_langs` settled on, then swap the
    texts. Plural forms are paired as far as both sides go: the new source plural is the
    first target plural, and the old source plural becomes the only target plural
    (Russian's extra forms have no English counterpart).
    """
    plurals = segment.target_plurals
    return replace(segment, source=segment.target, target=segment.source,
                   source_codes=segment.target_codes, target_codes=segment.source_codes,
                   source_plural=plurals[0] if plurals else None,
                   target_plurals=() if segment.source_plural is None else (segment.source_plural,))


def skipped(on_skip: OnSkip | None, line: int | None, reason: str,
            source: str | None = None) -> None:
    """Report a skipped unit when the caller asked to hear about skips."""
    if on_skip is not None:
        on_skip(line, reason, source)


def read_nonempty(path: str | Path) -> str:
    """The file's text (as `textio.read_text` decodes it); an empty file is an error."""
    text = read_text(path)
    if not text.strip():
        raise InputError("empty file", path=path)
    return text


def _pair(langs: tuple[str | None, str | None]) -> str:
    return "→".join(code or "?" for code in langs)


# --- the registry ---

from . import po, tmx, tsv, xliff  # noqa: E402  (the modules use the helpers above)

FORMATS: dict[str, ModuleType] = {m.NAME: m for m in (po, tmx, xliff, tsv)}

_SNIFF_BYTES = 64 * 1024


def detect(path: str | Path) -> str:
    """Format name of a bilingual file: by extension, else by its first 64 KiB."""
    path = Path(path)
    suffix = path.suffix.lower()
    for name, module in FORMATS.items():
        if suffix in module.EXTENSIONS:
            return name
    head = _head(path)
    markers = [(head.find(tag), name) for tag, name in (("<tmx", "tmx"), ("<xliff", "xliff"))]
    found = sorted((at, name) for at, name in markers if at >= 0)
    if found:
        return found[0][1]
    if re.search(r'^\s*(#~\s*)?msgid\s+"', head, re.MULTILINE):
        return "po"
    if "\t" in head:
        return "tsv"
    raise InputError(f"cannot tell the format of {path.name}; use --format "
                     f"({', '.join(FORMATS)})", path=path)


def module(fmt: str) -> ModuleType:
    """The format module for a name, or InputError listing the known ones."""
    try:
        return FORMATS[fmt]
    except KeyError:
        raise InputError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}") from None


def read_segments(path: str | Path, fmt: str | None = None, **kw) -> Iterator[Segment]:
    """Read segments from any registered format (detected when `fmt` is None).

    Keywords are those of the modules' `read`: source_lang, target_lang, include_fuzzy,
    on_skip.
    """
    return module(fmt or detect(path)).read(path, **kw)


def write_segments(path: str | Path, segments: Iterable[Segment], fmt: str | None = None,
                   **kw) -> None:
    """Write segments atomically in a registered format (detected by extension when None)."""
    if fmt is None:
        suffix = Path(path).suffix.lower()
        fmt = next((n for n, m in FORMATS.items() if suffix in m.EXTENSIONS), None)
        if fmt is None:
            raise InputError(f"cannot tell the format to write from the extension "
                             f"{suffix or '(none)'}; use --format ({', '.join(FORMATS)})",
                             path=path)
    module(fmt).write(path, segments, **kw)


def read_text_pair(source_path: str | Path, target_path: str | Path, *,
                   source_lang: str | None = None, target_lang: str | None = None
                   ) -> list[Segment]:
    """Align two plain-text files line by line (one sentence a line, as in OPUS sets).

    Files with the same number of lines (trailing blank lines aside) are aligned by line
    number: a line left empty on one side is a segment with that side empty (an untranslated
    sentence is reported, not shifted onto the next one); lines empty on both sides are
    skipped. Otherwise blank lines are ignored on both sides and the non-empty lines
    aligned. Text is stripped of surrounding whitespace, and `line` is the line number in
    the source file. Counts that match neither way are an error, because aligning the rest
    by position would pair wrong sentences.
    """
    source_lines = _lines(source_path)
    target_lines = _lines(target_path)
    if len(source_lines) == len(target_lines):
        return [Segment(source=s, target=t, source_lang=source_lang, target_lang=target_lang,
                        line=n)
                for n, (s, t) in enumerate(zip(source_lines, target_lines), start=1)
                if s or t]
    sources = [(n, s) for n, s in enumerate(source_lines, start=1) if s]
    targets = [t for t in target_lines if t]
    if len(sources) != len(targets):
        raise InputError(f"{Path(source_path).name} has {len(source_lines)} lines "
                         f"({len(sources)} non-empty) but {Path(target_path).name} has "
                         f"{len(target_lines)} ({len(targets)} non-empty); they must align "
                         "line by line", path=source_path)
    return [Segment(source=s, target=t, source_lang=source_lang, target_lang=target_lang, line=n)
            for (n, s), t in zip(sources, targets)]


def detect_direction(segments: Iterable[Segment]) -> tuple[str, str]:
    """("ru", "en") or ("en", "ru"), by the script of the first segments' source text."""
    text = "\n".join(s.source for s in islice(segments, DIRECTION_SAMPLE))
    lang = script(text)
    if lang is None:
        raise InputError("cannot tell the direction: the source text has no Cyrillic or "
                         "Latin letters")
    return (lang, "en" if lang == "ru" else "ru")


def _lines(path: str | Path) -> list[str]:
    """The file's lines, stripped, without the blank lines at its end."""
    lines = [line.strip() for line in read_text(path).split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _head(path: Path) -> str:
    try:
        with open(path, "rb") as f:
            data = f.read(_SNIFF_BYTES)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace")


__all__ = ["FORMATS", "OnSkip", "detect", "detect_direction", "module", "primary",
           "read_nonempty", "read_segments", "read_text_pair", "resolve_langs", "same_lang",
           "skipped", "swap", "write_segments"]
