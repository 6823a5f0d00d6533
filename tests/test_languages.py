"""Language tags, language identification and settling a file's languages from its text."""
from __future__ import annotations

import pytest

from glossary.errors import InputError
from glossary.langid import identify
from glossary.langtags import normalise, primary, same
from glossary.languages import settle
from glossary.segment import Segment


@pytest.mark.parametrize("tag, first, stored", [
    ("ru", "ru", "ru"), ("RU", "ru", "ru"), ("ru-RU", "ru", "ru-RU"), ("ru_RU", "ru", "ru-RU"),
    ("ru_ru", "ru", "ru-RU"), ("rus", "ru", "ru"), ("en-GB", "en", "en-GB"),
    ("EN-us", "en", "en-US"), ("eng", "en", "en"), ("sr_Latn_RS", "sr", "sr-Latn-RS"),
    ("*all*", None, None), ("", None, None), ("ru RU", None, None), ("x", None, None),
])
def test_tags(tag, first, stored):
    assert primary(tag) == first
    assert normalise(tag) == stored


@pytest.mark.parametrize("a, b, expected", [
    ("ru", "RU", True), ("ru-RU", "ru", True), ("en_GB", "en-US", True), ("en", "ru", False),
    ("rus", "ru_RU", True), ("*all*", "en", False), (None, None, False),
])
def test_same(a, b, expected):
    assert same(a, b) is expected


@pytest.mark.parametrize("texts, lang", [
    (["Войскам НКВД приказано отступить", "Сохранить файл"], "ru"),
    (["Нажмите OK, чтобы открыть File Manager"], "ru"),
    (["Привіт, як справи? Це тест, і все."], "uk"),
    (["Това е тест на български език, който ще покаже път"], "bg"),
    (["Ово је тест на српском језику"], "sr"),
    (["Прывітанне, як справы? Гэта тэст і ўсё."], "be"),
    (["Open the file", "Save as…", "File", "Cancel"], "en"),
    (["Please connect to a server first."], "en"),
    (["A string of chars", "Client Version:14 %s", "test1_en"], "en"),
    (["Ouvrir le fichier et les documents de la base"], "fr"),
    (["Die Datei wurde nicht gefunden und ist nicht da"], "de"),
    (["El archivo no se encuentra en la carpeta de los datos"], "es"),
    (["Die lêer is nie gevind nie, en dit is nie daar nie"], "af"),
    (["日本語のテキストです"], "ja"), (["中文文本，协议"], "zh"), (["Αρχείο και φάκελος"], "el"),
    (['<var>%{item.name}</var> 的 ICMP, 匹配除 以外的任意助手 协议 标记 带有掩码'], "zh"),
])
def test_identify(texts, lang):
    assert identify(texts) == lang


def test_identify_no_letters():
    assert identify(["1941–1945", "%s: %d"]) is None


def units(pairs, source_lang=None, target_lang=None):
    return [Segment(s, t, source_lang, target_lang, line=n) for n, (s, t) in enumerate(pairs, 1)]


@pytest.mark.parametrize("pairs, file_langs, langs", [
    ([("Save the file", "Сохраните файл")], (None, None), ("en", "ru")),
    ([("Сохраните файл", "Save the file")], (None, None), ("ru", "en")),
    ([("Сохраните файл", "Save the file")], (None, "en-GB"), ("ru", "en-GB")),
    ([("1941", "1941 год")], (None, None), ("en", "ru")),  # a side without letters: the other
    ([("Save", "")], ("en", None), ("en", "ru")),           # nothing translated yet
    # a catalogue with no header and one translation that keeps a code name: the words it
    # shares with its source say nothing of its language (a real Sphinx catalogue's case)
    ([("Module decimal", "Модуль decimal"), ("The ``decimal`` module has functions", ""),
      ("To construct a decimal number", "")], (None, None), ("en", "ru")),
])
def test_settle(pairs, file_langs, langs):
    got = list(settle(units(pairs, *file_langs)))
    assert {(s.source_lang, s.target_lang) for s in got} == {langs}


@pytest.mark.parametrize("pairs, file_langs, message", [
    # Latin is never Russian: a PO whose Language says ru but whose msgstrs are English.
    ([("Сохранить", "Save the file")], (None, "ru"), "target looks English, not Russian"),
    # Latin that is not English is refused, not checked as English.
    ([("Сохранить файл", "Enregistrer le fichier et les documents")], (None, None),
     "target looks French, not English; give --from/--to"),
    # Cyrillic that is not Russian is not taken for Russian.
    ([("Save the file", "Зберегти файл і всі документи, які є")], (None, None),
     "target looks Ukrainian, not Russian"),
    ([("Save the file", "Зберегти файл і всі документи, які є")], ("en", "ru"),
     "target looks Ukrainian, not Russian"),
    ([("%d", "%s")], (None, None), "cannot tell the languages: the text has no letters"),
])
def test_settle_refuses(pairs, file_langs, message):
    with pytest.raises(InputError, match=message):
        list(settle(units(pairs, *file_langs), "x.po"))


def test_the_callers_word_is_not_second_guessed():
    got = list(settle(units([("Save the file", "Enregistrer le fichier et les documents")]),
                      source_lang="en", target_lang="ru"))
    assert (got[0].source_lang, got[0].target_lang) == ("en", "ru")


# Documented limits: one or two words give stop-words nothing to vote on.
@pytest.mark.parametrize("texts, lang", [
    pytest.param(["Über uns"], "de", id="two German words"),
    pytest.param(["Enregistrer sous"], "fr", id="two French words"),
])
@pytest.mark.xfail(strict=True, reason="too short for stop-words: taken as English")
def test_identify_limits(texts, lang):
    assert identify(texts) == lang
