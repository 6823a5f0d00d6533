"""Writing units into the store: validation, dedupe hashes, the lemma index, batched inserts.

Everything here runs inside the store's write transaction (store.TranslationMemory.add).
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from collections import defaultdict
from datetime import datetime, timezone
from functools import lru_cache
from typing import cast

from glossary.errors import InputError
from glossary.langtags import normalise, primary
from glossary.segment import Segment

from . import postings as packed_postings
from .analysis import code_char
from .pairs import Analysed, analyse_pair
from .schema import codes_to_json

SOURCE, TARGET = 0, 1
_BATCH = 1_000_000  # postings held before they are written (added to the keys' lists)
_SQL_VARIABLES = 500  # hashes looked up per query (SQLite allows 999 variables at least)
_TMX_TIME = re.compile(r"^\d{8}T\d{6}Z$")


def normalise_lang(code: str | None, *, what: str = "language", path=None, line=None) -> str:
    """A language tag as stored (`langtags.normalise`), or InputError saying what is wrong.

    >>> normalise_lang("RU_ru"), normalise_lang("en"), normalise_lang("rus")
    ('ru-RU', 'en', 'ru')
    >>> normalise_lang("russian!", what="source language")
    Traceback (most recent call last):
    ...
    glossary.errors.InputError: unknown source language 'russian!' (expected a code like ru, en-US)
    """
    if code is None or not code.strip():
        raise InputError(f"unknown {what}: the file does not name it "
                         f"(give --{what.split()[0]}-lang)", path=path, line=line)
    tag = normalise(code)
    if tag is None:
        raise InputError(f"unknown {what} {code.strip()!r} (expected a code like ru, en-US)",
                         path=path, line=line)
    return tag


@lru_cache(maxsize=256)
def _known_lang(code: str | None) -> str | None:
    """normalise_lang of a valid code (a file names one or two: computed once each); None
    for an invalid one, which normalise_lang then reports with its line."""
    try:
        return normalise_lang(code)
    except InputError:
        return None


def now() -> str:
    """The current UTC time as TMX writes it."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


