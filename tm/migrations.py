"""The TM's schema, as the steps that bring a file from any earlier version to this one.

A new TM runs them all; an older one the steps it lacks, in one write transaction
(store.TranslationMemory._migrate), so that a step interrupted leaves the file as it was.
A step is SQL, or a function of the connection when it must compute (packing postings).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .postings import pack_rows

SCHEMA_VERSION = 3


def compact(db: sqlite3.Connection) -> bool:
    """Give back the pages a migration freed (packing the postings frees a fifth of the
    file), if any; False when that cannot be done now (another process writing, a full
    disk), leaving the file as it was, only larger than it need be.

    VACUUM cannot run inside the migration's transaction, so the store runs this after the
    migration has committed; VACUUM is a transaction of its own, so a failed one loses
    nothing, and the next VACUUM (the sqlite3 shell's) still can.
    """
    if not db.execute("PRAGMA freelist_count").fetchone()[0]:
        return True
    try:
        db.execute("VACUUM")
        # The rewritten pages are in the write-ahead log, as large as the file: fold them
        # in now (a checkpoint that readers hold up finishes when the last one closes).
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError:  # locked past the busy timeout, no space, read-only
        return False
    return True

MIGRATIONS: dict[int, str | Callable[[sqlite3.Connection], None]] = {
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
    # 1 → 2: inline codes (TMX/XLIFF markup kept in the text): the spans of each side as
    # JSON [[start, end], …], NULL when none. Units stored before have none.
    2: """
    ALTER TABLE units ADD COLUMN source_codes TEXT;
    ALTER TABLE units ADD COLUMN target_codes TEXT
    """,
    # 2 → 3: postings packed, one row per key instead of one per posting (tm/postings.py).
    3: pack_rows,
}
