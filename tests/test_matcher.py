"""The matcher on real morphology: table-driven Russian and English cases, and the traps."""
from __future__ import annotations

import pytest


def found(matcher, text, lang):
    return [(m.term_id, m.text) for m in matcher.find(text, lang)]


RUSSIAN = [
    # inflected phrases with fixed dependents
    ("войсками НКВД по охране тыла", [("rear-protection-troops", "войсками НКВД по охране тыла")]),
    ("Войскам НКВД по охране тыла", [("rear-protection-troops", "Войскам НКВД по охране тыла")]),
    # run-together text, not listed as a variant anywhere
    ("ВойскаНКВДпоохранетыла", [("rear-protection-troops", "ВойскаНКВДпоохранетыла")]),
    # plural oblique cases
    ("в фильтрационных лагерях", [("filtration-camp", "фильтрационных лагерях")]),
    ("заградотрядами", [("blocking-detachment", "заградотрядами")]),
    ("заградительных отрядов", [("blocking-detachment", "заградительных отрядов")]),
    ("Смерша", [("smersh", "Смерша")]),
    # ё written е, and е written ё
    ("под Орлом, в Орле, Орел", [("oryol", "Орлом"), ("oryol", "Орле"), ("oryol", "Орел")]),
    # a Latin M inside a Cyrillic abbreviation
    ("органы СMЕРШ", [("smersh", "СMЕРШ")]),
    # stress marks, soft hyphens and NBSP
    ("заградотря\u0301дами", [("blocking-detachment", "заградотря\u0301дами")]),
    ("заград\u00adотряд", [("blocking-detachment", "заград\u00adотряд")]),
    ("Войска\u00a0НКВД по охране тыла", [("rear-protection-troops", "Войска\u00a0НКВД по охране тыла")]),
    # hyphenated compound, longest match wins over the shorter term inside it
    ("из проверочно-фильтрационных лагерей", [("pfl", "проверочно-фильтрационных лагерей")]),
    # abbreviations as written; short capitals only in capitals
    ("решение ГКО", [("gko", "ГКО")]),
    ("гко", []),
    ("Постановлением Государственного комитета обороны", [("gko", "Государственного комитета обороны")]),
    # names inflect
    ("о Девятаеве", [("devyatayev", "Девятаеве")]),
    # citations: capitals with the full stop
    ("М.: Воениздат, 1985", [("moscow-ref", "М.")]),
    ("с ним", []),
]

TRAPS = [
    # special settlers are not special settlements
    ("спецпоселенцев", [("special-settler", "спецпоселенцев")]),
    ("спецпоселения", [("special-settlement", "спецпоселения")]),
    # a department's subdivision is not the department
    ("отделение", []),
    ("отделения отдела", [("department", "отдела")]),
    # a penal company is not a penal battalion; a word of a term alone is not the term
    ("штрафная рота", []),
    ("отряд", []),
    ("лагерь", []),
]

ENGLISH = [
    ("penal battalions'", [("penal-battalion", "penal battalions'")]),
    ("Filtration Camps", [("filtration-camp", "Filtration Camps")]),
    ("counterintelligence", [("counterintelligence", "counterintelligence")]),
    ("counter intelligence", [("counterintelligence", "counter intelligence")]),
    ("Counter-Intelligence", [("counterintelligence", "Counter-Intelligence")]),
    ("the NKVD troops for the protection of the rear",
     [("rear-protection-troops", "NKVD troops for the protection of the rear")]),
    ("NKVD rear-protection troops", [("rear-protection-troops", "NKVD rear-protection troops")]),
    ("the State Defence Committee's order", [("gko", "State Defence Committee's")]),
    ("special settlers", [("special-settler", "special settlers")]),
    ("special settlements", [("special-settlement", "special settlements")]),
    ("it was camp life", []),
    # abbreviations in the plural and the possessive, still only in capitals
    ("two POWs escaped; the POW's diary", [("pow", "POWs"), ("pow", "POW's")]),
    ("pows", []),
]


