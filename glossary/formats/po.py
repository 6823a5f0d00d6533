"""Gettext PO catalogues: read by our own parser (`poparse`, what polib reads, three times
as fast), written and rewritten (`tm.pretranslate`) through polib.

Reading: msgid → source, msgstr → target; a plural entry gives source=msgid,
source_plural=msgid_plural, target=msgstr[0], target_plurals=(msgstr[1], …) and keeps the
header's Plural-Forms in props. msgctxt → context; the extracted (``#.``) and translator
(``#``) comments, joined by a newline, → note; flags other than fuzzy and the ``#:``
references → props ``flags`` and ``references``. `line` is where the entry starts: its
first line, which is its first comment when it has one, else msgctxt or msgid (for the
first entry of a file without a header entry: its msgctxt or msgid line, since polib, and
`poparse` after it, files the comments before it under the header).

The header entry is not a segment. Every other entry is one, with its state: obsolete
(``#~``), fuzzy (``fuzzy=True``), untranslated (an empty or whitespace-only msgstr, or a
plural entry with any form empty or missing: fewer than the header's ``nplurals``, each
form at its index) or translated. An entry with an empty msgid is skipped
through `on_skip`. The target language is the header's ``Language``; the source language is
``X-Source-Language`` when a tool wrote it (we do; Poedit writes ``C`` for the programming
language's, i.e. English), else unknown (None). Old KDE catalogues put the context at the
start of the msgid (``_: context\n`` then the text): it becomes the context. A
``msgid_plural`` answered by a plain ``msgstr`` is an error (msgfmt refuses it too).

Writing: a UTF-8 catalogue with a header (Language, X-Source-Language, Content-Type,
Plural-Forms when there are plurals: from the segments' props, else the rule for the
target language). The note is written as a translator comment. A catalogue holds one
entry per source and context (msgfmt refuses duplicates), so when several segments share
them (a TM with two translations of one sentence) the last one given is written -- the TM
exports oldest first, so the newest -- and the others are listed in a translator comment
(``Other translations: …``) rather than lost.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import polib

from ..errors import InputError
from ..segment import Segment
from ..textio import write_atomic
from ..langtags import primary
from .base import SKIP_EMPTY_SOURCE, OnSkip, read_nonempty, resolve_langs, skipped, state, swap
from .poparse import Entry, parse

NAME = "po"
EXTENSIONS = (".po", ".pot")

PLURAL_FORMS = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
          "(n%100<10 || n%100>=20) ? 1 : 2);",
    "en": "nplurals=2; plural=(n != 1);",
}
# Keys of Segment.props this module reads and writes.
PROP_PLURAL_FORMS = "plural-forms"
PROP_FLAGS = "flags"
PROP_REFERENCES = "references"
_MAX_PLURALS = 6  # Arabic's; no language has more

_POLIB_LINE = re.compile(r"\(line (\d+)\)")
# A keyword or continuation line, and what its quoted part must look like when complete.
_STRING_LINE = re.compile(r'^\s*(?P<obsolete>#~\s*)?'
                          r'(?P<keyword>(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?'
                          r'(?P<string>".*)$')
# Unrolled ("[^"\\]*" runs between escapes) rather than one alternation per character: the
# same strings, matched in a third of the time on a large catalogue.
_COMPLETE_STRING = re.compile(r'^"[^"\\]*(?:\\.[^"\\]*)*"\s*$')
_FIRST_ENTRY = re.compile(r'^(?:#~\s*)?(?:msgctxt|msgid)\s', re.MULTILINE)
# Old KDE catalogues: "_: context\n" opening the msgid.
_KDE_CONTEXT = re.compile(r"^_: ([^\n]*)\n")
# What X-Source-Language may say for "the language of the source code", i.e. English.
_C_LOCALE = frozenset({"c", "posix"})


class _Lines(str):
    """Catalogue text that polib splits on newlines only.

    polib splits a string with str.splitlines, which also breaks at U+2028, form feeds
    and other separators that may legitimately sit inside a quoted msgstr.
    """

    def splitlines(self, keepends: bool = False) -> list[str]:
        return self.split("\n")


def read(path: str | Path, *, source_lang: str | None = None, target_lang: str | None = None,
         on_skip: OnSkip | None = None) -> Iterator[Segment]:
    """Yield the entries of a PO file as segments (see the module docstring)."""
    text = read_nonempty(path)
    catalogue = parse(text, path)
    file_target = catalogue.metadata.get("Language") or None
    file_source = catalogue.metadata.get("X-Source-Language") or None
    if file_source and file_source.strip().lower() in _C_LOCALE:
        file_source = "en"
    source_lang, target_lang, reverse = resolve_langs(file_source, file_target, source_lang,
                                                      target_lang, path)
    plural_forms = catalogue.metadata.get("Plural-Forms", "").strip()
    first_line = _first_entry_line(text)
    for entry in catalogue:
        # The first entry is numbered 0 when the file has no header entry before it.
        line = entry.linenum or first_line
        if entry.msgid_plural and not entry.msgstr_plural and not entry.obsolete:
            raise InputError("msgid_plural answered by a plain msgstr: a plural entry needs "
                             "msgstr[0], msgstr[1]…", path=path, line=line)
        segment = _segment(entry, line, plural_forms, source_lang, target_lang)
        if not segment.source.strip():
            skipped(on_skip, line, SKIP_EMPTY_SOURCE)
        else:
            yield swap(segment) if reverse else segment


def write(path: str | Path, segments: Iterable[Segment], *, source_lang: str,
          target_lang: str) -> None:
    """Write segments as a UTF-8 PO catalogue, atomically."""
    try:
        text = dumps(segments, source_lang=source_lang, target_lang=target_lang)
    except InputError as exc:
        raise InputError(exc.message, path=path) from None
    write_atomic(path, text)


def dumps(segments: Iterable[Segment], *, source_lang: str, target_lang: str) -> str:
    """The PO text for segments (what `write` writes)."""
    pairs = [_entry(s) for s in _one_per_source(segments)]
    catalogue = new_catalogue("Written by ruen-glossary.", {
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": target_lang,
        "X-Source-Language": source_lang,
    })
    if any(entry.msgid_plural for entry, _ in pairs):
        # The rule the segments came with (e.g. Django's nplurals=4), else the language's.
        from_props = next((forms for _, forms in pairs if forms), None)
        catalogue.metadata["Plural-Forms"] = from_props or PLURAL_FORMS.get(
            primary(target_lang) or "", PLURAL_FORMS["en"])
    for entry, _ in pairs:
        catalogue.append(entry)
    return str(catalogue) + "\n"


def new_catalogue(header: str, metadata: dict[str, str]) -> polib.POFile:
    """An empty catalogue to write, its lines not wrapped: polib wraps a comment as prose, at
    spaces and hyphens, and it reads back with line breaks where polib broke it (a note's
    "rear-protection" came back as "rear-\\nprotection")."""
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.header, catalogue.metadata = header, metadata
    return catalogue


OTHERS = "Other translations: "


def _one_per_source(segments: Iterable[Segment]) -> list[Segment]:
    """One segment per (context, source, plural), the last given; the others' targets
    named in its note."""
    chosen: dict[tuple[str | None, str, str | None], Segment] = {}
    others: dict[tuple[str | None, str, str | None], list[str]] = {}
    for segment in segments:
        key = (segment.context, segment.source, segment.source_plural)
        earlier = chosen.pop(key, None)  # re-inserted: the entry goes where its newest is
        if earlier is not None and earlier.target != segment.target:
            others.setdefault(key, []).append(earlier.target)
        chosen[key] = segment
    result = []
    for key, segment in chosen.items():
        alternatives = [t for t in dict.fromkeys(others.get(key, ())) if t != segment.target]
        if alternatives:
            line = OTHERS + " | ".join(alternatives)
            segment = replace(segment, note="\n".join(filter(None, (segment.note, line))))
        result.append(segment)
    return result


def _parse(text: str, path: str | Path) -> polib.POFile:
    """The catalogue as polib reads it, for rewriting it (`tm.pretranslate`)."""
    text = _prepare(text, path)
    # A string without a newline could be taken by polib for a file name.
    content = _Lines(text if "\n" in text else text + "\n")
    try:
        return polib.pofile(content, encoding="utf-8")
    except (OSError, ValueError, UnicodeError) as exc:
        message = str(exc)
        found = _POLIB_LINE.search(message)
        message = re.sub(r"^Syntax error in po file\s*(\(line \d+\))?:?\s*", "", message)
        raise InputError(f"malformed PO: {message or 'syntax error'}", path=path,
                         line=int(found.group(1)) if found else None) from None


def _prepare(text: str, path: str | Path) -> str:
    """Check that strings are terminated and fold continuation lines into the line that
    opens the string.

    polib silently reads an unterminated string as empty, losing the entry; and it joins
    continuation lines by repeated concatenation, which takes seconds for a string of a
    few megabytes. Folded lines are left blank, so line numbers stay as in the file.
    """
    lines = text.split("\n")
    opened: int | None = None  # index of the keyword line whose string is still open
    pieces: list[str] = []
    for index, line in enumerate(lines):
        found = _STRING_LINE.match(line)
        if found and not _COMPLETE_STRING.match(found.group("string")):
            raise InputError("malformed PO: unterminated string or unescaped quote", path=path,
                             line=index + 1)
        if found is None and not line.strip():
            continue  # polib skips blank lines, inside an entry too
        string = found.group("string").rstrip() if found else ""
        plain = found is not None and not found.group("obsolete")
        if plain and not found.group("keyword") and opened is not None:  # type: ignore[union-attr]
            pieces.append(string[1:-1])
            lines[index] = ""
            continue
        _fold(lines, opened, pieces)
        opened = None
        if plain and found.group("keyword"):  # type: ignore[union-attr]
            opened, pieces = index, [string[:-1]]
    _fold(lines, opened, pieces)
    return "\n".join(lines)


def _fold(lines: list[str], opened: int | None, pieces: list[str]) -> None:
    """Write a string's joined pieces back into the line that opened it."""
    if opened is not None and len(pieces) > 1:
        start = _STRING_LINE.match(lines[opened]).start("string")  # type: ignore[union-attr]
        lines[opened] = lines[opened][:start] + "".join(pieces) + '"'


