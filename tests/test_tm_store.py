"""The SQLite store: schema and migrations, dedupe, transactional and concurrent imports."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from paths import ROOT

from glossary.errors import GlossaryError, InputError
from glossary.segment import Segment
from tm import SCHEMA_VERSION, TranslationMemory


def seg(source, target, **kw):
    return Segment(source, target, kw.pop("source_lang", "ru"), kw.pop("target_lang", "en"), **kw)


def test_new_tm_has_schema_version_and_wal(tmp_path):
    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path) as memory:
        assert memory.schema_version() == SCHEMA_VERSION
        assert len(memory) == 0
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "tm.sqlite"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(GlossaryError, match=f"schema {SCHEMA_VERSION + 1}; this version of the program knows up to {SCHEMA_VERSION}"):
        TranslationMemory(path)


def test_not_a_database_is_refused(tmp_path):
    path = tmp_path / "tm.sqlite"
    path.write_text("just text, not SQLite " * 100)
    with pytest.raises(GlossaryError, match="is not a translation memory"):
        TranslationMemory(path)


def test_missing_tm_refused_when_not_creating(tmp_path):
    with pytest.raises(GlossaryError, match="no translation memory at"):
        TranslationMemory(tmp_path / "none.sqlite", create=False)
    assert not (tmp_path / "none.sqlite").exists()


def test_same_pair_is_stored_once_and_counted(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        assert memory.add([seg("Войска НКВД", "NKVD troops")], "a.tmx") == (1, 0)
        assert memory.add([seg("Войска НКВД", "NKVD troops"),
                           seg("Войска НКВД", "NKVD troops")], "b.tmx") == (0, 2)
        (unit,) = memory.units()
        assert unit.count == 3 and unit.origin == "a.tmx"


def test_same_source_new_target_keeps_both_newest_first(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add([seg("Войска НКВД", "NKVD troops",
                        props=(("creationdate", "20200101T000000Z"),))], "old.tmx")
        memory.add([seg("Войска НКВД", "NKVD forces",
                        props=(("creationdate", "20240101T000000Z"),))], "new.tmx")
        assert len(memory) == 2
        found = memory.search("Войска НКВД")
        assert [m.unit.target for m in found] == ["NKVD forces", "NKVD troops"]
        assert [m.score for m in found] == [100, 100]


def test_context_and_language_variants_are_one_source(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add([seg("Открыть", "Open", source_lang="ru-RU", target_lang="en-US"),
                    seg("Открыть", "Open", source_lang="ru", target_lang="en"),
                    seg("Открыть", "Open", context="menu")], "a.tmx")
        assert len(memory) == 2
        assert sorted((u.context or "", u.count) for u in memory.units()) == [("", 2), ("menu", 1)]


def test_bad_unit_midway_rolls_back_the_whole_call(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add([seg("Один", "One")], "first.tmx")

        def units():
            for n in range(500):
                yield seg(f"Предложение номер {n}", f"Sentence number {n}", line=n + 1)
            yield seg("Плохой", "Bad", source_lang="russian language", line=501)

        with pytest.raises(InputError, match="bad.tmx:501: unknown source language"):
            memory.add(units(), "bad.tmx", path="bad.tmx")
        assert [u.source for u in memory.units()] == ["Один"]
        assert memory.concordance("предложение") == []


def test_languages_come_from_the_caller_when_segments_lack_them(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add([Segment("Войска", "troops")], None, source_lang="RU_ru", target_lang="en")
        (unit,) = memory.units()
        assert (unit.source_lang, unit.target_lang) == ("ru-RU", "en")
        with pytest.raises(InputError, match="unknown target language"):
            memory.add([Segment("Войска", "troops", source_lang="ru")], None)


def test_empty_segment_is_an_error(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        with pytest.raises(InputError, match="x.tsv:3: empty segment"):
            memory.add([seg("Войска", "troops", line=2), seg("  ", "x", line=3)], None,
                       path="x.tsv")
        assert len(memory) == 0


def test_stats(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add([seg("Войска", "troops"), seg("Армия", "army")], "a.tmx")
        memory.add([seg("File", "Файл", source_lang="en", target_lang="ru-RU")], "b.po")
        stats = memory.stats()
    assert stats.units == 3
    assert stats.languages == (("ru", "en", 2), ("en", "ru", 1))
    assert stats.origins == (("a.tmx", 2), ("b.po", 1))
    assert stats.size > 0 and stats.schema_version == SCHEMA_VERSION


def test_code_strings_in_the_order_asked_and_read_once_a_snapshot(tmp_path, monkeypatch):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add([seg("Войска НКВД отступили.", "NKVD troops retreated."),
                    seg("Войска наступали.", "Troops advanced."), seg("!", "!")], "a.tmx")
        whole = dict(memory.db.execute("SELECT unit_id, codes FROM codes"))
        assert [len(whole[i]) for i in (1, 2, 3)] == [3, 2, 0]  # a word or number a character
        statements: list[str] = []
        memory.db.set_trace_callback(statements.append)
        asked = [3, 99, 1]  # 99: no such unit
        assert list(memory.code_strings(asked).items()) == [(3, ""), (1, whole[1])]
        with memory.snapshot():
            for _ in range(2):
                assert memory.code_strings(asked) == {3: "", 1: whole[1]}
                assert memory.code_strings([2, 1]) == {2: whole[2], 1: whole[1]}
        reads = [s for s in statements if "FROM codes" in s]
        # Outside a snapshot every call reads; inside, each unit once (99's absence too).
        assert reads[1:] == ["SELECT unit_id, codes FROM codes WHERE unit_id IN (3,99,1)",
                             "SELECT unit_id, codes FROM codes WHERE unit_id IN (2)"]
        # Over the bound the kept strings are dropped, the answers the same.
        monkeypatch.setattr("tm.store._KEEP_CODES", 2)
        with memory.snapshot():
            assert memory.code_strings([2, 1, 3]) == {2: whole[2], 1: whole[1], 3: ""}
            assert memory.code_strings([1, 2]) == {1: whole[1], 2: whole[2]}


IMPORTER = textwrap.dedent("""
    import sys
    import time
    from glossary.segment import Segment
    from tm import TranslationMemory
    path, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    crash_at = int(sys.argv[4]) if len(sys.argv) > 4 else None
    def units():
        for i in range(n):
            if i == crash_at:
                import os
                os._exit(9)   # a crash: no rollback, no close
            yield Segment(f"Предложение {tag} номер {i} о войсках", f"Sentence {tag} {i}",
                          "ru", "en", line=i + 1)
    with TranslationMemory(path, busy_timeout=120) as memory:
        start = time.time()
        added = memory.add(units(), tag)
        print(added, start, time.time())