class Writer:
    """Inserts units, their postings and key frequencies in batches, inside one transaction.

    Unit and key ids are handed out here (the transaction holds the write lock), so whole
    batches go in with executemany instead of one INSERT … RETURNING per unit; duplicates are
    found by pair hash, in this import (a dict) and in the TM (one query per batch). Unit ids
    only grow, so a key's new postings go after its stored ones (postings.merge).
    """

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        # Each side's key ids by key (a dict a side: no (side, key) tuple a posting).
        self.key_ids: tuple[dict[str, int], dict[str, int]] = ({}, {})
        for side, key, key_id in db.execute("SELECT side, key, id FROM keys"):
            self.key_ids[side][key] = key_id
        stored = [*self.key_ids[SOURCE].values(), *self.key_ids[TARGET].values()]
        self.next_key = max(stored, default=0) + 1
        self.next_unit = db.execute("SELECT coalesce(max(id), 0) FROM units").fetchone()[0] + 1
        self.new_keys: list[tuple[int, int, str]] = []
        self.units: list[tuple] = []
        self.repeats: list[tuple[str, int]] = []      # (changed, unit id) of duplicates
        self.imported: dict[bytes, int] = {}          # pair hash → unit id, this import
        # New postings, {weight: {key id: unit ids}}: a side's keys share its weight, so
        # filing a posting is one dict look-up.
        self.postings: dict[int, dict[int, list[int]]] = {}
        self.held = 0  # postings held
        self.listed = set(stored)  # keys whose list is stored
        self.codes: list[tuple[int, str, bytes]] = []
        self.forms: set[str] = set()        # word forms of the new units, written
        self.batch_forms: set[str] = set()  # … of the batch's new units
        self.keyed: dict[str, str] = {}     # a form's keys, joined (analyse_pair)
        self.code_chars: dict[str, str] = {}  # source key → its character in code strings

    def add_batch(self, segments: list[Segment], origin: str | None, stamp: str,
                  source_lang: str | None, target_lang: str | None, path,
                  analysed: list[Analysed] | None = None,
                  keyed: dict[str, str] | None = None) -> list[bool]:
        """Store consecutive segments; for each, whether it is new rather than a duplicate.
        `analysed` holds analyse_pair(source, target) of each segment when the caller has
        it already (worker processes), with `keyed` the keys of the forms they name that
        earlier batches did not; otherwise it is computed here."""
        if keyed:
            self.keyed.update(keyed)
        rows = [unit_row(s, origin, stamp, source_lang, target_lang, path) for s in segments]
        known = self._units_with([row[-1] for row in rows if row[-1] not in self.imported])
        fresh: list[bool] = []
        for i, (segment, row) in enumerate(zip(segments, rows)):
            pair_hash, changed = row[-1], row[11]
            unit_id = self.imported.get(pair_hash) or known.get(pair_hash)
            if unit_id is not None:
                self.repeats.append((changed, unit_id))
                fresh.append(False)
                continue
            unit_id = self.imported[pair_hash] = self.next_unit
            self.next_unit += 1
            found = analysed[i] if analysed is not None else analyse_pair(
                segment.source, segment.target, self.keyed)
            self._index(unit_id, row, found)
            fresh.append(True)
        self._flush_rows()  # now, not at the end: with workers, while they analyse
        if self.held >= _BATCH:
            self._flush_index()
        return fresh

    def _units_with(self, pair_hashes: list[bytes]) -> dict[bytes, int]:
        """Ids of the units already in the TM with these pair hashes."""
        found: dict[bytes, int] = {}
        for at in range(0, len(pair_hashes), _SQL_VARIABLES):
            part = pair_hashes[at:at + _SQL_VARIABLES]
            marks = ",".join("?" * len(part))
            found.update(self.db.execute(
                f"SELECT pair_hash, id FROM units WHERE pair_hash IN ({marks})", part))
        return found

    def _index(self, unit_id: int, row: tuple, found: Analysed) -> None:
        source_weight, code_keys, packed, sides, forms = found
        self.units.append((unit_id, *row, source_weight))
        # One character per word or number: its most probable lemma's key (search.py).
        chars = self.code_chars
        codes = "".join([chars.get(key) or self._code_char(key) for key in code_keys])
        self.codes.append((unit_id, codes, packed))
        postings = self.postings
        for side, (side_weight, keys) in enumerate(sides):
            lists = postings.get(side_weight)
            if lists is None:
                lists = postings[side_weight] = defaultdict(list)
            stored = list(map(self.key_ids[side].get, keys))
            # New keys get their ids in the keys' order.
            key_ids = [key_id or self._key_id(side, key) for key_id, key in zip(stored, keys)] \
                if None in stored else cast(list[int], stored)
            for key_id in key_ids:
                lists[key_id].append(unit_id)
            self.held += len(keys)
        self.batch_forms.update(forms)

    def _code_char(self, key: str) -> str:
        found = self.code_chars[key] = code_char(self._key_id(SOURCE, key))
        return found

    def _key_id(self, side: int, key: str) -> int:
        found = self.key_ids[side].get(key)
        if found is None:
            found = self.key_ids[side][key] = self.next_key
            self.next_key += 1
            self.new_keys.append((found, side, key))
        return found

    def _flush_rows(self) -> None:
        """Write the new units, their code strings and the word forms not written yet."""
        self.db.executemany(
            "INSERT INTO units (id, source, target, source_lang, target_lang, origin, context, "
            "note, source_plural, target_plurals, props, created, changed, source_codes, "
            "target_codes, count, source_hash, pair_hash, weight) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?)", self.units)
        self.units.clear()
        self.db.executemany("INSERT INTO codes (unit_id, codes, layout) VALUES (?, ?, ?)",
                            self.codes)
        self.codes.clear()
        fresh = self.batch_forms - self.forms
        keyed = self.keyed  # a form's keys are the same wherever it stands
        self.db.executemany("INSERT OR IGNORE INTO forms (form, keys) VALUES (?, ?)",
                            [(form, keyed[form]) for form in fresh])
        self.forms |= fresh
        self.batch_forms.clear()

    def _flush_index(self) -> None:
        """Write the new keys and add the postings held to the keys' lists."""
        by_key: dict[int, dict[int, list[int]]] = {}
        for side_weight, lists in self.postings.items():
            for key_id, ids in lists.items():
                by_key.setdefault(key_id, {})[side_weight] = ids
        # Document frequencies: a unit is filed under a key once (a side's keys are a set).
        df = {key_id: sum(map(len, groups.values())) for key_id, groups in by_key.items()}
        self.db.executemany("INSERT INTO keys (id, side, key, df) VALUES (?, ?, ?, ?)",
                            [(*key, df.pop(key[0], 0)) for key in self.new_keys])
        self.new_keys.clear()
        self.db.executemany("UPDATE keys SET df = df + ? WHERE id = ?",
                            [(n, key_id) for key_id, n in df.items()])
        packed_postings.merge(self.db, by_key, self.listed)
        self.listed.update(by_key)
        self.postings.clear()
        self.held = 0

    def flush(self) -> None:
        self._flush_index()
        self.db.executemany("UPDATE units SET count = count + 1, changed = max(changed, ?) "
                            "WHERE id = ?", self.repeats)
        self.repeats.clear()


