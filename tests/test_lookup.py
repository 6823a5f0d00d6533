"""Lookup by any form, in either language, and how each query matched."""
from __future__ import annotations

import pytest

from glossary.lookup import Lookup


@pytest.fixture(scope="module")
def finder(small_glossary):
    return Lookup(small_glossary)


@pytest.mark.parametrize("query, term_id, matched", [
    ("спецпоселение", "special-settlement", "exact"),
    ("фильтрационных лагерях", "filtration-camp", "lemma"),
    ("заградотрядами", "blocking-detachment", "variant"),
    ("ВойскаНКВДпоохранетыла", "rear-protection-troops", "run-together"),
    ("penal battalions", "penal-battalion", "lemma"),
    ("barrier troops", "blocking-detachment", "variant"),
    ("smersh", "smersh", "exact"),
    ("Devjataev", "devyatayev", "transliteration"),
    ("Deviataev", "devyatayev", "transliteration"),
    ("Devyatayeva", "devyatayev", "transliteration"),
    ("Oryol", "oryol", "exact"),
    ("Orla", "oryol", "transliteration"),
    ("заградотрядаи", "blocking-detachment", "fuzzy"),
    # common terms from their romanisations, inflected ones through morphology
    ("filtratsionnyy lager", "filtration-camp", "transliteration"),
    ("zagradotryadami", "blocking-detachment", "transliteration"),
    # a romanisation that explains more of the query beats an English word inside it
    ("Voyska NKVD po okhrane tyla", "rear-protection-troops", "transliteration"),
])
def test_query_finds_its_entry(finder, query, term_id, matched):
    hit = finder.find(query)[0]
    assert (hit.term.id, hit.matched) == (term_id, matched)


def test_forbidden_form_is_found_and_marked(finder):
    [hit] = finder.find("punishment battalions")
    assert (hit.term.id, hit.status) == ("penal-battalion", "forbidden")


def test_nothing_found_gives_suggestions(finder):
    assert finder.find("фильтрация") == []
    assert [s.term_id for s in finder.suggest("фильтрационый лагер")][:1] == ["filtration-camp"]
    assert finder.suggest("xyzzy") == []


def test_several_terms_in_one_query(finder):
    ids = [h.term.id for h in finder.find("Смерш и ГКО")]
    assert ids == ["smersh", "gko"]
    assert [h.term.id for h in finder.find("заградотряд, penal battalion")] == [
        "blocking-detachment", "penal-battalion"]
