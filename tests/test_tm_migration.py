"""Packed postings (schema 3): a TM of schema 2 made by that schema's code opens, is packed in
place, and answers as a TM imported afresh; the lists themselves; incremental imports."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pytest
from paths import HERE, ROOT

from tm import SCHEMA_VERSION, TranslationMemory, postings
from tm.migrations import MIGRATIONS, compact
from tm.io import import_file

OLD = HERE / "data" / "tm-schema2.sqlite"
FILES = [HERE / "data" / "tm-schema2-a.tmx", HERE / "data" / "tm-schema2-b.tmx"]
QUERIES = ["Войскам НКВД заняли город", "Штрафные батальоны заняли мост", "Удалить 4 группы?",
           "Troops took the bridge", "…", "Дезертиров задержали у моста"]


def meaning(path):
    """What a TM holds, ids and import times aside: units, code strings, keys with their
    document frequencies, forms, every posting; and what searches and concordance answer."""
    with TranslationMemory(path, create=False) as tm:
        db = tm.db
        units = db.execute("SELECT source, target, count, source_codes, target_codes, weight, "
                           "hex(pair_hash) FROM units ORDER BY id").fetchall()
        codes = db.execute("SELECT codes, hex(layout) FROM codes ORDER BY unit_id").fetchall()
        keys = db.execute("SELECT id, side, key, df FROM keys ORDER BY id").fetchall()
        forms = db.execute("SELECT form, keys FROM forms ORDER BY form").fetchall()
        lists = sorted((key_id, *posting) for key_id, blob in
                       db.execute("SELECT key_id, list FROM postings")
                       for posting in postings.decode(blob))
        # Sorted: equal scores go newest first, and the two TMs were imported at other times.
        found = [sorted((m.score, m.unit.source, m.unit.target)
                        for m in tm.search(q, min_score=40, limit=20)) for q in QUERIES]
        seen = [sorted(u.source for u in tm.concordance(w)) for w in ("войско", "мост", "troops")]
    return units, codes, keys, forms, lists, found, seen


def test_a_schema_2_tm_is_packed_in_place_and_answers_as_a_new_one(tmp_path):
    old = tmp_path / "old.sqlite"
    shutil.copy(OLD, old)
    with sqlite3.connect(old) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        rows = sorted(db.execute("SELECT key_id, weight, unit_id FROM postings"))
    db.close()
    with TranslationMemory(old) as tm:
        assert tm.schema_version() == SCHEMA_VERSION == 3
    fresh = tmp_path / "fresh.sqlite"
    with TranslationMemory(fresh) as tm:
        for path in FILES:
            import_file(tm, path)
    migrated = meaning(old)
    assert migrated[4] == rows  # every posting kept
    assert migrated == meaning(fresh)
    assert all(migrated[5][:2]) and all(migrated[6])


def test_a_failed_migration_leaves_schema_2_intact(tmp_path, monkeypatch):
    old = tmp_path / "old.sqlite"
    shutil.copy(OLD, old)

    def broken(groups):
        raise RuntimeError("disk gave up")

    # The globals the migration step runs with: pytest's doctests may import tm.postings
    # a second time, so the module reached by name need not be the step's.
    monkeypatch.setitem(MIGRATIONS[3].__globals__, "pack", broken)
    with pytest.raises(RuntimeError, match="disk gave up"):
        TranslationMemory(old)
    with sqlite3.connect(old) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert db.execute("SELECT count(*) FROM postings").fetchone()[0] == 181
    db.close()
    monkeypatch.undo()
    with TranslationMemory(old) as tm:
        assert tm.schema_version() == 3 and tm.search(QUERIES[0])


def pages(path):
    """(pages, free pages) of an SQLite file."""
    db = sqlite3.connect(path)
    try:
        return tuple(db.execute(f"PRAGMA {what}").fetchone()[0]
                     for what in ("page_count", "freelist_count"))
    finally:
        db.close()


def test_a_migrated_tm_keeps_no_free_pages(tmp_path):
    """The old postings' pages are given back after the migration commits (VACUUM), and
    the write-ahead log is folded in, so the file is no larger than it needs to be."""
    old = tmp_path / "old.sqlite"
    shutil.copy(OLD, old)
    with TranslationMemory(old) as tm:
        assert tm.db.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert tm.stats().size == old.stat().st_size  # the log is empty
    unpacked = tmp_path / "unpacked.sqlite"  # the migration alone, as it left the file
    shutil.copy(OLD, unpacked)
    db = sqlite3.connect(unpacked, isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    MIGRATIONS[3](db)
    db.execute("COMMIT")
    db.close()
    assert pages(unpacked)[1] > 0 and pages(old) == (pages(unpacked)[0] - pages(unpacked)[1], 0)


def test_compacting_a_locked_tm_leaves_it_as_it_was(tmp_path):
    """Another process writing: the VACUUM gives up (False) and the migrated file is whole,
    free pages and all; once the lock is gone it compacts."""
    old = tmp_path / "old.sqlite"
    shutil.copy(OLD, old)
    db = sqlite3.connect(old, isolation_level=None, timeout=0.1)
    db.execute("BEGIN IMMEDIATE")
    MIGRATIONS[3](db)
    db.execute("PRAGMA user_version = 3")
    db.execute("COMMIT")
    before = pages(old)
    writer = sqlite3.connect(old, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    assert compact(db) is False
    writer.execute("ROLLBACK")
    writer.close()
    assert pages(old) == before and before[1] > 0
    fresh = tmp_path / "fresh.sqlite"
    with TranslationMemory(fresh) as tm:
        for path in FILES:
            import_file(tm, path)
    assert meaning(old) == meaning(fresh)  # schema 3 already: opened as it is
    assert compact(db) is True and pages(old)[1] == 0
    db.close()
    assert meaning(old) == meaning(fresh)


def test_importing_into_a_migrated_tm_adds_to_its_lists(tmp_path):
    """New units' postings join the stored lists (and a key's document frequency counts
    them): the same TM as importing everything afresh."""
    old = tmp_path / "old.sqlite"
    shutil.copy(OLD, old)
    more = tmp_path / "more.tmx"
    more.write_text(FILES[1].read_text(encoding="utf-8").replace(
        "Войска стояли у моста.", "Войска НКВД стояли у моста в 1941 году."), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite"
    with TranslationMemory(fresh) as tm:
        for path in [*FILES, more]:
            import_file(tm, path)
    with TranslationMemory(old) as tm:
        assert import_file(tm, more).added == 1
    assert meaning(old) == meaning(fresh)


@pytest.mark.parametrize("groups", [{}, {0: [1]}, {3: [1, 5, 2**32 - 1], 1: [7], 20_000: [2, 4]}])
def test_lists_round_trip(groups):
    blob = postings.pack(groups)
    assert {w: list(ids) for w, ids in postings.unpack(blob).items()} == groups
    assert sorted(postings.decode(blob)) == sorted((w, u) for w, ids in groups.items() for u in ids)
    everything = [u for w in sorted(groups) for u in groups[w]]
    assert list(postings.in_range(blob)) == everything
    assert list(postings.in_range(blob, 2, 3)) == groups.get(3, [])
    assert list(postings.in_range(blob, 4, 19_999)) == []


def test_lists_are_little_endian():
    assert postings.pack({2: [3]}) == b"".join(n.to_bytes(4, "little") for n in (1, 2, 1, 3))


OPENER = """
import sys
from tm import TranslationMemory
with TranslationMemory(sys.argv[1], busy_timeout=120) as tm:
    print(tm.schema_version(), len(tm.search(sys.argv[2], min_score=40)))
"""


def test_two_processes_opening_a_schema_2_tm_at_once_migrate_it_once(tmp_path):
    """The second waits for the first's migration and finds schema 3 (read again under the
    write lock), instead of packing packed lists or failing."""
    old = tmp_path / "old.sqlite"
    shutil.copy(OLD, old)
    script = tmp_path / "opener.py"
    script.write_text(OPENER, encoding="utf-8")
    runs = [subprocess.Popen([sys.executable, str(script), str(old), QUERIES[0]], cwd=ROOT,
                             env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in runs]
    assert [p.returncode for p in runs] == [0, 0], outputs
    assert [out.split()[0] for out, _err in outputs] == ["3", "3"]
    assert len({out for out, _err in outputs}) == 1 and outputs[0][0].split()[1] != "0"
    fresh = tmp_path / "fresh.sqlite"
    with TranslationMemory(fresh) as tm:
        for path in FILES:
            import_file(tm, path)
    assert meaning(old)[4] == meaning(fresh)[4]
