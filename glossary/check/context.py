"""What every rule is given: the run's context and one matched source/target pair.

Each pair's source and target are matched once (source in the source language, target in
the target language) and grouped by concept here, so no rule tokenises or matches again.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from dataclasses import dataclass
from typing import Any

from .. import morph
from ..matcher import Match, Matcher
from ..model import Term
from ..normalize import fold

# pymorphy3 grammemes of proper nouns: a capitalised word read so is a name, not a term.
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
# A citation abbreviation (Т., Д., Л., том, дело, лист) is one only before a number.
_CITED = re.compile(r"\s*(?:№\s*)?\d")


@dataclass(frozen=True, slots=True)
class Ref:
    """Where a pair stands in the draft: what a draft-level rule keeps to report later."""

    segment: int
    line: int | None
    hash: str
    plural: int = 0


class Context:
    """One checking run: the glossary, the compiled matcher, the direction, rule state."""

    def __init__(self, terms: dict[str, Term], matcher: Matcher, source_lang: str,
                 target_lang: str):
        self.terms = terms
        self.matcher = matcher
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.state: dict[str, Any] = {}
        self.names = [t for t in terms.values() if t.kind == "name"]

    def term(self, term_id: str) -> Term:
        return self.terms[term_id]


class PairView:
    """One source/target pair with its matches grouped by concept.

    `src` holds every match in the source (any status: a forbidden form in the source
    still names the concept); `approved`/`forbidden` hold the target's matches by status.
    `blank` is True when the target is empty or the same text as the source: the
    untranslated rule reports that, and the rules about target wording stay silent.
    `memo` lets rules share a derived result (e.g. name variants) computed once.
    """

    __slots__ = ("ref", "source", "target", "src_matches", "tgt_matches", "src", "approved",
                 "forbidden", "blank", "memo")

    def __init__(self, ref: Ref, source: str, target: str, ctx: Context):
        self.ref = ref
        self.source = source
        self.target = target
        self.src_matches = _plausible(ctx.matcher.find(source, ctx.source_lang), source,
                                      ctx) if source else []
        stripped = target.strip()
        self.blank = not stripped or _same_text(source, target)
        self.tgt_matches = _plausible(ctx.matcher.find(target, ctx.target_lang), target,
                                      ctx) if stripped else []
        self.src: dict[str, list[Match]] = _by_term(self.src_matches)
        self.approved: dict[str, list[Match]] = _by_term(
            m for m in self.tgt_matches if m.status != "forbidden")
        self.forbidden: dict[str, list[Match]] = _by_term(
            m for m in self.tgt_matches if m.status == "forbidden")
        self.memo: dict[str, Any] = {}


def _plausible(matches: list[Match], text: str, ctx: Context) -> list[Match]:
    """Matches whose letter case and context fit the term: the matcher compares lemmas in
    lower case, so it takes «волков» (wolves) for the name Волков and «Томом» (Tom) for
    «том» (volume). Dropped: a capitalised Russian form found in lower case; a lower-case
    Russian form found capitalised where pymorphy3 reads the word as a proper noun; a
    citation abbreviation (kind=citation) not followed by a number."""
    kept = []
    for m in matches:
        term = ctx.terms.get(m.term_id)
        if term is not None and term.kind == "citation" and not _CITED.match(text, m.end):
            continue
        if m.lang == "ru" and " " not in m.text and (
                _case_clash(m.form, m.text) or not _same_part_of_speech(m.form, m.text)):
            continue
        kept.append(m)
    return kept


def _case_clash(form: str, surface: str) -> bool:
    """Whether a one-word Russian surface cannot be the glossary form by its letter case.

    A capitalised form (a name) needs a capitalised surface whose own lemmas include the
    form: «Волки» reaches «Волков» only through волков = gen. pl. of волк.

    >>> _case_clash("Волков", "волков"), _case_clash("Волков", "Волки"), _case_clash("Волков", "Волкова")
    (True, True, False)
    >>> _case_clash("том", "Томом"), _case_clash("лагерь", "Лагерь")
    (True, False)
    """
    if form[:1].isupper() and not form.isupper():
        key = form.lower().replace("ё", "е")
        return surface.islower() or (" " not in form and key not in morph.lemmas(surface.lower()))
    if form[:1].islower() and surface[:1].isupper() and not surface.isupper():
        return any(_PROPER & p.tag.grammemes for p in _plausible_parses(surface.lower()))
    return False


# Parts of speech coarsely: a participle may stand for a noun-like term, a verb may not.
_POS_CLASS = {"ADJF": "ADJ", "ADJS": "ADJ", "PRTF": "ADJ", "PRTS": "ADJ", "COMP": "ADJ",
              "INFN": "VERB", "GRND": "VERB"}


@lru_cache(maxsize=65536)
def _same_part_of_speech(form: str, surface: str) -> bool:
    """Whether a one-word surface can be the same part of speech as the glossary form:
    pymorphy3 gives a participle its verb as lemma, so «заключил» (concluded) would
    otherwise be «заключённый» (prisoner).

    >>> _same_part_of_speech("заключённый", "заключил"), _same_part_of_speech("заключённый", "заключённых")
    (False, True)
    """
    if " " in form.strip():
        return True

    def classes(word: str) -> set[str]:
        return {_POS_CLASS.get(p.tag.POS, p.tag.POS) for p in _plausible_parses(word.lower())}

    return not classes(form).isdisjoint(classes(surface))


def _plausible_parses(word: str):
    parses = morph.parse(word)
    best = max((p.score for p in parses), default=0.0)
    return [p for p in parses if p.score >= best * 0.05]  # as morph.lemmas does


def _by_term(matches) -> dict[str, list[Match]]:
    grouped: dict[str, list[Match]] = defaultdict(list)
    for m in matches:
        grouped[m.term_id].append(m)
    return dict(grouped)


def _same_text(source: str, target: str) -> bool:
    """Whether the target repeats the source (ignoring spacing, case, ё and look-alikes)."""
    if source == target:
        return bool(source.strip())
    if abs(len(source) - len(target)) > 8:
        return False
    return bool(source.strip()) and fold(source) == fold(target)
