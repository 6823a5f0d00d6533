"""The fuzzy-match score: Russian-aware, cheap for tags, numbers and punctuation."""
from __future__ import annotations

from itertools import product

import pytest

from tm.analysis import analyse, from_layout, keyed_tokens, weight
from tm.fuzzy import Scorer, differences, score
from tm.pairs import analyse_pair

# (query, TM source, expected score): the percentages are documented in tm/fuzzy.py.
SCORES = [
    ("Войска НКВД", "Войска НКВД", 100),
    ("Войскам НКВД", "Войска НКВД", 90),             # one case ending: 1 − 0.2/2
    ("Войскам НКВД", "Армии НКВД", 50),              # one whole word: 1 − 1/2
    ("войска НКВД", "Войска НКВД", 97),              # capitals: 1 − 0.05/2
    ("Войска  НКВД", "Войска НКВД", 99),             # whitespace only: never 100
    ("Ёлки растут в лесу", "Елки растут в лесу", 98),  # ё/е counts as spelling, not a word
    ("Приказ 227 от 28 июля", "Приказ 228 от 28 июля", 92),  # a number: 1 − ¼/3.5
    ("Приказ выполнен.", "Приказ выполнен", 95),      # a full stop: ⅒ of a word
    ("Удалить <b>файл</b>", "Удалить <i>файл</i>", 80),  # two tags: 1 − ½/2.5
    ("Удалить %(name)s?", "Удалить %(count)s?", 81),   # one tag: 1 − ¼/1.35
    ("The troops retreated", "The troop retreated", 93),  # English by stem
    ("Мы не знали, что делать", "Мы не знали, что будет", 80),  # 1 − 1/5.1
]


@pytest.mark.parametrize("query, source, expected", SCORES)
def test_score(query, source, expected):
    assert score(query, source) == expected


# A segment differing only in case endings ranks above one differing in a whole word.
RANKED = [
    ("Войскам НКВД", "Войска НКВД", "Армии НКВД"),
    ("приказ войскам фронта", "приказ войскам фронтов", "приказ армиям фронта"),
    ("Мы видели его машину вчера", "Мы видели его машины вчера", "Мы видели его дом вчера"),
    ("в лагерях спецпоселенцев", "в лагере спецпоселенцев", "в тюрьме спецпоселенцев"),
]


@pytest.mark.parametrize("query, inflected, other_word", RANKED)
def test_inflection_ranks_above_another_word(query, inflected, other_word):
    assert score(query, inflected) > score(query, other_word)


def test_tags_numbers_punctuation_cost_less_than_a_word():
    base = "Удалить 3 выбранных объекта из списка"
    word = score(base, "Удалить 3 выбранных файла из списка")
    for cheap in ("Удалить 4 выбранных объекта из списка",
                  "Удалить 3 выбранных объекта из списка!",
                  "Удалить <b>3</b> выбранных объекта из списка"):
        assert score(base, cheap) > word


def test_differences_name_what_differs():
    found = [(d.kind, d.query, d.match) for d in
             differences("Приказ 227, войскам фронта", "Приказ 228 войска фронта!")]
    assert found == [("number", "227", "228"), ("punctuation", ",", ""),
                     ("inflection", "войскам", "войска"), ("punctuation", "", "!")]


def test_differences_spans_point_into_both_texts():
    query, text = "Войскам НКВД", "Войска НКВД"
    (d,) = differences(query, text)
    assert query[slice(*d.query_span)] == "Войскам" and text[slice(*d.match_span)] == "Войска"


def test_identical_has_no_differences():
    assert differences("Войска НКВД.", "Войска НКВД.") == ()
    assert score("", "") == 100 and score("...", "!!!") == 0


def test_a_unit_told_apart_unscored_is_below_the_minimum():
    """Scorer.beyond (a lower bound of the cost from a unit's text and code string) against
    the exact score, over every code string of a few units: query words of one spelling
    and other keys (only the first one's keys count), ё, Σ (lower-cased by its context),
    numbers, tags, punctuation."""
    query_text = "Роза роза: 5 <b>ёж</b>"
    keys = iter([{"a"}, {"b"}, set(), {"c", "d"}])
    query = tuple(t._replace(keys=frozenset(next(keys))) if t.keys else t
                  for t in analyse(query_text))
    scorer = Scorer(query, query_text)
    told = 0
    for text in ("Роза", "роза роза: 5", "Тюльпан: 6 <b>", "Ежи ЁЖ", "ΑΣ.Β роза", "5 <b>ёж</b>",
                 "Роза роза: 5 <b>ёж</b>", "роза; 7", "Тюльпан тюльпаны: 5 <b>ёж</b>"):
        packed = analyse_pair(text, "")[2]
        for codes in map("".join, product("abcz", repeat=keyed_tokens(packed))):
            tokens = from_layout(text, packed, codes)
            value = scorer.compare(tokens, text)[0]
            for at_least in (20, 50, 75, 90):
                if scorer.beyond(text, codes, weight(tokens), at_least):
                    assert value < at_least, (text, codes, at_least)
                    told += 1
    assert told > 100
