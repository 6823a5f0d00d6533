"""TM matches weighed against the glossary: a match whose target uses a rendering the
glossary forbids is flagged, with the approved one, by the checker's own forbidden-term rule
(so a match is judged exactly as a draft would be)."""
from __future__ import annotations

from collections.abc import Iterable

from glossary.check.engine import check
from glossary.check.finding import Finding
from glossary.langtags import primary
from glossary.markup import mask
from glossary.matcher import Matcher
from glossary.model import Term
from glossary.segment import Segment

RULE = "forbidden-term"


class Vetter:
    """Checks (source, target) pairs against one glossary; the matcher is built once."""

    def __init__(self, glossary: Iterable[Term], matcher: Matcher | None = None):
        self.terms = list(glossary)
        self.matcher = matcher or Matcher(self.terms)

    def forbidden(self, source: str, target: str, source_lang: str | None,
                  target_lang: str | None) -> list[Finding]:
        """The forbidden renderings in `target` of terms named in `source` (each finding's
        message names the form, its suggestion the approved rendering); none for a pair
        that is not Russian–English."""
        src, tgt = primary(source_lang), primary(target_lang)
        if {src, tgt} != {"ru", "en"}:
            return []
        if all(m.status == "forbidden" for m in self.matcher.find(mask(source).text, src)):
            return []  # the source names no concept: the rule has nothing to look for
        report = check([Segment(source, target, src, tgt)], self.terms, matcher=self.matcher,
                       source_lang=src, target_lang=tgt, rules=(RULE,))
        return report.findings


def describe(finding: Finding) -> str:
    """One line for a flagged match: what is forbidden and what to use instead."""
    use = f"; use «{finding.suggestion}»" if finding.suggestion else ""
    return f"{finding.message}{use}"
