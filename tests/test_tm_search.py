"""Fuzzy search and concordance on real Russian: inflected queries, the lemma index, recall."""
from __future__ import annotations

import random

import pytest
from paths import DATA, needs_data

from glossary.segment import Segment
from tm import TranslationMemory
from tm.analysis import analyse, from_layout, keyed_tokens
from tm.fuzzy import Scorer, compare
from tm.search import _candidates, _coded, _distinct, _query
from tm.writer import SOURCE

TATOEBA = DATA / "tatoeba-en-ru" / "tatoeba-test-v2021-08-07"
SIZE = 3000


def tatoeba_pairs(n: int) -> list[tuple[str, str]]:
    ru = TATOEBA.with_suffix(".rus").read_text(encoding="utf-8").splitlines()
    en = TATOEBA.with_suffix(".eng").read_text(encoding="utf-8").splitlines()
    return list(zip(ru, en))[:n]


@pytest.fixture(scope="module")
def real_tm(tmp_path_factory):
    if not DATA.is_dir():
        pytest.skip(f"{DATA} is absent")
    path = tmp_path_factory.mktemp("tm") / "tatoeba.sqlite"
    with TranslationMemory(path) as memory:
        memory.add((Segment(r, e, "ru", "en", line=n) for n, (r, e) in
                    enumerate(tatoeba_pairs(SIZE), 1)), "tatoeba.tmx")
    with TranslationMemory(path, create=False) as memory:
        yield memory


