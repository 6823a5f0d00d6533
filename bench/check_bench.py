"""Benchmark of `glossary check`: a 50,000-segment PO draft against a 5,000-entry glossary.

    /work/venv/bin/python bench/check_bench.py            # writes bench/RESULTS-check.md
    /work/venv/bin/python bench/check_bench.py --segments 5000 --terms 1000 --no-peer

What is measured, each in a fresh process (wall time, peak RSS):

* ours: the whole CLI run, `glossary check draft.po --glossary terms.tsv --format json`,
  plus a phase breakdown (glossary load, matcher build, reading, checking, rendering) from
  one in-process run;
* the floor: pymorphy3 lemmatising the same draft's Russian words alone (regex words,
  `parse(w)[0].normal_form`), with no cache and with a dict cache;
* the peer: termflex 1.0.0 (lemma-based term QA from PyPI) on the same PO file with the
  same glossary (CSV, one row per approved en→ru pair), pymorphy3 for Russian, simplemma for
  English, one worker (it parallelises by file, and there is one file).

The draft (en→ru, as PO catalogues usually are) is built from real text: the aligned
Tatoeba and TICO-19 pairs in ../shared/data, cycled to the wanted size. Every fourth
segment gets one sentence appended that names a real term of the shipped glossary in a
random case and number: 80 % rendered correctly (inflected Russian), 10 % with a forbidden
rendering (where the term has one), 10 % with the term left out. Those planted errors are
what "recall" counts for both tools, matched by the segment's source text, not its number:
the PO writer merges entries with the same msgid (the corpus is cycled), so numbers shift;
a planted error whose source text occurs twice is left out of the count. Ours runs with
`--min-confidence low` (every finding) and recall is given for all findings and for those
of at least medium confidence (`glossary check`'s default report).

The glossary is bench/synth.py's: the shipped glossary's real terms, then Russian
adjective+noun and noun+noun(genitive) phrases from the same corpus (dictionary form),
each paired with an English bigram from the English side. The pairing is arbitrary, so a
synthetic term found in a source is almost never rendered: both tools report those as
missing; they are counted separately from the planted errors.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402

from glossary import load  # noqa: E402
from glossary.formats import write_segments  # noqa: E402
from glossary.segment import Segment  # noqa: E402
from glossary.termfiles import tsv  # noqa: E402
from glossary.variants import english_forms, inflect_ru  # noqa: E402

PYTHON = sys.executable
DATA = synth.DATA
PAIRS = [(DATA / "tatoeba-en-ru" / "tatoeba-test-v2021-08-07.eng",
          DATA / "tatoeba-en-ru" / "tatoeba-test-v2021-08-07.rus"),
         (DATA / "tico19-en-ru" / "tico19-test.eng", DATA / "tico19-en-ru" / "tico19-test.rus")]

# (English sentence, Russian sentence, case, number): {en} and {ru} are filled in.
TEMPLATES = [
    ("Nothing is known about the {en}.", "О {ru} ничего не известно.", "loct", "sing"),
    ("The archive mentions the {en}.", "В архиве упоминаются {ru}.", "nomn", "plur"),
    ("Documents of the {en} were lost.", "Документы {ru} были утеряны.", "gent", "sing"),
    ("He was sent to the {en}.", "Его направили к {ru}.", "datv", "plur"),
    ("They fought alongside the {en}.", "Они сражались вместе с {ru}.", "ablt", "sing"),
]
FILLER = {"loct": "этом", "nomn": "они", "gent": "этого", "datv": "ним", "ablt": "ними"}

# Runs a command's entry point in this process and reports time and peak memory as JSON.
WRAPPER = r"""
import json, resource, sys, time, importlib
entry, argv, report = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
module, func = entry.split(":")
started = time.perf_counter()
main = getattr(importlib.import_module(module), func)
sys.argv = argv
try:
    code = main()
except SystemExit as exc:
    code = exc.code
seconds = time.perf_counter() - started
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
json.dump({"seconds": seconds, "peak_mib": peak / 1024, "exit": code}, open(report, "w"))
"""

FLOOR = r"""
import json, re, resource, sys, time
import pymorphy3
words_re = re.compile(r"[^\W\d_]+")
texts = json.load(open(sys.argv[1]))
morph = pymorphy3.MorphAnalyzer()
words = [w.lower() for t in texts for w in words_re.findall(t) if re.search("[а-яё]", w, re.I)]
started = time.perf_counter()
for w in words:
    morph.parse(w)[0].normal_form
