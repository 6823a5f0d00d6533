"""The masking shortcut (glossary/markup/plain.py, used by the checker's glossary/check/
masks.py and by the TM's analysis): a text it calls plain must be one every markup syntax
leaves alone, and a memoised mask must be the mask itself. The cases are the markup tests'
own tables plus prose that sits close to code."""
from __future__ import annotations

import pytest
from paths import DATA, needs_data
from test_markup import MASKED, NOT_MASKED, SPHINX

from glossary import load
from glossary.check import check, read_draft
from glossary.check import context
from glossary.check.masks import Masks
from glossary.markup.plain import is_plain
from glossary.errors import InputError
from glossary.markup import AUTO, SYNTAXES, mask

EVERY = frozenset(SYNTAXES)

NEAR_CODE = [
    # (text, plain?)
    ("Я никогда не забуду этот год.", True),
    ("Tom isn't here, is he?", True),
    ("«Штрафной батальон» — это (по сути) приговор…", True),
    ("He said: “No.”", False),          # a colon: URL schemes, roles, dotted names
    ("Done.Next step", False),          # a point with a word after it
    ("Read the file notes.txt first", False),
    ("www., then", False),
    ("Call getValue now, please", False),   # camelCase
    ("Then UPDATE the table again", False),  # an SQL keyword in capitals
    ("nil", False),                     # a short text may be one literal
    ("Returns (nil, err) on failure", False),
    ("import os and be done with it", False),
    ("local x is a variable here", False),
    ("Use --force only when sure", False),
    ("curl -X now and then, please", False),  # a command line (program, option)
    ("Press Ctrl+S; then wait", False),
    ("1941 год", False),                # digits
    ("snake_case and Платё_ж", False),
    ("A line\nand another", False),
    ("Tab\tseparated", False),
    ("Symbols ° and № go to the finders", False),
    ("", True),
]


@pytest.mark.parametrize("text,plain", NEAR_CODE, ids=[c[0][:30] or "empty" for c in NEAR_CODE])
def test_plain_is_conservative(text, plain):
    assert is_plain(text) is plain
    if plain:
        for syntaxes in (AUTO, SPHINX, EVERY):
            assert mask(text, syntaxes).spans == ()


TABLE = [c[0] for c in MASKED] + [c[0] for c in NOT_MASKED] + [c[0] for c in NEAR_CODE]


@pytest.mark.parametrize("text", TABLE, ids=[t[:30] or "empty" for t in TABLE])
@pytest.mark.parametrize("syntaxes", [AUTO, SPHINX, EVERY, frozenset()],
                         ids=["auto", "sphinx", "every", "none"])
def test_memoised_mask_is_the_mask(text, syntaxes):
    masks = Masks()
    assert masks(text, syntaxes) == mask(text, syntaxes)
    assert masks(text, syntaxes) == mask(text, syntaxes)  # second time from the memo


def test_reader_codes_bypass_the_shortcut():
    masks = Masks()
    codes = ((0, 3),)
    assert masks("Tom is here.", AUTO, codes) == mask("Tom is here.", AUTO, codes)
    assert masks("Tom is here.", AUTO, codes).spans


@needs_data
@pytest.mark.parametrize("project", ["tarantool-doc-ru/locale/ru/LC_MESSAGES/getting_started", "django-ru"])
def test_real_catalogues_report_the_same_with_and_without_the_shortcut(project, monkeypatch):
    """The whole checker on real PO files with markup: the same findings whether the
    pipeline masks through the shortcut and memo or calls mask() for every text."""
    glossary = load()
    checked = 0
    for path in sorted((DATA / project).rglob("*.po"))[:8]:
        try:
            segments = read_draft(path).segments
        except InputError:
            continue  # one catalogue of the set is malformed (limitations.po)
        checked += 1
        fast = check(segments, glossary)
        with monkeypatch.context() as m:
            m.setattr(context, "Masks", lambda: lambda text, syntaxes, codes=(): mask(
                text, syntaxes, codes))
            eager = check(segments, glossary)
        assert fast.everything == eager.everything, path
    assert checked >= 5
