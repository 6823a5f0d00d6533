"""The report as one self-contained HTML page: a summary table, then every segment with
its spans highlighted (segments with findings first, the clean ones folded away).
All text is escaped; no scripts, no external resources."""
from __future__ import annotations

from html import escape

from ..engine import Report, pairs
from ..finding import ERROR
from ..registry import RULES
from .spans import Piece, by_segment, highlighted, pieces, where

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;
max-width:72em;padding:0 1em;color:#1d1d1f;background:#fff}
h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.05em;margin:0 0 .4em}
.meta{color:#555;margin:0 0 1.2em}
table{border-collapse:collapse;margin:0 0 2em;width:100%}
th,td{border:1px solid #d0d0d7;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#f2f2f6}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.zero td{color:#888}
section{border:1px solid #d0d0d7;border-radius:6px;padding:.8em 1em;margin:0 0 1em}
section.error{border-left:5px solid #c62828}section.warning{border-left:5px solid #e0a000}
.pair{display:grid;grid-template-columns:5em 1fr;gap:.2em .8em;margin:0 0 .6em}
.pair .label{color:#666;font-size:.85em;padding-top:.15em}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
mark{background:#ffe28a;border-radius:3px;padding:0 .1em;box-shadow:0 0 0 1px #e0b400}
ul{margin:0;padding-left:1.2em}li{margin:.2em 0}
.sev{display:inline-block;min-width:4.6em;font-weight:600}
.sev.error{color:#c62828}.sev.warning{color:#a06d00}
code{background:#f2f2f6;padding:0 .3em;border-radius:3px}
.sugg{color:#1b5e20}.ok{color:#1b5e20;font-weight:600}
.conf{color:#666;font-size:90%}.conf.low{font-style:italic}
details{margin:1em 0}summary{cursor:pointer;color:#444}
.clean{border-left:5px solid #9ccc65}
"""


def render(report: Report, *, title: str | None = None, **_options) -> str:
    s = report.summary()
    heading = f"Terminology check{': ' + title if title else ''}"
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(heading)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>{escape(heading)}</h1>",
           f'<p class="meta">{escape(s["source_lang"])} → {escape(s["target_lang"])} · '
           f'{s["segments"]} segments · {s["segments_with_findings"]} with findings · '
           f'<span class="sev error">{s["errors"]} errors</span> · '
           f'<span class="sev warning">{s["warnings"]} warnings</span> · {s["ignored"]} ignored</p>']
    out.append(_summary_table(report))
    flagged = set()
    if not report.findings:
        out.append('<p class="ok">No findings.</p>')
    for segment, plural, found in by_segment(report):
        flagged.add(segment)
        source, target = highlighted(report, segment, plural, found, limit=2000)
        worst = ERROR if any(f.severity == ERROR for f in found) else "warning"
        out.append(f'<section class="{worst}" id="s{segment}-{plural}">')
        out.append(f"<h2>{escape(where(report, segment, plural).capitalize())}</h2>")
        out.append(_pair(report, source, target))
        out.append("<ul>")
        for f in found:
            term = f" <code>{escape(f.term)}</code>" if f.term else ""
            sugg = (f' <span class="sugg">→ {escape(f.suggestion)}</span>' if f.suggestion else "")
            sure = (f' <span class="conf {f.confidence}" title="{escape(f.reason)}">'
                    f"{f.confidence} confidence: {escape(f.reason)}</span>")
            out.append(f'<li><span class="sev {f.severity}">{f.severity}</span> '
                       f"<code>{escape(f.rule)}</code>{term} {escape(f.message)}{sugg}{sure}</li>")
        out.append("</ul></section>")
    clean = [n for n in range(1, len(report.segments) + 1) if n not in flagged]
    if clean:
        out.append(f"<details><summary>{len(clean)} segment{'s' * (len(clean) != 1)} "
                   "without findings</summary>")
        for n in clean:
            for plural, (src, tgt) in enumerate(pairs(report.segment(n))):
                out.append(f'<section class="clean" id="s{n}-{plural}">'
                           f"<h2>{escape(where(report, n, plural).capitalize())}</h2>"
                           f"{_pair(report, pieces(src, [], 2000), pieces(tgt, [], 2000))}"
                           "</section>")
        out.append("</details>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _summary_table(report: Report) -> str:
    counts = report.summary()["by_rule"]
    rows = ["<table><thead><tr><th>Rule</th><th>Severity</th><th>Findings</th>"
            "<th>What it checks</th></tr></thead><tbody>"]
    for rule_id in report.rules:
        rule = RULES[rule_id]
        n = counts.get(rule_id, 0)
        rows.append(f'<tr class="{"zero" if not n else ""}"><td><code>{escape(rule_id)}</code></td>'
                    f'<td><span class="sev {rule.severity}">{rule.severity}</span></td>'
                    f'<td class="n">{n}</td><td>{escape(rule.description)}</td></tr>')
    rows.append("</tbody></table>")
    return "".join(rows)


def _pair(report: Report, source: list[Piece], target: list[Piece]) -> str:
    return ('<div class="pair">'
            f'<div class="label">source</div><div class="text" lang="{report.source_lang}">'
            f"{_text(source)}</div>"
            f'<div class="label">target</div><div class="text" lang="{report.target_lang}">'
            f"{_text(target)}</div></div>")


def _text(parts: list[Piece]) -> str:
    return "".join(f"<mark>{escape(chunk)}</mark>" if marked else escape(chunk)
                   for chunk, marked in parts) or '<span class="meta">(empty)</span>'
