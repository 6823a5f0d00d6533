"""XLIFF bilingual files: 1.2 (and the older 1.0/1.1) and 2.0 read; 1.2 written.

XLIFF 1.2 is written because it is what most CAT tools still import and export. Reading
streams the file and works with or without the namespace.

* 1.2: each ``<trans-unit id>`` is a segment, ``<source>``/``<target>`` its texts; a unit
  segmented by ``<seg-source>`` gives each ``<mrk mtype="seg">`` as a segment (id
  ``UNIT/MID`` when it has several; a target not segmented so is read with the unit whole);
  languages from the enclosing ``<file source-language target-language>``;
  ``translate="no"`` units (on the unit, else inherited from its ``<group>`` or ``<file>``)
  are skipped through `on_skip`. State: no target, an empty or
  whitespace-only one, or a target ``state`` of ``new``/``needs-translation`` is
  untranslated; ``needs-review-*``, ``needs-adaptation``, ``needs-l10n`` are fuzzy; the rest
  translated. ``<note>``\\s → note; ``<context context-type="x-context">`` (or
  ``x-po-msgctxt``) → context; the target's ``state`` and the unit's ``resname``,
  ``restype`` and ``approved`` → props. ``<alt-trans>`` proposals are not read.
* 2.0: each ``<segment>`` of a ``<unit>`` is a segment of its own (the checker numbers it,
  the TM stores it as a unit), with id ``UNIT`` when the unit has one segment and
  ``UNIT/SEGMENT`` (the segment's id, else its position) when it has several. ``<ignorable>``
  parts (the whitespace between sentences) belong to no segment and are not kept.
  Languages from ``<xliff srcLang trgLang>``; ``<notes><note>`` → note of each segment. A
  segment without a target, or with an empty one, is untranslated; the ``state`` attribute
  (kept in props) does not make a segment fuzzy, because ``initial`` is also what every
  segment without a state has.
* inline codes: see `inline`. Native codes (1.2 ``<x/> <bx/> <ex/> <ph> <bpt> <ept> <it>``,
  2.0 ``<ph/> <sc/> <ec/> <cp/> <sm/> <em/>``) are one code each; ``<g>``, ``<pc>``,
  ``<mrk>`` give a code for their start and end tags around their text.
* `line` is the line of the unit's (2.0: the segment's; 1.2 segmented: the ``<mrk>``'s) start tag; plural groups are read
  unit by unit (no plural forms).

A file whose languages are the caller's reversed is read swapped; see `resolve_langs`.
Writing: one ``<file>`` per run of segments with the same language tags (each unit keeps
its locale), a unit's id (or its 1-based position), its state, note and context; codes
from TMX or XLIFF 2.0 are written as ``<ph>`` holding their markup.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from lxml import etree

from .. import xmlsafe
from ..segment import FUZZY, TRANSLATED, UNTRANSLATED, Segment, without_codes
from . import inline
from .base import SKIP_EMPTY_SOURCE, SKIP_NOT_TRANSLATABLE, OnSkip, resolve_langs, skipped, swap

NAME = "xliff"
EXTENSIONS = (".xlf", ".xliff")

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NATIVE_12 = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it"})
NATIVE_20 = frozenset({"ph", "sc", "ec", "cp", "sm", "em"})
# The codes XLIFF 1.2 takes as they are (with an id, unlike TMX's); others become <ph>.
_CODES_12 = frozenset({"g", "x", "bx", "ex", "ph", "bpt", "ept", "it"})
_CLOSERS_12 = frozenset({"/g", "/mrk", "mrk"})
UNTRANSLATED_STATES = frozenset({"new", "needs-translation"})
FUZZY_STATES = frozenset({"needs-review-translation", "needs-review-l10n",
                          "needs-review-adaptation", "needs-adaptation", "needs-l10n"})
CONTEXT_TYPES = ("x-context", "x-po-msgctxt")
PROP_STATE = "state"
UNIT_ATTRIBUTES = ("resname", "restype", "approved")


def read(path: str | Path, *, source_lang: str | None = None, target_lang: str | None = None,
         on_skip: OnSkip | None = None) -> Iterator[Segment]:
    """Yield the units (2.0: segments) of an XLIFF 1.x or 2.0 file (see the docstring)."""
    resolved: dict[tuple[str | None, str | None], tuple[str | None, str | None, bool]] = {}
    for unit in xmlsafe.iterparse(path, ("trans-unit", "unit"), root="xliff"):
        # The element carrying the languages: <file> in 1.x, the root in 2.0.
        holder = next(unit.iterancestors("{*}file"), None)
        if holder is None or holder.get("source-language") is None:
            holder = unit.getroottree().getroot()
        key = (holder.get("source-language") or holder.get("srcLang"),
               holder.get("target-language") or holder.get("trgLang"))
        if key not in resolved:
            resolved[key] = resolve_langs(*key, source_lang, target_lang, path)
        src, tgt, reverse = resolved[key]
        if not _translatable(unit):
            skipped(on_skip, unit.sourceline, SKIP_NOT_TRANSLATABLE)
            continue
        parts = _units_12(unit) if xmlsafe.local(unit.tag) == "trans-unit" else _units_20(unit)
        for segment in parts:
            if not without_codes(segment.source, segment.source_codes).strip():
                skipped(on_skip, segment.line, SKIP_EMPTY_SOURCE)
                continue
            segment = replace(segment, source_lang=src, target_lang=tgt)
            yield swap(segment) if reverse else segment


def _translatable(unit: etree._Element) -> bool:
    """``translate`` is inherited (XLIFF 2.0 says so; 1.2 tools read a ``<group>``'s alike):
    the unit's own, else its nearest ``<group>``'s or ``<file>``'s."""
    for elem in (unit, *unit.iterancestors()):
        value = elem.get("translate")
        if value is not None:
            return value != "no"
    return True


def _units_12(unit: etree._Element) -> list[Segment]:
    source, target = xmlsafe.child(unit, "source"), xmlsafe.child(unit, "target")
    source_text, source_codes = _text(source, NATIVE_12)
    target_text, target_codes = _text(target, NATIVE_12)
    notes = [xmlsafe.inline_text(n) for n in xmlsafe.children(unit, "note")]
    context = None
    for group in xmlsafe.children(unit, "context-group"):
        for item in xmlsafe.children(group, "context"):
            if item.get("context-type") in CONTEXT_TYPES and context is None:
                context = xmlsafe.inline_text(item)
    target_state = None if target is None else target.get("state")
    props = [(name, unit.get(name)) for name in UNIT_ATTRIBUTES if unit.get(name) is not None]
    if target_state is not None:
        props.insert(0, (PROP_STATE, target_state))
    kind = _state_12(target, target_text, target_state)
    whole = Segment(source=source_text, target=target_text, line=unit.sourceline,
                    context=context, note="\n".join(notes) if notes else None,
                    id=unit.get("id"), fuzzy=kind == FUZZY, props=tuple(props), state=kind,
                    source_codes=source_codes, target_codes=target_codes)
    marks = _seg_marks(xmlsafe.child(unit, "seg-source"))
    target_marks = {mark.get("mid"): mark for mark in _seg_marks(target)}
    if not marks or (target_text.strip() and not target_marks):
        return [whole]
    found = []
    for number, mark in enumerate(marks, start=1):
        source_text, source_codes = _text(mark, NATIVE_12)
        target_mark = target_marks.get(mark.get("mid"))
        target_text, target_codes = _text(target_mark, NATIVE_12)
        kind = _state_12(target_mark, target_text, target_state)
        unit_id = whole.id if len(marks) == 1 else f"{whole.id}/{mark.get('mid') or number}"
        found.append(replace(whole, source=source_text, target=target_text, line=mark.sourceline,
                             id=unit_id, fuzzy=kind == FUZZY, state=kind,
                             source_codes=source_codes, target_codes=target_codes))
    return found


def _state_12(target: etree._Element | None, text: str, state: str | None) -> str:
    if target is None or not text.strip() or state in UNTRANSLATED_STATES:
        return UNTRANSLATED
    return FUZZY if state in FUZZY_STATES else TRANSLATED


def _seg_marks(elem: etree._Element | None) -> list[etree._Element]:
    """The sentences of a segmented 1.2 unit: its ``<mrk mtype="seg">`` (in ``<seg-source>``
    and ``<target>``), which may sit inside a ``<g>``."""
    if elem is None:
        return []
    return [mark for mark in elem.iter("{*}mrk", "mrk") if mark.get("mtype") == "seg"]


def _units_20(unit: etree._Element) -> list[Segment]:
    holder = xmlsafe.child(unit, "notes")
    notes = [] if holder is None else [xmlsafe.inline_text(n)
                                       for n in xmlsafe.children(holder, "note")]
    parts = xmlsafe.children(unit, "segment")
    found = []
    for number, part in enumerate(parts, start=1):
        source_text, source_codes = _text(xmlsafe.child(part, "source"), NATIVE_20)
        target = xmlsafe.child(part, "target")
        target_text, target_codes = _text(target, NATIVE_20)
        unit_id = unit.get("id")
        if len(parts) > 1:
            unit_id = f"{unit_id}/{part.get('id') or number}"
        kind = TRANSLATED if target is not None and target_text.strip() else UNTRANSLATED
        props = ((PROP_STATE, part.get("state")),) if part.get("state") else ()
        found.append(Segment(source=source_text, target=target_text, line=part.sourceline,
                             note="\n".join(notes) if notes else None, id=unit_id,
                             props=props, state=kind, source_codes=source_codes,
                             target_codes=target_codes))
    return found


def _text(elem: etree._Element | None, native: frozenset[str]
          ) -> tuple[str, tuple[tuple[int, int], ...]]:
    return ("", ()) if elem is None else inline.read(elem, native)


def write(path: str | Path, segments: Iterable[Segment], *, source_lang: str,
          target_lang: str) -> None:
    """Write segments as XLIFF 1.2, atomically."""
    xmlsafe.write(path, render(segments, source_lang=source_lang, target_lang=target_lang))


def render(segments: Iterable[Segment], *, source_lang: str, target_lang: str) -> Iterator[str]:
    """The XLIFF 1.2 document in pieces (joined by `write`)."""
    attr = xmlsafe.escape_attr
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{NS_12}">\n'
    current, files = None, 0
    for number, segment in enumerate(segments, start=1):
        langs = (segment.source_lang or source_lang, segment.target_lang or target_lang)
        if langs != current:
            if current is not None:
                yield "    </body>\n  </file>\n"
            files += 1
            original = "segments" if files == 1 else f"segments-{files}"
            yield (f'  <file original="{original}" datatype="plaintext" '
                   f'source-language="{attr(langs[0])}" target-language="{attr(langs[1])}">\n'
                   "    <body>\n")
            current = langs
        yield from _trans_unit(segment, number)
    if current is None:
        yield (f'  <file original="segments" datatype="plaintext" '
               f'source-language="{attr(source_lang)}" target-language="{attr(target_lang)}">\n'
               "    <body>\n")
    yield "    </body>\n  </file>\n</xliff>\n"


def fits(code: str) -> bool:
    """Whether a code is XLIFF 1.2 markup (its codes have an ``id``; TMX's have none)."""
    found = inline.tag_of(code)
    if found is None:
        return False
    name, attrs = found
    return name in _CLOSERS_12 or (name in _CODES_12 and "id" in attrs)


def _wrap(escaped: str, n: int) -> str:
    return f'<ph id="w{n}">{escaped}</ph>'


def _trans_unit(segment: Segment, number: int) -> Iterator[str]:
    esc, attr = xmlsafe.escape_text, xmlsafe.escape_attr
    props = dict(segment.props)
    state = props.get(PROP_STATE)
    if segment.fuzzy and state not in FUZZY_STATES:
        state = "needs-review-translation"
    if state is not None and not _is_12_state(state):
        state = None  # e.g. an XLIFF 2.0 state: no 1.2 equivalent we could vouch for
    state_attr = f' state="{attr(state)}"' if state else ""
    unit_id = segment.id if segment.id is not None else str(number)
    extra = "".join(f' {name}="{attr(props[name])}"' for name in UNIT_ATTRIBUTES
                    if name in props and (name != "approved" or props[name] in ("yes", "no")))
    source = inline.write(segment.source, segment.source_codes, fits, _wrap)
    target = inline.write(segment.target, segment.target_codes, fits, _wrap)
    yield (f'      <trans-unit id="{attr(unit_id)}"{extra} xml:space="preserve">\n'
           f"        <source>{source}</source>\n"
           f"        <target{state_attr}>{target}</target>\n")
    if segment.note is not None:
        yield f"        <note>{esc(segment.note)}</note>\n"
    if segment.context is not None:
        yield ('        <context-group purpose="information">'
               f'<context context-type="{CONTEXT_TYPES[0]}">{esc(segment.context)}</context>'
               "</context-group>\n")
    yield "      </trans-unit>\n"


_STATES_12 = frozenset({"final", "needs-adaptation", "needs-l10n", "needs-review-adaptation",
                        "needs-review-l10n", "needs-review-translation", "needs-translation",
                        "new", "signed-off", "translated"})


def _is_12_state(state: str) -> bool:
    return state in _STATES_12 or state.startswith("x-")
