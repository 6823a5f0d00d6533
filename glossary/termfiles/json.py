"""A glossary as a JSON list of entries, every field present, lists as lists.

Reading is strict about shape, and says where: each entry's line is its opening brace's.
A field is text (or null); a list field is a list of texts or one ``|``-separated text.
A key an entry lacks is a column it does not give (an import leaves it unchanged).
"""
from __future__ import annotations

import json as _json
from pathlib import Path

from ..errors import InputError
from ..model import COLUMNS, LIST_COLUMNS, Glossary, Term
from ..textio import read_text
from .tsv import with_ids

NAME = "json"
EXTENSIONS = (".json",)


def read(path: str | Path, skip: list[InputError] | None = None) -> Glossary:
    terms = []
    for line, item in _entries(read_text(path), path):
        try:
            terms.append(_term(item, line, path))
        except InputError as error:
            if skip is None:
                raise
            skip.append(error)
    extra = [k for t in terms for k, _ in t.extra]
    return Glossary(with_ids(terms), columns=COLUMNS + tuple(dict.fromkeys(extra)), path=str(path))


def entry(term: Term) -> dict:
    """A term as a JSON object: every column, lists as lists, extra columns too."""
    data = {col: list(getattr(term, col)) if col in LIST_COLUMNS else getattr(term, col)
            for col in COLUMNS}
    data.update(term.extra)
    return data


def dumps(glossary: Glossary, direction: str = "ru-en") -> str:
    return _json.dumps([entry(t) for t in glossary], ensure_ascii=False, indent=2) + "\n"


def _entries(text: str, path: str | Path) -> list[tuple[int, object]]:
    """(line, value) of each element of the top-level list."""
    decoder = _json.JSONDecoder()
    index = _skip_space(text, 0)
    if text[index:index + 1] != "[":
        raise InputError("expected a JSON list of objects", path=path, line=_line(text, index))
    index = _skip_space(text, index + 1)
    found: list[tuple[int, object]] = []
    if text[index:index + 1] == "]":
        return found
    while True:
        try:
            value, end = decoder.raw_decode(text, index)
        except _json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON: {exc.msg}", path=path, line=exc.lineno) from None
        except RecursionError:
            raise InputError("JSON nested too deeply", path=path, line=_line(text, index)) from None
        except ValueError as exc:  # e.g. an integer of thousands of digits
            raise InputError(f"malformed JSON: {exc}", path=path, line=_line(text, index)) from None
        found.append((_line(text, index), value))
        index = _skip_space(text, end)
        if text[index:index + 1] == "]":
            if text[index + 1:].strip():
                raise InputError("text after the JSON list", path=path, line=_line(text, index))
            return found
        if text[index:index + 1] != ",":
            raise InputError("malformed JSON: expected ',' or ']'", path=path,
                             line=_line(text, index))
        index = _skip_space(text, index + 1)


def _term(item: object, line: int, path: str | Path) -> Term:
    if not isinstance(item, dict):
        raise InputError(f"expected an object (an entry), found {_kind(item)}", path=path, line=line)
    row = {}
    for key, value in item.items():
        if value is None:
            continue
        if isinstance(value, list) and key in LIST_COLUMNS:
            bad = next((v for v in value if not isinstance(v, str)), None)
            if bad is not None or any("|" in v for v in value):
                what = f"holds {_kind(bad)}" if bad is not None else "has an item with '|'"
                raise InputError(f"{key!r} {what}; expected a list of texts without '|'",
                                 path=path, line=line)
            row[key] = " | ".join(value)
        elif isinstance(value, str):
            row[key] = value
        else:
            raise InputError(f"{key!r} is {_kind(value)}; expected text", path=path, line=line)
    if not row.get("ru", "").strip() or not row.get("en", "").strip():
        raise InputError("entry lacks 'ru' or 'en'", path=path, line=line)
    given = frozenset(k for k in row if k != "id" or row[k].strip())  # an empty id is made up
    return Term.from_row(row, line, given)


def _kind(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", list: "a list",
             dict: "an object", str: "text"}
    return names.get(type(value), type(value).__name__)


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\n\r":
        index += 1
    return index


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1
