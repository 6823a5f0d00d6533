"""The report for people at a terminal: grouped by segment, spans highlighted."""
from __future__ import annotations

from ..engine import Report
from ..confidence import HIGH
from ..finding import ERROR
from .spans import Piece, by_segment, highlighted, where

# Without colour, spans are marked so that they still show in a file or a pipe.
OPEN, CLOSE = "[[", "]]"
# ANSI SGR codes (what a terminal understands; the library does not depend on click).
_SGR = {"bold": 1, "underline": 4, "red": 31, "green": 32, "yellow": 33, "magenta": 35,
        "cyan": 36}


def render(report: Report, *, color: bool = False, title: str | None = None) -> str:
    lines: list[str] = []
    for segment, plural, found in by_segment(report):
        source, target = highlighted(report, segment, plural, found)
        lines.append(_style(where(report, segment, plural), color, "bold"))
        lines.append(f"  source: {_line(source, color)}")
        lines.append(f"  target: {_line(target, color)}")
        for f in found:
            severity = _style(f"{f.severity:<7}", color, "red" if f.severity == ERROR else "yellow")
            rule = _style(f"{f.rule:<17}", color, "cyan")
            lines.append(f"  {severity} {rule} {f.message}")
            if f.confidence != HIGH:
                lines.append(f"  {'':7} {'':17} ({f.confidence} confidence: {f.reason})")
            if f.suggestion:
                lines.append(f"  {'':7} {'':17} → {_style(f.suggestion, color, 'green')}")
        lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def left_out(report: Report) -> str:
    """How many findings --min-confidence left out, and how to see them."""
    n = report.below_confidence
    return (f"{n} finding{'s' * (n != 1)} below {report.min_confidence} confidence left out "
            "(--min-confidence low shows all)")


def summary_line(report: Report) -> str:
    s = report.summary()
    direction = f"{s['source_lang']}→{s['target_lang']}"
    ignored = f", {s['ignored']} ignored" if s["ignored"] else ""
    if s["below_min_confidence"]:
        ignored += f"; {left_out(report)}"
    if not s["findings"]:
        return f"No findings in {s['segments']} segment{'s' * (s['segments'] != 1)} ({direction}{ignored})."
    return (f"{s['errors']} error{'s' * (s['errors'] != 1)}, {s['warnings']} "
            f"warning{'s' * (s['warnings'] != 1)} in {s['segments_with_findings']} of "
            f"{s['segments']} segments ({direction}{ignored}).")


def _line(pieces: list[Piece], color: bool) -> str:
    if not any(chunk for chunk, _ in pieces):
        return "(empty)"
    out = []
    for chunk, marked in pieces:
        chunk = " ".join(chunk.split("\n")).replace("\t", " ")
        if marked:
            out.append(_style(chunk, True, "magenta", "bold", "underline") if color
                       else f"{OPEN}{chunk}{CLOSE}")
        else:
            out.append(chunk)
    return "".join(out)


def _style(text: str, color: bool, *styles: str) -> str:
    """Text in colours and styles on a terminal (`color`), else as it is.

    >>> _style("camp", True, "red", "bold")
    '\\x1b[31m\\x1b[1mcamp\\x1b[0m'
    """
    if not color:
        return text
    return "".join(f"\x1b[{_SGR[s]}m" for s in styles) + text + "\x1b[0m"
