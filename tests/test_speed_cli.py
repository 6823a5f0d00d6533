"""The speed options of the command line: lookup --batch, check --jobs, --no-cache."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from paths import HERE, ROOT

from cli import main

ROWS = [
    ("Заградотряды стояли за штрафными батальонами.", "Blocking detachments stood behind the penal battalions."),
    ("Заградотряд задержал их.", "The barrier troops detained them."),
    ("Михаил Девятаев бежал из плена.", "Mikhail Devyatayev escaped from captivity."),
    ("Девятаев вернулся в 1945 году.", "Devyataev returned in 1944."),
    ("Штрафной батальон.", "Punishment battalion."),
]


@pytest.fixture
def gloss(tmp_path):
    path = tmp_path / "terms.tsv"
    shutil.copy(HERE / "data" / "small.tsv", path)
    return path


def test_batch_answers_each_line_as_json(runner, gloss):
    queries = "штрафбатом\nDevjataev\n\nнет такого\nзаградотрядаи\n"
    result = runner.invoke(main, ["lookup", "--glossary", str(gloss), "--batch", "-",
                                  "--format", "json"], input=queries)
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["query"] for a in answers] == ["штрафбатом", "Devjataev", "", "нет такого",
                                             "заградотрядаи"]
    assert [[e["id"] for e in a["entries"]] for a in answers] == \
        [["penal-battalion"], ["devyatayev"], [], [], ["blocking-detachment"]]
    assert answers[1]["entries"][0]["matched"] == "transliteration"
    assert result.exit_code == 1  # a query found nothing


def test_batch_tsv_puts_the_query_first(runner, gloss, tmp_path):
    queries = tmp_path / "queries.txt"
    queries.write_text("СМЕРШ\nfiltration camps\n", encoding="utf-8")
    result = runner.invoke(main, ["lookup", "--glossary", str(gloss), "--batch", str(queries),
                                  "--format", "tsv"])
    header, *rows = result.stdout.splitlines()
    assert header.split("\t")[:2] == ["query", "id"]
    assert [r.split("\t")[:2] for r in rows] == [["СМЕРШ", "smersh"],
                                                 ["filtration camps", "filtration-camp"]]
    assert result.exit_code == 0


def test_batch_and_a_query_together_is_a_usage_error(runner, gloss):
    result = runner.invoke(main, ["lookup", "--glossary", str(gloss), "--batch", "-", "СМЕРШ"],
                           input="")
    assert result.exit_code == 2 and "not both" in result.stderr


def test_batch_answers_before_the_next_line_is_written(gloss, tmp_path):
    """An editor keeps the process open and waits for each answer: a real process, a pipe."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GLOSSARY_CACHE_DIR": str(tmp_path / "c")}
    with subprocess.Popen([sys.executable, "-c", "from cli import main; main()", "lookup",
                           "--glossary", str(gloss), "--batch", "-", "--format", "json"],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                          encoding="utf-8", env=env) as proc:
        for query, term in (("штрафбатом", "penal-battalion"), ("СМЕРШ", "smersh")):
            proc.stdin.write(query + "\n")
            proc.stdin.flush()
            answer = json.loads(proc.stdout.readline())  # blocks until this one is answered
            assert (answer["query"], answer["entries"][0]["id"]) == (query, term)
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0


def test_no_cache_leaves_the_cache_alone(runner, gloss, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(cache))
    result = runner.invoke(main, ["lookup", "--glossary", str(gloss), "--no-cache", "СМЕРШ"])
    assert result.exit_code == 0 and "Smersh" in result.stdout
    assert not cache.exists()
    runner.invoke(main, ["lookup", "--glossary", str(gloss), "СМЕРШ"])
    assert sorted(p.name.split(".")[1] for p in cache.iterdir()) == \
        ["english", "glossary", "matcher"]


LOOKUP_LOADS = """
import sys
from cli import main
sys.argv = ["glossary", *sys.argv[1:]]
try:
    main()
finally:
    print("lexicon loaded" if "lemminflect" in sys.modules else "no lexicon", file=sys.stderr)
"""


@pytest.mark.parametrize("query", ["penal battalions", "Penal Battalion's", "blocking detachments",
                                   "Smersh", "nonexistent words"])
