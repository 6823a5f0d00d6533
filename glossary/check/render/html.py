"""The report as one self-contained HTML page a reviewer triages.

A summary table (one colour per rule: the legend; each row links to the rule's first
finding), a toolbar filtering by rule, severity, confidence and term with a text search
and counts that follow, then every segment in draft order at its anchor (``#seg-42``),
with its unit id, its spans highlighted in their rule's colour and, under each
terminology finding, the glossary entry. Clean segments are there too, hidden until the
toolbar shows them. Keys: j/n next finding, k/p previous, / search.

The page needs nothing outside itself: the style sheet and the script (report.css,
report.js beside this module) are inlined, and its Content-Security-Policy forbids any
request. Every text from the draft or the glossary is escaped. Without JavaScript every
finding is listed and the links work; only the filters are gone.
"""
from __future__ import annotations

from functools import lru_cache
from html import escape
from importlib.resources import files

from ..engine import Report, pairs
from ..finding import ERROR, Finding
from ..registry import RULES
from .records import entry
from .spans import labelled, where

LIMIT = 2000  # characters of a segment's text shown whole (longer ones around the spans)
PALETTE = 10  # colours in report.css (.c0 … .c9); rules beyond share them in turn
RELATED_SHOWN = 50  # links to other segments of a group, before "and N more"
_CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "img-src data:")


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (files(__package__) / name).read_text(encoding="utf-8")


def colour(rule_id: str) -> str:
    """The CSS class of a rule's colour: by its place in the registry, so that one rule has
    one colour in every report."""
    return f"c{list(RULES).index(rule_id) % PALETTE}" if rule_id in RULES else "c8"


def render(report: Report, *, title: str | None = None, **_options) -> str:
    s = report.summary()
    heading = f"Terminology check{': ' + title if title else ''}"
    ids = {id(f): n for n, f in enumerate(report.findings, start=1)}
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta name="color-scheme" content="light dark">',
           f"<title>{escape(heading)}</title>", f"<style>{_asset('report.css')}</style>",
           "</head>", "<body>", f"<h1>{escape(heading)}</h1>",
           f'<p class="meta">{escape(s["source_lang"])} → {escape(s["target_lang"])} · '
           f'{_n(s["segments"], "segment")} · {s["segments_with_findings"]} with findings · '
           f'<span class="sev error">{_n(s["errors"], "error")}</span> · '
           f'<span class="sev warning">{_n(s["warnings"], "warning")}</span> · '
           f'{s["ignored"]} ignored</p>',
           _summary_table(report, ids), _toolbar(report),
           "<noscript><p class=\"meta\">The filters need JavaScript; every finding is listed "
           "below.</p></noscript>"]
    if not report.findings:
        out.append('<p class="ok">No findings.</p>')
    flagged: dict[int, dict[int, list[Finding]]] = {}
    for f in report.findings:
        flagged.setdefault(f.segment, {}).setdefault(f.plural, []).append(f)
    for number in range(1, len(report.segments) + 1):
        out.append(_segment(report, number, flagged.get(number), ids))
    out += [f"<script>{_asset('report.js')}</script>", "</body>", "</html>", ""]
    return "\n".join(out)


def _summary_table(report: Report, ids: dict[int, int]) -> str:
    counts = report.summary()["by_rule"]
    first: dict[str, int] = {}
    for f in report.findings:
        first.setdefault(f.rule, ids[id(f)])
    rows = ["<table class=\"summary\"><thead><tr><th>Colour</th><th>Rule</th><th>Severity</th>"
            "<th>Findings</th><th class=\"js-only\">Shown</th><th>What it checks</th></tr>"
            "</thead><tbody>"]
    for rule_id in report.rules:
        rule = RULES[rule_id]
        n = counts.get(rule_id, 0)
        name = f"<code>{escape(rule_id)}</code>"
        if n:
            name = (f'<a href="#f-{first[rule_id]}" data-rule="{escape(rule_id)}" '
                    f'title="show only {escape(rule_id)}">{name}</a>')
        rows.append(f'<tr class="{"zero" if not n else ""}">'
                    f'<td><span class="swatch {colour(rule_id)}"></span></td><td>{name}</td>'
                    f'<td><span class="sev {rule.severity}">{rule.severity}</span></td>'
                    f'<td class="n">{n}</td>'
                    f'<td class="n js-only" data-shown="{escape(rule_id)}">{n}</td>'
                    f'<td>{escape(rule.description)}</td></tr>')
    rows.append("</tbody></table>")
    return "".join(rows)


def _toolbar(report: Report) -> str:
    def choice(key: str, label: str, values) -> str:
        options = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in values)
        return (f'<label>{label} <select id="f-{key}"><option value="">all</option>{options}'
                "</select></label>")

    found = report.findings
    confidences = sorted({c for f in found if (c := _confidence(f)[0])})
    parts = [choice("rule", "rule", [r for r in report.rules if any(f.rule == r for f in found)]),
             choice("severity", "severity", [v for v in ("error", "warning")
                                             if any(f.severity == v for f in found)]),
             choice("confidence", "confidence", confidences) if confidences else "",
             choice("term", "term", sorted({f.term for f in found if f.term})),
             '<label>search <input type="search" id="f-search" '
             'placeholder="text, term, message"></label>',
             '<label><input type="checkbox" id="f-clean"> show clean segments</label>',
             '<button type="button" id="f-reset" hidden>clear filters</button>',
             '<span id="shown"></span>',
             '<button type="button" id="f-prev" title="previous finding (k or p)">◀ previous'
             '</button><button type="button" id="f-next" title="next finding (j or n)">next ▶'
             '</button><span id="position" class="keys"></span>',
             '<span class="keys">keys: j/n next, k/p previous, / search</span>']
    return f'<div class="toolbar js-only" role="search">{"".join(parts)}</div>'


