"""Romanisation keys of a glossary's names, for name-spelling (check/names.py), as plain
data the compiled cache keeps (cache.py): they depend on the glossary alone.

A key is a name's Russian form romanised (translit.latin_keys: every scheme, press habits)
and folded (normalize.fold_latin). Keys shorter than MIN_KEY letters are not used (too
many collisions), nor one that is an approved spelling of a concept that is not a name.
"""
from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from .model import Term
from .normalize import fold_latin

MIN_KEY = 4


def name_keys(terms: Iterable[Term]) -> dict:
    """The tables of check/names.py's NameIndex for a glossary: `full`, `words`, `approved`
    (each concept's folded spellings, sorted) and `lengths` (of the whole forms, in words).
    Romanising the shipped glossary's names costs ~0.1 s, and importing the schemes
    (transliterate) ~30 ms: a check that reads them from the cache pays neither."""
    from .translit import latin_keys

    terms = list(terms)
    full: dict[str, list[str]] = {}
    by_term: dict[str, dict[str, str]] = {}
    approved_by_term: dict[str, list[str]] = {}
    lengths: set[int] = set()
    taken = {fold_latin(f) for t in terms if t.kind != "name" for f in t.approved("en")}
    for term in (t for t in terms if t.kind == "name"):
        en_forms = term.approved("en")
        approved = {fold_latin(f) for f in en_forms}
        approved_by_term[term.id] = sorted(approved | {w for f in approved for w in f.split()})
        en_words = [w for f in en_forms for w in f.split()]
        words: dict[str, str] = {}
        for ru in term.approved("ru"):
            n = len(ru.split())
            for key in sorted(latin_keys(ru)):  # sets iterate in a per-process order
                if len(key) < MIN_KEY or key in taken:
                    continue
                if key.count(" ") + 1 == n:
                    spelling = next((f for f in en_forms if len(f.split()) == n), term.en)
                    full.setdefault(key, [term.id, spelling])
                    lengths.add(n)
                if " " not in key:  # suggest the preferred spelling, not the nearest one
                    words[key] = term.en if " " not in term.en else \
                        max(en_words, key=lambda w: fuzz.ratio(key, fold_latin(w)))
        by_term[term.id] = words
    return {"full": full, "words": by_term, "approved": approved_by_term,
            "lengths": sorted(lengths)}
