"""Pausing Python's cyclic garbage collector around work that makes many objects and no
reference cycles: its full passes walk every long-lived object (a draft, the lexicons'
tables) and find nothing to free. Reference counting still frees everything at once."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside (a `with` block, or a function decorated with `@paused()`),
    left as it was after, as timeit does.

    >>> with paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
