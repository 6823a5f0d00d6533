"""Reading a gettext PO catalogue in one pass over its lines: what polib reads, field for field.

polib's parser is a state machine that calls a method per line, builds each string by
repeated concatenation and runs a regex substitution over every string; on a catalogue of
30,000 entries that took most of a second, before any checking. This reader keeps polib's
grammar (the same transitions between keywords and comments, refused where polib refuses
them), its fields (`Entry` has polib's attribute names) and its quirks that reach our
segments: an entry's `linenum` is its first line, 0 for a first entry whose comments polib
files under the file's header; a comment line ``#`` alone adds an empty line to the
translator comment unless it comes first; ``#~|`` lines are passed over; the header is the
entry with an empty msgid (the last of several without msgctxt) and its ``Key: value``
lines, split at any line break, are the metadata.

Where it parts from polib it is stricter, never laxer: a quoted string must be complete
(``"…"``, no unescaped quote inside, nothing after it but spaces) on every keyword and
continuation line, obsolete or not, where polib reads an unterminated string as empty; a
keyword must be followed by a string (polib took ``msgid x`` for the msgid ""); and
``msgstr[12]`` is form 12 (polib read one digit). Only the escapes polib unescapes are
unescaped (``\\\\ \\n \\t \\r \\v \\b \\f \\"``); any other backslash stays as written.

The text comes decoded (`textio.read_text`: byte-order mark, declared charset, newlines),
and is split at ``\\n`` only: U+2028 or a form feed inside a string is part of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

# A complete quoted string, unrolled ("[^"\\]*" runs between escapes): a third of the time
# of one alternation per character.
_QUOTED = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')
_ESCAPE = re.compile(r'\\(\\|n|t|r|v|b|f|")')
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "\\": "\\",
            '"': '"'}
# A keyword and its string (polib's test: the first word is a keyword, and more follows).
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)\s+(.+)")
_PLURAL_FORM = re.compile(r"msgstr\[(\d+)\]\s*(.*)$")
_KEYWORDS = {"msgctxt": "ct", "msgid": "mi", "msgstr": "ms", "msgid_plural": "mp"}
_PREVIOUS = {"msgctxt": "pc", "msgid": "pm", "msgid_plural": "pp"}
_PREVIOUS_SYMBOLS = frozenset(_PREVIOUS.values())

# polib's transitions: symbol → the states it may follow; the state it leads to is the
# symbol itself, except a translator comment before the first entry, which is the header's.
# st start, he header comment, tc translator comment, gc extracted comment, oc references,
# fl flags, pc/pm/pp previous msgctxt/msgid/msgid_plural, ct msgctxt, mi msgid,
# mp msgid_plural, ms msgstr, mx msgstr[n], mc a continuation line.
_ANY = frozenset({"st", "he", "gc", "oc", "fl", "ct", "pc", "pm", "pp", "tc", "ms", "mp", "mx",
                  "mi"})
_FOLLOWS = {
    "tc": _ANY - {"ct"},
    "gc": _ANY, "oc": _ANY, "fl": _ANY, "pc": _ANY, "pm": _ANY, "pp": _ANY,
    "ct": frozenset({"st", "he", "gc", "oc", "fl", "tc", "pc", "pm", "pp", "ms", "mx"}),
    "mi": frozenset({"st", "he", "gc", "oc", "fl", "ct", "tc", "pc", "pm", "pp", "ms", "mx"}),
    "mp": frozenset({"tc", "gc", "pc", "pm", "pp", "mi"}),
    "ms": frozenset({"mi", "mp", "tc"}),
    "mx": frozenset({"mi", "mx", "mp", "tc"}),
    "mc": frozenset({"ct", "mi", "mp", "ms", "mx", "pm", "pp", "pc"}),
}
# What a symbol is, for the error when it comes where it may not.
_NAMES = {"st": "the start of the file", "he": "the comments that open the file",
          "tc": "a comment", "gc": "an extracted comment", "oc": "a references line",
          "fl": "a flags line", "pc": "a previous msgctxt", "pm": "a previous msgid",
          "pp": "a previous msgid_plural", "ct": "msgctxt", "mi": "msgid",
          "mp": "msgid_plural", "ms": "msgstr", "mx": "msgstr[n]",
          "mc": "a continued string"}
# The symbols that start a new entry when they follow a msgstr.
_OPENING = frozenset({"tc", "gc", "oc", "fl", "pc", "pm", "pp", "ct", "mi"})
# The field a string sets, and a continuation line extends, by symbol and state.
_CONTINUED = {"ct": "msgctxt", "mi": "msgid", "mp": "msgid_plural", "ms": "msgstr",
              "pm": "previous_msgid", "pp": "previous_msgid_plural", "pc": "previous_msgctxt"}


class Entry:
    """One entry, with polib's `POEntry` attribute names and defaults."""

    __slots__ = ("linenum", "msgid", "msgstr", "msgid_plural", "msgstr_plural", "msgctxt",
                 "obsolete", "comment", "tcomment", "occurrences", "flags", "previous_msgctxt",
                 "previous_msgid", "previous_msgid_plural")

    def __init__(self, linenum: int = 0, msgid: str = "", msgstr: str = "",
                 msgctxt: str | None = None) -> None:
        self.linenum = linenum
        self.msgid = msgid
        self.msgstr = msgstr
        self.msgctxt = msgctxt
        self.msgid_plural = ""
        self.msgstr_plural: dict[int, str] = {}
        self.obsolete = False
        self.comment = ""        # extracted (#.) comments, one a line
        self.tcomment = ""       # translator (#) comments
        self.occurrences: list[tuple[str, str]] = []
        self.flags: list[str] = []
        self.previous_msgctxt: str | None = None
        self.previous_msgid: str | None = None
        self.previous_msgid_plural: str | None = None

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


