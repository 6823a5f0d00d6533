"""`tm import --jobs`: units analysed in worker processes make the same TM as one process."""
from __future__ import annotations

import json

import pytest

from cli import main
from glossary.segment import Segment
from tm.parallel import BATCH
from tm.store import TranslationMemory

PAIRS = [("Войска НКВД по охране тыла задержали {n} дезертиров.", "NKVD troops detained {n} deserters."),
         ("Заградотряды стояли за штрафными батальонами.", "Blocking detachments stood behind penal battalions."),
         ("Удалить %(name)s из <b>{n}</b> групп?", "Remove %(name)s from <b>{n}</b> groups?"),
         ("Спецпоселенцев отправили в Казахстан.", "The special settlers were sent to Kazakhstan.")]


def segments(n: int) -> list[Segment]:
    """n pairs over more than two batches, with duplicates inside and across batches."""
    return [Segment(ru.format(n=i % 700), en.format(n=i % 700), source_lang="ru",
                    target_lang="en") for i in range(n) for ru, en in PAIRS[i % 4:i % 4 + 1]]


def contents(path):
    with TranslationMemory(path, create=False) as tm:
        units = [(u.source, u.target, u.count) for u in tm.units()]
        found = [[(m.unit.source, m.score) for m in tm.search(q, min_score=50)]
                 for q in ("Войскам НКВД по охране тыла задержали 5 дезертиров",
                           "Удалить %(name)s из <b>3</b> группы?", "Заградотряды стояли за штрафным батальоном.")]
        forms = sorted(tm.db.execute("SELECT form, keys FROM forms"))
        keys = sorted(tm.db.execute("SELECT side, key, df FROM keys"))
    return units, found, forms, keys


@pytest.mark.parametrize("jobs", [2, 3])
def test_jobs_make_the_tm_of_one_process(tmp_path, jobs):
    data = segments(2 * BATCH + 123)
    made = []
    for n in (1, jobs):
        path = tmp_path / f"tm{n}.sqlite"
        with TranslationMemory(path) as tm:
            # duplicates inside a batch, across batches and across imports
            first = data[:BATCH + 7]
            distinct = len({(s.source, s.target) for s in first})
            assert tm.add(first, "a", jobs=n) == (distinct, len(first) - distinct)
            added, _ = tm.add(data, "b", jobs=n)
            assert added == len({(s.source, s.target) for s in data}) - distinct
        made.append(contents(path))
    assert made[0] == made[1]
    units, found, _, _ = made[0]
    assert sum(c for _, _, c in units) == BATCH + 7 + len(data)
    assert all(found)


def test_cli_jobs_option(runner, tmp_path):
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("source\ttarget\n" + "".join(f"{s.source}\t{s.target}\n"
                                                for s in segments(50)), encoding="utf-8")
    for jobs in ("1", "2"):
        result = runner.invoke(main, ["tm", "import", str(tsv), "--tm", str(tmp_path / f"{jobs}.sqlite"),
                                      "--jobs", jobs, "--format", "json", "--source-lang", "ru",
                                      "--target-lang", "en"])
        assert result.exit_code == 0, result.stderr
        [report] = json.loads(result.stdout)
        distinct = len({(s.source, s.target) for s in segments(50)})
        assert (report["added"], report["duplicates"]) == (distinct, 50 - distinct)
    assert contents(tmp_path / "1.sqlite")[:3] == contents(tmp_path / "2.sqlite")[:3]


def test_batches_no_worker_has_started_are_analysed_here_newest_first():
    """While the oldest batch is not back, this process takes the newest batch no worker has
    started (its task cancelled), then the next newest; each such batch tells the keys of
    all its forms, since the writer may read it before a batch analysed earlier."""
    from collections import deque
    from concurrent.futures import Future

    from tm.parallel import _oldest, _pairs
    from tm.pairs import analyse_pair

    data = segments(6)
    batches = [data[:2], data[2:4], data[4:]]
    tasks = [Future() for _ in batches]  # never started: each can be cancelled
    pending = deque((batch, task, None) for batch, task in zip(batches, tasks))
    batch, analyses, keyed = _oldest(pending)
    assert batch == batches[0] and all(task.cancelled() for task in tasks)
    assert [a[:4] for a in analyses] == [analyse_pair(*p)[:4] for p in _pairs(batches[0])]
    assert set(keyed) == {form for a in analyses for form in a[4]}
    rest = [_oldest(pending) for _ in range(2)]
    assert [b for b, _, _ in rest] == batches[1:] and not pending
    for _batch, analyses, keyed in rest:
        assert set(keyed) == {form for a in analyses for form in a[4]}


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ru" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
<tu tuid="1" creationdate="20240131T120000Z"><prop type="x-context">menu</prop><note>n</note>
<tuv xml:lang="ru"><prop type="author">a</prop><seg>Удалить <bpt i="1">&lt;b&gt;</bpt>файл<ept i="1">&lt;/b&gt;</ept>?</seg></tuv>
<tuv xml:lang="en"><seg>Delete <bpt i="1">&lt;b&gt;</bpt>the file<ept i="1">&lt;/b&gt;</ept>?</seg></tuv></tu>
<tu><tuv xml:lang="ru"><seg>Войска НКВД, 1941.</seg></tuv><tuv xml:lang="en"><seg>NKVD troops, 1941.</seg></tuv></tu>
</body></tmx>
"""


def test_an_import_makes_no_reference_cycles(tmp_path):
    """An import pauses the cycle collector (TranslationMemory.add): sound only while it
    leaves no garbage that only the collector could free — reading a TMX and writing the TM
    included — and the caller's collector is left as it was, after an error too."""
    import gc

    from tm.io import import_file

    tmx = tmp_path / "units.tmx"
    tmx.write_text(TMX, encoding="utf-8")

    def imports(n: int) -> None:
        with TranslationMemory(tmp_path / f"tm{n}.sqlite") as tm:
            import_file(tm, tmx)
            tm.add(segments(300), "a")

    imports(0)  # what a first import loads stays loaded
    gc.collect()
    flags = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector frees is kept in gc.garbage
    try:
        assert gc.isenabled()
        imports(1)
        assert gc.isenabled()
        gc.collect()
        assert not gc.garbage, {getattr(o, "__qualname__", type(o).__name__) for o in gc.garbage}
    finally:
        gc.set_debug(flags)
        gc.garbage.clear()
    gc.disable()
    try:
        with TranslationMemory(tmp_path / "tm2.sqlite") as tm, pytest.raises(Exception):
            tm.add([Segment("", "x", source_lang="ru", target_lang="en")], "a")
        assert not gc.isenabled()
    finally:
        gc.enable()
