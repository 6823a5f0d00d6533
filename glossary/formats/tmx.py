"""TMX translation memories, 1.1 to 1.4 as found in the wild; TMX 1.4 written.

Reading streams the file (bounded memory whatever its size). For each ``<tu>``:

* languages: ``xml:lang`` on ``<tuv>``, or the older ``lang`` (TMX 1.1), matched by primary
  subtag whatever the case (``ru``, ``RU``, ``ru-RU``, ``rus``); each segment keeps the tags
  of its own variants. Which two variants: those of the caller's `source_lang`/
  `target_lang`; else, when the tu has Russian and English, those two (the source being
  the tu's or the header's ``srclang`` when it is one of them, else English);
  else the ``srclang`` variant (the tu's, the header's unless ``*all*``, else the first)
  and the first variant in another language. So a multilingual TMX gives its
  Russian–English pair, and a tu without it gives what it has, labelled as it is (the
  caller decides whether to take a pair that is not Russian–English). A tu with one
  language only, or with an empty source, is skipped through `on_skip`.
* state: an empty or whitespace-only target is untranslated; anything else translated.
* text: see `inline`: ``<bpt> <ept> <ph> <it> <ut>`` are codes with their content,
  ``<hi>`` gives two codes around its text.
* metadata: ``tuid`` → id; the tu's other attributes (``creationdate``, ``changeid``,
  ``usagecount``…) → props under their names; each tu-level ``<prop type="T">`` → prop T,
  except ``x-context`` → context; tu-level ``<note>``\\s joined by newlines → note. The
  chosen variants' attributes, ``<prop>``\\s and ``<note>``\\s → props ``source.NAME``,
  ``target.NAME`` (notes as ``source.note``), so OmegaT's per-variant dates and authors are
  kept (the TM takes a unit's times from them when the tu has none).
* `line` is the line of the ``<tu>`` start tag.

Writing gives TMX 1.4 (plaintext, sentence segmentation): tu attributes and props as read,
variant metadata back on its variant, each variant with its unit's own tag (the file's tag
only where a segment has none). Plural forms and the fuzzy flag have no place in TMX.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .. import xmlsafe
from ..langtags import pair, primary, same
from ..segment import Codes, Segment, without_codes
from . import inline
from .base import SKIP_EMPTY_SOURCE, SKIP_NO_PAIR, OnSkip, skipped, state

NAME = "tmx"
EXTENSIONS = (".tmx",)

# Attributes of <tu> and <tuv> in the TMX 1.4 DTD (besides tuid, srclang and xml:lang).
ATTRIBUTES = ("creationdate", "changedate", "creationid", "changeid", "usagecount",
              "lastusagedate", "creationtool", "creationtoolversion", "o-encoding",
              "datatype", "segtype", "o-tmf")
TUV_ATTRIBUTES = frozenset(ATTRIBUTES) - {"segtype"}
PROP_CONTEXT = "x-context"
SIDES = ("source", "target")
# Inline elements holding native codes, not text.
NATIVE_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})
# The codes TMX takes as they are (any other code is written as a <ph>).
_TMX_CODES = frozenset({"bpt", "ept", "ph", "it", "ut", "hi", "/hi", "sub"})
RU_EN = ("ru", "en")
TOOL, TOOL_VERSION = "ruen-glossary", "0.1.0"


def read(path: str | Path, *, source_lang: str | None = None, target_lang: str | None = None,
         on_skip: OnSkip | None = None) -> Iterator[Segment]:
    """Yield the translation units of a TMX file as segments (see the module docstring)."""
    header_srclang = None
    for elem in xmlsafe.iterparse(path, ("header", "tu"), root="tmx"):
        if xmlsafe.local(elem.tag) == "header":
            header_srclang = elem.get("srclang")
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


def _pick(variants: list[tuple[str | None, etree._Element]], source_lang: str | None,
          target_lang: str | None, srclang: str | None):
    """The source and target variants (either may be None), as the module docstring says."""
    source, target = _choose(tuple(lang for lang, _elem in variants), source_lang, target_lang,
                             srclang)
    return (None if source is None else variants[source],
            None if target is None else variants[target])


@lru_cache(maxsize=256)  # a file's units have a handful of language lists between them
def _choose(langs: tuple[str | None, ...], source_lang: str | None, target_lang: str | None,
            srclang: str | None) -> tuple[int | None, int | None]:
    """_pick's choice among variants in these languages: their places."""
    def find(lang, unlike=None):
        return next((i for i, v in enumerate(langs) if (lang is None or same(v, lang))
                     and (unlike is None or not same(v, unlike))), None)

    def either(found: int | None, otherwise: int | None) -> int | None:
        return otherwise if found is None else found

    if source_lang or target_lang:
        source = find(source_lang) if source_lang else None
        if source_lang and target_lang:
            return source, find(target_lang)
        if source is not None:  # only the source named: its pair partner, else any other
            partner = {"ru": "en", "en": "ru"}.get(primary(source_lang) or "")
            return source, either(find(partner) if partner else None, find(None, source_lang))
        target = find(target_lang)
        partner = {"ru": "en", "en": "ru"}.get(primary(target_lang) or "")
        return either(find(partner) if partner else None, find(None, target_lang)), target
    if find("ru") is not None and find("en") is not None:
        # The source by srclang; else English, the way most Russian–English TMs run, so
        # that a multilingual file never mixes directions by the order of its variants.
        first = srclang if primary(srclang) in RU_EN else "en"
        second = "en" if primary(first) == "ru" else "ru"
        return find(first), find(second)
    source = find(srclang) if srclang else None
    if source is None and langs:
        source = 0
    if source is None:
        return None, None
    return source, next((i for i, v in enumerate(langs)
                         if i != source and not same(v, langs[source])), None)


