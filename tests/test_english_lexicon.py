"""Our fast reader of lemminflect's lemma table (english._lemma_table) against lemminflect's
own: the rules ask the table through lemminflect's Lemmatizer, so a reading that differed
(a new file format, a category spelt otherwise) would change answers silently."""
from __future__ import annotations

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
