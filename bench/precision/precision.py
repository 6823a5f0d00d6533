"""Measure the checker's precision and recall on real projects, by hand.

    python bench/precision/precision.py run tarantool            # findings -> JSON lines
    python bench/precision/precision.py sample tarantool -n 60   # print a seeded sample to judge
    python bench/precision/precision.py score tarantool          # precision from the judgements
    python bench/precision/precision.py recall tarantool         # known misses caught

A project is a folder of PO files (read recursively) or a source/target pair of plain text
files, with a glossary. The checker runs in-process through the library API `glossary
check` uses (`read_draft` + `check`, one call per file as the CLI would be run, so
inconsistent-term counts within a file). The data stays where it is (../shared/data):
findings are written outside the project (default /tmp/ruen-precision/NAME.jsonl), and the
judgement and known-miss files kept here hold keys and verdicts, never the data's text.

A finding's key is file + segment + rule + term (term '-' when the rule has none); a
sample is `random.Random(seed).sample` over the distinct keys in sorted order, so the same
findings give the same sample, and a re-run after a change reuses every verdict whose key
is still drawn. See README.md beside this file.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from glossary import load  # noqa: E402
from glossary.check import check, pairs, read_draft  # noqa: E402
from glossary.errors import InputError  # noqa: E402
from glossary.lists import AUTO, read_cells  # noqa: E402
from glossary.matcher import Matcher  # noqa: E402

SEED = 20261202
SAMPLE = 60
OUT = Path(os.environ.get("PRECISION_OUT", Path(tempfile.gettempdir()) / "ruen-precision"))
VERDICTS = ("true", "false")
JUDGE_COLUMNS = ("file", "segment", "rule", "term", "verdict", "cause", "note")
MISS_COLUMNS = ("file", "segment", "line", "term", "what")


def data_dir() -> Path:
    """../shared/data beside the checkout (a worktree may sit deeper: look upwards)."""
    if "RUEN_DATA" in os.environ:
        return Path(os.environ["RUEN_DATA"])
    for parent in ROOT.parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    sys.exit(f"no shared/data folder above {ROOT} (set RUEN_DATA)")


@dataclass(frozen=True)
class Project:
    name: str
    glossary: str          # path under the data dir, or under this folder (bench/precision)
    po_dir: str = ""       # a folder of PO files, read recursively
    source: str = ""       # or a plain-text pair
    target: str = ""
    source_lang: str | None = None
    target_lang: str | None = None
    convert: Callable[[Path], Path] | None = None  # a stated step for a file we cannot read


# --- the glossary ----------------------------------------------------------------------

def load_glossary(project: Project):
    """The project's glossary as `glossary check --glossary FILE` reads it: a user's
    glossary has its cells read the default way (lists.read_cells, AUTO: optional parts,
    bracketed abbreviations and labels, surely-list cells split); the shipped one is not."""
    if project.glossary == "terms.tsv":
        return load(None)  # the shipped glossary
    local = HERE / project.glossary
    path = local if local.is_file() else data_dir() / project.glossary
    glossary = load(project.convert(path) if project.convert else path)
    return read_cells(glossary, AUTO)[0]


def import_tarantool_csv(path: Path) -> Path:
    """The stated conversion step, done as a user would: `glossary import glossary.csv
    --glossary NEW.tsv --skip-invalid`. The import reads the tarantool file as it is (`;`
    sniffed, `Term [en]`/`Term [ru]`/`Description [..]` headers), reports the cells holding
    several forms (four lists, three optional parts) and writes them as they are; rows
    lacking a term in one language are left out (--skip-invalid; they cannot be checked).
    Reading the report, a user has nothing to override: the lists are one-sided (several
    renderings of one English term), the brackets optional parts, so check's default
    reading is what they mean (load_glossary applies it)."""
    from click.testing import CliRunner

    from cli import main

    out = OUT / "tarantool-glossary.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)  # an import merges into what is there: start afresh
    result = CliRunner().invoke(main, ["import", str(path), "--glossary", str(out),
                                       "--skip-invalid"])
    print(result.stderr, end="", file=sys.stderr)
    if result.exit_code not in (0, 1) or not out.is_file():
        sys.exit(f"glossary import failed (exit {result.exit_code}): {result.output}")
    return out


PROJECTS = {p.name: p for p in (
    Project("tarantool", "tarantool-doc-ru/glossary/glossary.csv",
            po_dir="tarantool-doc-ru/locale/ru/LC_MESSAGES",
            convert=import_tarantool_csv, source_lang="en", target_lang="ru"),
    # Stated, as `--from en --to ru` would be: tarantool's catalogues have no Language
    # header, and one whose every msgstr is empty gives the reader no Russian to settle on.
    Project("django", "django-glossary.tsv", po_dir="django-ru"),
    Project("tatoeba", "terms.tsv", source="tatoeba-en-ru/tatoeba-test-v2021-08-07.rus",
            target="tatoeba-en-ru/tatoeba-test-v2021-08-07.eng",
            source_lang="ru", target_lang="en"),
    Project("tico19", "terms.tsv", source="tico19-en-ru/tico19-test.rus",
            target="tico19-en-ru/tico19-test.eng", source_lang="ru", target_lang="en"),
)}


# --- run -------------------------------------------------------------------------------

def units(project: Project) -> Iterable[tuple[str, dict]]:
    """(project-relative file, read_draft keyword arguments) for each file of the project."""
    data = data_dir()
    if project.po_dir:
        base = data / project.po_dir
        for path in sorted(base.rglob("*.po")):
            yield str(path.relative_to(base)), dict(path=path)
    else:
        yield Path(project.source).name, dict(source=data / project.source,
                                              target=data / project.target)


def run(project: Project, out: Path) -> int:
    glossary = load_glossary(project)
    matcher = Matcher(glossary)
    out.parent.mkdir(parents=True, exist_ok=True)
    total = segments = 0
    unreadable = []
    with open(out, "w", encoding="utf-8") as f:
        for rel, where in units(project):
            try:
                draft = read_draft(**where, source_lang=project.source_lang,
                                   target_lang=project.target_lang)
            except InputError as exc:  # reported as `glossary check FILE` would, and skipped
                unreadable.append(rel)
                print(f"skipped: {exc}", file=sys.stderr)
                continue
            report = check(draft.segments, glossary, matcher=matcher,
                           source_lang=project.source_lang, target_lang=project.target_lang)
            segments += len(draft.segments)
            for finding in report.findings:
                source, target = pairs(report.segment(finding.segment))[finding.plural]
                record = {"file": rel, **finding.as_dict(), "source": source, "target": target}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                total += 1
    by_rule = Counter(r["rule"] for r in read_findings(out))
    print(f"{project.name}: {segments} segments, {total} findings -> {out}; "
          f"{len(unreadable)} unreadable file(s) skipped", file=sys.stderr)
    for rule, n in by_rule.most_common():
        print(f"  {rule:<18} {n}", file=sys.stderr)
    return total


# --- findings, keys, samples -----------------------------------------------------------

def read_findings(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def key(record: dict) -> tuple[str, int, str, str]:
    return (record["file"], int(record["segment"]), record["rule"], record["term"] or "-")


def distinct(findings: list[dict]) -> dict[tuple, dict]:
    """The first finding of each key, keys in sorted order (the sampling frame)."""
    first: dict[tuple, dict] = {}
    for record in findings:
        first.setdefault(key(record), record)
    return dict(sorted(first.items()))


def frame_of(findings: list[dict], rules: Iterable[str] = (), skip_empty: bool = False
             ) -> list[dict]:
    """The findings a sample is drawn from: of the given rules only (all when none), and
    without the findings on an empty target (an untranslated entry) when asked."""
    rules = set(rules)
    return [r for r in findings if (not rules or r["rule"] in rules)
            and not (skip_empty and r["rule"] == "untranslated" and not r["target"].strip())]


def draw(findings: list[dict], n: int, seed: int) -> list[dict]:
    frame = distinct(findings)
    keys = list(frame)
    chosen = random.Random(seed).sample(keys, min(n, len(keys)))
    return [frame[k] for k in chosen]


def marked(text: str, span: list[int] | None) -> str:
    if not span:
        return text
    start, end = span
    return f"{text[:start]}[[{text[start:end]}]]{text[end:]}"


def show(index: int, record: dict, verdict: tuple[str, str] | None) -> str:
    k = key(record)
    lines = [f"#{index} {k[0]}\t{k[1]}\t{k[2]}\t{k[3]}   (line {record['line']}, "
             f"{record['severity']}, plural {record['plural']})",
             f"  message: {record['message']}"]
    if record.get("suggestion"):
        lines.append(f"  suggestion: {record['suggestion']}")
    lines.append(f"  SRC: {marked(record['source'], record['source_span'])}")
    lines.append(f"  TGT: {marked(record['target'], record['target_span'])}")
    if verdict:
        lines.append(f"  judged: {verdict[0]} {verdict[1]}")
    return "\n".join(lines)


# --- judgements and known misses -------------------------------------------------------

def read_tsv(path: Path, columns: tuple[str, ...]) -> list[dict]:
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader((line for line in f if not line.startswith("#")),
                                          delimiter="\t", quoting=csv.QUOTE_NONE)]
    for number, row in enumerate(rows, start=2):
        missing = [c for c in columns if row.get(c) is None]
        if missing:
            sys.exit(f"{path}:{number}: missing column(s) {', '.join(missing)}")
    return rows


def read_judgements(path: Path) -> dict[tuple, tuple[str, str]]:
    verdicts = {}
    for number, row in enumerate(read_tsv(path, JUDGE_COLUMNS), start=2):
        if row["verdict"] not in VERDICTS:
            sys.exit(f"{path}:{number}: verdict must be true or false, not {row['verdict']!r}")
        k = (row["file"], int(row["segment"]), row["rule"], row["term"] or "-")
        verdicts[k] = (row["verdict"], row["cause"])
    return verdicts


def score(findings: list[dict], verdicts: dict, n: int, seed: int) -> dict:
    sample = draw(findings, n, seed)
    per_rule: dict[str, Counter] = defaultdict(Counter)
    causes: Counter = Counter()
    unjudged = []
    for record in sample:
        k = key(record)
        if k not in verdicts:
            unjudged.append(k)
            continue
        verdict, cause = verdicts[k]
        per_rule[k[2]][verdict] += 1
        per_rule["(all)"][verdict] += 1
        if verdict == "false":
            causes[cause or "(no cause given)"] += 1
    return {"findings": len(findings), "keys": len(distinct(findings)), "sample": len(sample),
            "per_rule": per_rule, "causes": causes, "unjudged": unjudged}


def percent(counts: Counter) -> str:
    judged = counts["true"] + counts["false"]
    return f"{counts['true']}/{judged} = {100 * counts['true'] / judged:.0f}%" if judged else "-"


def read_misses(path: Path) -> list[dict]:
    return read_tsv(path, MISS_COLUMNS)


def caught(miss: dict, findings: list[dict]) -> list[str]:
    """Rules of the findings on the miss's unit naming its term (by segment, else line)."""
    found = []
    for record in findings:
        if record["file"] != miss["file"] or (record["term"] or "-") != miss["term"]:
            continue
        if miss["segment"] and int(miss["segment"]) == record["segment"]:
            found.append(record["rule"])
        elif not miss["segment"] and miss["line"] and int(miss["line"]) == record["line"]:
            found.append(record["rule"])
    return found


