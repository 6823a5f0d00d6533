"""Glossary core benchmark: load + validate a 10,000-entry glossary, build its matcher, and
lookup latency — each next to a baseline measured in the same run.

Run: .venv/bin/python bench/core_bench.py [--size 10000]
"""
from __future__ import annotations

import argparse
import csv
import statistics
import tempfile
import time
from pathlib import Path

import synth

from glossary import load, morph, termfiles
from glossary.lookup import Lookup
from glossary.tokens import tokenize


def timed(func, repeat=1):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10_000)
    args = parser.parse_args()
    glossary = synth.glossary(args.size)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.tsv"
        termfiles.write(glossary, path, "tsv")
        raw, _ = timed(lambda: list(csv.reader(path.open(encoding="utf-8"), delimiter="\t")), 5)
        loaded_t, loaded = timed(lambda: load(path), 3)
    morph._readings.cache_clear()
    morph.glossary_forms.cache_clear()
    build_t, finder = timed(lambda: Lookup(loaded))
    translit_t, _ = timed(lambda: finder.find("Devyatayevym"))   # builds the romanisation index
    suggest_t, _ = timed(lambda: finder.suggest("фильтр лагерь"))  # builds the suggestion index
    queries = [f.ru for f in loaded.terms[::50]] + [f.en for f in loaded.terms[::50]]
    inflected = [t.ru.replace("лагерь", "лагерях") for t in loaded.terms[::50]]
    all_queries = queries + inflected
    latencies = []
    for q in all_queries:
        start = time.perf_counter()
        finder.find(q)
        latencies.append(time.perf_counter() - start)
    found = sum(bool(finder.find(q)) for q in queries)

    def bare():
        for q in all_queries:
            for tok in tokenize(q):
                morph.analyzer().parse(tok.text.lower())
    bare_t, _ = timed(bare, 3)
    n = len(loaded)
    print(f"entries: {n}")
    print(f"load + validate: {loaded_t*1000:.0f} ms  (csv.reader alone: {raw*1000:.0f} ms, "
          f"ratio {loaded_t/raw:.1f}x)")
    print(f"build the matcher: {build_t:.2f} s ({build_t/n*1e6:.0f} µs/entry); first "
          f"transliterated query (builds its index): {translit_t:.2f} s; first suggestion "
          f"(builds its index): {suggest_t:.2f} s")
    print(f"lookup latency over {len(all_queries)} queries: median "
          f"{statistics.median(latencies)*1000:.2f} ms, p95 "
          f"{sorted(latencies)[int(len(latencies)*0.95)]*1000:.2f} ms; "
          f"bare pymorphy3 parse of the same queries: {bare_t/len(all_queries)*1000:.3f} ms/query")
    print(f"preferred forms found: {found}/{len(queries)}")


if __name__ == "__main__":
    main()
