"""Reading segments in batches for the writer, analysed here or in worker processes.

The analysis of a pair (tokens, lemmas, keys: pairs.analyse_pair) is the costly part of an
import and needs nothing from the TM, so with jobs > 1 it is shared by `jobs` processes: this
one, which also reads the file and writes the TM, and jobs - 1 workers. Batches come back in
input order, so the TM is the one a single process would build. Workers are forked where that
is safe (Linux), inheriting loaded dictionaries.

Reading and writing take this process about as long as the analysis takes a worker, so with
two processes neither waits for long; when the workers are behind, this process analyses the
newest batch none of them has started rather than wait (`_oldest`).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from glossary.processes import default_jobs, worker_context
from glossary.segment import Segment

from .pairs import Analysed, analyse_pair

BATCH = 1000  # segments per batch: one duplicate query, one task for a worker
_AHEAD = 4    # batches a process may run ahead of the writer, per job
_BYTES_PER_UNIT = 200  # about what a unit takes in a TMX, PO or XLIFF file

# A batch's analyses and the keys of the word forms they name for the first time (see
# analyse_pair: each form's keys cross between processes once).
Analyses = tuple[list[Analysed], dict[str, str]]
# A batch on its way: its segments, a worker's task, and its analyses once this process has
# made them itself (the task then cancelled).
_Pending = tuple[list[Segment], Future, Analyses | None]

# In a worker: the keys of every form it has sent.
_SENT: dict[str, str] = {}


def import_jobs(path: Path) -> int:
    """Processes worth using to import a file, judged by its size (see default_jobs)."""
    return default_jobs(path.stat().st_size // _BYTES_PER_UNIT)


def analysed_batches(segments: Iterable[Segment], jobs: int = 1
                     ) -> Iterator[tuple[list[Segment], list[Analysed] | None,
                                         dict[str, str] | None]]:
    """(batch, its analyses, new forms' keys) in input order; the analyses are None with
    one job (the writer then analyses only the new units)."""
    batches = _batches(segments)
    if jobs <= 1:
        yield from ((batch, None, None) for batch in batches)
        return
    with ProcessPoolExecutor(jobs - 1, mp_context=worker_context()) as pool:
        pending: deque[_Pending] = deque()
        for batch in batches:
            pending.append((batch, pool.submit(analyse_batch, _pairs(batch)), None))
            if len(pending) >= jobs * _AHEAD:
                yield _oldest(pending)
        while pending:
            yield _oldest(pending)


def _oldest(pending: deque[_Pending]
            ) -> tuple[list[Segment], list[Analysed], dict[str, str]]:
    """The oldest pending batch with its analyses, taken off the queue. While no worker has
    finished it, this process analyses the newest batch no worker has started (cancelling
    its task) rather than wait; the oldest one too, if it comes to that."""
    while pending[0][2] is None and not pending[0][1].done():
        for n in range(len(pending) - 1, -1, -1):
            batch, task, done = pending[n]
            if done is None and task.cancel():
                # A batch of its own tells every form's keys: this process may take an
                # earlier batch after a later one, and the writer reads them in order.
                pending[n] = (batch, task, analyse_batch(_pairs(batch), {}))
                break
        else:
            break  # every batch is being analysed by a worker: wait for the oldest
    batch, task, done = pending.popleft()
    analyses, keyed = done if done is not None else task.result()
    return batch, analyses, keyed


def analyse_batch(pairs: list[tuple[str, str]], keyed: dict[str, str] | None = None
                  ) -> Analyses:
    """The pairs' analyses, and the keys of the forms they name that are not in `keyed` yet
    (added there; by default the worker's forms sent before: a worker's batches are read in
    the order it analyses them)."""
    keyed = _SENT if keyed is None else keyed
    known = len(keyed)
    analyses = [analyse_pair(source, target, keyed) for source, target in pairs]
    return analyses, dict(islice(keyed.items(), known, None))


def _pairs(batch: list[Segment]) -> list[tuple[str, str]]:
    return [(s.source, s.target) for s in batch]


def _batches(segments: Iterable[Segment]) -> Iterator[list[Segment]]:
    it = iter(segments)
    while batch := list(islice(it, BATCH)):
        yield batch
