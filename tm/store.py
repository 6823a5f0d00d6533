"""The TM store: one SQLite file (WAL), schema versioned in PRAGMA user_version, one connection.

Tables:

* ``units``: the pairs, with their languages, origin, context, note, plurals, props and
  times; ``pair_hash`` (unique) makes the same pair count up instead of being stored twice,
  ``source_hash`` finds every target of one source. Both hash the *normalised* text: NFC,
  newlines as ``\\n``, languages by primary subtag, context and plural included.
* ``keys`` and ``postings``: an inverted index from match keys (Russian lemmas, English
  stems, numbers; per side) to units, with each key's document frequency, so that search
  and concordance read a few postings lists instead of scanning every unit.
* ``codes``: per unit, the source as a string of one character per word or number (its
  canonical key's id), ranked in C by rapidfuzz before the exact scoring, and the source's
  token layout, so that scoring need not tokenise it again (see search.py).
* ``forms``: every word form imported, with its keys, so that a query's words the TM has
  seen need no morphological analysis.

Writes happen in one transaction per call of `add` (BEGIN IMMEDIATE), so a bad unit midway
rolls everything back, and a second process importing at the same time waits for the lock
(busy_timeout) instead of failing or losing units.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from glossary.errors import GlossaryError, InputError
from glossary.segment import Segment

from .analysis import analyse, canonical_key, code_char, index_keys, layout, weight
from .model import Stats, Unit

SCHEMA_VERSION = 1
SOURCE, TARGET = 0, 1
# A second importer waits this long for the first one's transaction before giving up.
BUSY_TIMEOUT = 600.0
_BATCH = 2000
KEY_SEPARATOR = "\x1f"

_MIGRATIONS: dict[int, str] = {
    # 0 → 1: the first schema.
    1: """
    CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        source_lang TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        origin TEXT,
        context TEXT,
        note TEXT,
        source_plural TEXT,
        target_plurals TEXT,          -- JSON list, NULL when none
        props TEXT,                   -- JSON list of [name, value], NULL when none
        created TEXT NOT NULL,        -- UTC, TMX style: 20240131T120000Z
        changed TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 1,
        source_hash BLOB NOT NULL,
        pair_hash BLOB NOT NULL UNIQUE,
        weight REAL NOT NULL          -- the source's length for scoring (analysis.weight)
    );
    CREATE TABLE codes (              -- apart from units: search reads many, narrow rows
        unit_id INTEGER PRIMARY KEY,
        codes TEXT NOT NULL,          -- one character per source word/number (docstring)
        layout BLOB NOT NULL          -- the source's token spans and kinds (analysis.layout)
    );
    CREATE INDEX units_source_hash ON units(source_hash);
    CREATE TABLE keys (
        id INTEGER PRIMARY KEY,
        side INTEGER NOT NULL,        -- 0 source, 1 target
        key TEXT NOT NULL,
        df INTEGER NOT NULL DEFAULT 0,
        UNIQUE (side, key)
    );
    CREATE TABLE forms (              -- every word form seen, with its keys: analysed once
        form TEXT PRIMARY KEY,        -- the word cleaned, case kept (analysis.TmToken.form)
        keys TEXT NOT NULL            -- its keys joined by U+001F
    ) WITHOUT ROWID;
    CREATE TABLE postings (
        key_id INTEGER NOT NULL,
        weight INTEGER NOT NULL,      -- the side's weight × 20, so search reads a range
        unit_id INTEGER NOT NULL,
        PRIMARY KEY (key_id, weight, unit_id)
    ) WITHOUT ROWID;
    """,
}

_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_UNIT_COLUMNS = ("id, source, target, source_lang, target_lang, origin, context, note, "
                 "created, changed, count, source_plural, target_plurals, props")
_TMX_TIME = re.compile(r"^\d{8}T\d{6}Z$")


def normalise_lang(code: str | None, *, what: str = "language", path=None, line=None) -> str:
    """A language tag as stored: primary subtag lower-case, the rest as written, `-` joined.

    >>> normalise_lang("RU_ru"), normalise_lang("en")
    ('ru-RU', 'en')
    >>> normalise_lang("russian!", what="source language")
    Traceback (most recent call last):
    ...
    glossary.errors.InputError: unknown source language 'russian!' (expected a code like ru, en-US)
    """
    if code is None or not code.strip():
        raise InputError(f"unknown {what}: the file does not name it "
                         f"(give --{what.split()[0]}-lang)", path=path, line=line)
    code = code.strip()
    if not _LANG_TAG.match(code):
        raise InputError(f"unknown {what} {code!r} (expected a code like ru, en-US)",
                         path=path, line=line)
    first, *rest = re.split(r"[-_]", code)
    rest = [r.upper() if len(r) == 2 else r for r in rest]
    return "-".join([first.lower(), *rest])


def now() -> str:
    """The current UTC time as TMX writes it."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


