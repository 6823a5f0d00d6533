"""TM benchmark: our fuzzy search next to translate-toolkit's matcher, in one run.

Both tools get the same Russian→English TM and the same queries:

* TM: the real aligned pairs of ../shared/data (tatoeba 19,425 + tico19 2,100, exact
  duplicates dropped). The 10,000-unit TM is a random sample of them; the 100,000-unit TM
  is all real pairs plus synthetic ones, each made by joining two random real pairs'
  sentences with a space on both sides ("ru1 ru2" → "en1 en2"), until 100,000 distinct
  units. The 10k TM's units are all in the 100k TM.
* Queries: real Russian sentences of the 10k TM (5+ words), perturbed in a known way, so
  the intended unit (the one with the original source) is known:
  - ``inflect``: one noun or adjective put into another case by pymorphy3 (inflect);
  - ``inflect+change``: that, and one other word replaced by a random TM word;
  - ``change``: one word replaced by a random TM word.
  A query is answered right when the first match returned has the original source.
* Peer: ``translate.search.match.matcher(store, max_candidates=5, min_similarity=75,
  max_length=1000)`` over a PO store of the same units, ``matches(query)`` per query (its
  units are given an identity order so that equal scores do not crash its heap, see
  run_peer).
  Ours: ``TranslationMemory.search(query, min_score=75, limit=5)``, the TM opened once (what
  ``glossary tm search --batch`` does), with the lemma caches emptied before the queries so
  that they start cold, as in a new process.

The same queries also go through ``glossary tm search --batch FILE`` in a new process (time
includes start-up and loading the dictionaries), whose answers must equal the library's.

Import speed is `tm.io.import_file` of a TMX file holding the TM (parse + analyse + index
+ commit); the size is the SQLite file after closing, per unit.

Run: /work/venv/bin/python bench/tm_bench.py [--sizes 10000 100000] [--queries 200]
Needs translate-toolkit (bench only): pip install translate-toolkit
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary import keys, morph  # noqa: E402
from glossary.formats import write_segments  # noqa: E402
from glossary.segment import Segment  # noqa: E402
from glossary.tokens import tokenize  # noqa: E402
from tm import analysis  # noqa: E402
from tm.io import import_file  # noqa: E402
from tm.store import TranslationMemory  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from synth import DATA  # noqa: E402
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
KINDS = ("inflect", "inflect+change", "change")


def real_pairs() -> list[tuple[str, str]]:
    """The tatoeba and tico19 pairs (ru, en), exact duplicates dropped, in file order."""
    pairs = []
    for folder, stem in (("tatoeba-en-ru", "tatoeba-test-v2021-08-07"),
                         ("tico19-en-ru", "tico19-test")):
        ru = (DATA / folder / f"{stem}.rus").read_text(encoding="utf-8").splitlines()
        en = (DATA / folder / f"{stem}.eng").read_text(encoding="utf-8").splitlines()
        pairs += [(r.strip(), e.strip()) for r, e in zip(ru, en) if r.strip() and e.strip()]
    return list(dict.fromkeys(pairs))


def build_tms(pairs, sizes, rng) -> dict[int, list[tuple[str, str]]]:
    """{size: pairs}; the smaller TMs are random samples of the real pairs, nested."""
    shuffled = pairs[:]
    rng.shuffle(shuffled)
    tms = {}
    for size in sorted(sizes):
        if size <= len(shuffled):
            tms[size] = shuffled[:size]
            continue
        units = dict.fromkeys(shuffled)
        while len(units) < size:
            (r1, e1), (r2, e2) = rng.sample(pairs, 2)
            units.setdefault((f"{r1} {r2}", f"{e1} {e2}"))
        tms[size] = list(units)
    return tms


def inflect_one(words, rng):
    """Index and new form of one noun/adjective put in another case, or None."""
    analyzer = morph.analyzer()
    order = list(range(len(words)))
    rng.shuffle(order)
    for i in order:
        word = words[i]
        if not word.isalpha() or len(word) < 3:
            continue
        parse = analyzer.parse(word.lower())[0]
        if parse.tag.POS not in ("NOUN", "ADJF") or parse.tag.case is None:
            continue
        for case in rng.sample(CASES, len(CASES)):
            if case == parse.tag.case:
                continue
            form = parse.inflect({case})
            if form and form.word != word.lower().replace("ё", "е") and form.word != word.lower():
                new = form.word
                return i, new.capitalize() if word[0].isupper() else new
    return None


def make_queries(tm_pairs, n, rng):
    """[(kind, query, original source)] for n queries spread over the three kinds."""
    vocab = sorted({t.text for r, _ in tm_pairs[:3000] for t in tokenize(r)
                    if t.is_word and t.text.isalpha() and len(t.text) > 3 and t.text.islower()})
    sources = sorted({r for r, _ in tm_pairs if 5 <= sum(t.is_word for t in tokenize(r)) <= 40})
    rng.shuffle(sources)
    queries = []
    per_kind = {k: n // len(KINDS) + (1 if i < n % len(KINDS) else 0) for i, k in enumerate(KINDS)}
    for source in sources:
        kinds = [k for k in KINDS if per_kind[k]]
        if not kinds:
            break
        kind = kinds[0]
        tokens = tokenize(source)
        words = [t.text for t in tokens]
        spans = [(t.start, t.end) for t in tokens]
        new = dict()
        if kind in ("inflect", "inflect+change"):
            found = inflect_one(words, rng)
            if found is None:
                continue
            new[found[0]] = found[1]
        if kind in ("change", "inflect+change"):
            choices = [i for i, t in enumerate(tokens) if t.is_word and i not in new
                       and t.text.isalpha()]
            if not choices:
                continue
            new[rng.choice(choices)] = rng.choice(vocab)
        text = source
        for i in sorted(new, reverse=True):
            text = text[:spans[i][0]] + new[i] + text[spans[i][1]:]
        per_kind[kind] -= 1
        queries.append((kind, text, source))
    return queries


def peer_store(pairs):
    from translate.storage import po
    store = po.pofile()
    for ru, en in pairs:
        store.addsourceunit(ru).target = en
    return store


def run_peer(pairs, queries):
    from translate.search.match import matcher
    from translate.storage.base import TranslationUnit
    # matcher keeps (similarity, unit) tuples in a heap; two equal similarities make heapq
    # compare the units, which raises TypeError in translate-toolkit 3.x. Ordering units by
    # identity only breaks such ties, as the peer would with a comparable unit.
    TranslationUnit.__lt__ = lambda self, other: id(self) < id(other)
    start = time.perf_counter()
    match = matcher(peer_store(pairs), max_candidates=5, min_similarity=75, max_length=1000)
    setup = time.perf_counter() - start
    answers = []
    start = time.perf_counter()
    for _kind, query, _source in queries:
        answers.append([str(u.source) for u in match.matches(query)])
    return setup, time.perf_counter() - start, answers


def run_ours(pairs, queries, tmp: Path):
    tmx = tmp / f"tm{len(pairs)}.tmx"
    write_segments(tmx, (Segment(r, e) for r, e in pairs), "tmx", source_lang="ru",
                   target_lang="en")
    db = tmp / f"tm{len(pairs)}.sqlite"
    start = time.perf_counter()
    with TranslationMemory(db) as tm:
        report = import_file(tm, tmx)
    imported = time.perf_counter() - start
    size = db.stat().st_size
    empty_caches()
    answers = []
    with TranslationMemory(db, create=False) as tm:
        start = time.perf_counter()
        for _kind, query, _source in queries:
            answers.append([m.unit.source for m in tm.search(query, min_score=75, limit=5)])
        searched = time.perf_counter() - start
    batch = run_batch(db, queries, answers, tmp)
    return report.added, imported, size, searched, answers, batch


def run_batch(db: Path, queries, answers, tmp: Path) -> float:
    """Seconds for `glossary tm search --batch FILE` in a new process, start-up included;
    its answers must be the in-process ones."""
    listing = tmp / "queries.txt"
    listing.write_text("".join(q + "\n" for _k, q, _s in queries), encoding="utf-8")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", "from cli import run; run()", "tm", "search",
                           "--batch", str(listing), "--tm", str(db), "--min", "75", "--limit", "5"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    got = [[m["source"] for m in json.loads(line)["matches"]] for line in done.stdout.splitlines()]
    assert got == answers, "the CLI's batch answers differ from the library's"
    return seconds


def empty_caches() -> None:
    """Forget every analysed word and segment (the loaded dictionaries stay: a new process
    pays for loading them once, about a second, which is not counted)."""
    for module in (keys, morph, analysis):
        for name in dir(module):
            function = getattr(module, name)
            if hasattr(function, "cache_clear") and function is not morph.analyzer:
                function.cache_clear()


def quality(queries, answers):
    """{kind: (first right, found at all, queries)}"""
    out = {}
    for (kind, _q, source), got in zip(queries, answers):
        first, found, total = out.get(kind, (0, 0, 0))
        out[kind] = (first + (bool(got) and got[0] == source), found + (source in got), total + 1)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1941)
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} is absent: the benchmark needs the shared real data")
    rng = random.Random(args.seed)
    pairs = real_pairs()
    tms = build_tms(pairs, args.sizes, rng)
    smallest = tms[min(tms)]
    queries = make_queries(smallest, args.queries, rng)
    print(f"real pairs: {len(pairs)}; queries: {len(queries)} "
          f"({', '.join(f'{k} {sum(q[0] == k for q in queries)}' for k in KINDS)})")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size, tm_pairs in sorted(tms.items()):
            added, imported, db_size, ours_t, ours_a, batch = run_ours(tm_pairs, queries,
                                                                        Path(tmp))
            setup, peer_t, peer_a = run_peer(tm_pairs, queries)
            rows.append((size, added, imported, db_size, ours_t, ours_a, setup, peer_t, peer_a))
            print(f"{size}: ours {len(queries) / ours_t:.1f} q/s, "
                  f"peer {len(queries) / peer_t:.1f} q/s; `glossary tm search --batch` "
                  f"{batch:.2f} s for the {len(queries)} queries in a new process", flush=True)
    print()
    print("| TM units | tool | queries/s | speed-up | import units/s | DB bytes/unit | "
          + " | ".join(f"top-1 {k}" for k in KINDS) + " | top-1 all | found (top 5) all |")
    print("|---|---|---|---|---|---|" + "---|" * (len(KINDS) + 2))
    for size, added, imported, db_size, ours_t, ours_a, setup, peer_t, peer_a in rows:
        for tool, seconds, answers, extra in (
                ("ours", ours_t, ours_a, f"{added / imported:,.0f} | {db_size / added:,.0f}"),
                ("translate-toolkit", peer_t, peer_a, f"(setup {setup:.1f} s) | –")):
            q = quality(queries, answers)
            cells = [f"{q[k][0]}/{q[k][2]}" for k in KINDS if k in q]
            first = sum(v[0] for v in q.values())
            found = sum(v[1] for v in q.values())
            speed = f"{peer_t / ours_t:.1f}×" if tool == "ours" else "1×"
            print(f"| {size:,} | {tool} | {len(queries) / seconds:,.1f} | {speed} | {extra} | "
                  + " | ".join(cells) + f" | {first}/{len(queries)} | {found}/{len(queries)} |")


if __name__ == "__main__":
    main()
