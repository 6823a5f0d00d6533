"""Inline codes of TMX and XLIFF: read into plain text plus code spans, written back verbatim.

Reading (see `Segment.source_codes`): text is unescaped; every inline element is kept in
the text as its markup, and its span is recorded. Elements holding a native code
(``<ph>&lt;br/&gt;</ph>``, ``<x id="1"/>``, ``<bpt i="1">&lt;b&gt;</bpt>``) are one code
each, content included; elements marking up text (TMX ``<hi>``, XLIFF ``<g>``, ``<pc>``,
``<mrk>``, and any element we do not know) give two codes, their start and end tags, with
their text in between as text. Markup is serialised the way the file means it: local names,
attributes in document order, ``xml:`` for the XML namespace, text escaped, no namespace
declarations. Comments and processing instructions inside a segment are dropped.

Writing: the text is escaped and each code written as it is when the target vocabulary
knows it (`fits`); a code from another vocabulary (an XLIFF ``<g>`` going to TMX, a TMX
``<bpt i="1">`` going to XLIFF) is written as that vocabulary's placeholder holding the
original markup escaped, so the file stays valid and nothing is lost.
"""
from __future__ import annotations

import re

from lxml import etree

from .. import xmlsafe
from ..segment import Codes

XML_NS = "{http://www.w3.org/XML/1998/namespace}"
_TAG = re.compile(r"^<(/?)([A-Za-z_][\w.-]*)([^>]*?)(/?)>")


def read(elem: etree._Element, native: frozenset[str]) -> tuple[str, Codes]:
    """The plain text of a segment element and the spans of its inline codes.

    `native` are the local names of elements holding a native code (one code, content
    included).

    >>> seg = etree.fromstring('<seg>a &amp; <bpt i="1">&lt;b&gt;</bpt>bold<ept i="1">'
    ...                        '&lt;/b&gt;</ept> <hi x="2">hi</hi></seg>')
    >>> text, codes = read(seg, frozenset({"bpt", "ept"}))
    >>> text
    'a & <bpt i="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> <hi x="2">hi</hi>'
    >>> [text[s:e] for s, e in codes]
    ['<bpt i="1">&lt;b&gt;</bpt>', '<ept i="1">&lt;/b&gt;</ept>', '<hi x="2">', '</hi>']
    """
    if not len(elem):  # text alone (most segments): nothing to walk
        return elem.text or "", ()
    found = _Text(native)
    found.walk(elem)
    return "".join(found.parts), tuple(found.codes)


class _Text:
    """A segment's text and code spans as `read` collects them (an object, not closures: a
    nested function that calls itself is a reference cycle, left to the cycle collector,
    which a TM import pauses)."""

    def __init__(self, native: frozenset[str]):
        self.native = native
        self.parts: list[str] = []
        self.codes: list[tuple[int, int]] = []
        self.at = 0

    def add(self, piece: str, code: bool) -> None:
        if piece:
            if code:
                self.codes.append((self.at, self.at + len(piece)))
            self.parts.append(piece)
            self.at += len(piece)

    def walk(self, node: etree._Element) -> None:
        self.add(node.text or "", False)
        for sub in node:
            name = xmlsafe.local(sub.tag)
            if name in self.native:
                self.add(markup(sub), True)
            elif name:
                if (sub.text or len(sub)):
                    self.add(_start(sub), True)
                    self.walk(sub)
                    self.add(f"</{name}>", True)
                else:
                    self.add(_start(sub, empty=True), True)
            self.add(sub.tail or "", False)


def markup(elem: etree._Element) -> str:
    """An element serialised as markup (see the module docstring).

    >>> markup(etree.fromstring('<ph x="1">&lt;br/&gt;<sub>alt</sub></ph>'))
    '<ph x="1">&lt;br/&gt;<sub>alt</sub></ph>'
    """
    inner = [xmlsafe.escape_text(elem.text or "")]
    for sub in elem:
        if xmlsafe.local(sub.tag):
            inner.append(markup(sub))
        inner.append(xmlsafe.escape_text(sub.tail or ""))
    content = "".join(inner)
    if not content:
        return _start(elem, empty=True)
    return f"{_start(elem)}{content}</{xmlsafe.local(elem.tag)}>"


def _start(elem: etree._Element, empty: bool = False) -> str:
    attrs = "".join(f' {_attr_name(elem, key)}="{xmlsafe.escape_attr(value)}"'
                    for key, value in elem.attrib.items())
    return f"<{xmlsafe.local(elem.tag)}{attrs}{'/' if empty else ''}>"


def _attr_name(elem: etree._Element, key: str) -> str:
    if not key.startswith("{"):
        return key
    if key.startswith(XML_NS):
        return "xml:" + key[len(XML_NS):]
    namespace, name = key[1:].split("}", 1)
    prefix = next((p for p, ns in elem.nsmap.items() if ns == namespace and p), None)
    return f"{prefix}:{name}" if prefix else name


def write(text: str, codes: Codes, fits, wrap) -> str:
    """The text escaped for element content, codes written back (see the module docstring).

    `fits(code)` says whether the target vocabulary takes the code as it is; `wrap(code, n)`
    gives the placeholder for one it does not (n counts the wrapped codes from 1).

    >>> write('a < <x id="1"/>', ((4, 15),), lambda c: True, None)
    'a &lt; <x id="1"/>'
    """
    out, at, wrapped = [], 0, 0
    for start, end in codes:
        out.append(xmlsafe.escape_text(text[at:start]))
        code = text[start:end]
        if fits(code):
            out.append(code)
        else:
            wrapped += 1
            out.append(wrap(xmlsafe.escape_text(code), wrapped))
        at = end
    out.append(xmlsafe.escape_text(text[at:]))
    return "".join(out)


def tag_of(code: str) -> tuple[str, frozenset[str]] | None:
    """The element name of a code (``/g`` for an end tag) and its attribute names.

    >>> tag_of('<bpt i="1">&lt;b&gt;</bpt>'), tag_of('</g>')
    (('bpt', frozenset({'i'})), ('/g', frozenset()))
    """
    found = _TAG.match(code)
    if found is None:
        return None
    attrs = frozenset(re.findall(r"([\w:.-]+)\s*=", found.group(3)))
    return found.group(1) + found.group(2), attrs
