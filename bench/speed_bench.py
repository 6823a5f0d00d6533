"""Issue 13's speed bar, measured side by side: every comparison run back to back in one
run, repeated, the median taken. Each figure is a whole process (start-up included) timed
from outside, with its CPU time (user + sys, children included) and peak memory (max RSS).

    .venv/bin/python bench/speed_bench.py [--repeat 3] [--only check lookup tm]

* check: the 28,700-segment ru→en mix (bench/mix.py), as one PO file, against the 18-entry
  specialised glossary (tests/data/small.tsv) and against the shipped glossary:
  `glossary check` (JSON out, compiled-glossary cache warm; default jobs and --jobs 1)
  next to the floor (bare pymorphy3 with the DAWG2 backend lemmatising the source words,
  each distinct word once: a process that loads pymorphy3, reads the PO with polib and
  lemmatises) and termflex 1.0.0 (same PO, the glossary as CSV, pymorphy3 for Russian,
  simplemma for English, one worker).
* lookup: `glossary lookup WORD` with the shipped glossary and a 10,000-entry one
  (bench/synth.py), cold (empty cache directory) and warm.
* tm: `glossary tm import` of the Tatoeba TMX (19,425 pairs) into a new TM (--jobs 1 and
  the default); `glossary tm search --batch` of 1,000 inflected queries (one noun or
  adjective put in another case, bench/tm_bench.py) next to translate-toolkit's matcher
  in a new process (building it from the same TM as PO included) and next to the import
  and search of main's checkout (`--baseline DIR`, optional; its search reads the TM its
  import made, which may be of another schema); recall@1 of each.

Our packages (and the baseline's) are byte-compiled first, as installing them does: see
byte_compile.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import check_bench  # noqa: E402
import mix  # noqa: E402
import synth  # noqa: E402
import tm_bench  # noqa: E402

from glossary.formats import write_segments  # noqa: E402
from glossary.segment import Segment  # noqa: E402
from glossary.termfiles import tsv  # noqa: E402

PYTHON = sys.executable
GLOSSARY = [sys.executable, "-c", "from cli import run; run()"]  # as the `glossary` script

FLOOR = r"""
import re, sys, time
started = time.perf_counter()
import polib, pymorphy3
morph = pymorphy3.MorphAnalyzer()
words_re = re.compile(r"[^\W\d_]+")
cache = {}
for entry in polib.pofile(sys.argv[1]):
    for w in words_re.findall(entry.msgid):
        w = w.lower()
        if w not in cache and re.search("[а-яё]", w):
            cache[w] = morph.parse(w)[0].normal_form
from pymorphy3.dawg import EXTENSION_AVAILABLE
assert EXTENSION_AVAILABLE, "the floor is measured with the DAWG2 backend"
print(len(cache))
"""

PEER_TM = r"""
import sys, json
from translate.search.match import matcher
from translate.storage import po
from translate.storage.base import TranslationUnit
TranslationUnit.__lt__ = lambda self, other: id(self) < id(other)  # see tm_bench.run_peer
pairs = json.load(open(sys.argv[1], encoding="utf-8"))
store = po.pofile()
for ru, en in pairs:
    store.addsourceunit(ru).target = en
match = matcher(store, max_candidates=5, min_similarity=75, max_length=1000)
for query in open(sys.argv[2], encoding="utf-8").read().splitlines():
    print(json.dumps([str(u.source) for u in match.matches(query)], ensure_ascii=False))
