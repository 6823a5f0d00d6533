"""Our fast reader of lemminflect's lemma table (english._lemma_table) against lemminflect's
own: the rules ask the table through lemminflect's Lemmatizer, so a reading that differed
(a new file format, a category spelt otherwise) would change answers silently. Ours makes a
word's entry when it is looked up: every word is looked up both ways here."""
from __future__ import annotations

import gzip

import pytest
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec

from glossary import english


def test_the_lemma_table_read_fast_is_lemminflects_own():
    lemmatizer = english.lexicon().Lemmatizer()
    theirs = LemmaLUCodec.load(lemmatizer.lemma_lu_fn)
    ours = english._lemma_table(lemmatizer.lemma_lu_fn)
    assert len(ours) > 10_000
    assert ours == theirs
    assert list(ours) == list(theirs)  # the same order: getAllLemmas returns dicts in it


def test_the_lexicon_serves_lemmas_from_the_table_read():
    lemmatizer = english.lexicon().Lemmatizer()
    assert lemmatizer.lemma_dict["battalions"]["NOUN"] == ("battalion",)
    assert english.lemmas("battalions") >= {"battalion"}


def test_each_word_looked_up_reads_as_in_lemminflects_table():
    lemmatizer = english.lexicon().Lemmatizer()
    theirs = LemmaLUCodec.load(lemmatizer.lemma_lu_fn)
    ours = english._lemma_table(lemmatizer.lemma_lu_fn)  # a fresh table: nothing made yet
    assert isinstance(ours, english._LemmaTable)  # the file is sorted: looked up by bisection
    assert [w for w in theirs if ours.get(w) != theirs[w] or ours[w] != theirs[w]] == []
    assert "'d" in ours and ours.get("'d") == {"AUX": ("will", "have"), "VERB": ("will", "have")}


@pytest.mark.parametrize("word", ["", "qwxzv", "zzzzzzzz", "Battalions", "battalion's", "a,b"])
def test_a_word_the_table_lacks_is_missing_as_from_a_dict(word):
    lemmatizer = english.lexicon().Lemmatizer()
    theirs = LemmaLUCodec.load(lemmatizer.lemma_lu_fn)
    ours = english._lemma_table(lemmatizer.lemma_lu_fn)
    assert ours.get(word) == theirs.get(word) and (word in ours) == (word in theirs)
    assert ours.get(word, {}) == theirs.get(word, {})
    if word not in theirs:
        with pytest.raises(KeyError):
            ours[word]


@pytest.mark.parametrize("lines, lazy", [
    (["army,noun,army", "armies,noun,army", "can,modal,can", "can,noun,can", "armies,verb,army"],
     False),  # not sorted by word, a word's lines apart: made whole, as lemminflect does
    (["armies,noun,army", "armies,verb,army", "army,noun,army", "can,modal,can", "can,noun,can"],
     True),
])
def test_a_table_file_reads_as_lemminflect_reads_it(tmp_path, lines, lazy):
    path = tmp_path / "lemma_lu.csv.gz"
    with gzip.open(path, "wb") as f:
        f.write(("\n".join(lines) + "\n").encode())
    theirs = LemmaLUCodec.load(str(path))
    ours = english._lemma_table(str(path))
    assert isinstance(ours, english._LemmaTable) == lazy
    assert {w: ours.get(w) for w in theirs} == theirs and list(ours) == list(theirs)
    assert ours["can"] == {"AUX": ("can",), "NOUN": ("can",)}


def test_listed_is_getalllemmas_without_its_copies():
    """english.listed answers as lemminflect's getAllLemmas for every word of its table and
    of its overrides, in lower case, capitalised and in capitals, and for words it lacks;
    and what it returns can be changed without changing the table."""
    lemmatizer = english.lexicon().Lemmatizer()
    words = [*lemmatizer._getLemmaDict(), *lemmatizer._getOverridesDict()]
    odd = ["", "covid", "ACE2", "Ärger", "x86", "battalions'", "People"]
    for word in [*words, *(w.capitalize() for w in words[::50]), *(w.upper() for w in words[::50]),
                 *odd]:
        assert english.listed(word) == lemmatizer.getAllLemmas(word), word
    mine = english.listed("battalions")
    mine["NOUN"] = ("changed",)
    assert english.listed("battalions")["NOUN"] == ("battalion",)
