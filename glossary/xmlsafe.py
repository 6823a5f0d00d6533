"""Safe XML reading and writing shared by every XML format (TMX, XLIFF, TBX).

Reading refuses what an attacker could use against us, before lxml sees the document:

* any entity declaration in the DOCTYPE's internal subset (billion laughs, quadratic
  blowup, ``<!ENTITY x SYSTEM "file:///etc/passwd">``) and any parameter-entity reference;
* an encoding that is not ASCII-compatible unless it is UTF-16/UTF-32, because the scan
  below reads the prolog as ASCII and e.g. UTF-7 could hide ``<!ENTITY`` from it.

A DOCTYPE that merely names an external DTD (``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``, as
OmegaT, Trados and many others write) is accepted: the DTD is never loaded
(``load_dtd=False, no_network=True``), and refusing it would refuse most real TMX files.
Such a DOCTYPE makes a reference to an undeclared entity (``&nbsp;``) well-formed; as the
DTD is not read, what it stands for is unknown, and the file is refused rather than read
with the reference left out (only these files pay for the search, about 1 µs a unit).
As a second line of defence the parser never resolves entities, and the streaming reader
checks lxml's view of the internal DTD before the first element is handed out.

Malformed XML becomes `InputError` with lxml's line number; so do empty and binary files.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from .errors import InputError
from .textio import write_atomic

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"

ENTITY_REFUSED = ("XML with entity declarations is refused "
                  "(they can exhaust memory or read local files)")

# The prolog (declaration, comments, DOCTYPE) must end within this many bytes; a longer one
# is nothing a translation tool writes.
PROLOG_LIMIT = 1 << 20
_FIRST_READ = 1 << 14

_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

# Byte-order marks, then how UTF-16/32 without a BOM begins ('<' of '<?xml' or the root).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_WIDE_STARTS = ((b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
                (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be"))
_DECLARED_ENCODING = re.compile(r"""^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
# Characters XML 1.0 cannot hold at all (not even as character references).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PE_REFERENCE = re.compile(r"%[^\s;%]+;")
_EXTERNAL_DTD = re.compile(r"<!DOCTYPE\s+[^\s\[>]+\s+(?:SYSTEM|PUBLIC)\b")
# A name's first character: A-Z a-z _ : or U+0080-U+FFFF, written as "not ASCII and not
# astral": a class spanning U+0080-U+FFFF takes 6 ms to compile (re builds a 64K-entry
# map in Python), paid by every command that imports the XML formats.
_NAME_START = re.compile(r"[A-Za-z_:]|[^\x00-\x7f\U00010000-\U0010ffff]")


def iterparse(path: str | Path, tags: Iterable[str], *, root: str | tuple[str, ...] | None = None
              ) -> Iterator[etree._Element]:
    """Stream the elements named in `tags` (local names, any namespace), each when complete.

    Memory stays bounded: after the caller is done with an element (when it asks for the
    next one) the element is cleared and its earlier siblings dropped, so keep strings, not
    elements. Ancestors stay reachable with their attributes (e.g. XLIFF's <file>).
    `root`, when given, is the local name(s) the document element must have.
    """
    wanted = frozenset(tags)
    f, external = _open(path, root)
    with f:
        # Every element's end is seen, so that any element completed outside a wanted one
        # is freed too, whatever its name (50 MB of unknown elements must not pile up).
        context = etree.iterparse(f, events=("start", "end"), **_PARSER_OPTIONS)
        checked = False
        inside = 0  # wanted elements open around the current position
        try:
            for event, elem in context:
                name = local(elem.tag)
                if event == "start":
                    inside += name in wanted
                    continue
                if not checked:
                    _check_dtd(elem, path)
                    checked = True
                if name in wanted:
                    inside -= 1
                    if external:
                        _refuse_entities(elem, path)
                    yield elem
                elif inside:
                    continue  # part of a wanted element, freed with it
                elem.clear(keep_tail=True)
                parent = elem.getparent()
                if parent is not None:
                    while elem.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(exc, path) from None
        if not checked and context.root is not None:
            _check_dtd(context.root, path)


def parse(path: str | Path, *, root: str | tuple[str, ...] | None = None) -> etree._Element:
    """Parse a small document whole and return its root element (same checks as iterparse)."""
    f, external = _open(path, root)
    with f:
        try:
            tree = etree.parse(f, etree.XMLParser(**_PARSER_OPTIONS))
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(exc, path) from None
    _check_dtd(tree.getroot(), path)
    if external:
        _refuse_entities(tree.getroot(), path)
    return tree.getroot()


