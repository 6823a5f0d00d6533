"""Anchors (glossary/anchors.py): every key path keeps one of its keys, whichever rank picks
it, and a check with the compiled cache, anchored at the rarest keys, finds what one without
it does."""
from __future__ import annotations

import csv
import json

import pytest
from paths import ROOT

from glossary import load
from glossary.anchors import anchor_keys, longest, rarest
from glossary.cache import Store
from glossary.matcher import _END, Matcher


def _paths(node: dict, path: tuple[str, ...] = ()):
    for key, child in node.items():
        if key == _END:
            yield path
        else:
            yield from _paths(child, (*path, key))


@pytest.fixture(scope="module")
def shipped_matcher():
    return Matcher(load(None))


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("rank", ["longest", "rarest"])
def test_every_path_holds_an_anchor(shipped_matcher, lang, rank):
    trie = shipped_matcher._tries[lang]
    anchors, marks = anchor_keys(trie, _END, longest if rank == "longest" else rarest(lang))
    for path in _paths(trie):
        words = [k for k in path if any(c.isalnum() for c in k)]
        if words:
            assert anchors.intersection(words), path
        else:
            assert path[0] in marks, path


@pytest.mark.parametrize("path, lang, rarest_key, longest_key", [
    (("ни", "шаг", "назад"), "ru", "шаг", "назад"),
    (("people", "war"), "en", "war", "people"),
    (("call", "-", "up", "age"), "en", "age", "call"),
    (("^ГКО", "постановление"), "ru", "^ГКО", "постановление"),
])
def test_a_phrase_is_anchored_at_its_rarest_or_its_longest_word(path, lang, rarest_key,
                                                                longest_key):
    trie: dict = {}
    node = trie
    for key in path:
        node = node.setdefault(key, {})
    node[_END] = [0]
    assert anchor_keys(trie, _END, rarest(lang)) == (frozenset({rarest_key}), ())
    assert anchor_keys(trie, _END, longest) == (frozenset({longest_key}), ())


def test_a_path_of_punctuation_is_anchored_at_its_first_mark():
    assert anchor_keys({"№": {"": [0]}, "#": {"!": {"": [1]}}}, _END, longest) == \
        (frozenset(), ("#", "№"))


def test_a_check_with_the_cache_is_anchored_at_the_rarest_keys_and_finds_the_same(
        shipped_matcher, tmp_path):
    store = Store("shipped", tmp_path)
    cached = Matcher.from_data(json.loads(json.dumps(Matcher(load(None)).to_data())))
    cached.keep = store.get
    assert cached._anchors("ru") == shipped_matcher._anchors("ru")  # a look-up: the longest
    cached.sift()  # a check: the rarest, kept in the cache
    assert (tmp_path / "shipped.anchors.json").is_file()
    for lang in ("ru", "en"):
        assert cached._anchors(lang) == anchor_keys(cached._tries[lang], _END, rarest(lang))
        assert cached._anchors(lang) != shipped_matcher._anchors(lang)
    with (ROOT / "examples" / "draft-ru-en.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    texts = [(row["source"], "ru") for row in rows] + [(row["target"], "en") for row in rows]
    texts += [("Том сказал, что в том томе нет ничего о народной войне.", "ru"),
              ("People say the people's war was a call to arms at any age.", "en")]
    shipped_matcher.sift()  # no cache: still the longest
    found = [cached.find(text, lang) for text, lang in texts]
    assert found == [shipped_matcher.find(text, lang) for text, lang in texts]
    assert sum(map(len, found)) > len(rows)
