"""Checking a large draft in several processes, with exactly the result of one.

The draft is cut into runs of consecutive segments; each worker process checks its runs
pair by pair (matching, per-pair rules) and hands back the findings and what the
draft-wide rules recorded (`ctx.state[rule_id]`). Those records are merged in draft order,
so the draft-wide rules then see what one process would have seen. Keys of `ctx.state`
starting with `_` are per-process caches and are not merged.

Workers are forked where that is safe (Linux: they inherit the analyzer, the compiled
matcher and its warm caches); elsewhere they are spawned and get the matcher pickled (our
own processes: no file is involved).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from ..processes import worker_context
from ..segment import Segment
from .context import Context
from .finding import Finding

_RUNS_PER_JOB = 8  # more, smaller runs even out the work: the last one taken is waited for

_worker: dict[str, Any] = {}


def check_in_processes(segments: Sequence[Segment], ctx: Context, rule_ids: list[str],
                       jobs: int, run: Callable[..., list[Finding]],
                       progress: Callable[[int], None] | None = None,
                       meanwhile: Callable[[], None] | None = None) -> list[Finding]:
    """Findings of `run(segments, first_number, ctx, rule_ids)` over the whole draft, run by
    `jobs` processes; `ctx.state` ends up as one process would have left it. `meanwhile()`
    is run here while the workers check (this process would otherwise wait): it must not
    need what they record."""
    from concurrent.futures import ProcessPoolExecutor  # not imported by a one-process check

    runs = _runs(segments, jobs * _RUNS_PER_JOB)
    found: list[Finding] = []
    # A worker is given the draft once, as it starts (a forked one shares this process's
    # copy), and then only where each of its runs starts and stops.
    with ProcessPoolExecutor(jobs, mp_context=worker_context(), initializer=_start,
                             initargs=(ctx, rule_ids, run, segments)) as pool:
        futures = [pool.submit(_check_run, start, stop) for start, stop in runs]
        if meanwhile is not None:
            meanwhile()
        for (start, stop), future in zip(runs, futures):
            findings, state = future.result()
            found.extend(findings)
            merge_state(ctx.state, state)
            if progress is not None:
                progress(stop - start)
    return found


def _runs(segments: Sequence[Segment], n: int) -> list[tuple[int, int]]:
    """(start, stop) of at most `n` runs of consecutive segments holding about as much text
    each: a run of long segments (a news corpus after a phrase book) takes longer, and the
    run a worker takes last decides when the check ends."""
    weights = [len(s.source) + len(s.target) + 1 for s in segments]
    total = sum(weights)
    runs: list[tuple[int, int]] = []
    start = done = 0
    for i, weight in enumerate(weights):
        done += weight
        if done * n >= total * (len(runs) + 1):
            runs.append((start, i + 1))
            start = i + 1
    if start < len(segments):
        runs.append((start, len(segments)))
    return runs


def _start(ctx: Context, rule_ids: list[str], run: Callable[..., list[Finding]],
           segments: Sequence[Segment]) -> None:
    _worker.update(ctx=ctx, rule_ids=rule_ids, run=run, segments=segments)


def _check_run(start: int, stop: int) -> tuple[list[Finding], dict]:
    ctx: Context = _worker["ctx"]
    ctx.state = {k: v for k, v in ctx.state.items() if k.startswith("_")}
    findings = _worker["run"](_worker["segments"][start:stop], start + 1, ctx,
                              _worker["rule_ids"])
    return findings, {k: v for k, v in ctx.state.items() if not k.startswith("_")}


def merge_state(into: dict, part: dict) -> None:
    """Add what a later run of segments recorded to what earlier ones did: lists are
    extended (draft order), counters added, sets joined, dicts merged key by key.

    >>> a = {"r": {"x": [1], "y": Counter(a=1)}}
    >>> merge_state(a, {"r": {"x": [2], "y": Counter(a=2), "z": {3}}})
    >>> a
    {'r': {'x': [1, 2], 'y': Counter({'a': 3}), 'z': {3}}}
    """
    for key, value in part.items():
        if key not in into:
            into[key] = value
            continue
        mine = into[key]
        if isinstance(mine, Counter):
            mine.update(value)
        elif isinstance(mine, dict):
            merge_state(mine, value)
        elif isinstance(mine, list):
            mine.extend(value)
        elif isinstance(mine, set):
            mine |= value
        else:
            raise TypeError(f"cannot merge rule state {key!r} of type {type(mine).__name__}")
