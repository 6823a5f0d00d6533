"""`check(jobs=N)`: real worker processes give exactly the report of one process, the
draft-wide rules (inconsistent-term, name-spelling) included across run boundaries."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from paths import DATA, ROOT, needs_data

from glossary.check import check
from glossary import processes
from glossary.processes import PARALLEL_FROM, default_jobs
from glossary.segment import Segment

# Each row says something a rule finds; repeated, they spread over every run of segments.
ROWS = [
    ("Заградотряды стояли за штрафными батальонами.", "Blocking detachments stood behind the penal battalions."),
    ("Заградотряд задержал их.", "The barrier troops detained them."),
    ("Михаил Девятаев бежал из плена.", "Mikhail Devyatayev escaped from captivity."),
    ("Девятаев вернулся в 1945 году.", "Devyataev returned in 1944."),
    ("Органы СМЕРШ проверяли окруженцев.", "Smersh organs checked the еncirclees."),
    ("Спецпоселенцев отправили в Казахстан.", "They were sent to Kazakhstan."),
    ("Штрафной батальон.", "Punishment battalion."),
    ("Штрафной батальон.", "Penal battalion."),
]


def draft(n: int) -> list[Segment]:
    return [Segment(*ROWS[i % len(ROWS)]) for i in range(n)]


def same(a, b) -> None:
    assert a.findings == b.findings
    assert a.ignored == b.ignored and a.summary() == b.summary()


@pytest.mark.parametrize("jobs", [2, 3])
def test_jobs_give_the_report_of_one_process(small_glossary, jobs):
    segments = draft(61)
    one = check(segments, small_glossary)
    rules = {f.rule for f in one.findings}
    assert {"missing-term", "forbidden-term", "number-mismatch", "mixed-script"} <= rules
    assert {"inconsistent-term", "name-spelling"} & rules  # a draft-wide rule spoke
    assert "inconsistent-translation" in rules  # its groups made while the workers check
    same(check(segments, small_glossary, jobs=jobs), one)


def test_jobs_into_russian_give_the_report_of_one_process(small_glossary):
    """An en→ru draft: the draft-wide tallies of Russian renderings (keyed by their part of
    speech, which pymorphy3 gives as a type of its own that cannot be pickled) go from the
    workers to this process."""
    rows = [("The blocking detachment stood behind the penal battalion.",
             "Заградотряд стоял за штрафным батальоном."),
            ("The blocking detachment detained them.", "Заградительный отряд задержал их."),
            ("Blocking detachments and special settlers.", "Заградотряды и спецпоселенцы.")]
    segments = [Segment(*rows[i % len(rows)]) for i in range(30)]
    one = check(segments, small_glossary)
    assert one.source_lang == "en" and "inconsistent-term" in {f.rule for f in one.findings}
    same(check(segments, small_glossary, jobs=2), one)


def test_spawned_workers_give_the_report_of_one_process(small_glossary, monkeypatch):
    """Where forking is not safe (macOS, Windows) workers are spawned: they are given the
    draft and the compiled matcher pickled, and must report the same."""
    import multiprocessing

    from glossary.check import parallel
    monkeypatch.setattr(parallel, "worker_context", lambda: multiprocessing.get_context("spawn"))
    segments = draft(24)
    same(check(segments, small_glossary, jobs=2), check(segments, small_glossary))


def test_runs_hold_about_as_much_text_each():
    """A phrase book then a news corpus: the draft is cut by its text, not by its count of
    segments, so no worker is left with the long segments while the other waits."""
    from glossary.check.parallel import _runs
    segments = [Segment("Да.", "Yes.")] * 300 + [Segment("Слово " * 40, "Word " * 40)] * 100
    runs = _runs(segments, 4)
    assert runs[0][0] == 0 and runs[-1][1] == len(segments)
    assert all(a[1] == b[0] for a, b in zip(runs, runs[1:]))  # consecutive, none left out
    sizes = [sum(len(s.source) + len(s.target) for s in segments[a:b]) for a, b in runs]
    assert len(runs) <= 4 and max(sizes) < 1.1 * sum(sizes) / 4
    assert _runs([Segment("", "")] * 10, 4) == [(0, 3), (3, 5), (5, 8), (8, 10)]
    assert _runs(segments[:1], 4) == [(0, 1)]


def test_progress_counts_every_segment(small_glossary):
    done = []
    check(draft(20), small_glossary, jobs=2, progress=done.append)
    assert sum(done) == 20


def test_more_jobs_than_segments(small_glossary):
    same(check(draft(1), small_glossary, jobs=4), check(draft(1), small_glossary))
    same(check([], small_glossary, jobs=2), check([], small_glossary))


@pytest.mark.parametrize("segments, expected", [(10, 1), (PARALLEL_FROM - 1, 1)])
def test_small_drafts_use_one_process(segments, expected):
    assert default_jobs(segments) == expected


def test_large_drafts_use_the_cpus_up_to_four():
    assert 1 <= default_jobs(PARALLEL_FROM) <= 4


@pytest.mark.parametrize("idle, expected", [(2.0, 2), (1.6, 2), (1.2, 1), (0.3, 1), (0.0, 1)])
def test_large_drafts_use_idle_cpus_only(monkeypatch, idle, expected):
    """Two CPUs: a second process only while the other CPU is idle."""
    import os
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(processes, "idle_cpus", lambda cpus: idle)
    assert default_jobs(PARALLEL_FROM) == expected


@pytest.mark.parametrize("load, expected", [(0.1, 2), (0.8, 1), (1.6, 1), (9.0, 1)])
def test_the_load_average_where_cpus_cannot_be_read(monkeypatch, load, expected):
    import os
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(processes, "idle_cpus", lambda cpus: None)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    assert default_jobs(PARALLEL_FROM) == expected


@pytest.mark.skipif(not Path("/proc/stat").exists(), reason="no /proc/stat (not Linux)")
def test_a_cpu_another_process_keeps_busy_is_not_idle():
    """A real process spinning on one CPU: that CPU is judged busy at once (a load average
    would take a minute to tell), and never more CPUs than asked about are idle."""
    import os
    import subprocess
    import sys
    cpu = min(os.sched_getaffinity(0))
    spinner = subprocess.Popen([sys.executable, "-c", f"import os; os.sched_setaffinity(0, "
                                f"{{{cpu}}}); print(flush=True)\nwhile True: pass"],
                               stdout=subprocess.PIPE)
    try:
        spinner.stdout.readline()  # pinned and spinning
        assert processes.idle_cpus({cpu}, 0.2) < 0.5
    finally:
        spinner.kill()
        spinner.wait()
        spinner.stdout.close()
    everything = os.sched_getaffinity(0)
    assert 0 <= processes.idle_cpus(everything) <= len(everything)


@needs_data
@pytest.mark.parametrize("into", ["en", "ru"])
def test_jobs_on_real_text_with_the_shipped_glossary(into):
    """3,000 real Tatoeba pairs, each way round, homonyms and all, with the shipped glossary."""
    from glossary import load
    with (DATA / "tatoeba-en-ru" / "tatoeba-test-v2021-08-07.rus").open(encoding="utf-8") as ru, \
            (DATA / "tatoeba-en-ru" / "tatoeba-test-v2021-08-07.eng").open(encoding="utf-8") as en:
        pairs = [(r.strip(), e.strip()) for r, e, _ in zip(ru, en, range(3000))]
    segments = [Segment(*(pair if into == "en" else pair[::-1])) for pair in pairs]
    shipped = load()
    one = check(segments, shipped)
    assert one.findings
    same(check(segments, shipped, jobs=2), one)