@pytest.mark.parametrize("text, expected", RUSSIAN + TRAPS)
def test_russian(small_matcher, text, expected):
    assert found(small_matcher, text, "ru") == expected


@pytest.mark.parametrize("text, expected", ENGLISH)
def test_english(small_matcher, text, expected):
    assert found(small_matcher, text, "en") == expected


def test_statuses_and_how(small_matcher):
    [m] = small_matcher.find("punishment battalions", "en")
    assert (m.term_id, m.status, m.how) == ("penal-battalion", "forbidden", "lemma")
    [m] = small_matcher.find("ВойскаНКВДпоохранетыла", "ru")
    assert m.how == "run-together"
    [m] = small_matcher.find("заградотряд", "ru")
    assert (m.status, m.how) == ("admitted", "exact")


def test_spans_point_into_the_original_text(small_matcher):
    text = "Приказ о заградотрядах и спецпоселениях."
    for m in small_matcher.find(text, "ru"):
        assert text[m.start:m.end] == m.text


def test_many_terms_in_one_pass(small_matcher):
    text = ("Бойцы заградотрядов и войск НКВД по охране тыла направляли окруженцев "
            "в фильтрационные лагеря, а затем в спецлагеря и штрафные батальоны.")
    ids = [m.term_id for m in small_matcher.find(text, "ru")]
    assert ids == ["blocking-detachment", "rear-protection-troops", "filtration-camp",
                   "special-camp", "penal-battalion"]


def test_compiled_data_round_trip_finds_the_same(small_glossary):
    """The cache keeps the compiled matcher as JSON: what comes back finds the same."""
    import json

    from glossary.matcher import Matcher
    built = Matcher(small_glossary)
    restored = Matcher.from_data(json.loads(json.dumps(built.to_data())))
    for text, _ in RUSSIAN + TRAPS:
        assert restored.find(text, "ru") == built.find(text, "ru")
    assert restored.find("NKVD rear-protection troops", "en") == \
        built.find("NKVD rear-protection troops", "en") != []


def test_compiled_data_of_another_format_is_refused(small_glossary):
    from glossary.matcher import FORMAT, Matcher
    data = Matcher(small_glossary).to_data()
    with pytest.raises(ValueError, match="format"):
        Matcher.from_data({**data, "format": FORMAT + 1})


@pytest.mark.parametrize("text, expected", [
    ("«Ни шагу назад» и ничего больше", [("order-227", "«Ни шагу назад»")]),
    ("без кавычек ни шагу назад", []),
])
def test_a_form_starting_with_punctuation_is_found(text, expected):
    """Most texts are skipped by a look at their words alone; a form whose first token is
    punctuation must not be skipped with them."""
    from glossary.matcher import Matcher
    from glossary.model import Term
    m = Matcher([Term("order-227", "«Ни шагу назад»", "“Not a step back”")])
    assert found(m, text, "ru") == expected


@pytest.mark.parametrize("form, text, found_it", [
    ("counter-intelligence", "Soviet counterintelligence", True),
    ("counter-intelligence", "Soviet counter intelligence", True),
    ("counter-intelligence", "Soviet counter-intelligence", True),
    ("counter intelligence", "Soviet counter-intelligence", True),
    ("counterintelligence", "Soviet counter-intelligence", True),
    ("counterintelligence", "Soviet counterintelligence", True),
    # documented limits: a closed or spaced form is not found written the third way
    ("counterintelligence", "Soviet counter intelligence", False),
    ("counter intelligence", "Soviet counterintelligence", False),
    # "people" is the plural of "person" in a text; a glossary's "people" names a people
    ("displaced person", "internally displaced people", True),
    ("displaced person", "displaced persons", True),
    ("repatriated person", "the repatriated people's camp", True),
    ("People's Commissar", "the person's commissar", False),
    ("People's Commissar", "People's Commissars", True),
])
def test_english_compounds_and_plurals(form, text, found_it):
    from glossary.matcher import Matcher
    from glossary.model import Term
    matcher = Matcher([Term("ci", "контрразведка", form)])
    assert bool(found(matcher, text, "en")) is found_it
