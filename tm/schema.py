"""What reading the TM needs: its unit rows, `IN` lists, the language filter (the tables
themselves are made by migrations.py).

Apart from the store so that the store (which runs the SQL) and search (which reads rows)
both depend on it and not on each other.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Protocol

from glossary.langtags import primary

from .model import Unit

# `x IN_LIST` with `as_list(values)` as its one parameter: any number of values (a query of
# 300,000 distinct words), where `IN (?, ?, …)` stops at SQLite's limit of 32,766 variables.
IN_LIST = "IN (SELECT value FROM json_each(?))"


def as_list(values: Iterable[str | int]) -> str:
    """The parameter for IN_LIST."""
    return json.dumps(list(values), ensure_ascii=False)


# Up to this many values get a parameter each (SQLite allows 999 at least).
_FEW = 500


def in_values(db: sqlite3.Connection, values: Sequence[str | int], *, taken: int = 0
              ) -> tuple[str, list[str | int]]:
    """`IN (…)` for a list of values, with its parameters: one a value when they are few (a
    search's handful of words: SQLite plans that best, about 40 % cheaper than IN_LIST's
    JSON), else IN_LIST and its one parameter. `taken`: the statement's other parameters,
    which count towards the connection's limit of variables too.

    >>> db = sqlite3.connect(":memory:")
    >>> in_values(db, ["a", "b"]), in_values(db, range(600))[0]
    (('IN (?,?)', ['a', 'b']), 'IN (SELECT value FROM json_each(?))')
    """
    room = _FEW
    if hasattr(db, "getlimit"):  # Python 3.11+: a connection's limit may have been lowered
        room = min(room, db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))  # type: ignore[attr-defined]
    if len(values) + taken <= room:
        return f"IN ({','.join('?' * len(values))})", list(values)
    return IN_LIST, [as_list(values)]


UNIT_COLUMNS = ("id, source, target, source_lang, target_lang, origin, context, note, "
                "created, changed, count, source_plural, target_plurals, props, "
                "source_codes, target_codes")


class Store(Protocol):
    """What search and concordance read from a TM (store.TranslationMemory provides it);
    a protocol, so that search.py needs no import of the store that calls it."""

    @property
    def db(self) -> sqlite3.Connection: ...

    def key_ids(self, side: int, keys: Iterable[str]) -> dict[str, tuple[int, int]]: ...

    def sides_key_ids(self, keys: Iterable[str], sides: tuple[int, ...]
                      ) -> list[dict[str, tuple[int, int]]]: ...

    def postings_lists(self, key_ids: Iterable[int]) -> dict[int, bytes]: ...

    def code_strings(self, unit_ids: Sequence[int]) -> dict[int, str]: ...

    def form_keys(self, forms: Iterable[str]) -> dict[str, frozenset[str]]: ...

    def get(self, ids: Iterable[int]) -> dict[int, Unit]: ...


def unit_from_row(row: Sequence) -> Unit:
    """A Unit from a row of UNIT_COLUMNS."""
    (id_, source, target, source_lang, target_lang, origin, context, note, created, changed,
     count, source_plural, target_plurals, props, source_codes, target_codes) = row
    return Unit(id=id_, source=source, target=target, source_lang=source_lang,
                target_lang=target_lang, origin=origin, context=context, note=note,
                created=created, changed=changed, count=count, source_plural=source_plural,
                target_plurals=tuple(json.loads(target_plurals)) if target_plurals else (),
                props=tuple(tuple(p) for p in json.loads(props)) if props else (),
                source_codes=codes_from_json(source_codes),
                target_codes=codes_from_json(target_codes))


def codes_to_json(codes: Sequence[tuple[int, int]]) -> str | None:
    """Code spans as stored (NULL for none).

    >>> codes_to_json(((0, 5), (9, 15))), codes_to_json(())
    ('[[0,5],[9,15]]', None)
    """
    return json.dumps([list(c) for c in codes], separators=(",", ":")) if codes else None


def codes_from_json(value: str | None) -> tuple[tuple[int, int], ...]:
    return tuple((start, end) for start, end in json.loads(value)) if value else ()


def lang_filter(source_lang: str | None, target_lang: str | None, table: str = ""
                ) -> tuple[str, list[str]]:
    """A WHERE clause (possibly empty) keeping units of a language pair, by primary subtag.

    Stored tags are normalised (`langtags.normalise`: ``ru``, ``ru-RU``), so any spelling
    of the asked tag (``ru_RU``, ``RU``, ``rus``) finds them.

    >>> lang_filter("ru_RU", None)
    (' WHERE (source_lang = ? OR source_lang LIKE ?)', ['ru', 'ru-%'])
    """
    clauses, args = [], []
    for column, code in (("source_lang", source_lang), ("target_lang", target_lang)):
        if code:
            first = primary(code) or code.lower()
            clauses.append(f"({table}{column} = ? OR {table}{column} LIKE ?)")
            args += [first, first + "-%"]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args