def _segment(tu: etree._Element, source_lang: str | None, target_lang: str | None,
             header_srclang: str | None, on_skip: OnSkip | None) -> Segment | None:
    line = tu.sourceline
    # The unit's children sorted in one pass (a TMX has tens of thousands of units).
    variants, own_props, notes = [], [], []
    for elem in tu:
        name = xmlsafe.local(elem.tag)
        if name == "tuv":
            variants.append((elem.get(xmlsafe.XML_LANG) or elem.get("lang"), elem))
        elif name == "prop":
            own_props.append(elem)
        elif name == "note":
            notes.append(xmlsafe.inline_text(elem))
    srclang = tu.get("srclang")
    if primary(srclang) is None:
        srclang = header_srclang if primary(header_srclang) else None
    source, target = _pick(variants, source_lang, target_lang, srclang)
    if source is None or target is None:
        langs = ", ".join(sorted({v[0] or "?" for v in variants})) or "none"
        wanted = f"{pair(source_lang, target_lang)} " if source_lang or target_lang else ""
        skipped(on_skip, line, SKIP_NO_PAIR.format(pair=wanted, langs=langs))
        return None
    source_text, source_codes, source_props = _variant("source", source[1])
    target_text, target_codes, target_props = _variant("target", target[1])
    if not without_codes(source_text, source_codes).strip():
        skipped(on_skip, line, SKIP_EMPTY_SOURCE)
        return None
    props = [(name, value) for name, value in tu.items() if name in ATTRIBUTES]
    context = None
    for prop in own_props:
        kind, value = prop.get("type", ""), xmlsafe.inline_text(prop)
        if kind == PROP_CONTEXT and context is None:
            context = value
        else:
            props.append((kind, value))
    props += source_props
    props += target_props
    return Segment(source=source_text, target=target_text,
                   source_lang=source[0] or source_lang, target_lang=target[0] or target_lang,
                   line=line, context=context, note="\n".join(notes) if notes else None,
                   id=tu.get("tuid"), props=tuple(props), state=state(target_text),
                   source_codes=source_codes, target_codes=target_codes)


def _variant(side: str, tuv: etree._Element) -> tuple[str, Codes, list[tuple[str, str]]]:
    """A variant's text and codes (its first <seg>), and its props named for its side, from
    one pass over its children."""
    props = [(f"{side}.{name}", value) for name, value in tuv.items()
             if name in TUV_ATTRIBUTES]
    seg = None
    for child in tuv:
        name = xmlsafe.local(child.tag)
        if name == "seg":
            if seg is None:
                seg = child
        elif name == "prop":
            props.append((f"{side}.{child.get('type', '')}", xmlsafe.inline_text(child)))
        elif name == "note":
            props.append((f"{side}.note", xmlsafe.inline_text(child)))
    text, codes = ("", ()) if seg is None else inline.read(seg, NATIVE_CODES)
    return text, codes, props


def fits(code: str) -> bool:
    """Whether a code is TMX markup (an XLIFF code has an ``id``; TMX's have none)."""
    found = inline.tag_of(code)
    return found is not None and found[0] in _TMX_CODES and "id" not in found[1]


def _wrap(escaped: str, n: int) -> str:
    return f"<ph>{escaped}</ph>"


def _tu(segment: Segment, source_lang: str, target_lang: str) -> Iterator[str]:
    esc, attr = xmlsafe.escape_text, xmlsafe.escape_attr
    attributes = f' tuid="{attr(segment.id)}"' if segment.id is not None else ""
    elements = []
    per_side: dict[str, tuple[list[str], list[str]]] = {s: ([], []) for s in SIDES}
    for name, value in segment.props:
        side, dot, rest = name.partition(".")
        if dot and side in per_side:
            attrs, children = per_side[side]
            if rest in TUV_ATTRIBUTES:
                attrs.append(f' {rest}="{attr(value)}"')
            elif rest == "note":
                children.insert(0, f"<note>{esc(value)}</note>")
            else:
                children.append(f'<prop type="{attr(rest)}">{esc(value)}</prop>')
        elif name in ATTRIBUTES:
            attributes += f' {name}="{attr(value)}"'
        else:
            elements.append(f'      <prop type="{attr(name)}">{esc(value)}</prop>\n')
    yield f"    <tu{attributes}>\n"
    if segment.note is not None:
        yield f"      <note>{esc(segment.note)}</note>\n"
    if segment.context is not None:
        yield f'      <prop type="{PROP_CONTEXT}">{esc(segment.context)}</prop>\n'
    yield from elements
    for side, lang, text, codes in (
            ("source", segment.source_lang or source_lang, segment.source, segment.source_codes),
            ("target", segment.target_lang or target_lang, segment.target, segment.target_codes)):
        attrs, children = per_side[side]
        seg = inline.write(text, codes, fits, _wrap)
        yield (f'      <tuv xml:lang="{attr(lang)}"{"".join(attrs)}>{"".join(children)}'
               f"<seg>{seg}</seg></tuv>\n")
    yield "    </tu>\n"
