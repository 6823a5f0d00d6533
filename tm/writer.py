"""Writing units into the store: validation, dedupe hashes, the lemma index, batched inserts.

Everything here runs inside the store's write transaction (store.TranslationMemory.add).
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from collections import Counter
from datetime import datetime, timezone

from glossary.errors import InputError
from glossary.langtags import normalise, primary
from glossary.segment import Segment

from .analysis import analyse, canonical_key, code_char, index_keys, layout, weight
from .schema import codes_to_json

SOURCE, TARGET = 0, 1
KEY_SEPARATOR = "\x1f"
# The key of a side with no words or numbers at all ("…", "%s:"), so that such a query finds
# such units. No word key starts with '#'.
NO_WORDS = "#none"
_BATCH = 40_000  # postings held before they are written
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


def now() -> str:
    """The current UTC time as TMX writes it."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


class Writer:
    """Inserts units, their postings and key frequencies, batched, inside one transaction."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.key_cache: dict[tuple[int, str], int] = {}
        self.postings: list[tuple[int, int, int]] = []
        self.codes: list[tuple[int, str, bytes]] = []
        self.df: Counter = Counter()
        self.forms: dict[str, str] = {}
        self.forms_written: set[str] = set()

    def add(self, segment: Segment, origin: str | None, stamp: str, source_lang: str | None,
            target_lang: str | None, path) -> tuple[int, bool]:
        """Store one segment; return (unit id, whether it is new rather than a duplicate)."""
        line = segment.line
        src_lang = normalise_lang(segment.source_lang or source_lang, what="source language",
                                  path=path, line=line)
        tgt_lang = normalise_lang(segment.target_lang or target_lang, what="target language",
                                  path=path, line=line)
        if not segment.source.strip() or not (segment.target.strip()
                                              or any(segment.target_plurals)):
            raise InputError("empty segment", path=path, line=line)
        source_hash = _hash(primary(src_lang) or src_lang, primary(tgt_lang) or tgt_lang, segment.context or "",
                            _norm(segment.source), _norm(segment.source_plural or ""))
        pair_hash = _hash(source_hash.hex(), _norm(segment.target),
                          *(_norm(p) for p in segment.target_plurals))
        created = _when(segment.props, "creationdate", min) or stamp
        changed = _when(segment.props, "changedate", max) or created
        src_tokens = analyse(segment.source)
        row = self.db.execute(
            "INSERT INTO units (source, target, source_lang, target_lang, origin, context, note, "
            "source_plural, target_plurals, props, created, changed, count, source_hash, "
            "pair_hash, weight, source_codes, target_codes) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?,?) "
            "ON CONFLICT (pair_hash) DO UPDATE SET count = count + 1, "
            "changed = max(changed, excluded.changed) RETURNING id, count",
            (segment.source, segment.target, src_lang, tgt_lang, origin, segment.context,
             segment.note, segment.source_plural,
             _json(list(segment.target_plurals)), _json([list(p) for p in segment.props]),
             created, changed, source_hash, pair_hash, weight(src_tokens),
             codes_to_json(segment.source_codes), codes_to_json(segment.target_codes))).fetchone()
        unit_id, count = row
        if count > 1:
            return unit_id, False
        # One character per word or number: its most probable lemma's key (search.py).
        codes = "".join(code_char(self._key_id(SOURCE, canonical_key(t.form) if t.kind == "word"
                                               else t.norm))
                        for t in src_tokens if t.keys)
        self.codes.append((unit_id, codes, layout(src_tokens)))
        for side, tokens in ((SOURCE, src_tokens), (TARGET, analyse(segment.target))):
            side_weight = weight_code(weight(tokens))
            keys = index_keys(tokens) or {NO_WORDS}
            for t in tokens:
                if t.kind == "word" and t.form not in self.forms_written:
                    self.forms_written.add(t.form)
                    self.forms[t.form] = KEY_SEPARATOR.join(sorted(t.keys))
            for key in sorted(keys):  # key ids in a fixed order, whatever the hash seed
                key_id = self._key_id(side, key)
                self.postings.append((key_id, side_weight, unit_id))
                self.df[key_id] += 1
        if len(self.postings) >= _BATCH:
            self._flush_postings()
        return unit_id, True

    def _key_id(self, side: int, key: str) -> int:
        found = self.key_cache.get((side, key))
        if found is None:
            row = self.db.execute("SELECT id FROM keys WHERE side = ? AND key = ?",
                                  (side, key)).fetchone()
            if row is None:
                new_id = self.db.execute("INSERT INTO keys (side, key) VALUES (?, ?)",
                                         (side, key)).lastrowid
                assert new_id is not None  # an INSERT into a rowid table sets it
                found = new_id
            else:
                found = row[0]
            self.key_cache[(side, key)] = found
        return found

    def _flush_postings(self) -> None:
        self.db.executemany("INSERT OR IGNORE INTO postings (key_id, weight, unit_id) "
                            "VALUES (?, ?, ?)", self.postings)
        self.postings.clear()
        self.db.executemany("INSERT INTO codes (unit_id, codes, layout) VALUES (?, ?, ?)",
                            self.codes)
        self.codes.clear()

    def flush(self) -> None:
        self._flush_postings()
        self.db.executemany("INSERT OR IGNORE INTO forms (form, keys) VALUES (?, ?)",
                            self.forms.items())
        self.forms.clear()
        self.db.executemany("UPDATE keys SET df = df + ? WHERE id = ?",
                            [(n, key_id) for key_id, n in self.df.items()])
        self.df.clear()


def weight_code(value: float) -> int:
    """A weight as stored in postings: an integer (weights are multiples of 0.05).

    >>> weight_code(2.45), weight_code(0.1)
    (49, 2)
    """
    return round(value * 20)


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
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.digest()

