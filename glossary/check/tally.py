"""Counting which approved variant each segment uses, for the draft-wide rules
(inconsistent-term, and name-spelling's two-spellings check)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from ..matcher import Match
from .context import Ref

Use = tuple[Ref, tuple[int, int], str]  # where, target span, text as written


def record(by_form: dict[str, list[Use]], ref: Ref, matches: Iterable[Match],
           key: Callable[[Match], str] = lambda m: m.form) -> None:
    """Note the first use of each glossary form (or of each `key` of forms) among one
    pair's matches of a concept."""
    first: dict[str, Match] = {}
    for m in matches:
        first.setdefault(key(m), m)
    for form, m in first.items():
        by_form.setdefault(form, []).append((ref, (m.start, m.end), m.text))


def minorities(by_form: dict[str, list[Use]], approved: tuple[str, ...], ties: bool = True
               ) -> Iterator[tuple[Use, str, str, Counter]]:
    """(use, its form, the majority form, segment counts) for every use of a form other
    than the one most segments use; ties go to the form the glossary lists first, or, when
    `ties` is False, are no inconsistency (nothing is reported). A segment
    that also uses the majority form is not reported: its two mentions of the concept may
    well be rendered two ways on purpose (Order No. 227 … «Not a step back»)."""
    if len(by_form) < 2:
        return
    order = {f: i for i, f in enumerate(approved)}
    counts = Counter({form: len({ref.segment for ref, _, _ in uses})
                      for form, uses in by_form.items()})
    (_, first), (_, second) = counts.most_common(2)
    if first == second and not ties:
        return
    majority = max(counts, key=lambda f: (counts[f], -order.get(f, len(order))))
    with_majority = {ref.segment for ref, _, _ in by_form[majority]}
    for form, uses in by_form.items():
        if form != majority:
            for use in uses:
                if use[0].segment not in with_majority:
                    yield use, form, majority, counts
