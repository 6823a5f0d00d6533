"""inconsistent-translation and inconsistent-source: whole units compared across a draft,
ignoring case and spacing, within one context, plural entries as one translation."""
from __future__ import annotations

import pytest

from glossary.check import check, read_draft
from glossary.segment import Segment

RULES = ("inconsistent-translation", "inconsistent-source")


def found(segments, rule):
    return [(f.segment, f.suggestion, f.related)
            for f in check(segments, [], rules=[rule]).findings]


def S(source, target, **kw):  # noqa: N802  (reads like the record)
    return Segment(source, target, source_lang="en", target_lang="ru", **kw)


@pytest.mark.parametrize("segments, expected", [
    pytest.param([S("Save the file", "Сохраните файл"), S("Save the file", "Запишите файл"),
                  S("Save the file", "Сохраните файл")],
                 [(1, None, (2, 3)), (2, "Сохраните файл", (1, 3)), (3, None, (1, 2))],
                 id="majority suggested to the minority"),
    pytest.param([S("Save the file", "Сохраните файл"), S("  save\tthe  FILE ", "Запишите файл")],
                 [(1, None, (2,)), (2, None, (1,))],
                 id="case and spacing variants of one source; a tie suggests nothing"),
    pytest.param([S("Save the file", "Сохраните файл"), S("SAVE THE FILE", "сохраните  ФАЙЛ")],
                 [], id="targets differing only in case and spacing are one translation"),
    pytest.param([S("Save the file.", "Сохраните файл."), S("Save the file", "Запишите файл")],
                 [], id="different punctuation is a different source"),
    pytest.param([S("Capacity", "Ёмкость"), S("capacity", "емкость"), S("Capacity", "Объём")],
                 [(1, None, (2, 3)), (2, None, (1, 3)), (3, "Ёмкость", (1, 2))],
                 id="ё and е are one letter; the majority is suggested"),
    pytest.param([S("OK", "ОК", context="button"), S("OK", "Хорошо", context="dialog title")],
                 [], id="one short string in two msgctxt contexts is two sources"),
    pytest.param([S("OK", "ОК", context="button"), S("ok", "Хорошо", context="button")],
                 [(1, None, (2,)), (2, None, (1,))], id="same context compared"),
    pytest.param([S("Open", "Открыть"), S("Open", "")],
                 [], id="an untranslated unit is left to the untranslated rule"),
    pytest.param([S("%d file", "%d файл", source_plural="%d files",
                    target_plurals=("%d файла", "%d файлов")),
                  S("%d file", "%d файл", source_plural="%d files",
                    target_plurals=("%d файла", "%d файлов"))],
                 [], id="plural forms of one entry are not different translations"),
    pytest.param([S("%d file", "%d файл", source_plural="%d files",
                    target_plurals=("%d файла", "%d файлов")),
                  S("%d file", "%d документ", source_plural="%d files",
                    target_plurals=("%d документа", "%d документов"))],
                 [(1, None, (2,)), (2, None, (1,))], id="two plural entries that differ"),
    pytest.param([S("%d file", "%d файл", source_plural="%d files",
                    target_plurals=("%d файла", "%d файлов")),
                  S("%d file", "%d файл")],
                 [], id="a singular entry is not the plural entry's source"),
])
def test_inconsistent_translation(segments, expected):
    assert found(segments, "inconsistent-translation") == expected


@pytest.mark.parametrize("segments, expected", [
    pytest.param([S("Delete", "Удалить"), S("Remove", "удалить"), S("Erase", "Стереть")],
                 [(1, None, (2,)), (2, None, (1,))], id="one target for two sources, any case"),
    pytest.param([S("Delete", "Удалить"), S(" delete ", "Удалить")],
                 [], id="sources differing in case and spacing are one source"),
    pytest.param([S("Delete", "Удалить", context="menu"), S("Remove", "Удалить", context="toolbar")],
                 [], id="different contexts are not compared"),
    pytest.param([S("the stack index", "индекс стека"), S("Stack index", "индекс стека"),
                  S("A tuple", "кортеж"), S("tuple", "кортеж")],
                 [], id="English articles, which Russian does not render, make no new source"),
    pytest.param([S("Tarantool doesn't support it.", "Tarantool это не поддерживает."),
                  S("Tarantool does not support it.", "Tarantool это не поддерживает."),
                  S("You can't", "Нельзя"), S("You cannot", "Нельзя")],
                 [], id="contractions"),
    pytest.param([S("node_not_registered - the node is unknown", "узел неизвестен"),
                  S("node_not_registered – the node is unknown", "узел неизвестен"),
                  S('Press "OK"', "Нажмите «ОК»"), S("Press “OK”", "Нажмите «ОК»")],
                 [], id="dash and quote styles"),
    pytest.param([S("Convert Lua variables to binary format", "Преобразование в формат"),
                  S("Convert Lua variables back from binary format", "Преобразование в формат")],
                 [(1, None, (2,)), (2, None, (1,))],
                 id="a real one from a documentation project: two sources, one translation"),
    pytest.param([S("%d file", "%d файл", source_plural="%d files",
                    target_plurals=("%d файла", "%d файлов")),
                  S("%d document", "%d файл", source_plural="%d documents",
                    target_plurals=("%d файла", "%d файлов"))],
                 [(1, None, (2,)), (2, None, (1,))], id="plural entries compared whole"),
])
def test_inconsistent_source(segments, expected):
    assert found(segments, "inconsistent-source") == expected


def test_message_lists_every_segment_of_the_group():
    segments = [S("Cancel", "Отмена"), S("Cancel", "Отменить"), S("Cancel", "Отмена"),
                S("Cancel", "Отказ")]
    messages = {f.segment: f.message
                for f in check(segments, [], rules=["inconsistent-translation"]).findings}
    assert set(messages) == {1, 2, 3, 4}
    assert messages[2] == ("the same source is translated 3 ways: «Отмена» in segments 1, 3; "
                           "«Отменить» in segment 2; «Отказ» in segment 4")
    report = check(segments, [], rules=["inconsistent-translation"])
    assert {f.severity for f in report.findings} == {"warning"}


def test_long_groups_are_listed_in_full_in_related_and_shortened_in_the_message():
    segments = [S("Next", "Далее")] * 30 + [S("Next", "Следующий")]
    report = check(segments, [], rules=["inconsistent-translation"])
    last = report.findings[-1]
    assert last.related == tuple(range(1, 31))
    assert "segments 1, 2, 3" in last.message and "and 10 more" in last.message
    assert last.suggestion == "Далее"


PO = '''msgid ""
msgstr ""
"Language: ru\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

msgctxt "button"
msgid "OK"
msgstr "ОК"

msgctxt "dialog title"
msgid "OK"
msgstr "Хорошо"

msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d файл"
msgstr[1] "%d файла"
msgstr[2] "%d файлов"

msgid "Open"
msgstr "Открыть"

msgid "open"
msgstr "Раскрыть"
'''


def test_real_po_file_traps(tmp_path):
    """Read by the PO reader: msgctxt separates the two «OK»s, the plural entry's three
    forms are one translation; «Open»/«open» (one source by case) differ and are found."""
    path = tmp_path / "ui.po"
    path.write_text(PO, encoding="utf-8")
    report = check(read_draft(path).segments, [], rules=RULES)
    assert [(f.rule, f.line) for f in report.findings] == [
        ("inconsistent-translation", 20), ("inconsistent-translation", 23)]
