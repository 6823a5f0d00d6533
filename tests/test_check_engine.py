"""The engine pauses Python's cyclic garbage collector for a check: that is sound only while
a check makes no reference cycles, and the caller's collector must be left as it was."""
from __future__ import annotations

import gc

import pytest
from paths import ROOT

from glossary import load
from glossary.check import check, read_draft
from glossary.errors import GlossaryError
from glossary.segment import Segment

# Something for each kind of rule: terms, numbers, placeholders, markup, names, a repeated
# source translated two ways and one translation given to two sources.
ROWS = [
    ("Заградотряды стояли за штрафными батальонами.", "Blocking detachments stood behind the penal battalions."),
    ("Девятаев вернулся в 1945 году.", "Devyataev returned in 1944."),
    ("Удалить %(name)s из <b>группы</b>?", "Remove %(count)s from the <b>group</b>?"),
    ("Вызовите box.cfg{} и `conn:ping()`.", "Call box.cfg{} and `conn:ping()`."),
    ("Органы СМЕРШ проверяли окруженцев.", "Smersh organs checked the еncirclees."),
    ("Штрафной батальон.", "Punishment battalion."),
    ("Штрафной батальон.", "Penal battalion."),
    ("Штрафная рота.", "Penal battalion."),
]


def _drafts(small_glossary):
    example = read_draft(ROOT / "examples" / "draft-ru-en.tsv").segments
    return [([Segment(*row) for row in ROWS] * 3, small_glossary), (example, load())]


def test_a_check_makes_no_reference_cycles(small_glossary):
    """Once what a first check imports and loads is there (a module imported and dropped
    leaves its classes, which are cycles, once a process), a check leaves no garbage that
    only the collector could free."""
    for segments, glossary in _drafts(small_glossary):
        check(segments, glossary)
    gc.collect()
    flags = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector frees is kept in gc.garbage
    try:
        for segments, glossary in _drafts(small_glossary):
            report = check(segments, glossary, min_confidence="low")
            assert report.findings
        gc.collect()
        assert not gc.garbage, {type(o).__name__ for o in gc.garbage}
    finally:
        gc.set_debug(flags)
        gc.garbage.clear()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(small_glossary, enabled):
    (gc.enable if enabled else gc.disable)()
    try:
        check([Segment(*ROWS[0])], small_glossary)
        assert gc.isenabled() is enabled
        with pytest.raises(GlossaryError):
            check([Segment(*ROWS[0])], small_glossary, rules=["no-such-rule"])
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