class TranslationMemory:
    """A translation memory in one SQLite file. Use as a context manager, or call close().

    `create=False` refuses a path where no TM exists yet (searching one is a mistake).
    """

    def __init__(self, path: str | Path, *, create: bool = True,
                 busy_timeout: float = BUSY_TIMEOUT):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise GlossaryError(f"no translation memory at {self.path} "
                                "(import a file first: glossary tm import FILE)")
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # Autocommit mode: transactions are begun and ended explicitly below.
            self._db = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise GlossaryError(f"cannot open {self.path}: {exc}") from None
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise GlossaryError(f"{self.path} is not a translation memory: {exc}") from None
        except BaseException:
            self._db.close()
            raise

    # --- lifetime ---

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def db(self) -> sqlite3.Connection:
        """The connection (for the search and I/O modules of this package)."""
        return self._db

    # --- schema ---

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise GlossaryError(f"{self.path} has TM schema {version}; this version of the "
                                f"program knows up to {SCHEMA_VERSION} (upgrade it)")
        with self._transaction():
            # Read again under the write lock: another process may have migrated meanwhile.
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[target].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {int(target)}")

    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _transaction(self):
        return _Transaction(self._db)

    # --- writing ---

    def add(self, segments: Iterable[Segment], origin: str | None, *,
            source_lang: str | None = None, target_lang: str | None = None,
            path: str | Path | None = None, progress: Callable[[Segment], None] | None = None
            ) -> tuple[int, int]:
        """Store segments in one transaction; return (added, duplicates).

        Languages missing from a segment are taken from `source_lang`/`target_lang`; a unit
        without one, or with an invalid code, raises InputError (with `path` and its line)
        and nothing of this call is stored. Any other error rolls back likewise.
        """
        try:
            return self._add(segments, origin, source_lang, target_lang, path, progress)
        except sqlite3.OperationalError as exc:
            # "database is locked" after busy_timeout, a full disk, a read-only file …
            where = f"{path}: " if path else ""
            raise GlossaryError(f"{where}cannot write to the TM {self.path}: {exc}; "
                                "nothing of this file was stored") from None

    def _add(self, segments, origin, source_lang, target_lang, path, progress):
        added = duplicates = 0
        stamp = now()
        with self._transaction():
            writer = _Writer(self._db)
            for segment in segments:
                unit_id, new = writer.add(segment, origin, stamp, source_lang, target_lang, path)
                if new:
                    added += 1
                else:
                    duplicates += 1
                if progress is not None:
                    progress(segment)
            writer.flush()
        return added, duplicates

    # --- reading ---

    def units(self, *, source_lang: str | None = None, target_lang: str | None = None
              ) -> Iterator[Unit]:
        """Every unit (of a language pair, by primary subtag), oldest first."""
        sql = f"SELECT {_UNIT_COLUMNS} FROM units"
        where, args = lang_filter(source_lang, target_lang)
        for row in self._db.execute(sql + where + " ORDER BY id", args):
            yield unit_from_row(row)

    def get(self, ids: Iterable[int]) -> dict[int, Unit]:
        """Units by id."""
        ids = list(ids)
        found: dict[int, Unit] = {}
        for at in range(0, len(ids), 500):
            chunk = ids[at:at + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                    f"SELECT {_UNIT_COLUMNS} FROM units WHERE id IN ({marks})", chunk):
                found[row[0]] = unit_from_row(row)
        return found

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM units").fetchone()[0]

    def language_pairs(self) -> list[tuple[str, str, int]]:
        """(source, target, units) for each language pair, by primary subtag."""
        rows = self._db.execute("SELECT source_lang, target_lang, count(*) FROM units "
                                "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2").fetchall()
        merged: Counter = Counter()
        for s, t, n in rows:
            merged[(_primary(s), _primary(t))] += n
        return [(s, t, n) for (s, t), n in merged.most_common()]

    def stats(self) -> Stats:
        """Units, language pairs, origins and bytes on disk (database plus WAL)."""
        origins = self._db.execute("SELECT coalesce(origin, ''), count(*) FROM units "
                                   "GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
        size = sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal"))
                   if p.exists())
        return Stats(path=str(self.path), units=len(self), languages=tuple(self.language_pairs()),
                     origins=tuple((o, n) for o, n in origins), size=size,
                     schema_version=self.schema_version())

    def key_ids(self, side: int, keys: Iterable[str]) -> dict[str, tuple[int, int]]:
        """{key: (id, df)} for the keys the index knows on one side."""
        keys = list(keys)
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        rows = self._db.execute(f"SELECT key, id, df FROM keys WHERE side = ? AND key IN ({marks})",
                                [side, *keys])
        return {key: (key_id, df) for key, key_id, df in rows}

    def form_keys(self, forms: Iterable[str]) -> dict[str, frozenset[str]]:
        """{form: keys} for the word forms the TM has seen (analysed when imported)."""
        forms = list(forms)
        if not forms:
            return {}
        marks = ",".join("?" * len(forms))
        rows = self._db.execute(f"SELECT form, keys FROM forms WHERE form IN ({marks})", forms)
        return {form: frozenset(keys.split(KEY_SEPARATOR)) for form, keys in rows}

    # The search module builds on these; see search.py.
    def search(self, text: str, *, min_score: int = 75, limit: int = 5,
               source_lang: str | None = None, target_lang: str | None = None):
        """Fuzzy matches of `text` among the sources, best first (see search.py)."""
        from .search import search
        return search(self, text, min_score=min_score, limit=limit,
                      source_lang=source_lang, target_lang=target_lang)

    def concordance(self, phrase: str, lang: str | None = None) -> list[Unit]:
        """Every unit whose source or target holds the phrase in any inflected form.

        `lang` ('ru', 'en') restricts to the side in that language; by default the side
        written in the phrase's script. Newest first.
        """
        from .search import concordance
        return [hit.unit for hit in concordance(self, phrase, lang)]

    def concordance_hits(self, phrase: str, lang: str | None = None, *, limit: int | None = None):
        """Like `concordance`, with where the phrase stands in each unit (model.Hit)."""
        from .search import concordance
        return concordance(self, phrase, lang, limit=limit)


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception (KeyboardInterrupt included)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")
        return False


