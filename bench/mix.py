"""The 28,700-segment ru→en mix of issue 13: real Tatoeba and TICO-19 pairs with a small
specialised glossary's test draft mixed in.

    .venv/bin/python bench/mix.py OUT.tsv

Every Tatoeba pair, then every TICO-19 pair, in file order (21,525 pairs), then the same again
from the start until there are 28,700 segments; after every 100th segment one row of
examples/draft-ru-en.tsv (the test draft of tests/data/small.tsv, the specialised glossary),
cycling through its rows, so the glossary's terms occur throughout. Source Russian, target
English, written as a two-column TSV the checker reads as a draft.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import check_bench  # noqa: E402

TOTAL = 28_700
EVERY = 100
GLOSSARY = ROOT / "tests" / "data" / "small.tsv"
DRAFT = ROOT / "examples" / "draft-ru-en.tsv"


def corpus_pairs() -> list[tuple[str, str]]:
    """Every aligned (Russian, English) pair with text on both sides, in file order."""
    return [(ru, en) for en, ru in check_bench.real_pairs()]


def mix(total: int = TOTAL) -> list[tuple[str, str]]:
    with DRAFT.open(encoding="utf-8") as f:
        draft = [(row["source"], row["target"]) for row in csv.DictReader(f, delimiter="\t")]
    corpus = corpus_pairs()
    out: list[tuple[str, str]] = []
    taken = planted = 0
    while len(out) < total:
        if len(out) % EVERY == EVERY - 1:
            out.append(draft[planted % len(draft)])
            planted += 1
        else:
            out.append(corpus[taken % len(corpus)])
            taken += 1
    return out


def write(path: Path, total: int = TOTAL) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow(["source", "target"])
        w.writerows(mix(total))
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="the TSV to write")
    write(parser.parse_args().out)
