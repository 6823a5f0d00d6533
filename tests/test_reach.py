"""Ruling words out without analysing them (glossary/reach.py): never a word whose keys
(keys.word_keys) hold one of the keys asked about, on real morphology."""
from __future__ import annotations

import csv

import pytest
from paths import ROOT

from glossary import english, load
from glossary.keys import word_keys
from glossary.matcher import Matcher
from glossary.reach import Reach
from glossary.tokens import tokenize

CASES = [
    # (keys, word, may it have one of them)
    ({"человек"}, "люди", True),             # a suppletive form of the lexeme
    ({"человек"}, "людьми", True),
    ({"человек"}, "столами", False),         # a known word of another lexeme
    ({"елка"}, "Ёлками", True),              # ё in the dictionary, е in the key
    ({"елка"}, "елкам", True),
    ({"заградотряд"}, "заградотрядами", True),
    ({"штрафбат"}, "штрафбатами", True),     # unknown to the dictionary: analysed
    ({"штрафбат"}, "батальонами", False),
    ({"^ГКО"}, "ГКО", True),                  # short capitals have a key of their own
    ({"^POW"}, "POWs", True),
    ({"go"}, "went", True),                  # irregular English forms, from the lexicon
    ({"good"}, "better", True),
    ({"go"}, "table", False),
    ({"army"}, "army's", True),               # possessives
    ({"battalion"}, "battalions'", True),
    ({"encirclee"}, "encirclees", True),      # outside the lexicon: lemmatised by rule
    ({"hiwi"}, "Hiwis", True),
    ({"go"}, "encirclees", False),
    ({"1941"}, "1941", True),                  # neither script: the word is its key
    ({"1941"}, "1942", False),
]


@pytest.mark.parametrize("keys, word, expected", CASES)
def test_reach(keys, word, expected):
    [token] = tokenize(word)  # a text word as the matcher sees it (ё folded, case kept)
    assert Reach(frozenset(keys))(token.norm) is expected
    assert bool(frozenset(keys) & word_keys(token.norm)) <= expected


def test_no_word_of_a_real_draft_is_ruled_out_wrongly():
    """Every word of the example draft, both sides, against the shipped glossary's keys."""
    matcher = Matcher(load())
    with (ROOT / "examples" / "draft-ru-en.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for lang, column in (("ru", "source"), ("en", "target")):
        keys = frozenset(matcher._vocabulary(lang))
        reach = Reach(keys)
        texts = [row[column] for row in rows]
        for word in {t.norm for text in texts for t in tokenize(text) if t.is_word}:
            if keys & word_keys(word):
                assert reach(word), (lang, word)


def test_a_sifting_matcher_finds_what_one_analysing_every_word_finds():
    glossary = load()
    plain, sifting = Matcher(glossary), Matcher(glossary)
    sifting.sift()
    with (ROOT / "examples" / "draft-ru-en.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for row in rows:
        for text, lang in ((row["source"], "ru"), (row["target"], "en")):
            assert sifting.find(text, lang) == plain.find(text, lang)


# Words outside the English lexicon, of the endings its rules take off (a plural, -ies,
# -ied, -ing with and without a doubled letter, -ices, -ae, a possessive) and none.
UNKNOWN_ENGLISH = ["encirclees", "opolchenies", "hiwis", "zorbified", "blorpping",
                   "vlaxing", "snorkices", "quaffina", "glimmata", "frobbest", "tarantool",
                   "memtx", "vshard's", "sharders'", "zz", "q"]


@pytest.mark.parametrize("word", UNKNOWN_ENGLISH)
def test_a_guessed_lemma_is_one_a_rule_could_make(word):
    """The matcher rules a word out when no lemma any rule could make is a key: the lemma
    lemminflect's model picks must be among them."""
    bare = english.without_possessive(word)
    assert not english.known(bare)
    assert english.lemmas(word) <= english.guessable_lemmas(bare)


def test_a_sifting_matcher_rules_out_unknown_words_by_their_possible_lemmas():
    matcher = Matcher(load(ROOT / "tests" / "data" / "small.tsv"))
    matcher.sift()
    anchors = matcher._anchors("en")[0]
    for word in UNKNOWN_ENGLISH:
        if matcher._guessed_apart(word, anchors):
            assert anchors.isdisjoint(word_keys(word)), word
    assert matcher._guessed_apart("tarantool", anchors)