""")


def run_importer(tmp_path, *args) -> subprocess.Popen:
    script = tmp_path / "importer.py"
    script.write_text(IMPORTER, encoding="utf-8")
    return subprocess.Popen([sys.executable, str(script), *map(str, args)], cwd=ROOT,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_importing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path):
        pass
    started = time.monotonic()
    first = run_importer(tmp_path, path, "A", 1500)
    second = run_importer(tmp_path, path, "B", 1500)
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outputs
    results = [out.rsplit(" ", 2) for out, _ in outputs]
    assert [added for added, _start, _end in results] == ["(1500, 0)", "(1500, 0)"]
    # They did run at once: each began importing before the other had finished.
    starts, ends = [[float(r[i]) for r in results] for i in (1, 2)]
    assert max(starts) < min(ends)
    with TranslationMemory(path) as memory:
        assert len(memory) == 3000
        assert {o for o, _n in memory.stats().origins} == {"A", "B"}
        assert len(memory.concordance("войска")) == 3000
    assert time.monotonic() - started < 300


def test_crash_midway_leaves_the_tm_as_it_was(tmp_path):
    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path) as memory:
        memory.add([seg("Один", "One")], "first.tmx")
    crashed = run_importer(tmp_path, path, "C", 1000, 700)
    crashed.communicate(timeout=300)
    assert crashed.returncode == 9
    with TranslationMemory(path) as memory:
        assert [u.source for u in memory.units()] == ["Один"]
        assert memory.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert memory.add([seg("Два", "Two")], "after.tmx") == (1, 0)