def test_a_warm_english_lookup_reads_its_lemmas_from_the_cache(gloss, tmp_path, query):
    """Real processes: the compiled cache keeps the lemmas of the glossary's English forms, so
    a warm look-up of one needs no lexicon (lemminflect brings numpy), and answers as a
    look-up without the cache does. A word outside the glossary still loads the lexicon."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GLOSSARY_CACHE_DIR": str(tmp_path / "c")}
    argv = [sys.executable, "-c", LOOKUP_LOADS, "lookup", "--glossary", str(gloss), query,
            "--format", "json"]
    runs = [subprocess.run(argv + extra, capture_output=True, text=True, env=env)
            for extra in (["--no-cache"], [], [])]   # uncached, cold, warm
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    assert runs[0].returncode == runs[2].returncode
    outside = query == "nonexistent words"
    assert runs[2].stderr.strip().endswith("lexicon loaded" if outside else "no lexicon")


def test_check_jobs_give_the_report_of_one(runner, gloss, tmp_path):
    draft = tmp_path / "draft.tsv"
    draft.write_text("source\ttarget\n" + "".join(f"{s}\t{t}\n" for s, t in ROWS * 9),
                     encoding="utf-8")
    reports = []
    for jobs in ("1", "2"):
        result = runner.invoke(main, ["check", str(draft), "--glossary", str(gloss), "--format",
                                      "json", "--jobs", jobs, "--no-cache"])
        assert result.exit_code == 1, result.stderr
        reports.append(result.stdout)
    assert reports[0] == reports[1]
    assert {"inconsistent-term", "name-spelling"} & \
        {f["rule"] for f in json.loads(reports[0])["findings"]}  # a draft-wide rule spoke


def test_check_jobs_must_not_be_negative(runner, gloss, tmp_path):
    draft = tmp_path / "draft.tsv"
    draft.write_text("source\ttarget\nа\tb\n", encoding="utf-8")
    result = runner.invoke(main, ["check", str(draft), "--glossary", str(gloss), "--jobs", "-1"])
    assert result.exit_code == 2 and "--jobs" in result.stderr


EXIT_FROZEN = """
import atexit, gc, sys
atexit.register(lambda: print("frozen", gc.get_freeze_count() > 0, file=sys.stderr))
from cli import run
run()
"""


def test_the_console_script_leaves_what_it_loaded_to_the_exit(gloss, tmp_path):
    """`glossary` is cli.run: the objects a command made are frozen before the exit, so
    Python's last full collection does not walk them; the answer, a written file and the
    exit status are as main gives them."""
    from importlib.metadata import entry_points

    assert [e.value for e in entry_points(group="console_scripts", name="glossary")] == \
        ["cli:run"]
    env = {**os.environ, "GLOSSARY_CACHE_DIR": str(tmp_path / "cache")}

    def glossary(*args):
        return subprocess.run([sys.executable, "-c", EXIT_FROZEN, *args], capture_output=True,
                              text=True, env=env)

    found = glossary("lookup", "заградотрядами", "--glossary", str(gloss), "--format", "json")
    assert found.returncode == 0 and "frozen True" in found.stderr
    assert [e["id"] for e in json.loads(found.stdout)] == ["blocking-detachment"]
    written = glossary("export", "--format", "json", "-o", str(tmp_path / "out.json"),
                       "--glossary", str(gloss))
    assert written.returncode == 0 and "frozen True" in written.stderr
    assert len(json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))) == \
        len(gloss.read_text(encoding="utf-8").splitlines()) - 1
    missing = glossary("lookup", "СМЕРШ", "--glossary", str(tmp_path / "none.tsv"))
    assert missing.returncode == 2 and "none.tsv" in missing.stderr


@pytest.mark.parametrize("command", [["lookup"], ["tm", "search"]], ids=" ".join)
def test_a_batch_line_that_is_not_utf8_is_named_not_a_traceback(gloss, tmp_path, command):
    """A real process: the answers before the bad line are given, then file:line, exit 2."""
    queries = tmp_path / "queries.txt"
    queries.write_bytes("\ufeffСМЕРШ\r\n".encode() + "заградотряд\n".encode("cp1251") + b"x\n")
    tm = tmp_path / "tm.sqlite"
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("Отдел СМЕРШ\tThe SMERSH department\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GLOSSARY_CACHE_DIR": str(tmp_path / "c")}
    cli = [sys.executable, "-c", "from cli import main; main()"]
    subprocess.run([*cli, "tm", "import", str(pairs), "--tm", str(tm)], check=True, env=env)
    done = subprocess.run([*cli, *command,
                           "--glossary", str(gloss), "--batch", str(queries),
                           *(["--tm", str(tm)] if command[0] == "tm" else ["--format", "json"])],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"Error: {queries}:2: not UTF-8 (byte 0xe7); save it as UTF-8\n"
    assert json.loads(done.stdout.splitlines()[0])["query"] == "СМЕРШ"
