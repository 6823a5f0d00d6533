"""Worker processes for large inputs (check, TM import): how many, and how they start."""
from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

from .keys import word_keys

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Below this many segments a second process costs more than it saves.
PARALLEL_FROM = 5000
_MAX_AUTO_JOBS = 4
_SAMPLED = 0.05  # seconds over which idle CPUs are judged: five clock ticks of 10 ms


def default_jobs(items: int) -> int:
    """Processes to use for this many segments: one for small inputs, else one per idle CPU
    this process may use (at most 4: past that, start-up and merging eat the gain). A CPU
    busy with other work makes a second process slower than one, so only idle CPUs count:
    idle now (idle_cpus), not over the last minute as the load average tells, which after
    a busy minute keeps a second CPU out for a minute more, and misses one just taken."""
    if items < PARALLEL_FROM:
        return 1
    try:
        usable = os.sched_getaffinity(0)
    except AttributeError:  # not on every platform
        usable = set(range(os.cpu_count() or 1))
    idle = idle_cpus(usable)
    if idle is None:
        try:
            idle = len(usable) - os.getloadavg()[0]
        except (AttributeError, OSError):  # no load average (Windows)
            idle = len(usable)
    return max(1, min(round(idle), len(usable), _MAX_AUTO_JOBS))


def idle_cpus(cpus: set[int], interval: float = _SAMPLED) -> float | None:
    """How many of `cpus` are idle, judged over the next `interval` seconds from the
    kernel's per-CPU counters (Linux /proc/stat); None where there are none to read."""
    try:
        before = _cpu_counters(cpus)
        time.sleep(interval)
        after = _cpu_counters(cpus)
    except (OSError, ValueError):
        return None
    idle = 0.0
    for cpu, (busy, rest) in after.items():
        was_busy, was_rest = before.get(cpu, (busy, rest))
        ticks = busy - was_busy + rest - was_rest
        idle += (rest - was_rest) / ticks if ticks > 0 else 1.0
    return idle if after else None


def _cpu_counters(cpus: set[int]) -> dict[int, tuple[int, int]]:
    """(busy, idle) clock ticks so far of each of `cpus`: idle counts iowait too (a CPU
    waiting on a disk is free to compute), busy everything else, steal included."""
    found = {}
    with open("/proc/stat", encoding="ascii") as f:
        for line in f:
            name, *fields = line.split()
            if not name.startswith("cpu") or name == "cpu":
                continue
            if int(name[3:]) in cpus:
                ticks = [int(t) for t in fields[:8]]
                rest = ticks[3] + ticks[4]
                found[int(name[3:])] = (sum(ticks) - rest, rest)
    return found


def worker_context() -> BaseContext:
    """Fork where that is safe (Linux), after loading the dictionaries here once, so workers
    inherit them; elsewhere spawn (each worker loads them itself)."""
    import multiprocessing  # imported by the runs that start workers only

    if sys.platform.startswith("linux"):
        word_keys("войска")
        word_keys("troops")
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