# --- the command line ------------------------------------------------------------------

CONFIDENCES = ("low", "medium", "high")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (("run", "check the project, write its findings as JSON lines"),
                           ("sample", "print the seeded sample, each finding with its segment"),
                           ("score", "precision of the seeded sample from the judgements"),
                           ("recall", "how many known misses the findings catch")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("project", choices=sorted(PROJECTS))
        p.add_argument("--findings", type=Path, help="JSON lines (default: "
                       f"{OUT}/PROJECT.jsonl; set PRECISION_OUT to move it)")
        if name != "run":
            p.add_argument("--min-confidence", choices=CONFIDENCES, default="low",
                           help="only findings this sure (medium: what `glossary check` "
                           "reports by default; default low: every finding)")
        if name in ("sample", "score"):
            p.add_argument("-n", type=int, default=SAMPLE, help="sample size (default 60)")
            p.add_argument("--seed", type=int, default=SEED, help=f"default {SEED}")
            p.add_argument("--judgements", type=Path,
                           help="TSV of verdicts (default: bench/precision/PROJECT.judged.tsv)")
            p.add_argument("--rule", action="append", default=[], metavar="ID",
                           help="draw from this rule's findings only (repeatable)")
            p.add_argument("--skip-empty", action="store_true",
                           help="leave out untranslated findings on an empty target")
        if name == "sample":
            p.add_argument("--unjudged", action="store_true",
                           help="print only the drawn findings without a verdict yet")
            p.add_argument("--template", action="store_true",
                           help="print the unjudged drawn keys as judgement rows to fill in")
        if name == "recall":
            p.add_argument("--misses", type=Path,
                           help="TSV of known misses (default: bench/precision/PROJECT.misses.tsv)")
    args = parser.parse_args(argv)
    project = PROJECTS[args.project]
    findings_path = args.findings or OUT / f"{project.name}.jsonl"
    if args.command == "run":
        run(project, findings_path)
        return 0
    findings = [r for r in read_findings(findings_path)
                if CONFIDENCES.index(r.get("confidence", "high"))
                >= CONFIDENCES.index(args.min_confidence)]
    if args.command in ("sample", "score"):
        findings = frame_of(findings, args.rule, args.skip_empty)
        verdicts = read_judgements(args.judgements or HERE / f"{project.name}.judged.tsv")
    if args.command == "sample":
        sample = draw(findings, args.n, args.seed)
        if args.template:
            for record in sample:
                if key(record) not in verdicts:
                    print("\t".join(map(str, key(record))) + "\tVERDICT\tCAUSE\tNOTE")
            return 0
        print(f"# {project.name}: {len(findings)} findings, {len(distinct(findings))} distinct "
              f"keys; sample of {len(sample)}, seed {args.seed}")
        for i, record in enumerate(sample, start=1):
            verdict = verdicts.get(key(record))
            if args.unjudged and verdict:
                continue
            print(show(i, record, verdict), end="\n\n")
        return 0
    if args.command == "score":
        result = score(findings, verdicts, args.n, args.seed)
        print(f"{project.name}: {result['findings']} findings ({result['keys']} distinct keys); "
              f"sample {result['sample']}, seed {args.seed}")
        for rule, counts in sorted(result["per_rule"].items()):
            print(f"  {rule:<18} precision {percent(counts)}")
        for cause, n in result["causes"].most_common():
            print(f"  false alarm: {cause:<40} {n}")
        if result["unjudged"]:
            print(f"  {len(result['unjudged'])} drawn finding(s) not judged yet "
                  "(sample --unjudged lists them)")
            return 1
        return 0
    misses = read_misses(args.misses or HERE / f"{project.name}.misses.tsv")
    hits = 0
    for miss in misses:
        rules = caught(miss, findings)
        hits += bool(rules)
        where = f"segment {miss['segment']}" if miss["segment"] else f"line {miss['line']}"
        print(f"  {'caught' if rules else 'MISSED'}  {miss['file']} {where} {miss['term']}"
              f"  {','.join(sorted(set(rules)))}")
    print(f"{project.name}: {hits}/{len(misses)} known misses caught")
    return 0


if __name__ == "__main__":
    sys.exit(main())
