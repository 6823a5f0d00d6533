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


# --- slips found on the shipped glossary (issue 14) ------------------------------------

@pytest.fixture(scope="module")
def shipped_finder():
    from glossary import load
    return Lookup(load())


@pytest.mark.parametrize("query, term_id", [
    ("генерал-майор", "major-general"),         # not Major: a part of a hyphenated word
    ("генерал-майора", "major-general"),
    ("prikaz 227", "order-227"),                # the numbered order before the bare word
    ("приказа 227", "order-227"),               # № left out
    ("Order 227", "order-227"),                 # No. left out
    ("Prikaz No. 227", "order-227"),
    ("prikaz", "order"),
    ("Goring", "goring"),                       # an umlaut left out
    ("Goering", "goring"),
    ("Höpner", "hoepner"),                      # the umlaut of the German spelling Hoepner
    ("Vershyhora", "vershigora"),               # the surname of an admitted spelling
    ("Молодцова-Бадаева", "molodtsov"),         # a surname the dictionary reads as молодец
    ("постановлением ГКО № 1069сс", "gko-1069ss"),
    ("ст. 193-22", "article-193-22"),
    ("shtrafnoy batalyon", "penal-battalion"),  # the press's yo for ьо
    ("1-го Белорусского фронта", "first-belorussian-front"),
    ("ВКП(б)", "communist-party"),
    ("«Известия»", "izvestia"),
    ("Совмина", "council-of-ministers"),
])
def test_slips_resolve(shipped_finder, query, term_id):
    hits = shipped_finder.find(query)
    assert hits and hits[0].term.id == term_id, [h.term.id for h in hits]


def test_part_of_a_hyphenated_word_is_not_a_hit(small_glossary):
    assert Lookup(small_glossary).find("экс-НКВД") == []
    assert [h.term.id for h in Lookup(small_glossary).find("НКВД")] == ["nkvd"]


@pytest.mark.parametrize("query", ["memtx'е", "memtx’ом", "MemTXʼе", "memtx"])
def test_a_latin_name_with_a_russian_ending_after_an_apostrophe(query):
    from glossary.model import Glossary, Term
    hits = Lookup(Glossary([Term("memtx", "memtx", "memtx")])).find(query)
    assert {(h.term.id, h.matched, h.text) for h in hits} == {("memtx", "exact", query[:5])}


@pytest.mark.parametrize("query", ["!", "—", "...", " «» "])
def test_a_query_without_a_word_finds_nothing(shipped_finder, runner, query):
    """Not the shipped № (No.), whose form has no word either: two empty lemma strings
    are not a near-certain misspelling of each other."""
    from cli import main

    assert shipped_finder.find(query) == [] and shipped_finder.suggest(query) == []
    result = runner.invoke(main, ["lookup", query])
    assert result.exit_code == 1 and "No entry for" in result.stderr, result.output
    assert runner.invoke(main, ["variants", query]).output.startswith(f"{query.strip()}  (not in")
