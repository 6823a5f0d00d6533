"""Worker processes for large inputs (check, TM import): how many, and how they start."""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from .keys import word_keys

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Below this many segments a second process costs more than it saves.
PARALLEL_FROM = 5000
_MAX_AUTO_JOBS = 4


def default_jobs(items: int) -> int:
    """Processes to use for this many segments: one for small inputs, else one per idle CPU
    this process may use (at most 4: past that, start-up and merging eat the gain). A CPU
    busy with other work makes a second process slower than one, so the load average counts."""
    if items < PARALLEL_FROM:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cpus = os.cpu_count() or 1
    try:
        idle = round(cpus - os.getloadavg()[0])
    except (AttributeError, OSError):  # no load average (Windows)
        idle = cpus
    return max(1, min(idle, cpus, _MAX_AUTO_JOBS))


def worker_context() -> BaseContext:
    """Fork where that is safe (Linux), after loading the dictionaries here once, so workers
    inherit them; elsewhere spawn (each worker loads them itself)."""
    import multiprocessing  # imported by the runs that start workers only

    if sys.platform.startswith("linux"):
        word_keys("войска")
        word_keys("troops")
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