"""


def run(argv: list[str], env: dict | None = None, ok=(0, 1)) -> dict:
    """Wall, CPU and peak RSS of one process; its stdout."""
    stats = Path(tempfile.mktemp(prefix="speed-time-"))
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", str(stats), *argv],
                          cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    wall = time.perf_counter() - started
    if done.returncode not in ok:
        sys.exit(f"{argv[:6]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    user, system, peak = stats.read_text().split()[-3:]
    stats.unlink()
    return {"wall": wall, "cpu": float(user) + float(system), "mib": int(peak) / 1024,
            "stdout": done.stdout}


def byte_compile(*roots: Path) -> None:
    """Write the .pyc files of our packages under each root. Installing a package compiles
    it (the peers' are), but a checkout run with PYTHONDONTWRITEBYTECODE set (as here)
    compiled every module from source in every timed process: ~0.2 CPU-s of start-up that
    no installed copy pays."""
    for root in roots:
        for package in ("glossary", "tm", "cli"):
            compileall.compile_dir(root / package, quiet=1)


def median_runs(runs: dict[str, list[dict]]) -> dict[str, dict]:
    return {name: {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu", "mib")}
            for name, rs in runs.items()}


def repeat(commands: dict[str, tuple], times: int) -> dict[str, dict]:
    """Each command once per round, rounds back to back; medians per command."""
    runs: dict[str, list[dict]] = {name: [] for name in commands}
    for _ in range(times):
        for name, (argv, env) in commands.items():
            runs[name].append(run(argv, env))
    return median_runs(runs)


def table(title: str, rows: dict[str, dict], base: str | None = None, units: int | None = None,
          unit: str = "segments") -> str:
    lines = [f"### {title}", "", f"| run | wall s | CPU s | peak MiB |"
             + (f" {unit}/s (wall) |" if units else "") + (f" wall ÷ {base} |" if base else ""),
             "|---|---:|---:|---:|" + ("---:|" if units else "") + ("---:|" if base else "")]
    for name, r in rows.items():
        cells = f"| {name} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['mib']:.0f} |"
        if units:
            cells += f" {units / r['wall']:,.0f} |"
        if base:
            cells += f" {r['wall'] / rows[base]['wall']:.2f}× |"
        lines.append(cells)
    return "\n".join(lines) + "\n"


def bench_check(work: Path, times: int) -> str:
    segments = [Segment(ru, en) for ru, en in mix.mix()]
    draft = work / "mix.po"
    write_segments(draft, segments, "po", source_lang="ru", target_lang="en")
    cache = {"GLOSSARY_CACHE_DIR": str(work / "cache")}
    out = []
    for label, glossary in (("18-entry specialised glossary", mix.GLOSSARY),
                            ("shipped glossary", None)):
        from glossary import load
        terms = load(glossary)
        csv_path = work / f"termflex-{len(terms)}.csv"
        check_bench.termflex_glossary(terms, csv_path)
        g = ["--glossary", str(glossary)] if glossary else []
        ours = [*GLOSSARY, "check", str(draft), *g, "--format", "json"]
        run(ours, cache)  # warms the compiled-glossary cache
        rows = repeat({
            "floor: pymorphy3 (DAWG2) lemmatising the source words, each once": (
                [PYTHON, "-c", FLOOR, str(draft)], None),
            "`glossary check` (default jobs)": (ours, cache),
            "`glossary check --jobs 1`": ([*ours, "--jobs", "1"], cache),
            "termflex 1.0.0, 1 worker": (
                [PYTHON, "-c", "from termflex.cli import main; main()", str(draft),
                 "--glossary", str(csv_path), "--glossary-source-field", "ru",
                 "--glossary-target-field", "en", "--src", "ru", "--tgt", "en",
                 "--source-lemmatizer", "pymorphy3", "--target-lemmatizer", "simplemma",
                 "--output-format", "json", "--workers", "1"], None),
        }, times)
        floor = "floor: pymorphy3 (DAWG2) lemmatising the source words, each once"
        out.append(table(f"check, 28,700 segments, {label} ({len(terms)} entries)", rows,
                         base=floor, units=len(segments)))
        peer = rows["termflex 1.0.0, 1 worker"]["wall"]
        out.append("Against termflex: " + ", ".join(
            f"{name} {peer / rows[name]['wall']:.2f}× faster" for name in
            ("`glossary check` (default jobs)", "`glossary check --jobs 1`")) + ".\n")
    return "\n".join(out)


def bench_lookup(work: Path, times: int) -> str:
    big = work / "terms10k.tsv"
    big.write_text(tsv.dumps(synth.glossary(10_000)), encoding="utf-8")
    out = []
    from glossary import load
    shipped = f"shipped glossary ({len(load(None))} entries)"
    for label, glossary in ((shipped, None), ("10,000 entries", big)):
        g = ["--glossary", str(glossary)] if glossary else []
        commands = {}
        for query in ("заградотрядами", "penal battalions"):
            argv = [*GLOSSARY, "lookup", query, *g]
            cold = []
            for i in range(times):
                cold.append(run(argv, {"GLOSSARY_CACHE_DIR": str(work / f"cold-{label[:3]}-{query[:3]}-{i}")}))
            warm_env = {"GLOSSARY_CACHE_DIR": str(work / "warm")}
            run(argv, warm_env)
            commands[f"`lookup {query}` warm"] = (argv, warm_env)
            out_rows = repeat(commands, times)
            out_rows[f"`lookup {query}` cold (new cache)"] = median_runs({"x": cold})["x"]
            commands.clear()
            out.append(table(f"lookup, {label}: {query}", out_rows))
    return "\n".join(out)


def bench_tm(work: Path, times: int, baseline: Path | None, queries_n: int) -> str:
    rng = random.Random(1941)
    pairs = [(r.strip(), e.strip()) for r, e in zip(
        (synth.DATA / "tatoeba-en-ru/tatoeba-test-v2021-08-07.rus").read_text(encoding="utf-8").splitlines(),
        (synth.DATA / "tatoeba-en-ru/tatoeba-test-v2021-08-07.eng").read_text(encoding="utf-8").splitlines())
        if r.strip() and e.strip()]
    tmx = work / "tatoeba.tmx"
    write_segments(tmx, (Segment(r, e) for r, e in pairs), "tmx", source_lang="ru",
                   target_lang="en")
    out = []
    importers = {"`tm import` --jobs 1": (GLOSSARY, ["--jobs", "1"], None),
                 "`tm import` (default jobs)": (GLOSSARY, [], None)}
    if baseline is not None:  # main's import too (its TM is the one its search reads)
        importers["main's `tm import` --jobs 1"] = (_baseline_argv(baseline), ["--jobs", "1"],
                                                    {"PYTHONPATH": str(baseline)})
    runs: dict[str, list[dict]] = {name: [] for name in importers}
    for i in range(times):  # the importers in turn, round after round
        for n, (name, (argv, extra, env)) in enumerate(importers.items()):
            db = work / f"import-{n}-{i}.sqlite"
            runs[name].append(run([*argv, "tm", "import", str(tmx), "--tm", str(db), *extra], env))
    out.append(table(f"tm import, Tatoeba TMX ({len(pairs):,} pairs), new TM",
                     median_runs(runs), units=len(pairs), unit="units"))
    db = work / "import-0-0.sqlite"
    distinct = list(dict.fromkeys(pairs))
    queries = [(k, q, s) for k, q, s in tm_bench.make_queries(distinct, queries_n * 3, rng)
               if k == "inflect"][:queries_n]
    listing = work / "queries.txt"
    listing.write_text("".join(q + "\n" for _k, q, _s in queries), encoding="utf-8")
    tm_json = work / "tm.json"
    tm_json.write_text(json.dumps(distinct, ensure_ascii=False), encoding="utf-8")
    search = [*GLOSSARY, "tm", "search", "--batch", str(listing), "--tm", str(db), "--min", "75",
              "--limit", "5"]
    commands = {"ours: `glossary tm search --batch`": (search, None),
                "translate-toolkit matcher (new process, built from the TM)": (
                    [PYTHON, "-c", PEER_TM, str(tm_json), str(listing)], None)}
    if baseline is not None:
        # On sys.path ahead of the working directory (this checkout), which `-c` puts first.
        main_search = [*search[3:]]
        main_search[main_search.index("--tm") + 1] = str(work / "import-2-0.sqlite")
        commands["main's `glossary tm search --batch` (today)"] = (
            [*_baseline_argv(baseline), *main_search], {"PYTHONPATH": str(baseline)})
    runs = {name: [] for name in commands}
    answers = {}
    for _ in range(times):
        for name, (argv, env) in commands.items():
            r = run(argv, env)
            runs[name].append(r)
            answers[name] = r["stdout"]
    rows = median_runs(runs)
    peer = "translate-toolkit matcher (new process, built from the TM)"
    out.append(table(f"tm search --batch, {len(queries):,} inflected queries, Tatoeba TM", rows,
                     base=peer))
    recall = {}
    for name, text in answers.items():
        got = [json.loads(line) for line in text.splitlines()]
        got = [[m["source"] for m in g["matches"]] if isinstance(g, dict) else g for g in got]
        recall[name] = sum(bool(g) and g[0] == s for g, (_k, _q, s) in zip(got, queries))
    out.append("recall@1: " + ", ".join(f"{n} {v}/{len(queries)}" for n, v in recall.items())
               + f". Ours {rows[peer]['wall'] / rows['ours: `glossary tm search --batch`']['wall']:.1f}× "
               "faster than the peer, start-up included.\n")
    return "\n".join(out)


def _baseline_argv(baseline: Path) -> list[str]:
    """Our command line run from a checkout of main: on sys.path ahead of the working
    directory (this checkout), which `-c` puts first."""
    return [PYTHON, "-c", f"import sys; sys.path.insert(0, {str(baseline)!r}); "
            "from cli import run; run()"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", nargs="+", default=["check", "lookup", "tm"])
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--baseline", type=Path, help="a checkout of main, for today's TM search")
    args = ap.parse_args()
    byte_compile(ROOT, *([args.baseline] if args.baseline else []))
    with tempfile.TemporaryDirectory(prefix="speed-bench-") as tmp:
        work = Path(tmp)
        print(f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start; "
              f"medians of {args.repeat} runs.\n", flush=True)
        if "check" in args.only:
            print(bench_check(work, args.repeat), flush=True)
        if "lookup" in args.only:
            print(bench_lookup(work, args.repeat), flush=True)
        if "tm" in args.only:
            print(bench_tm(work, args.repeat, args.baseline, args.queries), flush=True)
        print(f"Load average at the end: {os.getloadavg()[0]:.1f}.")


if __name__ == "__main__":
    main()
