"""The TM store: one SQLite file (WAL), schema versioned in PRAGMA user_version, one connection.

Tables:

* ``units``: the pairs, with their languages, origin, context, note, plurals, props and
  times; ``pair_hash`` (unique) makes the same pair count up instead of being stored twice,
  ``source_hash`` finds every target of one source. Both hash the *normalised* text: NFC,
  newlines as ``\\n``, languages by primary subtag, context and plural included.
* ``keys`` and ``postings``: an inverted index from match keys (Russian lemmas, English
  stems, numbers; per side) to units, with each key's document frequency, so that search
  and concordance read a few postings lists instead of scanning every unit. A key's list
  is one row, packed (postings.py); schema 2 had a row per posting, and a TM of schema 2 is
  packed in place when opened.
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

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from glossary import collector
from glossary.errors import GlossaryError, InputError
from glossary.langtags import primary
from glossary.segment import Segment

from . import search as _search
from .model import ConcordanceHit, FuzzyMatch, Stats, Unit
from .migrations import MIGRATIONS, SCHEMA_VERSION, compact
from .pairs import KEY_SEPARATOR
from .schema import UNIT_COLUMNS, in_values, lang_filter, unit_from_row
from .writer import Writer, now

# A second importer waits this long for the first one's transaction before giving up.
BUSY_TIMEOUT = 600.0
MMAP_BYTES = 256 * 2**20
CACHE_KIB = 32 * 2**10
# Code strings kept for a batch of searches at most (a few tens of MB).
_KEEP_CODES = 500_000

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
        # The key and form look-ups kept while a snapshot lasts (see `snapshot`), else None.
        self._seen: tuple[dict[int, dict[str, tuple[int, int] | None]],
                          dict[str, frozenset[str] | None]] | None = None
        # The postings lists of the keys looked up (within a snapshot, all of them; else
        # the last look-up's), so that reading a query's candidates needs no statement.
        self._lists: dict[int, bytes] = {}
        # Units' code strings read while a snapshot lasts (None: a unit without one).
        self._codes: dict[int, str | None] = {}
        try:
            # Autocommit mode: transactions are begun and ended explicitly below.
            self._db = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise GlossaryError(f"cannot open {self.path}: {exc}") from None
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            # Search reads many small rows at random: memory-map the file and keep more pages.
            self._db.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            self._db.execute(f"PRAGMA cache_size={-CACHE_KIB}")
            self._migrate()
        except sqlite3.OperationalError as exc:  # locked, read-only, no space …
            self._db.close()
            raise GlossaryError(f"cannot open the translation memory {self.path}: {exc}") from None
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

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: object) -> None:
        self.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise self.failed(exc) from None

    def failed(self, exc: sqlite3.DatabaseError) -> InputError:
        """The library's error for an SQLite error met while using this TM, naming the file:
        a damaged page, a file that is not a database, a lock held too long, a full disk."""
        why = str(exc)
        if why.startswith("Could not decode to UTF-8"):
            # Damaged bytes in a unit's text; Python's message would quote them as garbage.
            why = "a unit's text is not UTF-8"
        elif type(exc) is not sqlite3.DatabaseError:  # else a malformed image, not a database
            return InputError(f"cannot use the translation memory: {exc}", path=self.path)
        return InputError(f"the translation memory is damaged ({why}); restore it from a "
                          "backup or import its files into a new one", path=self.path)

    def verify(self) -> None:
        """Raise InputError if SQLite finds the file damaged. A damaged index page can lose
        postings without any error, so a search that found nothing calls this to tell "no
        match" from "damaged". It reads every page (PRAGMA quick_check): well under a second
        for 100,000 units."""
        try:
            problems = [row[0] for row in self._db.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            raise self.failed(exc) from None
        if problems != ["ok"]:
            first = problems[0].splitlines()[-1] if problems else "unknown"
            raise self.failed(sqlite3.DatabaseError(f"integrity check: {first}"))

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
            existing = 0 < version < SCHEMA_VERSION  # an older TM's file, migrated here
            for target in range(version + 1, SCHEMA_VERSION + 1):
                step = MIGRATIONS[target]
                if callable(step):
                    step(self._db)
                else:
                    for statement in step.split(";"):
                        if statement.strip():
                            self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {int(target)}")
        if existing:
            compact(self._db)

    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _transaction(self):
        return _Transaction(self._db)

    # --- writing ---

    def add(self, segments: Iterable[Segment], origin: str | None, *,
            source_lang: str | None = None, target_lang: str | None = None,
            path: str | Path | None = None, progress: Callable[[Segment], None] | None = None,
            jobs: int = 1) -> tuple[int, int]:
        """Store segments in one transaction; return (added, duplicates).

        `jobs` > 1 analyses the segments in that many worker processes (the TM is the same).

        Languages missing from a segment are taken from `source_lang`/`target_lang`; a unit
        without one, or with an invalid code, raises InputError (with `path` and its line)
        and nothing of this call is stored. Any other error rolls back likewise.
        """
        try:
            return self._add(segments, origin, source_lang, target_lang, path, progress, jobs)
        except sqlite3.OperationalError as exc:
            # "database is locked" after busy_timeout, a full disk, a read-only file …
            where = f"{path}: " if path else ""
            raise GlossaryError(f"{where}cannot write to the TM {self.path}: {exc}; "
                                "nothing of this file was stored") from None

    # An import makes millions of small objects (segments, tokens' entries, rows, postings,
    # the analyses unpickled from workers) and no reference cycles (tests/test_tm_jobs.py
    # holds it to that; an error's traceback leaves a few, freed once the collector runs
    # again): the collector's passes over what it holds until the end cost ~10 % of the
    # Tatoeba TMX's import even at the command line's rarer collections. Worker processes
    # are forked inside: they run without it too.
    @collector.paused()
    def _add(self, segments, origin, source_lang, target_lang, path, progress, jobs=1):
        from .parallel import analysed_batches  # worker processes: for imports only

        added = duplicates = 0
        stamp = now()
        self._lists = {}  # lists kept from a look-up before this import are stale after it
        with self._transaction():
            writer = Writer(self._db)
            for batch, analysed, keyed in analysed_batches(segments, jobs):
                for segment, new in zip(batch, writer.add_batch(
                        batch, origin, stamp, source_lang, target_lang, path, analysed,
                        keyed)):
                    added += new
                    duplicates += not new
                    if progress is not None:
                        progress(segment)
            writer.flush()
        return added, duplicates

    # --- reading ---

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read one state of the TM (a read transaction) for a batch of searches, keeping
        the look-ups of match keys and word forms for the whole batch: its queries share
        most of their words (the bench's 1,000 queries look up 10,700 keys, 3,700 of them
        distinct), and no other process's import can change them halfway through. For
        reading only; a snapshot inside a snapshot is the outer one."""
        if self._seen is not None:
            yield
            return
        self._db.execute("BEGIN")
        self._seen = ({}, {})
        self._lists, self._codes = {}, {}
        try:
            yield
        finally:
            self._seen = None
            self._lists, self._codes = {}, {}
            self._db.execute("COMMIT")  # ends the read; nothing was written

    def units(self, *, source_lang: str | None = None, target_lang: str | None = None
              ) -> Iterator[Unit]:
        """Every unit (of a language pair, by primary subtag), oldest first."""
        sql = f"SELECT {UNIT_COLUMNS} FROM units"
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
                    f"SELECT {UNIT_COLUMNS} FROM units WHERE id IN ({marks})", chunk):
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
            merged[(primary(s) or s, primary(t) or t)] += n
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
        return self.sides_key_ids(keys, (side,))[0]

    def sides_key_ids(self, keys: Iterable[str], sides: tuple[int, ...]
                      ) -> list[dict[str, tuple[int, int]]]:
        """`key_ids` of each of `sides`, in one query (a search looks up both)."""
        keys = list(keys)
        # Within a snapshot the answers are kept (absent keys too); else for this call only.
        seen = {} if self._seen is None else self._seen[0]
        if self._seen is None:
            self._lists = {}
        by_side = [seen.setdefault(side, {}) for side in sides]
        wanted = [k for k in keys if any(k not in known for known in by_side)]
        if wanted:
            for known in by_side:
                known.update(dict.fromkeys(wanted))
            in_sides, side_args = in_values(self._db, sides)
            in_keys, key_args = in_values(self._db, wanted, taken=len(side_args))
            # The keys' postings lists come along: a search reads some of them next.
            rows = self._db.execute(
                f"SELECT k.side, k.key, k.id, k.df, p.list FROM keys k LEFT JOIN postings p "
                f"ON p.key_id = k.id WHERE k.side {in_sides} AND k.key {in_keys}",
                [*side_args, *key_args])
            for side, key, key_id, df, packed in rows:
                seen[side][key] = (key_id, df)
                if packed is not None:
                    self._lists[key_id] = packed
        return [{k: value for k in keys if (value := known[k]) is not None}
                for known in by_side]

    def postings_lists(self, key_ids: Iterable[int]) -> dict[int, bytes]:
        """{key id: its packed postings list} (postings.py), of the keys that have one;
        those of the keys just looked up (`sides_key_ids`) without another statement."""
        key_ids = set(key_ids)
        wanted = sorted(key_ids.difference(self._lists))
        if wanted:
            in_keys, args = in_values(self._db, wanted)
            self._lists.update(self._db.execute(
                f"SELECT key_id, list FROM postings WHERE key_id {in_keys}", args))
        return {key_id: self._lists[key_id] for key_id in key_ids if key_id in self._lists}

    def code_strings(self, unit_ids: Sequence[int]) -> dict[int, str]:
        """{unit id: its code string} (see `codes` above), in the order of `unit_ids`. Within
        a snapshot each unit's is read once: a batch's queries share most of their
        candidates (the bench's 1,000 queries have 80,126 candidates, 14,393 distinct)."""
        kept = self._codes if self._seen is not None else {}
        wanted = [unit_id for unit_id in unit_ids if unit_id not in kept]
        if wanted:
            if len(kept) + len(wanted) > _KEEP_CODES:
                kept.clear()  # a batch over a huge TM: memory stays bounded
                wanted = list(unit_ids)
            kept.update(dict.fromkeys(wanted))
            in_ids, args = in_values(self._db, wanted)
            kept.update(self._db.execute(
                f"SELECT unit_id, codes FROM codes WHERE unit_id {in_ids}", args))
        return {unit_id: codes for unit_id in unit_ids if (codes := kept[unit_id]) is not None}

    def form_keys(self, forms: Iterable[str]) -> dict[str, frozenset[str]]:
        """{form: keys} for the word forms the TM has seen (analysed when imported)."""
        forms = list(forms)
        seen = {} if self._seen is None else self._seen[1]
        wanted = [form for form in forms if form not in seen]
        if wanted:
            seen.update(dict.fromkeys(wanted))
            in_forms, args = in_values(self._db, wanted)
            for form, keys in self._db.execute(
                    f"SELECT form, keys FROM forms WHERE form {in_forms}", args):
                seen[form] = frozenset(keys.split(KEY_SEPARATOR))
        return {form: keys for form in forms if (keys := seen[form]) is not None}

    # Search and concordance live in search.py; these are the TM's front door to them.
    def search(self, text: str, *, min_score: int = 75, limit: int = 5,
               source_lang: str | None = None, target_lang: str | None = None) -> list[FuzzyMatch]:
        """Fuzzy matches of `text` among the sources, best first (see search.py)."""
        return _search.search(self, text, min_score=min_score, limit=limit,
                              source_lang=source_lang, target_lang=target_lang)

    def concordance(self, phrase: str, lang: str | None = None) -> list[Unit]:
        """Every unit whose source or target holds the phrase in any inflected form.

        `lang` ('ru', 'en') restricts to the side in that language; by default the side
        written in the phrase's script. Newest first.
        """
        return [hit.unit for hit in _search.concordance(self, phrase, lang)]

    def concordance_hits(self, phrase: str, lang: str | None = None, *,
                         limit: int | None = None) -> list[ConcordanceHit]:
        """Like `concordance`, with where the phrase stands in each unit (ConcordanceHit)."""
        return _search.concordance(self, phrase, lang, limit=limit)


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