@dataclass
class Catalogue:
    """The entries of a catalogue, its header entry taken out, and the header's metadata."""

    entries: list[Entry]
    metadata: dict[str, str]

    def __iter__(self):
        return iter(self.entries)


def unescape(text: str) -> str:
    r"""A quoted string's body as text: polib's escapes replaced, other backslashes kept.

    >>> unescape(r'a \"b\" \\n\n\a')
    'a "b" \\n\n\\a'
    """
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda found: _ESCAPED[found.group(1)], text)


def parse(text: str, path: str | Path) -> Catalogue:
    """The catalogue in `text` (see the module docstring); InputError with the line of the
    first thing wrong."""
    entries: list[Entry] = []
    entry = Entry()
    state = "st"
    plural_index = 0
    number = 0
    last_is_comment = True  # of the last line read: a trailing comment makes no entry
    # The parts of the string last opened, joined once it is complete: adding each
    # continuation line to it would take seconds for a string of a few megabytes.
    pieces: list[str] = []
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        for number, raw in enumerate(text.split("\n"), start=1):
            line = raw.strip()
            if not line:
                continue
            obsolete = False
            symbol: str | None
            if line[0] == '"':  # the commonest lines first, without splitting them
                symbol, value = "mc", line
            elif line[0] == "m" and (found := _KEYWORD.match(line)):
                symbol, value = _KEYWORDS[found[1]], found[2]
            else:
                tokens = line.split(None, 2)
                obsolete = tokens[0] == "#~" and len(tokens) > 1
                if obsolete:
                    line = line[3:].strip()
                    tokens = tokens[1:]
                # "#~|": an obsolete entry's previous msgid, passed over
                passed = not obsolete and tokens[0] == "#~|"
                symbol, value = (None, "") if passed else _symbol(line, tokens)
            last_is_comment = line[0] == "#"
            if symbol is None:
                continue
            if symbol == "mc":
                if state not in _FOLLOWS["mc"]:
                    raise _Refusal(f"{_NAMES[symbol]} where no string is open")
                pieces.append(_string(value))
                continue
            if len(pieces) > 1:
                _close(entry, state, plural_index, pieces)
            pieces = []
            if state not in _FOLLOWS[symbol]:
                raise _Refusal(f"{_NAMES[symbol]} after {_NAMES[state]}")
            if symbol == "tc" and state in ("st", "he"):
                state = "he"  # polib files comments before the first entry under the header
                continue
            if symbol in _OPENING and state in ("ms", "mx"):
                entries.append(entry)
                entry = Entry(number)
            state = symbol
            if symbol == "mx":
                plural_index, value = _plural_form(value)
                entry.msgstr_plural[plural_index] = _string(value)
                pieces = [entry.msgstr_plural[plural_index]]
            elif symbol in _CONTINUED:
                # a previous msgctxt, msgid or msgid_plural (#|) is read as polib reads it,
                # unchecked: nothing uses it
                string = unescape(value[1:-1]) if symbol in _PREVIOUS_SYMBOLS else _string(value)
                setattr(entry, _CONTINUED[symbol], string)
                pieces = [string]
                if symbol == "mi":
                    entry.obsolete = obsolete
            elif symbol == "tc":
                comment = value.lstrip("#")
                comment = comment[1:] if comment.startswith(" ") else comment
                entry.tcomment = f"{entry.tcomment}\n{comment}" if entry.tcomment else comment
            elif symbol == "gc":
                entry.comment = f"{entry.comment}\n{value}" if entry.comment else value
            elif symbol == "fl":
                entry.flags += [flag.strip() for flag in value.split(",")]
            else:
                entry.occurrences += [_occurrence(ref) for ref in value.split()]
    except _Refusal as refusal:
        raise InputError(f"malformed PO: {refusal}", path=path, line=number) from None
    if len(pieces) > 1:
        _close(entry, state, plural_index, pieces)
    if not last_is_comment:
        entries.append(entry)
    return Catalogue(entries, _metadata(entries))


