"""The index's postings lists, packed: one row per key holding every unit it is found in.

A row a posting (schema 2) made an import of the Tatoeba TMX write 315,000 index rows for
19,425 units; packed, it writes one a key (~24,000), and a search reads one row a key.

A list is an array of unsigned 32-bit numbers, stored little-endian: the number of weight
groups n; the groups' weights (the side's weight code, ascending); where each group's ids
end (counted from the first id); then the unit ids, group after group, ascending within a
group. Search wants the units of a weight range (search.py, step 1): a bisection over the
weights and one slice, no per-posting work in Python; and in the order the schema-2 index
gave them (weight, then id), which breaks the shortlist's ties.
"""
from __future__ import annotations

import sqlite3
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain, groupby

from .schema import IN_LIST, as_list

_BIG_ENDIAN = sys.byteorder == "big"


def pack(groups: Mapping[int, Sequence[int]]) -> bytes:
    """A list from {weight: ascending unit ids}.

    >>> list(unpack(pack({49: [7, 9], 2: [3]})).items())
    [(2, array('I', [3])), (49, array('I', [7, 9]))]
    """
    weights = sorted(groups)
    ends, end = [], 0
    for w in weights:
        end += len(groups[w])
        ends.append(end)
    numbers = array("I", [len(weights), *weights, *ends])
    for w in weights:
        numbers.extend(groups[w])
    if _BIG_ENDIAN:
        numbers.byteswap()
    return numbers.tobytes()


def _numbers(blob: bytes) -> tuple[array, int]:
    """The list's numbers and its number of groups."""
    numbers = array("I")
    numbers.frombytes(blob)
    if _BIG_ENDIAN:
        numbers.byteswap()
    return numbers, numbers[0]


def unpack(blob: bytes) -> dict[int, array]:
    """{weight: ascending unit ids} of a list."""
    numbers, n = _numbers(blob)
    first = 1 + 2 * n
    groups, start = {}, 0
    for w, end in zip(numbers[1:1 + n], numbers[1 + n:first]):
        groups[w] = numbers[first + start:first + end]
        start = end
    return groups


def in_range(blob: bytes, low: int | None = None, high: int | None = None) -> Sequence[int]:
    """The unit ids of the groups weighing `low`…`high` (inclusive; None: no bound), by
    weight then id.

    >>> list(in_range(pack({2: [3], 49: [7, 9], 60: [1]}), 10, 59)), list(in_range(pack({2: [3]})))
    ([7, 9], [3])
    """
    # Read in place (a common key's list is tens of KB, of which a query wants a slice);
    # copied only where the machine's byte order is not the stored one.
    numbers: Sequence[int] = _numbers(blob)[0] if _BIG_ENDIAN else memoryview(blob).cast("I")
    n = numbers[0]
    first = 1 + 2 * n
    weights = numbers[1:1 + n]
    i = 0 if low is None else bisect_left(weights, low)
    j = n if high is None else bisect_right(weights, high)
    if i >= j:
        return ()
    start = numbers[n + i] if i else 0  # the end of the group before
    return numbers[first + start:first + numbers[n + j]]


def decode(blob: bytes) -> Iterator[tuple[int, int]]:
    """(weight, unit id) of every posting of a list."""
    for w, ids in unpack(blob).items():
        for unit_id in ids:
            yield w, unit_id


def units(lists: Mapping[int, bytes], low: int | None = None, high: int | None = None
          ) -> dict[int, None]:
    """The units filed under any of the keys with a weight in `low`…`high`, in the index's
    order (key id, weight, unit id; each unit where it first comes), as dict keys.
    `lists`: {key id: its list}.

    >>> list(units({9: pack({5: [4, 8]}), 2: pack({5: [8], 7: [1]})}, 5, 6))
    [8, 4]
    """
    return dict.fromkeys(chain.from_iterable(in_range(lists[key_id], low, high)
                                             for key_id in sorted(lists)))


def merge(db: sqlite3.Connection, new: dict[int, dict[int, list[int]]], stored: Iterable[int]
          ) -> None:
    """Write new postings {key id: {weight: ascending unit ids}}, adding to the lists already
    stored for the keys in `stored` (their other keys have none yet)."""
    old: dict[int, bytes] = {}
    wanted = [key_id for key_id in stored if key_id in new]
    for at in range(0, len(wanted), 10_000):
        old.update(db.execute(f"SELECT key_id, list FROM postings WHERE key_id {IN_LIST}",
                              (as_list(wanted[at:at + 10_000]),)))
    rows = []
    for key_id, groups in new.items():
        blob = old.get(key_id)
        rows.append((key_id, pack(groups if blob is None else _joined(unpack(blob), groups))))
    db.executemany("INSERT OR REPLACE INTO postings (key_id, list) VALUES (?, ?)", rows)


def _joined(old: dict[int, array], new: dict[int, list[int]]) -> dict[int, Sequence[int]]:
    """Two lists' groups as one (a unit listed in both once).

    >>> _joined({2: array("I", [3, 5])}, {2: [6], 4: [8]})
    {2: array('I', [3, 5, 6]), 4: [8]}
    >>> _joined({2: array("I", [3, 9])}, {2: [3, 5]})
    {2: [3, 5, 9]}
    """
    joined: dict[int, Sequence[int]] = dict(old)
    for w, ids in new.items():
        had = old.get(w)
        if had is None:
            joined[w] = ids
        elif had[-1] < ids[0]:  # the usual case: new units have higher ids
            joined[w] = had + array("I", ids)
        else:
            joined[w] = sorted(set(had).union(ids))
    return joined


def pack_rows(db: sqlite3.Connection) -> None:
    """Migration 2 → 3: the postings' rows packed into a list per key, in place."""
    db.execute("ALTER TABLE postings RENAME TO postings_rows")
    db.execute(CREATE)
    read = db.execute("SELECT key_id, weight, unit_id FROM postings_rows "
                      "ORDER BY key_id, weight, unit_id")
    rows = []
    for key_id, postings in groupby(read, key=lambda row: row[0]):
        groups: dict[int, list[int]] = {}
        for _key, w, unit_id in postings:
            groups.setdefault(w, []).append(unit_id)
        rows.append((key_id, pack(groups)))
    db.executemany("INSERT INTO postings (key_id, list) VALUES (?, ?)", rows)
    db.execute("DROP TABLE postings_rows")


CREATE = """
CREATE TABLE postings (
    key_id INTEGER PRIMARY KEY,   -- keys.id
    list BLOB NOT NULL            -- every unit filed under the key, packed (tm/postings.py)
)"""
