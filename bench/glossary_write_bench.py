"""Concurrent writers on one glossary: N `glossary add` processes started at once.

Counts the entries that landed (all must: the lock serialises read-modify-write) and the
wall time, and the time one `glossary add` takes alone. Also the size of the OmegaT
--with-forms export of the shipped glossary.

Usage: .venv/bin/python bench/glossary_write_bench.py [--writers 20]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = [sys.executable, "-c", "from cli import run; run()"]  # as the `glossary` script


def add(path: Path, n: int) -> subprocess.Popen:
    return subprocess.Popen([*RUN, "add", "--glossary", str(path), "--id", f"bench-{n}",
                             "--ru", f"термин{n}", "--en", f"bench term {n}"],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writers", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "terms.tsv"
        shutil.copy(ROOT / "glossary" / "data" / "terms.tsv", path)
        start = time.perf_counter()
        add(path, -1).wait()
        alone = time.perf_counter() - start
        start = time.perf_counter()
        procs = [add(path, n) for n in range(args.writers)]
        failed = [p.communicate()[1] for p in procs if p.wait() != 0]
        wall = time.perf_counter() - start
        text = path.read_text(encoding="utf-8")
        landed = sum(f"\nbench-{n}\t" in text for n in range(args.writers))
    export = subprocess.run([*RUN, "export", "--format", "omegat", "--with-forms"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    print(f"one add alone: {alone:.2f} s")
    print(f"{args.writers} adds at once: {landed}/{args.writers} landed, {len(failed)} failed, "
          f"{wall:.2f} s wall")
    print(f"OmegaT --with-forms export of the shipped glossary: {len(export.splitlines())} lines")


if __name__ == "__main__":
    main()
