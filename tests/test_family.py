"""Derivational families (glossary/family.py) on real morphology, both languages."""
from __future__ import annotations

import pytest

from glossary.family import family


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
