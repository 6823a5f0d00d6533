"""Issue 15: the segment-level rules and the report renderers on real drafts.

1. Tatoeba en→ru (19,425 aligned pairs, a test set with several translations per sentence):
   the time of the two segment-level rules alone, and of each renderer over the report.
2. The Tarantool documentation (440 real EN→RU PO files, each checked as one draft): how
   many inconsistent-translation / inconsistent-source findings, and a sample of groups
   drawn with a fixed seed to judge by hand (printed).

    .venv/bin/python bench/review_bench.py [--seed 15] [--sample 20]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.check import check, read_draft  # noqa: E402
from glossary.check.render import RENDERERS  # noqa: E402
from glossary.errors import GlossaryError  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
RULES = ("inconsistent-translation", "inconsistent-source")


def tatoeba() -> None:
    folder = DATA / "tatoeba-en-ru"
    draft = read_draft(source=folder / "tatoeba-test-v2021-08-07.eng",
                       target=folder / "tatoeba-test-v2021-08-07.rus")
    check(draft.segments, [], rules=["mixed-script"])  # warm the analyser and word caches
    started = time.perf_counter()
    base = check(draft.segments, [], rules=["mixed-script"])
    base_s = time.perf_counter() - started
    started = time.perf_counter()
    report = check(draft.segments, [], rules=["mixed-script", *RULES])
    with_s = time.perf_counter() - started
    counts = Counter(f.rule for f in report.findings)
    print(f"Tatoeba: {len(draft.segments)} segments; check with one cheap rule {base_s:.1f} s, "
          f"with the two segment-level rules too {with_s:.1f} s (+{with_s - base_s:.1f} s); "
          f"findings {dict(counts)} (base {len(base.findings)})")
    for fmt, render in RENDERERS.items():
        started = time.perf_counter()
        out = render(report, title="tatoeba")
        print(f"  render {fmt:<5} {time.perf_counter() - started:6.2f} s  {len(out):>10,} bytes")


def tarantool(seed: int, sample: int) -> None:
    files = sorted((DATA / "tarantool-doc-ru" / "locale").rglob("*.po"))
    counts: Counter[str] = Counter()
    groups: dict[tuple[str, str, str], str] = {}
    segments = unreadable = 0
    for path in files:
        try:
            draft = read_draft(path)
        except GlossaryError:
            unreadable += 1
            continue
        segments += len(draft.segments)
        report = check(draft.segments, [], rules=RULES)
        for f in report.findings:
            counts[f.rule] += 1
            groups.setdefault((f.rule, str(path.relative_to(DATA)), f.message), f.message)
    by_rule = Counter(rule for rule, _, _ in groups)
    print(f"Tarantool docs: {len(files)} PO files ({unreadable} unreadable), {segments} "
          f"segments; findings {dict(counts)}; groups {dict(by_rule)}")
    rng = random.Random(seed)
    for rule in RULES:
        keys = sorted(k for k in groups if k[0] == rule)
        for _, where, message in rng.sample(keys, min(sample, len(keys))):
            print(f"  [{rule}] {where}: {message[:240]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--sample", type=int, default=20)
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} is absent: this benchmark reads the shared real data")
    tatoeba()
    tarantool(args.seed, args.sample)


if __name__ == "__main__":
    main()
