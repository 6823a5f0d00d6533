"""Settling the languages of a file's segments: the file's word checked against the text,
and the text's language where the file names none.

A file may name its languages (TMX ``xml:lang``, XLIFF ``source-language``, PO ``Language``)
or not (TSV, many PO files); it may also name them wrongly (a PO without ``Language`` read
as Russian, a French catalogue labelled ``en``). So the first segments of each side are
identified (`langid.identify`) and:

* a side the file does not name takes the identified language, or, when the side has no
  letters at all, the other language of the Russian–English pair; identified as neither
  Russian nor English, it is an error (``target looks French, not English``);
* a side the file names Russian or English must look like it: ``target looks French, not
  English`` is an error (the caller's `source_lang`/`target_lang` are taken as they are:
  they are how a user overrides the file);
* other languages are labelled as such, never as Russian, and left to the caller to refuse.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path

from .errors import InputError
from .langid import identify
from .langtags import name, primary, same
from .segment import Segment, without_codes

# How many segments are looked at to tell the languages of a file.
SAMPLE = 200
RU_EN = frozenset({"ru", "en"})
SIDES = ("source", "target")
GIVE = "give --from/--to"


def settle(segments: Iterable[Segment], path: str | Path | None = None, *,
           source_lang: str | None = None, target_lang: str | None = None
           ) -> Iterator[Segment]:
    """The segments with both languages set (see the module docstring).

    `source_lang`/`target_lang` are the caller's (already applied by the reader); a side
    they name is not second-guessed. Raises InputError when a side named Russian or English
    by the file reads as another language, or when neither side has a letter to go by.
    """
    segments = iter(segments)
    head = list(islice(segments, SAMPLE))
    named, found = {}, {}
    for side in SIDES:
        named[side] = _most_common(_tag(s, side) for s in head)
        # Only the units labelled with the side's usual tag (or none): a multilingual file
        # may hold other pairs, which must not outvote it.
        mine = [s for s in head if _tag(s, side) is None or same(_tag(s, side), named[side])]
        if side == "source":
            found[side] = identify(t for t in (without_codes(s.source, s.source_codes)
                                               for s in mine) if t.strip())
        else:
            # Targets that copy their source (code, names, untranslated units) speak only
            # when nothing else does; the others are read without the words they share with
            # their source.
            pairs = [(without_codes(s.target, s.target_codes), s.source) for s in mine]
            copies = [t for t, src in pairs if _is_copy(t, src)]
            found[side] = identify(
                o for o in (_own_words(t, src) for t, src in pairs if not _is_copy(t, src))
                if o.strip()) or identify(t for t in copies if t.strip())
    given = {"source": source_lang, "target": target_lang}
    langs = {}
    for side, other in zip(SIDES, reversed(SIDES)):
        lang = given[side] or named[side] or found[side]
        if not given[side] and found[side] is not None:
            if named[side] is not None and primary(named[side]) in RU_EN \
                    and found[side] != primary(named[side]):
                raise InputError(f"{side} looks {name(found[side])}, not {name(named[side])}; "
                                 f"{GIVE}", path=path)
            if named[side] is None and found[side] not in RU_EN:
                partner = primary(given[other] or named[other] or found[other])
                expected = {"ru": "English", "en": "Russian"}.get(partner or "",
                                                                 "Russian or English")
                raise InputError(f"{side} looks {name(found[side])}, not {expected}; {GIVE}",
                                 path=path)
        langs[side] = lang
    source, target = langs["source"], langs["target"]
    if source is None and target is None and head:
        raise InputError(f"cannot tell the languages: the text has no letters; {GIVE}",
                         path=path)
    source = source or _other(target)
    target = target or _other(source)
    for segment in chain(head, segments):
        if segment.source_lang and segment.target_lang:
            yield segment
        else:
            yield replace(segment, source_lang=segment.source_lang or source,
                          target_lang=segment.target_lang or target)


def _is_copy(text: str, other: str) -> bool:
    return " ".join(text.casefold().split()) == " ".join(other.casefold().split())


def _own_words(target: str, source: str) -> str:
    """A translation without the words it shares with its source: names and code carried
    over say nothing of its language («Модуль decimal» for "Module decimal" is Russian
    although most of its letters are Latin).

    >>> _own_words("Модуль decimal", "Module decimal"), _own_words("%s", "%d")
    ('Модуль ', '%s')
    """
    shared = {w.casefold() for w in _WORDS.findall(source)}
    return _WORDS.sub(lambda m: "" if m.group().casefold() in shared else m.group(), target)


_WORDS = re.compile(r"\w+")


def is_ru_en(source_lang: str | None, target_lang: str | None) -> bool:
    """Whether a pair is Russian→English or English→Russian.

    >>> is_ru_en("en-US", "ru"), is_ru_en("en", "fr"), is_ru_en("ru", "ru")
    (True, False, False)
    """
    return {primary(source_lang), primary(target_lang)} == RU_EN


def _tag(segment: Segment, side: str) -> str | None:
    return segment.source_lang if side == "source" else segment.target_lang


def _most_common(tags: Iterable[str | None]) -> str | None:
    counts = Counter(t for t in tags if t)
    return counts.most_common(1)[0][0] if counts else None


def _other(lang: str | None) -> str | None:
    """The other language of the pair for a side with no letters (e.g. only numbers)."""
    return {"ru": "en", "en": "ru"}.get(primary(lang) or "")