@pytest.fixture()
def small_tm(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add([Segment(s, t, "ru", "en") for s, t in (
            ("Войска НКВД заняли город", "NKVD troops took the town"),
            ("Армии НКВД заняли город", "NKVD armies took the town"),
            ("Войскам НКВД приказано отступить", "The NKVD troops were ordered to retreat"),
            ("Приказ № 227 от 28 июля 1942 года", "Order No. 227 of 28 July 1942"),
            ("Штаб фронта отдал приказ", "The front headquarters gave an order"),
        )], "war.tmx")
        memory.add([Segment("Delete the selected files?", "Удалить выбранные файлы?", "en", "ru")],
                   "ui.po")
        yield memory


def test_inflected_unit_ranks_above_other_word(small_tm):
    found = small_tm.search("Войскам НКВД заняли город")
    assert [(m.score, m.unit.source) for m in found] == [
        (95, "Войска НКВД заняли город"), (75, "Армии НКВД заняли город")]
    assert [(d.kind, d.query, d.match) for d in found[0].diff] == [
        ("inflection", "Войскам", "Войска")]


def test_retrieval_needs_no_identical_word_form(small_tm):
    # Every word of the query is in another form than in the unit.
    found = small_tm.search("Войсками НКВД, приказанными отступить", min_score=60)
    assert [(m.score, m.unit.source) for m in found] == [(87, "Войскам НКВД приказано отступить")]
    assert [d.kind for d in found[0].diff] == ["inflection", "punctuation", "inflection"]


def test_numbers_and_punctuation_are_shown_and_cheap(small_tm):
    (match,) = small_tm.search("Приказ № 228 от 28 июля 1942 года.")
    assert match.score == 92  # 1 − (¼ + ⅒) ÷ 4.95
    assert [(d.kind, d.query, d.match) for d in match.diff] == [
        ("number", "228", "227"), ("punctuation", ".", "")]


def test_exact_match_is_100(small_tm):
    (match,) = small_tm.search("Штаб фронта отдал приказ")
    assert match.score == 100 and match.diff == ()
    assert match.unit.target == "The front headquarters gave an order"


def test_min_and_limit(small_tm):
    assert small_tm.search("Войскам НКВД заняли город", min_score=96) == []
    assert len(small_tm.search("Войскам НКВД заняли город", min_score=50, limit=1)) == 1


def test_language_pair_filter(small_tm):
    assert small_tm.search("Delete the selected file", source_lang="ru") == []
    (match,) = small_tm.search("Delete the selected file", source_lang="en", target_lang="ru")
    assert match.unit.target == "Удалить выбранные файлы?"


def test_concordance_any_inflected_form(small_tm):
    hits = small_tm.concordance_hits("войска НКВД")
    assert sorted(h.unit.source for h in hits) == ["Войска НКВД заняли город",
                                                  "Войскам НКВД приказано отступить"]
    for hit in hits:
        (span,) = hit.source_spans
        assert hit.unit.source[span[0]:span[1]] in ("Войска НКВД", "Войскам НКВД")


def test_concordance_english_side_and_lang(small_tm):
    assert [h.unit.source for h in small_tm.concordance_hits("troop")] == [
        "Войскам НКВД приказано отступить", "Войска НКВД заняли город"]
    hits = small_tm.concordance_hits("файл", "ru")
    assert [(h.source_spans, h.target_spans) for h in hits] == [((), ((18, 23),))]
    assert small_tm.concordance("файл", "en") == []


def test_concordance_phrase_words_must_stand_in_a_row(small_tm):
    assert small_tm.concordance("город НКВД") == []
    assert [u.source for u in small_tm.concordance("приказ")] == [
        "Штаб фронта отдал приказ", "Приказ № 227 от 28 июля 1942 года"]


def perturbed_queries(n: int, seed: int) -> list[tuple[str, str]]:
    """(query, original): real sentences with one word re-inflected by pymorphy3."""
    from glossary import morph
    rng = random.Random(seed)
    out = []
    pairs = [r for r, _ in tatoeba_pairs(SIZE) if len(r.split()) >= 5]
    rng.shuffle(pairs)
    for source in pairs:
        words = source.split()
        for i, word in enumerate(words):
            parse = morph.parse(word.lower())[0]
            if word.isalpha() and parse.tag.POS == "NOUN" and parse.tag.case:
                for case in ("datv", "ablt", "gent", "loct"):
                    form = parse.inflect({case})
                    if form and form.word != word.lower():
                        words[i] = form.word
                        out.append((" ".join(words), source))
                        break
                break
        if len(out) == n:
            break
    return out


@needs_data
def test_re_inflected_real_sentences_come_first(real_tm):
    queries = perturbed_queries(40, 7)
    assert len(queries) == 40
    first = sum(bool(found) and found[0].unit.source == source
                for query, source in queries
                for found in [real_tm.search(query)])
    assert first >= 38, first


@needs_data
def test_retrieval_misses_no_unit_that_can_reach_the_minimum(real_tm):
    """The pigeonhole bound of search.py, checked against scoring every unit."""
    units = list(real_tm.units())
    analysed = [(u, analyse(u.source)) for u in units]
    for query_text, _source in perturbed_queries(12, 11):
        query = analyse(query_text)
        for min_score in (60, 75, 90):
            reachable = {u.id for u, tokens in analysed
                         if compare(query, query_text, tokens, u.source)[0] >= min_score}
            q = _query(real_tm, query_text)
            tokens = _distinct(q)
            known = real_tm.key_ids(SOURCE, {k for t in tokens for k in t.keys})
            retrieved = _candidates(real_tm, q, tokens, known, min_score / 100, None, None)
            assert reachable <= set(retrieved), (query_text, min_score)


@needs_data
def test_search_is_not_a_scan(real_tm):
    """A rare word's query reads few postings: candidates are a small share of the TM."""
    q = _query(real_tm, "Моя собака любит грызть кости.")
    tokens = _distinct(q)
    known = real_tm.key_ids(SOURCE, {k for t in tokens for k in t.keys})
    retrieved = _candidates(real_tm, q, tokens, known, 0.75, None, None)
    assert len(retrieved) < SIZE / 20


def test_search_finds_units_stored_the_other_way(small_tm):
    # Stored en→ru; asked in Russian for English: the unit is found on its target side and
    # comes back turned round, its source being the side that matched.
    (match,) = small_tm.search("Удалить выбранные файлы", source_lang="ru", target_lang="en")
    assert (match.unit.source, match.unit.target) == ("Удалить выбранные файлы?",
                                                     "Delete the selected files?")
    assert (match.unit.source_lang, match.unit.target_lang, match.unit.turned_round) == (
        "ru", "en", True)
    # Without languages, the query's script chooses the side in its language.
    assert [m.unit.turned_round for m in small_tm.search("Удалить выбранные файлы")] == [True]
    # Stored ru→en and asked in English: found on the target side too.
    (found,) = small_tm.search("NKVD troops took the town", min_score=100)
    assert (found.unit.source, found.unit.target) == ("NKVD troops took the town",
                                                     "Войска НКВД заняли город")


def test_precedent_reads_a_tm_stored_the_other_way(tmp_path, small_glossary, small_matcher):
    from tm.precedent import renderings

    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        term = next(t for t in small_glossary if t.approved("en"))
        ru, en = term.approved("ru")[0], term.approved("en")[0]
        memory.add([Segment(f"About {en}.", f"О {ru}.", "en", "ru")], "en-ru.tmx")
        got = renderings(memory, small_matcher, [term], "ru", "en")
    assert got[term.id] == {en: 1}


def test_a_snapshot_answers_as_single_searches_and_reads_each_word_once(small_tm, tmp_path):
    queries = ["Войскам НКВД заняли город", "Войска НКВД отступили", "Армиям НКВД приказано",
               "Удалить выбранные файлы", "Приказ № 227", "Войскам НКВД заняли город"]
    alone = [small_tm.search(q, min_score=50) for q in queries]
    statements: list[str] = []
    small_tm.db.set_trace_callback(statements.append)
    try:
        with small_tm.snapshot():
            with small_tm.snapshot():  # an inner snapshot is the outer one
                kept = [small_tm.search(q, min_score=50) for q in queries]
    finally:
        small_tm.db.set_trace_callback(None)
    assert kept == alone
    key_reads = [s for s in statements if "FROM keys" in s]
    form_reads = [s for s in statements if "FROM forms" in s]
    # The repeated query reads no key or form again, and none is read twice.
    assert len(key_reads) < len(queries) and len(form_reads) < len(queries)
    for reads in (key_reads, form_reads):
        looked_up = [value for s in reads for value in s.split("IN (")[-1].rstrip(")").split(",")]
        assert len(looked_up) == len(set(looked_up))
    assert statements[0] == "BEGIN" and statements[-1] == "COMMIT"
    # Ended: a write goes through, and the next search sees the new unit.
    small_tm.add([Segment("Войскам НКВД отступить", "NKVD troops, retreat", "ru", "en")], "x")
    assert small_tm.search("Войскам НКВД отступить", min_score=100)


def test_a_snapshot_ends_when_the_batch_fails(small_tm):
    with pytest.raises(ZeroDivisionError), small_tm.snapshot():
        small_tm.search("Войскам НКВД")
        1 / 0
    assert not small_tm.db.in_transaction
    small_tm.add([Segment("Новый приказ", "A new order", "ru", "en")], "x")


@needs_data
def test_units_told_apart_unscored_are_below_the_minimum(real_tm):
    """Scorer.beyond spares rebuilding and scoring a shortlisted unit only when its exact
    score is below the minimum: checked on every candidate of real queries (a unit's own
    source, re-inflected ones, and a bare word), with most of them told apart."""
    db = real_tm.db
    told = scored = 0
    queries = [q for q, _source in perturbed_queries(12, 5)] + [
        "Том сказал, что Мэри не придёт.", "Ёлка", "«Σ» 42 %s"]
    for query_text in queries:
        q = _query(real_tm, query_text)
        tokens = _distinct(q)
        known = real_tm.key_ids(SOURCE, {k for t in tokens for k in t.keys})
        for min_score in (50, 75, 90):
            candidates = _candidates(real_tm, q, tokens, known, min_score / 100, None, None)
            scorer = Scorer(_coded(q, known), query_text)
            for unit_id, codes in candidates.items():
                packed, unit_weight, source = db.execute(
                    "SELECT c.layout, u.weight, u.source FROM units u JOIN codes c "
                    "ON c.unit_id = u.id WHERE u.id = ?", (unit_id,)).fetchone()
                assert keyed_tokens(packed) == len(codes)
                value = scorer.compare(from_layout(source, packed, codes), source)[0]
                if scorer.beyond(source, codes, unit_weight, min_score):
                    assert value < min_score, (query_text, source, min_score)
                    told += 1
                scored += 1
    assert told > scored / 2, (told, scored)


def test_the_shortlist_maps_code_strings_as_translating_them_would():
    """Each query word's keys map onto one character (the least key of the first word that
    holds it): replaced key by key in ascending order, the code strings are what one
    str.translate makes, so the shortlist ranks the same, chains of keys shared between
    words included."""
    from itertools import product

    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    from tm.analysis import TmToken
    from tm.search import _shortlist

    words = [("a", "pxy"), ("b", "xz"), ("c", "yw"), ("d", "")]
    query = tuple(TmToken(n, 0, 0, "word", n, frozenset(keys)) for n, keys in words)
    candidates = {i: "".join(s) for i, s in enumerate(product("pxyzwq", repeat=3))}
    table, own = {}, []
    for n, t in enumerate(query):
        codes = sorted(t.keys)
        char = codes[0] if codes else chr(0x10FF00 + n)
        own.append(char)
        for code in codes:
            table.setdefault(ord(code), char)
    choices = {i: s.translate(table) for i, s in candidates.items()}
    best = process.extract("".join(own), choices, scorer=Indel.normalized_similarity, limit=40)
    assert _shortlist(query, candidates, 40) == [i for _s, _score, i in best]
