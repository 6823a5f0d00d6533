"""What every rule is given: the run's context and one matched source/target pair.

Each pair's source and target are matched once (source in the source language, target in
the target language) and grouped by concept here, so no rule matches again. The words of a
target, which only a missing term's second look needs, are tokenised at most once per pair
(`memo`).

Matching runs on the masked texts (glossary.markup): a term inside code, a placeholder, a
URL or a link target is on neither side; the offsets are the original text's, and each
match's `text` is the original surface.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ..frequency import known_figures, zipf
from ..markup import Markup, Masked, kept_quotes, mask
from ..matcher import Match, Matcher
from ..model import Term
from ..normalize import fold
from ..ru import CYRILLIC
from ..segment import Segment
from ..variants import english_forms, english_plural
from .finding import segment_hash
from .masks import Masks
from .plausible import plausible
from .suggest import like_found


@dataclass(frozen=True, slots=True)
class Ref:
    """Where a pair stands in the draft: what a draft-level rule keeps to report later.
    The segment's hash is computed only when asked for (only findings need it)."""

    segment: int
    line: int | None
    of: Segment = field(compare=False, repr=False)
    plural: int = 0

    @property
    def hash(self) -> str:
        return segment_hash(self.of)


class Context:
    """One checking run: the glossary, the compiled matcher, the direction, rule state."""

    def __init__(self, terms: dict[str, Term], matcher: Matcher, source_lang: str,
                 target_lang: str):
        self.terms = terms
        self.matcher = matcher
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.state: dict[str, Any] = {}
        self.segments: list[Segment] = []  # the whole draft, for rules that compare units
        self.markup: Markup = Markup("none")  # which syntaxes are not language (engine sets it)
        self.names = [t for t in terms.values() if t.kind == "name"]
        self.masks = Masks()  # each distinct text masked once a run, whichever rule asks
        self._kept: dict[str, dict] = {}  # see kept

    def term(self, term_id: str) -> Term:
        return self.terms[term_id]

    def kept(self, part: str, build: Callable[[], dict], needed: bool = False) -> dict:
        """A table made from the glossary alone, kept in its compiled cache (matcher.keep) so
        that a check need not load the data it is made from. Without a cache: built when
        `needed`, else empty (building it would cost more than the few entries a check
        reads)."""
        if part not in self._kept:
            keep = self.matcher.keep
            self._kept[part] = (build() if needed else {}) if keep is None else keep(part, build)
        return self._kept[part]

    def zipf(self, word: str) -> float:
        """frequency.zipf of a source-language word, read from the compiled glossary for the
        words it keeps figures of (frequency.known_words): that spares loading wordfreq."""
        lang = self.source_lang
        figures = self.kept(f"zipf-{lang}", lambda: known_figures(self.terms.values(), lang))
        found = figures.get(word)
        return zipf(word, lang) if found is None else found

    def english_forms(self, phrase: str) -> list[str]:
        """variants.english_forms of an English rendering, read from the compiled glossary
        for the terms' approved renderings: that spares loading lemminflect's inflections."""
        found = self.kept("forms-en", self._english_forms).get(phrase)
        return english_forms(phrase) if found is None else found

    def english_plural(self, phrase: str) -> str:
        return english_plural(phrase, self.english_forms)

    def like_found(self, phrase: str, found: str) -> str:
        """suggest.like_found in the target language, English forms read as english_forms."""
        return like_found(phrase, self.target_lang, found, self.english_forms)

    def _english_forms(self) -> dict[str, list[str]]:
        renderings = {form for t in self.terms.values() for form in t.approved("en")} - {""}
        return {phrase: english_forms(phrase) for phrase in sorted(renderings)}


class PairView:
    """One source/target pair with its matches grouped by concept.

    `src` holds every match in the source (any status: a forbidden form in the source
    still names the concept); `approved`/`forbidden` hold the target's matches by status.
    `blank` is True when the target is empty or the same text as the source: the
    untranslated rule reports that, and the rules about target wording stay silent.
    `memo` lets rules share a derived result (e.g. name variants) computed once.

    `src_masked`/`tgt_masked` are the texts with their non-linguistic spans blanked (same
    offsets); `src_text`/`tgt_text` the blanked strings, what rules read words and numbers
    from. `alt_source` is, for a gettext plural form, the other source masked (msgid against
    msgid_plural): a form may follow either.
    """

    __slots__ = ("ref", "source", "target", "src_matches", "tgt_matches", "src", "approved",
                 "forbidden", "blank", "memo", "src_masked", "tgt_masked", "src_text",
                 "tgt_text", "alt_source")

    def __init__(self, ref: Ref, source: str, target: str, ctx: Context,
                 masked: tuple[Masked, Masked] | None = None, alt_source: Masked | None = None):
        self.ref = ref
        self.source = source
        self.target = target
        # A quotation the target keeps verbatim is a literal on both sides (markup.quotes).
        self.src_masked, self.tgt_masked = kept_quotes(*(masked or (mask(source), mask(target))))
        self.src_text, self.tgt_text = self.src_masked.text, self.tgt_masked.text
        self.alt_source = alt_source
        # A forbidden form in the source names something else (punitive battalion is not
        # a penal battalion), so it does not bring its concept into the segment.
        self.src_matches = [m for m in _find(ctx, self.src_masked, ctx.source_lang)
                            if m.status != "forbidden"] if source else []
        stripped = target.strip()
        self.blank = not stripped or _same_text(source, target)
        self.tgt_matches = _find(ctx, self.tgt_masked, ctx.target_lang) if stripped else []
        # Most pairs name no term: then there is nothing to group.
        self.src: dict[str, list[Match]] = _by_term(self.src_matches) if self.src_matches else {}
        self.approved: dict[str, list[Match]] = _by_term(
            m for m in self.tgt_matches if m.status != "forbidden") if self.tgt_matches else {}
        self.forbidden: dict[str, list[Match]] = _by_term(
            m for m in self.tgt_matches if m.status == "forbidden") if self.tgt_matches else {}
        self.memo: dict[str, Any] = {}


def _find(ctx: Context, masked: Masked, lang: str) -> list[Match]:
    """The glossary's plausible forms in the masked text (an accelerator is a soft hyphen
    there, which the word tests ignore), each with its original surface."""
    found = ctx.matcher.find(masked.text, lang)
    if not found:
        return found
    found = [replace(m, text=m.text.replace("\u00ad", "")) if "\u00ad" in m.text else m
             for m in found]
    found = plausible(found, masked.text, ctx.terms)
    if not masked.spans:
        return found
    return [replace(m, text=masked.original[m.start:m.end]) for m in found]


def _by_term(matches) -> dict[str, list[Match]]:
    grouped: dict[str, list[Match]] = defaultdict(list)
    for m in matches:
        grouped[m.term_id].append(m)
    return dict(grouped)


def _same_text(source: str, target: str) -> bool:
    """Whether the target repeats the source (ignoring spacing, case, ё and look-alikes)."""
    if source == target:
        return bool(source.strip())
    if abs(len(source) - len(target)) > 8 or \
            (CYRILLIC.search(source) is None) != (CYRILLIC.search(target) is None):
        return False
    return bool(source.strip()) and fold(source) == fold(target)
