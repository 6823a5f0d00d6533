"""Peak memory of `glossary tm import` on 50 MB TMX files made mostly of padding elements.

Issue 12: the streaming reader freed only <tu> elements, so 50 MB of other elements reached
1.6 GB. Each shape below is written to a temporary folder, imported by the real command line
in a child process, and the child's peak resident set size is reported.

    .venv/bin/python bench/import_memory.py [--mb 50]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAD = "<x-pad n=\"{n}\">padding text that is not a translation unit, repeated</x-pad>\n"
TU = ('<tu tuid="{n}"><tuv xml:lang="en"><seg>Unit number {n} of the file</seg></tuv>'
      '<tuv xml:lang="ru"><seg>Единица номер {n} в файле</seg></tuv></tu>\n')
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
        'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" '
        'datatype="plaintext">{header}</header><body>\n')

MEASURE = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")


def write(path: Path, shape: str, size: int) -> int:
    """Write a TMX of about `size` bytes; return how many <tu> it holds."""
    units = 0
    with open(path, "w", encoding="utf-8") as f:
        header = "".join(PAD.format(n=n) for n in range(1000)) if shape == "header" else ""
        f.write(HEAD.format(header=header))
        if shape == "nested":
            f.write("<x-wrap>\n")
        n = 0
        while f.tell() < size:
            n += 1
            if n % 2000 == 0 and shape != "nested":
                f.write(TU.format(n=n))
                units += 1
            else:
                f.write(PAD.format(n=n))
        if shape == "nested":
            f.write("</x-wrap>\n")
        for m in range(200):
            f.write(TU.format(n=n + m))
            units += 1
        f.write("</body></tmx>\n")
    return units


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=50)
    args = parser.parse_args()
    glossary = Path(sys.executable).with_name("glossary")
    print("| shape | file MB | units | seconds | peak RSS MiB |\n|---|---:|---:|---:|---:|")
    for shape in ("siblings", "nested", "header"):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{shape}.tmx"
            units = write(path, shape, args.mb * 2**20)
            started = time.monotonic()
            # A fresh process per import, so that its children's peak is this import's alone.
            result = subprocess.run([sys.executable, "-c", MEASURE, str(glossary), "tm",
                                     "import", str(path), "--tm", str(Path(tmp) / "tm.sqlite")],
                                    capture_output=True, text=True)
            seconds = time.monotonic() - started
            if result.returncode != 0:
                sys.exit(result.stderr)
            peak_kib = int(result.stdout.split()[-1])
            print(f"| {shape} | {path.stat().st_size / 2**20:.0f} | {units} | {seconds:.1f} "
                  f"| {peak_kib / 1024:.0f} |")


if __name__ == "__main__":
    main()
