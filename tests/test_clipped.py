"""Clipped compounds (спецлагерь ↔ специальный лагерь): made from the listed multiword form by
the real word-formation patterns, matched inflected, never over-matched."""
from __future__ import annotations

import json

import pytest

from glossary.clipped import clipped_forms
from glossary.lookup import Lookup
from glossary.matcher import Matcher
from glossary.model import Glossary, Term


@pytest.mark.parametrize("phrase, expected", [
    ("специальный лагерь", ["спецлагерь"]),
    ("штрафной батальон", ["штрафбат"]),
    ("пограничные войска", ["погранвойска"]),
    ("государственная проверка", ["госпроверка"]),
    ("фильтрационный лагерь", ["фильтрлагерь"]),
    ("политический руководитель", ["политрук"]),
    ("заградительный отряд", ["заградотряд"]),
    ("строительный батальон", ["стройбат"]),
    ("концентрационный лагерь", ["концлагерь"]),
    ("трудовая армия", ["трудармия"]),
    ("лагерный пункт", ["лагпункт"]),
    ("специальная комендатура", ["спецкомендатура"]),
    ("военный комиссариат", ["военкомат"]),
    ("Народный комиссариат обороны", ["Наркомат обороны"]),
    ("генеральный секретарь", ["генсек"]),
    ("Генеральный штаб", ["Генштаб"]),
    ("областной комитет партии", ["обком партии"]),
    # the rest of the phrase is kept; an adjective inside the phrase is clipped too
    ("специальный лагерь НКВД", ["спецлагерь НКВД"]),
    ("орган государственной безопасности", ["орган госбезопасности"]),
    ("Народный комиссариат государственной безопасности",
     ["Наркомат государственной безопасности", "Народный комиссариат госбезопасности",
      "Наркомат госбезопасности"]),
    # the head keeps its case: the clip of an inflected phrase is inflected the same way
    ("штрафными батальонами", ["штрафбатами"]),
    ("политических руководителей", ["политруков"]),
    ("в специальных лагерях", ["в спецлагерях"]),
    # no clip that Russian does not make
    ("военное преступление", []),
    ("штрафной удар", []),
    ("охранная дивизия", []),
    ("фильтрационный пункт", ["фильтрпункт"]),
    ("специальный", []),
    ("", []),
])
def test_clipped_forms(phrase, expected):
    assert clipped_forms(phrase) == expected


GLOSSARY = [
    Term("special-camp", "специальный лагерь", "special camp"),
    Term("penal-battalion", "штрафной батальон", "penal battalion"),
    Term("border-troops", "пограничные войска", "Border Troops", kind="organisation"),
    Term("state-check", "государственная проверка", "state check"),
    Term("filtration-camp", "фильтрационный лагерь", "filtration camp"),
    Term("special-settlement", "специальное поселение", "special settlement"),
    Term("politruk", "политический руководитель", "political instructor"),
    Term("penal-company", "штрафная рота", "penal company", ru_forbidden=("специальная рота",)),
    # a concept that lists a clipped form itself keeps it
    Term("concentration-camp", "концентрационный лагерь", "concentration camp",
         ru_variants=("концлагерь",)),
]


@pytest.fixture(scope="module")
def matcher():
    return Matcher(GLOSSARY)


@pytest.mark.parametrize("text, expected", [
    ("в спецлагерях НКВД", [("special-camp", "спецлагерях", "clipped")]),
    ("направлен в штрафбат", [("penal-battalion", "штрафбат", "clipped")]),
    ("со штрафбатом", [("penal-battalion", "штрафбатом", "clipped")]),
    ("в погранвойсках", [("border-troops", "погранвойсках", "clipped")]),
    ("прошёл госпроверку", [("state-check", "госпроверку", "clipped")]),
    ("из фильтрлагеря", [("filtration-camp", "фильтрлагеря", "clipped")]),
    ("политрука роты", [("politruk", "политрука", "clipped")]),
    ("в штрафроту", [("penal-company", "штрафроту", "clipped")]),
    # the listed form is not reported twice, and stays listed
    ("концлагерь", [("concentration-camp", "концлагерь", "exact")]),
    # the full forms still match as before
    ("в специальных лагерях", [("special-camp", "специальных лагерях", "lemma")]),
    # no over-matching: a special settler is not a special settlement
    ("спецпоселенцев", []),
    ("спецпоселения", [("special-settlement", "спецпоселения", "clipped")]),
    ("спецотдел", []),
    ("штраф", []),
])
def test_clipped_forms_match_inflected(matcher, text, expected):
    assert [(m.term_id, m.text, m.how) for m in matcher.find(text, "ru")] == expected


def test_clipped_form_keeps_the_status_of_its_source(matcher):
    [m] = matcher.find("спецроты", "ru")
    assert (m.term_id, m.status, m.how) == ("penal-company", "forbidden", "clipped")


def test_lookup_shows_clipped_as_its_own_match_kind():
    [hit] = Lookup(Glossary(GLOSSARY)).find("штрафбатами")
    assert (hit.term.id, hit.matched, hit.form) == ("penal-battalion", "clipped", "штрафбат")


def test_check_holds_a_clipped_source_term_to_its_rendering(runner, tmp_path):
    """A clipped form in a draft's source is the term: its rendering is checked like any."""
    from cli import main
    draft = tmp_path / "draft.tsv"
    draft.write_text("Его отправили в штрафбат.\tHe was sent to a punitive battalion.\n"
                     "Он прошёл госпроверку.\tHe passed the state check.\n"
                     "Из спецлагерей их отправили на фронт.\tThey were sent to the front.\n",
                     encoding="utf-8")
    result = runner.invoke(main, ["check", str(draft), "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    assert {(f["segment"], f["rule"], f["term"]) for f in findings
            if f["rule"] in ("missing-term", "forbidden-term")} == {
        (1, "forbidden-term", "penal-battalion"), (3, "missing-term", "special-camp")}
    assert result.exit_code == 1