def unit_row(segment: Segment, origin: str | None, stamp: str, source_lang: str | None,
             target_lang: str | None, path) -> tuple:
    """The units row of a segment up to its weight, validated (InputError with its line);
    `changed` 12th, the pair hash last."""
    line = segment.line
    src_lang = _known_lang(segment.source_lang or source_lang) or normalise_lang(
        segment.source_lang or source_lang, what="source language", path=path, line=line)
    tgt_lang = _known_lang(segment.target_lang or target_lang) or normalise_lang(
        segment.target_lang or target_lang, what="target language", path=path, line=line)
    if not segment.source.strip() or not (segment.target.strip()
                                          or any(segment.target_plurals)):
        raise InputError("empty segment", path=path, line=line)
    source_hash = _hash(primary(src_lang) or src_lang, primary(tgt_lang) or tgt_lang,
                        segment.context or "", _norm(segment.source),
                        _norm(segment.source_plural or ""))
    pair_hash = _hash(source_hash.hex(), _norm(segment.target),
                      *(_norm(p) for p in segment.target_plurals))
    props = segment.props
    created = (props and _when(props, "creationdate", min)) or stamp
    changed = (props and _when(props, "changedate", max)) or created
    return (segment.source, segment.target, src_lang, tgt_lang, origin, segment.context,
            segment.note, segment.source_plural, _json(list(segment.target_plurals)),
            _json([list(p) for p in segment.props]), created, changed,
            codes_to_json(segment.source_codes), codes_to_json(segment.target_codes),
            source_hash, pair_hash)


def _when(props: tuple[tuple[str, str], ...], name: str, pick) -> str | None:
    """A TMX time (20240131T120000Z) from a file's props: the unit's own, else `pick` (min
    or max) of its variants' (``source.NAME``, ``target.NAME``: OmegaT dates variants)."""
    own = [v for n, v in props if n == name and _TMX_TIME.match(v)]
    if own:
        return own[0]
    sides = [v for n, v in props if n in (f"source.{name}", f"target.{name}")
             and _TMX_TIME.match(v)]
    return pick(sides) if sides else None


def _json(items: list) -> str | None:
    return json.dumps(items, ensure_ascii=False) if items else None


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _hash(*parts: str) -> bytes:
    """The parts' hash, each part followed by a NUL byte.

    >>> _hash("a", "") == hashlib.blake2b(b"a\\x00\\x00", digest_size=16).digest()
    True
    """
    joined = "\x00".join(parts) + "\x00"  # one encoding, one update: a unit hashes twice
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=16).digest()

