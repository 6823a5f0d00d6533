"""The contract every bilingual format module fulfils, and the helpers they share.

A format module (po, tmx, xliff, tsv) has this shape, like translate-toolkit's
``storage/base.py``; the registry (``formats/__init__.py``) maps names and extensions to
modules, like its ``factory.py``::

    NAME: str
    EXTENSIONS: tuple[str, ...]
    read(path, *, source_lang=None, target_lang=None, on_skip=None) -> Iterator[Segment]
    write(path, segments, *, source_lang, target_lang) -> None   # atomic

Readers yield every *unit* of the file with its `Segment.state`: translated, untranslated
(no target, an empty or whitespace-only one, or a state saying so), fuzzy (with
``fuzzy=True``) or obsolete. Callers choose what to use (`usable`). What is not a unit at
all -- an empty source, a unit marked not to translate, a TMX unit without the language
pair -- is reported through the optional `on_skip(line, reason, source)` callback.

Languages: when the caller names them, segments carry the caller's tags; otherwise the tags
the file gives (which may be None, e.g. for TSV; `glossary.languages` fills them from the
text). Tags are compared by primary subtag (`glossary.langtags`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..langtags import pair, same
from ..segment import FUZZY, OBSOLETE, TRANSLATED, UNTRANSLATED, Segment
from ..textio import read_text

# (line, reason, source text when the unit had one)
OnSkip = Callable[[int | None, str, str | None], None]

# Reasons for passing over a unit, shared so that callers can group them.
SKIP_FUZZY = "fuzzy (needs review); not read unless fuzzy entries are included"
SKIP_UNTRANSLATED = "untranslated"
SKIP_OBSOLETE = "obsolete entry"
SKIP_EMPTY_SOURCE = "empty source text"
SKIP_NOT_TRANSLATABLE = "marked not to translate"
SKIP_NO_PAIR = "no {pair}pair of languages in the unit (it has: {langs})"
_NO_PAIR_PREFIX = SKIP_NO_PAIR.split("{")[0]
SKIP_FOREIGN = "{pair}, not a Russian–English pair"


def all_unpaired(skipped: list[tuple[int | None, str]]) -> bool:
    """Whether every unit passed over (and there were some) lacked a language pair: a file
    of which nothing can be taken, and that must be refused, not reported as empty."""
    return bool(skipped) and all(reason.startswith(_NO_PAIR_PREFIX) for _l, reason in skipped)


REASONS = {FUZZY: SKIP_FUZZY, UNTRANSLATED: SKIP_UNTRANSLATED, OBSOLETE: SKIP_OBSOLETE}


def state(target: str | None, *, fuzzy: bool = False, obsolete: bool = False) -> str:
    """A unit's state from what its file says: no target or only whitespace is untranslated
    whatever else the file claims (memoQ and SDL write ``<target> </target>`` for "empty").

    >>> state(" "), state("Файл", fuzzy=True), state("Файл")
    ('untranslated', 'fuzzy', 'translated')
    """
    if obsolete:
        return OBSOLETE
    if target is None or not target.strip():
        return UNTRANSLATED
    return FUZZY if fuzzy else TRANSLATED


def usable(segments: Iterable[Segment], *, include_fuzzy: bool = False,
           keep_untranslated: bool = False, on_skip: OnSkip | None = None
           ) -> Iterator[Segment]:
    """The segments a caller works on: translated ones, fuzzy ones when asked, untranslated
    ones when asked (the checker reports them); every other one goes to `on_skip`."""
    for segment in segments:
        if (segment.state == TRANSLATED or (segment.state == FUZZY and include_fuzzy)
                or (segment.state == UNTRANSLATED and keep_untranslated)):
            yield segment
        else:
            skipped(on_skip, segment.line, REASONS.get(segment.state, segment.state),
                    segment.source)


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
        if any(a and b and not same(a, b) for a, b in pairs):
            return None
        return sum(bool(a and b) for a, b in pairs)

    as_is = score(((file_source, source_lang), (file_target, target_lang)))
    swapped = score(((file_source, target_lang), (file_target, source_lang)))
    if as_is is not None and (swapped is None or as_is >= swapped):
        return source_lang or file_source, target_lang or file_target, False
    if swapped is not None:
        return source_lang or file_target, target_lang or file_source, True
    raise InputError(f"the file is {pair(file_source, file_target)}, "
                     f"not {pair(source_lang, target_lang)}", path=path)


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
