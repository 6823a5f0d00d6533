"""Tables kept for a glossary's words (word frequencies, English plurals): the same figures as
wordfreq's and lemminflect's, read from the compiled cache by a check so that it need not
load their tables."""
from __future__ import annotations

import os
import subprocess
import sys

from paths import HERE, ROOT

from glossary.check.context import Context
from glossary.check.suggest import like_found
from glossary.frequency import known_figures, known_words, zipf
from glossary.matcher import Matcher
from glossary.model import Term
from glossary.variants import english_forms

SMALL = HERE / "data" / "small.tsv"


def test_known_words_hold_what_a_check_asks_about_a_one_word_term():
    words = known_words([Term("company", "рота", "company")], "ru")
    # The key, its forms, and рот: another word «рота» may be a form of (рот, рта, …).
    assert {"рота", "ротами", "роте", "рот"} <= words
    assert "батальон" not in words


def test_multiword_terms_bring_only_their_canonical_form():
    words = known_words([Term("penal-battalion", "штрафной батальон", "penal battalion")], "ru")
    assert "батальонами" not in words


def test_kept_figures_are_wordfreqs():
    terms = [Term("note", "примечание", "note"), Term("tuple", "кортеж", "tuple")]
    for lang in ("ru", "en"):
        figures = known_figures(terms, lang)
        assert figures and all(figures[w] == zipf(w, lang) for w in figures)


def test_a_context_reads_kept_figures_and_asks_wordfreq_for_others():
    kept = {}
    matcher = Matcher([Term("company", "рота", "company")])
    matcher.keep = lambda part, build: kept.setdefault(part, build())
    ctx = Context({}, matcher, "ru", "en")
    assert ctx.zipf("рота") == zipf("рота", "ru")
    assert set(kept) == {"zipf-ru"}
    kept["zipf-ru"]["рота"] = 9.0  # what the cache holds is what is read
    ctx = Context({}, matcher, "ru", "en")
    assert ctx.zipf("рота") == 9.0 and ctx.zipf("ссылка") == zipf("ссылка", "ru")


def test_a_context_reads_kept_forms_of_the_terms_renderings():
    kept = {}
    terms = {"camp": Term("camp", "спецлагерь", "special camp", en_variants=("camp",))}
    matcher = Matcher(terms.values())
    matcher.keep = lambda part, build: kept.setdefault(part, build())
    ctx = Context(terms, matcher, "ru", "en")
    assert ctx.english_plural("special camp") == "special camps"
    assert kept == {"forms-en": {"camp": english_forms("camp"),
                                 "special camp": english_forms("special camp")}}
    assert ctx.english_plural("penal battalion") == "penal battalions"  # not kept: worked out
    kept["forms-en"]["camp"] = ["camp", "kamps"]  # what the cache holds is what is read
    assert ctx.english_plural("camp") == "kamps"
    assert like_found("camp", "en", "transit camps", ctx.english_forms) == "kamps"
    assert like_found("camp", "en", "transit camp", ctx.english_forms) == "camp"


CHECK = """
import sys
from glossary.cache import load_compiled
from glossary.check import check
from glossary.segment import Segment
c = load_compiled(sys.argv[1])
report = check([Segment("Заградотряд задержал дезертиров.", "The unit held them.")],
               c.glossary, matcher=c.matcher)
print(len(report.findings), "wordfreq" in sys.modules)
"""


def test_a_warm_check_does_not_load_wordfreq(tmp_path):
    env = {**os.environ, "GLOSSARY_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    runs = [subprocess.run([sys.executable, "-c", CHECK, str(SMALL)], env=env, text=True,
                           capture_output=True, timeout=120) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    cold, warm = (r.stdout.split() for r in runs)
    assert cold[0] == warm[0] != "0"
    assert warm[1] == "False"

