"""Derivational families (glossary/family.py) on real morphology, both languages."""
from __future__ import annotations

import pytest

from glossary.family import aspect_partner, family, kin, of_place


def another_part_of_speech(word: str, head: str) -> bool:
    mine, theirs = family(word), family(head)
    return any(r == r2 and p != p2 for r, p in mine for r2, p2 in theirs) and \
        not any(r == r2 and p == p2 for r, p in mine for r2, p2 in theirs)


@pytest.mark.parametrize("word, head", [
    ("изучаете", "изучение"), ("проверьте", "проверка"), ("включение", "включить"),
    ("сохранить", "сохранение"), ("удаляет", "удаление"), ("установите", "установка"),
    ("повторить", "повторение"), ("подключаемся", "подключение"), ("выполнять", "выполнение"),
    ("configure", "configuration"), ("deleted", "deletion"), ("installing", "installation"),
])
def test_one_family_another_part_of_speech(word, head):
    assert another_part_of_speech(word, head)


@pytest.mark.parametrize("word, head", [
    ("включает", "включить"),      # the same verb, another aspect: the same part of speech
    ("лагерный", "лагерь"), ("лагуна", "лагерь"), ("сервис", "сервер"), ("журналист", "журнал"),
    ("ключ", "включить"), ("camp", "campaign"), ("banks", "bank"),
])
def test_not_another_part_of_speech(word, head):
    assert not another_part_of_speech(word, head)


@pytest.mark.xfail(strict=True, reason="aspect pairs with another root (лож/клад) need a "
                                       "derivational dictionary")
def test_aspect_pair_with_another_root():
    assert another_part_of_speech("откладывание", "отложить")


@pytest.mark.xfail(strict=True, reason="README known limits: a prefix that changes the verb's "
                                       "sense still makes its perfective")
def test_a_prefix_that_changes_the_sense():
    assert not aspect_partner("пересмотреть", "смотреть")   # to review is not to look


@pytest.mark.xfail(strict=True, reason="README known limits: a relational adjective may come "
                                       "from a homonym of the noun")
def test_a_relational_adjective_of_a_homonym():
    assert not kin("главный", "глава")   # main, not of a chapter


@pytest.mark.parametrize("word, head", [
    ("отредактируйте", "редактирование"),   # a prefixed verb for the noun of action
    ("отредактировать", "редактирование"),
    ("журналирование", "журнал"),           # a noun of action for the plain noun
    ("выборка", "выбрать"), ("выберите", "выборка"),  # a fleeting vowel
    # English nouns of action in -ion whose Snowball stem parts from the verb's
    ("verified", "verification"), ("applied", "application"), ("occupied", "occupation"),
    ("invading", "invasion"), ("decided", "decision"), ("divide", "division"),
    ("verification", "verify"),
    ("парольную", "пароль"), ("файловой", "файл"),   # a relational adjective for its noun
    ("лагерный", "лагерь"), ("ключевой", "ключ"),
])
def test_kin_beyond_one_stem(word, head):
    assert kin(word, head)


@pytest.mark.parametrize("word, head", [
    ("журналист", "журнал"),     # another noun of the root: another concept
    ("ключ", "включить"),        # a noun is no prefixed verb's bare action
    ("полет", "плести"),         # a vowel elsewhere than before the last consonant
    ("Italian", "Italy"),        # an adjective of place is no other part of speech
    ("полный", "пол"), ("golden", "gold"),  # a root too short; English: no such suffix here
    ("banks", "bank"),
    ("missed", "mission"), ("stated", "station"), ("named", "nation"), ("united", "union"),
    ("ported", "portion"), ("opined", "opinion"),
])
def test_not_kin(word, head):
    assert not kin(word, head)


@pytest.mark.parametrize("word, name, expected", [
    ("итальянских", "Италия", True), ("российский", "Россия", True), ("Italian", "Italy", True),
    ("German", "Germany", True), ("Chinese", "China", True), ("Russians", "Russia", True),
    ("germane", "Germany", False),       # an English adjective of place has a capital
    ("Italy", "Italy", False), ("итальянский", "итальянский", False),  # the word itself
    ("Spain", "Italy", False), ("стальной", "Сталин", False),
])
def test_adjective_of_place(word, name, expected):
    assert of_place(word, name) == expected


@pytest.mark.xfail(strict=True, reason="suppletive adjectives of place need a dictionary")
def test_suppletive_adjective_of_place():
    assert of_place("немецкий", "Германия") and of_place("French", "France")


@pytest.mark.parametrize("word, verb, partner", [
    ("включает", "включить", True), ("выбирает", "выбрать", True),   # impf for perf
    ("выбираются", "выбрать", True), ("сохраните", "сохранять", True),  # reflexive; perf for impf
    ("собирать", "собрать", True), ("вызывает", "вызвать", True),     # и/ы before the last consonant
    ("отфильтровать", "фильтровать", True), ("редактирую", "отредактировать", True),  # a prefix
    ("смотреть", "просмотреть", True),  # makes the perfective
    ("отфильтрует", "отфильтровать", False),  # the same aspect
    ("выберите", "выбрать", False),     # the same aspect: the verb itself, not its partner
    ("включение", "включить", False),   # a noun: another part of speech (kin)
    ("берёт", "выбрать", False), ("ключ", "включить", False), ("выпить", "выбрать", False),
])
def test_the_other_aspect_of_a_verb(word, verb, partner):
    assert aspect_partner(word, verb) is partner


@pytest.mark.parametrize("target, found", [
    ("Он выбирает строку.", []),                # the other aspect renders «выбрать»
    ("Он выбрал строку.", []),
    ("Он берёт строку.", ["missing-term"]),     # another verb: still missing
    ("Выборка строки.", ["part-of-speech"]),    # a noun of its family: another part of speech
])
def test_the_other_aspect_renders_a_verb_term(target, found):
    from glossary.check import check
    from glossary.model import Term
    from glossary.segment import Segment
    report = check([Segment("It selects a row.", target)], [Term("select", "выбрать", "select")],
                   source_lang="en", target_lang="ru", min_confidence="low")
    assert [f.rule for f in report.findings] == found


@pytest.mark.parametrize("target, found", [
    ("Введите текст, чтобы отфильтровать список.", []),   # the perfective with its prefix
    ("Введите текст, чтобы отфитровать список.", ["missing-term"]),  # misspelt: no rendering
    ("Введите текст, чтобы сократить список.", ["missing-term"]),    # another verb
])
def test_a_prefixed_perfective_renders_a_verb_term(target, found):
    """"to filter" is the term when the glossary renders it by a verb as well (фильтровать):
    the verb's use is no other word, and its prefixed perfective renders it."""
    from glossary.check import check
    from glossary.model import Term
    from glossary.segment import Segment
    terms = [Term("filter", "фильтр", "filter", ru_variants=("фильтровать",))]
    report = check([Segment("Type into this box to filter the list.", target)], terms,
                   source_lang="en", target_lang="ru", min_confidence="low",
                   rules=["missing-term", "part-of-speech"])
    assert [f.rule for f in report.findings] == found