def _segment(report: Report, number: int, found: dict[int, list[Finding]] | None,
             ids: dict[int, int]) -> str:
    segment = report.segment(number)
    every = [f for group in (found or {}).values() for f in group]
    kind = "clean" if not every else ERROR if any(f.severity == ERROR for f in every) \
        else "warning"
    out = [f'<section class="seg {kind}" id="seg-{number}"{" hidden" if not every else ""}>',
           f'<h2 class="where">{escape(where(report, number, 0).capitalize())}'
           f"{_unit(segment)}"
           f'<a class="self" href="#seg-{number}" title="link to this segment">#</a></h2>']
    for plural, (source, target) in enumerate(pairs(segment)):
        group = (found or {}).get(plural, [])
        if every and not group:
            continue
        out.append('<div class="pair-block">')
        if plural:
            out.append(f'<p class="meta">plural form {plural}</p>')
        out.append(_pair(report, source, target, group, ids))
        if group:
            out.append('<ul class="findings">')
            out += [_finding(report, f, ids[id(f)]) for f in group]
            out.append("</ul>")
        out.append("</div>")
    out.append("</section>")
    return "".join(out)


def _unit(segment) -> str:
    parts = []
    if segment.id:
        parts.append(f"unit {escape(segment.id)}")
    if segment.context:
        parts.append(f"context {escape(segment.context)}")
    return f' <span class="id">· {" · ".join(parts)}</span>' if parts else ""


def _pair(report: Report, source: str, target: str, found: list[Finding],
          ids: dict[int, int]) -> str:
    def side(text: str, attr: str) -> str:
        spans = [(*getattr(f, attr), str(ids[id(f)])) for f in found if getattr(f, attr)]
        return _text(labelled(text, spans, LIMIT), {str(ids[id(f)]): f for f in found})

    return ('<div class="pair">'
            f'<div class="label">source</div><div class="text" lang="{report.source_lang}">'
            f"{side(source, 'source_span')}</div>"
            f'<div class="label">target</div><div class="text" lang="{report.target_lang}">'
            f"{side(target, 'target_span')}</div></div>")


def _text(parts, by_id: dict[str, Finding]) -> str:
    out = []
    for chunk, labels in parts:
        if not labels:
            out.append(escape(chunk))
            continue
        rules = list(dict.fromkeys(by_id[i].rule for i in labels if i in by_id))
        many = " many" if len(rules) > 1 else ""
        out.append(f'<mark class="{colour(rules[0]) if rules else "c8"}{many}" '
                   f'data-f="{" ".join(labels)}" title="{escape(", ".join(rules))}">'
                   f"{escape(chunk)}</mark>")
    return "".join(out) or '<span class="empty">(empty)</span>'


def _finding(report: Report, f: Finding, number: int) -> str:
    level, reason = _confidence(f)
    attrs = (f'id="f-{number}" data-id="{number}" data-rule="{escape(f.rule)}" '
             f'data-severity="{f.severity}" data-term="{escape(f.term or "")}" '
             f'data-confidence="{escape(level or "")}"')
    term = f" <code>{escape(f.term)}</code>" if f.term else ""
    sugg = f' <span class="sugg">→ {escape(f.suggestion)}</span>' if f.suggestion else ""
    conf = (f' <span class="conf" title="{escape(reason or "")}">({escape(level)} confidence'
            f'{": " + escape(reason) if reason else ""})</span>' if level else "")
    out = [f'<li class="finding" {attrs}><span class="sev {f.severity}">{f.severity}</span> '
           f'<span class="chip {colour(f.rule)}">{escape(f.rule)}</span>{term} '
           f"{escape(f.message)}{sugg}{conf}"]
    glossary = entry(report, f.term)
    if glossary is not None:
        out.append(_entry(glossary))
    if f.related:
        links = ", ".join(f'<a href="#seg-{n}">{n}</a>' for n in f.related[:RELATED_SHOWN])
        more = (f" and {len(f.related) - RELATED_SHOWN} more"
                if len(f.related) > RELATED_SHOWN else "")
        out.append(f'<div class="related">other segments of the group: {links}{more}</div>')
    out.append("</li>")
    return "".join(out)


def _entry(e: dict) -> str:
    parts = [f"glossary <code>{escape(e['id'])}</code>: {escape(e['source'])} → "
             f"<b>{escape(e['preferred'])}</b>"]
    if e["admitted"]:
        parts.append("also " + ", ".join(escape(a) for a in e["admitted"]))
    if e["forbidden"]:
        parts.append("not " + ", ".join(f'<span class="forbidden">{escape(x)}</span>'
                                        for x in e["forbidden"]))
    if e["note"]:
        parts.append(f"note: {escape(e['note'])}")
    return f'<div class="entry">{"; ".join(parts)}</div>'


def _confidence(f: Finding) -> tuple[str | None, str | None]:
    """The finding's confidence and its reason, where findings carry them."""
    record = f.as_dict()
    return record.get("confidence"), record.get("reason")


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"
