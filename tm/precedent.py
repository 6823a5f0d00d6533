"""Precedent: how a translation memory rendered glossary terms, the evidence a reviewer weighs
against the glossary ("the TM says *barrier troops* 2 times, *blocking detachment* once")."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from glossary.markup import mask
from glossary.langtags import same
from glossary.matcher import Matcher
from glossary.model import Term

from .store import TranslationMemory


def count_renderings(pairs: Iterable[tuple[str, str]], matcher: Matcher, term: Term,
                     source_lang: str, target_lang: str) -> dict[str, int]:
    """How a term was rendered in (source, target) pairs: a count per glossary form found in
    the target (forbidden ones included), '' for pairs where none was; most frequent first,
    ties in alphabetical order (so the same TM always reads the same). Code, placeholders
    and links are not looked in (glossary.markup)."""
    counts: Counter[str] = Counter()
    for source, target in pairs:
        if not any(m.term_id == term.id for m in matcher.find(mask(source).text, source_lang)):
            continue
        found = {m.form for m in matcher.find(mask(target).text, target_lang)
                 if m.term_id == term.id}
        counts.update(found or {""})
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def renderings(memory: TranslationMemory, matcher: Matcher, terms: Iterable[Term],
               source_lang: str = "ru", target_lang: str = "en") -> dict[str, dict[str, int]]:
    """Per term id, how the TM rendered it (see count_renderings), looking at the units
    whose side in `source_lang` holds any approved form of the term, whichever way each
    unit was stored (an English→Russian TM answers a Russian→English question too)."""
    out = {}
    for term in terms:
        units = {u.id: u for form in term.approved(source_lang)
                 for u in memory.concordance(form, source_lang)}
        pairs = [(u.source, u.target) if same(u.source_lang, source_lang) else
                 (u.target, u.source) for u in units.values()]
        out[term.id] = count_renderings(pairs, matcher, term, source_lang, target_lang)
    return out
