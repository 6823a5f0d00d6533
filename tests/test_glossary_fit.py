"""The whole-draft glossary fit (glossary/check/fit.py), with real pymorphy3 and wordfreq."""
from __future__ import annotations

import pytest

from glossary.check import check
from glossary.check.fit import MIN_OCCURRENCES
from glossary.model import Term
from glossary.segment import Segment

TERMS = [Term("field", "поле", "field"), Term("tuple", "кортеж", "tuple"),
         Term("primary-key", "первичный ключ", "primary key"),
         Term("moscow", "Москва", "Moscow", kind="name")]

# The translator follows the glossary: "field" is the glossary's field.
FOLLOWED = [("The field is required.", "Поле обязательно."), ("Add a field.", "Добавьте поле."),
            ("Remove the field.", "Удалите поле.")]
# Another subject: "field" in its everyday senses, never the glossary's.
OFF_DOMAIN = [("A field trip.", "Экскурсия."), ("The field day.", "Праздник."),
              ("He works in the field.", "Он работает на выезде.")]
TUPLES = [("Return a tuple.", "Верните кортеж.")] * 2
# Checked at the end: a one-word specialised term, a multiword one and a name, all missing.
CHECKED = [("A tuple.", "Запись."), ("The primary key.", "Ключ."),
           ("Moscow.", "Город.")]


def _run(draft, jobs=1):
    segments = [Segment(s, t) for s, t in (*draft, *TUPLES, *CHECKED)]
    found = check(segments, TERMS, rules=["missing-term"], jobs=jobs).findings
    checked = {f.term: f.confidence for f in found if f.segment > len(segments) - len(CHECKED)}
    return found, checked


@pytest.mark.parametrize("draft, tuple_level, summary", [
    # a draft that follows its glossary: the specialised term's miss stays high, no summary
    (FOLLOWED * 12, "high", False),
    # a draft off the glossary's domain: the one-word term's finding is low, one summary
    (OFF_DOMAIN * 12, "low", True),
    # too few occurrences to judge the draft: the findings keep their own judgement
    (OFF_DOMAIN * 3, "high", False),
])
def test_the_draft_says_whether_the_glossary_fits(draft, tuple_level, summary):
    assert len(OFF_DOMAIN * 3) < MIN_OCCURRENCES <= len(OFF_DOMAIN * 12)
    found, checked = _run(draft)
    # the multiword term (its words name the concept) and the name keep their own judgement
    assert checked == {"tuple": tuple_level, "primary-key": "high", "moscow": "high"}
    summaries = [f for f in found if f.term is None]
    assert bool(summaries) is summary
    if summary:
        (s,) = summaries
        assert (s.rule, s.confidence, s.severity, s.segment) == (
            "missing-term", "medium", "warning", 1)
        assert s.message.startswith("2 of 40 term occurrences follow the glossary: it may not "
                                    "fit this text or was not used"), s.message
        assert "field (36 of 36)" in s.message
        assert "23%" not in s.reason and "5% of its term occurrences" in s.reason


def test_a_term_no_segment_renders_is_said_once_by_the_summary():
    """In a draft the glossary does not fit, "field" is never rendered the glossary's way
    (36 segments): the summary stands for its 36 low findings and lists their segments;
    a term named twice only, never rendered, keeps its own low findings."""
    notes = [("A note on it.", "Кстати."), ("Read the note.", "Прочтите это.")]
    segments = [Segment(s, t) for s, t in (*OFF_DOMAIN * 12, *notes, *TUPLES, *CHECKED)]
    found = check(segments, [*TERMS, Term("note", "заметка", "note")],
                  rules=["missing-term"]).findings
    assert not [f for f in found if f.term == "field"]
    assert [(f.segment, f.confidence) for f in found if f.term == "note"] == [
        (37, "low"), (38, "low")]
    (s,) = [f for f in found if f.term is None]
    assert "not reported one by one: 36 low findings of field" in s.message, s.message
    assert s.segment == 1 and s.related == tuple(range(2, 37))


def test_a_term_rendered_once_keeps_its_findings():
    """Named in four segments and rendered in one, "note" is no term the draft never
    renders: its three low findings are each reported, the summary folds none of them."""
    notes = [("A note on it.", "Кстати."), ("Read the note.", "Прочтите это."),
             ("Another note.", "Ещё одна заметка."), ("Read the note again.", "Прочтите снова.")]
    segments = [Segment(s, t) for s, t in (*OFF_DOMAIN * 12, *notes, *TUPLES, *CHECKED)]
    found = check(segments, [*TERMS, Term("note", "заметка", "note")],
                  rules=["missing-term"]).findings
    assert [(f.segment, f.confidence) for f in found if f.term == "note"] == [
        (37, "low"), (38, "low"), (40, "low")]
    (s,) = [f for f in found if f.term is None]
    assert "36 low findings of field, which" in s.message and "note (3 of 4)" in s.message


def test_the_fit_is_the_same_in_processes():
    one, _ = _run(OFF_DOMAIN * 12)
    two, _ = _run(OFF_DOMAIN * 12, jobs=2)
    assert one == two and any(f.term is None for f in one)


def test_the_summary_is_shown_by_default_and_the_low_findings_are_not():
    segments = [Segment(s, t) for s, t in (*OFF_DOMAIN * 12, *TUPLES, *CHECKED)]
    found = check(segments, TERMS, rules=["missing-term"], min_confidence="medium").findings
    assert sorted((f.term or "-", f.confidence) for f in found) == [
        ("-", "medium"), ("moscow", "high"), ("primary-key", "high")]


@pytest.mark.parametrize("source, level", [
    # at a sentence's start the capital says nothing: the common noun (eagle) is likelier
    ("Орёл пролетает над головой.", "low"),
    ("Он сказал: «Орёл пролетает».", "low"),
    # inside a sentence the capital is the name's
    ("Над головой пролетает Орёл.", "high"),
    # a word with no common reading stays a name wherever it stands
    ("Москва далеко.", "high"),
])
def test_a_name_opening_a_sentence_may_be_a_common_word(source, level):
    terms = [Term("oryol", "Орёл", "Oryol", kind="place"),
             Term("moscow", "Москва", "Moscow", kind="place")]
    found = check([Segment(source, "Something else entirely.")], terms,
                  rules=["missing-term"], source_lang="ru", target_lang="en").findings
    assert [f.confidence for f in found] == [level], found