@lru_cache(maxsize=1024)
def local(tag: object) -> str:
    """Local name of an element tag; '' for comments and processing instructions (a file
    uses a few tags, each asked for at every element: worked out once each).

    >>> local("{urn:oasis:names:tc:xliff:document:1.2}source"), local("seg")
    ('source', 'seg')
    """
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def children(elem: etree._Element, name: str) -> list[etree._Element]:
    """Direct children with local name `name`, in any namespace (or none)."""
    return [c for c in elem if local(c.tag) == name]


def child(elem: etree._Element, name: str) -> etree._Element | None:
    """The first direct child with local name `name`, or None."""
    found = children(elem, name)
    return found[0] if found else None


def inline_text(elem: etree._Element, drop: frozenset[str] = frozenset()) -> str:
    """The text of mixed content: text of kept inline elements, nothing of dropped ones.

    Inline elements whose local name is in `drop` (native codes such as TMX <ph>) lose
    their content but not the text after them. Comments and PIs contribute nothing.

    >>> seg = etree.fromstring('<seg>a <bpt i="1">&lt;b&gt;</bpt>bold'
    ...                        '<ept i="1">&lt;/b&gt;</ept> <hi>hi</hi></seg>')
    >>> inline_text(seg, frozenset({"bpt", "ept"}))
    'a bold hi'
    """
    parts = [elem.text or ""]
    for sub in elem:
        name = local(sub.tag)
        if name and name not in drop:
            parts.append(inline_text(sub, drop))
        parts.append(sub.tail or "")
    return "".join(parts)


def escape_text(text: str) -> str:
    r"""Escape text for element content; CR as a reference so parsers keep it.

    >>> escape_text('a < b & "c"\r\n')
    'a &lt; b &amp; "c"&#13;\n'
    """
    _check_chars(text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))


def escape_attr(text: str) -> str:
    r"""Escape text for a double-quoted attribute; whitespace as references (else normalised).

    >>> escape_attr('x="1"\tand\n')
    'x=&quot;1&quot;&#9;and&#10;'
    """
    return (escape_text(text).replace('"', "&quot;").replace("\t", "&#9;")
            .replace("\n", "&#10;"))


def write(path: str | Path, parts: Iterable[str]) -> None:
    """Join rendered XML parts and write them atomically; errors get the path."""
    try:
        text = "".join(parts)
    except InputError as exc:
        raise InputError(exc.message, path=path, line=exc.line) from None
    write_atomic(path, text)


def _check_chars(text: str) -> None:
    bad = _NOT_XML.search(text)
    if bad:
        raise InputError(f"U+{ord(bad.group()):04X} in {text[:40]!r} cannot be stored in XML")


class _CutOff(Exception):
    """The head read so far ends inside the prolog: read more of the file."""


def _open(path: str | Path, root: str | tuple[str, ...] | None) -> tuple[BinaryIO, bool]:
    """Open the file, check that it looks like XML, that its prolog is safe and its root
    element is the expected one; return it rewound, and whether its DOCTYPE names an
    external DTD."""
    try:
        f = open(path, "rb")
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from exc
    try:
        head, size = b"", _FIRST_READ
        while True:
            # Read little at first: the prolog is nearly always a few hundred bytes.
            chunk = f.read(size - len(head))
            head += chunk
            try:
                found = _check_prolog(head, path, complete=len(head) < size)
                break
            except _CutOff:
                if size >= PROLOG_LIMIT:
                    raise InputError(f"XML prolog longer than {PROLOG_LIMIT >> 20} MiB is refused",
                                     path=path) from None
                size *= 4
        roots = (root,) if isinstance(root, str) else tuple(root or ())
        if roots and found is not None and found[0] not in roots:
            expected = " or ".join(f"<{r}>" for r in roots)
            raise InputError(f"the root element is <{found[0]}>, expected {expected}",
                             path=path, line=found[1])
        f.seek(0)
    except BaseException:
        f.close()
        raise
    return f, bool(_EXTERNAL_DTD.search(_decode_head(head, path)))


def _check_prolog(head: bytes, path: str | Path, *, complete: bool) -> tuple[str, int] | None:
    """Refuse empty, binary and entity-declaring documents by scanning up to the root tag.

    Returns the root element's local name and line, or None when the whole file holds no
    root (then lxml reports what is wrong in its own words). Raises _CutOff when `head` is
    not the whole file and ends before the root.
    """
    if complete and not head.strip():
        raise InputError("empty file, not an XML document", path=path)
    text = _decode_head(head, path)
    i, n = 0, len(text)
    while True:
        while i < n and text[i] in " \t\r\n":
            i += 1
        if i >= n:
            break
        # `end` is the index of the construct's last character, or -1 when it is cut off.
        if text.startswith("<?", i):
            end = _last(text, "?>", i + 2)
        elif text.startswith("<!--", i):
            end = _last(text, "-->", i + 4)
        elif text.startswith("<!DOCTYPE", i):
            end = _doctype_end(text, i, path)
        elif text.startswith("<", i) and i + 1 < n and _NAME_START.match(text[i + 1]):
            name = re.match(r"[^\s/>]*", text[i + 1:]).group()  # type: ignore[union-attr]
            if i + 1 + len(name) >= n and not complete:
                break  # the name itself may be cut off
            return name.rsplit(":", 1)[-1], _line_at(text, i)
        elif not complete and n - i < 10:
            break  # e.g. a lone '<' or '<!DOC' at the end of the head
        else:
            raise InputError("not an XML document", path=path, line=_line_at(text, i))
        if end < 0:
            break
        i = end + 1
    if complete:
        return None
    raise _CutOff


