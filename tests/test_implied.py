"""English words the words around them say in Russian (issue 10): a classifier noun after
a class name given in words, a predicate noun carried by its adjective. Their missing-term
finding is low with its reason; the same shapes that lose something stay reported. Real
pymorphy3 and wordfreq, no mocks."""
from __future__ import annotations

import pytest

from glossary.check import check
from glossary.model import Term
from glossary.segment import Segment

TERMS = [Term("object", "объект", "object"), Term("choice", "вариант", "choice"),
         Term("integer", "целое число", "integer"), Term("value", "значение", "value")]
# Other segments rendering the common words as the glossary says: without them a common
# word nothing confirms is low anyway, and the rules under test would show nothing.
WITNESSES = [("Delete the object.", "Удалите объект."), ("Objects found.", "Найдены объекты."),
             ("Select a choice.", "Выберите вариант."), ("No choices.", "Нет вариантов.")]


def _finding(source: str, target: str, term: str):
    pairs = WITNESSES + [(source, target)]
    found = check([Segment(s, t) for s, t in pairs], TERMS, rules=["missing-term"]).findings
    mine = [f for f in found if f.segment == len(pairs) and f.term == term]
    return mine[0] if mine else None


@pytest.mark.parametrize("source, target, term, why", [
    # a classifier after a class name the target gives in words
    ("LogEntry Object", "Запись в журнале", "object", "class name"),
    ("Could not save the QuerySet object.", "Не удалось сохранить выборку.", "object",
     "class name"),
    # a predicate noun whose adjective the target predicates alone
    ("%(value)r is not a valid choice.", "Значение %(value)r не является допустимым.", "choice",
     "predicate"),
    ("That is not a valid choice, sorry.", "Это недопустимо, извините.", "choice", "predicate"),
])
def test_a_noun_the_words_around_it_say_is_low(source, target, term, why):
    f = _finding(source, target, term)
    assert f.confidence == "low" and why in f.reason


@pytest.mark.parametrize("source, target", [
    # the class kept as written: the noun is what says what the code names
    ("LogEntry Object", "Запись LogEntry"),
    # a placeholder is no class name given in words
    ("%(name)s object", "%(name)s"),
    # no class name: ordinary words before the term
    ("Log entry object", "Запись в журнале"),
])
def test_a_classifier_the_target_needs_stays_reported(source, target):
    f = _finding(source, target, "object")
    assert f is not None and f.confidence == "high" and "class name" not in f.reason


@pytest.mark.parametrize("source, target, term", [
    # a specialised noun says more than its adjective
    ("That page number is not a valid integer", "Номер страницы не является допустимым", "integer"),
    # the adjective has a noun of its own: another word than the glossary's
    ("This is not a valid choice.", "Это не является допустимым значением.", "choice"),
    # no copula: the noun is an object, not a predicate
    ("Select a valid choice.", "Выберите допустимое.", "choice"),
    # a modal short adjective predicates no quality
    ("It is a valid choice.", "Вы должны выбрать.", "choice"),
    # a verb's participle before the noun classifies by an action, not a quality
    ("It is a locking choice.", "Это непосредственно.", "choice"),
    # the clause goes on after the noun: it is no bare predicate
    ("It is a valid choice of colours.", "Он является допустимым для цветов.", "choice"),
])
def test_a_predicate_noun_that_says_more_stays_reported(source, target, term):
    f = _finding(source, target, term)
    assert f is not None and f.confidence != "low" and "predicate" not in f.reason


def test_only_english_into_russian():
    # the shapes are English ones: a Russian source is left to the other rules
    pairs = [("Объект LogEntry", "LogEntry record")]
    found = check([Segment(s, t) for s, t in pairs], TERMS, rules=["missing-term"],
                  source_lang="ru", target_lang="en").findings
    assert all("class name" not in (f.reason or "") for f in found)
