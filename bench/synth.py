"""Honest synthetic glossaries for benchmarks, built from real text.

Entries: the shipped glossary's real terms, then adjective+noun and noun+noun(genitive)
phrases, then single nouns, taken from the real Russian side of the TICO-19 and Tatoeba test sets (lemmatised to
dictionary form with pymorphy3), each paired with a real English bigram from the English side
(the pairing is arbitrary: only the shape and size of a glossary matter for these timings).
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared/data beside the checkout (a worktree one level deeper looks one level further
# up); $GLOSSARY_BENCH_DATA names it for a copy of the checkout elsewhere.
DATA = next((d for d in (Path(os.environ.get("GLOSSARY_BENCH_DATA", ROOT / "none")),
                         ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data")
             if d.is_dir()), ROOT.parent / "shared" / "data")
sys.path.insert(0, str(ROOT))

from glossary import load, morph  # noqa: E402
from glossary.model import Glossary, Term  # noqa: E402
from glossary.normalize import fold  # noqa: E402
from glossary.variants import inflect_ru  # noqa: E402

RUS = [DATA / "tico19-en-ru" / "tico19-test.rus", DATA / "tatoeba-en-ru" / "tatoeba-test-v2021-08-07.rus"]
ENG = [DATA / "tico19-en-ru" / "tico19-test.eng", DATA / "tatoeba-en-ru" / "tatoeba-test-v2021-08-07.eng"]


def lines(paths) -> list[str]:
    if not all(p.exists() for p in paths):
        sys.exit(f"benchmark data missing: {DATA} (see ../shared/data/README.md)")
    return [l.strip() for p in paths for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]


def russian_phrases(limit: int) -> list[str]:
    """Dictionary-form two-word phrases found in real Russian sentences, then single nouns."""
    found: dict[str, None] = {}
    nouns: dict[str, None] = {}
    for line in lines(RUS):
        words = re.findall(r"[а-яё]+", line.lower())
        for a, b in zip(words, words[1:]):
            pa, pb = morph.parse(a)[0], morph.parse(b)[0]
            phrase = None
            if pa.tag.POS == "ADJF" and pb.tag.POS == "NOUN" and pa.tag.case == pb.tag.case:
                phrase = inflect_ru(f"{pa.normal_form} {pb.normal_form}", "nomn", "sing")
            elif pa.tag.POS == "NOUN" and pb.tag.POS == "NOUN" and pb.tag.case == "gent":
                phrase = f"{pa.normal_form} {b}"
            if pa.tag.POS == "NOUN" and len(a) > 3:
                nouns.setdefault(pa.normal_form)
            if phrase:
                found.setdefault(phrase)
                if len(found) >= limit:
                    return list(found)
    return list(found) + list(nouns)


def english_phrases(limit: int) -> list[str]:
    found: dict[str, None] = {}
    for line in lines(ENG):
        words = re.findall(r"[a-z]{4,}", line.lower())
        for a, b, c in zip(words, words[1:], words[2:]):
            found.setdefault(f"{a} {b}")
            found.setdefault(f"{a} {b} {c}")
            if len(found) >= limit:
                return list(found)
    return list(found)


def glossary(size: int) -> Glossary:
    base = load()
    terms = list(base.terms)
    seen_ru = {fold(f) for t in terms for f in (*t.approved("ru"), *t.ru_forbidden)}
    seen_en = {fold(f) for t in terms for f in (*t.approved("en"), *t.en_forbidden)}
    ru = [p for p in russian_phrases(size * 2) if fold(p) not in seen_ru]
    en = [p for p in english_phrases(size * 2) if fold(p) not in seen_en]
    for i, (r, e) in enumerate(zip(ru, en)):
        if len(terms) >= size:
            break
        terms.append(Term(f"synth-{i}", r, e, kind="term"))
    return Glossary(terms, columns=base.columns)