def _doctype_end(text: str, start: int, path: str | Path) -> int:
    """Index of the DOCTYPE's closing '>', refusing entity declarations on the way; -1 if cut."""
    i, n, in_subset = start + len("<!DOCTYPE"), len(text), False
    while i < n:
        c = text[i]
        if in_subset and text.startswith(("<!--", "<?"), i):
            # Skip comments and PIs whole: a quote inside one must not hide what follows.
            closer = "-->" if text.startswith("<!--", i) else "?>"
            close = text.find(closer, i + 2)
            if close < 0:
                return -1
            i = close + len(closer)
            continue
        if c in "\"'":
            close = text.find(c, i + 1)
            if close < 0:
                return -1
            i = close + 1
            continue
        if in_subset:
            if text.startswith("<!ENTITY", i) or (c == "%" and _PE_REFERENCE.match(text, i)):
                raise InputError(ENTITY_REFUSED, path=path, line=_line_at(text, i))
            if c == "]":
                in_subset = False
        elif c == "[":
            in_subset = True
        elif c == ">":
            return i
        i += 1
    return -1


def _decode_head(head: bytes, path: str | Path) -> str:
    """The head as text good enough to find markup: exact for UTF-16/32, else byte-per-char."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, errors="replace")
    for start, encoding in _WIDE_STARTS:
        if head.startswith(start):
            return head.decode(encoding, errors="replace")
    if b"\x00" in head:
        raise InputError("binary data (NUL bytes), not an XML document", path=path)
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):]
    text = head.decode("latin-1")
    declared = _DECLARED_ENCODING.match(text)
    if declared and not _ascii_compatible(declared.group(1)):
        raise InputError(f"XML encoding {declared.group(1)!r} is not supported", path=path, line=1)
    return text


def _ascii_compatible(encoding: str) -> bool:
    """True when the markup characters are the same bytes as in ASCII (UTF-8, cp1251, …)."""
    if encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32", "ucs")):
        return True  # a wide encoding without BOM was decoded above; libxml2 checks the rest
    printable = bytes(range(0x20, 0x7F))
    try:
        # Both ways: UTF-7 encodes '<' as itself yet decodes '+ADw-' to '<'.
        return printable.decode(encoding) == printable.decode("ascii") and \
            printable.decode("ascii").encode(encoding) == printable
    except (LookupError, UnicodeError):
        return False


def _refuse_entities(elem: etree._Element, path: str | Path) -> None:
    """A reference to an entity not declared in the document is well-formed when the
    DOCTYPE names an external DTD, which is never read: what it stands for is unknown, and
    dropping it would change the text silently."""
    for entity in elem.iter(etree.Entity):
        raise InputError(f"the entity reference {entity.text} stands for text in an external "
                         "DTD, which is not read; write the text itself", path=path,
                         line=entity.sourceline)


def _check_dtd(elem: etree._Element, path: str | Path) -> None:
    """Second line of defence: entities lxml itself saw declared in the internal DTD."""
    dtd = elem.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(ENTITY_REFUSED, path=path, line=1)


def _syntax_error(exc: etree.XMLSyntaxError, path: str | Path) -> InputError:
    message, line = exc.msg or str(exc), exc.lineno
    if not line:
        # iterparse may raise a generic "no element found" at line 0 while the real error,
        # with its line, is the last one logged (the log also holds earlier documents').
        errors = [e for e in exc.error_log if e.level >= etree.ErrorLevels.ERROR]
        if errors:
            message, line = errors[-1].message, errors[-1].line
    # lxml appends ", line N, column M" to some messages; the InputError says where already.
    message = re.sub(r",? line \d+, column \d+$", "", message.strip())
    return InputError(f"malformed XML: {message}", path=path, line=line or None)


def _last(text: str, closer: str, start: int) -> int:
    found = text.find(closer, start)
    return found + len(closer) - 1 if found >= 0 else -1


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


__all__ = ["ENTITY_REFUSED", "XML_LANG", "child", "children", "escape_attr", "escape_text",
           "inline_text", "iterparse", "local", "parse", "write"]

