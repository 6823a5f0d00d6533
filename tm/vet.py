"""TM matches weighed against the glossary: a match whose target uses a rendering the
glossary forbids is flagged, with the approved one, by the checker's own forbidden-term rule
(so a match is judged exactly as a draft would be)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from glossary.langtags import primary
from glossary.markup import mask
from glossary.markup.plain import is_plain
from glossary.matcher import Matcher
from glossary.model import Term
from glossary.segment import Segment

if TYPE_CHECKING:
    from glossary.check.finding import Finding

RULE = "forbidden-term"


class Vetter:
    """Checks (source, target) pairs against one glossary; the matcher is built once."""

    def __init__(self, glossary: Iterable[Term], matcher: Matcher | None = None, *,
                 many: bool = False):
        """`many`: many pairs are to be vetted (a batch search, a pre-translation), so the
        matcher rules out most of their words without analysing them (Matcher.sift: the
        same answers, for a word list loaded once)."""
        self.terms = list(glossary)
        self.matcher = matcher or Matcher(self.terms)
        if many:
            self.matcher.sift()
        # Per language, the concepts with a forbidden form in it: the only ones the rule
        # can report (few in a glossary), so a source naming none of them needs no check.
        self._forbidding = {lang: frozenset(t.id for t in self.terms if t.forbidden(lang))
                            for lang in ("ru", "en")}
        # A TM returns the same unit for many queries: each distinct pair is judged once.
        self._judged: dict[tuple[str, str, str, str], list[Finding]] = {}

    def forbidden(self, source: str, target: str, source_lang: str | None,
                  target_lang: str | None) -> list[Finding]:
        """The forbidden renderings in `target` of terms named in `source` (each finding's
        message names the form, its suggestion the approved rendering); none for a pair
        that is not Russian–English."""
        src, tgt = primary(source_lang), primary(target_lang)
        if {src, tgt} != {"ru", "en"}:
            return []
        key = (source, target, str(src), str(tgt))
        if key not in self._judged:
            self._judged[key] = self._check(*key)
        return list(self._judged[key])

    def _check(self, source: str, target: str, src: str, tgt: str) -> list[Finding]:
        forbidding = self._forbidding[tgt]
        if not any(m.status != "forbidden" and m.term_id in forbidding
                   for m in self.matcher.find(_masked(source), src)):
            return []  # the source names no concept with a forbidden rendering to look for
        # Imported here: the checker package costs a tenth of a second to import, and a TM
        # search that meets no forbidden concept (the usual case) never needs it.
        from glossary.check.engine import check

        report = check([Segment(source, target, src, tgt)], self.terms, matcher=self.matcher,
                       source_lang=src, target_lang=tgt, rules=(RULE,))
        return report.findings


def _masked(text: str) -> str:
    """The text with its markup blanked; prose (most TM units) as it is, without running
    the markup finders that `is_plain` says would find nothing."""
    return text if is_plain(text) else mask(text).text


def describe(finding: Finding) -> str:
    """One line for a flagged match: what is forbidden and what to use instead."""
    use = f"; use «{finding.suggestion}»" if finding.suggestion else ""
    return f"{finding.message}{use}"
