"""The Snowball stemmers the consistency rules and the family test use: snowballstemmer
hands out PyStemmer's C stemmers when PyStemmer is installed (pyproject.toml asks for it
where a wheel exists). A stem that differed from the pure-Python one would change which
words two variants are said to differ in, so the two are held to the same stems on real
text of both languages."""
from __future__ import annotations

import re

import pytest
import snowballstemmer
from snowballstemmer.english_stemmer import EnglishStemmer
from snowballstemmer.russian_stemmer import RussianStemmer

from paths import DATA, needs_data

Stemmer = pytest.importorskip("Stemmer")


def test_snowballstemmer_hands_out_the_c_stemmers():
    assert isinstance(snowballstemmer.stemmer("russian"), Stemmer.Stemmer)


@needs_data
@pytest.mark.parametrize("language, pure, path", [
    ("russian", RussianStemmer, DATA / "tatoeba-en-ru" / "tatoeba-test-v2021-08-07.rus"),
    ("english", EnglishStemmer, DATA / "tatoeba-en-ru" / "tatoeba-test-v2021-08-07.eng"),
])
def test_the_c_stemmers_stem_as_the_pure_python_ones(language, pure, path):
    words = sorted({w.lower() for w in re.findall(r"[^\W\d_]+", path.read_text("utf-8"))})
    assert len(words) > 5_000
    fast, slow = Stemmer.Stemmer(language), pure()
    assert [w for w in words if fast.stemWord(w) != slow.stemWord(w)] == []
