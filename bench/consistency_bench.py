"""What the segment-level consistency rules cost inside `check`: CPU seconds of the whole check
with every rule and without inconsistent-translation/-source, on one draft, the median of
--repeat runs in one process (glossary, matcher and caches warm), and the findings.

    .venv/bin/python bench/mix.py /tmp/mix.tsv
    .venv/bin/python bench/consistency_bench.py /tmp/mix.tsv --glossary glossary/data/terms.tsv

CPU time (time.process_time), not wall time: on a shared machine it varies less. To compare
with another checkout, run this script with PYTHONPATH=THAT_CHECKOUT.
"""
from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter

import glossary
from glossary.check import check, read_draft
from glossary.matcher import Matcher

RULES = ("inconsistent-translation", "inconsistent-source")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog=__doc__.split("\n\n", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("draft")
    parser.add_argument("--glossary", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    terms = list(glossary.load(args.glossary))
    matcher = Matcher(terms)
    segments = read_draft(args.draft).segments
    check(segments[:200], terms, matcher=matcher)  # warm the analyzers
    times: dict[str, list[float]] = {"all rules": [], "without the two": []}
    found: Counter = Counter()
    for _ in range(args.repeat):
        for label, skip in (("all rules", ()), ("without the two", RULES)):
            start = time.process_time()
            report = check(segments, terms, matcher=matcher, skip=skip)
            times[label].append(time.process_time() - start)
            if not skip:
                found = Counter(f.rule for f in report.findings if f.rule in RULES)
    every, without = (statistics.median(times[k]) for k in times)
    print(f"{len(segments)} segments; findings of the two rules: {dict(found)}")
    print(f"check, all rules: {every:.2f} CPU-s; without the two: {without:.2f} CPU-s; "
          f"the two rules: {every - without:.2f} CPU-s = {100 * (every - without) / every:.0f}%")


if __name__ == "__main__":
    main()