class _Writer:
    """Inserts units, their postings and key frequencies, batched, inside one transaction."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.key_cache: dict[tuple[int, str], int] = {}
        self.postings: list[tuple[int, int, int]] = []
        self.codes: list[tuple[int, str, bytes]] = []
        self.df: Counter = Counter()
        self.forms: dict[str, str] = {}
        self.forms_written: set[str] = set()

    def add(self, segment: Segment, origin, stamp, source_lang, target_lang, path):
        line = segment.line
        src_lang = normalise_lang(segment.source_lang or source_lang, what="source language",
                                  path=path, line=line)
        tgt_lang = normalise_lang(segment.target_lang or target_lang, what="target language",
                                  path=path, line=line)
        if not segment.source.strip() or not (segment.target.strip() or any(segment.target_plurals)):
            raise InputError("empty segment", path=path, line=line)
        source_hash = _hash(_primary(src_lang), _primary(tgt_lang), segment.context or "",
                            _norm(segment.source), _norm(segment.source_plural or ""))
        pair_hash = _hash(source_hash.hex(), _norm(segment.target),
                          *(_norm(p) for p in segment.target_plurals))
        props = dict(segment.props)
        created = props.get("creationdate") if _TMX_TIME.match(props.get("creationdate", "")) else stamp
        changed = props.get("changedate") if _TMX_TIME.match(props.get("changedate", "")) else created
        src_tokens = analyse(segment.source)
        codes = "".join(code_char(self._key_id(SOURCE, canonical_key(t.form) if t.kind == "word"
                                               else t.norm))
                        for t in src_tokens if t.keys)
        row = self.db.execute(
            "INSERT INTO units (source, target, source_lang, target_lang, origin, context, note, "
            "source_plural, target_plurals, props, created, changed, count, source_hash, "
            "pair_hash, weight) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?) "
            "ON CONFLICT (pair_hash) DO UPDATE SET count = count + 1, "
            "changed = max(changed, excluded.changed) RETURNING id, count",
            (segment.source, segment.target, src_lang, tgt_lang, origin, segment.context,
             segment.note, segment.source_plural,
             json.dumps(list(segment.target_plurals), ensure_ascii=False) if segment.target_plurals else None,
             json.dumps([list(p) for p in segment.props], ensure_ascii=False) if segment.props else None,
             created, changed, source_hash, pair_hash, weight(src_tokens))).fetchone()
        unit_id, count = row
        if count > 1:
            return unit_id, False
        self.codes.append((unit_id, codes, layout(src_tokens)))
        for side, tokens in ((SOURCE, src_tokens), (TARGET, analyse(segment.target))):
            side_weight = weight_code(weight(tokens))
            for t in tokens:
                if t.kind == "word" and t.form not in self.forms_written:
                    self.forms_written.add(t.form)
                    self.forms[t.form] = KEY_SEPARATOR.join(sorted(t.keys))
            for key in index_keys(tokens):
                key_id = self._key_id(side, key)
                self.postings.append((key_id, side_weight, unit_id))
                self.df[key_id] += 1
        if len(self.postings) >= _BATCH * 20:
            self._flush_postings()
        return unit_id, True

    def _key_id(self, side: int, key: str) -> int:
        found = self.key_cache.get((side, key))
        if found is None:
            row = self.db.execute("SELECT id FROM keys WHERE side = ? AND key = ?",
                                  (side, key)).fetchone()
            if row is None:
                found = self.db.execute("INSERT INTO keys (side, key) VALUES (?, ?)",
                                        (side, key)).lastrowid
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


def lang_filter(source_lang: str | None, target_lang: str | None, table: str = ""
                ) -> tuple[str, list[str]]:
    """A WHERE clause (possibly empty) keeping units of a language pair, by primary subtag."""
    clauses, args = [], []
    for column, code in (("source_lang", source_lang), ("target_lang", target_lang)):
        if code:
            primary = _primary(code)
            clauses.append(f"({table}{column} = ? OR {table}{column} LIKE ?)")
            args += [primary, primary + "-%"]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args


def weight_code(value: float) -> int:
    """A weight as stored in postings: an integer (weights are multiples of 0.05).

    >>> weight_code(2.45), weight_code(0.1)
    (49, 2)
    """
    return round(value * 20)


def unit_from_row(row) -> Unit:
    (id_, source, target, source_lang, target_lang, origin, context, note, created, changed,
     count, source_plural, target_plurals, props) = row
    return Unit(id=id_, source=source, target=target, source_lang=source_lang,
                target_lang=target_lang, origin=origin, context=context, note=note,
                created=created, changed=changed, count=count, source_plural=source_plural,
                target_plurals=tuple(json.loads(target_plurals)) if target_plurals else (),
                props=tuple(tuple(p) for p in json.loads(props)) if props else ())


def unit_columns() -> str:
    return _UNIT_COLUMNS


def _primary(code: str) -> str:
    return re.split(r"[-_]", code, maxsplit=1)[0].lower()


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _hash(*parts: str) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.digest()
