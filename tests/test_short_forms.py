"""A multiword rendering shortened to its head word or its initials (issue 10): the
missing-term finding is at most low, with its reason; real pymorphy3, no mocks."""
from __future__ import annotations

import pytest

from glossary.check import check
from glossary.check.shortform import head_word, initials
from glossary.model import Term
from glossary.segment import Segment

TERMS = [Term("database", "база данных", "database"),
         Term("storage-engine", "движок базы данных", "storage engine"),
         Term("data-type", "тип данных", "data type"),
         Term("type", "тип", "type"),
         Term("dbms", "система управления базами данных", "database management system"),
         Term("tuple", "кортеж", "tuple")]


@pytest.mark.parametrize("source, target, level, why", [
    # the head word after a first mention
    ("The database is ready.", "База готова к работе.", "low", "head word"),
    ("Choose a storage engine.", "Выберите движок.", "low", "head word"),
    ("The data type of a value.", "Тип значения.", "low", "head word"),
    # initials as an abbreviation, alone or as the dependent of a longer one
    ("Connect to the database.", "Подключитесь к БД.", "low", "abbreviate"),
    ("Database products differ.", "СУБД бывают разными.", "low", "abbreviate"),
    ("A database management system.", "Это СУБД.", "low", "abbreviate"),
    # still reported: nothing of the rendering is there
    ("The database is ready.", "Хранилище готово к работе.", "high", None),
    ("Connect to the database.", "Подключитесь к серверу.", "high", None),
    # still reported: the head word renders another term the source names
    ("The data type and the type of a value.", "Тип значения.", "high", None),
    # capitals of an ordinary word are no abbreviation of it
    ("Connect to the database.", "Подключитесь к ДНК.", "high", None),
])
def test_short_forms_are_low(source, target, level, why):
    found = [f for f in check([Segment(source, target)], TERMS, rules=["missing-term"]).findings
             if f.term != "type"]
    assert len(found) == 1, found
    reason = found[0].reason
    assert found[0].confidence == level, reason
    assert (why in reason and "short form" in reason) if why else "short form" not in reason


def test_a_short_form_stays_low_where_the_draft_renders_the_term_in_full():
    # the other segments render it in full: a segment without it would be a slip (high),
    # but the head word there is the short form a writer uses after the first mention
    segments = [Segment("Open the database.", "Откройте базу данных.")] * 3 + \
        [Segment("Close the database.", "Закройте базу."),
         Segment("Close the database.", "Закройте соединение.")]
    found = check(segments, TERMS, rules=["missing-term"]).findings
    assert [(f.segment, f.confidence) for f in found] == [(4, "low"), (5, "high")]


def test_one_word_terms_are_untouched():
    (f,) = check([Segment("Return a tuple.", "Верните КР.")], TERMS,
                 rules=["missing-term"]).findings
    assert f.confidence == "high"


@pytest.mark.parametrize("form, lang, head, abbr", [
    ("база данных", "ru", "база", "БД"),
    ("движок базы данных", "ru", "движок", "ДБД"),
    ("система управления базами данных", "ru", "система", "СУБД"),
    ("неявное приведение типов", "ru", "приведение", "НПТ"),
    ("storage engine", "en", "engine", "SE"),
    ("write-ahead log", "en", "log", "WAL"),
    ("кортеж", "ru", None, ""),
])
def test_head_and_initials(form, lang, head, abbr):
    assert (head_word(form, lang), initials(form, lang)) == (head, abbr)
