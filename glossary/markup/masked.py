"""A text with its non-linguistic spans blanked: the record `mask` returns, and how it is
built (glossary.markup's docstring says how each kind of span is blanked)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .spans import ACCEL, MARKUP, TAG, Span

_BARRIER = "\ufffc"
_SOFT = "\u00ad"
_WRAPPERS = frozenset({TAG, MARKUP})


@dataclass(frozen=True)
class Masked:
    """A text, its non-linguistic spans (in text order) and the blanked copy (`text`)."""

    original: str
    text: str
    spans: tuple[Span, ...]

    def covers(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside one masked span."""
        return any(s.start <= start and end <= s.end for s in self.spans)

    def has_language(self) -> bool:
        """Whether any letter is left outside the masked spans."""
        return any(c.isalpha() for c in self.text)

    def compared(self) -> list[Span]:
        """The spans a translation must keep (placeholders, tags, URLs, link targets)."""
        return [s for s in self.spans if s.key is not None]


def blanked(text: str, spans: list[Span]) -> Masked:
    """`text` with `spans` (not overlapping) blanked: see glossary.markup."""
    spans = sorted(spans)
    chars = list(text)
    for s in spans:
        if s.kind == ACCEL:
            chars[s.start:s.end] = _SOFT * (s.end - s.start)
        elif s.kind in _WRAPPERS:
            chars[s.start:s.end] = " " * (s.end - s.start)
        else:
            chars[s.start:s.end] = _BARRIER + " " * (s.end - s.start - 1)
    return Masked(text, "".join(chars), tuple(spans))


def with_spans(masked: Masked, extra: Iterable[Span]) -> Masked:
    """`masked` with more spans masked (those overlapping a span it has are left out)."""
    added = [e for e in extra if e.end > e.start
             and not any(overlaps(e, s) for s in masked.spans)]
    if not added:
        return masked
    return blanked(masked.original, [*masked.spans, *added])


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
