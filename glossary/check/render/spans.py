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
    return [(chunk, bool(labels)) for chunk, labels in
            labelled(text, [(a, b, "") for a, b in spans], limit, context)]


def labelled(text: str, spans: Iterable[tuple[int, int, str]], limit: int = 400,
             context: int = 80) -> list[tuple[str, tuple[str, ...]]]:
    """Like `pieces`, but each highlighted chunk says which labels (e.g. finding ids) cover
    it, so that overlapping spans of different findings stay apart.

    >>> labelled("special camps", [(0, 13, "a"), (8, 13, "b")])
    [('special ', ('a',)), ('camps', ('a', 'b'))]
    """
    spans = [(max(0, a), min(len(text), b), label) for a, b, label in spans]
    merged: list[list[int]] = []
    for a, b in sorted((a, b) for a, b, _ in spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out: list[tuple[str, tuple[str, ...]]] = []
    long = len(text) > limit
    pos = 0
    for a, b in merged:
        gap = text[pos:a]
        if long and len(gap) > 2 * context:
            head = gap[:context] if pos else ""
            out += [(head, ())] if head else []
            out += [(ELLIPSIS, ()), (gap[-context:], ())]
        elif gap:
            out.append((gap, ()))
        out += _split(text, a, b, spans)
        pos = b
    tail = text[pos:]
    if long and len(tail) > context + (0 if merged else limit - context):
        keep = context if merged else limit
        out += [(tail[:keep], ()), (ELLIPSIS, ())]
    elif tail:
        out.append((tail, ()))
    return out


def _split(text: str, a: int, b: int, spans: list[tuple[int, int, str]]
           ) -> list[tuple[str, tuple[str, ...]]]:
    """The highlighted stretch [a, b) cut where the set of spans covering it changes."""
    inside = [s for s in spans if s[0] < b and s[1] > a] or [(a, b, "")]
    edges = sorted({a, b, *(x for s in inside for x in s[:2] if a < x < b)})
    out = []
    for start, end in zip(edges, edges[1:]):
        labels = tuple(dict.fromkeys(lab for x, y, lab in inside if x <= start and y >= end))
        out.append((text[start:end], labels or ("",)))
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
