"""Reading segments in batches for the writer, analysed here or in worker processes.

The analysis of a pair (tokens, lemmas, keys: writer.analyse_pair) is the costly part of an
import and needs nothing from the TM, so with jobs > 1 worker processes do it while this
process writes; batches come back in input order, so the TM is the one a single process
would build. Workers are forked where that is safe (Linux), inheriting loaded dictionaries.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from glossary.processes import default_jobs, worker_context
from glossary.segment import Segment

from .writer import Analysed, analyse_pair

BATCH = 1000  # segments per batch: one duplicate query, one task for a worker
_AHEAD = 4    # batches a worker may run ahead of the writer, per job
_BYTES_PER_UNIT = 200  # about what a unit takes in a TMX, PO or XLIFF file


def import_jobs(path: Path) -> int:
    """Processes worth using to import a file, judged by its size (see default_jobs)."""
    return default_jobs(path.stat().st_size // _BYTES_PER_UNIT)


def analysed_batches(segments: Iterable[Segment], jobs: int = 1
                     ) -> Iterator[tuple[list[Segment], list[Analysed] | None]]:
    """(batch, its analyses) in input order; the analyses are None with one job (the writer
    then analyses only the new units)."""
    batches = _batches(segments)
    if jobs <= 1:
        yield from ((batch, None) for batch in batches)
        return
    with ProcessPoolExecutor(jobs, mp_context=worker_context()) as pool:
        pending = []
        for batch in batches:
            pending.append((batch, pool.submit(analyse_batch, [(s.source, s.target) for s in batch])))
            if len(pending) >= jobs * _AHEAD:
                done, future = pending.pop(0)
                yield done, future.result()
        for done, future in pending:
            yield done, future.result()


def analyse_batch(pairs: list[tuple[str, str]]) -> list[Analysed]:
    return [analyse_pair(source, target) for source, target in pairs]


def _batches(segments: Iterable[Segment]) -> Iterator[list[Segment]]:
    it = iter(segments)
    while batch := list(islice(it, BATCH)):
        yield batch
