"""XLIFF bilingual files: 1.2 (and the older 1.0/1.1) and 2.0 read; 1.2 written.

XLIFF 1.2 is written because it is what most CAT tools still import and export. Reading
streams the file and works with or without the namespace. For each unit:

* 1.2: ``<trans-unit id>`` with ``<source>``/``<target>``; languages from the enclosing
  ``<file source-language target-language>``; ``translate="no"`` units are skipped; a target
  ``state`` of ``new`` or ``needs-translation`` counts as untranslated, ``needs-review-*``,
  ``needs-adaptation`` and ``needs-l10n`` as fuzzy; ``<note>``\\s → note; a
  ``<context context-type="x-context">`` (or ``x-po-msgctxt``) → context.
* 2.0: ``<unit id>``: the source and target texts of all its ``<segment>`` and
  ``<ignorable>`` parts, joined in order; languages from ``<xliff srcLang trgLang>``;
  ``<notes><note>`` → note. The ``state`` attribute is not taken as fuzziness, because
  ``initial`` is also what every unit without a state has.
* inline markup: the text of 1.2 ``<g> <mrk>`` and 2.0 ``<pc> <mrk>`` is kept; native codes
  (1.2 ``<x/> <bx/> <ex/> <ph> <bpt> <ept> <it>``, 2.0 ``<ph/> <sc/> <ec/> <cp/>``) are
  dropped, so a 2.0 ``<cp hex>`` character is lost.
* the target state is kept in props as ``state``; `line` is the unit's start tag line;
  plural groups are read unit by unit (no plural forms).

A file whose languages are the caller's reversed is read swapped; see `resolve_langs`.
Writing needs an id for every unit: a segment without one gets its 1-based position.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from lxml import etree

from .. import xmlsafe
from ..segment import Segment
from . import (SKIP_EMPTY_SOURCE, SKIP_FUZZY, SKIP_NOT_TRANSLATABLE, SKIP_UNTRANSLATED, OnSkip,
               resolve_langs, skipped, swap)

NAME = "xliff"
EXTENSIONS = (".xlf", ".xliff")

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NATIVE_CODES = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it", "sc", "ec", "cp"})
UNTRANSLATED_STATES = frozenset({"new", "needs-translation"})
FUZZY_STATES = frozenset({"needs-review-translation", "needs-review-l10n",
                          "needs-review-adaptation", "needs-adaptation", "needs-l10n"})
CONTEXT_TYPES = ("x-context", "x-po-msgctxt")
PROP_STATE = "state"


def read(path: str | Path, *, source_lang: str | None = None, target_lang: str | None = None,
         include_fuzzy: bool = False, on_skip: OnSkip | None = None) -> Iterator[Segment]:
    """Yield the translated units of an XLIFF 1.x or 2.0 file (see the module docstring)."""
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
        segment = _segment(unit, src, tgt, include_fuzzy, on_skip)
        if segment is not None:
            yield swap(segment) if reverse else segment


def write(path: str | Path, segments: Iterable[Segment], *, source_lang: str,
          target_lang: str) -> None:
    """Write segments as XLIFF 1.2, atomically."""
    xmlsafe.write(path, render(segments, source_lang=source_lang, target_lang=target_lang))


def render(segments: Iterable[Segment], *, source_lang: str, target_lang: str) -> Iterator[str]:
    """The XLIFF 1.2 document in pieces (joined by `write`)."""
    attr = xmlsafe.escape_attr
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<xliff version="1.2" xmlns="{NS_12}">\n'
           '  <file original="segments" datatype="plaintext" '
           f'source-language="{attr(source_lang)}" target-language="{attr(target_lang)}">\n'
           "    <body>\n")
    for number, segment in enumerate(segments, start=1):
        yield from _trans_unit(segment, number)
    yield "    </body>\n  </file>\n</xliff>\n"


def _segment(unit: etree._Element, source_lang: str | None, target_lang: str | None,
             include_fuzzy: bool, on_skip: OnSkip | None) -> Segment | None:
    line = unit.sourceline
    if unit.get("translate") == "no":
        skipped(on_skip, line, SKIP_NOT_TRANSLATABLE)
        return None
    if xmlsafe.local(unit.tag) == "trans-unit":
        source, target, state, notes, context = _parts_12(unit)
    else:
        source, target, state, notes, context = _parts_20(unit)
    fuzzy = state in FUZZY_STATES
    if not source:
        skipped(on_skip, line, SKIP_EMPTY_SOURCE)
    elif not target or state in UNTRANSLATED_STATES:
        skipped(on_skip, line, SKIP_UNTRANSLATED, source)
    elif fuzzy and not include_fuzzy:
        skipped(on_skip, line, SKIP_FUZZY)
    else:
        return Segment(source=source, target=target, source_lang=source_lang,
                       target_lang=target_lang,
                       line=line, context=context, note="\n".join(notes) if notes else None,
                       id=unit.get("id"), fuzzy=fuzzy,
                       props=((PROP_STATE, state),) if state is not None else ())
    return None


def _parts_12(unit: etree._Element) -> tuple[str, str | None, str | None, list[str], str | None]:
    source, target = xmlsafe.child(unit, "source"), xmlsafe.child(unit, "target")
    notes = [xmlsafe.inline_text(n) for n in xmlsafe.children(unit, "note")]
    context = None
    for group in xmlsafe.children(unit, "context-group"):
        for item in xmlsafe.children(group, "context"):
            if item.get("context-type") in CONTEXT_TYPES and context is None:
                context = xmlsafe.inline_text(item)
    return (_text(source) or "", _text(target), None if target is None else target.get("state"),
            notes, context)


def _parts_20(unit: etree._Element) -> tuple[str, str | None, str | None, list[str], str | None]:
    sources: list[str] = []
    targets: list[str] = []
    state = None
    for part in unit:
        if xmlsafe.local(part.tag) not in ("segment", "ignorable"):
            continue
        source = _text(xmlsafe.child(part, "source")) or ""
        target = _text(xmlsafe.child(part, "target"))
        if target is None and xmlsafe.local(part.tag) == "segment":
            return "".join(sources) + source, None, None, [], None  # left untranslated
        sources.append(source)
        # An ignorable part without a target (whitespace, say) stands in both texts.
        targets.append(source if target is None else target)
        state = state or part.get("state")
    notes_holder = xmlsafe.child(unit, "notes")
    notes = [] if notes_holder is None else [xmlsafe.inline_text(n)
                                             for n in xmlsafe.children(notes_holder, "note")]
    return "".join(sources), "".join(targets), state, notes, None


def _text(elem: etree._Element | None) -> str | None:
    return None if elem is None else xmlsafe.inline_text(elem, NATIVE_CODES)


def _trans_unit(segment: Segment, number: int) -> Iterator[str]:
    esc, attr = xmlsafe.escape_text, xmlsafe.escape_attr
    state = dict(segment.props).get(PROP_STATE)
    if segment.fuzzy and state not in FUZZY_STATES:
        state = "needs-review-translation"
    state_attr = f' state="{attr(state)}"' if state else ""
    unit_id = segment.id if segment.id is not None else str(number)
    yield (f'      <trans-unit id="{attr(unit_id)}" xml:space="preserve">\n'
           f"        <source>{esc(segment.source)}</source>\n"
           f"        <target{state_attr}>{esc(segment.target)}</target>\n")
    if segment.note is not None:
        yield f"        <note>{esc(segment.note)}</note>\n"
    if segment.context is not None:
        yield ('        <context-group purpose="information">'
               f'<context context-type="{CONTEXT_TYPES[0]}">{esc(segment.context)}</context>'
               "</context-group>\n")
    yield "      </trans-unit>\n"
