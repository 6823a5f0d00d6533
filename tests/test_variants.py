"""Paradigms with agreement, fixed dependents, plural-only terms, English forms."""
from __future__ import annotations

import pytest

from glossary.variants import (
    clipped_variants,
    english_forms,
    english_like,
    inflect_like,
    inflect_ru,
    paradigm,
)


def forms(phrase, case=None, number=None):
    return [f.text for f in paradigm(phrase)
            if (case is None or f.case == case) and (number is None or f.number == number)]


@pytest.mark.parametrize("phrase, case, number, expected", [
    ("фильтрационный лагерь", "gent", "plur", ["фильтрационных лагерей"]),
    ("фильтрационный лагерь", "nomn", "plur", ["фильтрационные лагери", "фильтрационные лагеря"]),
    ("Главное управление по делам военнопленных", "ablt", "sing",
     ["Главным управлением по делам военнопленных"]),
    ("Войска НКВД по охране тыла", "ablt", "plur", ["Войсками НКВД по охране тыла"]),
    ("Войска НКВД по охране тыла", "ablt", "sing", []),            # plural-only
    ("Герой Советского Союза", "datv", "plur", ["Героям Советского Союза"]),
    ("проверочно-фильтрационный лагерь", "loct", "sing", ["проверочно-фильтрационном лагере"]),
    ("штрафной батальон", "accs", "sing", ["штрафной батальон"]),
    ("военнопленный", "accs", "sing", ["военнопленного"]),          # animate accusative
    ("Красная Армия", "gent", "sing", ["Красной Армии"]),
    ("Девятаев", "ablt", "sing", ["Девятаевым"]),                   # no feminine forms mixed in
    ("Девятаев", "nomn", "plur", ["Девятаевы"]),
    ("интернированный", "datv", "plur", ["интернированным"]),       # participle used as a noun
    # a feminine modifier in the accusative (it was missing: animacy asked of a feminine form)
    ("партизанская бригада", "accs", "sing", ["партизанскую бригаду"]),
    ("государственная проверка", "accs", "sing", ["государственную проверку"]),
    ("военный комиссар", "accs", "sing", ["военного комиссара"]),  # masculine: animacy still
    # ordinals in figures agree like the word they stand for
    ("1-й Белорусский фронт", "gent", "sing", ["1-го Белорусского фронта"]),
    ("1-й Белорусский фронт", "ablt", "sing", ["1-м Белорусским фронтом"]),
    ("3-й Белорусский фронт", "nomn", "plur", ["3-и Белорусские фронты"]),
    ("1-я Украинская партизанская дивизия", "accs", "sing", ["1-ю Украинскую партизанскую дивизию"]),
    ("4-я танковая группа", "gent", "sing", ["4-й танковой группы"]),
])
def test_paradigm_cells(phrase, case, number, expected):
    assert forms(phrase, case, number) == expected


def test_every_word_of_a_persons_name_inflects():
    forms = {(f.case, f.number): f.text for f in paradigm("Михаил Девятаев", kind="name")}
    assert forms[("datv", "sing")] == "Михаилу Девятаеву"
    assert forms[("ablt", "plur")] == "Михаилами Девятаевыми"


@pytest.mark.parametrize("name, case, number, expected", [
    # surnames the dictionary cannot place still decline, as a man's surname does
    ("Ошкалн", "ablt", "sing", "Ошкалном"),       # pymorphy3 reads it as a plural of Ошкална
    ("Ошкалн", "gent", "sing", "Ошкална"),
    ("Туронек", "nomn", "plur", "Туронеки"),       # no ы after к
    ("Банов", "ablt", "sing", "Бановым"),          # -ов: like Иванов, not like a noun
    ("Банов", "gent", "plur", "Бановых"),
])
def test_unknown_surnames_decline(name, case, number, expected):
    forms = {(f.case, f.number): f.text for f in paradigm(name, kind="name")}
    assert forms[(case, number)] == expected


@pytest.mark.parametrize("name", ["Дородных", "Гусейн-заде", "Фрунзе"])
def test_indeclinable_surnames_stay(name):
    assert {f.text for f in paradigm(name, kind="name")} <= {name}


@pytest.mark.parametrize("phrases, expected", [
    (["штрафной батальон"], ["штрафбат"]),
    (["специальный лагерь", "специальный лагерь НКВД"], ["спецлагерь", "спецлагерь НКВД"]),
    (["пограничные войска", "пограничные войска НКВД"], ["погранвойска", "погранвойска НКВД"]),
    (["фильтрационный лагерь"], ["фильтрлагерь"]),
    (["спецпоселение", "специальное поселение"], ["спецпоселение"]),
    (["партизанский отряд"], []),
])
def test_clipped_variants(phrases, expected):
    assert clipped_variants(phrases) == expected


@pytest.mark.parametrize("phrase", ["ГКО", "НКВД", "Ни шагу назад"])
def test_uninflectable_terms_have_no_paradigm(phrase):
    assert paradigm(phrase) == []


def test_inflect_helpers():
    assert inflect_ru("спецпоселение", "loct", "plur") == "спецпоселениях"
    assert inflect_like("фильтрационный лагерь", "в спецлагерях") == "фильтрационных лагерях"
    assert inflect_ru("ГКО", "gent", "sing") is None


@pytest.mark.parametrize("phrase, kind, expected", [
    ("penal battalion", "term", ["penal battalion", "penal battalions", "penal battalion's",
                                 "penal battalions'"]),
    ("Devyatayev", "name", ["Devyatayev", "Devyatayev's"]),
    ("barrier troops", "term", ["barrier troops", "barrier troops'"]),
])
def test_english_forms(phrase, kind, expected):
    assert english_forms(phrase, kind) == expected


def test_english_like():
    assert english_like("special camp", "special settlements") == "special camps"
    assert english_like("special camp", "special settlement") == "special camp"


def test_cli_variants_lists_the_clipped_forms(runner):
    from cli import main
    result = runner.invoke(main, ["variants", "штрафбатом"])
    assert result.exit_code == 0
    assert "penal-battalion" in result.stdout and "\nClipped:\n  штрафбат\n" in result.stdout
    listed = runner.invoke(main, ["variants", "--format", "list", "специальный лагерь"]).stdout
    assert "спецлагерь" in listed.split("\n")


def test_cli_variants_of_an_unknown_surname_are_inflected(runner):
    from cli import main
    result = runner.invoke(main, ["variants", "Ошкалн"])
    assert "ablt sing  Ошкалном" in result.stdout and "not inflected" not in result.stdout
