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
