"""Cutting a segment's text into plain and highlighted pieces, shortened around the spans
when the text is long (a 3 MB segment is shown as windows, not printed whole)."""
from __future__ import annotations

from collections.abc import Iterable

from ..engine import Report, pairs
from ..finding import Finding

Piece = tuple[str, bool]  # (text, highlighted)
ELLIPSIS = " … "


def pieces(text: str, spans: Iterable[tuple[int, int]], limit: int = 400,
           context: int = 80) -> list[Piece]:
    """The text as (chunk, highlighted) pieces; overlapping spans are merged. A text longer
    than `limit` keeps only `context` characters around each span.

    >>> pieces("special and filtration camps", [(0, 7), (23, 28)])
    [('special', True), (' and filtration ', False), ('camps', True)]
    >>> pieces("x" * 1000 + "camp" + "y" * 1000, [(1000, 1004)], context=3)
    [(' … ', False), ('xxx', False), ('camp', True), ('yyy', False), (' … ', False)]
    """
    merged: list[list[int]] = []
    for a, b in sorted((max(0, a), min(len(text), b)) for a, b in spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out: list[Piece] = []
    long = len(text) > limit
    pos = 0
    for a, b in merged:
        gap = text[pos:a]
        if long and len(gap) > 2 * context:
            head = gap[:context] if pos else ""
            out += [(head, False)] if head else []
            out += [(ELLIPSIS, False), (gap[-context:], False)]
        elif gap:
            out.append((gap, False))
        out.append((text[a:b], True))
        pos = b
    tail = text[pos:]
    if long and len(tail) > context + (0 if merged else limit - context):
        keep = context if merged else limit
        out += [(tail[:keep], False), (ELLIPSIS, False)]
    elif tail:
        out.append((tail, False))
    return out


def by_segment(report: Report) -> list[tuple[int, int, list[Finding]]]:
    """(segment, plural, findings) in report order."""
    groups: dict[tuple[int, int], list[Finding]] = {}
    for f in report.findings:
        groups.setdefault((f.segment, f.plural), []).append(f)
    return [(seg, plural, found) for (seg, plural), found in groups.items()]


def texts(report: Report, segment: int, plural: int) -> tuple[str, str]:
    """The source and target text a finding's spans point into."""
    return pairs(report.segment(segment))[plural]


def highlighted(report: Report, segment: int, plural: int, found: list[Finding],
                limit: int = 400) -> tuple[list[Piece], list[Piece]]:
    source, target = texts(report, segment, plural)
    return (pieces(source, [f.source_span for f in found if f.source_span], limit),
            pieces(target, [f.target_span for f in found if f.target_span], limit))


def where(report: Report, segment: int, plural: int) -> str:
    """`segment 3, line 17` (and the plural form when it is one)."""
    line = report.segment(segment).line
    parts = [f"segment {segment}"]
    if line is not None:
        parts.append(f"line {line}")
    if plural:
        parts.append(f"plural form {plural}")
    return ", ".join(parts)
