"""The TM reads text through the masking layer: code, URLs and placeholders are tags."""
from __future__ import annotations

import pytest

from glossary.segment import Segment
from tm import TranslationMemory
from tm.analysis import TAG, WORD, analyse
from tm.fuzzy import score


@pytest.mark.parametrize("text,tags", [
    ("Удалить %(name)s из <b>групп</b>", ["%(name)s", "<b>", "</b>"]),
    ("Open https://x.org/a/b now", ["https://x.org/a/b"]),
    ("Call ``box.space.create()`` now", ["``box.space.create()``"]),
    ("See [lapses](deck-options.md#lapses)", ["[", "](deck-options.md#lapses)"]),
])
def test_masked_spans_are_tags(text, tags):
    assert [t.text for t in analyse(text) if t.kind == TAG] == tags


def test_accelerator_is_not_a_word_break():
    assert [(t.text, t.norm) for t in analyse("Платё_ж") if t.kind == WORD] == [
        ("Платё_ж", "платеж")]


def test_a_changed_url_costs_a_tag_not_words():
    # one tag of ¼ against 2 words + ¼: 100 × (1 − 0.25 / 2.25) = 88
    assert score("Open https://x.org/a now", "Open https://y.com/b/c now") == 88


def test_concordance_does_not_find_words_in_code(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add([Segment(s, t, "en", "ru") for s, t in (
            ("Call ``space.create()`` now", "Вызовите ``space.create()``"),
            ("The space is full", "Спейс заполнен"))], "docs.po")
        assert [h.source for h in memory.concordance("space", "en")] == [
            "The space is full"]