uncached = time.perf_counter() - started
started = time.perf_counter()
cache = {}
for w in words:
    if w not in cache:
        cache[w] = morph.parse(w)[0].normal_form
cached = time.perf_counter() - started
print(json.dumps({"words": len(words), "distinct": len(cache), "uncached": uncached,
                  "cached": cached,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PHASES = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
t0 = time.perf_counter()
from glossary import load
from glossary.matcher import Matcher
from glossary.check import check, read_draft
from glossary.check.render import RENDERERS
t1 = time.perf_counter()
g = load(sys.argv[2])
t2 = time.perf_counter()
m = Matcher(g)
t3 = time.perf_counter()
d = read_draft(sys.argv[3])
t4 = time.perf_counter()
r = check(d.segments, g, matcher=m)
t5 = time.perf_counter()
RENDERERS["json"](r)
t6 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load glossary": t2 - t1, "build matcher": t3 - t2,
                  "read draft": t4 - t3, "check": t5 - t4, "render json": t6 - t5,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


# The matcher alone on both sides of every pair, cold caches: the share of the check it takes.
MATCHER_ONLY = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from glossary import load
from glossary.matcher import Matcher
from glossary.check import pairs, read_draft
g = load(sys.argv[2])
m = Matcher(g)
d = read_draft(sys.argv[3])
t = time.perf_counter()
for s in d.segments:
    for source, target in pairs(s):
        m.find(source, "en")
        m.find(target, "ru")
print(json.dumps({"matcher": time.perf_counter() - t}))
"""


def real_pairs() -> list[tuple[str, str]]:
    pairs = []
    for en_path, ru_path in PAIRS:
        if not (en_path.exists() and ru_path.exists()):
            sys.exit(f"benchmark data missing: {DATA} (see ../shared/data/README.md)")
        en = en_path.read_text(encoding="utf-8").splitlines()
        ru = ru_path.read_text(encoding="utf-8").splitlines()
        pairs += [(e.strip(), r.strip()) for e, r in zip(en, ru) if e.strip() and r.strip()]
    return pairs


def plantable(glossary) -> list:
    """Real shipped terms that inflect in every template's case and number."""
    out = []
    for t in glossary:
        if t.id.startswith("synth-") or t.kind not in ("term", "unit", "organisation", "rank"):
            continue
        if not t.en.isascii() or not all(inflect_ru(t.ru, c, n) for _, _, c, n in TEMPLATES):
            continue
        out.append(t)
    return out


def build_draft(n: int, glossary, seed: int = 1941):
    """Segments, and the planted errors: {segment number: (kind, term id)}."""
    rng = random.Random(seed)
    pairs = real_pairs()
    terms = plantable(glossary)
    with_forbidden = [t for t in terms
                      if any(inflect_ru(f, c, n) for f in t.ru_forbidden for _, _, c, n in TEMPLATES)]
    segments, planted = [], {}
    for i in range(n):
        en, ru = pairs[i % len(pairs)]
        if i % 4 == 3:
            roll = rng.random()
            term = rng.choice(with_forbidden if roll < 0.1 and with_forbidden else terms)
            en_t, ru_t, case, number = rng.choice(TEMPLATES)
            forms = english_forms(term.en)
            en_form = forms[1] if number == "plur" and len(forms) > 1 and not \
                forms[1].endswith("'") else term.en
            forbidden = [f for f in term.ru_forbidden if inflect_ru(f, case, number)]
            if roll < 0.1 and forbidden:
                ru_form = inflect_ru(forbidden[0], case, number)
                planted[i + 1] = ("forbidden", term.id, term.en)
            elif roll < 0.2:
                ru_form = FILLER[case]
                planted[i + 1] = ("missing", term.id, term.en)
            else:
                ru_form = inflect_ru(rng.choice(term.approved("ru")), case, number) or term.ru
            en += " " + en_t.format(en=en_form)
            ru += " " + ru_t.format(ru=ru_form)
        segments.append(Segment(en, ru, source_lang="en", target_lang="ru"))
    return segments, planted


def termflex_glossary(glossary, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["en", "ru"])
        for t in glossary:
            for en in t.approved("en"):
                for ru in t.approved("ru"):
                    w.writerow([en, ru])


def measure(entry: str, argv: list[str], workdir: Path) -> dict:
    report = workdir / "measure.json"
    started = time.perf_counter()
    proc = subprocess.run([PYTHON, "-c", WRAPPER, entry, json.dumps(argv), str(report)],
                          cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - started
    if not report.exists():
        sys.exit(f"{entry} failed:\n{proc.stderr[-3000:]}")
    data = json.loads(report.read_text())
    report.unlink()
    return {**data, "wall": wall, "stdout": proc.stdout, "stderr": proc.stderr}


def po_lines(path: Path) -> dict[int, str]:
    """PO line of each entry's msgid → its msgid (for the peer, which reports lines)."""
    import polib
    catalogue = polib.pofile(str(path))
    return {e.linenum: e.msgid for e in catalogue if not e.obsolete}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--segments", type=int, default=50_000)
    ap.add_argument("--terms", type=int, default=5_000)
    ap.add_argument("--no-peer", action="store_true", help="skip termflex")
    ap.add_argument("--jobs", type=int, default=1, help="`glossary check --jobs` (default 1)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS-check.md")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="check-bench-"))
    print(f"building a {args.terms}-entry glossary …", file=sys.stderr)
    glossary = synth.glossary(args.terms)
    gloss_path = work / "terms.tsv"
    gloss_path.write_text(tsv.dumps(glossary), encoding="utf-8")
    load(gloss_path)  # the glossary must validate, as the CLI will load it
    print(f"building a {args.segments}-segment draft …", file=sys.stderr)
    segments, by_number = build_draft(args.segments, glossary)
    planted = planted_by_source(segments, by_number)
    draft = work / "draft.po"
    write_segments(draft, segments, "po", source_lang="en", target_lang="ru")
    texts = work / "russian.json"
    texts.write_text(json.dumps([s.target for s in segments], ensure_ascii=False))

    print("floor: pymorphy3 alone …", file=sys.stderr)
    floor = json.loads(subprocess.run([PYTHON, "-c", FLOOR, str(texts)], capture_output=True,
                                      text=True, check=True).stdout)

    print("ours: glossary check …", file=sys.stderr)
    ours = measure("cli:main", ["glossary", "check", str(draft), "--glossary", str(gloss_path),
                                "--format", "json", "--min-confidence", "low",
                                "--jobs", str(args.jobs)], work)
    report = json.loads(ours["stdout"])
    phases = json.loads(subprocess.run([PYTHON, "-c", PHASES, str(ROOT), str(gloss_path),
                                        str(draft)], capture_output=True, text=True,
                                       check=True).stdout)
    phases.update(json.loads(subprocess.run([PYTHON, "-c", MATCHER_ONLY, str(ROOT),
                                             str(gloss_path), str(draft)], capture_output=True,
                                            text=True, check=True).stdout))

    peer = None
    if not args.no_peer:
        print("peer: termflex …", file=sys.stderr)
        tf_gloss = work / "glossary.csv"
        termflex_glossary(glossary, tf_gloss)
        peer = measure("termflex.cli:main", [
            "termflex", str(draft), "--glossary", str(tf_gloss), "--glossary-source-field", "en",
            "--glossary-target-field", "ru", "--src", "en", "--tgt", "ru",
            "--source-lemmatizer", "simplemma", "--target-lemmatizer", "pymorphy3",
            "--output-format", "json", "--workers", "1"], work)

    print("noise: untouched Tatoeba with the shipped glossary …", file=sys.stderr)
    noise = untouched_noise()
    write_results(args, glossary, segments, planted, floor, ours, report, phases, peer, draft,
                  noise)
    print(f"wrote {args.out}", file=sys.stderr)


def untouched_noise() -> dict[str, dict]:
    """Findings on real, untouched pairs (Tatoeba, both directions) with the shipped
    glossary: none are planted, so each is a false alarm or a real slip in the corpus."""
    from glossary.check import check
    en_path, ru_path = PAIRS[0]
    en = en_path.read_text(encoding="utf-8").splitlines()
    ru = ru_path.read_text(encoding="utf-8").splitlines()
    shipped = load()
    out = {}
    for name, sources, targets in (("ru→en", ru, en), ("en→ru", en, ru)):
        segments = [Segment(s, t) for s, t in zip(sources, targets) if s.strip() and t.strip()]
        report = check(segments, shipped)
        out[name] = report.summary()
    return out


def planted_by_source(segments: list[Segment], planted: dict) -> dict[str, tuple]:
    """The planted errors by their segment's source text (what survives the PO writer's
    merging of equal msgids), those whose source text is not unique left out."""
    counts = Counter(s.source for s in segments)
    return {segments[n - 1].source: v for n, v in planted.items()
            if counts[segments[n - 1].source] == 1}


def recall_ours(report: dict, planted: dict[str, tuple], medium: bool = False) -> Counter:
    """Planted errors reported (by source text, term and rule); with `medium`, counting only
    findings of at least medium confidence."""
    hits: Counter = Counter()
    seen = {(f["source"], f["term"], f["rule"]) for f in report["findings"]
            if not medium or f.get("confidence") != "low"}
    for source, (kind, term_id, _en) in planted.items():
        rule = "forbidden-term" if kind == "forbidden" else "missing-term"
        hits[kind] += (source, term_id, rule) in seen
    return hits


def peer_results(peer: dict, draft: Path):
    """The peer's findings by the source text of their entry."""
    results = json.loads(peer["stdout"])
    lines = po_lines(draft)
    by_segment: dict[str | None, list[tuple[str, str]]] = {}
    for r in results:
        seg = lines.get(r["line"])
        for m in r["failed"]:
            by_segment.setdefault(seg, []).append((m["source_term"], "missing"))
        for m in r["succeeded"]:
            if m["status"] == "partial":
                by_segment.setdefault(seg, []).append((m["source_term"], "partial"))
    return by_segment


def write_results(args, glossary, segments, planted, floor, ours, report, phases, peer,
                  draft, noise) -> None:
    n = len(segments)
    summary = report["summary"]
    kinds = Counter(kind for kind, _, _ in planted.values())
    ours_hits = recall_ours(report, planted)
    ours_medium = recall_ours(report, planted, medium=True)
    synthetic = sum(1 for f in report["findings"] if (f["term"] or "").startswith("synth-"))
    words = sum(len(re.findall(r"\w+", s.source)) + len(re.findall(r"\w+", s.target))
                for s in segments)
    lines = [
        "# `glossary check` benchmark",
        "",
        f"Command: `.venv/bin/python bench/check_bench.py --segments {args.segments} "
        f"--terms {args.terms} --jobs {args.jobs}`  ",
        f"Machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; every figure from a "
        "fresh process, one run.",
        "",
        f"Draft: {n:,} en→ru PO segments ({words:,} words) from Tatoeba + TICO-19 pairs, "
        f"cycled; {len(planted):,} planted errors with a unique source text in {n // 4:,} "
        "term-bearing segments "
        f"({kinds['missing']:,} missing, {kinds['forbidden']:,} forbidden). Glossary: "
        f"{len(glossary):,} entries (the shipped {sum(not t.id.startswith('synth-') for t in glossary)} "
        "+ synthetic corpus phrases, see the module docstring).",
        "",
        "## Speed and memory",
        "",
        "| run | seconds | segments/s | peak MiB |",
        "|---|---:|---:|---:|",
        f"| `glossary check --jobs {args.jobs}` (whole CLI, JSON out) | {ours['seconds']:.1f} | "
        f"{n / ours['seconds']:,.0f} | {ours['peak_mib']:.0f} |",
        f"| pymorphy3 alone, no cache ({floor['words']:,} Russian words) | {floor['uncached']:.1f} "
        f"| {n / floor['uncached']:,.0f} | {floor['peak_mib']:.0f} |",
        f"| pymorphy3 alone, dict cache ({floor['distinct']:,} distinct) | {floor['cached']:.1f} "
        f"| {n / floor['cached']:,.0f} | |",
    ]
    if peer:
        lines.append(f"| termflex 1.0.0, 1 worker | {peer['seconds']:.1f} | "
                     f"{n / peer['seconds']:,.0f} | {peer['peak_mib']:.0f} |")
    check_only = phases["check"]
    lines += [
        "",
        f"Ratio of the whole check to bare lemmatisation: **{ours['seconds'] / floor['uncached']:.2f}×** "
        f"the uncached floor, {ours['seconds'] / floor['cached']:.2f}× the cached one "
        f"(the checking phase alone: {check_only / floor['uncached']:.2f}× / "
        f"{check_only / floor['cached']:.2f}×).",
    ]
    if peer:
        lines.append(f"Against the peer: {peer['seconds'] / ours['seconds']:.2f}× faster.")
    shown = {k: v for k, v in phases.items() if k not in ("peak_mib", "matcher")}
    lines += ["", "Phases of one in-process run (seconds):", "",
              "| " + " | ".join(shown) + " |", "|" + "---:|" * len(shown),
              "| " + " | ".join(f"{v:.1f}" for v in shown.values()) + " |", "",
              f"Of the checking phase, {phases['matcher']:.1f} s "
              f"({phases['matcher'] / check_only:.0%}) is `Matcher.find` on both sides of every "
              "pair (measured alone, cold caches, in another process); the rules, suggestions, "
              "draft-wide tallies and bookkeeping take the rest.",
              "", "## What each finds", "",
              "| | ours | termflex |", "|---|---:|---:|"]
    peer_by_seg = peer_results(peer, draft) if peer else {}
    peer_hits = Counter()
    for source, (kind, _tid, en) in planted.items():
        peer_hits[kind] += any(term == en for term, _ in peer_by_seg.get(source, ()))
    peer_total = sum(len(v) for v in peer_by_seg.values())
    peer_missing = sum(1 for v in peer_by_seg.values() for _, s in v if s == "missing")
    na = "n/a"
    lines += [
        f"| planted missing terms found | {ours_hits['missing']:,} / {kinds['missing']:,} | "
        f"{peer_hits['missing'] if peer else na} / {kinds['missing']:,} |",
        f"| … at ≥ medium confidence (the default report) | {ours_medium['missing']:,} / "
        f"{kinds['missing']:,} | |",
        f"| planted forbidden renderings found | {ours_hits['forbidden']:,} / {kinds['forbidden']:,}"
        f" | {peer_hits['forbidden'] if peer else na} / {kinds['forbidden']:,} (as missing) |",
        f"| … at ≥ medium confidence | {ours_medium['forbidden']:,} / {kinds['forbidden']:,} | |",
        f"| all findings | {summary['findings']:,} | {peer_total if peer else na} |",
        f"| of which on synthetic (arbitrarily paired) terms | {synthetic:,} | |",
    ]
    for rule, count in summary["by_rule"].items():
        lines.append(f"| `{rule}` | {count:,} | |")
    if peer:
        lines.append(f"| termflex `missing` / `partial` | | {peer_missing:,} / "
                     f"{peer_total - peer_missing:,} |")
    lines += ["", "termflex checks only whether each source term's listed targets occur "
              "(missing, or fewer than in the source: partial); it has no forbidden, number, "
              "script, consistency or name rules."]
    lines += ["", "## Findings on untouched real text", "",
              "Tatoeba's 19,425 pairs as they are, with the shipped glossary (a WWII-history "
              "glossary on everyday sentences: every terminology finding is a homonym such as "
              "ссылка link/exile or company firm/unit, or a real slip of the corpus):", "",
              "| direction | findings | " + " | ".join(f"`{r}`" for r in
                                                      next(iter(noise.values()))["by_rule"]) + " |",
              "|---|---:|" + "---:|" * len(next(iter(noise.values()))["by_rule"])]
    for name, s in noise.items():
        lines.append(f"| {name} | {s['findings']} | " +
                     " | ".join(str(v) for v in s["by_rule"].values()) + " |")
    seen = {(f["source"], f["term"]) for f in report["findings"]}
    missed = [source for source, (_, tid, _) in planted.items() if (source, tid) not in seen]
    if missed:
        lines += ["", "Planted errors we did not report (source of the segment; a longer "
                  "synthetic entry taking the planted word by longest match is the usual cause):",
                  ""]
        lines += [f"- “{source[-70:]}” ({planted[source][1]})" for source in missed[:5]]
    lines.append("")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