def _close(entry: Entry, state: str, plural_index: int, pieces: list[str]) -> None:
    """Give the string the state opened its whole text, its continuation lines joined."""
    if state == "mx":
        entry.msgstr_plural[plural_index] = "".join(pieces)
    else:
        setattr(entry, _CONTINUED[state], "".join(pieces))


class _Refusal(Exception):
    """What is wrong with the current line."""


def _symbol(line: str, tokens: list[str]) -> tuple[str | None, str]:
    """What a (stripped) line is, polib's way, and its payload: the quoted part of a keyword
    or continuation line, the text of a comment, the whole of a msgstr[n] line. None for
    a line polib passes over (an empty ``#.``, ``#,`` or ``#:``)."""
    head = tokens[0]
    if head in _KEYWORDS:
        if len(tokens) < 2:
            raise _Refusal(f"{head} without a string")
        return _KEYWORDS[head], line[len(head):].lstrip()
    if head == "#:":
        return ("oc", line[3:]) if len(tokens) > 1 else (None, "")
    if line[0] == '"':
        return "mc", line
    if line.startswith("msgstr["):
        return "mx", line
    if head == "#,":
        return ("fl", line[3:]) if len(tokens) > 1 else (None, "")
    if head == "#" or head.startswith("##"):
        return "tc", line
    if head == "#.":
        return ("gc", line[3:]) if len(tokens) > 1 else (None, "")
    if head == "#|":
        if len(tokens) < 2:
            raise _Refusal("#| without a previous msgid")
        rest = line[2:].lstrip()
        if tokens[1].startswith('"'):
            return "mc", rest
        if len(tokens) == 2:
            raise _Refusal("invalid continuation line")
        if tokens[1] not in _PREVIOUS:
            raise _Refusal(f"unknown keyword {tokens[1]}")
        return _PREVIOUS[tokens[1]], rest[len(tokens[1]):].lstrip()
    raise _Refusal(f"not a keyword, string or comment: {line[:40]!r}")


def _plural_form(line: str) -> tuple[int, str]:
    """The index and the quoted part of a msgstr[n] line."""
    found = _PLURAL_FORM.match(line)
    if found is None:
        raise _Refusal("msgstr[ without a number and a string")
    return int(found[1]), found[2]


def _string(value: str) -> str:
    """The text of a complete quoted string (the whole of `value`), unescaped."""
    found = _QUOTED.fullmatch(value)
    if found is None:
        raise _Refusal("unterminated string or unescaped quote")
    body = found[1]
    return unescape(body) if "\\" in body else body


def _occurrence(reference: str) -> tuple[str, str]:
    """polib's (file, line) of a ``#:`` reference; the line is "" when there is none."""
    name, _colon, line = reference.rpartition(":")
    return (name, line) if name and line.isdigit() else (reference, "")


def _metadata(entries: list[Entry]) -> dict[str, str]:
    """Take the header entry out of `entries` (as polib does) and read its metadata."""
    headers = [e for e in entries if e.msgid == "" and not e.obsolete]
    if not headers:
        return {}
    plain = [e for e in headers if not e.msgctxt]
    header = plain[-1] if len(headers) > 1 and plain else headers[0]
    # polib removes the first entry equal to it by its comparison, which is this one unless
    # an earlier entry is the same in every compared field.
    key = _compared(header)
    entries.remove(next(e for e in entries if e.msgid == "" and _compared(e) == key))
    metadata: dict[str, str] = {}
    name = None
    for line in header.msgstr.splitlines():
        if ":" in line:
            name, value = line.split(":", 1)
            metadata[name] = value.strip()
        elif name is not None:
            metadata[name] += "\n" + line.strip()
    return metadata


def _compared(entry: Entry) -> tuple:
    """The fields polib's POEntry equality compares."""
    return (bool(entry.obsolete), sorted(entry.occurrences), entry.msgctxt or "0",
            entry.msgid_plural or "0", list(entry.msgstr_plural.values()), entry.msgid,
            entry.msgstr)