def _nplurals(plural_forms: str) -> int:
    """The number of forms a Plural-Forms header gives (0 without one).

    >>> _nplurals("nplurals=3; plural=(n%10==1 ? 0 : 1);"), _nplurals("")
    (3, 0)
    """
    found = re.search(r"nplurals\s*=\s*(\d+)", plural_forms)
    return int(found.group(1)) if found else 0


def _segment(entry: Entry, line: int, plural_forms: str, source_lang: str | None,
             target_lang: str | None) -> Segment:
    props: list[tuple[str, str]] = []
    flags = [f for f in entry.flags if f != "fuzzy"]
    if flags:
        props.append((PROP_FLAGS, ", ".join(flags)))
    if entry.occurrences:
        refs = " ".join(f"{file}:{num}" if num else file for file, num in entry.occurrences)
        props.append((PROP_REFERENCES, refs))
    if entry.msgid_plural:
        # Every form the header's nplurals asks for, by its index: a missing one is empty
        # (padding bounded: no language has more than six forms).
        given = entry.msgstr_plural
        count = min(max([_nplurals(plural_forms), *(i + 1 for i in given)]), _MAX_PLURALS)
        forms = [given.get(i, "") for i in range(count)] + [given[i] for i in sorted(given)
                                                             if i >= count]
        target, target_plurals = (forms[0], tuple(forms[1:])) if forms else ("", ())
        # A partly translated plural entry is untranslated (it would mislead a TM), its
        # forms kept as written: the checker reports the empty ones and checks the others.
        complete = bool(forms) and all(forms)
        if plural_forms:
            props.append((PROP_PLURAL_FORMS, plural_forms))
    else:
        target, target_plurals, complete = entry.msgstr, (), True
    note = "\n".join(c for c in (entry.comment, entry.tcomment) if c) or None
    source, context = entry.msgid, entry.msgctxt
    kde = _KDE_CONTEXT.match(source)
    if kde and context is None:
        source, context = source[kde.end():], kde.group(1)
    return Segment(source=source, target=target, source_lang=source_lang,
                   target_lang=target_lang, line=line, context=context, note=note,
                   source_plural=entry.msgid_plural or None, target_plurals=target_plurals,
                   fuzzy=entry.fuzzy,
                   props=tuple(props),
                   state=state(target if complete else "", fuzzy=entry.fuzzy,
                               obsolete=entry.obsolete))


def _entry(segment: Segment) -> tuple[polib.POEntry, str | None]:
    if not segment.source:
        # An empty msgid is the header entry: written, it would be read back as metadata.
        raise InputError(f"a segment with an empty source cannot be written to PO "
                         f"(target {segment.target[:40]!r})", line=segment.line)
    props = dict(segment.props)
    flags = [f.strip() for f in props.get(PROP_FLAGS, "").split(",") if f.strip()]
    if segment.fuzzy:
        flags.insert(0, "fuzzy")
    occurrences = [tuple(ref.rsplit(":", 1)) if re.search(r":\d+$", ref) else (ref, "")
                   for ref in props.get(PROP_REFERENCES, "").split()]
    entry = polib.POEntry(msgid=segment.source, msgctxt=segment.context,
                          tcomment=segment.note or "", flags=flags, occurrences=occurrences)
    if segment.source_plural is not None:
        entry.msgid_plural = segment.source_plural
        entry.msgstr_plural = dict(enumerate((segment.target, *segment.target_plurals)))
    else:
        entry.msgstr = segment.target
    return entry, props.get(PROP_PLURAL_FORMS)


def _first_entry_line(text: str) -> int:
    found = _FIRST_ENTRY.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 1
