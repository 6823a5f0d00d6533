"""Whether the glossary fits the draft at all: the share of term occurrences it renders.

When a glossary describes a text, most occurrences of its terms in the draft are rendered
the approved way: the translator followed it, or it records the usual rendering. When
across the whole draft only a minority are, the glossary was made for other texts (a
military glossary on news about an epidemic: «область» is a region, «госпиталь» any
hospital) or was not used, and a missing rendering of a single word says little about
that word: it is most likely the word in another sense. Then missing-term's findings of
single-word and common terms are low, and one summary finding says why (the pattern of
consistency.py's summary of a draft of alternatives). A term that no segment of such a
draft renders the glossary's way, in at least FOLDED_MIN segments, is used throughout in
another sense or another rendering: its low findings would each say the same, so the
summary says it once, names the term and lists its segments (`related`) instead.

An occurrence is one segment naming one concept (a segment naming it twice is one
witness); names (people, places, organisations) are left out, since a name is rendered by
its usual spelling whatever glossary one uses, which says nothing of fit.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from collections.abc import Iterator

from ..model import is_proper
from .confidence import LOW, MEDIUM, SPECIFIC
from .context import Context, Ref
from .registry import Issue

# Occurrences a draft needs before their share says anything: at 30 the share's standard
# error is at most 0.09, so a share under FIT_SHARE is not one or two slips' chance.
MIN_OCCURRENCES = 30
# "Most occurrences follow the glossary" is the phenomenon: below half, the draft's usual
# rendering of its terms is not the glossary's.
FIT_SHARE = 0.5
LISTED = 5  # departed terms a summary names
# Segments a term must be named in, none rendering it, before its findings are folded into
# the summary: one or two may be slips; three all the same way are the draft's usage.
FOLDED_MIN = 3


@dataclass(frozen=True)
class Fit:
    followed: int
    named: int
    departed: list[tuple[str, int, int]]  # (term id, departures, occurrences), most first
    # Filled while the held-back findings are finished (`folds`): term id -> segments whose
    # finding the summary stands for. The record is frozen; this one field is its log.
    folded: dict[str, list[int]] = field(default_factory=dict)

    @property
    def fits(self) -> bool:
        return self.named < MIN_OCCURRENCES or self.followed >= FIT_SHARE * self.named

    @property
    def share(self) -> float:
        return self.followed / self.named if self.named else 1.0

    def message(self) -> str:
        listed = ", ".join(f"{term} ({gone} of {n})" for term, gone, n in self.departed[:LISTED])
        return (f"{self.followed} of {self.named} term occurrences follow the glossary: it "
                f"may not fit this text or was not used; most often rendered otherwise: "
                f"{listed}")

    def folds(self, term: str | None, level: str, segment: int) -> bool:
        """Whether the summary stands for this finding (recorded in `folded`): a low one
        of a term no segment renders, of at least FOLDED_MIN, in a draft the glossary
        does not fit."""
        if self.fits or level != LOW or term is None or not any(
                t == term and gone == n >= FOLDED_MIN for t, gone, n in self.departed):
            return False
        self.folded.setdefault(term, []).append(segment)
        return True

    def judge(self, level: str, reason: str, kind: str, form: str) -> tuple[str, str]:
        """A missing rendering's confidence in this draft: low for a single-word or common
        term where the glossary does not fit; a multiword specific term's words name the
        concept whatever the rest of the draft does, so it keeps its own."""
        if self.fits or level == LOW or (kind == SPECIFIC and " " in form):
            return level, reason
        return LOW, (f"{reason}; but only {self.followed} of the draft's {self.named} term "
                     "occurrences follow the glossary: it may not fit this text")

    def summary(self, ctx: Context, named: dict[str, set[int]]) -> Iterator[tuple[Ref, Issue]]:
        """The one finding saying the glossary does not fit, on the first segment naming a
        departed term, with the findings it stands for (`folded`) named and listed as
        related; none where it fits."""
        if self.fits:
            return
        first = min(s for term_id, _, _ in self.departed for s in named[term_id])
        segment = ctx.segments[first - 1]
        related = sorted({s for segments in self.folded.values() for s in segments} - {first})
        said = ""
        if self.folded:
            terms = ", ".join(sorted(self.folded))
            n = sum(len(segments) for segments in self.folded.values())
            said = (f"; not reported one by one: {n} low finding{'s' * (n != 1)} of {terms}, "
                    "which no segment renders as the glossary says (their segments are this "
                    "finding's related ones)")
        yield Ref(first, segment.line, segment), Issue(
            self.message() + said, confidence=MEDIUM, related=tuple(related),
            reason=f"a summary of the whole draft: {round(self.share * 100)}% of its term "
                   f"occurrences follow the glossary (at least {round(FIT_SHARE * 100)}% "
                   "where it fits); its single-word and common terms' findings are low")


def of_draft(ctx: Context, named: dict[str, set[int]], rendered: dict[str, set[int]]) -> Fit:
    """The draft's fit from missing-term's witnesses: per concept the segments naming it
    and those rendering it as the glossary says."""
    followed = total = 0
    departed = []
    for term_id, segments in named.items():
        if is_proper(ctx.term(term_id).kind):
            continue
        n, k = len(segments), len(segments & rendered.get(term_id, set()))
        total += n
        followed += k
        if k < n:
            departed.append((term_id, n - k, n))
    departed.sort(key=lambda d: (-d[1], d[0]))
    return Fit(followed, total, departed)
