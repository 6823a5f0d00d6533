"""TMX translation memories, 1.1 to 1.4 as found in the wild; TMX 1.4 written.

Reading streams the file (bounded memory whatever its size). For each ``<tu>``:

* languages: ``xml:lang`` on ``<tuv>``, or the older ``lang`` (TMX 1.1), matched by primary
  subtag whatever the case (``ru``, ``RU``, ``ru-RU``). The source is the caller's
  `source_lang`, else the tu's ``srclang``, else the header's (unless ``*all*``), else the
  tu's first variant; the target is the caller's `target_lang`, else the first variant in
  another language. A tu lacking either is skipped through `on_skip`, and so is one whose
  source or target text is empty.
* text: the ``<seg>``'s text with the *content* of ``<bpt> <ept> <ph> <it> <ut>`` dropped
  (those hold the original file's native codes, e.g. ``<b>``) and ``<hi>`` kept (it marks up
  real text). Whitespace is kept as it is.
* ``tuid`` → id; the tu's attributes ``creationdate``, ``changedate``, ``creationid``,
  ``changeid``, ``usagecount``, ``lastusagedate`` → props under those names, then each
  tu-level ``<prop type="T">`` → prop T in file order, except ``x-context`` → context;
  tu-level ``<note>``\\s, joined by newlines → note. Variant-level props and notes are ignored.
* `line` is the line of the ``<tu>`` start tag.

Writing gives TMX 1.4 (plaintext, sentence segmentation); props named like the attributes
above become attributes, other props become ``<prop>`` elements. Plural forms and the fuzzy
flag have no place in TMX and are not written.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from lxml import etree

from .. import xmlsafe
from ..segment import Segment
from . import (SKIP_EMPTY_SOURCE, SKIP_UNTRANSLATED, OnSkip, primary, same_lang, skipped)

NAME = "tmx"
EXTENSIONS = (".tmx",)

TU_ATTRIBUTES = ("creationdate", "changedate", "creationid", "changeid", "usagecount",
                 "lastusagedate")
PROP_CONTEXT = "x-context"
# Inline elements holding native codes, not text.
NATIVE_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})
TOOL, TOOL_VERSION = "ruen-glossary", "0.1.0"


def read(path: str | Path, *, source_lang: str | None = None, target_lang: str | None = None,
         include_fuzzy: bool = False, on_skip: OnSkip | None = None) -> Iterator[Segment]:
    """Yield the translation units of a TMX file as segments (see the module docstring).

    `include_fuzzy` is accepted for the common signature; TMX has no fuzzy state.
    """
    header_srclang = None
    for elem in xmlsafe.iterparse(path, ("header", "tu"), root="tmx"):
        if xmlsafe.local(elem.tag) == "header":
            header_srclang = primary(elem.get("srclang"))
            continue
        segment = _segment(elem, source_lang, target_lang, header_srclang, on_skip)
        if segment is not None:
            yield segment


def write(path: str | Path, segments: Iterable[Segment], *, source_lang: str,
          target_lang: str) -> None:
    """Write segments as TMX 1.4, atomically."""
    xmlsafe.write(path, render(segments, source_lang=source_lang, target_lang=target_lang))


def render(segments: Iterable[Segment], *, source_lang: str, target_lang: str) -> Iterator[str]:
    """The TMX document in pieces (joined by `write`)."""
    attr = xmlsafe.escape_attr
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
           f'  <header creationtool="{TOOL}" creationtoolversion="{TOOL_VERSION}" '
           f'segtype="sentence" o-tmf="{TOOL}" adminlang="en" srclang="{attr(source_lang)}" '
           'datatype="plaintext"/>\n  <body>\n')
    for segment in segments:
        yield from _tu(segment, source_lang, target_lang)
    yield "  </body>\n</tmx>\n"


def _segment(tu: etree._Element, source_lang: str | None, target_lang: str | None,
             header_srclang: str | None, on_skip: OnSkip | None) -> Segment | None:
    line = tu.sourceline
    variants = [(tuv.get(xmlsafe.XML_LANG) or tuv.get("lang"), tuv)
                for tuv in xmlsafe.children(tu, "tuv")]
    wanted_source = source_lang or primary(tu.get("srclang")) or header_srclang
    if wanted_source is None and variants:
        wanted_source = variants[0][0]
    source = next((v for v in variants if same_lang(v[0], wanted_source)), None)
    if source is None:
        skipped(on_skip, line, f"no {wanted_source or 'source'} variant")
        return None
    if target_lang is not None:
        target = next((v for v in variants if same_lang(v[0], target_lang)), None)
    else:
        target = next((v for v in variants if not same_lang(v[0], source[0])), None)
    if target is None:
        skipped(on_skip, line, f"no {target_lang or 'target-language'} variant")
        return None
    source_text, target_text = _seg_text(source[1]), _seg_text(target[1])
    if not source_text:
        skipped(on_skip, line, SKIP_EMPTY_SOURCE)
        return None
    if not target_text:
        skipped(on_skip, line, SKIP_UNTRANSLATED, source_text)
        return None
    props = [(name, tu.get(name)) for name in TU_ATTRIBUTES if tu.get(name) is not None]
    context = None
    for prop in xmlsafe.children(tu, "prop"):
        kind, value = prop.get("type", ""), xmlsafe.inline_text(prop)
        if kind == PROP_CONTEXT and context is None:
            context = value
        else:
            props.append((kind, value))
    notes = [xmlsafe.inline_text(n) for n in xmlsafe.children(tu, "note")]
    return Segment(source=source_text, target=target_text,
                   source_lang=source_lang or source[0], target_lang=target_lang or target[0],
                   line=line, context=context, note="\n".join(notes) if notes else None,
                   id=tu.get("tuid"), props=tuple(props))


def _seg_text(tuv: etree._Element) -> str:
    seg = xmlsafe.child(tuv, "seg")
    return "" if seg is None else xmlsafe.inline_text(seg, NATIVE_CODES)


def _tu(segment: Segment, source_lang: str, target_lang: str) -> Iterator[str]:
    esc, attr = xmlsafe.escape_text, xmlsafe.escape_attr
    attributes = f' tuid="{attr(segment.id)}"' if segment.id is not None else ""
    elements = []
    for name, value in segment.props:
        if name in TU_ATTRIBUTES:
            attributes += f' {name}="{attr(value)}"'
        else:
            elements.append(f'      <prop type="{attr(name)}">{esc(value)}</prop>\n')
    yield f"    <tu{attributes}>\n"
    if segment.note is not None:
        yield f"      <note>{esc(segment.note)}</note>\n"
    if segment.context is not None:
        yield f'      <prop type="{PROP_CONTEXT}">{esc(segment.context)}</prop>\n'
    yield from elements
    for lang, text in ((source_lang, segment.source), (target_lang, segment.target)):
        yield f'      <tuv xml:lang="{attr(lang)}"><seg>{esc(text)}</seg></tuv>\n'
    yield "    </tu>\n"
